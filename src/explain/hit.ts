/**
 * The explained hit: everything a reviewer needs to defend a decision, rendered from data.
 * Shape follows shared/STYLE.md ("An explained hit"), plus the matched name's kind, the token
 * alignment and the record's names and bases.
 */
import type { LegalBasis, NameKind, SubjectType } from "../model";
import type { MatchHow, Reason } from "../score";

/** The name-match decision of one hit (the final outcome may add date rules on top). */
export type HitDecision = "alert" | "review";

/** One aligned token pair: query token ↔ list token and their similarity. */
export interface AlignedTokens {
  readonly query: string;
  readonly candidate: string;
  readonly similarity: number;
  readonly how: MatchHow;
}

/** The designation record as carried by a hit. */
export interface HitRecord {
  readonly id: string;
  readonly list: string;
  readonly sourceId: string;
  readonly type: SubjectType;
  readonly names: readonly { readonly value: string; readonly kind: NameKind }[];
  readonly bases: readonly LegalBasis[];
  readonly sourceUrl?: string;
}

/** One explained hit. */
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
  readonly decision: HitDecision;
  readonly profile: string;
  /** Algorithm id and version, e.g. `names-v1`. */
  readonly algorithm: string;
  /** Echo of the caller's `asOf`, when given. */
  readonly asOf?: string;
  readonly alignment: readonly AlignedTokens[];
  readonly reasons: readonly Reason[];
  readonly summary: string;
  readonly record: HitRecord;
}
