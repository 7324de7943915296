/**
 * The screening request and its validation. Every field is checked by the hand-written checks of
 * `src/validate`, held to `ScreenInputSchema` (zod, `src/schema`) by a test: zod stays off the
 * screening path's module graph (issue 8, cold start). A failure throws
 * `InputError` naming each bad field. Names longer than the screener's maximum (characters or
 * words) throw `InputError` with code `INPUT_TOO_LONG` before any other work, so adversarial input
 * is cheap.
 */
import type { z } from "zod";
import { InputError, inputIssuesFrom, valueAt } from "../errors";
import { isValidAsOf } from "../dates";
import { countryCode, countryName } from "../lists";
import { IDENTIFIER_TYPES, isIsoCountryCode, isoCountryCodeHint, PARTIAL_DATE_PATTERN, REGIMES, SUBJECT_TYPES } from "../model";
import type { ScreenInputSchema } from "../schema";
import { array, check, object, oneOf, string, type Check } from "../validate";

/**
 * Why a country in caller input is refused: undefined for an assigned ISO 3166-1 alpha-2 code (see
 * `src/model/iso-country.ts`), else the message, with a hint when there is one: `UK` → `GB`,
 * `gb` → `GB`, `Syria` → `SY`. `IsoCountryCodeSchema` and the screening path's check both use it.
 * @example
 * countryCodeProblem("UK")
 * //=> 'expected an ISO 3166-1 alpha-2 country code (hint: the United Kingdom is "GB" (UK is only reserved in ISO 3166-1))'
 */
export function countryCodeProblem(value: string): string | undefined {
  if (isIsoCountryCode(value)) return undefined;
  let hint = isoCountryCodeHint(value);
  if (hint === undefined && value.trim().length > 2) {
    const code = countryCode(value);
    if (code !== undefined) hint = `"${value.trim()}" is "${code}" (${countryName(code)})`;
  }
  return `expected an ISO 3166-1 alpha-2 country code${hint === undefined ? "" : ` (hint: ${hint})`}`;
}

/** The message of a refused `asOf`/`today`/`date`: a calendar day `YYYY-MM-DD` that exists. */
export const ISO_DAY_MESSAGE = "expected a calendar day YYYY-MM-DD";

/** Default maximum name length (UTF-16 code units); the longest list names are about 400. */
export const DEFAULT_MAX_NAME_LENGTH = 1000;

/**
 * Default maximum number of words in a name: the longest list name (a U.S. CSL description of the
 * Russian Ministry of Defence) has 57. Beyond this an input is refused with `INPUT_TOO_LONG`
 * rather than screened partially: a truncated screen could clear what the full name matches.
 */
export const DEFAULT_MAX_NAME_WORDS = 64;

/** A country in caller input (`IsoCountryCodeSchema`). */
export const countryCheck: Check = string({ refine: countryCodeProblem });

/** A calendar day YYYY-MM-DD that exists (`IsoDaySchema`). */
export const isoDayCheck: Check = string({ refine: (v) => (isValidAsOf(v) ? undefined : ISO_DAY_MESSAGE) });

/** A regime list (`jurisdictions`). */
export const jurisdictionsCheck: Check = array(oneOf(REGIMES), { min: 1, max: 4 });

/** An identifier the caller knows (`ScreenIdentifierSchema`). */
export const screenIdentifierCheck: Check = object(
  { type: [oneOf(IDENTIFIER_TYPES), "optional"], value: [string({ min: 1, max: 100 })], country: [countryCheck, "optional"] },
  "strict",
);

const SCREEN_INPUT_FIELDS = ["name", "type", "country", "dateOfBirth", "identifiers", "asOf", "jurisdictions"] as const;

/** A screening request (`ScreenInputSchema`, which `test/validate/screen-input.test.ts` holds it to). */
export const screenInputCheck: Check = object(
  {
    name: [string({ min: [1, "expected a non-empty name"] })],
    type: [oneOf(SUBJECT_TYPES), "optional"],
    country: [countryCheck, "optional"],
    dateOfBirth: [string({ pattern: [PARTIAL_DATE_PATTERN, "expected YYYY[-MM[-DD]]"] }), "optional"],
    identifiers: [array(screenIdentifierCheck, { max: 20 }), "optional"],
    asOf: [isoDayCheck, "optional"],
    jurisdictions: [jurisdictionsCheck, "optional"],
  },
  "strict",
);

/**
 * A screening request: the name and, when the caller has them, type, country, date of birth,
 * identifiers, the day the screen is for (`asOf`, YYYY-MM-DD; default the screener's `today`) and the
 * regimes that apply to the caller (`jurisdictions`; default the screener's, or all four). Its
 * contract is `ScreenInputSchema` (zod, in `src/schema`; published as `schema/screen-input.json`).
 * @example
 * const input: ScreenInput = { name: "Nicolas Maduro", type: "person", country: "VE", dateOfBirth: "1962", asOf: "2026-11-22", jurisdictions: ["US"] };
 * screener.screen(input).outcome //=> "alert"
 */
export type ScreenInput = z.input<typeof ScreenInputSchema>;
/**
 * A screening request that passed validation.
 * @example
 * const valid: ValidScreenInput = parseScreenInput({ name: "Army Supply Bureau" }, 1000);
 */
export type ValidScreenInput = z.output<typeof ScreenInputSchema>;

/**
 * Words as the normaliser will see them: runs of letters, marks and digits (the unit of screening
 * work the handler budgets).
 * @example
 * countWords("Army Supply-Bureau") //=> 3
 */
export function countWords(name: string): number {
  let words = 0;
  let inWord = false;
  for (const ch of name) {
    const w = /[\p{L}\p{M}\p{N}]/u.test(ch);
    if (w && !inWord) words++;
    inWord = w;
  }
  return words;
}



/**
 * Validates a screening request; throws `InputError` (`INVALID_INPUT` or `INPUT_TOO_LONG`).
 * @example
 * parseScreenInput({ name: "" }, 1000) // throws InputError: invalid input; name: expected a non-empty name, received ""
 */
export function parseScreenInput(input: unknown, maxNameLength: number, maxNameWords: number = DEFAULT_MAX_NAME_WORDS): ValidScreenInput {
  const name = valueAt(input, ["name"]);
  if (typeof name === "string" && name.length > maxNameLength) {
    throw new InputError(
      [{ path: "name", expected: `at most ${maxNameLength} characters`, received: `${name.length} characters`, message: "name too long" }],
      "INPUT_TOO_LONG",
    );
  }
  if (typeof name === "string") {
    const words = countWords(name);
    if (words > maxNameWords) {
      throw new InputError([{ path: "name", expected: `at most ${maxNameWords} words`, received: `${words} words`, message: "name too long" }], "INPUT_TOO_LONG");
    }
  }
  const issues = check(screenInputCheck, input);
  if (issues.length > 0) throw new InputError(inputIssuesFrom(issues, input));
  // A copy of the known fields, as zod's output was: the screen never reads the caller's object again.
  const valid: Record<string, unknown> = {};
  for (const key of SCREEN_INPUT_FIELDS) {
    const value = (input as Record<string, unknown>)[key];
    if (value !== undefined) valid[key] = value;
  }
  return valid as ValidScreenInput;
}
