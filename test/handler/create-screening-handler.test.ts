import { test as propTest } from "@fast-check/vitest";
import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, expectTypeOf, it, vi } from "vitest";
import { InputError } from "../../src/errors";
import {
  createScreeningHandler,
  HANDLER_DEFAULTS,
  type BatchResponse,
  type ScreeningHandler,
  type ScreeningHandlerOptions,
} from "../../src/handler";
import type { ScreenResult, Screener } from "../../src/screen";
import { countingStream, get, json, ORIGIN, post, smallScreener, type ErrorJson } from "./helpers";

let screener: Screener;
let strict: Screener;
// A fixed clock: 23:30 UTC on 1 March 2024 is already 2 March in Tokyo.
const now = (): Date => new Date("2024-03-01T23:30:00Z");

beforeAll(() => {
  screener = smallScreener("balanced");
  strict = smallScreener("strict");
});

function handler(options: Partial<ScreeningHandlerOptions> = {}): ScreeningHandler {
  return createScreeningHandler({ screener, now, ...options });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("POST /screen", () => {
  it("answers the screener's own result, with today's date as asOf when the request has none", async () => {
    const res = await handler()(post("/screen", { name: "Belvneshpromservis", type: "organization" }));
    expect(res.status).toBe(200);
    const body = await json<ScreenResult>(res);
    expect(body).toEqual(JSON.parse(JSON.stringify(screener.screen({ name: "Belvneshpromservis", type: "organization", asOf: "2024-03-01" }))));
    expect(body.outcome).toBe("alert");
    expect(body.asOf).toBe("2024-03-01");
    expect(body.hits[0]).toMatchObject({ list: "curated", recordId: "belvneshpromservice", decision: "alert" });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("reads today in the configured time zone, and keeps an explicit asOf", async () => {
    const tokyo = handler({ timeZone: "Asia/Tokyo" });
    expect((await json<ScreenResult>(await tokyo(post("/screen", { name: "Army Supply Bureau" })))).asOf).toBe("2024-03-02");
    const explicit = await json<ScreenResult>(await tokyo(post("/screen", { name: "Army Supply Bureau", asOf: "2018-06-01" })));
    expect(explicit.asOf).toBe("2018-06-01");
    expect(explicit.outcome).toBe("alert");
  });

  it("reads the clock once per request, never at creation", async () => {
    const clock = vi.fn(now);
    const h = handler({ now: clock });
    expect(clock).not.toHaveBeenCalled();
    await h(post("/screen", { name: "KAMAZ" }));
    await h(post("/screen", { name: "KAMAZ", asOf: "2020-01-01" }));
    expect(clock).toHaveBeenCalledTimes(2);
  });

  it("screens a clear name as a clear result, not an error", async () => {
    const body = await json<ScreenResult>(await handler()(post("/screen", { name: "Zyxwv Qutsr Ponml" })));
    expect(body.outcome).toBe("clear");
    expect(body.hits).toEqual([]);
  });

  it("accepts the `+json` media types and a UTF-8 charset, and a trailing slash", async () => {
    const h = handler();
    expect((await h(post("/screen/", { name: "KAMAZ" }, { "content-type": "application/vnd.api+json; charset=UTF-8" }))).status).toBe(200);
  });

  it("uses another profile's screener when the request names it, created once on first use", async () => {
    const factory = vi.fn(() => strict);
    const h = handler({ screenerFor: factory });
    const a = await json<ScreenResult>(await h(post("/screen", { name: "Belvneshpromservis", profile: "strict" })));
    await h(post("/screen", { name: "KAMAZ", profile: "strict" }));
    expect(a.profile).toBe("strict");
    expect(a.threshold).toBe(strict.threshold);
    expect(factory).toHaveBeenCalledTimes(1);
    expect(factory).toHaveBeenCalledWith("strict");
    const same = await json<ScreenResult>(await h(post("/screen", { name: "KAMAZ", profile: "balanced" })));
    expect(same.profile).toBe("balanced");
    expect(factory).toHaveBeenCalledTimes(1);
  });
});

describe("400: every bad field with its path, expected and received", () => {
  it("names each bad field at once", async () => {
    const res = await handler()(post("/screen", { name: "", country: "by", dateOfBirth: "12/03/1970", dob: 1970, profile: "lenient" }));
    expect(res.status).toBe(400);
    const { error } = await json(res);
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.issues?.map((i) => [i.path, i.expected, i.received])).toEqual([
      ["profile", 'one of "strict", "balanced", "broad"', '"lenient"'],
      ["name", "a non-empty name", '""'],
      ["country", 'an ISO 3166-1 alpha-2 country code (hint: codes are upper case: "BY")', '"by"'],
      ["dateOfBirth", "YYYY[-MM[-DD]]", '"12/03/1970"'],
      ["dob", "no such field", "1970"],
    ]);
    expect(error.message).toContain('country: expected an ISO 3166-1 alpha-2 country code (hint: codes are upper case: "BY"), received "by"');
  });

  it.each([
    { case: "an array", body: [{ name: "x" }], received: "array of 1" },
    { case: "a string", body: '"KAMAZ"', received: '"KAMAZ"' },
    { case: "null", body: "null", received: "null" },
  ])("refuses $case as the body", async ({ body, received }) => {
    const { error } = await json(await handler()(post("/screen", body)));
    expect(error.status).toBe(400);
    expect(error.issues).toEqual([expect.objectContaining({ path: "", expected: "a JSON object", received })]);
  });

  it.each([
    { case: "a missing name", body: {}, path: "name", expected: "string" },
    { case: "a wrong type", body: { name: "x", type: "company" }, path: "type", expected: 'one of "person", "organization", "vessel", "aircraft", "unknown"' },
    { case: "a bad asOf", body: { name: "x", asOf: "01/02/2024" }, path: "asOf", expected: "a calendar day YYYY-MM-DD" },
    { case: "a null asOf", body: { name: "x", asOf: null }, path: "asOf", expected: "string" },
    { case: "a bad identifier", body: { name: "x", identifiers: [{ value: "" }] }, path: "identifiers.0.value", expected: "at least 1 character(s)" },
    { case: "a profile not served", body: { name: "x", profile: "strict" }, path: "profile", expected: '"balanced" (the only profile this endpoint serves)' },
  ])("refuses $case", async ({ body, path, expected }) => {
    const { error } = await json(await handler()(post("/screen", body)));
    expect(error.status).toBe(400);
    expect(error.issues).toContainEqual(expect.objectContaining({ path, expected }));
  });

  it.each([
    { case: "not JSON", body: "{name: KAMAZ}", expected: "a JSON document", received: "text that is not JSON" },
    { case: "empty", body: "", expected: "a JSON document", received: "an empty body" },
  ])("refuses a body that is $case, without quoting it", async ({ body, expected, received }) => {
    const { error } = await json(await handler()(post("/screen", body)));
    expect(error).toMatchObject({ status: 400, code: "INVALID_INPUT", issues: [{ path: "", expected, received }] });
    expect(error.message).not.toContain("KAMAZ");
  });

  it("refuses bytes that are not UTF-8", async () => {
    const req = new Request(`${ORIGIN}/screen`, { method: "POST", headers: { "content-type": "application/json" }, body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) });
    const { error } = await json(await handler()(req));
    expect(error.issues?.[0]).toMatchObject({ expected: "UTF-8 text", received: "bytes that are not UTF-8" });
  });

  it("refuses a malformed Content-Length", async () => {
    const { error } = await json(await handler()(post("/screen", { name: "x" }, { "content-length": "12abc" })));
    expect(error).toMatchObject({ status: 400, issues: [{ expected: "a Content-Length of whole bytes" }] });
  });

  it("answers INPUT_TOO_LONG for a name over the screener's limit", async () => {
    const { error } = await json(await handler()(post("/screen", { name: "A".repeat(1001) })));
    expect(error).toMatchObject({ status: 400, code: "INPUT_TOO_LONG", issues: [{ path: "name", expected: "at most 1000 characters", received: "1001 characters" }] });
  });
});

describe("401: API key", () => {
  const h = (): ScreeningHandler => handler({ apiKey: "s3cret-key" });

  it("refuses a request without a key, with a Bearer challenge", async () => {
    const res = await h()(post("/screen", { name: "KAMAZ" }));
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="sanctions-screen"');
    expect((await json(res)).error).toMatchObject({ code: "UNAUTHORIZED", message: expect.stringContaining("received none") });
  });

  it.each([
    { case: "a wrong key", headers: { authorization: "Bearer s3cret-kez" } },
    { case: "a prefix of the key", headers: { authorization: "Bearer s3cret" } },
    { case: "the key with more after it", headers: { authorization: "Bearer s3cret-key2" } },
    { case: "another scheme", headers: { authorization: "Basic czNjcmV0LWtleQ==" } },
    { case: "a wrong X-API-Key", headers: { "x-api-key": "nope" } },
  ])("refuses $case", async ({ headers }) => {
    const res = await h()(post("/screen", { name: "KAMAZ" }, headers));
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain("s3cret");
  });

  it.each([
    { case: "Authorization: Bearer", headers: { authorization: "Bearer s3cret-key" } },
    { case: "a lower-case scheme", headers: { authorization: "bearer s3cret-key" } },
    { case: "X-API-Key", headers: { "x-api-key": "s3cret-key" } },
  ])("accepts the key as $case", async ({ headers }) => {
    expect((await h()(post("/screen", { name: "KAMAZ" }, headers))).status).toBe(200);
  });

  it("checks every route but the health check and the page", async () => {
    const withPage = handler({ apiKey: "s3cret-key", analystPage: true });
    expect((await withPage(get("/lists"))).status).toBe(401);
    expect((await withPage(post("/screen/batch", { subjects: [{ name: "x" }] }))).status).toBe(401);
    expect((await withPage(get("/health"))).status).toBe(200);
    expect((await withPage(get("/"))).status).toBe(200);
  });

  it("accepts any of several keys (rotation)", async () => {
    const rotating = handler({ apiKey: ["old-key", "new-key"] });
    expect((await rotating(get("/lists", "GET", { authorization: "Bearer old-key" }))).status).toBe(200);
    expect((await rotating(get("/lists", "GET", { authorization: "Bearer new-key" }))).status).toBe(200);
    expect((await rotating(get("/lists", "GET", { authorization: "Bearer other" }))).status).toBe(401);
  });

  it("checks the key before reading the body", async () => {
    const { stream, pulled } = countingStream(10, 1000);
    const req = new Request(`${ORIGIN}/screen`, { method: "POST", headers: { "content-type": "application/json" }, body: stream, duplex: "half" } as RequestInit);
    expect((await h()(req)).status).toBe(401);
    expect(pulled()).toBeLessThanOrEqual(1);
  });
});

describe("404, 405", () => {
  it("answers 404 for an unknown route, naming the routes", async () => {
    const res = await handler()(get("/screening"));
    expect(res.status).toBe(404);
    expect((await json(res)).error).toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("/screen, /screen/batch, /lists, /health") });
  });

  it("answers 404 NOT_CONFIGURED for transactions when no transaction screening is injected", async () => {
    const res = await handler()(post("/transactions/screen", { date: "2024-01-01", parties: [] }));
    expect(res.status).toBe(404);
    expect((await json(res)).error).toEqual({
      status: 404,
      code: "NOT_CONFIGURED",
      message: "/transactions/screen: transaction screening is not configured on this endpoint",
    });
  });

  it("serves no page unless asked", async () => {
    expect((await handler()(get("/"))).status).toBe(404);
  });

  it.each([
    { method: "GET", path: "/screen", allow: "POST" },
    { method: "PUT", path: "/screen/batch", allow: "POST" },
    { method: "DELETE", path: "/lists", allow: "GET, HEAD" },
    { method: "POST", path: "/health", allow: "GET, HEAD" },
  ])("answers 405 with Allow: $allow for $method $path", async ({ method, path, allow }) => {
    const res = await handler()(new Request(`${ORIGIN}${path}`, { method }));
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe(allow);
    expect((await json(res)).error.code).toBe("METHOD_NOT_ALLOWED");
  });

  it("answers HEAD like GET without a body", async () => {
    const res = await handler()(get("/health", "HEAD"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await res.text()).toBe("");
  });

  it("serves the routes under a base path only", async () => {
    const h = handler({ basePath: "/api/v1" });
    expect((await h(post("/api/v1/screen", { name: "KAMAZ" }))).status).toBe(200);
    expect((await h(post("/screen", { name: "KAMAZ" }))).status).toBe(404);
    expect((await h(get("/api/v1x/health"))).status).toBe(404);
  });
});

