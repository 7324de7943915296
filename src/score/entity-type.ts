/**
 * Feature `type.mismatch`: the caller's entity type against the record's. A person never matches
 * an organisation, vessel or aircraft by name alone (a company named after its founder); among
 * non-person types a mismatch is weaker (lists type vessels and their operators loosely). An
 * `unknown` type on either side is not evidence.
 */
import type { SubjectType } from "../model";
import type { NormalizedName } from "../normalize";
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

/**
 * Penalty when the caller gave no type but the query's own words make it an organisation (a legal
 * form, a descriptor word such as TECHNOLOGIES or HOLDINGS) and the record is a person: weaker
 * than a caller's type, since a company may carry its owner's name.
 */
export const INFERRED_TYPE_MISMATCH_PENALTY = 0.1;

/** Generic words that are also ranks or titles in persons' names ("General Qassem Soleimani"). */
const NOT_ORGANISATION_EVIDENCE: ReadonlySet<string> = new Set(["GENERAL"]);

/**
 * The words of a query that make it an organisation's name: its legal-form and descriptor words,
 * in order; empty when none do.
 * @example
 * organisationWords(normalizeName("Dell Technologies")) //=> ["TECHNOLOGY"]
 */
export function organisationWords(query: NormalizedName): string[] {
  const out: string[] = [];
  for (const t of query.tokens) {
    // A two-letter legal form is also a name particle ("MOUSSA, Bah Ag": Tuareg "son of").
    if ((t.cls === "legal" && t.text.length > 2) || (t.cls === "generic" && !NOT_ORGANISATION_EVIDENCE.has(t.text))) out.push(t.text);
  }
  return out;
}

/**
 * Feature `type.inferred-mismatch`: a query without a caller's type whose words make it an
 * organisation ({@link organisationWords}) against a person's record; undefined otherwise, and
 * when the record's matched name reads as an organisation's too (`candidateOrgWords`: a record
 * typed person but named "Kvant LLC" contradicts its own type, so the type is no evidence).
 * @example
 * inferredTypeReason(["TECHNOLOGY"], "person")?.weight //=> -0.1
 * inferredTypeReason(["LLC"], "person", ["LLC"]) //=> undefined
 */
export function inferredTypeReason(orgWords: readonly string[], candidate: SubjectType, candidateOrgWords: readonly string[] = []): Reason | undefined {
  if (orgWords.length === 0 || candidate !== "person" || candidateOrgWords.length > 0) return undefined;
  return {
    feature: "type.inferred-mismatch",
    score: 1,
    weight: -INFERRED_TYPE_MISMATCH_PENALTY,
    query: "organization",
    candidate,
    detail: `the query reads as an organisation (${orgWords.join(", ")}) vs a person's record`,
  };
}
