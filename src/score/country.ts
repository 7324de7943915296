/**
 * Features `country.match` / `country.mismatch`: the caller's country (ISO 3166-1 alpha-2) against
 * the record's nationalities, citizenships, places of birth and address countries. Agreement is a
 * small bonus, disagreement a mild penalty (designated companies keep addresses in several
 * countries); a record without countries is not evidence.
 */
import type { DesignationRecord } from "../model";
import type { Reason } from "./reason";

/** Bonus when the caller's country is one of the record's. */
export const COUNTRY_MATCH_BONUS = 0.03;
/** Penalty when the record has countries and the caller's is none of them. */
export const COUNTRY_MISMATCH_PENALTY = 0.05;

const CODE = /^[A-Z]{2}$/;

/**
 * Countries a record is tied to, as ISO codes, in a stable order.
 * @example
 * recordCountries(record) //=> ["BY"]
 */
export function recordCountries(record: DesignationRecord): string[] {
  const s = record.subject;
  const out = new Set<string>();
  for (const c of [...s.nationalities, ...s.citizenships]) if (CODE.test(c)) out.add(c);
  for (const p of s.birthPlaces) if (p.country !== undefined) out.add(p.country);
  for (const a of s.addresses) if (a.country !== undefined) out.add(a.country);
  return [...out];
}

/**
 * Compares the caller's country with the record's; undefined when either side has none.
 * @example
 * countryReason("BY", ["BY"])?.feature //=> "country.match"
 */
export function countryReason(query: string | undefined, candidate: readonly string[]): Reason | undefined {
  if (query === undefined || candidate.length === 0) return undefined;
  const list = candidate.join(", ");
  if (candidate.includes(query)) {
    return { feature: "country.match", score: 1, weight: COUNTRY_MATCH_BONUS, query, candidate: list, detail: `country ${query} among ${list}` };
  }
  return { feature: "country.mismatch", score: 1, weight: -COUNTRY_MISMATCH_PENALTY, query, candidate: list, detail: `country ${query} vs ${list}` };
}
