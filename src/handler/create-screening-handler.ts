/**
 * `createScreeningHandler`: the screening API as one Web-standard function
 * `(request: Request) => Promise<Response>`, so the same code runs on Node ≥ 20 (through
 * `toNodeListener`), Deno, Bun, Cloudflare Workers, Vercel Edge and AWS Lambda adapters.
 *
 * Request pipeline, in this order: route (404) → method (405 + `Allow`) → API key (401) → media
 * type (415) → declared and streamed body size (413, before any parsing) → JSON and zod
 * validation (400, every bad field with its path, expected and received) → screening. Any other
 * failure is a 500 whose body says nothing about the cause; the cause goes to `onError` only.
 * Nothing is logged: no request body, name or result leaves the handler except in its response.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { InputError, type InputIssue } from "../errors";
import { renderAnalystPage, ANALYST_PAGE_SCRIPT, ANALYST_PAGE_STYLE, type PageProfile } from "../page";
import { countWords, isoDayCheck, parseScreenInput, PROFILES, type Outcome, type ProfileName, type ScreenInput, type ScreenResult, type Screener } from "../screen";
import { matchesAnyKey, digestOf } from "./constant-time-equal";
import { errorResponse, HttpError, jsonResponse } from "./http-error";
import { createDateFormatter } from "./iso-date-in";
import { readJsonBody } from "./read-json-body";
import { describeValue, inputIssuesFrom, joinPath } from "../errors";
import { array, check, object, type Check } from "../validate";
import { screeningHandlerOptionsCheck } from "./handler-options";

/**
 * What an injected transaction screening receives besides the request body.
 * @example
 * createScreeningHandler({ screener, screenTransaction: (body, ctx: TransactionContext) =>
 *   screenTransaction({ ...(body as Omit<TransactionInput, "date">), date: ctx.today }, { screener: ctx.screener, rulePack, goods }) });
 */
export interface TransactionContext {
  /** Today's date in the handler's time zone (YYYY-MM-DD): the default `asOf` / transaction date. */
  readonly today: string;
  /** The handler's screener (default profile). */
  readonly screener: Screener;
}

/**
 * Transaction screening plugged into `POST /transactions/screen`: gets the parsed JSON body and
 * returns the JSON-serialisable result. Throw the library's `InputError` for a bad body (→ 400 with
 * its issues); anything else thrown is a 500.
 * @example
 * const desk = createTransactionScreener({ screener });
 * const screening: TransactionScreening = (body) => desk.screen(body as TransactionInput);
 * createScreeningHandler({ screener, screenTransaction: screening });
 */
export type TransactionScreening = (body: unknown, context: TransactionContext) => unknown;

/**
 * Options of {@link createScreeningHandler}.
 * @example
 * const options: ScreeningHandlerOptions = { screener, apiKey: ["key-2026-a", "key-2026-b"], maxBatch: 50, timeZone: "Europe/Berlin" };
 * createScreeningHandler(options);
 */
