/**
 * The closed vocabularies of the model as plain values, without zod: the schemas of this folder are
 * built from them, and the hand-written input checks of the screening path (`src/validate`) read
 * them too, so both accept the same words.
 */

/**
 * The four regimes a caller can say apply to it (`RegimeSchema`).
 * @example
 * REGIMES //=> ["US", "EU", "UK", "UN"]
 */
export const REGIMES = ["US", "EU", "UK", "UN"] as const;

/**
 * The kinds of party a record designates (`SubjectTypeSchema`).
 * @example
 * SUBJECT_TYPES.includes("vessel") //=> true
 */
export const SUBJECT_TYPES = ["person", "organization", "vessel", "aircraft", "unknown"] as const;

/**
 * The kinds of identifier the model knows (`IdentifierTypeSchema`); `other` keeps the publisher's label.
 * @example
 * IDENTIFIER_TYPES.includes("imo") //=> true
 */
export const IDENTIFIER_TYPES = [
  "passport",
  "national-id",
  "registration",
  "tax-id",
  "imo",
  "mmsi",
  "call-sign",
  "aircraft-serial",
  "aircraft-tail",
  "swift-bic",
  "crypto-address",
  "email",
  "website",
  "phone",
  "other",
] as const;

/**
 * A calendar date at the precision the source gives: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (`PartialDateSchema`).
 * @example
 * PARTIAL_DATE_PATTERN.test("1970-03") //=> true
 */
export const PARTIAL_DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
