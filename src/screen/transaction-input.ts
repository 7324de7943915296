/**
 * The transaction request of `screenTransaction` and its validation (zod; a failure throws
 * `InputError` naming each bad field). A transaction is a deal on one day: who takes part in which
 * role, what goods, the route (origin, transit, destination), onward legs (re-transfers, each on its
 * own day) and, when the caller has it, an ownership graph for the 50 % rule.
 */
import { z } from "zod";
import { InputError, inputIssuesFromZod, type InputIssue } from "../errors";
import { PartialDateSchema, RegimeSchema, SubjectTypeSchema } from "../model";
import { IsoCountryCodeSchema as CountryCodeSchema, IsoDaySchema, ScreenIdentifierSchema } from "./screen-input";

/** Roles a party plays in a deal (BIS and OFAC vocabulary; `broker` is an intermediary). */
export const PartyRoleSchema = z.enum(["seller", "buyer", "consignee", "end-user", "intermediary", "carrier", "vessel", "bank"]);
export type PartyRole = z.infer<typeof PartyRoleSchema>;

/** What a party does, when the caller knows: feeds the BIS "Know Your Customer" red flags. */
export const PartyActivitySchema = z.enum(["freight-forwarder", "trading-company", "manufacturer", "government", "armed-forces", "bank", "individual", "other"]);
export type PartyActivity = z.infer<typeof PartyActivitySchema>;

/** One party. `key` is the caller's stable subject key (accept list, re-screening); default the name. */
export const TransactionPartySchema = z
  .object({
    key: z.string().min(1).max(200).optional(),
    role: PartyRoleSchema,
    name: z.string().min(1, "expected a non-empty name"),
    type: SubjectTypeSchema.optional(),
    country: CountryCodeSchema.optional(),
    dateOfBirth: PartialDateSchema.optional(),
    identifiers: z.array(ScreenIdentifierSchema).max(20).optional(),
    activity: PartyActivitySchema.optional(),
    /** Index of the leg this party belongs to: it is then screened as of that leg's date. */
    leg: z.number().int().min(0).optional(),
  })
  .strict();
export type TransactionParty = z.output<typeof TransactionPartySchema>;

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
export type TransactionGoods = z.output<typeof TransactionGoodsSchema>;

/** One onward leg: goods moved from one country to another on their own day, to a consignee. */
export const TransactionLegSchema = z
  .object({
    from: CountryCodeSchema,
    to: CountryCodeSchema,
    date: IsoDaySchema,
    consignee: z.string().min(1).optional(),
    endUser: z.string().min(1).optional(),
    goods: z.array(TransactionGoodsSchema).max(100).optional(),
  })
  .strict();
export type TransactionLeg = z.output<typeof TransactionLegSchema>;

/** One ownership edge of the caller's graph; `owner` and `owned` are names (parties' names or others). */
export const OwnershipEdgeSchema = z
  .object({
    owner: z.string().min(1),
    owned: z.string().min(1),
    // A share in percent, 0–100 (not a fraction); a share ≤ 1 is accepted and noted in the result.
    percent: z.number().gt(0, "expected a percentage > 0 and ≤ 100").lte(100, "expected a percentage > 0 and ≤ 100 (60 for 60 %, not a count of shares)"),
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
    route: z.object({ origin: CountryCodeSchema, transit: z.array(CountryCodeSchema).max(20).optional(), destination: CountryCodeSchema }).strict(),
    legs: z.array(TransactionLegSchema).max(50).optional(),
    ownership: z.array(OwnershipEdgeSchema).max(1000).optional(),
    jurisdictions: z.array(RegimeSchema).min(1).max(4).optional(),
  })
  .strict();
/**
 * What `screenTransaction` takes (the input of {@link TransactionSchema}).
 * @example
 * const tx: TransactionInput = { id: "PO-2018-0042", date: "2018-06-01", parties: [{ role: "buyer", name: "Army Supply Bureau", country: "SY" }],
 *   goods: [{ description: "MAZ trucks", quantity: 40 }], route: { origin: "BY", destination: "SY" } };
 * desk.screen(tx).outcome //=> "alert"
 */
export type TransactionInput = z.input<typeof TransactionSchema>;
/**
 * A validated transaction (the output of {@link TransactionSchema}).
 * @example
 * const tx: Transaction = parseTransaction({ date: "2018-06-01", parties: [{ role: "buyer", name: "Army Supply Bureau" }], goods: [], route: { origin: "BY", destination: "SY" } });
 * tx.parties[0]?.role //=> "buyer"
 */
export type Transaction = z.output<typeof TransactionSchema>;



/**
 * Validates a transaction; throws `InputError` naming every bad field (and a party's leg index that
 * names no leg).
 * @example
 * parseTransaction({ date: "2013-02-30" }) // throws InputError: invalid input; date: calendar day YYYY-MM-DD, received "2013-02-30"; …
 */
export function parseTransaction(input: unknown): Transaction {
  const parsed = TransactionSchema.safeParse(input);
  if (!parsed.success) {
    const issues = inputIssuesFromZod(parsed.error, input);
    throw new InputError(issues);
  }
  const tx = parsed.data;
  const legCount = tx.legs?.length ?? 0;
  const bad: InputIssue[] = [];
  tx.parties.forEach((p, i) => {
    if (p.leg !== undefined && p.leg >= legCount) {
      bad.push({ path: `parties.${i}.leg`, expected: `a leg index below ${legCount}`, received: String(p.leg), message: "party names a leg that does not exist" });
    }
  });
  if (bad.length > 0) throw new InputError(bad);
  return tx;
}
