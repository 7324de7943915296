import { loadExcerpt } from "./helpers";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { basisStatusOn, designationStatusOn } from "../../src/dates";
import { ListFormatError } from "../../src/errors";
import { curatedJsonLoader, renderCuratedSource, type CuratedSource } from "../../src/lists/curated-json";
import { parseSdnHistory } from "../../src/lists/ofac-sdn-history";
import type { DesignationRecord } from "../../src/model";
import { FIXTURES, SHARED_DATA, describeWithData, fixtureSources } from "../shared-data";
import { runLoaderContract } from "./loader-contract";

const SHIPPED = resolve(dirname(fileURLToPath(import.meta.url)), "../../lists/curated/seed-designations.json");
const shippedText = readFileSync(SHIPPED, "utf8");
const shippedSources = () => [{ name: "lists/curated/seed-designations.json", data: new Uint8Array(readFileSync(SHIPPED)) }];
const raw = () => JSON.parse(shippedText) as { sources: CuratedSource[]; records: Record<string, unknown>[] } & Record<string, unknown>;
const asSource = (data: unknown, name = "seed-designations.json") => [{ name, data: JSON.stringify(data, null, 2) }];

runLoaderContract({
  loader: curatedJsonLoader,
  sources: () => fixtureSources("curated-json/seed-designations.json"),
  expectedCount: 4,
  truncated: () => {
    const [source] = fixtureSources("curated-json/seed-designations.json");
    return [{ name: source!.name, data: (source!.data as Uint8Array).subarray(0, Math.floor((source!.data as Uint8Array).length * 0.6)) }];
  },
});

const list = loadExcerpt(shippedSources());
const byId = (id: string): DesignationRecord => {
  const record = list.records.find((r) => r.id === id);
  if (!record) throw new Error(`no record ${id}`);
  return record;
};
const basis = (id: string, program: string) => byId(id).bases.find((b) => b.program === program || b.list === program);