describe("413: body size, checked before parsing", () => {
  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    const { stream, pulled } = countingStream(100, 1000);
    const req = new Request(`${ORIGIN}/screen`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": "100000" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const res = await handler({ maxBodyBytes: 4096 })(req);
    expect(res.status).toBe(413);
    expect(pulled()).toBeLessThanOrEqual(1);
    expect((await json(res)).error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", issues: [{ expected: "at most 4096 bytes", received: "100000 bytes (Content-Length)" }] });
  });

  it("counts a streamed body and stops reading at the limit", async () => {
    const { stream, pulled, cancelled } = countingStream(1000, 1000);
    const req = new Request(`${ORIGIN}/screen/batch`, { method: "POST", headers: { "content-type": "application/json" }, body: stream, duplex: "half" } as RequestInit);
    const res = await handler({ maxBodyBytes: 8192 })(req);
    expect(res.status).toBe(413);
    expect(pulled()).toBeLessThan(20);
    expect(cancelled()).toBe(true);
    expect((await json(res)).error.issues?.[0]?.received).toBe("more than 8192 bytes");
  });

  it("accepts a body exactly at the limit", async () => {
    const body = JSON.stringify({ name: "KAMAZ" });
    const padded = body.padEnd(256, " ");
    expect((await handler({ maxBodyBytes: 256 })(post("/screen", padded))).status).toBe(200);
    expect((await handler({ maxBodyBytes: 256 })(post("/screen", `${padded} `))).status).toBe(413);
  });

  it("has documented defaults", () => {
    expect(HANDLER_DEFAULTS).toEqual({ maxBodyBytes: 262_144, maxBatch: 100, maxNameWords: 32, maxBatchWords: 1_000, maxWordsInFlight: 2_000, maxBatchMs: 2_000, timeZone: "UTC" });
  });
});

