import { loadExcerpt } from "./helpers";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { basisStatusOn } from "../../src/dates";
import { ListFormatError } from "../../src/errors";
import { DesignationSchema, type Designation } from "../../src/model";
import {
  applyObservedDates,
  decodeSdnHistory,
  encodeSdnHistory,
  parseSdnHistory,
  type SdnHistory,
} from "../../src/lists/ofac-sdn-history";
import { FIXTURES, SHARED_DATA, describeWithData, itWithData, sharedSources } from "../shared-data";

const HISTORY_FILES = ["sdn-history.csv", "program-changes.csv", "snapshot-index.csv"];
const REAL = HISTORY_FILES.map((f) => `ofac-sdn/history/${f}`);
const readHistory = (dir: string): SdnHistory =>
  parseSdnHistory(readFileSync(join(dir, "sdn-history.csv"), "utf8"), {
    programChangesCsv: readFileSync(join(dir, "program-changes.csv"), "utf8"),
    snapshotIndexCsv: readFileSync(join(dir, "snapshot-index.csv"), "utf8"),
  });

// The real history files, read once by the tests that need them (skipped without ../shared/data).
let real: SdnHistory | undefined;
const realHistory = (): SdnHistory => (real ??= readHistory(join(SHARED_DATA, "ofac-sdn/history")));

/** A cut of the real files (test/fixtures/ofac-sdn-history: the seed rows, all snapshot dates). */
let history: SdnHistory;
beforeAll(() => {
  history = readHistory(join(FIXTURES, "ofac-sdn-history"));
});

const record = (sourceId: string, programs: string[], list = "ofac-sdn"): Designation => ({
  id: `${list}:${sourceId}`,
  list,
  sourceId,
  subject: { type: "organization", names: [{ value: `ENTITY ${sourceId}`, kind: "primary" }] },
  bases: programs.map((program) => ({ regime: "US", program, list: "SDN List" })),
});

describeWithData("parseSdnHistory on the real history files", REAL, () => {
  it("reads every ent_num with the counts PROVENANCE.md gives", () => {
    const history = realHistory();
    const entries = [...history.entries.values()];
    expect(entries).toHaveLength(15_892);
    expect(entries.filter((e) => e.firstSeenIsBound)).toHaveLength(9_083);
    expect(entries.filter((e) => e.removedBy !== undefined)).toHaveLength(927);
    expect(entries.filter((e) => e.removedBy === undefined)).toHaveLength(14_965);
    expect(entries.reduce((n, e) => n + e.programChanges.length, 0)).toBe(280);
    expect(entries.filter((e) => e.programChanges.length > 0)).toHaveLength(254);
    expect(entries.filter((e) => e.removedBy === "2024-05-03").map((e) => e.entNum).sort()).toEqual(
      ["38556", "38557", "38558", "38559", "38560", "38563", "38565", "38566"],
    );
    expect(history.snapshotRange).toEqual({ first: "2021-08-18", last: "2024-05-03" });
    expect(history.snapshots).toHaveLength(295);
  });

  it.each([
    { ent: "15487", firstSeen: "2021-08-18", bound: true, removedBy: undefined, last: ["NPWMD", "IFSR"] },
    { ent: "15486", firstSeen: "2021-08-18", bound: true, removedBy: undefined, last: ["SYRIA", "NPWMD", "IFSR"] },
    { ent: "41318", firstSeen: "2023-03-24", bound: false, removedBy: undefined, last: ["BELARUS-EO14038"] },
    { ent: "34769", firstSeen: "2022-02-25", bound: false, removedBy: undefined, last: ["NPWMD", "BELARUS-EO14038"] },
    { ent: "38556", firstSeen: "2022-11-14", bound: false, removedBy: "2024-05-03", last: ["RUSSIA-EO14024"] },
  ])("ent_num $ent: first seen $firstSeen", ({ ent, firstSeen, bound, removedBy, last }) => {
    const entry = realHistory().entries.get(ent);
    expect(entry?.firstSeen).toBe(firstSeen);
    expect(entry?.firstSeenIsBound).toBe(bound);
    expect(entry?.removedBy).toBe(removedBy);
    expect(entry?.programsLast).toEqual(last);
  });

  it("keeps the program change of 34769 (NPWMD added 2024-04-19)", () => {
    expect(realHistory().entries.get("34769")?.programChanges).toEqual([
      { date: "2024-04-19", before: ["BELARUS-EO14038"], after: ["NPWMD", "BELARUS-EO14038"] },
    ]);
  });
});

