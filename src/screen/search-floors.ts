/**
 * The minimums a screen searches from (issue 9: less work for the same hits). Secondary evidence
 * (date of birth, country) moves a name's score by at most its bonus, so the search must reach below
 * the review threshold by that much — but only for the records that evidence can lift: each record
 * is searched from the review threshold less the most its own evidence can add
 * (`birthYearEvidenceBound`: the date's bonus only when the record's birth years span the caller's
 * year, nothing without a birth date, a year mismatch's penalty otherwise; `countryEvidenceBound`:
 * the country bonus only when the record has the caller's country, nothing without countries, the
 * mismatch penalty otherwise).
 */
import { birthYearEvidenceBound, COUNTRY_MATCH_BONUS, countryCodeNumber, countryEvidenceBound, DOB_MAX_BONUS } from "../score";
import type { ScreenerRecords } from "./create-screener";

/** What a screen passes its search: the lowest minimum, and each record's own when a date of birth or country is given. */
export interface SearchFloors {
  readonly minScore: number;
  readonly recordFloor?: (record: number) => number;
}

/** Per-record data the floors read, each only when its input field is given. */
export type FloorEvidence = Pick<ScreenerRecords, "birthYears" | "countryCodes">;

/**
 * The search minimums of a screen at `reviewThreshold` for an input's date of birth and country.
 * @example
 * searchFloors(0.8, { country: "IR" }, records).minScore //=> 0.769999
 * @example
 * searchFloors(0.8, { dateOfBirth: "1970" }, records).recordFloor?.(r) //=> 0.999999 for a record born 1966 (0.8 + 0.2)
 */
export function searchFloors(reviewThreshold: number, input: { readonly dateOfBirth?: string | undefined; readonly country?: string | undefined }, evidence: FloorEvidence): SearchFloors {
  const dated = input.dateOfBirth !== undefined;
  const placed = input.country !== undefined;
  const minScore = Math.max(1e-6, reviewThreshold - ((dated ? DOB_MAX_BONUS : 0) + (placed ? COUNTRY_MATCH_BONUS : 0)) - 1e-6);
  if (!dated && !placed) return { minScore };
  const spans = dated ? evidence.birthYears() : undefined;
  const year = dated ? Number((input.dateOfBirth as string).slice(0, 4)) : 0;
  const countries = placed ? evidence.countryCodes() : undefined;
  const code = placed ? countryCodeNumber(input.country as string) : 0;
  return {
    minScore,
    recordFloor: (r) => {
      const dob = spans === undefined ? 0 : birthYearEvidenceBound(spans, r, year);
      const country = countries === undefined ? 0 : countryEvidenceBound(countries, r, code);
      // The records that may get every bonus keep `minScore` itself (the same float).
      if ((spans === undefined || dob === DOB_MAX_BONUS) && (countries === undefined || country === COUNTRY_MATCH_BONUS)) return minScore;
      return Math.max(1e-6, reviewThreshold - dob - country - 1e-6);
    },
  };
}