// Issue 9, item 8: screening work is bounded per name, per batch and over all requests in flight,
// answered with a typed 413 / 429 before any screening instead of blocking the endpoint.
describe("413 / 429: the screening work budget", () => {
  const letters = (n: number): string => Array.from({ length: n }, (_, i) => String.fromCharCode(97 + (i % 26))).join(" ");

  it("refuses a name with more words than maxNameWords, naming the field, before screening it", async () => {
    const spy = vi.spyOn(screener, "screen");
    const res = await handler()(post("/screen", { name: letters(64) }));
    expect(res.status).toBe(413);
    const body = await json(res);
    expect(body.error).toMatchObject({ code: "WORK_TOO_LARGE", issues: [{ path: "name", expected: "at most 32 words", received: "64 words" }] });
    const batch = await handler()(post("/screen/batch", { subjects: [{ name: "Army Supply Bureau" }, { name: letters(40) }] }));
    expect(batch.status).toBe(413);
    expect((await json(batch)).error.issues?.[0]).toMatchObject({ path: "subjects.1.name", received: "40 words" });
    expect(spy).not.toHaveBeenCalled();
    expect((await handler({ maxNameWords: 64 })(post("/screen", { name: letters(40) }))).status).toBe(200);
  });

  it("refuses a batch whose names add up to more than maxBatchWords", async () => {
    const subjects = Array.from({ length: 100 }, () => ({ name: letters(20) }));
    const res = await handler()(post("/screen/batch", { subjects }));
    expect(res.status).toBe(413);
    expect((await json(res)).error).toMatchObject({ code: "WORK_TOO_LARGE", issues: [{ path: "subjects", expected: "at most 1000 words over all names", received: "2000 words in 100 names" }] });
  });

  it("keeps answering other requests during a batch, and answers 429 BUSY when the budget in flight is spent", async () => {
    // A screener that spends 3 ms per name, so a 40-name batch holds the CPU for ~120 ms in all.
    const slow: Screener = { ...screener, lists: screener.lists, stats: screener.stats, screen: (input) => {
      const until = performance.now() + 3;
      while (performance.now() < until);
      return screener.screen(input);
    } };
    // The time budget is tested below; here it must not bite on a loaded machine.
    const h = createScreeningHandler({ screener: slow, now, maxBatchWords: 200, maxWordsInFlight: 200, maxBatchMs: 120_000 });
    const subjects = Array.from({ length: 40 }, (_, i) => ({ name: `Army Supply Bureau ${i}` }));
    const order: string[] = [];
    const first = h(post("/screen/batch", { subjects })).then((r) => (order.push("batch"), r));
    await new Promise((r) => setTimeout(r, 15)); // the batch has started and yielded
    const health = h(get("/health")).then((r) => (order.push("health"), r));
    const second = h(post("/screen/batch", { subjects })).then((r) => (order.push("second"), r));
    const [a, b, c] = await Promise.all([first, health, second]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(c.status).toBe(429);
    expect(c.headers.get("retry-after")).toBe("1");
    expect((await json(c)).error.code).toBe("BUSY");
    expect(order.indexOf("health")).toBeLessThan(order.indexOf("batch"));
    // The budget is released when the batch ends.
    expect((await h(post("/screen/batch", { subjects }))).status).toBe(200);
    // A batch that runs over its time budget stops with a 413, and releases the budget too.
    const timed = createScreeningHandler({ screener: slow, now, maxBatchMs: 20 });
    const over = await timed(post("/screen/batch", { subjects }));
    expect(over.status).toBe(413);
    expect((await json(over)).error).toMatchObject({ code: "WORK_TOO_LARGE", issues: [{ path: "subjects", expected: "at most 20 ms of screening" }] });
    expect((await timed(post("/screen/batch", { subjects: subjects.slice(0, 2) }))).status).toBe(200);
  });
});

describe("415: media type", () => {
  it.each([
    { case: "no content type", headers: {} as Record<string, string> },
    { case: "text/plain", headers: { "content-type": "text/plain" } },
    { case: "form data", headers: { "content-type": "application/x-www-form-urlencoded" } },
    { case: "JSON in Latin-1", headers: { "content-type": "application/json; charset=iso-8859-1" } },
  ])("refuses $case before reading the body", async ({ headers }) => {
    const { stream, pulled } = countingStream(5, 10);
    const req = new Request(`${ORIGIN}/screen`, { method: "POST", headers, body: stream, duplex: "half" } as RequestInit);
    const res = await handler()(req);
    expect(res.status).toBe(415);
    expect(pulled()).toBeLessThanOrEqual(1);
    expect(res.headers.get("accept-post")).toBe("application/json");
    expect((await json(res)).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });
});

describe("500: never leaks internals", () => {
  const broken = { ...({} as Screener), lists: [], stats: { records: 0, names: 0, unindexed: [] }, profile: "balanced", threshold: 0.9, reviewThreshold: 0.8, algorithm: "names-v2" } as unknown as Screener;

  it("answers a generic 500 and hands the error to onError only", async () => {
    const failing: Screener = {
      ...broken,
      screen: () => {
        throw new Error("ECONNRESET at /srv/secret/index.bin: postgres://user:pw@db");
      },
    };
    const onError = vi.fn();
    const res = await createScreeningHandler({ screener: failing, onError })(post("/screen", { name: "KAMAZ" }));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/secret|postgres|ECONNRESET|KAMAZ|stack/i);
    expect(JSON.parse(text)).toEqual({ error: { status: 500, code: "INTERNAL", message: "internal error: the request was not completed" } });
    expect(onError).toHaveBeenCalledTimes(1);
    expect((onError.mock.calls[0]?.[0] as Error).message).toContain("ECONNRESET");
  });

  it("still answers 500 when onError itself throws, or when a profile's screener cannot be made", async () => {
    const failing: Screener = { ...broken, screen: () => { throw new TypeError("boom"); } };
    const h = createScreeningHandler({ screener: failing, onError: () => { throw new Error("hook"); } });
    expect((await h(post("/screen", { name: "x" }))).status).toBe(500);
    const factoryFails = handler({ screenerFor: () => { throw new InputError([{ path: "index", expected: "x", received: "y", message: "m" }]); } });
    expect((await factoryFails(post("/screen", { name: "x", profile: "broad" }))).status).toBe(500);
  });
});

describe("nothing is logged", () => {
  it("writes nothing to the console on success, client errors or a 500", async () => {
    const spies = (["log", "info", "warn", "error", "debug", "trace"] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => undefined));
    const failing: Screener = { ...screener, screen: () => { throw new Error("x"); }, lists: screener.lists, stats: screener.stats };
    const h = handler({ apiKey: "k" });
    const auth = { authorization: "Bearer k" };
    await h(post("/screen", { name: "Belvneshpromservis" }, auth));
    await h(post("/screen", { name: "" }, auth));
    await h(post("/screen", "not json", auth));
    await h(post("/screen", { name: "x" }));
    await h(post("/screen/batch", { subjects: [{ name: "KAMAZ" }, { name: 1 }] }, auth));
    await createScreeningHandler({ screener: failing })(post("/screen", { name: "x" }));
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});

describe("POST /screen/batch", () => {
  it("screens every subject, lists provenance once, counts outcomes", async () => {
    const res = await handler()(post("/screen/batch", { subjects: [{ name: "Belvneshpromservis" }, { name: "Zyxwv Qutsr" }, { name: "Army Supply Bureau", asOf: "2018-06-01" }] }));
    expect(res.status).toBe(200);
    const body = await json<BatchResponse>(res);
    expect(body.count).toBe(3);
    expect(body.outcomes).toEqual({ alert: 2, review: 0, clear: 1, "stale-clear": 0, unscreenable: 0 });
    expect(body.lists).toEqual(screener.lists);
    expect(body.results.map((r) => [r.query.name, r.outcome, r.asOf])).toEqual([
      ["Belvneshpromservis", "alert", "2024-03-01"],
      ["Zyxwv Qutsr", "clear", "2024-03-01"],
      ["Army Supply Bureau", "alert", "2018-06-01"],
    ]);
    expect(body.results[0]).not.toHaveProperty("lists");
    const { lists: _lists, ...single } = screener.screen({ name: "Belvneshpromservis", asOf: "2024-03-01" });
    expect(body.results[0]).toEqual(JSON.parse(JSON.stringify(single)));
  });

  it("applies a batch-level asOf and profile, a subject's own winning", async () => {
    const h = handler({ screenerFor: () => strict });
    const body = await json<BatchResponse>(await h(post("/screen/batch", { asOf: "2015-01-01", profile: "strict", subjects: [{ name: "KAMAZ" }, { name: "KAMAZ", asOf: "2016-01-01", profile: "balanced" }] })));
    expect(body.results.map((r) => [r.asOf, r.profile])).toEqual([
      ["2015-01-01", "strict"],
      ["2016-01-01", "balanced"],
    ]);
  });

  it("bounds the count", async () => {
    const h = handler({ maxBatch: 3 });
    const { error } = await json(await h(post("/screen/batch", { subjects: Array.from({ length: 4 }, (_, i) => ({ name: `n${i}` })) })));
    expect(error).toMatchObject({ status: 400, issues: [{ path: "subjects", expected: "at most 3 items", received: "array of 4" }] });
    expect((await h(post("/screen/batch", { subjects: [] }))).status).toBe(400);
  });

  it("names every bad field of every subject and screens none of them", async () => {
    const counting: Screener = { ...screener, screen: vi.fn((i) => screener.screen(i)), lists: screener.lists, stats: screener.stats };
    const res = await createScreeningHandler({ screener: counting, now })(
      post("/screen/batch", { asOf: "2024-13-01", subjects: [{ name: "KAMAZ" }, { name: "" }, "KAMAZ", { name: "x", country: "XXX", profile: "wide" }], extra: true }),
    );
    const { error } = await json(res);
    expect(res.status).toBe(400);
    expect(error.issues?.map((i) => i.path)).toEqual(["extra"]);
    const res2 = await createScreeningHandler({ screener: counting, now })(
      post("/screen/batch", { asOf: "2024-13-01", subjects: [{ name: "KAMAZ" }, { name: "" }, "KAMAZ", { name: "x", country: "XXX", profile: "wide" }] }),
    );
    expect((await json(res2)).error.issues?.map((i) => `${i.path}: ${i.expected}`)).toEqual([
      "asOf: a calendar day YYYY-MM-DD",
      "subjects.1.name: a non-empty name",
      "subjects.2: a JSON object",
      'subjects.3.profile: one of "strict", "balanced", "broad"',
      "subjects.3.country: an ISO 3166-1 alpha-2 country code",
    ]);
    expect(counting.screen).not.toHaveBeenCalled();
  });

  it("refuses a body that is not an object with subjects", async () => {
    const { error } = await json(await handler()(post("/screen/batch", [{ name: "KAMAZ" }])));
    expect(error.issues?.[0]).toMatchObject({ path: "", expected: "object", received: "array of 1" });
  });
});

describe("POST /transactions/screen (injected)", () => {
  it("passes the parsed body and today to the injected screening and answers its JSON", async () => {
    const screenTransaction = vi.fn((body: unknown, ctx: { today: string; screener: Screener }) => ({ verdict: "clear", date: (body as { date?: string }).date ?? ctx.today, lists: ctx.screener.lists.length }));
    const h = handler({ screenTransaction });
    const res = await h(post("/transactions/screen", { parties: [{ role: "buyer", name: "KAMAZ" }] }));
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ verdict: "clear", date: "2024-03-01", lists: 2 });
    expect(screenTransaction).toHaveBeenCalledWith({ parties: [{ role: "buyer", name: "KAMAZ" }] }, { today: "2024-03-01", screener });
    expect((await h(get("/transactions/screen"))).headers.get("allow")).toBe("POST");
  });

  it("turns its InputError into a 400 with the issues, and anything else into a 500", async () => {
    const bad = handler({
      screenTransaction: async () => {
        throw new InputError([{ path: "parties.0.role", expected: "one of seller, buyer", received: '"owner"', message: "bad role" }]);
      },
    });
    const { error } = await json(await bad(post("/transactions/screen", {})));
    expect(error).toMatchObject({ status: 400, issues: [{ path: "parties.0.role", received: '"owner"' }] });
    const broken = handler({ screenTransaction: () => { throw new RangeError("internal detail"); } });
    const res = await broken(post("/transactions/screen", {}));
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain("internal detail");
  });

  it("applies the same limits as the other routes", async () => {
    const h = handler({ screenTransaction: () => ({}), apiKey: "k", maxBodyBytes: 300 });
    expect((await h(post("/transactions/screen", {}))).status).toBe(401);
    expect((await h(post("/transactions/screen", "x".repeat(400), { authorization: "Bearer k" }))).status).toBe(413);
    expect((await h(post("/transactions/screen", {}, { authorization: "Bearer k", "content-type": "text/csv" }))).status).toBe(415);
  });
});

