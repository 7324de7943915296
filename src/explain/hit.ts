/**
 * The explained hit: everything a reviewer needs to defend a decision, rendered from data.
 * Shape follows shared/STYLE.md ("An explained hit"), plus the matched name's kind, the token
 * alignment and the record's names and bases.
 */
import type { BasisStatusReason, BasisStatusValue } from "../dates";
import type { LegalBasis, NameKind, Regime, SubjectType } from "../model";
import type { MatchHow, Reason } from "../score";

/**
 * The decision of one hit, in the words of a screen's outcome: the name match (score against the
 * alert threshold) combined with the designation's status on the as-of day. `clear` is a matched
 * record that does not count against the party that day (designated later, basis ended, outside the
 * caller's jurisdictions); the `designation.*` reason says why and the `name.decision` reason keeps
 * what the name alone decided.
 * @example
 * const decision: HitDecision | undefined = result.hits[0]?.decision; //=> "alert"
 */
export type HitDecision = "alert" | "review" | "clear";

/** Status of a matched record on the as-of day for the caller. */
export type DesignationStatusValue = BasisStatusValue | "out-of-jurisdiction";

/** One basis as assessed: which one, in or out of jurisdiction, its status and why. */
export interface BasisAssessment {
  readonly regime: Regime;
  readonly program?: string;
  readonly authority?: string;
  readonly list?: string;
  readonly inJurisdiction: boolean;
  readonly confirmed: boolean;
  readonly status: BasisStatusValue;
  readonly reason: BasisStatusReason;
  /** Id of the curated record whose sourced dates were used for this basis. */
  readonly datesFrom?: string;
}

/**
 * The designation side of a hit: in force or not on the as-of day, per basis, and why.
 * @example
 * const d = screener.screen({ name: "Belvneshpromservis", asOf: "2011-06-01", jurisdictions: ["US"] }).hits[0]?.designation;
 * d?.status //=> "not-yet-listed"
 * d?.reason.feature //=> "designation.not-yet-listed"
 */
export interface DesignationAssessment {
  readonly asOf: string;
  readonly jurisdictions: readonly Regime[];
  readonly status: DesignationStatusValue;
  readonly bases: readonly BasisAssessment[];
  /** The deciding reason, as a feature (`designation.in-force`, `designation.not-yet-listed`, …). */
  readonly reason: Reason;
  /** Curated records linked to this one (their dates were used). */
  readonly linked: readonly string[];
}

/** One aligned token pair: query token ↔ list token and their similarity. */
export interface AlignedTokens {
  readonly query: string;
  readonly candidate: string;
  readonly similarity: number;
  readonly how: MatchHow;
}

/**
 * The designation record as carried by a hit.
 * @example
 * const record: HitRecord | undefined = result.hits[0]?.record;
 * record?.id //=> "ofac-sdn:15487"
 * record?.bases.map((b) => b.program) //=> ["NPWMD", "IFSR"]
 */
export interface HitRecord {
  readonly id: string;
  readonly list: string;
  readonly sourceId: string;
  readonly type: SubjectType;
  readonly names: readonly { readonly value: string; readonly kind: NameKind }[];
  readonly bases: readonly LegalBasis[];
  readonly sourceUrl?: string;
}

/**
 * One explained hit.
 * @example
 * const hit: Hit | undefined = screener.screen({ name: "Belvneshpromservis", asOf: "2013-03-01" }).hits[0];
 * hit?.decision //=> "alert"
 * hit?.recordId //=> "15487"
 * hit?.reasons.map((r) => r.feature) //=> ["name.fuzzy", "name.decision", "designation.in-force"]
 */
export interface Hit {
  /** List id, e.g. `ofac-sdn`. */
  readonly list: string;
  /** The publisher's record id, e.g. `15487`. */
  readonly recordId: string;
  /** The matched list name as published. */
  readonly name: string;
  readonly nameKind: NameKind;
  readonly score: number;
  /** Alert threshold of the profile used. */
  readonly threshold: number;
  /** Lowest score reported for review. */
  readonly reviewThreshold: number;
  /**
   * The hit's one decision: the name match with the designation's status applied (see `designation`
   * and the `name.decision` reason for the name alone).
   */
  readonly decision: HitDecision;
  /** Date-aware status of the record (screens with an as-of day; absent from name-only matches). */
  readonly designation?: DesignationAssessment;
  readonly profile: string;
  /** Algorithm id and version, e.g. `names-v2`. */
  readonly algorithm: string;
  /** Echo of the caller's `asOf`, when given. */
  readonly asOf?: string;
  readonly alignment: readonly AlignedTokens[];
  readonly reasons: readonly Reason[];
  readonly summary: string;
  readonly record: HitRecord;
}
