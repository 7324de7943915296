/**
 * The result contract against real results: screens and transactions over the embedded lists and a
 * fixture list (every outcome: alert, review, clear, stale-clear, unscreenable; transactions with
 * findings of every decision, an accept list, ownership, legs) parse with the strict zod result
 * schemas, and their JSON validates against the committed JSON Schema files (ajv, draft 2020-12).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { createDefaultTransactionScreener, type TransactionScreener } from "../../src/embedded";
import { createScreeningHandler } from "../../src/handler";
import {
  BatchRequestSchema,
  BatchResponseSchema,
  HitSchema,
  PUBLISHED_SCHEMAS,
  ScreenRequestSchema,
  ScreenResultSchema,
  TransactionFindingSchema,
  TransactionResultSchema,
} from "../../src/schema";
import { hitRecordHash, RESULT_SCHEMA_VERSION, type ScreenInput, type ScreenResult, type TransactionInput, type TransactionResult } from "../../src/screen";
import { createFixtureScreener } from "../../src/testing";
import { FIXTURES } from "../shared-data";

const SCHEMA_DIR = join(import.meta.dirname, "../../schema");
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validators = new Map(PUBLISHED_SCHEMAS.map((s) => [s.file, ajv.compile(JSON.parse(readFileSync(join(SCHEMA_DIR, s.file), "utf8")) as object)]));

/** Validates a value's JSON against a committed JSON Schema file; the errors are the message. */
function expectValidJson(file: string, value: unknown): void {
  const validate = validators.get(file);
  if (validate === undefined) throw new Error(`no schema ${file}`);
  const ok = validate(JSON.parse(JSON.stringify(value)));
  expect(ok, ajv.errorsText(validate.errors)).toBe(true);
}

/** Parses with a strict zod schema; the issues are the message. */
function expectParses(schema: { safeParse(v: unknown): { success: boolean; error?: { issues: unknown[] } } }, value: unknown): void {
  const r = schema.safeParse(value);
  expect(r.success, JSON.stringify(r.error?.issues.slice(0, 5))).toBe(true);
}

const seed = (JSON.parse(readFileSync(join(FIXTURES, "transactions/seed-transactions.json"), "utf8")) as { cases: { name: string; transaction: TransactionInput }[] }).cases;

let ts: TransactionScreener;
beforeAll(() => {
  ts = createDefaultTransactionScreener();
}, 120_000);

const screens: { case: string; input: ScreenInput; outcome: ScreenResult["outcome"] }[] = [
  { case: "alert, with a clear hit (designated later)", input: { name: "Army Supply Bureau", asOf: "2013-03-01" }, outcome: "alert" },
  { case: "review", input: { name: "Nicolas Madura", asOf: "2026-11-22" }, outcome: "review" },
  { case: "review on an uncertain day", input: { name: "Maduro Moros", asOf: "2013-03-01", type: "person", country: "VE", dateOfBirth: "1962" }, outcome: "review" },
  { case: "clear", input: { name: "Jane Doe Bakery", asOf: "2013-03-01" }, outcome: "clear" },
  { case: "stale-clear (the embedded snapshots are old on 2026-11-22)", input: { name: "Jane Doe Bakery", asOf: "2026-11-22" }, outcome: "stale-clear" },
  { case: "unscreenable (digits only)", input: { name: "12", asOf: "2026-11-22" }, outcome: "unscreenable" },
  { case: "alert with identifiers and secondary evidence", input: { name: "Belvneshpromservis", asOf: "2026-11-22", type: "organization", country: "BY", identifiers: [{ value: "100072415" }] }, outcome: "alert" },
];

describe("screen results parse with the strict result schemas and validate against schema/screen-result.json", () => {
  it.each(screens)("$case", ({ input, outcome }) => {
    const r = ts.screener.screen(input);
    expect(r.outcome).toBe(outcome);
    expect(r.envelope.schemaVersion).toBe(RESULT_SCHEMA_VERSION);
    expectParses(ScreenResultSchema, r);
    for (const h of r.hits) expectParses(HitSchema, h);
    expectValidJson("screen-result.json", r);
    for (const h of r.hits) expectValidJson("hit.json", h);
    expectValidJson("envelope.json", r.envelope);
  });

  it("covers every outcome word", () => {
    expect(new Set(screens.map((s) => s.outcome))).toEqual(new Set(["alert", "review", "clear", "stale-clear", "unscreenable"]));
  });

  it("a fixture screener's results (sanctions-screen/testing) parse too", () => {
    const book = createFixtureScreener([{ id: "acme", names: ["ACME MACHINE TOOLS LLC"], programs: ["NPWMD"], listedOn: "2020-03-01" }], { today: "2026-11-22" });
    for (const [name, asOf, outcome] of [["Acme Machine Tools", "2026-11-22", "alert"], ["Acme Machine Tools", "2019-01-01", "clear"], ["Nordic Timber", "2026-11-22", "clear"]] as const) {
      const r = book.screen({ name, asOf });
      expect(r.outcome).toBe(outcome);
      expectParses(ScreenResultSchema, r);
      expectValidJson("screen-result.json", r);
    }
  });
});

