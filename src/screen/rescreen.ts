/**
 * Re-screening: screen a book of counterparties under one list version, keep the plain-JSON
 * outcomes, and when a new list version arrives screen them again and return only what changed —
 * a new alert, an alert gone, a matched record whose content changed, or another outcome change —
 * each explained with the records and list versions on both sides.
 */
import type { Regime } from "../model";
import { applyAcceptList, type AcceptEntry } from "./accept-list";
import type { Outcome, Screener } from "./create-screener";
import type { HitDecision } from "../explain";
import type { ScreenInput } from "./screen-input";

/**
 * A counterparty of the book: the caller's stable key and what to screen.
 * @example
 * const book: Counterparty[] = [{ key: "c-1", input: { name: "Minsk Automobile Plant", type: "organization", country: "BY" } }];
 * screenCounterparties(screener, book, { asOf: "2023-03-21" })[0]?.key //=> "c-1"
 */
export interface Counterparty {
  readonly key: string;
  readonly input: Omit<ScreenInput, "asOf" | "jurisdictions">;
}

/** One matched record in a stored outcome. */
export interface OutcomeRecord {
  readonly recordId: string;
  /** The decision after the accept list (`clear` when accepted, see `accepted`). */
  readonly decision: HitDecision;
  /** True when an acceptance of the accept list set this hit aside. */
  readonly accepted?: true;
  readonly recordHash: string;
  readonly summary: string;
}

/**
 * The stored outcome of one counterparty under one list version (plain JSON).
 * @example
 * const stored: CounterpartyOutcome | undefined = screenCounterparties(screener, book, { asOf: "2023-03-21" })[0];
 * stored?.outcome //=> "clear"
 * stored?.records.map((r) => r.decision) //=> []
 */
export interface CounterpartyOutcome {
  readonly key: string;
  readonly input: Counterparty["input"];
  readonly asOf: string;
  readonly outcome: Outcome;
  readonly lists: readonly { readonly id: string; readonly date?: string; readonly sha256: string }[];
  readonly records: readonly OutcomeRecord[];
}

/**
 * Options of {@link screenCounterparties} and {@link rescreen}.
 * @example
 * screenCounterparties(screener, book, { asOf: "2023-03-21", jurisdictions: ["US"], acceptList } satisfies ScreenCounterpartiesOptions);
 */
export interface ScreenCounterpartiesOptions {
  readonly asOf: string;
  readonly jurisdictions?: readonly Regime[];
  readonly acceptList?: readonly AcceptEntry[];
}

/**
 * Screens a book of counterparties and returns their storable outcomes.
 * @example
 * screenCounterparties(screener, [{ key: "c-1", input: { name: "Minsk Automobile Plant" } }], { asOf: "2023-03-21" })[0]?.outcome //=> "clear"
 */
export function screenCounterparties(screener: Screener, counterparties: readonly Counterparty[], options: ScreenCounterpartiesOptions): CounterpartyOutcome[] {
  return counterparties.map((c) => {
    const result = screener.screen({ ...c.input, asOf: options.asOf, ...(options.jurisdictions ? { jurisdictions: [...options.jurisdictions] } : {}) });
    const reviewed = applyAcceptList(c.key, result, options.acceptList ?? []);
    return {
      key: c.key,
      input: c.input,
      asOf: result.asOf,
      outcome: reviewed.outcome,
      lists: result.lists.map((l) => ({ id: l.listId, ...(l.listDate === undefined ? {} : { date: l.listDate }), sha256: l.sha256 })),
      records: reviewed.hits.map((h) => ({ recordId: h.recordId, decision: h.decision, ...(h.acceptance?.applied ? { accepted: true as const } : {}), recordHash: h.recordHash, summary: h.hit.summary })),
    };
  });
}

/** Kinds of change, most important first. */
export type OutcomeChangeKind = "new-alert" | "alert-gone" | "record-changed" | "outcome-changed";

/** One reason a counterparty's outcome changed. */
export interface OutcomeChangeReason {
  readonly kind: OutcomeChangeKind;
  readonly recordId?: string;
  readonly detail: string;
}

/**
 * A counterparty whose outcome changed between two list versions.
 * @example
 * const [change]: OutcomeChange[] = rescreen(outcomesUnder0321, screenerOn0324, { asOf: "2023-03-24" });
 * change?.kind //=> "new-alert"
 * change?.after.outcome //=> "alert"
 */
