/**
 * The transaction request of `screenTransaction` and its validation (the checks of `src/validate`,
 * held to `TransactionSchema` in `src/schema` by a test; a failure throws
 * `InputError` naming each bad field). A transaction is a deal on one day: who takes part in which
 * role, what goods, the route (origin, transit, destination), onward legs (re-transfers, each on its
 * own day) and, when the caller has it, an ownership graph for the 50 % rule.
 */
import type { z } from "zod";
import { InputError, inputIssuesFrom, type InputIssue } from "../errors";
import { PARTIAL_DATE_PATTERN, SUBJECT_TYPES } from "../model";
import type { TransactionGoodsSchema, TransactionLegSchema, TransactionPartySchema, TransactionSchema } from "../schema";
import { array, check, number, object, oneOf, string, type Check } from "../validate";
import { countryCheck, isoDayCheck, jurisdictionsCheck, screenIdentifierCheck } from "./screen-input";

/** Roles a party plays in a deal (BIS and OFAC vocabulary; `broker` is an intermediary). */
export const PARTY_ROLES = ["seller", "buyer", "consignee", "end-user", "intermediary", "carrier", "vessel", "bank"] as const;
/**
 * The role of a party in a deal.
 * @example
 * const role: PartyRole = "end-user";
 */
export type PartyRole = (typeof PARTY_ROLES)[number];

/** What a party does, when the caller knows: feeds the BIS "Know Your Customer" red flags. */
export const PARTY_ACTIVITIES = ["freight-forwarder", "trading-company", "manufacturer", "government", "armed-forces", "bank", "individual", "other"] as const;
/**
 * What a party does.
 * @example
 * const activity: PartyActivity = "freight-forwarder";
 */
export type PartyActivity = (typeof PARTY_ACTIVITIES)[number];

/**
 * One party. `key` is the caller's stable subject key (accept list, re-screening); default the name.
 * @example
 * const party: TransactionParty = { role: "buyer", name: "Army Supply Bureau", country: "SY" };
 */
export type TransactionParty = z.output<typeof TransactionPartySchema>;
/**
 * One goods line. Codes are optional; the description is matched against the goods catalogue.
 * @example
 * const line: TransactionGoods = { description: "MAZ trucks", quantity: 40 };
 */
export type TransactionGoods = z.output<typeof TransactionGoodsSchema>;
/**
 * One onward leg: goods moved from one country to another on their own day, to a consignee.
 * @example
 * const leg: TransactionLeg = { from: "AE", to: "IR", date: "2018-07-01" };
 */
export type TransactionLeg = z.output<typeof TransactionLegSchema>;

const partyCheck = object(
  {
    key: [string({ min: 1, max: 200 }), "optional"],
    role: [oneOf(PARTY_ROLES)],
    name: [string({ min: [1, "expected a non-empty name"] })],
    type: [oneOf(SUBJECT_TYPES), "optional"],
    country: [countryCheck, "optional"],
    dateOfBirth: [string({ pattern: [PARTIAL_DATE_PATTERN, "expected YYYY[-MM[-DD]]"] }), "optional"],
    identifiers: [array(screenIdentifierCheck, { max: 20 }), "optional"],
    activity: [oneOf(PARTY_ACTIVITIES), "optional"],
    leg: [number({ int: true, min: 0 }), "optional"],
  },
  "strict",
);

const goodsCheck = object(
  {
    description: [string({ min: 1, max: 2000 })],
    hsCode: [string({ min: 1, max: 20 }), "optional"],
    eccn: [string({ min: 1, max: 20 }), "optional"],
    usml: [string({ min: 1, max: 40 }), "optional"],
    ml: [string({ min: 1, max: 20 }), "optional"],
    quantity: [number({ min: 0 }), "optional"],
    value: [number({ min: 0 }), "optional"],
  },
  "strict",
);

const legCheck = object(
  {
    from: [countryCheck],
    to: [countryCheck],
    date: [isoDayCheck],
    consignee: [string({ min: 1 }), "optional"],
    endUser: [string({ min: 1 }), "optional"],
    goods: [array(goodsCheck, { max: 100 }), "optional"],
  },
  "strict",
);

/** The messages of an ownership share out of range (shared with `OwnershipEdgeSchema`). */
export const PERCENT_MESSAGES = ["expected a percentage > 0 and ≤ 100", "expected a percentage > 0 and ≤ 100 (60 for 60 %, not a count of shares)"] as const;

const ownershipEdgeCheck = object(
  {
    owner: [string({ min: 1 })],
    owned: [string({ min: 1 })],
    // A share in percent, 0–100 (not a fraction); a share ≤ 1 is accepted and noted in the result.
    percent: [number({ gt: [0, PERCENT_MESSAGES[0]], max: [100, PERCENT_MESSAGES[1]] })],
  },
  "strict",
);

/** A transaction (`TransactionSchema`, which `test/validate/transaction-input.test.ts` holds it to). */
export const transactionCheck: Check = object(
  {
    id: [string({ min: 1, max: 200 }), "optional"],
    date: [isoDayCheck],
    parties: [array(partyCheck, { min: [1, "expected at least one party"], max: 100 })],
    goods: [array(goodsCheck, { max: 100 })],
    route: [object({ origin: [countryCheck], transit: [array(countryCheck, { max: 20 }), "optional"], destination: [countryCheck] }, "strict")],
    legs: [array(legCheck, { max: 50 }), "optional"],
    ownership: [array(ownershipEdgeCheck, { max: 1000 }), "optional"],
    jurisdictions: [jurisdictionsCheck, "optional"],
  },
  "strict",
);

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
  const issues = check(transactionCheck, input);
  if (issues.length > 0) throw new InputError(inputIssuesFrom(issues, input));
  const tx = input as Transaction;
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
