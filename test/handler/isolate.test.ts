/**
 * The handler in an isolate: the esbuild browser bundle (handler + embedded lists, no Node
 * builtin) loaded by real headless Chromium from a server on 127.0.0.1, given the prebuilt index
 * bytes, and called with `Request` objects inside the page. Every answer must equal the Node
 * handler's answer to the same request, byte for byte of JSON.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleWorker, type WorkerBundle } from "../../scripts/bundle-worker";
import { createWorkerHandler } from "../../scripts/worker-entry";
import { InputError } from "../../src/errors";
import type { ScreeningHandler } from "../../src/handler";
import { CHROMIUM_PATH, launchChromium, serveLocal, skipChromium, staticFiles, type LaunchedBrowser, type LocalServer } from "./chromium";

const root = resolve(import.meta.dirname, "../..");
const SEED_NAMES = ["Belvneshpromservis", "Белвнешпромсервис", "Army Supply Bureau", "KAMAZ"];
const NOW = "2024-03-01T12:00:00Z";
const API_KEY = "isolate-key";

/** One request as plain data, so the same request can be made in Node and in the page. */
interface Call {
  readonly label: string;
  readonly path: string;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Send the body as a stream of this many 1 KiB chunks (no length declared). */
  readonly streamChunks?: number;
}
interface Answer {
  readonly label: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

const json = { "content-type": "application/json", authorization: `Bearer ${API_KEY}` };
const CALLS: readonly Call[] = [
  ...SEED_NAMES.map((name) => ({ label: `screen ${name}`, path: "/screen", method: "POST", headers: json, body: JSON.stringify({ name }) })),
  ...SEED_NAMES.map((name) => ({ label: `screen ${name} 2011`, path: "/screen", method: "POST", headers: json, body: JSON.stringify({ name, asOf: "2011-06-01", country: "BY" }) })),
  { label: "batch", path: "/screen/batch", method: "POST", headers: json, body: JSON.stringify({ subjects: SEED_NAMES.map((name) => ({ name, type: "organization" })) }) },
  { label: "lists", path: "/lists", headers: { authorization: `Bearer ${API_KEY}` } },
  { label: "health", path: "/health" },
  { label: "400", path: "/screen", method: "POST", headers: json, body: JSON.stringify({ name: "", country: "by", dob: 1 }) },
  { label: "400 too long", path: "/screen", method: "POST", headers: json, body: JSON.stringify({ name: "Б".repeat(1001) }) },
  { label: "401", path: "/screen", method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "KAMAZ" }) },
  { label: "401 wrong", path: "/lists", headers: { authorization: "Bearer isolate-kez" } },
  { label: "404", path: "/nope" },
  { label: "404 transactions", path: "/transactions/screen", method: "POST", headers: json, body: "{}" },
  { label: "405", path: "/screen", headers: { authorization: `Bearer ${API_KEY}` } },
  { label: "413 streamed", path: "/screen", method: "POST", headers: json, streamChunks: 400 },
  { label: "415", path: "/screen", method: "POST", headers: { ...json, "content-type": "text/plain" }, body: "KAMAZ" },
];

/** Makes the calls against a handler; the same function runs in Node and (serialised) in the page. */
async function callAll(handler: ScreeningHandler, calls: readonly Call[]): Promise<Answer[]> {
  const out: Answer[] = [];
  for (const call of calls) {
    const init: RequestInit & { duplex?: "half" } = { method: call.method ?? "GET", headers: call.headers ?? {} };
    if (call.body !== undefined) init.body = call.body;
    if (call.streamChunks !== undefined) {
      let sent = 0;
      const n = call.streamChunks;
      init.body = new ReadableStream({
        pull(controller) {
          controller.enqueue(new Uint8Array(1024).fill(32));
          sent += 1;
          if (sent >= n) controller.close();
        },
      });
      init.duplex = "half";
    }
    const res = await handler(new Request(`https://isolate.test${call.path}`, init));
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => (headers[k] = v));
    out.push({ label: call.label, status: res.status, headers, body: await res.text() });
  }
  return out;
}

