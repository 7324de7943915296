import type { ScreenResult, TransactionResult } from "../screen";

/**
 * What the matchers accept: a screen's result or a transaction's.
 * @example
 * const results: ScreeningResult[] = [screener.screen({ name: "Army Supply Bureau" }), desk.screen(tx)];
 * results.map((r) => r.outcome) //=> ["alert", "alert"]
 */
export type ScreeningResult = Pick<ScreenResult, "outcome" | "hits" | "reasons" | "query" | "asOf"> | Pick<TransactionResult, "outcome" | "findings" | "date">;

/**
 * The result of one matcher, in the shape vitest's and jest's `expect.extend` take.
 * @example
 * const r: MatcherResult = screeningMatchers.toClear(screener.screen({ name: "Jane Doe Bakery", asOf: "2026-11-22" }));
 * r.pass //=> false (a stale-clear on the embedded snapshots); r.message() prints the explanation
 */
export interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

/**
 * The assertions {@link screeningMatchers} adds to `expect`. Declare them once for your test
 * runner's types (vitest: `interface Assertion<T> extends ScreeningMatchers<T> {}` in `declare module "vitest"`).
 * @example
 * declare module "vitest" {
 *   interface Assertion<T> extends ScreeningMatchers<T> {}
 * }
 * expect.extend(screeningMatchers);
 * expect(screener.screen({ name: "Army Supply Bureau" })).toAlertOn("ofac-sdn:15486");
 */
export interface ScreeningMatchers<R = unknown> {
  /** The result alerts, and record `<list>:<id>` (e.g. `ofac-sdn:15487`) is one of its alerts. */
  toAlertOn(recordId: string): R;
  /** The result is `clear`: no alert, no review, nameable, against lists current on the day. */
  toClear(): R;
  /**
   * No record matched, but a list was stale on the day (`stale-clear`: e.g. the embedded snapshots,
   * which are never current): never the same as a clear, so it has its own matcher.
   */
  toStaleClear(): R;
  /** Nothing comparable was left of the name (or a party's name): `unscreenable`. */
  toBeUnscreenable(): R;
}

interface Normalized {
  readonly subject: string;
  readonly outcome: string;
  /** `decision  record id  explanation`, one per hit or finding. */
  readonly lines: readonly { readonly decision: string; readonly recordId?: string; readonly text: string }[];
}

function isScreeningResult(value: unknown): value is ScreeningResult {
  if (value === null || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return typeof v["outcome"] === "string" && (Array.isArray(v["hits"]) || Array.isArray(v["findings"]));
}

function normalize(result: ScreeningResult): Normalized {
  if ("findings" in result) {
    return {
      subject: `transaction of ${result.date}`,
      outcome: result.outcome,
      lines: result.findings.map((f) => ({ decision: f.decision, ...(f.recordId === undefined ? {} : { recordId: f.recordId }), text: f.summary })),
    };
  }
  return {
    subject: `screen of "${result.query.name}"${result.asOf === undefined ? "" : ` as of ${result.asOf}`}`,
    outcome: result.outcome,
    lines: [
      ...result.hits.map((h) => ({ decision: h.decision, recordId: `${h.list}:${h.recordId}`, text: h.summary })),
      ...result.reasons.map((r) => ({ decision: "reason", text: `${r.feature}: ${r.detail}` })),
    ],
  };
}

/** The explanation printed when a matcher fails: outcome, then every hit or finding with its summary. */
function explain(n: Normalized): string {
  const lines = n.lines.map((l) => `  ${l.decision.toUpperCase().padEnd(12)} ${l.recordId === undefined ? "" : `${l.recordId}  `}${l.text}`);
  return `${n.subject}: ${n.outcome.toUpperCase()}${lines.length === 0 ? " (no hits, no reasons)" : `\n${lines.join("\n")}`}`;
}

function notAResult(received: unknown, matcher: string): MatcherResult {
  return {
    pass: false,
    message: () => `${matcher}: expected the result of screener.screen() or screenTransaction(), received ${received === null ? "null" : typeof received}`,
  };
}

/** A matcher that passes when the result's outcome is `outcome`; messages say what was expected. */
function outcomeMatcher(name: string, outcome: string, expected: string, negated: string): (received: unknown) => MatcherResult {
  return (received) => {
    if (!isScreeningResult(received)) return notAResult(received, name);
    const n = normalize(received);
    const pass = n.outcome === outcome;
    return {
      pass,
      message: () => (pass ? `expected the ${n.subject} ${negated}:\n${explain(n)}` : `expected the ${n.subject} ${expected}, but it is ${n.outcome}:\n${explain(n)}`),
    };
  };
}

/**
 * `expect` matchers for screening results, for vitest and jest (`expect.extend(screeningMatchers)`).
 * On failure they print the result's explanation: every hit or finding with its rendered summary.
 * @example
 * expect.extend(screeningMatchers);
 * expect(screener.screen({ name: "Army Supply Bureau" })).toAlertOn("ofac-sdn:15486");
 * expect(screener.screen({ name: "Jane Doe Bakery" })).toClear();
 */
export const screeningMatchers = {
  toAlertOn(received: unknown, recordId: string): MatcherResult {
    if (!isScreeningResult(received)) return notAResult(received, "toAlertOn");
    const n = normalize(received);
    const own = n.lines.filter((l) => l.recordId === recordId);
    const pass = n.outcome === "alert" && own.some((l) => l.decision === "alert");
    const why = own.length === 0 ? `${recordId} is not among its hits` : `${recordId} is ${own.map((l) => l.decision).join(", ")}`;
    return {
      pass,
      message: () =>
        pass
          ? `expected the ${n.subject} not to alert on ${recordId}, but it does:\n${explain(n)}`
          : `expected the ${n.subject} to alert on ${recordId}, but ${why}:\n${explain(n)}`,
    };
  },

  toClear: outcomeMatcher("toClear", "clear", "to clear", "not to clear, but it does"),
  toStaleClear: outcomeMatcher("toStaleClear", "stale-clear", "to be a stale clear", "not to be a stale clear, but it is"),
  toBeUnscreenable: outcomeMatcher("toBeUnscreenable", "unscreenable", "to be unscreenable", "to be screenable, but it is not"),
};
