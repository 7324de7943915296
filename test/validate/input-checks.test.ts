/**
 * The hand-written input checks of the screening path (src/validate, issue 8) against the zod
 * schemas of src/schema that state the same contract: every value — a table of edge cases and
 * fast-check values built from each schema's own fields and vocabularies plus junk — must get the
 * same issues from both (accept/reject, path, expected, received, message), so the two cannot drift.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { inputIssuesFrom, type InputIssue } from "../../src/errors";
import { IDENTIFIER_TYPES, IdentifierTypeSchema, REGIMES, RegimeSchema, SUBJECT_TYPES, SubjectTypeSchema } from "../../src/model";
import { acceptListCheck, PARTY_ACTIVITIES, PARTY_ROLES, screenerOptionsCheck, screenInputCheck, transactionCheck } from "../../src/screen";
import { screeningHandlerOptionsCheck } from "../../src/handler/handler-options";
import { AcceptEntrySchema, PartyActivitySchema, PartyRoleSchema, ScreenerOptionsSchema, ScreeningHandlerOptionsSchema, ScreenInputSchema, TransactionSchema } from "../../src/schema";
import { check, type Check } from "../../src/validate";
import { z as zod } from "zod";

const byHand = (c: Check, value: unknown): InputIssue[] => inputIssuesFrom(check(c, value), value);
const byZod = (schema: z.ZodType, value: unknown): InputIssue[] => {
  const r = schema.safeParse(value);
  return r.success ? [] : inputIssuesFrom(r.error.issues, value);
};

const AcceptListSchema = zod.array(AcceptEntrySchema).max(100_000);
const PAIRS = {
  "screen input": [screenInputCheck, ScreenInputSchema],
  transaction: [transactionCheck, TransactionSchema],
  "accept list": [acceptListCheck, AcceptListSchema],
  "screener options": [screenerOptionsCheck, ScreenerOptionsSchema],
  "handler options": [screeningHandlerOptionsCheck, ScreeningHandlerOptionsSchema],
} as const satisfies Record<string, readonly [Check, z.ZodType]>;
type PairName = keyof typeof PAIRS;
const same = (pair: PairName, value: unknown): void => {
  const [c, schema] = PAIRS[pair];
  expect(byHand(c, value)).toEqual(byZod(schema, value));
};

describe("the checks use the schemas' vocabularies", () => {
  it.each([
    { name: "regimes", hand: REGIMES, zod: RegimeSchema.options },
    { name: "subject types", hand: SUBJECT_TYPES, zod: SubjectTypeSchema.options },
    { name: "identifier types", hand: IDENTIFIER_TYPES, zod: IdentifierTypeSchema.options },
    { name: "party roles", hand: PARTY_ROLES, zod: PartyRoleSchema.options },
    { name: "party activities", hand: PARTY_ACTIVITIES, zod: PartyActivitySchema.options },
  ])("$name", ({ hand, zod }) => expect([...hand]).toEqual([...zod]));
});

// Values near each boundary, of the wrong type, and junk: fields draw from these.
const junk = fc.oneof(
  fc.constantFrom(undefined, null, true, 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "", " ", "x", [], {}, [1], { a: 1 }, new Date(0), new Uint8Array(2)),
  fc.string({ maxLength: 6 }),
  fc.integer(),
  fc.double(),
);
const pick = <T,>(values: readonly T[]) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: junk });
const countries = pick(["GB", "SY", "US", "UK", "gb", "Syria", "United Kingdom", "XX", "EU", "G B", "  ", "Russia"]);
const days = pick(["2024-01-01", "2024-02-29", "2023-02-29", "2024-13-01", "2024-1-1", "20240101", "2024-01-01T00:00:00Z", "1999-12-31"]);
const partialDates = pick(["1970", "1970-03", "1970-03-15", "1970-3", "1970-00", "1970-02-31", "70", "1970-03-32", "c. 1970"]);
const names = pick(["Army Supply Bureau", "Jon Smyth", "", "a", "Ω", "x".repeat(250)]);
const strings = (...extra: string[]) => pick(["a", "", "id-1", "x".repeat(21), "x".repeat(201), "x".repeat(2001), ...extra]);
const numbers = pick([0, 1, -1, 0.5, 1.0000001, 3, 4, 15, 16, 20, 100, 101, 256, 999, 1000, 1001, 10_000, 10_001, 100_000, 100_001, 2 ** 53, 2 ** 60, -(2 ** 60), 3.5]);
/** A list of `item`, sometimes empty, sometimes over a bound, sometimes not a list. */
const listOf = (item: fc.Arbitrary<unknown>, maxLength: number) => fc.oneof({ weight: 4, arbitrary: fc.array(item, { maxLength }) }, { weight: 1, arbitrary: junk });
/** An object of these fields (any subset), sometimes with an unknown field, sometimes not an object. */
const objectOf = (fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.record(fields, { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.tuple(fc.record(fields, { requiredKeys: [] }), fc.constantFrom("nmae", "extra", "Name"), junk).map(([o, k, v]) => ({ ...o, [k]: v })) },
    { weight: 1, arbitrary: junk },
  );

/** A valid value with one field replaced by a value drawn for it (often still valid, often not). */
const withOneField = (valid: fc.Arbitrary<Record<string, unknown>>, fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc.tuple(valid, fc.record(fields, { requiredKeys: [] }), fc.nat()).map(([v, m, n]) => {
    const keys = Object.keys(m);
    const key = keys[n % Math.max(keys.length, 1)];
    return key === undefined ? v : { ...v, [key]: m[key] };
  });
const identifier = objectOf({ type: pick(IDENTIFIER_TYPES), value: strings("A1234567", "x".repeat(100), "x".repeat(101)), country: countries });
const regimes = listOf(pick(REGIMES), 6);
const screenInput = objectOf({ name: names, type: pick(SUBJECT_TYPES), country: countries, dateOfBirth: partialDates, identifiers: listOf(identifier, 22), asOf: days, jurisdictions: regimes });
const goods = objectOf({ description: strings("MAZ trucks"), hsCode: strings(), eccn: strings(), usml: strings(), ml: strings(), quantity: numbers, value: numbers });
const party = objectOf({
  key: strings(),
  role: pick(PARTY_ROLES),
  name: names,
  type: pick(SUBJECT_TYPES),
  country: countries,
  dateOfBirth: partialDates,
  identifiers: listOf(identifier, 3),
  activity: pick(PARTY_ACTIVITIES),
  leg: numbers,
});
const validParty = fc.record({ role: fc.constantFrom(...PARTY_ROLES), name: fc.constantFrom("Army Supply Bureau", "x") }).chain((p) => withOneField(fc.constant(p), { country: countries, dateOfBirth: partialDates, leg: numbers, activity: pick(PARTY_ACTIVITIES) }));
const validTransaction = fc.record({
  date: fc.constantFrom("2018-06-01", "2024-02-29"),
  parties: fc.array(validParty, { minLength: 1, maxLength: 3 }),
  goods: fc.array(fc.record({ description: fc.constantFrom("MAZ trucks") }), { maxLength: 2 }),
  route: fc.constant({ origin: "BY", destination: "SY" }),
});
const transactionFields = {
  id: strings(),
  date: days,
  parties: listOf(party, 4),
  goods: listOf(goods, 3),
  route: objectOf({ origin: countries, transit: listOf(countries, 3), destination: countries }),
  legs: listOf(objectOf({ from: countries, to: countries, date: days, consignee: strings(), endUser: strings(), goods: listOf(goods, 2) }), 3),
  ownership: listOf(objectOf({ owner: strings(), owned: strings(), percent: numbers }), 3),
  jurisdictions: regimes,
};
const transaction = fc.oneof(objectOf(transactionFields), withOneField(validTransaction, transactionFields));
const HASH = "a".repeat(64);
const acceptList = listOf(objectOf({ subject: strings(), recordId: strings("ofac-sdn:15487", "OFAC:1", "ofac-sdn:"), recordHash: strings(HASH, HASH.toUpperCase(), "00"), reason: strings() }), 4);
const list = objectOf({ metadata: objectOf({ listId: strings("ofac-sdn"), sha256: strings(HASH) }), records: listOf(junk, 2) });
const screenerOptionFields = {
  lists: listOf(list, 3),
  profile: pick(["strict", "balanced", "broad", "lenient"]),
  threshold: numbers,
  reviewThreshold: numbers,
  maxHits: numbers,
  maxNameLength: numbers,
  maxNameWords: numbers,
  searchBudget: numbers,
  index: pick([new Uint8Array(4), new Uint16Array(2)]),
  algorithm: objectOf({ id: strings("names-v2") }),
  today: days,
  jurisdictions: regimes,
  freshness: objectOf({ maxAgeDays: fc.oneof(fc.dictionary(fc.constantFrom("ofac-sdn", "un-sc", "*"), numbers, { maxKeys: 3 }), junk), snapshot: pick([true, false]) }),
};
const validOptions = fc.constant({ lists: [{ metadata: { listId: "ofac-sdn", sha256: HASH }, records: [] }] });
const screenerOptions = fc.oneof(objectOf(screenerOptionFields), withOneField(validOptions, screenerOptionFields));
const fn = () => undefined;
const screenerLike = pick([{ screen: fn, lists: [] }, { screen: fn, lists: {} }, { screen: 1, lists: [] }, fn]);
const handlerOptionFields = {
  screener: screenerLike,
  screenerFor: pick([fn]),
  apiKey: fc.oneof(strings("k-1"), listOf(strings("k-2"), 3)),
  maxBodyBytes: numbers,
  maxBatch: numbers,
  maxNameWords: numbers,
  maxBatchWords: numbers,
  maxWordsInFlight: numbers,
  maxBatchMs: numbers,
  screenTransaction: pick([fn]),
  now: pick([fn]),
  timeZone: strings("UTC"),
  analystPage: pick([true, false]),
  basePath: strings("/api", "/api/", "api", "/a/b.c~d", "/"),
  onError: pick([fn]),
};
const handlerOptions = fc.oneof(objectOf(handlerOptionFields), withOneField(fc.constant({ screener: { screen: fn, lists: [] } }), handlerOptionFields));

const ARBITRARIES: Record<PairName, fc.Arbitrary<unknown>> = {
  "screen input": screenInput,
  transaction,
  "accept list": acceptList,
  "screener options": screenerOptions,
  "handler options": handlerOptions,
};

describe("hand checks and zod schemas give the same issues", () => {
  it.each([
    { pair: "screen input", value: { name: "Army Supply Bureau" } },
    { pair: "screen input", value: { name: "" } },
    { pair: "screen input", value: { name: "x", country: "UK", asOf: "2023-02-29", dateOfBirth: "1970-13", jurisdictions: [] } },
    { pair: "screen input", value: { name: "x", identifiers: [{ value: "", type: "ssn", country: "Syria", extra: 1 }], nmae: "y" } },
    { pair: "screen input", value: { name: 1, identifiers: Array.from({ length: 21 }, () => ({ value: 1 })) } },
    { pair: "screen input", value: Object.assign(Object.create({ inherited: 1 }) as object, { name: "x" }) },
    { pair: "screen input", value: [] },
    { pair: "screen input", value: null },
    { pair: "screen input", value: "Army Supply Bureau" },
    { pair: "transaction", value: { date: "2013-02-30" } },
    { pair: "transaction", value: { date: "2018-06-01", parties: [{ role: "buyer", name: "Army Supply Bureau" }], goods: [], route: { origin: "BY", destination: "SY" } } },
    { pair: "transaction", value: { date: "2018-06-01", parties: [], goods: [{ description: "", quantity: -1 }], route: { origin: "UK", transit: ["XX"], destination: "SY", via: "AE" }, ownership: [{ owner: "a", owned: "b", percent: 0 }, { owner: "a", owned: "b", percent: 150 }] } },
    { pair: "transaction", value: { date: "2018-06-01", parties: [{ role: "broker", name: "x", leg: 0.5 }], goods: [], route: { origin: "BY", destination: "SY" }, legs: [{ from: "AE", to: "IR", date: "2018-07-01", goods: [{ description: "x" }] }] } },
    { pair: "accept list", value: [{ subject: "c-1", recordId: "ofac-sdn:15487", recordHash: "00", reason: "x" }] },
    { pair: "accept list", value: [{ subject: "", recordId: "OFAC", recordHash: HASH, reason: "" }, null] },
    { pair: "accept list", value: {} },
    { pair: "screener options", value: { lists: [] } },
    { pair: "screener options", value: { lists: [{ metadata: { listId: "x", sha256: HASH }, records: [] }], maxHits: 0, threshold: 0, today: "2024-02-30", freshness: { maxAgeDays: { "ofac-sdn": 1.5 }, other: true } } },
    { pair: "screener options", value: { lists: [{ metadata: {}, records: {} }], index: [1], algorithm: { id: "" }, profile: "lenient", maxNameLength: 2 ** 60 } },
    { pair: "handler options", value: {} },
    { pair: "handler options", value: { screener: { screen: fn, lists: [] }, apiKey: ["", 3], basePath: "/api/" } },
    { pair: "handler options", value: { screener: { screen: fn, lists: [] }, apiKey: [], maxBatch: 0, onError: 1 } },
    { pair: "handler options", value: { screener: { screen: fn, lists: [] }, apiKey: "", timeZone: "" } },
  ] as const)("$pair: $value", ({ pair, value }) => same(pair, value));

  for (const pair of Object.keys(PAIRS) as PairName[]) {
    test.prop([ARBITRARIES[pair]], { numRuns: 1500 })(`${pair}: fast-check values`, (value) => same(pair, value));
  }

  it("the generated values reach both answers (valid and invalid) for every pair", () => {
    for (const pair of Object.keys(PAIRS) as PairName[]) {
      const [c] = PAIRS[pair];
      const values = fc.sample(ARBITRARIES[pair], { numRuns: 1500, seed: 8 });
      const valid = values.filter((v) => check(c, v).length === 0).length;
      expect(valid, pair).toBeGreaterThan(0);
      expect(valid, pair).toBeLessThan(values.length);
    }
  });
});
