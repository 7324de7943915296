import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { beforeAll, describe, expect, it } from "vitest";
import { createDefaultTransactionScreener, type TransactionScreener } from "../../src/embedded";
import { InputError } from "../../src/errors";
import type { ScreenInput, TransactionInput, TransactionResult } from "../../src/screen";
import { FIXTURES } from "../shared-data";

interface ExpectedFinding {
  readonly id: string;
  readonly decision: string;
  readonly contains: readonly string[];
}
interface Case {
  readonly name: string;
  readonly explanation: string;
  readonly transaction: TransactionInput;
  readonly expected: {
    readonly outcome: TransactionResult["outcome"];
    readonly findings: readonly ExpectedFinding[];
    readonly absent?: readonly string[];
    readonly deciding?: readonly string[];
    readonly clearParties?: readonly number[];
    readonly noPartyAlert?: boolean;
    readonly recordPrograms?: Readonly<Record<string, readonly string[]>>;
    readonly ownershipEvaluated: boolean;
  };
}

const cases = (JSON.parse(readFileSync(join(FIXTURES, "transactions/seed-transactions.json"), "utf8")) as { cases: Case[] }).cases;

interface CounterpartyCase {
  readonly name: string;
  readonly input: ScreenInput;
  readonly outcome: string;
  readonly record: string;
  readonly decision: string;
  readonly contains: readonly string[];
}
const counterparties = (JSON.parse(readFileSync(join(FIXTURES, "counterparties/seed-counterparties.json"), "utf8")) as { cases: CounterpartyCase[] }).cases;

let ts: TransactionScreener;
beforeAll(() => {
  ts = createDefaultTransactionScreener();
}, 120_000);

describe("seed counterparties (test/fixtures/counterparties/seed-counterparties.json)", () => {
  it.each(counterparties)("$name", (c) => {
    const r = ts.screener.screen(c.input);
    expect(r.outcome).toBe(c.outcome);
    const hit = r.hits.find((h) => h.record.id === c.record);
    expect(hit?.decision, hit?.summary).toBe(c.decision);
    for (const words of c.contains) expect(hit?.summary).toContain(words);
  });
});

