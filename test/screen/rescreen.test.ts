import { loadExcerpt } from "../lists/helpers";
import { beforeAll, expect, it } from "vitest";
import type { LoadedList } from "../../src/model";
import { createScreener, rescreen, screenCounterparties, type Counterparty, type CounterpartyOutcome, type Screener } from "../../src/screen";
import { describeWithData, sharedSources } from "../shared-data";

// Both snapshots are read under the official file name, as `lists update` stores them: record
// sources cite the file name, and a rename alone must not look like a changed record.
function snapshot(day: string): LoadedList {
  const [source] = sharedSources(`ofac-sdn/history/snapshots/sdn-${day}.csv`);
  return loadExcerpt([{ name: "sdn.csv", data: (source as { data: Uint8Array }).data }], { format: "ofac-csv" });
}

const book: Counterparty[] = [
  { key: "cp-maz", input: { name: "Minsk Automobile Plant", type: "organization", country: "BY" } },
  { key: "cp-cec", input: { name: "Central Election Commission of the Republic of Belarus", type: "organization" } },
  { key: "cp-belv", input: { name: "Belvneshpromservice", type: "organization" } },
  { key: "cp-pirin", input: { name: "Pirin Defence Trading EOOD", type: "organization" } },
];

let before: Screener;
let after: Screener;
let stored: CounterpartyOutcome[];
beforeAll(() => {
  before = createScreener({ lists: [snapshot("2023-03-21")] });
  after = createScreener({ lists: [snapshot("2023-03-24")] });
  stored = screenCounterparties(before, book, { asOf: "2023-03-24", jurisdictions: ["US"] });
}, 180_000);

const SNAPSHOTS = ["2023-03-21", "2023-03-24"].map((day) => `ofac-sdn/history/snapshots/sdn-${day}.csv`);

describeWithData("rescreen on real OFAC SDN snapshots 2023-03-21 → 2023-03-24", SNAPSHOTS, () => {
  it("stores plain-JSON outcomes", () => {
    expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
    expect(stored.find((o) => o.key === "cp-maz")?.records.some((r) => r.recordId === "ofac-sdn:41318")).toBe(false);
    expect(stored.find((o) => o.key === "cp-belv")?.outcome).toBe("alert");
  });

  it("returns only the changed outcomes, each explained", () => {
    const changes = rescreen(stored, after, { asOf: "2023-03-24", jurisdictions: ["US"] });
    // names-v2: before the rename, the query already alerts on the long name of 30627 (eight of its
    // thirteen words, among them the distinctive ones: the words that differ cost less, see
    // evidenceDiscount); after it, the record's name is the query: the same alert, a changed record.
    expect(changes.map((c) => [c.key, c.kind])).toEqual([
      ["cp-maz", "new-alert"],
      ["cp-cec", "record-changed"],
    ]);
    const maz = changes[0];
    expect(maz?.before.outcome).not.toBe("alert");
    expect(maz?.after.outcome).toBe("alert");
    expect(maz?.reasons[0]?.recordId).toBe("ofac-sdn:41318");
    expect(maz?.summary).toContain("ofac-sdn:41318 now alerts (not matched before)");
    expect(maz?.summary).toContain("OPEN JOINT STOCK COMPANY MINSK AUTOMOBILE PLANT");
    const cec = changes[1];
    expect(cec?.reasons[0]?.recordId).toBe("ofac-sdn:30627");
    expect(cec?.before.outcome).toBe("alert");
    expect(cec?.after.outcome).toBe("alert");
    expect(cec?.summary).toContain("ofac-sdn:30627");
  });

  it("reports nothing when the list did not change, and an alert gone when going back", () => {
    expect(rescreen(stored, before, { asOf: "2023-03-24", jurisdictions: ["US"] })).toEqual([]);
    const newer = screenCounterparties(after, book, { asOf: "2023-03-24", jurisdictions: ["US"] });
    const back = rescreen(newer, before, { asOf: "2023-03-24", jurisdictions: ["US"] });
    expect(back.find((c) => c.key === "cp-maz")?.kind).toBe("alert-gone");
    expect(back.find((c) => c.key === "cp-maz")?.summary).toContain("ofac-sdn:41318 no longer matches");
  });
});
