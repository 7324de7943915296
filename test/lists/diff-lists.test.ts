import { loadExcerpt } from "./helpers";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { diffLists, diffRecords } from "../../src/lists";
import type { LoadedList } from "../../src/model";
import { describeWithData, fixtureSources, sharedSources } from "../shared-data";

function ofacSnapshot(path: string): LoadedList {
  return loadExcerpt(sharedSources(path), { format: "ofac-csv" });
}

/** The listing history rebuilt independently from the same scrape (see its PROVENANCE.md). */
const historyCache = new Map<string, Record<string, string>[]>();
function history(file: string): Record<string, string>[] {
  const cached = historyCache.get(file);
  if (cached) return cached;
  const [source] = sharedSources(`ofac-sdn/history/${file}`);
  const rows = parse(new TextDecoder().decode(source?.data as Uint8Array), { columns: true }) as Record<string, string>[];
  historyCache.set(file, rows);
  return rows;
}

const SNAPSHOTS = ["2022-02-24", "2022-02-25", "2023-03-21", "2023-03-24"].map((d) => `ofac-sdn/history/snapshots/sdn-${d}.csv`);
const HISTORY = ["sdn-history.csv", "program-changes.csv", "name-changes.csv"].map((f) => `ofac-sdn/history/${f}`);

describeWithData("diffLists on real OFAC SDN snapshots", ["ofac-sdn/2024-05-02/sdn.csv", "ofac-sdn/2024-05-03/sdn.csv", ...SNAPSHOTS, ...HISTORY], () => {
  it("2024-05-02 → 2024-05-03: the 8 removed rows and nothing else", () => {
    const before = ofacSnapshot("ofac-sdn/2024-05-02/sdn.csv");
    const after = ofacSnapshot("ofac-sdn/2024-05-03/sdn.csv");
    const d = diffLists(before, after);
    const expectedRemoved = history("sdn-history.csv").filter((r) => r["removed_by"] === "2024-05-03").map((r) => r["ent_num"]);
    expect(expectedRemoved).toHaveLength(8);
    expect(d.removed.map((r) => r.sourceId)).toEqual(expectedRemoved.sort((a, b) => Number(a) - Number(b)));
    expect(d.added).toEqual([]);
    expect(d.changed).toEqual([]);
    expect(d.unchanged).toBe(14965);
    expect(d.old).toMatchObject({ listId: "ofac-sdn", recordCount: 14973 });
    expect(d.new).toMatchObject({ listId: "ofac-sdn", recordCount: 14965 });
    expect(d.removed[0]).toMatchObject({ id: `ofac-sdn:${d.removed[0]?.sourceId}`, name: expect.any(String) });
  });

  it.each([
    { from: "2022-02-24", to: "2022-02-25" },
    { from: "2023-03-21", to: "2023-03-24" },
  ])("$from → $to matches the rebuilt history (adds, programme and name changes)", ({ from, to }) => {
    const d = diffLists(ofacSnapshot(`ofac-sdn/history/snapshots/sdn-${from}.csv`), ofacSnapshot(`ofac-sdn/history/snapshots/sdn-${to}.csv`));
    const added = history("sdn-history.csv").filter((r) => r["first_seen"] === to).map((r) => r["ent_num"]);
    const removed = history("sdn-history.csv").filter((r) => r["removed_by"] === to).map((r) => r["ent_num"]);
    expect(d.added.map((r) => r.sourceId).sort()).toEqual([...added].sort());
    expect(d.removed.map((r) => r.sourceId).sort()).toEqual([...removed].sort());
    const changed = new Map(d.changed.map((c) => [c.sourceId, c.fields.map((f) => f.field)]));
    for (const row of history("program-changes.csv").filter((r) => r["date"] === to)) {
      expect(changed.get(row["ent_num"] as string), `programme change of ${row["ent_num"]}`).toContain("bases");
    }
    for (const row of history("name-changes.csv").filter((r) => r["date"] === to)) {
      expect(changed.get(row["ent_num"] as string), `name change of ${row["ent_num"]}`).toContain("subject.names");
    }
    expect(d.unchanged + d.changed.length + d.added.length).toBe(d.new.recordCount);
  });

  it("2023-03-21 → 2023-03-24 adds MAZ (the seed record first seen that day)", () => {
    const d = diffLists(ofacSnapshot("ofac-sdn/history/snapshots/sdn-2023-03-21.csv"), ofacSnapshot("ofac-sdn/history/snapshots/sdn-2023-03-24.csv"));
    expect(d.added).toContainEqual({ sourceId: "41318", id: "ofac-sdn:41318", name: "OPEN JOINT STOCK COMPANY MINSK AUTOMOBILE PLANT", type: "organization" });
  });
});

describe("diffRecords", () => {
  // The seed row 15487 as published (test/fixtures/ofac-csv is cut from the real files).
  const base = loadExcerpt(fixtureSources("ofac-csv/sdn.csv"), { format: "ofac-csv" }).records.find((r) => r.sourceId === "15487");
  if (!base) throw new Error("seed 15487 missing");

  it("names the changed fields and the array elements on each side", () => {
    const after = {
      ...base,
      subject: { ...base.subject, names: [...base.subject.names, { value: "BELVNESHPROMSERVIS", kind: "alias" as const, originalScript: false }] },
      bases: base.bases.filter((b) => b.program !== "IFSR"),
    };
    const changes = diffRecords(base, after);
    expect(changes.map((c) => c.field)).toEqual(["bases", "subject.names"]);
    expect(changes[0]?.removed).toEqual([expect.objectContaining({ program: "IFSR" })]);
    expect(changes[0]?.added).toEqual([]);
    expect(changes[1]?.added).toEqual([{ value: "BELVNESHPROMSERVIS", kind: "alias", originalScript: false }]);
  });

  it("ignores key order and reports nothing for an identical record", () => {
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reverseKeys) : v !== null && typeof v === "object" ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)])) : v;
    const reordered = reverseKeys(base) as typeof base;
    expect(Object.keys(reordered)[0]).not.toBe(Object.keys(base)[0]);
    expect(diffRecords(base, reordered)).toEqual([]);
    expect(diffRecords(base, structuredClone(base))).toEqual([]);
  });

  it("reports a scalar change with both values", () => {
    expect(diffRecords(base, { ...base, sourceUrl: "https://example.org/x" })).toEqual([
      { field: "sourceUrl", before: base.sourceUrl, after: "https://example.org/x" },
    ]);
  });
});
