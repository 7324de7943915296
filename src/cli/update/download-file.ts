/**
 * One guarded HTTP download for `lists update`: https only (plain http only to this machine, for
 * tests and local mirrors), redirects followed by hand so each hop is checked, a deadline for the
 * whole transfer, a size cap enforced while streaming, and a body that must be as long as the
 * server said. Any problem throws {@link DownloadError}; nothing is ever half-returned.
 */

/** A download that failed: where, and what went wrong. */
export class DownloadError extends Error {
  readonly url: string;
  constructor(url: string, message: string, options?: { cause?: unknown }) {
    super(`${url}: ${message}`, options);
    this.url = url;
    this.name = "DownloadError";
  }
}

/** Limits of {@link downloadFile}. */
export interface DownloadOptions {
  /** Deadline for the whole transfer (connect, redirects, body), in milliseconds. */
  readonly timeoutMs: number;
  /** Largest accepted body, in bytes. */
  readonly maxBytes: number;
  /** Aborts the download from outside (another file of the update failed). */
  readonly signal?: AbortSignal;
  /** Most redirects followed. Default 5. */
  readonly maxRedirects?: number;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/**
 * Why a URL may not be downloaded from, or undefined when it may: https anywhere, http only to a
 * loopback host (a plain-http list could be altered on the way).
 * @example
 * refuseUrl("http://example.com/sdn.csv") //=> "expected an https:// URL (http:// only to 127.0.0.1 or localhost), received \"http://example.com/sdn.csv\""
 */
export function refuseUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `expected an absolute URL, received ${JSON.stringify(url)}`;
  }
  if (parsed.protocol === "https:") return undefined;
  if (parsed.protocol === "http:" && LOOPBACK.has(parsed.hostname)) return undefined;
  return `expected an https:// URL (http:// only to 127.0.0.1 or localhost), received ${JSON.stringify(url)}`;
}

function describeFailure(error: unknown, timedOut: boolean, timeoutMs: number, external: AbortSignal | undefined): string {
  if (timedOut) return `timed out after ${timeoutMs} ms`;
  if (external?.aborted) return "cancelled (another download of this update failed)";
  const e = error as { message?: string; cause?: { code?: string; message?: string } };
  const cause = e.cause?.code ?? e.cause?.message;
  return `download failed: ${e.message ?? String(error)}${cause ? ` (${cause})` : ""}`;
}

/**
 * Downloads one file within the limits (see the module contract) and returns its bytes.
 * @example
 * const bytes = await downloadFile("https://scsanctions.un.org/resources/xml/en/consolidated.xml", { timeoutMs: 120_000, maxBytes: 256 * 2 ** 20 });
 */
export async function downloadFile(url: string, options: DownloadOptions): Promise<Uint8Array> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = (): void => controller.abort();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      const refused = refuseUrl(current);
      if (refused) throw new DownloadError(url, hop === 0 ? refused : `redirected to a refused URL: ${refused}`);
      let response: Response | undefined;
      // One retry when the request fails before any response: a pooled keep-alive connection the
      // server has just closed fails that way (ECONNRESET), and the next connection is fresh.
      for (let attempt = 1; response === undefined; attempt++) {
        try {
          response = await fetch(current, {
            redirect: "manual",
            signal: controller.signal,
            headers: { "user-agent": "sanctions-screen lists update", accept: "*/*" },
          });
        } catch (error) {
          if (attempt >= 2 || controller.signal.aborted) {
            throw new DownloadError(url, describeFailure(error, timedOut, options.timeoutMs, options.signal), { cause: error });
          }
        }
      }
      if (response.status >= 300 && response.status < 400 && response.headers.has("location")) {
        await response.body?.cancel();
        if (hop >= (options.maxRedirects ?? 5)) throw new DownloadError(url, `expected at most ${options.maxRedirects ?? 5} redirects, received more`);
        current = new URL(response.headers.get("location") as string, current).href;
        continue;
      }
      if (response.status !== 200) {
        await response.body?.cancel();
        throw new DownloadError(url, `expected HTTP 200, received ${response.status} ${response.statusText}`.trimEnd());
      }
      const declared = response.headers.get("content-length");
      const expected = declared === null ? undefined : Number(declared);
      if (expected !== undefined && expected > options.maxBytes) {
        await response.body?.cancel();
        throw new DownloadError(url, `expected at most ${options.maxBytes} bytes, received a ${expected}-byte file (raise --max-bytes)`);
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      const reader = response.body?.getReader();
      if (reader) {
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            size += value.byteLength;
            if (size > options.maxBytes) {
              await reader.cancel();
              throw new DownloadError(url, `expected at most ${options.maxBytes} bytes, received more (raise --max-bytes)`);
            }
            chunks.push(value);
          }
        } catch (error) {
          if (error instanceof DownloadError) throw error;
          throw new DownloadError(url, describeFailure(error, timedOut, options.timeoutMs, options.signal), { cause: error });
        }
      }
      // A compressed response's Content-Length counts the compressed bytes: compare only identity bodies.
      const encoding = response.headers.get("content-encoding");
      if (expected !== undefined && (encoding === null || encoding === "identity") && size !== expected) {
        throw new DownloadError(url, `truncated: expected ${expected} bytes, received ${size}`);
      }
      if (size === 0) throw new DownloadError(url, "expected a file, received an empty body");
      const bytes = new Uint8Array(size);
      let offset = 0;
      for (const c of chunks) {
        bytes.set(c, offset);
        offset += c.byteLength;
      }
      return bytes;
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
  }
}
