/**
 * The input contract: the zod schemas of what the library takes (`ScreenInputSchema`,
 * `TransactionSchema`, the screener's options) and the handler's request bodies built from them.
 * The library validates input with the hand-written checks of `src/validate` (zod is too heavy for
 * the screening path's cold start, issue 8); tests under `test/validate` feed the same values to
 * both and require the same issues. Like `./result-schemas`, only the JSON Schema script, the root
 * entry's exports and the tests import this module.
 */
import { z } from "zod";
import { isValidAsOf } from "../dates";
import { IdentifierTypeSchema, PartialDateSchema, RegimeSchema, SubjectTypeSchema } from "../model";
import { BASE_PATH_MESSAGE, BASE_PATH_PATTERN } from "../handler/handler-options";
import type { Screener } from "../screen";
import { ACCEPT_MESSAGES, ACCEPT_PATTERNS, countryCodeProblem, ISO_DAY_MESSAGE, PARTY_ACTIVITIES, PARTY_ROLES, PERCENT_MESSAGES } from "../screen";

/**
 * A country in caller input: an assigned ISO 3166-1 alpha-2 code (see `src/model/iso-country.ts`).
 * A refused value gets a hint when there is one: `UK` → `GB`, `gb` → `GB`, `Syria` → `SY`.
 * @example
 * IsoCountryCodeSchema.safeParse("UK").error?.issues[0]?.message
 * //=> 'expected an ISO 3166-1 alpha-2 country code (hint: the United Kingdom is "GB" (UK is only reserved in ISO 3166-1))'
 */
export const IsoCountryCodeSchema = z.string().superRefine((value, ctx) => {
  const message = countryCodeProblem(value);
  if (message !== undefined) ctx.addIssue({ code: "custom", message });
});

/** A calendar day `YYYY-MM-DD` that exists (no time, no zone: screening is by day). */
export const IsoDaySchema = z.string().refine((v) => isValidAsOf(v), ISO_DAY_MESSAGE);

/** An identifier the caller knows for the counterparty. */
export const ScreenIdentifierSchema = z
  .object({
    type: IdentifierTypeSchema.optional(),
    value: z.string().min(1).max(100),
    country: IsoCountryCodeSchema.optional(),
  })
  .strict();

// The subject a screen or a transaction party names: the same fields, checked the same way.
const SUBJECT_FIELDS = {
  name: z.string().min(1, "expected a non-empty name"),
  type: SubjectTypeSchema.optional(),
  country: IsoCountryCodeSchema.optional(),
  dateOfBirth: PartialDateSchema.optional(),
  identifiers: z.array(ScreenIdentifierSchema).max(20).optional(),
};

/**
 * A screening request: the name and, when the caller has them, type, country, date of birth,
 * identifiers, the day the screen is for (`asOf`, YYYY-MM-DD; default the screener's `today`) and the
 * regimes that apply to the caller (`jurisdictions`; default the screener's, or all four).
 * @example
 * ScreenInputSchema.parse({ name: "Belvneshpromservis", type: "organization", country: "BY" })
 */
export const ScreenInputSchema = z
  .object({
    ...SUBJECT_FIELDS,
    asOf: IsoDaySchema.optional(),
    jurisdictions: z.array(RegimeSchema).min(1).max(4).optional(),
  })
  .strict();

/** Roles a party plays in a deal (BIS and OFAC vocabulary; `broker` is an intermediary). */
export const PartyRoleSchema = z.enum(PARTY_ROLES);

/** What a party does, when the caller knows: feeds the BIS "Know Your Customer" red flags. */
export const PartyActivitySchema = z.enum(PARTY_ACTIVITIES);

/** One party. `key` is the caller's stable subject key (accept list, re-screening); default the name. */
export const TransactionPartySchema = z
  .object({
    key: z.string().min(1).max(200).optional(),
    role: PartyRoleSchema,
    ...SUBJECT_FIELDS,
    activity: PartyActivitySchema.optional(),
    /** Index of the leg this party belongs to: it is then screened as of that leg's date. */
    leg: z.number().int().min(0).optional(),
  })
  .strict();

/** One goods line. Codes are optional; the description is matched against the goods catalogue. */
export const TransactionGoodsSchema = z
  .object({
    description: z.string().min(1).max(2000),
    hsCode: z.string().min(1).max(20).optional(),
    eccn: z.string().min(1).max(20).optional(),
    usml: z.string().min(1).max(40).optional(),
    ml: z.string().min(1).max(20).optional(),
    quantity: z.number().nonnegative().optional(),
    value: z.number().nonnegative().optional(),
  })
  .strict();

/** One onward leg: goods moved from one country to another on their own day, to a consignee. */
export const TransactionLegSchema = z
  .object({
    from: IsoCountryCodeSchema,
    to: IsoCountryCodeSchema,
    date: IsoDaySchema,
    consignee: z.string().min(1).optional(),
    endUser: z.string().min(1).optional(),
    goods: z.array(TransactionGoodsSchema).max(100).optional(),
  })
  .strict();

/** One ownership edge of the caller's graph; `owner` and `owned` are names (parties' names or others). */
export const OwnershipEdgeSchema = z
  .object({
    owner: z.string().min(1),
    owned: z.string().min(1),
    // A share in percent, 0–100 (not a fraction); a share ≤ 1 is accepted and noted in the result.
    percent: z.number().gt(0, PERCENT_MESSAGES[0]).lte(100, PERCENT_MESSAGES[1]),
  })
  .strict();