describe("seed transactions (test/fixtures/transactions/seed-transactions.json)", () => {
  it.each(cases)("$name", (c) => {
    const r = ts.screen(c.transaction);
    expect(r.outcome, r.summary).toBe(c.expected.outcome);
    for (const f of c.expected.findings) {
      const found = r.findings.find((x) => x.id === f.id);
      expect(found, `${f.id} in ${r.findings.map((x) => x.id).join(", ")}`).toBeDefined();
      expect(found?.decision, found?.summary).toBe(f.decision);
      for (const words of f.contains) expect(found?.summary).toContain(words);
    }
    for (const id of c.expected.absent ?? []) expect(r.findings.some((x) => x.id === id)).toBe(false);
    if (c.expected.deciding) expect([...r.deciding].sort()).toEqual([...c.expected.deciding].sort());
    // On the embedded snapshots a party's no-match after their dates is stale-clear (never a clean clear).
    for (const i of c.expected.clearParties ?? []) expect(r.parties[i]?.outcome, r.parties[i]?.name).toBe(r.parties[i]?.screen.stale ? "stale-clear" : "clear");
    if (c.expected.noPartyAlert) expect(r.findings.filter((f) => f.kind === "party" && f.decision === "alert")).toEqual([]);
    for (const [id, programs] of Object.entries(c.expected.recordPrograms ?? {})) {
      const hit = r.parties.flatMap((p) => p.hits).find((h) => h.recordId === id);
      expect(hit?.hit.record.bases.map((b) => b.program)).toEqual(expect.arrayContaining([...programs]));
    }
    expect(r.ownership.evaluated).toBe(c.expected.ownershipEvaluated);
    // The outcome is the most severe finding, and the summary is rendered from the deciding findings.
    expect(r.summary.startsWith(`${r.outcome[0]?.toUpperCase()}${r.outcome.slice(1)}:`)).toBe(true);
    for (const id of r.deciding) expect(r.findings.find((f) => f.id === id)?.decision).toBe(r.outcome);
    expect(r.summary).toContain(r.ownership.evaluated ? "50 % rule evaluated" : "50 % rule not evaluated");
  });

  it("screens each leg's parties as of the leg's date", () => {
    const r = ts.screen({
      date: "2011-06-01",
      jurisdictions: ["US"],
      parties: [{ role: "seller", name: "Zorvanta Heavy Machinery Export" }],
      goods: [{ description: "MAZ trucks" }],
      route: { origin: "BY", destination: "BG" },
      legs: [{ from: "BG", to: "BY", date: "2013-03-01", consignee: "Belvneshpromservice" }],
    });
    const leg = r.parties.find((p) => p.leg === 0);
    expect(leg?.asOf).toBe("2013-03-01");
    expect(leg?.outcome).toBe("alert");
    expect(r.outcome).toBe("alert");
    expect(r.findings.find((f) => f.id === "leg.0.retransfer")?.summary).toContain('new consignee "Belvneshpromservice"');
  });

  it("raises BIS red flags the data shows: forwarder as consignee, end user in a third country, end user unfit for munitions", () => {
    const r = ts.screen({
      date: "2015-04-01",
      jurisdictions: ["EU"],
      parties: [
        { role: "consignee", name: "Pirin Logistics Forwarding", activity: "freight-forwarder", country: "BG" },
        { role: "end-user", name: "Ivan Petrov Holdings", activity: "trading-company", country: "AE" },
      ],
      goods: [{ description: "AGS-17 automatic grenade launchers", quantity: 10 }],
      route: { origin: "BG", destination: "BG" },
    });
    expect(r.outcome).toBe("review");
    expect(r.deciding).toEqual(expect.arrayContaining(["kyc.forwarder-consignee.0", "kyc.end-user-third-country.1", "kyc.goods-end-user-mismatch.1"]));
    expect(r.findings.find((f) => f.id === "kyc.end-user-third-country.1")?.summary).toContain("is in AE, not in the destination BG");
  });

  it("says the 50 % rule was not evaluated without a graph, and stays below 50 % when owners are not blocked", () => {
    const r = ts.screen({
      date: "2013-03-01",
      jurisdictions: ["US"],
      parties: [{ role: "intermediary", name: "Danubia Trade Brokers EOOD", type: "organization" }],
      goods: [],
      route: { origin: "BG", destination: "BG" },
      ownership: [
        { owner: "Belvneshpromservice", owned: "Danubia Trade Brokers EOOD", percent: 40 },
        { owner: "Ivan Petrov Holdings", owned: "Danubia Trade Brokers EOOD", percent: 60 },
      ],
    });
    expect(r.ownership.evaluated).toBe(true);
    expect(r.ownership.results[0]?.blocked).toBe(false);
    expect(r.findings.find((f) => f.id === "ownership.0")?.decision).toBe("clear");
    expect(r.outcome).toBe("clear");
    const none = ts.screen({ date: "2013-03-01", parties: [{ role: "buyer", name: "Danubia Trade Brokers EOOD" }], goods: [], route: { origin: "BG", destination: "BG" } });
    expect(none.ownership.evaluated).toBe(false);
    expect(none.ownership.results[0]?.summary).toBe("50 % rule not evaluated for Danubia Trade Brokers EOOD: no ownership graph supplied.");
  });

  it("refuses bad input naming every field", () => {
    expect(() =>
      ts.screen({ date: "2013-02-30", parties: [{ role: "broker" as "intermediary", name: "" }], goods: [], route: { origin: "Belarus", destination: "BG" } }),
    ).toThrow(InputError);
    try {
      ts.screen({ date: "2013-02-30", parties: [{ role: "broker" as "intermediary", name: "x", leg: 2 }], goods: [], route: { origin: "Belarus", destination: "BG" } });
    } catch (e) {
      const paths = (e as InputError).issues.map((i) => i.path);
      expect(paths).toEqual(expect.arrayContaining(["date", "parties.0.role", "route.origin"]));
    }
    expect(() => ts.screen({ date: "2013-03-01", parties: [{ role: "buyer", name: "x", leg: 0 }], goods: [], route: { origin: "BG", destination: "BG" } })).toThrow(/parties.0.leg/);
  });
});