export interface OutcomeChange {
  readonly key: string;
  readonly name: string;
  readonly before: CounterpartyOutcome;
  readonly after: CounterpartyOutcome;
  /** The most important change kind (first of `reasons`). */
  readonly kind: OutcomeChangeKind;
  readonly reasons: readonly OutcomeChangeReason[];
  readonly summary: string;
}

const KIND_ORDER: readonly OutcomeChangeKind[] = ["new-alert", "alert-gone", "record-changed", "outcome-changed"];

function versions(o: CounterpartyOutcome): string {
  return o.lists.map((l) => `${l.id}${l.date ? ` ${l.date}` : ""} (${l.sha256.slice(0, 12)}…)`).join(", ");
}

/** A stored record's decision as a reader says it: `clear (accepted)` for an accepted hit. */
function said(r: OutcomeRecord): string {
  return r.accepted ? `${r.decision} (accepted)` : r.decision;
}

/**
 * Compares two outcomes of the same counterparty and explains the change, or returns undefined when
 * nothing a reviewer acts on changed (same outcome, same alerting and reviewed records, same hashes).
 * @example
 * diffOutcome(before, after)?.kind //=> "new-alert"
 */
export function diffOutcome(before: CounterpartyOutcome, after: CounterpartyOutcome): OutcomeChange | undefined {
  const reasons: OutcomeChangeReason[] = [];
  const beforeById = new Map(before.records.map((r) => [r.recordId, r]));
  const afterById = new Map(after.records.map((r) => [r.recordId, r]));
  for (const a of after.records) {
    const b = beforeById.get(a.recordId);
    if (a.decision === "alert" && b?.decision !== "alert") {
      reasons.push({ kind: "new-alert", recordId: a.recordId, detail: `${a.recordId} now alerts${b ? ` (was ${said(b)})` : " (not matched before)"}: ${a.summary}` });
    } else if (b && b.recordHash !== a.recordHash && a.decision !== "clear") {
      reasons.push({ kind: "record-changed", recordId: a.recordId, detail: `${a.recordId} changed (sha256 ${b.recordHash.slice(0, 12)}… → ${a.recordHash.slice(0, 12)}…), still ${a.decision}: ${a.summary}` });
    }
  }
  for (const b of before.records) {
    if (b.decision !== "alert") continue;
    const a = afterById.get(b.recordId);
    if (a?.decision === "alert") continue;
    reasons.push({
      kind: "alert-gone",
      recordId: b.recordId,
      detail: a ? `${b.recordId} no longer alerts (now ${said(a)}): ${a.summary}` : `${b.recordId} no longer matches (removed from the list or changed beyond the review threshold); before: ${b.summary}`,
    });
  }
  if (reasons.length === 0 && before.outcome !== after.outcome) {
    reasons.push({ kind: "outcome-changed", detail: `outcome ${before.outcome} → ${after.outcome}` });
  }
  if (reasons.length === 0) return undefined;
  reasons.sort((x, y) => KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind) || ((x.recordId ?? "") < (y.recordId ?? "") ? -1 : 1));
  const first = reasons[0] as OutcomeChangeReason;
  return {
    key: after.key,
    name: after.input.name,
    before,
    after,
    kind: first.kind,
    reasons,
    summary: `${after.key} "${after.input.name}": ${before.outcome} → ${after.outcome} (${versions(before)} → ${versions(after)}); ${reasons.map((r) => r.detail).join("; ")}`,
  };
}

/**
 * Re-screens stored outcomes against a screener over the new list version and returns only the
 * counterparties whose outcome changed, each explained. Counterparties are matched by key.
 * @example
 * rescreen(outcomesUnder0321, screenerOn0324, { asOf: "2023-03-24" }).map((c) => [c.name, c.kind])
 * //=> [["Minsk Automobile Plant", "new-alert"]]
 */
export function rescreen(previous: readonly CounterpartyOutcome[], screener: Screener, options: ScreenCounterpartiesOptions): OutcomeChange[] {
  const now = screenCounterparties(
    screener,
    previous.map((p) => ({ key: p.key, input: p.input })),
    options,
  );
  const changes: OutcomeChange[] = [];
  previous.forEach((p, i) => {
    const c = diffOutcome(p, now[i] as CounterpartyOutcome);
    if (c) changes.push(c);
  });
  return changes;
}
