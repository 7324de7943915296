import { beforeAll, describe, expect, it } from "vitest";
import { embeddedGoodsCatalogue, embeddedRulePack } from "../../src/embedded";
import { InputError } from "../../src/errors";
import { loadList } from "../../src/lists";
import { createScreener, joinOwnershipNames, screenTransaction, type Screener, type TransactionInput } from "../../src/screen";
import { fixtureSources } from "../shared-data";

let screener: Screener;
beforeAll(() => {
  // The FCDO sample: BNK (UK) Ltd (BEL0107) is designated under the UK Belarus regime since 2021-06-21.
  screener = createScreener({ lists: [loadList(fixtureSources("uk-fcdo-xml/uk-sanctions.small.xml"))] });
});

const parties = [
  { index: 0, name: "Balkan Exprot Brokers EOOD", type: "organization" as const },
  { index: 1, name: "Ivan Petrov", type: "person" as const },
  { index: 2, name: "Danubia Trade Brokers EOOD", type: "organization" as const },
  { index: 3, name: "Danubia Trade Brokers OOD", type: "organization" as const },
];

describe("joinOwnershipNames: the name matcher with the screener's thresholds", () => {
  it("joins by the same name, by the matcher above the alert threshold, and reports the rest", () => {
    const joins = joinOwnershipNames(["BALKAN EXPROT BROKERS EOOD", "Balkan Export Brokers", "Balkan Logistics", "Danubia Trade Brokers"], parties, screener, "2026-12-06");
    expect(joins.get("BALKAN EXPROT BROKERS EOOD")).toMatchObject({ how: "exact", party: 0, score: 1 });
    const typo = joins.get("Balkan Export Brokers");
    expect(typo).toMatchObject({ how: "matcher", party: 0, partyName: "Balkan Exprot Brokers EOOD" });
    expect(typo?.score).toBeGreaterThanOrEqual(screener.threshold);
    expect(typo?.detail).toMatch(/^"Balkan Export Brokers" ↔ party 0 "Balkan Exprot Brokers EOOD" 0\.\d\d ≥ 0\.90 \(name matcher\): joined$/);
    expect(joins.get("Balkan Logistics")).toEqual({ name: "Balkan Logistics", how: "none", detail: '"Balkan Logistics" resembles no party at or above the review threshold 0.80' });
    // Two parties as close as each other: not joined, the caller must say which.
    expect(joins.get("Danubia Trade Brokers")).toMatchObject({ how: "ambiguous" });
  });
});

describe("the 50 % rule on joined names", () => {
  const tx = (ownership: TransactionInput["ownership"], partyName = "Balkan Exprot Brokers EOOD"): TransactionInput => ({
    date: "2026-12-06",
    jurisdictions: ["UK"],
    parties: [{ role: "buyer", name: partyName, type: "organization" }],
    goods: [{ description: "office chairs" }],
    route: { origin: "GB", destination: "BG" },
    ...(ownership === undefined ? {} : { ownership }),
  });
  const run = (t: TransactionInput) => screenTransaction(t, { screener, rulePack: embeddedRulePack(), goods: embeddedGoodsCatalogue() });

  it("blocks a party owned 60 % by a designated owner when the edge spells the party differently, and explains the joins", () => {
    const r = run(tx([{ owner: "BNK UK Limited", owned: "Balkan Export Brokers", percent: 60 }]));
    expect(r.outcome).toBe("alert");
    expect(r.findings.find((f) => f.id === "ownership.0")).toMatchObject({ decision: "alert" });
    expect(r.ownership.joins.map((j) => [j.name, j.how])).toEqual([
      ["BNK UK Limited", "none"],
      ["Balkan Export Brokers", "matcher"],
    ]);
    expect(r.ownership.joins[0]?.detail).toMatch(/as an owner it matches list record uk-fcdo:BEL0107 "BNK \(UK\) Ltd" 1\.00 \(alert, blocked\)/);
    expect(r.ownership.detail).toContain('1 of 2 name(s) joined to parties ("Balkan Export Brokers" ↔ party 0 "Balkan Exprot Brokers EOOD"');
    // Joined by exact name only, the same graph would have cleared the party.
    const exactOnly = run(tx([{ owner: "BNK UK Limited", owned: "Zzz Unrelated Holding", percent: 60 }]));
    expect(exactOnly.findings.some((f) => f.id === "ownership.0")).toBe(false);
  });

  it("reports an edge name that reaches no party and no list record", () => {
    const r = run(tx([{ owner: "Qwrtpz Nominees", owned: "Balkan Exprot Brokers EOOD", percent: 40 }]));
    expect(r.ownership.notes).toEqual(['"Qwrtpz Nominees" reaches no party and no list record (no party); its edges count only through what the graph says']);
    expect(r.findings.find((f) => f.id === "ownership.unreached.0")?.summary).toContain('ownership edge name "Qwrtpz Nominees"');
  });

  it("notes a share of 1 or less as a likely fraction, and refuses one outside 0–100", () => {
    const r = run(tx([{ owner: "BNK UK Limited", owned: "Balkan Exprot Brokers EOOD", percent: 0.6 }]));
    expect(r.ownership.notes).toContain("ownership.0.percent 0.6: looks like a fraction; percent is 0–100 (write 60 for 60 %)");
    expect(r.findings.some((f) => f.id === "ownership.0" && f.decision === "alert")).toBe(false);
    for (const percent of [0, -5, 150]) {
      let error: unknown;
      try {
        run(tx([{ owner: "BNK UK Limited", owned: "Balkan Exprot Brokers EOOD", percent }]));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).issues[0]).toMatchObject({ path: "ownership.0.percent" });
      expect((error as InputError).issues[0]?.expected).toMatch(/^a percentage > 0 and ≤ 100/);
    }
  });
});
