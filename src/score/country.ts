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

/** Every record's countries packed as {@link recordCountryCodes} gives them. */
export interface RecordCountryCodes {
  readonly offsets: Uint32Array;
  readonly codes: Uint16Array;
}

/**
 * Each record's countries (`recordCountries`) packed for the search minimums of a screen with a
 * country (see {@link countryEvidenceBound}): `codes[offsets[r] … offsets[r + 1])` are record `r`'s,
 * each two-letter code as `(first − 65) × 26 + (second − 65)`; any other text as 0xFFFF (it equals
 * no caller's code but still makes the record one with countries).
 * @example
 * recordCountryCodes([record]).codes //=> Uint16Array [ (1 × 26 + 24) ] for ["BY"]
 */
export function recordCountryCodes(records: readonly DesignationRecord[]): RecordCountryCodes {
  const offsets = new Uint32Array(records.length + 1);
  const codes: number[] = [];
  records.forEach((r, i) => {
    for (const c of recordCountries(r)) codes.push(countryCodeNumber(c));
    offsets[i + 1] = codes.length;
  });
  return { offsets, codes: Uint16Array.from(codes) };
}

/** A two-letter code as a number below 676; 0xFFFF for anything else. */
export function countryCodeNumber(code: string): number {
  return CODE.test(code) ? (code.charCodeAt(0) - 65) * 26 + (code.charCodeAt(1) - 65) : 0xffff;
}

/**
 * The most `countryReason` can add to record `r`'s score for a caller's country (`countryCodeNumber`):
 * 0 when the record has no country, {@link COUNTRY_MATCH_BONUS} when it has the caller's, the
 * mismatch penalty when it has others only.
 * @example
 * countryEvidenceBound(recordCountryCodes(records), 0, countryCodeNumber("BY")) //=> 0.03
 */
export function countryEvidenceBound(packed: RecordCountryCodes, r: number, code: number): number {
  const from = packed.offsets[r] as number;
  const to = packed.offsets[r + 1] as number;
  if (from === to) return 0;
  for (let x = from; x < to; x++) if (packed.codes[x] === code) return COUNTRY_MATCH_BONUS;
  return -COUNTRY_MISMATCH_PENALTY;
}
