/**
 * The screening request and its validation. Every field is checked with zod; a failure throws
 * `InputError` naming each bad field. Names longer than the screener's maximum (characters or
 * words) throw `InputError` with code `INPUT_TOO_LONG` before any other work, so adversarial input
 * is cheap.
 */
import { z } from "zod";
import { InputError, inputIssuesFromZod, valueAt } from "../errors";
import { isValidAsOf } from "../dates";
import { countryCode, countryName } from "../lists";
import { IdentifierTypeSchema, isIsoCountryCode, isoCountryCodeHint, PartialDateSchema, RegimeSchema, SubjectTypeSchema } from "../model";

/**
 * A country in caller input: an assigned ISO 3166-1 alpha-2 code (see `src/model/iso-country.ts`).
 * A refused value gets a hint when there is one: `UK` → `GB`, `gb` → `GB`, `Syria` → `SY`.
 * @example
 * IsoCountryCodeSchema.safeParse("UK").error?.issues[0]?.message
 * //=> 'expected an ISO 3166-1 alpha-2 country code (hint: the United Kingdom is "GB" (UK is only reserved in ISO 3166-1))'
 */
export const IsoCountryCodeSchema = z.string().superRefine((value, ctx) => {
  if (isIsoCountryCode(value)) return;
  let hint = isoCountryCodeHint(value);
  if (hint === undefined && value.trim().length > 2) {
    const code = countryCode(value);
    if (code !== undefined) hint = `"${value.trim()}" is "${code}" (${countryName(code)})`;
  }
  ctx.addIssue({ code: "custom", message: `expected an ISO 3166-1 alpha-2 country code${hint === undefined ? "" : ` (hint: ${hint})`}` });
});

/** A calendar day `YYYY-MM-DD` that exists (no time, no zone: screening is by day). */
export const IsoDaySchema = z.string().refine((v) => isValidAsOf(v), "expected a calendar day YYYY-MM-DD");

/** Default maximum name length (UTF-16 code units); the longest list names are about 400. */
export const DEFAULT_MAX_NAME_LENGTH = 1000;

/**
 * Default maximum number of words in a name: the longest list name (a U.S. CSL description of the
 * Russian Ministry of Defence) has 57. Beyond this an input is refused with `INPUT_TOO_LONG`
 * rather than screened partially: a truncated screen could clear what the full name matches.
 */
export const DEFAULT_MAX_NAME_WORDS = 64;

/** An identifier the caller knows for the counterparty. */
export const ScreenIdentifierSchema = z
  .object({
    type: IdentifierTypeSchema.optional(),
    value: z.string().min(1).max(100),
    country: IsoCountryCodeSchema.optional(),
  })
  .strict();

/**
 * A screening request: the name and, when the caller has them, type, country, date of birth,
 * identifiers, the day the screen is for (`asOf`, YYYY-MM-DD; default the screener's `today`) and the
 * regimes that apply to the caller (`jurisdictions`; default the screener's, or all four).
 * @example
 * ScreenInputSchema.parse({ name: "Belvneshpromservis", type: "organization", country: "BY" })
 */
export const ScreenInputSchema = z
  .object({
    name: z.string().min(1, "expected a non-empty name"),
    type: SubjectTypeSchema.optional(),
    country: IsoCountryCodeSchema.optional(),
    dateOfBirth: PartialDateSchema.optional(),
    identifiers: z.array(ScreenIdentifierSchema).max(20).optional(),
    asOf: IsoDaySchema.optional(),
    jurisdictions: z.array(RegimeSchema).min(1).max(4).optional(),
  })
  .strict();
/**
 * What a screen takes (the input of {@link ScreenInputSchema}).
 * @example
 * const input: ScreenInput = { name: "Nicolas Maduro", type: "person", country: "VE", dateOfBirth: "1962", asOf: "2026-11-22", jurisdictions: ["US"] };
 * screener.screen(input).outcome //=> "alert"
 */
export type ScreenInput = z.input<typeof ScreenInputSchema>;
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
  const parsed = ScreenInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = inputIssuesFromZod(parsed.error, input);
  throw new InputError(issues);
}
