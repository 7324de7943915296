import { describe, expect, it } from "vitest";
import { HttpError, isJsonContentType, readJsonBody } from "../../src/handler";

describe("isJsonContentType", () => {
  it.each([
    { header: "application/json", expected: true },
    { header: "Application/JSON; charset=UTF-8", expected: true },
    { header: 'application/json; charset="utf-8"', expected: true },
    { header: "application/problem+json", expected: true },
    { header: "application/json; charset=utf-16", expected: false },
    { header: "text/json", expected: false },
    { header: "application/jsonp", expected: false },
    { header: "multipart/form-data; boundary=x", expected: false },
    { header: null, expected: false },
  ])("$header → $expected", ({ header, expected }) => expect(isJsonContentType(header)).toBe(expected));
});

describe("readJsonBody", () => {
  const req = (body: BodyInit, headers: Record<string, string> = { "content-type": "application/json" }): Request =>
    new Request("http://x/screen", { method: "POST", headers, body });

  it("parses JSON and strips a UTF-8 byte order mark", async () => {
    expect(await readJsonBody(req('\uFEFF{"name":"Белвнешпромсервис"}'), 1024)).toEqual({ name: "Белвнешпромсервис" });
  });

  it("counts bytes, not characters", async () => {
    const body = JSON.stringify({ name: "Ж".repeat(20) }); // 20 characters, 40 bytes in the name
    await expect(readJsonBody(req(body), body.length + 5)).rejects.toMatchObject({ status: 413 });
    await expect(readJsonBody(req(body), new TextEncoder().encode(body).length)).resolves.toEqual({ name: "Ж".repeat(20) });
  });

  it("throws HttpError with the status for each refusal", async () => {
    await expect(readJsonBody(req("{}", { "content-type": "text/plain" }), 10)).rejects.toBeInstanceOf(HttpError);
    await expect(readJsonBody(req("{}", { "content-type": "text/plain" }), 10)).rejects.toMatchObject({ status: 415 });
    await expect(readJsonBody(req("[1,2,3]"), 3)).rejects.toMatchObject({ status: 413 });
    await expect(readJsonBody(req("[1,"), 100)).rejects.toMatchObject({ status: 400 });
  });

  it("parses deep nesting or refuses it as a 400, never a stray RangeError", async () => {
    const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    await expect(readJsonBody(req(deep), 1_000_000).then(() => "parsed", (e: HttpError) => e.status)).resolves.toSatisfy((v) => v === "parsed" || v === 400);
  });
});