describe.skipIf(skipChromium)("the handler inside headless Chromium", () => {
  let dir: string;
  let bundle: WorkerBundle;
  let index: Uint8Array;
  let nodeAnswers: Answer[];
  let site: LocalServer;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "sanctions-screen-isolate-"));
    bundle = await bundleWorker({ outfile: join(dir, "screening-worker.js") });
    // The list-set snapshot shipped by `npm run build` (its name index is used) when it fits these lists; else an index built here.
    let nodeHandler: ScreeningHandler;
    try {
      index = new Uint8Array(readFileSync(join(root, "lists/compiled/snapshot.bin")));
      nodeHandler = createWorkerHandler(index, { apiKey: API_KEY, now: () => new Date(NOW) });
    } catch (error) {
      if (!(error instanceof InputError) && (error as { code?: string }).code !== "ENOENT") throw error;
      const { createDefaultScreener } = await import("../../src/embedded");
      index = createDefaultScreener().exportIndex();
      nodeHandler = createWorkerHandler(index, { apiKey: API_KEY, now: () => new Date(NOW) });
    }
    nodeAnswers = await callAll(nodeHandler, CALLS);
    site = await serveLocal(
      staticFiles({
        "/": { type: "text/html; charset=utf-8", body: "<!doctype html><title>isolate</title><p>isolate test</p>" },
        "/screening-worker.js": { type: "text/javascript; charset=utf-8", body: readFileSync(bundle.outfile) },
        "/snapshot.bin": { type: "application/octet-stream", body: index },
      }),
    );
    browser = await launchChromium();
    await browser.page.goto(`${site.url}/`);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`runs Debian's Chromium at ${CHROMIUM_PATH}`, async () => {
    expect(await browser.page.evaluate("navigator.userAgent")).toMatch(/HeadlessChrome\/\d+\./);
  });

  it("bundles without any Node builtin or CLI module", () => {
    expect(bundle.inputs.some((i) => i.startsWith("src/handler/"))).toBe(true);
    expect(bundle.inputs.some((i) => i.startsWith("lists/compiled/"))).toBe(true);
    expect(bundle.inputs.filter((i) => i.startsWith("src/cli/"))).toEqual([]);
    const code = readFileSync(bundle.outfile, "utf8");
    // No import or require of a builtin, static or dynamic.
    expect(code).not.toMatch(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']node:[a-z_/]+["']/);
    // The only builtin names are the ones asked of `process.getBuiltinModule` at run time and only where
    // it exists (this page has no `process`): fs and module to read the shipped index and record
    // snapshot (src/embedded), crypto for the snapshot's sha256 when asked to verify it
    // (src/embedded/record-snapshot.ts). A new one must be looked at here.
    expect([...new Set([...code.matchAll(/["'](node:[a-z_/]+)["']/g)].map((m) => m[1]))].sort()).toEqual(["node:crypto", "node:fs", "node:module"]);
    expect(code).toMatch(/getBuiltinModule/);
  });

  it("fails the bundle when a Node builtin sneaks in, naming the importer", async () => {
    const entry = join(dir, "leaky-entry.ts");
    writeFileSync(entry, `import { createScreeningHandler } from ${JSON.stringify(join(root, "src/handler"))};\nimport { readFileSync } from "node:fs";\nexport const x = [createScreeningHandler, readFileSync];\n`);
    await expect(bundleWorker({ entry, outfile: join(dir, "leaky.js") })).rejects.toThrow(/Node builtin "node:fs" imported by .*leaky-entry\.ts/);
    writeFileSync(entry, `import { createHash } from "crypto";\nexport const x = createHash;\n`);
    await expect(bundleWorker({ entry, outfile: join(dir, "leaky.js") })).rejects.toThrow(/Node builtin "crypto"/);
  });

  it("screens the seed names and answers every route and error exactly as Node does", async () => {
    // A string, not a function: the test runner rewrites `import()` in functions it compiles.
    const script = `(async () => {
      const calls = ${JSON.stringify(CALLS)};
      const t0 = performance.now();
      const mod = await import("/screening-worker.js");
      const t1 = performance.now();
      const bytes = new Uint8Array(await (await fetch("/snapshot.bin")).arrayBuffer());
      const handler = mod.createWorkerHandler(bytes, { apiKey: ${JSON.stringify(API_KEY)}, now: () => new Date(${JSON.stringify(NOW)}) });
      const t2 = performance.now();
      const first = await handler(new Request("https://isolate.test/health"));
      const t3 = performance.now();
      const answers = await (${callAll.toString()})(handler, calls);
      // Chrome's non-standard heap gauge (coarse), for the deployment notes' memory figure.
      const heapMB = performance.memory ? performance.memory.usedJSHeapSize / 1e6 : -1;
      return { answers, timings: { importMs: t1 - t0, screenerMs: t2 - t1, firstResponseMs: t3 - t2, firstStatus: first.status, heapMB }, userAgent: navigator.userAgent };
    })()`;
    const result = (await browser.page.evaluate(script)) as { answers: Answer[]; timings: Record<string, number>; userAgent: string };
    console.log(
      `Chromium isolate (${/Chrome\/[\d.]+/.exec(result.userAgent)?.[0] ?? "?"}): bundle ${(bundle.bytes / 1e6).toFixed(1)} MB (${(bundle.gzipBytes / 1e6).toFixed(1)} MB gzipped), ` +
        `import ${result.timings.importMs?.toFixed(0)} ms, screener from index ${result.timings.screenerMs?.toFixed(0)} ms, first response ${result.timings.firstResponseMs?.toFixed(0)} ms, JS heap ${result.timings.heapMB?.toFixed(0)} MB`,
    );
    expect(result.timings.firstStatus).toBe(200);
    expect(result.answers.map((a) => `${a.label} ${a.status}`)).toEqual(nodeAnswers.map((a) => `${a.label} ${a.status}`));
    for (const [i, answer] of result.answers.entries()) expect(answer, answer.label).toEqual(nodeAnswers[i]);

    // The seed names themselves: same outcome, hits and scores in both runtimes, and the right records.
    const screened = result.answers.filter((a) => a.label.startsWith("screen ") && !a.label.endsWith("2011")).map((a) => JSON.parse(a.body) as { outcome: string; hits: { list: string; recordId: string; score: number }[] });
    expect(screened.map((r) => r.outcome)).toEqual(["alert", "alert", "alert", "alert"]);
    const ids = screened.map((r) => r.hits.map((h) => `${h.list}:${h.recordId}`));
    expect(ids[0]).toContain("ofac-sdn:15487");
    expect(ids[1]).toContain("ofac-sdn:15487");
    // The curated record is merged into the official hit of the same subject (designation.linked).
    expect(ids[2]).toContain("ofac-sdn:15486");
    expect(ids[3]).toContain("ofac-sdn:37756");
    expect(result.answers.find((a) => a.label === "413 streamed")?.status).toBe(413);
  });

  it("loaded nothing from anywhere but 127.0.0.1 and logged no page error", () => {
    expect(browser.offHost).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
});