describe("GET /lists, GET /health", () => {
  it("lists ids, dates, sha256 and record counts from the screener's provenance", async () => {
    const body = await json<{ lists: Screener["lists"]; algorithm: string; records: number }>(await handler()(get("/lists")));
    expect(body.lists).toEqual(screener.lists);
    expect(body.lists.map((l) => l.listId)).toEqual(["curated", "un-sc"]);
    for (const l of body.lists) {
      expect(l.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(l.recordCount).toBeGreaterThan(0);
    }
    expect(body.records).toBe(screener.stats.records);
    expect(body.algorithm).toBe("names-v2");
  });

  it("reports health", async () => {
    expect(await json(await handler()(get("/health")))).toEqual({ status: "ok", algorithm: "names-v2", lists: 2, records: screener.stats.records, stale: false, staleLists: [] });
  });
});

describe("options", () => {
  it.each([
    { case: "an empty API key", options: { apiKey: "" }, path: "apiKey" },
    { case: "an empty key list", options: { apiKey: [] }, path: "apiKey" },
    { case: "a zero batch", options: { maxBatch: 0 }, path: "maxBatch" },
    { case: "a fractional body limit", options: { maxBodyBytes: 1000.5 }, path: "maxBodyBytes" },
    { case: "a base path with a trailing slash", options: { basePath: "/api/" }, path: "basePath" },
    { case: "an unknown time zone", options: { timeZone: "Mars/Olympus" }, path: "timeZone" },
    { case: "no screener", options: { screener: {} }, path: "screener" },
  ])("refuses $case", ({ options, path }) => {
    let thrown: unknown;
    try {
      createScreeningHandler({ screener, ...options } as unknown as ScreeningHandlerOptions);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).issues.map((i) => i.path)).toContain(path);
  });

  it("has the documented types", () => {
    expectTypeOf(createScreeningHandler).returns.toEqualTypeOf<ScreeningHandler>();
    expectTypeOf<ScreeningHandler>().toEqualTypeOf<(request: Request) => Promise<Response>>();
  });
});