export interface ScreeningHandlerOptions {
  /** The screener answering requests without a `profile` (and requests naming its profile). */
  readonly screener: Screener;
  /**
   * Screeners for the other profiles, created on first use and kept (e.g. `createScreener` over the
   * same lists and prebuilt index). Without it, a request naming another profile is a 400.
   */
  readonly screenerFor?: (profile: ProfileName) => Screener;
  /** API key(s): when set, every route but `GET /health` and the page needs `Authorization: Bearer <key>` or `X-API-Key`. */
  readonly apiKey?: string | readonly string[];
  /** Largest request body accepted, in bytes; default 262,144 (256 KiB). */
  readonly maxBodyBytes?: number;
  /** Most subjects in one `POST /screen/batch`; default 100. */
  readonly maxBatch?: number;
  /**
   * Most words in one name (`POST /screen` and each batch subject); default 32. Screening work grows
   * with the words of a name; a longer one is a 413 `WORK_TOO_LARGE` before any screening.
   */
  readonly maxNameWords?: number;
  /** Most words over all names of one `POST /screen/batch`; default 1,000 (413 `WORK_TOO_LARGE`). */
  readonly maxBatchWords?: number;
  /**
   * Most words being screened at once over all requests in flight (batches yield between subjects,
   * so other requests, `/health` included, keep being answered); a request that would go beyond is
   * a 429 `BUSY` with `Retry-After`. Default 2,000.
   */
  readonly maxWordsInFlight?: number;
  /**
   * Most screening time one `POST /screen/batch` may take (ms, measured between subjects); a batch
   * that runs over stops and answers 413 `WORK_TOO_LARGE` (nothing partial is returned). Default 2,000.
   */
  readonly maxBatchMs?: number;
  /** Transaction screening for `POST /transactions/screen`; without it that route answers 404. */
  readonly screenTransaction?: TransactionScreening;
  /** The clock, read once per request for the default `asOf`; default `() => new Date()`. */
  readonly now?: () => Date;
  /** IANA time zone of "today" for the default `asOf`; default `UTC`. */
  readonly timeZone?: string;
  /** Serve the analyst page at `GET /`; default false (an API deployment serves JSON only). */
  readonly analystPage?: boolean;
  /** Path prefix the routes live under, e.g. `/api` (Vercel) or `/prod` (API Gateway stage); default none. */
  readonly basePath?: string;
  /** Called with the error behind each 500 (and nothing else): the only way a failure leaves the handler. */
  readonly onError?: (error: unknown) => void;
}

/**
 * A Web-standard request handler.
 * @example
 * const handler: ScreeningHandler = createScreeningHandler({ screener: createDefaultScreener() });
 * (await handler(new Request("http://x/health"))).status //=> 200
 */
export type ScreeningHandler = (request: Request) => Promise<Response>;

/**
 * One result of `POST /screen/batch`: a screen result without the list provenance (given once).
 * @example
 * const first: BatchItemResult = (await res.json()).results[0];
 * first.outcome //=> "alert" (a screen result without `lists`: the batch gives them once)
 */
export type BatchItemResult = Omit<ScreenResult, "lists">;

/**
 * The body of a `POST /screen/batch` response.
 * @example
 * const body = (await (await handler(post("/screen/batch", { subjects: [{ name: "Army Supply Bureau" }, { name: "Jane Doe Bakery" }] }))).json()) as BatchResponse;
 * body.count //=> 2
 * body.outcomes //=> { alert: 1, review: 0, clear: 0, "stale-clear": 1, unscreenable: 0 }
 */
export interface BatchResponse {
  readonly count: number;
  readonly outcomes: Readonly<Record<Outcome, number>>;
  readonly lists: ScreenResult["lists"];
  readonly results: readonly BatchItemResult[];
}

/**
 * Defaults of the handler's limits.
 * @example
 * HANDLER_DEFAULTS.maxBatch //=> 100
 * HANDLER_DEFAULTS.maxBodyBytes //=> 262144
 */
export const HANDLER_DEFAULTS = Object.freeze({ maxBodyBytes: 262_144, maxBatch: 100, maxNameWords: 32, maxBatchWords: 1_000, maxWordsInFlight: 2_000, maxBatchMs: 2_000, timeZone: "UTC" });

/** A batch yields to other requests after this much continuous screening (ms). */
const YIELD_AFTER_MS = 10;

/** Lets the event loop answer other requests (runtime-neutral: a macrotask). */
const yieldToOthers = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const anything: Check = () => undefined;

