import { parse as parseCsv } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { type ListSource, type LoadedList } from "../../src";
import { ukOfsiCsvLoader } from "../../src/lists/uk-ofsi-csv";
import { decodeText } from "../../src/lists";
import { fixtureSources, sharedSources, itWithData } from "../shared-data";
import { byId, formatError, loadExcerpt } from "./helpers";
import { runLoaderContract } from "./loader-contract";

const FIXTURE_2018 = "uk-ofsi-csv/conlist-2018.small.csv";
const FIXTURE_NON_LATIN = "uk-ofsi-csv/conlist-nonlatin.small.csv";
const bytesOf = (path: string): Uint8Array => fixtureSources(path)[0]?.data as Uint8Array;
const cp1252 = (bytes: Uint8Array): string => decodeText("test", { name: "test.csv", data: bytes }, "windows-1252");
const utf8 = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const csvSource = (data: string | Uint8Array): ListSource[] => [{ name: "ConList.csv", data }];
/** Windows-1252 bytes of a text that only uses characters of that code page. */
const encode1252 = (text: string): Uint8Array => {
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(cp1252(new Uint8Array([b])), b);
  return Uint8Array.from([...text].map((c) => table.get(c) ?? 0x3f));
};
const truncatedMidRow = (bytes: Uint8Array): ListSource[] => {
  const text = cp1252(bytes);
  const cut = text.indexOf("\n", Math.floor(text.length / 2)) + 40;
  return csvSource(encode1252(text.slice(0, cut)));
};

runLoaderContract({
  loader: ukOfsiCsvLoader,
  sources: () => fixtureSources(FIXTURE_2018),
  // 65 rows of 8 Group IDs (README.md).
  expectedCount: 8,
  truncated: () => truncatedMidRow(bytesOf(FIXTURE_2018)),
});

runLoaderContract({
  loader: ukOfsiCsvLoader,
  sources: () => fixtureSources(FIXTURE_NON_LATIN),
  expectedCount: 4,
  truncated: () => csvSource(utf8(bytesOf(FIXTURE_NON_LATIN)).slice(0, -30)),
});