describe("parseSdnHistory fails closed", () => {
  const header = "ent_num,name,type,first_seen,first_seen_is_bound,last_seen,removed_by,programs_first,programs_last,gaps";
  const ok = [
    "15487,BELVNESHPROMSERVICE,entity,2021-08-18,true,2024-05-03,,NPWMD] [IFSR,NPWMD] [IFSR,",
    "41318,OPEN JOINT STOCK COMPANY MINSK AUTOMOBILE PLANT,entity,2023-03-24,false,2024-05-03,,BELARUS-EO14038,BELARUS-EO14038,",
  ];
  it("accepts a consistent cut", () => {
    expect(parseSdnHistory([header, ...ok].join("\n")).entries.size).toBe(2);
  });
  it.each([
    { case: "a wrong header", text: ["ent_num,name,first_seen", "1,X,2021-08-18"].join("\n") },
    { case: "a bad date", text: [header, ok[0], ok[1]?.replace("2023-03-24", "24/03/2023")].join("\n") },
    { case: "a bound flag that contradicts first_seen", text: [header, ok[0], ok[1]?.replace("false", "true")].join("\n") },
    { case: "removed_by on or before last_seen", text: [header, ok[0], "9,X,entity,2022-01-01,false,2023-01-01,2023-01-01,SDGT,SDGT,"].join("\n") },
    { case: "a duplicate ent_num", text: [header, ok[0], ok[0], ok[1]].join("\n") },
    { case: "a row cut short", text: [header, ok[0], "41318,OPEN JOINT STOCK COMPANY"].join("\n") },
    { case: "no entries", text: header },
  ])("refuses $case", ({ text }) => {
    expect(() => parseSdnHistory(text)).toThrow(ListFormatError);
  });
  it("refuses program changes that do not chain to programs_last", () => {
    const rows = [header, ok[0], "34769,MINSK WHEEL TRACTOR PLANT,entity,2022-02-25,false,2024-05-03,,BELARUS-EO14038,NPWMD] [BELARUS-EO14038,"].join("\n");
    const changes = "ent_num,date,programs_before,programs_after\n34769,2024-04-19,BELARUS-EO14038,BELARUS-EO14038] [IFSR\n";
    expect(() => parseSdnHistory(rows, { programChangesCsv: changes })).toThrow(ListFormatError);
    expect(() => parseSdnHistory(rows, { programChangesCsv: "ent_num,date,programs_before,programs_after\n" })).toThrow(ListFormatError);
  });
});

describe("applyObservedDates", () => {
  it("dates the seed records from the snapshots, without touching the input", () => {
    const input = [
      record("15487", ["NPWMD", "IFSR"]),
      record("41318", ["BELARUS-EO14038"]),
      record("34769", ["NPWMD", "BELARUS-EO14038"]),
      record("38556", ["RUSSIA-EO14024"]),
      record("31731", ["BELARUS-EO14038"]),
      record("99999999", ["SDGT"]),
      record("15486", ["SYRIA"], "ofac-cons"),
    ];
    const before = structuredClone(input);
    const { records, counts, warnings } = applyObservedDates(input, history);
    expect(input).toEqual(before);
    expect(warnings).toEqual([]);
    const bases = (id: string) => records.find((r) => r.id === id)?.bases ?? [];

    expect(bases("ofac-sdn:15487").map((b) => b.listedOn?.date)).toEqual(["2021-08-18", "2021-08-18"]);
    expect(bases("ofac-sdn:15487")[0]?.listedOn).toMatchObject({ certainty: "observed", bound: "on-or-before" });
    expect(bases("ofac-sdn:15487")[0]?.listedOn?.note).toContain("first snapshot (2021-08-18)");
    expect(bases("ofac-sdn:41318")[0]?.listedOn).toMatchObject({ date: "2023-03-24", certainty: "observed", bound: "on-or-before" });
    expect(bases("ofac-sdn:34769").map((b) => [b.program, b.listedOn?.date])).toEqual([
      ["NPWMD", "2024-04-19"],
      ["BELARUS-EO14038", "2022-02-25"],
    ]);
    // Renamed from BELARUS-EO on 2021-08-20: keeps the first snapshot's bound.
    expect(bases("ofac-sdn:31731")[0]?.listedOn?.date).toBe("2021-08-18");
    expect(bases("ofac-sdn:38556")[0]?.endedOn).toMatchObject({ date: "2024-05-03", notBefore: "2024-05-02", certainty: "observed", bound: "on-or-before" });
    expect(records.find((r) => r.id === "ofac-sdn:99999999")).toBe(input[5]);
    expect(records.find((r) => r.id === "ofac-cons:15486")).toBe(input[6]);
    for (const r of records) expect(DesignationSchema.safeParse(r).success).toBe(true);

    expect(counts).toEqual({
      records: 6,
      recordsInHistory: 5,
      recordsNotInHistory: 1,
      listedOnAdded: 7,
      listedOnFirstSnapshotBound: 3,
      listedOnFromProgramChange: 1,
      listedOnFromRename: 1,
      basesAlreadyDated: 0,
      basesTagNotObserved: 0,
      endedOnAdded: 1,
      endsSkippedByListDate: 0,
    });
  });

  it("feeds basisStatusOn: bound-only dates stay uncertain before the bound; removals end the basis", () => {
    const [bps, emperor] = applyObservedDates([record("15487", ["IFSR"]), record("38556", ["RUSSIA-EO14024"])], history).records;
    expect(basisStatusOn(bps!.bases[0]!, "2020-01-01").status).toBe("uncertain");
    expect(basisStatusOn(bps!.bases[0]!, "2021-08-18").status).toBe("in-force");
    expect(basisStatusOn(emperor!.bases[0]!, "2022-11-13").status).toBe("uncertain");
    expect(basisStatusOn(emperor!.bases[0]!, "2023-06-01").status).toBe("in-force");
    expect(basisStatusOn(emperor!.bases[0]!, "2024-05-02").status).toBe("uncertain");
    expect(basisStatusOn(emperor!.bases[0]!, "2024-05-03").status).toBe("ended");
  });

  it("leaves stated dates alone and respects the snapshot window and the list date", () => {
    const stated = record("15487", ["NPWMD"]);
    const dated: Designation = { ...stated, bases: [{ regime: "US", program: "NPWMD", listedOn: { date: "2012-09-19", certainty: "stated", bound: "exact" } }] };
    const result = applyObservedDates([dated, record("34769", ["NPWMD", "BELARUS-EO14038"]), record("38556", ["RUSSIA-EO14024"])], history, {
      snapshotRange: { last: "2023-12-28" },
    });
    expect(result.records[0]?.bases[0]?.listedOn?.date).toBe("2012-09-19");
    expect(result.records[1]?.bases[0]?.listedOn).toBeUndefined();
    expect(result.records[2]?.bases[0]?.endedOn).toBeUndefined();
    expect(result.counts).toMatchObject({ basesAlreadyDated: 1, basesTagNotObserved: 1, listedOnAdded: 2, endedOnAdded: 0 });

    const relisted = applyObservedDates([record("38556", ["RUSSIA-EO14024"])], history, { listDate: "2024-06-01" });
    expect(relisted.records[0]?.bases[0]?.endedOn).toBeUndefined();
    expect(relisted.counts.endsSkippedByListDate).toBe(1);
    expect(relisted.warnings).toHaveLength(1);
  });

  itWithData("dates every record of the real 2024-05-02 SDN file", [...REAL, "ofac-sdn/2024-05-02/sdn.csv"], () => {
    const list = loadExcerpt(sharedSources("ofac-sdn/2024-05-02/sdn.csv"));
    const { records, counts } = applyObservedDates(list.records, realHistory(), { listDate: "2024-05-02" });
    expect(counts.records).toBe(14_973);
    expect(counts.recordsNotInHistory).toBe(0);
    // The 8 rows gone in the 2024-05-03 snapshot, one RUSSIA-EO14024 basis each.
    expect(counts.endedOnAdded).toBe(8);
    expect(counts.basesTagNotObserved).toBe(0);
    expect(counts.listedOnAdded + counts.basesAlreadyDated).toBe(list.records.reduce((n, r) => n + r.bases.length, 0));
    for (const r of records) expect(DesignationSchema.safeParse(r).success).toBe(true);
  });
});

