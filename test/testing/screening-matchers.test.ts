import { describe, expect, it } from "vitest";
import { ListFormatError } from "../../src/errors";
import { createTransactionScreener } from "../../src/embedded";
import { buildDesignation, buildFixtureList, createFixtureScreener, screeningMatchers, type ScreeningMatchers } from "../../src/testing";

declare module "vitest" {
  interface Assertion<T> extends ScreeningMatchers<T> {}
}
expect.extend(screeningMatchers);

const TODAY = "2026-11-22";
const screener = createFixtureScreener(
  [
    { id: "acme", names: ["ACME MACHINE TOOLS LLC", "ACME MTL"], programs: ["NPWMD"], listedOn: "2020-03-01" },
    { id: "ivanov", type: "person", names: ["IVANOV, Petr Sergeyevich"], birthDates: ["1961"], nationalities: ["RU"] },
    { id: "genava-12", type: "vessel", names: ["GENAVA 12"], identifiers: [{ type: "imo", value: "9123456" }] },
  ],
  { today: TODAY },
);

describe("screeningMatchers", () => {
  it("toAlertOn / toClear / toBeUnscreenable pass on the results they name", () => {
    expect(screener.screen({ name: "Acme Machine Tools" })).toAlertOn("fixtures:acme");
    expect(screener.screen({ name: "Petr Ivanov", type: "person" })).toAlertOn("fixtures:ivanov");
    expect(screener.screen({ name: "Jane Doe Bakery" })).toClear();
    expect(screener.screen({ name: "12" })).toBeUnscreenable();
    expect(screener.screen({ name: "Jane Doe Bakery" })).not.toAlertOn("fixtures:acme");
    expect(screener.screen({ name: "Acme Machine Tools" })).not.toClear();
    // The fixture list is dated `today`, so it is current: a clear, not a stale clear.
    expect(screener.screen({ name: "Jane Doe Bakery" })).not.toStaleClear();
  });

  it("toStaleClear: no match against a list older than the day allows, never passed off as a clear", () => {
    const old = createFixtureScreener([{ id: "acme", names: ["ACME MACHINE TOOLS LLC"], programs: ["NPWMD"], listedOn: "2020-03-01" }], { today: TODAY, listDate: "2020-06-01" });
    const result = old.screen({ name: "Jane Doe Bakery" });
    expect(result).toStaleClear();
    expect(result).not.toClear();
    expect(() => expect(result).toClear()).toThrow(/to clear, but it is stale-clear/);
  });

  it("prints the explanation when toAlertOn fails: the outcome and every hit's summary", () => {
    const before = screener.screen({ name: "Acme Machine Tools", asOf: "2019-01-01" });
    expect(before.outcome).toBe("clear");
    let message = "";
    try {
      expect(before).toAlertOn("fixtures:acme");
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('expected the screen of "Acme Machine Tools" as of 2019-01-01 to alert on fixtures:acme, but fixtures:acme is clear');
    expect(message).toContain(before.hits[0]?.summary);
    expect(message).toMatch(/designated later on 2020-03-01/);
  });

  it("names the missing record, and prints why a clear failed", () => {
    expect(() => expect(screener.screen({ name: "Acme Machine Tools" })).toAlertOn("ofac-sdn:15487")).toThrow(
      /to alert on ofac-sdn:15487, but ofac-sdn:15487 is not among its hits:\n[\s\S]*ALERT +fixtures:acme {2}Alert: "Acme Machine Tools" matches/,
    );
    expect(() => expect(screener.screen({ name: "Acme Machine Tools" })).toClear()).toThrow(/to clear, but it is alert:\n.*: ALERT\n {2}ALERT +fixtures:acme/);
    expect(() => expect(screener.screen({ name: "12" })).not.toBeUnscreenable()).toThrow(/input\.unscreenable: name "12" has no letters/);
  });

  it("refuses what is not a result", () => {
    expect(() => expect({ name: "x" }).toClear()).toThrow(/toClear: expected the result of screener\.screen\(\) or screenTransaction\(\), received object/);
  });

  it("reads a transaction's outcome and findings", () => {
    const transactions = createTransactionScreener({ screener });
    const tx = transactions.screen({
      date: TODAY,
      parties: [{ role: "buyer", name: "ACME Machine Tools LLC", type: "organization", country: "TR" }],
      goods: [{ description: "spare parts", quantity: 1 }],
      route: { origin: "DE", destination: "TR" },
    });
    expect(tx).toAlertOn("fixtures:acme");
    expect(() => expect(tx).toClear()).toThrow(/expected the transaction of 2026-11-22 to clear, but it is alert:\n.*: ALERT\n {2}ALERT +fixtures:acme/);
  });
});

describe("fixture builders", () => {
  it("builds records with neutral defaults, stated dates and the list id", () => {
    expect(buildDesignation({ id: "x", names: ["X CORP", { value: "XC", kind: "weak-alias" }], listedOn: "2020-01-02" }, "mine")).toEqual({
      id: "mine:x",
      list: "mine",
      sourceId: "x",
      subject: { type: "organization", names: [{ value: "X CORP", kind: "primary" }, { value: "XC", kind: "weak-alias" }] },
      bases: [{ regime: "US", program: "FIXTURE", listedOn: { date: "2020-01-02", certainty: "stated", bound: "exact", source: "test fixture" } }],
    });
    const list = buildFixtureList([{ id: "a", names: ["A"] }, { id: "b", type: "person", names: ["B, C"] }], { listId: "my-book", listDate: "2026-01-31" });
    expect(list.metadata).toMatchObject({ listId: "my-book", recordCount: 2, listDate: "2026-01-31", countsByType: { organization: 1, person: 1 } });
    expect(list.metadata.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("fails closed like a list loader: a bad date or a repeated id throws ListFormatError naming it", () => {
    expect(() => buildFixtureList([{ id: "a", names: ["A"], listedOn: "31/01/2026" }])).toThrow(ListFormatError);
    expect(() => buildFixtureList([{ id: "a", names: ["A"], listedOn: "31/01/2026" }])).toThrow(/a bases\.0\.listedOn\.date/);
    expect(() => buildFixtureList([{ id: "a", names: ["A"] }, { id: "a", names: ["B"] }])).toThrow(/duplicate "fixtures:a"/);
  });
});