describe("uk-ofsi-csv: 2018 layout fixture (Windows-1252)", () => {
  let list: LoadedList;
  beforeAll(() => {
    list = loadExcerpt(fixtureSources(FIXTURE_2018));
  });

  it("is kept in Windows-1252 and decoded from it", () => {
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytesOf(FIXTURE_2018))).toThrow();
    expect(byId(list, "13458").remarks.some((r) => r.includes("in particular in the ‘PK5’ (3rd district)"))).toBe(true);
    expect(list.metadata.warnings).toContain(`${FIXTURE_2018}: not valid UTF-8; read as Windows-1252`);
  });

  it("reads the list date from line 1 and groups rows by Group ID", () => {
    expect(list.metadata.listDate).toBe("2018-04-13");
    expect(list.metadata.listDateSource).toBe("line 1 'Last Updated'");
    expect(list.records.map((r) => r.sourceId)).toEqual(["13349", "10657", "7059", "13458", "6995", "11044", "13030", "8906"]);
  });

  it("maps ARMY SUPPLY BUREAU: entity, Syria regime listed on 2014-07-23", () => {
    const asb = byId(list, "13030");
    expect(asb.id).toBe("uk-ofsi:13030");
    expect(asb.subject.type).toBe("organization");
    expect(asb.subject.names).toEqual([{ value: "ARMY SUPPLY BUREAU", kind: "primary", originalScript: false }]);
    expect(asb.subject.addresses).toEqual([{ full: "PO Box 3361, Damascus" }]);
    expect(asb.bases).toEqual([
      {
        regime: "UK",
        program: "Syria",
        listedOn: { date: "2014-07-23", certainty: "stated", bound: "exact", source: "conlist-2018.small.csv Group ID 13030 Listed On (line 40)" },
        measures: [],
        confirmed: true,
      },
    ]);
    expect(asb.remarks).toEqual(["Branch of Syrian Ministry of Defence.", "Last updated: 2014-07-24"]);
  });

  it("builds names from Name 1–5 (given) and Name 6 (family); Prime Alias is the primary", () => {
    const qahtani = byId(list, "13349");
    expect(qahtani.subject.names.filter((n) => n.kind === "primary")).toEqual([
      { value: "Nayef Salam Muhammad Ujaym AL-HABABI", kind: "primary", originalScript: false, parts: { given: ["Nayef", "Salam", "Muhammad", "Ujaym"], family: ["AL-HABABI"] } },
    ]);
    expect(qahtani.subject.names.map((n) => n.value)).toContain("Sheikh Farooq AL-QAHTANI");
    expect(new Set(qahtani.subject.names.map((n) => n.value)).size).toBe(qahtani.subject.names.length);
    const aqap = byId(list, "11044");
    expect(aqap.subject.names.find((n) => n.value === "AL-QAIDA IN YEMEN (AQY)")?.kind).toBe("former");
  });

  it("reads UK dates of birth with 00 for unknown parts, nationalities and places", () => {
    const qahtani = byId(list, "13349");
    expect(qahtani.subject.birthDates).toEqual(["1980", "1981"]);
    expect(qahtani.subject.nationalities).toEqual(["SA", "QA"]);
    expect(qahtani.subject.addresses).toEqual([{ country: "AF", note: "since 2009" }]);
    const bahaji = byId(list, "7059");
    expect(bahaji.subject.birthDates).toEqual(["1975-07-15"]);
    expect(bahaji.subject.nationalities).toEqual(["German", "Moroccan"]);
    expect(bahaji.subject.birthPlaces).toEqual([{ place: "Haselunne, Lower Saxony", country: "DE" }]);
  });

  it("keeps free-text passport and NI details and Other Information in remarks", () => {
    const bahaji = byId(list, "7059");
    expect(bahaji.remarks).toContain(
      "Passport details: (1) Provisional 28642163 (German) issued by the city of Hamburg (2) 954242 (Moroccan) issued on 28 June 1995 in Meknas, Morocco (expired)",
    );
    expect(bahaji.remarks).toContain("National identification: BPA 1336597587");
    expect(bahaji.subject.identifiers).toEqual([]);
  });

  it("gives each regime of a group its own basis and Listed On", () => {
    const aweys = byId(list, "6995");
    expect(aweys.bases.map((b) => [b.program, b.listedOn?.date])).toEqual([
      ["The ISIL (Da'esh) and Al-Qaida organisations", "2001-11-08"],
      ["Somalia", "2010-04-28"],
    ]);
    expect(aweys.subject.titles).toEqual(["Colonel/Shaykh/Sheikh"]);
  });

  it("links a UN reference only when it is of the subject's kind", () => {
    expect(byId(list, "11044").sameAs).toEqual(["un-sc:QDe.129"]);
    // OFSI gives the person Aweys the entity reference QDe.002: not linked, kept in remarks.
    expect(byId(list, "6995").sameAs).toEqual([]);
    expect(byId(list, "6995").remarks[0]).toMatch(/^UN Ref: QDe\.002\./);
  });

  it("keeps both dates when rows of one regime disagree on Listed On: the earliest, the other in a note", () => {
    const text = cp1252(bytesOf(FIXTURE_2018)).replace(
      "Entity,Prime Alias,Syria,23/07/2014,24/07/2014,13030",
      "Entity,Prime Alias,Syria,23/07/2014,24/07/2014,13030\nARMY SUPPLY BUREAU,,,,,,,,,,,,,,PO Box 3361,Damascus,,,,,,,Branch of Syrian Ministry of Defence.,Entity,AKA,Syria,14/07/2014,24/07/2014,13030",
    );
    const reloaded = loadExcerpt(csvSource(encode1252(text)));
    const basis = byId(reloaded, "13030").bases[0];
    expect(basis?.listedOn?.date).toBe("2014-07-14");
    expect(basis?.note).toBe("rows also give Listed On 2014-07-23; the earliest is kept");
    expect(reloaded.metadata.warnings).toContain("1 × regimes whose rows disagree on Listed On (earliest kept, others in the basis note)");
  });

  it("reads the same file re-encoded as UTF-8 into the same records", () => {
    const asUtf8 = loadExcerpt([{ name: "conlist-2018.small.csv", data: new TextEncoder().encode(cp1252(bytesOf(FIXTURE_2018))) }]);
    expect(JSON.stringify(asUtf8.records)).toBe(JSON.stringify(list.records));
    // Same warnings, less the one about the encoding.
    expect(asUtf8.metadata.warnings).toEqual(list.metadata.warnings.filter((w) => !w.includes("Windows-1252")));
  });
});