describe("encodeSdnHistory / decodeSdnHistory", () => {
  const roundTrips = (history: SdnHistory, maxLength: number): void => {
    const json = JSON.stringify(encodeSdnHistory(history));
    expect(json.length).toBeLessThan(maxLength);
    const back = decodeSdnHistory(JSON.parse(json));
    expect(back).toEqual(history);
    expect(back.entries.get("15487")?.firstSeenIsBound).toBe(true);
    expect(back.entries.get("38556")).toMatchObject({ lastSeen: "2024-05-02", removedBy: "2024-05-03" });
  };
  it("round-trips the cut in test/fixtures in a compact JSON", () => roundTrips(history, 20_000));
  itWithData("round-trips the real history in a compact JSON", REAL, () => roundTrips(realHistory(), 200_000));

  it("round-trips a history read without its companion files", () => {
    const bare = parseSdnHistory(readFileSync(join(FIXTURES, "ofac-sdn-history/sdn-history.csv"), "utf8"));
    expect(bare.hasProgramChanges).toBe(false);
    expect(decodeSdnHistory(JSON.parse(JSON.stringify(encodeSdnHistory(bare))))).toEqual(bare);
  });

  it.each([
    { case: "another format", mutate: (e: Record<string, unknown>) => ({ ...e, format: "other@1" }) },
    { case: "a date index out of range", mutate: (e: Record<string, unknown>) => ({ ...e, firstSeen: (e.firstSeen as number[]).map(() => 10_000) }) },
    { case: "a missing column", mutate: (e: Record<string, unknown>) => ({ ...e, programs: (e.programs as number[]).slice(1) }) },
    { case: "a repeated ent_num", mutate: (e: Record<string, unknown>) => ({ ...e, entNums: (e.entNums as number[]).map((d, i) => (i === 5 ? 0 : d)) }) },
    { case: "not an object", mutate: () => "[]" },
  ])("refuses $case", ({ mutate }) => {
    const encoded = encodeSdnHistory(history) as unknown as Record<string, unknown>;
    expect(() => decodeSdnHistory(mutate(encoded))).toThrow(ListFormatError);
  });
});
