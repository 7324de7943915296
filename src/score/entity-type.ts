/**
 * Feature `type.mismatch`: the caller's entity type against the record's. A person never matches
 * an organisation, vessel or aircraft by name alone (a company named after its founder); among
 * non-person types a mismatch is weaker (lists type vessels and their operators loosely). An
 * `unknown` type on either side is not evidence.
 */
import type { SubjectType } from "../model";
import type { Reason } from "./reason";

/** Penalty for a person vs non-person mismatch. */
export const PERSON_TYPE_MISMATCH_PENALTY = 0.2;
/** Penalty for a mismatch between two non-person types. */
export const OTHER_TYPE_MISMATCH_PENALTY = 0.05;

/**
 * Compares entity types; undefined when they agree or either is unknown.
 * @example
 * entityTypeReason("person", "organization")?.weight //=> -0.2
 */
export function entityTypeReason(query: SubjectType | undefined, candidate: SubjectType): Reason | undefined {
  if (query === undefined || query === "unknown" || candidate === "unknown" || query === candidate) return undefined;
  const personInvolved = query === "person" || candidate === "person";
  return {
    feature: "type.mismatch",
    score: 1,
    weight: -(personInvolved ? PERSON_TYPE_MISMATCH_PENALTY : OTHER_TYPE_MISMATCH_PENALTY),
    query,
    candidate,
    detail: `type ${query} vs ${candidate}`,
  };
}