describe("transaction invariants", () => {
  const pool = ["Belvneshpromservice", "Army Supply Bureau", "Danubia Trade Brokers EOOD", "Pirin Defence Trading EOOD", "Minsk Wheel Tractor Plant", "Zorvanta Heavy Machinery Export"];
  const roles = ["seller", "buyer", "consignee", "end-user", "intermediary", "carrier", "bank"] as const;
  const rank = { clear: 0, "stale-clear": 0, review: 1, unscreenable: 2, alert: 3 } as const;
  test.prop(
    [
      fc.array(fc.record({ name: fc.constantFrom(...pool), role: fc.constantFrom(...roles) }), { minLength: 1, maxLength: 4 }),
      fc.constantFrom("2011-06-01", "2013-03-01", "2018-06-01", "2026-01-15"),
      fc.constantFrom("SY", "BY", "BG"),
      fc.constantFrom(["US"] as const, ["EU"] as const, ["US", "EU", "UK", "UN"] as const),
    ],
    { numRuns: 25 },
  )("the outcome is the most severe finding, never below a party's outcome, and replays", (parties, date, destination, jurisdictions) => {
    const tx: TransactionInput = { date, jurisdictions: [...jurisdictions], parties, goods: [{ description: "MAZ trucks" }], route: { origin: "BY", destination } };
    const r = ts.screen(tx);
    for (const p of r.parties) expect(rank[r.outcome]).toBeGreaterThanOrEqual(rank[p.outcome]);
    const top = Math.max(0, ...r.findings.map((f) => (f.decision === "clear" ? 0 : rank[f.decision])));
    expect(rank[r.outcome]).toBe(top);
    expect(JSON.stringify(ts.screen(tx))).toBe(JSON.stringify(r));
  });
});

describe("goods classes drive the country rules", () => {
  it.each([
    { case: "grenade launchers to Syria, US, 2018: ITAR §126.1", goods: "AGS-17 automatic grenade launchers", destination: "SY", date: "2018-06-01", j: ["US"], rule: "rule.itar-126-1-syria", decision: "alert" },
    { case: "grenade launchers to Syria, EU, 2018: national policy since 2013-06-01", goods: "AGS-17 automatic grenade launchers", destination: "SY", date: "2018-06-01", j: ["EU"], rule: "rule.eu-syria-arms-exports-national", decision: "review" },
    { case: "grenade launchers to Syria, EU, 2012: EU arms embargo", goods: "AGS-17 automatic grenade launchers", destination: "SY", date: "2012-06-01", j: ["EU"], rule: "rule.eu-syria-arms-embargo-2011", decision: "alert" },
    { case: "thermal cameras to Belarus, EU, 2023: dual-use ban", goods: "thermal imaging camera", destination: "BY", date: "2023-05-01", j: ["EU"], rule: "rule.eu-belarus-dual-use-ban-2022", decision: "alert" },
    { case: "thermal cameras to Belarus, EU, 2021-07: dual-use for military use", goods: "thermal imaging camera", destination: "BY", date: "2021-07-01", j: ["EU"], rule: "rule.eu-belarus-dual-use-military-2021", decision: "review" },
  ] as const)("$case", ({ goods, destination, date, j, rule, decision }) => {
    const r = ts.screen({ date, jurisdictions: [...j], parties: [{ role: "buyer", name: "Pirin Defence Trading EOOD" }], goods: [{ description: goods }], route: { origin: "BG", destination } });
    expect(r.findings.find((f) => f.id === rule)?.decision).toBe(decision);
    expect(r.outcome).toBe(decision);
  });
});