function base64(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function cspHash(text: string): string {
  return `'sha256-${base64(sha256(new TextEncoder().encode(text)))}'`;
}

function inputCode(error: InputError): "INVALID_INPUT" | "INPUT_TOO_LONG" {
  return error.code === "INPUT_TOO_LONG" ? "INPUT_TOO_LONG" : "INVALID_INPUT";
}

function invalid(issues: readonly InputIssue[]): HttpError {
  return new HttpError(400, "INVALID_INPUT", new InputError(issues).message, { issues });
}

type RouteRun = (request: Request) => Promise<Response> | Response;
interface Route {
  readonly methods: Readonly<Partial<Record<string, RouteRun>>>;
  /** Open without an API key (health checks, the static page). */
  readonly open?: boolean;
}

/**
 * Creates the screening API handler: `POST /screen`, `POST /screen/batch`,
 * `POST /transactions/screen` (when `screenTransaction` is given), `GET /lists`, `GET /health`, and
 * the analyst page at `GET /` when `analystPage` is set. Throws `InputError` on bad options.
 * @example
 * const handler = createScreeningHandler({ screener: createDefaultScreener({ index }) });
 * const res = await handler(new Request("https://api.example/screen", { method: "POST",
 *   headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "KAMAZ" }) }));
 * (await res.json()).outcome //=> "alert"
 */
export function createScreeningHandler(options: ScreeningHandlerOptions): ScreeningHandler {
  const optionIssues = check(screeningHandlerOptionsCheck, options);
  if (optionIssues.length > 0) throw new InputError(inputIssuesFrom(optionIssues, options));
  const main = options.screener;
  const maxBodyBytes = options.maxBodyBytes ?? HANDLER_DEFAULTS.maxBodyBytes;
  const maxBatch = options.maxBatch ?? HANDLER_DEFAULTS.maxBatch;
  const maxNameWords = options.maxNameWords ?? HANDLER_DEFAULTS.maxNameWords;
  const maxBatchWords = options.maxBatchWords ?? HANDLER_DEFAULTS.maxBatchWords;
  const maxWordsInFlight = Math.max(options.maxWordsInFlight ?? HANDLER_DEFAULTS.maxWordsInFlight, maxBatchWords, maxNameWords);
  const maxBatchMs = options.maxBatchMs ?? HANDLER_DEFAULTS.maxBatchMs;
  // Words being screened by requests in flight: the handler's CPU budget (issue 9, item 8).
  let wordsInFlight = 0;
  const now = options.now ?? (() => new Date());
  const basePath = options.basePath ?? "";
  const keyDigests = options.apiKey === undefined ? undefined : (typeof options.apiKey === "string" ? [options.apiKey] : options.apiKey).map(digestOf);
  let formatDate: (instant: Date) => string;
  try {
    formatDate = createDateFormatter(options.timeZone ?? HANDLER_DEFAULTS.timeZone);
  } catch {
    throw new InputError([{ path: "timeZone", expected: "an IANA time zone such as UTC or Europe/Berlin", received: describeValue(options.timeZone), message: "unknown time zone" }]);
  }
  const { onError, screenerFor, screenTransaction } = options;

  // Screeners per profile, created on first use: the only state, and it lives in this closure.
  const screeners = new Map<ProfileName, Screener>();
  if (main.profile !== "custom") screeners.set(main.profile, main);

  function today(): string {
    return formatDate(now());
  }

  function selectScreener(profile: unknown, path: string): { screener?: Screener; issues: InputIssue[] } {
    if (profile === undefined) return { screener: main, issues: [] };
    const names = Object.keys(PROFILES);
    if (typeof profile !== "string" || !Object.hasOwn(PROFILES, profile)) {
      return { issues: [{ path, expected: `one of ${names.map((n) => JSON.stringify(n)).join(", ")}`, received: describeValue(profile), message: "unknown profile" }] };
    }
    const name = profile as ProfileName;
    const known = screeners.get(name);
    if (known) return { screener: known, issues: [] };
    if (!screenerFor) {
      const only = main.profile === "custom" ? "no profile (this endpoint uses custom thresholds)" : `${JSON.stringify(main.profile)} (the only profile this endpoint serves)`;
      return { issues: [{ path, expected: only, received: describeValue(profile), message: "profile not served" }] };
    }
    let created: Screener;
    try {
      created = screenerFor(name);
    } catch (cause) {
      // A failing factory is the deployment's fault, not the caller's: a 500, never a 400.
      throw new Error(`screenerFor(${name}) failed`, { cause });
    }
    screeners.set(name, created);
    return { screener: created, issues: [] };
  }

  /**
   * Splits one subject into its screener (its own `profile`, else `fallback`) and screen input
   * (with the default `asOf`), or the issues that stop it.
   */
  function prepareSubject(value: unknown, path: string, fallback: Screener | undefined, defaultAsOf: string): { screener?: Screener; input?: ScreenInput; issues: InputIssue[] } {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      return { issues: [{ path, expected: "a JSON object", received: describeValue(value), message: "expected an object" }] };
    }
    const { profile, ...rest } = value as Record<string, unknown>;
    const issues: InputIssue[] = [];
    let screener = fallback;
    if (profile !== undefined) {
      const selected = selectScreener(profile, joinPath(path, "profile"));
      screener = selected.screener;
      issues.push(...selected.issues);
    }
    const input = (rest.asOf === undefined ? { ...rest, asOf: defaultAsOf } : rest) as ScreenInput;
    try {
      // Field validation only; the screener itself enforces its own name-length limit.
      parseScreenInput(input, Number.MAX_SAFE_INTEGER);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      issues.push(...error.issues.map((i) => ({ ...i, path: joinPath(path, i.path) })));
    }
    return issues.length > 0 || !screener ? { issues } : { screener, input, issues };
  }

  /** Words of one subject's name; a 413 naming the field when over the per-name cap. */
  function nameWords(input: ScreenInput, path: string): number {
    const words = typeof input.name === "string" ? countWords(input.name) : 0;
    if (words > maxNameWords) {
      const issue = { path: joinPath(path, "name"), expected: `at most ${maxNameWords} words`, received: `${words} words`, message: "name too long for this endpoint's work budget" };
      throw new HttpError(413, "WORK_TOO_LARGE", `${issue.path}: expected ${issue.expected}, received ${issue.received}`, { issues: [issue] });
    }
    return words;
  }

  /** Reserves screening work against the in-flight budget; a 429 when it is spent. */
  function reserve(words: number): () => void {
    if (wordsInFlight + words > maxWordsInFlight) {
      throw new HttpError(429, "BUSY", `screening budget: expected at most ${maxWordsInFlight} words in flight, received ${words} more while ${wordsInFlight} are being screened; retry shortly`, {
        headers: { "retry-after": "1" },
      });
    }
    wordsInFlight += words;
    let released = false;
    return () => {
      if (!released) wordsInFlight -= words;
      released = true;
    };
  }

  function screenOne(screener: Screener, input: ScreenInput, path: string): ScreenResult {
    try {
      return screener.screen(input);
    } catch (error) {
      if (error instanceof InputError) {
        const issues = error.issues.map((i) => ({ ...i, path: joinPath(path, i.path) }));
        throw new HttpError(400, inputCode(error), new InputError(issues).message, { issues });
      }
      throw error;
    }
  }

  async function postScreen(request: Request): Promise<Response> {
    const body = await readJsonBody(request, maxBodyBytes);
    const prepared = prepareSubject(body, "", main, today());
    if (!prepared.screener || !prepared.input) throw invalid(prepared.issues);
    const release = reserve(nameWords(prepared.input, ""));
    try {
      return jsonResponse(200, screenOne(prepared.screener, prepared.input, ""));
    } finally {
      release();
    }
  }

  const batchCheck = object({ subjects: [array(anything, { min: 1, max: maxBatch })], profile: [anything, "optional"], asOf: [anything, "optional"] }, "strict");

  async function postBatch(request: Request): Promise<Response> {
    const body = await readJsonBody(request, maxBodyBytes);
    const envelopeIssues = check(batchCheck, body);
    if (envelopeIssues.length > 0) throw invalid(inputIssuesFrom(envelopeIssues, body));
    const envelope = { data: body as { subjects: unknown[]; profile?: unknown; asOf?: unknown } };
    const issues: InputIssue[] = [];
    let asOf = today();
    if (envelope.data.asOf !== undefined) {
      const checked = check(isoDayCheck, envelope.data.asOf);
      if (checked.length === 0) asOf = envelope.data.asOf as string;
      else issues.push(...inputIssuesFrom(checked, envelope.data.asOf, "asOf"));
    }
    let fallback: Screener | undefined = main;
    if (envelope.data.profile !== undefined) {
      const selected = selectScreener(envelope.data.profile, "profile");
      fallback = selected.screener;
      issues.push(...selected.issues);
    }
    const prepared = envelope.data.subjects.map((s, i) => prepareSubject(s, `subjects.${i}`, fallback, asOf));
    // Every bad field of every subject in one answer, and nothing screened unless all are valid.
    for (const p of prepared) issues.push(...p.issues);
    if (issues.length > 0) throw invalid(issues);
    // The work budget, before any screening: words per name, words per batch, words in flight.
    const total = prepared.reduce((sum, p, i) => sum + nameWords(p.input as ScreenInput, `subjects.${i}`), 0);
    if (total > maxBatchWords) {
      const issue = { path: "subjects", expected: `at most ${maxBatchWords} words over all names`, received: `${total} words in ${prepared.length} names`, message: "batch too large for this endpoint's work budget" };
      throw new HttpError(413, "WORK_TOO_LARGE", `${issue.path}: expected ${issue.expected}, received ${issue.received}`, { issues: [issue] });
    }
    const release = reserve(total);
    try {
      const outcomes: Record<Outcome, number> = { alert: 0, review: 0, clear: 0, "stale-clear": 0, unscreenable: 0 };
      let lists: ScreenResult["lists"] = main.lists;
      const results: BatchItemResult[] = [];
      const started = performance.now();
      let slice = started;
      for (const [i, p] of prepared.entries()) {
        if (performance.now() - started > maxBatchMs) {
          const issue = { path: "subjects", expected: `at most ${maxBatchMs} ms of screening`, received: `more after ${i} of ${prepared.length} subjects`, message: "batch too slow for this endpoint's work budget; split it" };
          throw new HttpError(413, "WORK_TOO_LARGE", `${issue.path}: expected ${issue.expected}, received ${issue.received} (split the batch)`, { issues: [issue] });
        }
        // Never hold the event loop for a whole batch: other requests (and /health) get their turn.
        if (performance.now() - slice > YIELD_AFTER_MS) {
          await yieldToOthers();
          slice = performance.now();
        }
        const { lists: used, ...rest } = screenOne(p.screener as Screener, p.input as ScreenInput, `subjects.${i}`);
        lists = used;
        outcomes[rest.outcome] += 1;
        results.push(rest);
      }
      const response: BatchResponse = { count: results.length, outcomes, lists, results };
      return jsonResponse(200, response);
    } finally {
      release();
    }
  }

  async function postTransaction(request: Request): Promise<Response> {
    const body = await readJsonBody(request, maxBodyBytes);
    const result = await (screenTransaction as TransactionScreening)(body, { today: today(), screener: main });
    return jsonResponse(200, result);
  }

  function getLists(): Response {
    return jsonResponse(200, {
      algorithm: main.algorithm,
      profile: main.profile,
      threshold: main.threshold,
      reviewThreshold: main.reviewThreshold,
      records: main.stats.records,
      lists: main.lists,
      // Each list's age today, and whether it is too old to trust (see src/screen/list-freshness.ts).
      freshness: main.freshnessOn(today()),
    });
  }

  function getHealth(): Response {
    // The server is up ("ok"); `stale` says whether the lists it screens against are too old today.
    const stale = main.freshnessOn(today()).filter((f) => f.stale);
    return jsonResponse(200, { status: "ok", algorithm: main.algorithm, lists: main.lists.length, records: main.stats.records, stale: stale.length > 0, staleLists: stale.map((f) => f.detail) });
  }

  const routes = new Map<string, Route>([
    ["/screen", { methods: { POST: postScreen } }],
    ["/screen/batch", { methods: { POST: postBatch } }],
    ["/lists", { methods: { GET: getLists } }],
    ["/health", { methods: { GET: getHealth }, open: true }],
  ]);
  if (screenTransaction) routes.set("/transactions/screen", { methods: { POST: postTransaction } });
  if (options.analystPage) {
    const profiles: PageProfile[] = [{ name: main.profile, threshold: main.threshold, reviewThreshold: main.reviewThreshold }];
    if (screenerFor) for (const p of Object.values(PROFILES)) if (p.name !== main.profile) profiles.push(p);
    const html = renderAnalystPage({ basePath, authRequired: keyDigests !== undefined, profiles });
    const pageHeaders = {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      "x-frame-options": "DENY",
      // Only the page's own inline script and style (by hash) and calls to this origin.
      "content-security-policy": `default-src 'none'; script-src ${cspHash(ANALYST_PAGE_SCRIPT)}; style-src ${cspHash(ANALYST_PAGE_STYLE)}; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    };
    routes.set("/", { methods: { GET: () => new Response(html, { status: 200, headers: pageHeaders }) }, open: true });
  }

  function checkKey(request: Request): void {
    if (keyDigests === undefined) return;
    const auth = request.headers.get("authorization");
    const bearer = auth === null ? null : /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(auth)?.[1] ?? null;
    const presented = bearer ?? request.headers.get("x-api-key")?.trim() ?? null;
    const challenge = { "www-authenticate": 'Bearer realm="sanctions-screen"' };
    if (presented === null || presented === "") {
      throw new HttpError(401, "UNAUTHORIZED", "authorization: expected an API key (Authorization: Bearer <key> or X-API-Key), received none", { headers: challenge });
    }
    if (!matchesAnyKey(presented, keyDigests)) {
      throw new HttpError(401, "UNAUTHORIZED", "authorization: expected a valid API key, received a key that does not match", { headers: challenge });
    }
  }

  async function dispatch(request: Request): Promise<Response> {
    let path = new URL(request.url).pathname;
    const notFound = (): HttpError => new HttpError(404, "NOT_FOUND", `${describeValue(path)}: no such route; expected one of ${[...routes.keys()].join(", ")}`);
    if (basePath !== "") {
      if (path !== basePath && !path.startsWith(`${basePath}/`)) throw notFound();
      path = path.slice(basePath.length) || "/";
    }
    if (path.length > 1) path = path.replace(/\/+$/, "");
    const route = routes.get(path);
    if (!route) {
      if (path === "/transactions/screen") {
        throw new HttpError(404, "NOT_CONFIGURED", "/transactions/screen: transaction screening is not configured on this endpoint");
      }
      throw notFound();
    }
    const method = request.method.toUpperCase();
    const run = route.methods[method] ?? (method === "HEAD" ? route.methods.GET : undefined);
    if (!run) {
      const allow = Object.keys(route.methods).flatMap((m) => (m === "GET" ? ["GET", "HEAD"] : [m])).join(", ");
      throw new HttpError(405, "METHOD_NOT_ALLOWED", `${path}: expected ${allow}, received ${describeValue(method)}`, { headers: { allow } });
    }
    if (!route.open) checkKey(request);
    const response = await run(request);
    return method === "HEAD" ? new Response(null, { status: response.status, headers: response.headers }) : response;
  }

  return async function handleScreeningRequest(request: Request): Promise<Response> {
    try {
      return await dispatch(request);
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error);
      // Caller input refused by an injected transaction screening.
      if (error instanceof InputError) return errorResponse(new HttpError(400, inputCode(error), error.message, { issues: error.issues }));
      try {
        onError?.(error);
      } catch {
        // A failing error hook must not turn a 500 into an unhandled rejection.
      }
      return errorResponse(new HttpError(500, "INTERNAL", "internal error: the request was not completed"));
    }
  };
}
