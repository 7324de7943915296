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
 * force/uncertain → review; not yet listed, ended or out of jurisdiction → info.
 * @example
 * finalDecision("alert", "uncertain") //=> "review"
 */
export function finalDecision(nameDecision: "alert" | "review", status: DesignationAssessment["status"]): HitDecision {
  if (status === "in-force") return nameDecision;
  if (status === "uncertain") return "review";
  return "info";
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
  const reasons = input.designation ? [...input.reasons, input.designation.reason] : input.reasons;
  const score = combineReasons(reasons);
  const nameDecision = score >= input.threshold ? "alert" : "review";
  const decision = input.designation ? finalDecision(nameDecision, input.designation.status) : nameDecision;
  const name = input.record.subject.names[input.nameOrdinal];
  const nameKind: NameKind = name?.kind ?? "primary";
  const nameValue = name?.value ?? "";
  const summary = renderSummary({
    decision,
    nameDecision,
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
    nameDecision,
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
 * Orders hits: score (highest first), then list id, then record id.
 * @example
 * [b, a].sort(compareHits) //=> [a, b]
 */
export function compareHits(a: { readonly score: number; readonly list: string; readonly recordId: string }, b: { readonly score: number; readonly list: string; readonly recordId: string }): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.list !== b.list) return a.list < b.list ? -1 : 1;
  return a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0;
}