describe("shipped curated seed list", () => {
  it("is what the fixture copies", () => {
    expect(readFileSync(join(FIXTURES, "curated-json/seed-designations.json"), "utf8")).toBe(shippedText);
  });

  it("loads through loadList with its provenance", () => {
    expect(list.metadata).toMatchObject({ listId: "curated", format: "curated-json", publisher: "sanctions-screen curators", listDate: "2026-11-22", recordCount: 4 });
    expect(list.records.map((r) => r.id)).toEqual([
      "curated:belvneshpromservice",
      "curated:army-supply-bureau",
      "curated:minsk-automobile-plant",
      "curated:minsk-wheel-tractor-plant",
    ]);
  });

  it("BELVNESHPROMSERVICE: NPWMD stated 2012-09-19; IFSR window 2012-09-19..2021-08-18 (inferred), its day unknown", () => {
    const r = byId("curated:belvneshpromservice");
    expect(r.sameAs).toEqual(["ofac-sdn:15487", "us-csl:SDN-15487"]);
    expect(r.subject.addresses[0]).toMatchObject({ street: "2 Kazinets Street", city: "Minsk", postalCode: "220099", country: "BY" });
    expect(basis(r.id, "NPWMD")).toMatchObject({ authority: "E.O. 13382", listedOn: { date: "2012-09-19", certainty: "stated", bound: "exact" } });
    expect(basis(r.id, "NPWMD")?.listedOn?.source).toContain("20120919136291");
    expect(basis(r.id, "IFSR")?.listedOn).toMatchObject({ date: "2021-08-18", certainty: "inferred", bound: "on-or-before", notBefore: "2012-09-19" });
    expect(basis(r.id, "IFSR")?.note).toContain("unconfirmed");
    expect(r.subject.names.some((n) => n.originalScript)).toBe(false);
    expect(r.remarks.join(" ")).toMatch(/No original-script/);
  });

  it("ARMY SUPPLY BUREAU: SYRIA ended 2025-07-01 (inferred, E.O. 14312), NPWMD open", () => {
    const r = byId("curated:army-supply-bureau");
    expect(r.sameAs).toEqual(["ofac-sdn:15486", "us-csl:SDN-15486", "uk-ofsi:13030"]);
    const syria = basis(r.id, "SYRIA");
    expect(syria).toMatchObject({ authority: "E.O. 13582", listedOn: { date: "2012-09-19", certainty: "stated" } });
    expect(syria?.endedOn).toMatchObject({ date: "2025-07-01", certainty: "inferred", bound: "exact" });
    expect(syria?.endedOn?.source).toContain("2025-12506");
    expect(syria?.endedOn?.note).toContain("NPWMD; IFSR");
    expect(basis(r.id, "NPWMD")?.endedOn).toBeUndefined();
    expect(r.remarks.join(" ")).toContain("23/07/2014");

    expect(basisStatusOn(syria!, "2025-06-30").status).toBe("in-force");
    expect(basisStatusOn(syria!, "2025-07-01").status).toBe("ended");
    const status = designationStatusOn(r, "2026-01-01", list.metadata.listDate);
    expect(status.status).toBe("in-force");
    expect(status.reason.detail).toContain("[NPWMD]");
  });

  it("MAZ: observed on or before 2023-03-24, with its aliases and identifiers", () => {
    const r = byId("curated:minsk-automobile-plant");
    expect(r.sameAs).toEqual(["ofac-sdn:41318"]);
    expect(r.subject.names.filter((n) => n.kind === "weak-alias").map((n) => n.value)).toEqual(["OJSC MAZ"]);
    expect(r.subject.identifiers).toEqual([
      { type: "tax-id", value: "100320487", label: "Tax ID No.", country: "BY" },
      { type: "registration", value: "05808729", label: "Government Gazette Number", country: "BY" },
    ]);
    const b = basis(r.id, "BELARUS-EO14038");
    expect(b).toMatchObject({ authority: "E.O. 14038", listedOn: { date: "2023-03-24", certainty: "observed", bound: "on-or-before" } });
    expect(b?.listedOn?.note).toMatch(/not in any stored file/);
    expect(basisStatusOn(b!, "2023-03-01").status).toBe("uncertain");
  });

  it("MINSK WHEEL TRACTOR PLANT: ent_num 34769 (MZKT), dates as the files give them, no invented MTZ alias", () => {
    const r = byId("curated:minsk-wheel-tractor-plant");
    expect(r.sameAs).toContain("ofac-sdn:34769");
    expect(basis(r.id, "BELARUS-EO14038")?.listedOn).toMatchObject({ date: "2022-02-25", certainty: "observed", bound: "on-or-before" });
    expect(basis(r.id, "NPWMD")?.listedOn).toMatchObject({ date: "2024-04-19", certainty: "observed", bound: "on-or-before" });
    expect(basis(r.id, "Entity List (EL)")).toMatchObject({ citation: "87 FR 20299", listedOn: { date: "2022-04-07", certainty: "stated", bound: "exact" } });
    expect(r.subject.names.some((n) => /\bMTZ\b/.test(n.value))).toBe(false);
    expect(r.bases.every((b) => b.confirmed)).toBe(true);
  });

  it("every fact's source resolves to one of the file's sources", () => {
    const file = raw();
    const ids = new Map(file.sources.map((s) => [s.id, s]));
    let facts = 0;
    (file.records as unknown as DesignationRecord[]).forEach((record, i) => {
      record.bases.forEach((b, j) => {
        for (const key of ["listedOn", "endedOn"] as const) {
          const fact = b[key];
          if (!fact) continue;
          facts++;
          const source = ids.get(fact.source ?? "");
          expect(source, `${record.id} ${key}`).toBeDefined();
          expect(list.records[i]?.bases[j]?.[key]?.source).toBe(renderCuratedSource(source!));
        }
      });
    });
    expect(facts).toBe(10);
  });
});

// The seed rows cut from the OFAC files (test/fixtures/curated-json/ofac, test/fixtures/ofac-sdn-history)
// always; the full files too when they are there.
const OFAC_FILES = [
  {
    files: "rows cut from them",
    sdn: join(FIXTURES, "curated-json/ofac/sdn-2024-05-03.csv"),
    alt: join(FIXTURES, "curated-json/ofac/alt-2023-12-28.csv"),
    history: join(FIXTURES, "ofac-sdn-history"),
  },
  {
    files: "the full files",
    sdn: join(SHARED_DATA, "ofac-sdn/2024-05-03/sdn.csv"),
    alt: join(SHARED_DATA, "ofac-sdn/2023-12-28/alt.csv"),
    history: join(SHARED_DATA, "ofac-sdn/history"),
  },
];

