import { beforeAll, describe, expect, it } from "vitest";
import { embeddedGoodsCatalogue, embeddedRulePack } from "../../src/embedded";
import { renderScreenResult } from "../../src/cli/render-screen-result";
import { loadExcerpt } from "../lists/helpers";
import type { LoadedList } from "../../src/model";
import { coverageGaps, createScreener, regimesCovered, screenTransaction, type Screener } from "../../src/screen";
import { fixtureSources } from "../shared-data";

let un: LoadedList;
let uk: LoadedList;
let sdn: LoadedList;
let screener: Screener;

beforeAll(() => {
  un = loadExcerpt(fixtureSources("un-xml/consolidated.small.xml"));
  uk = loadExcerpt(fixtureSources("uk-fcdo-xml/uk-sanctions.small.xml"));
  sdn = loadExcerpt(fixtureSources("ofac-advanced-xml/sdn_advanced.small.xml"));
  screener = createScreener({ lists: [un, uk, sdn], today: "2026-09-10" });
});

describe("coverage: a jurisdiction no loaded list covers is named in every result", () => {
  it("maps each regime to the lists carrying its designations", () => {
    expect(Object.fromEntries(regimesCovered([un, uk, sdn]))).toEqual({ UN: ["un-sc"], UK: ["uk-fcdo"], US: ["ofac-sdn"] });
  });

  it("an EU-only caller is told that no EU list is loaded (EU today)", () => {
    const r = screener.screen({ name: "BNK (UK) Ltd", jurisdictions: ["EU"] });
    expect(r.coverageGaps).toEqual([
      {
        regime: "EU",
        detail: "EU not covered: no loaded list carries EU designations (loaded: un-sc, uk-fcdo, ofac-sdn), so no EU designation can alert; load eu-fsf (EU Financial Sanctions Files)",
      },
    ]);
    // The UK record is outside the caller's jurisdictions: a clear hit, never an alert.
    expect(r.outcome).not.toBe("alert");
  });

  it("UK is not covered when no UK list is loaded; covered jurisdictions give no gap", () => {
    const noUk = createScreener({ lists: [un, sdn], today: "2026-09-10" });
    expect(noUk.screen({ name: "Acme", jurisdictions: ["UK", "US"] }).coverageGaps.map((g) => g.regime)).toEqual(["UK"]);
    expect(screener.screen({ name: "Acme", jurisdictions: ["UK", "US", "UN"] }).coverageGaps).toEqual([]);
    expect(coverageGaps(["EU", "EU"], new Map(), ["x"])).toHaveLength(1);
  });

  it("the CLI prints it", () => {
    expect(renderScreenResult(screener.screen({ name: "Acme", jurisdictions: ["EU", "UN"] }))).toContain("  NOT COVERED: EU not covered: no loaded list carries EU designations");
  });

  it("a transaction names the regime it cannot cover", () => {
    const tx = { date: "2026-09-10", jurisdictions: ["EU" as const], parties: [{ role: "buyer" as const, name: "Zyxwv Qutsr Ponml" }], goods: [{ description: "office chairs" }], route: { origin: "DE", destination: "FR" } };
    const r = screenTransaction(tx, { screener, rulePack: embeddedRulePack(), goods: embeddedGoodsCatalogue() });
    expect(r.coverageGaps.map((g) => g.regime)).toEqual(["EU"]);
    expect(r.summary).toContain("EU not covered: no loaded list carries EU designations");
  });
});