/**
 * A transaction to screen.
 * @example
 * TransactionSchema.parse({ date: "2013-03-01", parties: [{ role: "buyer", name: "Belvneshpromservice" }],
 *   goods: [{ description: "MAZ trucks" }], route: { origin: "BY", destination: "SY" } })
 */
export const TransactionSchema = z
  .object({
    id: z.string().min(1).max(200).optional(),
    date: IsoDaySchema,
    parties: z.array(TransactionPartySchema).min(1, "expected at least one party").max(100),
    goods: z.array(TransactionGoodsSchema).max(100),
    route: z.object({ origin: IsoCountryCodeSchema, transit: z.array(IsoCountryCodeSchema).max(20).optional(), destination: IsoCountryCodeSchema }).strict(),
    legs: z.array(TransactionLegSchema).max(50).optional(),
    ownership: z.array(OwnershipEdgeSchema).max(1000).optional(),
    jurisdictions: z.array(RegimeSchema).min(1).max(4).optional(),
  })
  .strict();
/**
 * One acceptance: this subject is not that record, as reviewed when the record had this hash.
 * @example
 * AcceptEntrySchema.safeParse({ subject: "c-1", recordId: "ofac-sdn:15487", recordHash: "00", reason: "x" }).success //=> false (recordHash is a sha256)
 */
export const AcceptEntrySchema = z
  .object({
    subject: z.string().min(1),
    recordId: z.string().regex(ACCEPT_PATTERNS.recordId, ACCEPT_MESSAGES.recordId),
    recordHash: z.string().regex(ACCEPT_PATTERNS.recordHash, ACCEPT_MESSAGES.recordHash),
    reason: z.string().min(1, ACCEPT_MESSAGES.reason),
  })
  .strict();
/**
 * The options `createScreener` validates (the rest are typed only). Internal: the contract the
 * screener's own check is held to.
 */
export const ScreenerOptionsSchema = z.object({
  lists: z.array(z.object({ metadata: z.object({ listId: z.string(), sha256: z.string() }).loose(), records: z.array(z.unknown()) }).loose()).min(1, "expected at least one list"),
  profile: z.enum(["strict", "balanced", "broad"]).optional(),
  threshold: z.number().gt(0).lte(1).optional(),
  reviewThreshold: z.number().gt(0).lte(1).optional(),
  maxHits: z.number().int().min(1).max(1000).optional(),
  maxNameLength: z.number().int().min(16).max(100_000).optional(),
  maxNameWords: z.number().int().min(4).max(1000).optional(),
  searchBudget: z.number().int().min(1000).max(100_000_000).optional(),
  index: z.instanceof(Uint8Array).optional(),
  algorithm: z.object({ id: z.string().min(1) }).loose().optional(),
  today: IsoDaySchema.optional(),
  jurisdictions: z.array(RegimeSchema).min(1).max(4).optional(),
  freshness: z
    .object({ maxAgeDays: z.record(z.string(), z.number().int("expected a whole number of days").min(0)).optional(), snapshot: z.boolean().optional() })
    .strict()
    .optional(),
});

const isFunction = (v: unknown): boolean => typeof v === "function";

/**
 * The options `createScreeningHandler` validates. Internal: the contract the handler's own check is
 * held to.
 */
export const ScreeningHandlerOptionsSchema = z.object({
  screener: z.custom((v) => v !== null && typeof v === "object" && isFunction((v as Screener).screen) && Array.isArray((v as Screener).lists), {
    message: "expected a Screener from createScreener",
  }),
  screenerFor: z.custom((v) => v === undefined || isFunction(v), { message: "expected a function" }).optional(),
  apiKey: z.union([z.string().min(1, "expected a non-empty key"), z.array(z.string().min(1, "expected a non-empty key")).min(1)]).optional(),
  maxBodyBytes: z.number().int().min(256).max(64 * 1024 * 1024).optional(),
  maxBatch: z.number().int().min(1).max(10_000).optional(),
  maxNameWords: z.number().int().min(1).max(1_000).optional(),
  maxBatchWords: z.number().int().min(1).max(10_000_000).optional(),
  maxWordsInFlight: z.number().int().min(1).max(10_000_000).optional(),
  maxBatchMs: z.number().int().min(1).max(3_600_000).optional(),
  screenTransaction: z.custom((v) => v === undefined || isFunction(v), { message: "expected a function" }).optional(),
  now: z.custom((v) => v === undefined || isFunction(v), { message: "expected a function" }).optional(),
  timeZone: z.string().min(1).optional(),
  analystPage: z.boolean().optional(),
  basePath: z.string().regex(BASE_PATH_PATTERN, BASE_PATH_MESSAGE).optional(),
  onError: z.custom((v) => v === undefined || isFunction(v), { message: "expected a function" }).optional(),
});


const ProfileNameSchema = z.enum(["strict", "balanced", "broad"]).describe("Threshold profile; default the endpoint's.");

/** The body of `POST /screen`: a screen input and, optionally, a profile. */
export const ScreenRequestSchema = ScreenInputSchema.extend({ profile: ProfileNameSchema.optional() }).strict();

/** The body of `POST /screen/batch`: subjects screened with one list version (and `asOf`, `profile` for all). */
export const BatchRequestSchema = z.strictObject({
  subjects: z.array(ScreenRequestSchema).min(1).describe("At most the endpoint's maxBatch subjects (default 100)."),
  profile: ProfileNameSchema.optional(),
  asOf: ScreenInputSchema.shape.asOf,
});