describe("uk-ofsi-csv: later layout with non-Latin names", () => {
  let list: LoadedList;
  beforeAll(() => {
    list = loadExcerpt(fixtureSources(FIXTURE_NON_LATIN));
  });

  it("maps Name Non-Latin Script to an original-script alias with script and language", () => {
    expect(list.metadata.listDate).toBe("2020-04-27");
    expect(byId(list, "9053").subject.names).toEqual([
      { value: "Mohsen HOJATI", kind: "primary", originalScript: false, parts: { given: ["Mohsen"], family: ["HOJATI"] } },
      { value: "محسن حجتی", kind: "alias", originalScript: true, script: "Arab", lang: "fa" },
    ]);
    expect(byId(list, "13017").subject.names).toContainEqual({ value: "Игорь Венедиктович ПЛОТНИЦКИЙ", kind: "alias", originalScript: true, script: "Cyrl", lang: "ru" });
  });

  it("uses the first row's name when a group has no Prime Alias row, and warns", () => {
    expect(byId(list, "13063").subject.names[0]).toMatchObject({ value: "Kateryna Yuriyivna HUBARIEVA", kind: "primary" });
    expect(list.metadata.warnings).toContain("3 × groups without a Prime Alias row (first row's name used as primary)");
  });

  it("reads partial DOBs; a day without a month keeps the year and a remark", () => {
    const hubarieva = byId(list, "13063");
    expect(hubarieva.subject.birthDates).toEqual(["1983-07-05", "1983", "1984-04"]);
    expect(hubarieva.remarks).toContain("DOB 10/00/1983: day without month, kept as year 1983");
  });

  it("maps the numbered identification columns and links the UN reference", () => {
    const saeed = byId(list, "9215");
    expect(saeed.subject.identifiers).toEqual([{ type: "national-id", value: "3520025509842-7 (Pakistani)" }]);
    expect(saeed.sameAs).toEqual(["un-sc:QDi.263"]);
    expect(saeed.subject.addresses[0]).toMatchObject({ postalCode: "123321", country: "PK", note: "location as at May 2008" });
  });
});

describe("uk-ofsi-csv: the real files", () => {
  itWithData("loads the 2018 ConList: 2,106 subjects from 6,857 Individual and 2,630 Entity rows", ["uk-hmt/sanctionsconlist.csv"], () => {
    const sources = sharedSources("uk-hmt/sanctionsconlist.csv");
    const rows = parseCsv(cp1252(sources[0]?.data as Uint8Array), { relax_column_count: true, from_line: 3 }) as string[][];
    const typeOf = new Map<string, string>();
    const rowsByType = new Map<string, number>();
    for (const row of rows) {
      rowsByType.set(row[23] ?? "", (rowsByType.get(row[23] ?? "") ?? 0) + 1);
      typeOf.set((row[28] ?? "").trim(), row[23] ?? "");
    }
    expect(Object.fromEntries(rowsByType)).toEqual({ Individual: 6857, Entity: 2630 });

    const list = loadExcerpt(sources);
    expect(list.metadata.format).toBe("uk-ofsi-csv");
    expect(list.metadata.recordCount).toBe(2106);
    expect(list.metadata.listDate).toBe("2018-04-13");
    const groups = [...typeOf.values()];
    expect(list.metadata.countsByType).toMatchObject({
      person: groups.filter((t) => t === "Individual").length,
      organization: groups.filter((t) => t === "Entity").length,
    });
    const asb = byId(list, "13030");
    expect(asb.subject.names[0]?.value).toBe("ARMY SUPPLY BUREAU");
    expect(asb.bases).toHaveLength(1);
    expect(asb.bases[0]).toMatchObject({ regime: "UK", program: "Syria", listedOn: { date: "2014-07-23", certainty: "stated", bound: "exact" } });
    // Every group has exactly one primary name and a stated listing date on every basis.
    for (const r of list.records) {
      expect(r.subject.names.filter((n) => n.kind === "primary")).toHaveLength(1);
      expect(r.bases.every((b) => b.listedOn?.certainty === "stated")).toBe(true);
    }
    expect(list.records.filter((r) => r.bases.length > 1)).toHaveLength(6);
  });

  itWithData("loads the later-layout excerpt with its non-Latin names", ["uk-hmt/sample_hmt_excerpt.csv"], () => {
    const list = loadExcerpt(sharedSources("uk-hmt/sample_hmt_excerpt.csv"));
    expect(list.metadata.recordCount).toBe(6);
    expect(list.metadata.listDate).toBe("2020-04-27");
    const nonLatin = list.records.flatMap((r) => r.subject.names.filter((n) => n.originalScript).map((n) => `${n.script}:${n.value}`));
    expect(nonLatin).toEqual(["Arab:محسن حجتی", "Cyrl:Игорь Венедиктович ПЛОТНИЦКИЙ", "Arab:سعید حافظ محمد"]);
  });
});

