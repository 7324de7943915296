/**
 * Node adapter: a Web-standard handler as a `node:http` request listener. Written against the
 * shapes of `IncomingMessage` and `ServerResponse` rather than importing `node:http`, so this
 * module stays importable (and bundle-clean) everywhere the handler is.
 *
 * The request body is streamed into the handler with backpressure (the socket is paused while the
 * handler has not read), so the handler's 413 byte count stops an oversized upload early.
 */
import type { ScreeningHandler } from "./create-screening-handler";

/**
 * The parts of Node's `IncomingMessage` the adapter uses.
 * @example
 * // node:http's IncomingMessage is one:
 * createServer((req: NodeRequestLike, res: NodeResponseLike) => toNodeListener(handler)(req, res));
 */
export interface NodeRequestLike {
  readonly method?: string | undefined;
  readonly url?: string | undefined;
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly complete?: boolean;
  /** A TLS socket has `encrypted: true`. */
  readonly socket?: object | null;
  on(event: "data", listener: (chunk: Uint8Array | string) => void): unknown;
  on(event: "end" | "close", listener: () => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
  pause(): unknown;
  resume(): unknown;
}

/**
 * The parts of Node's `ServerResponse` the adapter uses.
 * @example
 * // node:http's ServerResponse is one:
 * createServer((req: NodeRequestLike, res: NodeResponseLike) => toNodeListener(handler)(req, res));
 */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string | readonly string[]): unknown;
  end(chunk?: Uint8Array, callback?: () => void): unknown;
  readonly headersSent?: boolean;
}

/**
 * Options of {@link toNodeListener}.
 * @example
 * createServer(toNodeListener(handler, { origin: "https://screening.example.com" })).listen(8787);
 */
export interface NodeListenerOptions {
  /** Origin used to build request URLs when the request has no usable `Host`; default `http://localhost`. */
  readonly origin?: string;
}

function bodyStream(req: NodeRequestLike): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  // Once the handler cancels (e.g. a 413), late events must not touch the closed stream: a throw
  // inside an event listener would take the whole server down.
  let open = true;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.on("data", (chunk) => {
          if (!open) return;
          controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.on("end", () => {
          if (open) controller.close();
          open = false;
        });
        req.on("error", (error) => {
          if (open) controller.error(error);
          open = false;
        });
        req.pause();
      },
      pull() {
        req.resume();
      },
      cancel() {
        // The handler has what it needs (e.g. a 413): stop pulling; the response closes the connection.
        open = false;
        req.pause();
      },
    },
    { highWaterMark: 65_536, size: (chunk) => chunk.byteLength },
  );
}

function toRequest(req: NodeRequestLike, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (typeof value === "string") headers.set(name, value);
    else for (const v of value) headers.append(name, v);
  }
  const host = headers.get("host");
  const scheme = (req.socket as { encrypted?: unknown } | null | undefined)?.encrypted === true ? "https" : "http";
  const base = host && /^[\w.-]+(:\d+)?$|^\[[\d:a-fA-F.]+\](:\d+)?$/.test(host) ? `${scheme}://${host}` : origin;
  const method = (req.method ?? "GET").toUpperCase();
  const hasBody = method !== "GET" && method !== "HEAD";
  const init: RequestInit & { duplex?: "half" } = { method, headers };
  if (hasBody) {
    init.body = bodyStream(req);
    // Required by the fetch standard for a streamed request body.
    init.duplex = "half";
  }
  return new Request(new URL(req.url ?? "/", base), init);
}

/**
 * Wraps a handler as a Node `http` request listener.
 * @example
 * import { createServer } from "node:http";
 * createServer(toNodeListener(createScreeningHandler({ screener }))).listen(8787, "127.0.0.1");
 */
export function toNodeListener(handler: ScreeningHandler, options: NodeListenerOptions = {}): (req: NodeRequestLike, res: NodeResponseLike) => void {
  const origin = options.origin ?? "http://localhost";
  return (req, res) => {
    void (async () => {
      let response: Response;
      try {
        response = await handler(toRequest(req, origin));
      } catch {
        // The handler answers every failure itself; this is an unusable request (e.g. a bad URL).
        response = new Response('{"error":{"status":400,"code":"INVALID_INPUT","message":"request: expected a valid HTTP request"}}', {
          status: 400,
          headers: { "content-type": "application/json; charset=utf-8" },
        });
      }
      res.statusCode = response.status;
      const cookies: string[] = [];
      response.headers.forEach((value, name) => {
        if (name === "set-cookie") cookies.push(value);
        else res.setHeader(name, value);
      });
      if (cookies.length > 0) res.setHeader("set-cookie", cookies);
      // A body the handler did not read to the end (413, or an early error) is not drained: the
      // connection is closed after this response instead.
      if (req.complete === false) res.setHeader("connection", "close");
      const bytes = response.body === null ? undefined : new Uint8Array(await response.arrayBuffer());
      res.end(bytes);
    })().catch(() => {
      // The response could not be completed (the client went away): end what was started.
      res.end();
    });
  };
}