for (const files of OFAC_FILES) {
  const historyFiles = [join(files.history, "sdn-history.csv"), join(files.history, "program-changes.csv")];
  describeWithData(`seed facts agree with the real OFAC files (${files.files})`, [files.sdn, files.alt, ...historyFiles], () => {
    const readCsv = (path: string) => parse(readFileSync(path, "utf8").replace(/\u001a\s*$/, ""), { relax_quotes: true }) as string[][];
    let sdn: string[][];
    let alt: string[][];
    let history: ReturnType<typeof parseSdnHistory>;
    beforeAll(() => {
      sdn = readCsv(files.sdn);
      alt = readCsv(files.alt);
      history = parseSdnHistory(readFileSync(historyFiles[0]!, "utf8"), { programChangesCsv: readFileSync(historyFiles[1]!, "utf8") });
    });

    it.each(list.records.map((r) => ({ id: r.id })))("$id: names, programmes and observed dates match its SDN row", ({ id }) => {
      const r = byId(id);
      const ent = r.sameAs.find((s) => s.startsWith("ofac-sdn:"))!.slice("ofac-sdn:".length);
      const row = sdn.find((f) => f[0] === ent)!;
      expect(r.subject.names.find((n) => n.kind === "primary")?.value).toBe(row[1]);
      const sdnPrograms = row[3]!.split("] [").sort();
      expect(r.bases.filter((b) => b.list === "SDN List").map((b) => b.program).sort()).toEqual(sdnPrograms);
      const aliases = alt.filter((f) => f[0] === ent).map((f) => f[3]);
      for (const a of aliases) expect(r.subject.names.map((n) => n.value)).toContain(a);
      const entry = history.entries.get(ent)!;
      for (const b of r.bases) {
        if (b.listedOn?.certainty !== "observed") continue;
        const change = entry.programChanges.find((c) => c.after.includes(b.program!) && !c.before.includes(b.program!));
        expect(b.listedOn.date).toBe(change?.date ?? entry.firstSeen);
      }
    });
  });
}

describe("corrupt curated files fail closed with ListFormatError", () => {
  const mutations: { case: string; mutate: (f: ReturnType<typeof raw>) => unknown }[] = [
    { case: "a fact citing an unknown source id", mutate: (f) => ((f.records[0] as any).bases[0].listedOn.source = "no-such-source", f) },
    { case: "a fact citing no source", mutate: (f) => (delete (f.records[1] as any).bases[1].endedOn.source, f) },
    { case: "a duplicate source id", mutate: (f) => ({ ...f, sources: [...f.sources, f.sources[0]] }) },
    { case: "a record of another list", mutate: (f) => ((f.records[2] as any).list = "other", ((f.records[2] as any).id = "other:minsk-automobile-plant"), f) },
    { case: "a record id that does not match", mutate: (f) => (((f.records[2] as any).id = "curated:maz"), f) },
    { case: "a record without names", mutate: (f) => (((f.records[3] as any).subject.names = []), f) },
    { case: "an invalid fact date", mutate: (f) => (((f.records[0] as any).bases[0].listedOn.date = "19/09/2012"), f) },
    { case: "an unknown field", mutate: (f) => ({ ...f, extra: true }) },
    { case: "an invalid list date", mutate: (f) => ({ ...f, listDate: "2026-02-30" }) },
    { case: "another format version", mutate: (f) => ({ ...f, format: "sanctions-screen/curated@2" }) },
    { case: "no sources", mutate: (f) => ({ ...f, sources: [] }) },
  ];
  it.each(mutations)("refuses $case", ({ mutate }) => {
    const error = (() => {
      try {
        loadExcerpt(asSource(mutate(raw())), { format: "curated-json" });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ListFormatError);
    expect((error as ListFormatError).issues.length).toBeGreaterThan(0);
  });

  it("names the record and field of an unknown source id", () => {
    const f = raw();
    (f.records[0] as any).bases[0].listedOn.source = "no-such-source";
    expect(() => loadExcerpt(asSource(f))).toThrow(/belvneshpromservice records\.0\.bases\.0\.listedOn\.source: expected the id of one of the file's sources, received "no-such-source"/);
  });

  it("refuses text that is not JSON and more than one file", () => {
    expect(() => loadExcerpt([{ name: "x.json", data: "{ not json" }], { format: "curated-json" })).toThrow(ListFormatError);
    expect(() => loadExcerpt([...shippedSources(), ...shippedSources()], { format: "curated-json" })).toThrow(ListFormatError);
  });

  it("restamps records with a caller-given list id", () => {
    const again = loadExcerpt(shippedSources(), { listId: "seed" });
    expect(again.records[0]?.id).toBe("seed:belvneshpromservice");
    expect(again.metadata.listId).toBe("seed");
  });
});
