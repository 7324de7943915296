/**
 * Reading a JSON request body under a byte limit. Order matters: the media type and the declared
 * `Content-Length` are checked before a single body byte is read, and the body is then counted
 * while it streams in (a chunked request declares no length, and a declared length can lie), so an
 * oversized body is refused without ever being buffered or parsed in full.
 */
import { HttpError } from "./http-error";

/**
 * Whether a `Content-Type` header names JSON in UTF-8 (`application/json`, `application/*+json`;
 * a `charset` parameter, when present, must be UTF-8: RFC 8259 JSON is UTF-8).
 * @example
 * isJsonContentType("application/json; charset=UTF-8") //=> true
 */
export function isJsonContentType(header: string | null): boolean {
  if (header === null) return false;
  const [essence = "", ...params] = header.split(";").map((p) => p.trim().toLowerCase());
  if (essence !== "application/json" && !/^application\/[a-z0-9.+-]+\+json$/.test(essence)) return false;
  for (const p of params) {
    const [key, value = ""] = p.split("=").map((s) => s.trim());
    if (key === "charset" && value.replace(/^"|"$/g, "") !== "utf-8" && value.replace(/^"|"$/g, "") !== "utf8") return false;
  }
  return true;
}

function tooLarge(maxBytes: number, received: string): HttpError {
  return new HttpError(413, "PAYLOAD_TOO_LARGE", `body: expected at most ${maxBytes} bytes, received ${received}`, {
    issues: [{ path: "(body)", expected: `at most ${maxBytes} bytes`, received, message: "request body too large" }],
  });
}

function invalidBody(expected: string, received: string): HttpError {
  return new HttpError(400, "INVALID_INPUT", `invalid input; (body): expected ${expected}, received ${received}`, {
    issues: [{ path: "", expected, received, message: "request body is not usable" }],
  });
}

/**
 * Reads a request body as JSON: 415 unless the media type is JSON, 413 when the declared length or
 * the bytes actually received exceed `maxBytes` (checked before parsing), 400 when it is empty, not
 * UTF-8 or not JSON.
 * @example
 * await readJsonBody(new Request("http://x/screen", { method: "POST", headers: { "content-type": "application/json" }, body: '{"name":"KAMAZ"}' }), 1024)
 * //=> { name: "KAMAZ" }
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const contentType = request.headers.get("content-type");
  if (!isJsonContentType(contentType)) {
    throw new HttpError(
      415,
      "UNSUPPORTED_MEDIA_TYPE",
      `content-type: expected application/json (UTF-8), received ${contentType === null ? "none" : JSON.stringify(contentType.slice(0, 80))}`,
      { headers: { "accept-post": "application/json" } },
    );
  }
  const declared = request.headers.get("content-length");
  if (declared !== null) {
    if (!/^\d{1,15}$/.test(declared.trim())) throw invalidBody("a Content-Length of whole bytes", JSON.stringify(declared.slice(0, 20)));
    const length = Number(declared.trim());
    if (length > maxBytes) throw tooLarge(maxBytes, `${length} bytes (Content-Length)`);
  }
  if (request.body === null) throw invalidBody("a JSON document", "an empty body");

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop the upload here: the rest is never read (not awaited: a source may never settle).
      reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes, `more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  if (total === 0) throw invalidBody("a JSON document", "an empty body");
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalidBody("UTF-8 text", "bytes that are not UTF-8");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // The parser's own message quotes the body: not repeated.
    throw invalidBody("a JSON document", "text that is not JSON");
  }
}