describe("properties", () => {
  let h: ScreeningHandler;
  beforeAll(() => {
    h = handler({ maxBatch: 5 });
  });

  propTest.prop([fc.jsonValue({ maxDepth: 3 })], { numRuns: 150 })("any JSON body gets a 200 or a 400, never a 500", async (body) => {
    const res = await h(post("/screen", JSON.stringify(body)));
    expect([200, 400]).toContain(res.status);
    if (res.status === 400) expect((await json<ErrorJson>(res)).error.issues?.length).toBeGreaterThan(0);
  });

  propTest.prop([fc.record({ name: fc.string({ maxLength: 60 }), country: fc.option(fc.constantFrom("BY", "SY", "RU", "by"), { nil: undefined }) }, { requiredKeys: ["name"] })], {
    numRuns: 60,
  })("a valid subject gets the screener's result, an invalid one the screener's issues", async (subject) => {
    const res = await h(post("/screen", subject));
    let direct: ScreenResult | InputError;
    try {
      direct = screener.screen({ ...subject, asOf: "2024-03-01" } as Parameters<Screener["screen"]>[0]);
    } catch (error) {
      direct = error as InputError;
    }
    if (direct instanceof InputError) {
      expect(res.status).toBe(400);
      expect((await json(res)).error.issues?.map((i) => i.path).sort()).toEqual(direct.issues.map((i) => i.path).sort());
    } else {
      expect(res.status).toBe(200);
      expect(await json<ScreenResult>(res)).toEqual(JSON.parse(JSON.stringify(direct)));
    }
  });

  propTest.prop([fc.webPath()], { numRuns: 100 })("any path answers JSON with a known status", async (path) => {
    const res = await h(new Request(`${ORIGIN}${path}`, { method: "GET" }));
    expect([200, 404, 405]).toContain(res.status);
  });
});
