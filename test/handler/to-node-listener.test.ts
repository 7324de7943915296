import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { createScreeningHandler, toNodeListener, type NodeResponseLike } from "../../src/handler";
import { smallScreener } from "./helpers";

/** A stand-in for Node's IncomingMessage that sends its body chunks when resumed. */
class FakeRequest extends EventEmitter {
  complete = false;
  readonly socket = {};
  private sent = 0;
  constructor(
    readonly method: string,
    readonly url: string,
    readonly headers: Record<string, string>,
    private readonly chunks: readonly string[],
  ) {
    super();
  }
  pause(): this {
    return this;
  }
  resume(): this {
    queueMicrotask(() => {
      const chunk = this.chunks[this.sent];
      this.sent += 1;
      if (chunk !== undefined) this.emit("data", Buffer.from(chunk));
      else if (this.sent === this.chunks.length + 1) {
        this.complete = true;
        this.emit("end");
      }
    });
    return this;
  }
}

function fakeResponse(): NodeResponseLike & { headers: Record<string, string | readonly string[]>; body: Promise<string> } {
  let done: (text: string) => void = () => undefined;
  const body = new Promise<string>((resolve) => (done = resolve));
  const headers: Record<string, string | readonly string[]> = {};
  return {
    statusCode: 0,
    headers,
    body,
    setHeader(name, value) {
      headers[name] = value;
    },
    end(chunk) {
      done(chunk === undefined ? "" : Buffer.from(chunk).toString("utf8"));
    },
  };
}

describe("toNodeListener", () => {
  const listener = toNodeListener(createScreeningHandler({ screener: smallScreener(), maxBodyBytes: 256 }));

  it("streams the body in and writes status, headers and body out", async () => {
    const req = new FakeRequest("POST", "/screen", { host: "127.0.0.1:8787", "content-type": "application/json" }, ['{"name":"Army ', 'Supply Bureau","asOf":"2018-06-01"}']);
    const res = fakeResponse();
    listener(req, res);
    const body = JSON.parse(await res.body) as { outcome: string; asOf: string };
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(res.headers.connection).toBeUndefined();
    expect(body).toMatchObject({ outcome: "alert", asOf: "2018-06-01" });
  });

  it("answers 413 mid-upload, asks to close the connection, and ignores late body events", async () => {
    const req = new FakeRequest("POST", "/screen", { host: "127.0.0.1:8787", "content-type": "application/json" }, ["x".repeat(200), "x".repeat(200), "x".repeat(200)]);
    const res = fakeResponse();
    listener(req, res);
    expect(JSON.parse(await res.body)).toMatchObject({ error: { status: 413 } });
    expect(res.statusCode).toBe(413);
    expect(res.headers.connection).toBe("close");
    // Late events after the handler stopped reading must not throw (a throw here would crash the server).
    expect(() => {
      req.emit("data", Buffer.from("late"));
      req.emit("end");
      req.emit("error", new Error("aborted"));
    }).not.toThrow();
  });

  it.each([
    { host: "127.0.0.1:8787", url: "http://127.0.0.1:8787/health?x=1" },
    { host: "[::1]:8787", url: "http://[::1]:8787/health?x=1" },
    { host: "evil.example/path?", url: "http://fallback.test/health?x=1" },
    { host: "", url: "http://fallback.test/health?x=1" },
  ])("builds the request URL from Host $host only when it is a plain host", async ({ host, url }) => {
    const echo = toNodeListener(async (request) => new Response(`${request.method} ${request.url}`), { origin: "http://fallback.test" });
    const res = fakeResponse();
    echo(new FakeRequest("GET", "/health?x=1", host ? { host } : {}, []), res);
    expect(await res.body).toBe(`GET ${url}`);
  });
});
