/**
 * Assembles an explained hit from a record, its reasons and the profile's thresholds.
 */
import type { DesignationRecord, NameKind } from "../model";
import { combineReasons, type Reason } from "../score";
import type { AlignedTokens, DesignationAssessment, Hit, HitDecision, HitRecord } from "./hit";
import { renderSummary } from "./render-summary";

/** What {@link buildHit} needs. */
export interface BuildHitInput {
  readonly record: DesignationRecord;
  /** Ordinal of the matched name in `record.subject.names`. */
  readonly nameOrdinal: number;
  readonly reasons: readonly Reason[];
  readonly alignment: readonly AlignedTokens[];
  readonly threshold: number;
  readonly reviewThreshold: number;
  readonly profile: string;
  readonly algorithm: string;
  readonly asOf?: string;
  /** The record's date-aware status; sets the final decision and adds its reason. */
  readonly designation?: DesignationAssessment;
}

/**
 * The final decision: name alert + in force → alert; name alert + uncertain, or name review + in
 * force/uncertain → review; not yet listed, ended or out of jurisdiction → clear.
 * @example
 * finalDecision("alert", "uncertain") //=> "review"
 */
export function finalDecision(nameDecision: "alert" | "review", status: DesignationAssessment["status"]): HitDecision {
  if (status === "in-force") return nameDecision;
  if (status === "uncertain") return "review";
  return "clear";
}

/**
 * The `name.decision` reason (weight 0: it explains, it does not score): what names and secondary
 * evidence alone decided, before the designation's status on the as-of day.
 * @example
 * nameDecisionReason(0.98, 0.9).detail //=> "name alone: alert (0.98 ≥ 0.90)"
 */
export function nameDecisionReason(score: number, threshold: number): Reason {
  const alert = score >= threshold;
  return {
    feature: "name.decision",
    score,
    weight: 0,
    query: String(score),
    candidate: String(threshold),
    detail: `name alone: ${alert ? "alert" : "review"} (${score.toFixed(2)} ${alert ? "≥" : "<"} ${threshold.toFixed(2)})`,
  };
}

/**
 * The record as carried by a hit: id, list, names with kinds, bases.
 * @example
 * hitRecord(record).names[0] //=> { value: "BELVNESHPROMSERVICE", kind: "primary" }
 */
export function hitRecord(record: DesignationRecord): HitRecord {
  return {
    id: record.id,
    list: record.list,
    sourceId: record.sourceId,
    type: record.subject.type,
    names: record.subject.names.map((n) => ({ value: n.value, kind: n.kind })),
    bases: record.bases,
    ...(record.sourceUrl === undefined ? {} : { sourceUrl: record.sourceUrl }),
  };
}

/**
 * Builds one explained hit; its score is the combination of its reasons and its summary is rendered from them.
 * @example
 * buildHit({ record, nameOrdinal: 0, reasons, alignment, threshold: 0.88, reviewThreshold: 0.78, profile: "balanced", algorithm: "names-v2" }).decision //=> "alert"
 */
export function buildHit(input: BuildHitInput): Hit {
  // The designation reason carries weight 0: it explains, it does not move the score.
  const scored = input.designation ? [...input.reasons, input.designation.reason] : input.reasons;
  const score = combineReasons(scored);
  const nameDecision = score >= input.threshold ? "alert" : "review";
  const decision = input.designation ? finalDecision(nameDecision, input.designation.status) : nameDecision;
  // With a designation the decision may differ from the name's: the name's stays in the data.
  const reasons = input.designation ? [...input.reasons, nameDecisionReason(score, input.threshold), input.designation.reason] : input.reasons;
  const name = input.record.subject.names[input.nameOrdinal];
  const nameKind: NameKind = name?.kind ?? "primary";
  const nameValue = name?.value ?? "";
  const summary = renderSummary({
    decision,
    list: input.record.list,
    recordId: input.record.sourceId,
    name: nameValue,
    nameKind,
    score,
    threshold: input.threshold,
    reviewThreshold: input.reviewThreshold,
    reasons,
  });
  return {
    list: input.record.list,
    recordId: input.record.sourceId,
    name: nameValue,
    nameKind,
    score,
    threshold: input.threshold,
    reviewThreshold: input.reviewThreshold,
    decision,
    ...(input.designation ? { designation: input.designation } : {}),
    profile: input.profile,
    algorithm: input.algorithm,
    ...(input.asOf === undefined ? {} : { asOf: input.asOf }),
    alignment: input.alignment,
    reasons,
    summary,
    record: hitRecord(input.record),
  };
}

/**
 * Orders hits: score (highest first), then — when both carry it — the record whose matched name is
 * written with a word count closer to the query's (`wordGap`: at an equal score, "MAJID, Abdul" is
 * closer to ABDUL MAJID than to MAJID, Hafiz Abdul, whose title cost nothing), then a record whose
 * primary name matched before one matched by another of its names (an equal score on the name a list
 * leads with is the more direct hit), then — when the caller can tell (`support`, asked only here: it
 * reads names) — the record whose other names hold more of the query's words, then list id, then
 * record id.
 * @example
 * [b, a].sort(compareHits) //=> [a, b]
 */
export function compareHits(
  a: { readonly score: number; readonly list: string; readonly recordId: string; readonly nameKind?: string; readonly wordGap?: number },
  b: { readonly score: number; readonly list: string; readonly recordId: string; readonly nameKind?: string; readonly wordGap?: number },
  support?: () => number,
): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.wordGap !== undefined && b.wordGap !== undefined && a.wordGap !== b.wordGap) return a.wordGap - b.wordGap;
  const ap = a.nameKind === "primary";
  if (ap !== (b.nameKind === "primary")) return ap ? -1 : 1;
  // `support()`: how much more b's other names support the match than a's (positive: b first).
  const bySupport = support === undefined ? 0 : support();
  if (bySupport !== 0) return bySupport;
  if (a.list !== b.list) return a.list < b.list ? -1 : 1;
  return a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0;
}