describe("uk-ofsi-csv: corrupt inputs fail closed", () => {
  const text2018 = (): string => cp1252(bytesOf(FIXTURE_2018));

  it("refuses a header with a missing required column", () => {
    const text = text2018().replace(",Regime,Listed On,", ",Listed On,");
    const error = formatError(() => loadExcerpt(csvSource(encode1252(text))));
    expect(error.issues).toEqual([{ line: 2, field: "Regime", expected: "a required ConList column", received: "missing" }]);
  });

  it("refuses an unknown column", () => {
    const text = text2018().replace(",Group ID\n", ",Group ID,Sanctions Imposed\n");
    expect(formatError(() => loadExcerpt(csvSource(encode1252(text)))).issues[0]).toMatchObject({ field: "Sanctions Imposed", received: "an unknown column" });
  });

  it("refuses a row with a missing field", () => {
    const text = text2018().replace(",Entity,Prime Alias,Syria,23/07/2014,", ",Entity,Syria,23/07/2014,");
    expect(formatError(() => loadExcerpt(csvSource(encode1252(text)))).issues[0]).toMatchObject({ line: 40, field: "row", expected: "29 fields", received: "28 fields" });
  });

  it("refuses a bad Listed On date and a bad DOB", () => {
    const listed = text2018().replace("Syria,23/07/2014,24/07/2014,13030", "Syria,31/02/2014,24/07/2014,13030");
    expect(formatError(() => loadExcerpt(csvSource(encode1252(listed)))).issues).toEqual([
      { recordId: "13030", line: 40, field: "Listed On", expected: "DD/MM/YYYY", received: '"31/02/2014"' },
    ]);
    const dob = text2018().replace("15/07/1975", "1975-07-15");
    expect(formatError(() => loadExcerpt(csvSource(encode1252(dob)))).issues[0]).toMatchObject({ recordId: "7059", field: "DOB", received: '"1975-07-15"' });
  });

  it("refuses a file that is neither UTF-8 nor a ConList in Windows-1252 (UTF-16)", () => {
    const text = text2018();
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i) & 0xff;
    // The NUL bytes break the CSV syntax before the header is even read.
    expect(formatError(() => loadExcerpt(csvSource(utf16), { format: "uk-ofsi-csv" })).message).toMatch(/^uk-ofsi: file could not be parsed; ConList\.csv: expected well-formed CSV/);
  });

  it("refuses a Group ID whose rows disagree on Group Type (two subjects under one id)", () => {
    const text = text2018().replace("Entity,Prime Alias,Syria,23/07/2014,24/07/2014,13030", "Entity,Prime Alias,Syria,23/07/2014,24/07/2014,8906");
    const error = formatError(() => loadExcerpt(csvSource(encode1252(text))));
    expect(error.issues).toEqual([{ recordId: "8906", line: 40, field: "Group Type", expected: "one Group Type per Group ID", received: '"Entity / Individual"' }]);
  });

  it("refuses an unknown Alias Type", () => {
    const text = text2018().replace("Entity,Prime Alias,Syria,", "Entity,Main Name,Syria,");
    expect(formatError(() => loadExcerpt(csvSource(encode1252(text)))).issues[0]).toMatchObject({ recordId: "13030", field: "Alias Type", received: '"Main Name"' });
  });

  it("refuses a file cut at a row boundary but without its last line break", () => {
    const text = text2018().replace(/\n$/, "");
    expect(formatError(() => loadExcerpt(csvSource(encode1252(text)))).issues[0]).toMatchObject({ expected: "a line break after the last row" });
  });
});
