/**
 * `sanctions-screen serve` for real: the CLI binary in a child process on 127.0.0.1 (a free port
 * picked by the OS), driven over HTTP, and stopped with SIGTERM at the end.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { request as httpRequest } from "node:http";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli";

const root = resolve(import.meta.dirname, "../..");
const KEY = "serve-test-key-7f3a";
let child: ChildProcess;
let url = "";
let stdout = "";
let stderr = "";
let exited: Promise<number | null>;

beforeAll(async () => {
  child = spawn(process.execPath, ["--import", "tsx", "src/cli/bin.ts", "serve", "--port", "0", "--host", "127.0.0.1", "--api-key-env", "SS_SERVE_TEST_KEY"], {
    cwd: root,
    env: { ...process.env, SS_SERVE_TEST_KEY: KEY },
    stdio: ["ignore", "pipe", "pipe"],
  });
  exited = new Promise((done) => child.once("exit", (code) => done(code)));
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  url = await new Promise<string>((done, fail) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      // The banner's last line: everything before it has been written too.
      if (found && stdout.includes("stop with Ctrl+C")) done(found[1] as string);
    });
    void exited.then((code) => fail(new Error(`serve exited with ${code} before listening: ${stderr}`)));
  });
}, 180_000);

afterAll(async () => {
  if (child.exitCode === null) {
    child.kill("SIGTERM");
    await exited;
  }
});

function rawRequest(options: { path: string; headers: Record<string, string>; body: Buffer; declareLength?: number }): Promise<{ status: number; body: string; connection: string | undefined }> {
  const target = new URL(options.path, url);
  return new Promise((done, fail) => {
    const req = httpRequest(
      { host: target.hostname, port: target.port, path: target.pathname, method: "POST", headers: { ...options.headers, ...(options.declareLength === undefined ? {} : { "content-length": String(options.declareLength) }) } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => done({ status: res.statusCode ?? 0, body, connection: res.headers.connection }));
      },
    );
    // The server may close the connection before the whole declared body is sent: expected.
    req.on("error", (error) => (error.message.includes("EPIPE") || error.message.includes("ECONNRESET") ? undefined : fail(error)));
    req.write(options.body);
    if (options.declareLength === undefined) req.end();
  });
}

describe("serve over HTTP on 127.0.0.1", () => {
  it("says where it listens and that a key is required", () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stdout).toContain("(API key required)");
    expect(stdout).toContain(`analyst page: ${url}/`);
  });

  it("answers the health check without a key", async () => {
    const res = await fetch(`${url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", algorithm: "names-v2", lists: 7 });
  });

  it("screens the seed names with the key and refuses without it", async () => {
    const body = JSON.stringify({ name: "Белвнешпромсервис", asOf: "2013-03-01" });
    const refused = await fetch(`${url}/screen`, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(refused.status).toBe(401);
    const res = await fetch(`${url}/screen`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` }, body });
    expect(res.status).toBe(200);
    const result = (await res.json()) as { outcome: string; asOf: string; hits: { list: string; recordId: string }[]; lists: unknown[] };
    expect(result.outcome).toBe("alert");
    expect(result.asOf).toBe("2013-03-01");
    expect(result.hits.map((h) => `${h.list}:${h.recordId}`)).toContain("ofac-sdn:15487");
    expect(result.lists).toHaveLength(7);
  });

  it("serves other profiles from the same process", async () => {
    const res = await fetch(`${url}/screen/batch`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": KEY },
      body: JSON.stringify({ profile: "broad", subjects: [{ name: "KAMAZ" }, { name: "Army Supply Bureau" }] }),
    });
    expect(res.status).toBe(200);
    const batch = (await res.json()) as { count: number; results: { profile: string; outcome: string }[] };
    expect(batch.results.map((r) => [r.profile, r.outcome])).toEqual([
      ["broad", "alert"],
      ["broad", "alert"],
    ]);
  });

  it("serves the analyst page with its security headers", async () => {
    const res = await fetch(`${url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await res.text()).toContain('<label for="name">Name</label>');
  });

  it("refuses a declared oversized body with 413 before it is sent, and closes the connection", async () => {
    const res = await rawRequest({
      path: "/screen",
      headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` },
      body: Buffer.from('{"name":"'),
      declareLength: 50_000_000,
    });
    expect(res.status).toBe(413);
    expect(res.connection).toBe("close");
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE", issues: [{ received: "50000000 bytes (Content-Length)" }] } });
  });

  it("refuses a chunked body that grows past the limit with 413", async () => {
    const res = await rawRequest({
      path: "/screen",
      headers: { "content-type": "application/json", authorization: `Bearer ${KEY}`, "transfer-encoding": "chunked" },
      body: Buffer.alloc(400_000, 0x20),
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.issues[0].received).toBe("more than 262144 bytes");
  });

  it("still answers after the refused uploads", async () => {
    expect((await fetch(`${url}/lists`, { headers: { authorization: `Bearer ${KEY}` } })).status).toBe(200);
  });

  it("stops on SIGTERM with exit code 0", async () => {
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stderr).toContain("stopped");
    // Nothing a request carried was written out: no name, no key.
    expect(stdout + stderr).not.toMatch(/Белвнешпромсервис|KAMAZ|serve-test-key/);
  });
});

describe("serve usage errors (no server started)", () => {
  function capture() {
    const out: string[] = [];
    const err: string[] = [];
    return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) }, err };
  }

  it.each([
    { case: "a bad port", args: ["serve", "--port", "http"], message: '--port: expected a port 0-65535 (0: any free port), received "http"' },
    { case: "an unset key variable", args: ["serve", "--api-key-env", "SS_SERVE_TEST_UNSET"], message: "--api-key-env: expected environment variable SS_SERVE_TEST_UNSET to hold the API key, received an unset variable" },
    { case: "an unknown profile", args: ["serve", "--profile", "lenient"], message: '--profile: expected one of strict, balanced, broad, received "lenient"' },
    { case: "a bad batch bound", args: ["serve", "--max-batch", "0"], message: '--max-batch: expected a whole number 1-10000, received "0"' },
    { case: "a bad words-per-name bound", args: ["serve", "--max-name-words", "many"], message: '--max-name-words: expected a whole number 1-1000, received "many"' },
    { case: "a bad words-per-batch bound", args: ["serve", "--max-batch-words", "0"], message: '--max-batch-words: expected a whole number 1-1000000, received "0"' },
    { case: "a bad time-per-batch bound", args: ["serve", "--max-batch-ms", "1.5"], message: '--max-batch-ms: expected a whole number 1-3600000, received "1.5"' },
  ])("exits 2 on $case", async ({ args, message }) => {
    const { io, err } = capture();
    expect(await runCli(args, io)).toBe(2);
    expect(err.join("")).toContain(message);
  });

  it("exits 2 on an empty key variable", async () => {
    process.env.SS_SERVE_TEST_EMPTY = "";
    const { io, err } = capture();
    expect(await runCli(["serve", "--api-key-env", "SS_SERVE_TEST_EMPTY"], io)).toBe(2);
    expect(err.join("")).toContain("received an empty value");
    delete process.env.SS_SERVE_TEST_EMPTY;
  });
});
