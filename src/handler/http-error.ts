/**
 * Errors the handler answers with a status code, and the JSON body every error response carries:
 * `{ "error": { "status", "code", "message", "issues"? } }`. Nothing here echoes the request body
 * beyond what an input issue names (a field's path and a short, truncated description of its value).
 */
import type { InputIssue } from "../errors";

/**
 * Stable codes of handler error responses (the library's own `InputError` codes pass through).
 * @example
 * const code: HandlerErrorCode = (await res.json()).error.code; //=> "WORK_TOO_LARGE" for a name over maxNameWords
 */
export type HandlerErrorCode =
  | "INVALID_INPUT"
  | "INPUT_TOO_LONG"
  | "UNAUTHORIZED"
  | "NOT_FOUND"
  | "NOT_CONFIGURED"
  | "METHOD_NOT_ALLOWED"
  | "PAYLOAD_TOO_LARGE"
  | "WORK_TOO_LARGE"
  | "BUSY"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "INTERNAL";

/**
 * The JSON body of every error response.
 * @example
 * const body = (await res.json()) as ErrorBody;
 * body.error.code //=> "INVALID_INPUT"
 * body.error.issues?.[0]?.path //=> "name"
 */
export interface ErrorBody {
  readonly error: {
    readonly status: number;
    readonly code: HandlerErrorCode;
    readonly message: string;
    readonly issues?: readonly InputIssue[];
  };
}

/**
 * A request the handler refuses with a given status, code and message (plus headers such as `Allow`).
 * @example
 * new HttpError(405, "METHOD_NOT_ALLOWED", "/screen: expected POST, received GET", { headers: { allow: "POST" } }).status //=> 405
 */
export class HttpError extends Error {
  readonly status: number;
  readonly code: HandlerErrorCode;
  readonly issues: readonly InputIssue[] | undefined;
  readonly headers: Readonly<Record<string, string>>;
  constructor(
    status: number,
    code: HandlerErrorCode,
    message: string,
    extra: { readonly issues?: readonly InputIssue[]; readonly headers?: Readonly<Record<string, string>> } = {},
  ) {
    super(message);
    this.name = "HttpError";
    this.status = status;
    this.code = code;
    this.issues = extra.issues;
    this.headers = extra.headers ?? {};
  }
}

// JSON answers are never cached (screening results are per request and may be sensitive) and
// never sniffed as another type.
const JSON_HEADERS: Readonly<Record<string, string>> = {
  "content-type": "application/json; charset=utf-8",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
};

/**
 * A JSON response with the handler's standard headers.
 * @example
 * jsonResponse(200, { status: "ok" }).headers.get("content-type") //=> "application/json; charset=utf-8"
 */
export function jsonResponse(status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

/**
 * The error response for an {@link HttpError}.
 * @example
 * (await errorResponse(new HttpError(404, "NOT_FOUND", "/nope: no such route")).json()).error.code //=> "NOT_FOUND"
 */
export function errorResponse(error: HttpError): Response {
  const body: ErrorBody = {
    error: {
      status: error.status,
      code: error.code,
      message: error.message,
      ...(error.issues === undefined ? {} : { issues: error.issues }),
    },
  };
  return jsonResponse(error.status, body, error.headers);
}