describe("transaction results parse with the strict result schemas and validate against schema/transaction-result.json", () => {
  it.each(seed)("$name", ({ transaction }) => {
    const r = ts.screen(transaction);
    expectParses(TransactionResultSchema, r);
    for (const f of r.findings) expectParses(TransactionFindingSchema, f);
    expectValidJson("transaction-result.json", r);
    for (const f of r.findings) expectValidJson("finding.json", f);
  });

  it("the seed transactions cover every finding decision and overall outcome they can reach", () => {
    const results = seed.map((c) => ts.screen(c.transaction));
    expect(new Set(results.flatMap((r) => r.findings.map((f) => f.decision)))).toEqual(new Set(["alert", "review", "clear"]));
    expect(new Set(results.map((r) => r.outcome))).toEqual(new Set(["alert", "review", "clear"]));
  });

  it("an unscreenable party, an accepted hit and stale lists parse too", () => {
    const base: TransactionInput = { date: "2026-11-22", parties: [{ role: "buyer", name: "Army Supply Bureau" }, { role: "seller", name: "12" }], goods: [{ description: "MAZ trucks" }], route: { origin: "BY", destination: "SY" } };
    const first = ts.screen(base);
    expect(first.outcome).toBe("alert");
    expect(first.findings.some((f) => f.decision === "unscreenable")).toBe(true);
    const hits = first.parties[0]?.hits ?? [];
    const acceptList = hits.map((h) => ({ subject: "Army Supply Bureau", recordId: h.recordId, recordHash: hitRecordHash(h.hit), reason: "another bureau" }));
    const accepted = createDefaultTransactionScreener({ acceptList }).screen({ ...base, parties: [{ role: "buyer", name: "Army Supply Bureau" }], goods: [], route: { origin: "DE", destination: "FR" } });
    expect(accepted.parties[0]?.hits.every((h) => h.decision === "clear" && h.acceptance?.applied === true)).toBe(true);
    expect(accepted.outcome).toBe("stale-clear");
    for (const r of [first, accepted]) {
      expectParses(TransactionResultSchema, r);
      expectValidJson("transaction-result.json", r);
    }
  });
});

describe("the schemas are strict: an undocumented or renamed field fails", () => {
  it("a field the contract does not document fails, in zod and in the JSON Schema", () => {
    const r = ts.screener.screen({ name: "Army Supply Bureau", asOf: "2026-11-22" });
    const hit = r.hits[0] as ScreenResult["hits"][number];
    expect(HitSchema.safeParse({ ...hit, nameDecision: "alert" }).success).toBe(false);
    expect(ScreenResultSchema.safeParse({ ...r, findingCount: 0 }).success).toBe(false);
    expect(validators.get("hit.json")?.(JSON.parse(JSON.stringify({ ...hit, nameDecision: "alert" })))).toBe(false);
    expect(HitSchema.safeParse({ ...hit, decision: "info" }).success).toBe(false);
  });

  it("a 0.1.0 transaction result (verdict, severity) fails", () => {
    const r = ts.screen(seed[0]?.transaction as TransactionInput) as TransactionResult & Record<string, unknown>;
    const { outcome, ...rest } = r;
    expect(TransactionResultSchema.safeParse({ ...rest, verdict: outcome }).success).toBe(false);
    const f = r.findings[0] as TransactionResult["findings"][number];
    const { decision, ...fRest } = f;
    expect(TransactionFindingSchema.safeParse({ ...fRest, severity: decision }).success).toBe(false);
    expect(validators.get("transaction-result.json")?.(JSON.parse(JSON.stringify({ ...rest, verdict: outcome })))).toBe(false);
  });
});

describe("the handler's bodies", () => {
  it("POST /screen and /screen/batch answer bodies that match the published schemas, and their requests validate", async () => {
    const handler = createScreeningHandler({ screener: ts.screener, now: () => new Date("2026-11-22T12:00:00Z") });
    const one = { name: "Army Supply Bureau", asOf: "2013-03-01", profile: "balanced" };
    expectParses(ScreenRequestSchema, one);
    expectValidJson("screen-request.json", one);
    const res = await handler(new Request("http://x/screen", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(one) }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expectParses(ScreenResultSchema, body);
    expectValidJson("screen-result.json", body);
    const batch = { subjects: [{ name: "Army Supply Bureau" }, { name: "12" }, { name: "Jane Doe Bakery" }], asOf: "2026-11-22" };
    expectParses(BatchRequestSchema, batch);
    expectValidJson("batch-request.json", batch);
    const bres = await handler(new Request("http://x/screen/batch", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(batch) }));
    expect(bres.status).toBe(200);
    const bbody = await bres.json();
    expectParses(BatchResponseSchema, bbody);
    expectValidJson("batch-response.json", bbody);
  });

  it("the input JSON Schemas accept the seed transactions and refuse a bad field", () => {
    for (const c of seed) expectValidJson("transaction-input.json", c.transaction);
    expect(validators.get("screen-input.json")?.({ name: "x", asOf: "2026-11-22", extra: 1 })).toBe(false);
    expect(validators.get("transaction-input.json")?.({ date: "2026-11-22", parties: [], goods: [], route: { origin: "BY", destination: "SY" } })).toBe(false);
  });
});
