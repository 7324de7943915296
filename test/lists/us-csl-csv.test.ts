import { beforeAll, describe, expect, it } from "vitest";
import { InputError, ListFormatError, type ListSource, type LoadedList } from "../../src";
import {
  CSL_NON_TREASURY_CODES,
  CSL_SOURCES,
  createUsCslCsvLoader,
  cslSourceCode,
  filterCslSources,
  usCslCsvLoader,
} from "../../src/lists/us-csl-csv";
import { fixtureSources, sharedSources, describeWithData } from "../shared-data";
import { byId, formatError, loadExcerpt } from "./helpers";
import { runLoaderContract } from "./loader-contract";

const FIXTURE = "us-csl-csv/consolidated.small.csv";
const fixtureText = (): string => new TextDecoder().decode(fixtureSources(FIXTURE)[0]?.data as Uint8Array);
const textSource = (data: string): ListSource[] => [{ name: "consolidated.csv", data }];

runLoaderContract({
  loader: usCslCsvLoader,
  sources: () => fixtureSources(FIXTURE),
  // 29 rows: CAPTA 15268 appears twice (differs only in source_list_url) and is merged.
  expectedCount: 28,
  truncated: () => {
    const text = fixtureText();
    let cut = Math.floor(text.length * 0.6);
    while (text[cut] === "\n" || text[cut - 1] === "\n") cut += 7;
    return textSource(text.slice(0, cut));
  },
});

describe("us-csl-csv: fixture cut from the 2022 CSL", () => {
  let list: LoadedList;
  beforeAll(() => {
    list = loadExcerpt(fixtureSources(FIXTURE));
  });

  it("maps the seeds 15487 and 15486 (SDN rows, no start_date)", () => {
    const belv = byId(list, "SDN-15487");
    expect(belv.id).toBe("us-csl:SDN-15487");
    expect(belv.subject.type).toBe("organization");
    expect(belv.subject.names).toEqual([{ value: "BELVNESHPROMSERVICE", kind: "primary", originalScript: false }]);
    expect(belv.subject.addresses).toEqual([{ full: "2 Kazinets Street, Minsk, 220099, BY", country: "BY" }]);
    expect(belv.bases.map((b) => b.program)).toEqual(["NPWMD", "IFSR"]);
    for (const b of belv.bases) {
      expect(b.regime).toBe("US");
      expect(b.list).toBe("Specially Designated Nationals (SDN)");
      expect(b.listedOn).toBeUndefined();
    }
    expect(belv.remarks).toContain("Additional Sanctions Information - Subject to Secondary Sanctions");
    expect(belv.sourceUrl).toBe("http://bit.ly/1MLgpye");
    expect(cslSourceCode(belv)).toBe("SDN");

    const asb = byId(list, "SDN-15486");
    expect(asb.subject.names[0]?.value).toBe("ARMY SUPPLY BUREAU");
    expect(asb.bases.map((b) => b.program)).toEqual(["NPWMD", "SYRIA", "IFSR"]);
    expect(asb.subject.addresses[0]?.country).toBe("SY");
  });

  it("keeps one record per (source, _id): entity 18291 is on SDN, SSI and CAPTA", () => {
    const ids = list.records.filter((r) => r.sourceId.endsWith("-18291")).map((r) => r.sourceId);
    expect(ids.sort()).toEqual(["CAPTA-18291", "SDN-18291", "SSI-18291"]);
    const capta = byId(list, "CAPTA-18291");
    expect(capta.bases[0]?.list).toBe("Capta List (CAP)");
    expect(cslSourceCode(capta)).toBe("CAPTA");
  });

  it("merges the repeated CAPTA 15268 row and says so", () => {
    const bank = byId(list, "CAPTA-15268");
    expect(bank.remarks).toContain("source_list_url: http://bit.ly/1QWTIfE");
    expect(list.metadata.warnings.some((w) => /CAPTA-15268: repeats line \d+/.test(w))).toBe(true);
  });

  it("parses ids: country, expiry then issue date, number, type; statements go to remarks", () => {
    const person = byId(list, "SDN-17291");
    expect(person.subject.identifiers).toContainEqual({
      type: "passport",
      value: "K475336",
      label: "Passport",
      country: "JO",
      issued: "2009-08-31",
      expires: "2014-08-30",
    });
    expect(person.subject.identifiers).toContainEqual({ type: "national-id", value: "28940000602", label: "National ID No.", country: "QA" });
    const bank = byId(list, "SDN-18291");
    expect(bank.subject.identifiers).toContainEqual({ type: "swift-bic", value: "BELBBY2X", label: "SWIFT/BIC" });
    expect(bank.subject.identifiers).toContainEqual({ type: "tax-id", value: "7750004150", label: "Tax ID No.", country: "RU" });
    expect(bank.subject.established).toBe("1991-12-23");
    expect(bank.remarks).toContain("Target Type: Financial Institution");
    expect(bank.subject.identifiers.some((i) => /Secondary|Target|Directive/.test(i.label ?? ""))).toBe(false);
  });

  it("maps dates of birth with circa and ranges", () => {
    const circa = list.records.find((r) => r.subject.birthDates.some((d) => typeof d === "object" && d.circa === true));
    expect(circa).toBeDefined();
    const range = list.records.find((r) => r.subject.birthDates.some((d) => typeof d === "object" && d.from !== d.to));
    expect(range).toBeDefined();
  });

  it("never guesses a subject type: BIS and State rows without type are unknown", () => {
    for (const r of list.records) {
      const code = cslSourceCode(r);
      if (code === "EL" || code === "DPL" || code === "DTC" || code === "ISN" || code === "UVL" || code === "MEU") {
        expect(r.subject.type).toBe("unknown");
      }
    }
    expect(list.records.filter((r) => r.subject.type === "vessel")).toHaveLength(1);
    expect(list.records.filter((r) => r.subject.type === "aircraft")).toHaveLength(1);
  });

  it("reads start_date/end_date as stated dates and the licence fields of the Entity List", () => {
    const dpl = list.records.find((r) => cslSourceCode(r) === "DPL" && r.bases[0]?.endedOn?.date === "2056-06-29");
    expect(dpl?.bases[0]).toMatchObject({
      listedOn: { date: "2003-06-19", certainty: "stated", bound: "exact", source: "consolidated.small.csv start_date" },
      endedOn: { date: "2056-06-29", certainty: "stated", bound: "exact" },
      measures: ["denial of export privileges"],
      citation: "68 F.R. 38290 6/27/03 71 F.R. 38843 7/10/06 72 F.R. 4236 1/30/07",
    });
    const el = list.records.find((r) => cslSourceCode(r) === "EL" && r.bases[0]?.licenceRequirement && r.bases[0]?.listedOn);
    expect(el?.bases[0]?.licencePolicy).toBeTruthy();
    expect(el?.bases[0]?.citation).toBeTruthy();
  });

  it("gives ISN programmes as both programme and authority, one basis each", () => {
    const isn = list.records.find((r) => cslSourceCode(r) === "ISN");
    expect(isn?.bases.length).toBeGreaterThan(1);
    for (const b of isn?.bases ?? []) expect(b.authority).toBe(b.program);
  });

  it("keeps implausible start dates out of listedOn, with the raw text and a warning per row", () => {
    const vniief = list.records.filter((r) => r.bases.some((b) => b.note?.includes('start_date "0097-06-30"')));
    expect(vniief).toHaveLength(2);
    for (const r of vniief) expect(r.bases.every((b) => b.listedOn === undefined)).toBe(true);
    expect(list.metadata.warnings.filter((w) => /start_date "00(97|17)-\d\d-\d\d" is not a plausible date/.test(w))).toHaveLength(3);
  });

  it("refuses those rows with strictDates", () => {
    const strict = createUsCslCsvLoader({ strictDates: true });
    const parsed = strict.parse(fixtureSources(FIXTURE), { listId: "us-csl" });
    expect(parsed.issues.map((i) => i.received).sort()).toEqual(['"0017-05-26"', '"0097-06-30"', '"0097-06-30"']);
  });

  it("states that the file has no list date and reports the newest start_date", () => {
    expect(list.metadata.listDate).toBeUndefined();
    expect(list.metadata.listDateSource).toMatch(/no list-level date/);
    expect(list.metadata.warnings[0]).toMatch(/^newest start_date: 2022-04-21 /);
  });

  it("collapses the line break inside a published name", () => {
    expect(list.records.some((r) => r.subject.names[0]?.value === "Gaobeidian Kaituo Precise Instrument Co. Ltd")).toBe(true);
  });

  it("filters by source code and refuses unknown codes", () => {
    const nonTreasury = filterCslSources(list, CSL_NON_TREASURY_CODES);
    expect(new Set(nonTreasury.records.map(cslSourceCode))).toEqual(new Set(["EL", "DPL", "DTC", "UVL", "ISN", "MEU"]));
    expect(nonTreasury.metadata.recordCount).toBe(nonTreasury.records.length);
    expect(nonTreasury.metadata.countsByType.unknown).toBe(nonTreasury.records.length);
    expect(nonTreasury.metadata.warnings.at(-1)).toMatch(/^records limited to CSL sources EL, DTC, DPL, UVL, ISN, MEU: \d+ of 28 kept$/);
    expect(() => filterCslSources(list, ["XYZ" as never])).toThrow(InputError);
  });

  it("knows all 13 sources", () => {
    expect(CSL_SOURCES.map((s) => s.code)).toHaveLength(13);
    expect(new Set(list.records.map(cslSourceCode)).size).toBe(13);
  });
});

describe("us-csl-csv: fails closed on corrupt input", () => {
  const header = (): string => fixtureText().split("\n", 1)[0] ?? "";

  it("refuses a missing column", () => {
    const lines = fixtureText().split("\n");
    const without = (line: string): string => line.replace(/,source_information_url,ids$/, ",ids");
    const err = formatError(() => loadExcerpt(textSource([without(lines[0] ?? ""), ...lines.slice(1)].join("\n")), { format: "us-csl-csv" }));
    expect(err.issues).toContainEqual(expect.objectContaining({ field: "source_information_url", received: "missing" }));
  });

  it("refuses a renamed column", () => {
    const text = fixtureText().replace("start_date,end_date", "listing_date,end_date");
    const err = formatError(() => loadExcerpt(textSource(text), { format: "us-csl-csv" }));
    expect(err.issues.map((i) => i.field).sort()).toEqual(["listing_date", "start_date"]);
  });

  it("refuses a date that does not exist", () => {
    const text = fixtureText().replace(",2003-06-19,2056-06-29,", ",2003-02-30,2056-06-29,");
    const err = formatError(() => loadExcerpt(textSource(text)));
    expect(err.issues).toContainEqual(expect.objectContaining({ field: "start_date", received: '"2003-02-30"', line: 2 }));
  });

  it("refuses a duplicate (source, _id) whose rows differ", () => {
    const lines = fixtureText().split("\n");
    const seed = lines.find((l) => l.startsWith("15487,")) ?? "";
    const text = [...lines.slice(0, -1), seed.replace("BELVNESHPROMSERVICE", "BELVNESHPROMSERVIS"), ""].join("\n");
    const err = formatError(() => loadExcerpt(textSource(text)));
    expect(err.issues).toContainEqual(expect.objectContaining({ recordId: "SDN-15487", field: "_id" }));
  });

  it("refuses an unknown source and an unknown subject type", () => {
    const text = fixtureText()
      .replace("15487,Specially Designated Nationals (SDN) - Treasury Department", "15487,Some New List (SNL) - Treasury Department")
      .replace("15486,Specially Designated Nationals (SDN) - Treasury Department,15486,Entity,", "15486,Specially Designated Nationals (SDN) - Treasury Department,15486,Company,");
    const err = formatError(() => loadExcerpt(textSource(text)));
    expect(err.issues.map((i) => i.field).sort()).toEqual(["source", "type"]);
  });

  it("refuses a file cut inside a quoted field", () => {
    const text = fixtureText();
    const quote = text.indexOf('"', text.length / 2);
    expect(() => loadExcerpt(textSource(text.slice(0, quote + 5)), { format: "us-csl-csv" })).toThrow(ListFormatError);
  });

  it("refuses a header-only file as empty", () => {
    expect(() => loadExcerpt(textSource(`${header()}\n`))).toThrow(/list is empty/);
  });
});

describeWithData("us-csl-csv: the real 2022 file", ["us-csl/consolidated.csv"], () => {
  let list: LoadedList;
  beforeAll(() => {
    list = loadExcerpt(sharedSources("us-csl/consolidated.csv"));
  });

  it("loads 14,160 rows as 14,159 records (CAPTA 15268 repeated)", () => {
    expect(list.metadata.recordCount).toBe(14_159);
    expect(list.metadata.format).toBe("us-csl-csv");
    expect(list.metadata.warnings.filter((w) => /repeats line/.test(w))).toHaveLength(1);
  });

  it("has the published count per source", () => {
    const counts: Record<string, number> = {};
    for (const r of list.records) {
      const code = cslSourceCode(r) ?? "?";
      counts[code] = (counts[code] ?? 0) + 1;
    }
    expect(counts).toEqual({
      SDN: 10_026,
      EL: 2_001,
      DTC: 727,
      DPL: 462,
      SSI: 290,
      UVL: 201,
      ISN: 163,
      PLC: 78,
      MEU: 71,
      CMIC: 68,
      // 53 rows, one of them the repeated 15268.
      CAPTA: 52,
      "NS-MBS": 17,
      FSE: 3,
    });
  });

  it("counts subject types as published (3,625 rows without type)", () => {
    expect(list.metadata.countsByType).toEqual({ person: 5_286, organization: 4_532, vessel: 433, aircraft: 283, unknown: 3_625 });
  });

  it("splits the names that carry others (a.k.a., f.k.a.) into names of their own, the string as published kept in remarks", () => {
    const marker = /(^|[\s,([])[af]\.\s?k\.\s?a\./i;
    expect(list.records.flatMap((r) => r.subject.names).filter((n) => marker.test(n.value))).toEqual([]);
    const split = list.records.filter((r) => r.remarks.some((x) => x.startsWith("Name as published: ")));
    expect(split).toHaveLength(27);
    const promgaz = split.find((r) => r.subject.names[0]?.value === "Gazprom Promgaz, AO");
    expect(promgaz?.subject.names.slice(0, 2)).toEqual([
      { value: "Gazprom Promgaz, AO", kind: "primary", originalScript: false },
      { value: "Otkrytoe Aktsionernoe Obshchestvo Gazprom Promgaz", kind: "former", originalScript: false },
    ]);
    expect(promgaz?.remarks).toContain("Name as published: Gazprom Promgaz, AO (f.k.a. Otkrytoe Aktsionernoe Obshchestvo Gazprom Promgaz)");
    const precision = split.find((r) => r.subject.names[0]?.value === "Precision Image Corporation");
    expect(precision?.subject.names.map((n) => n.value)).toEqual(["Precision Image Corporation", "Precision Industries, Inc.", "CK Enterprises, Inc."]);
    // "YK-AKA" (an SDN row) carries no marker.
    expect(list.records.some((r) => r.subject.names[0]?.value === "YK-AKA")).toBe(true);
  });

  it("holds both seeds with their programmes", () => {
    expect(byId(list, "SDN-15487").bases.map((b) => b.program)).toEqual(["NPWMD", "IFSR"]);
    expect(byId(list, "SDN-15486").bases.map((b) => b.program)).toEqual(["NPWMD", "SYRIA", "IFSR"]);
  });

  it("has start dates only where the publisher fills them", () => {
    const dated = (code: string): number =>
      list.records.filter((r) => cslSourceCode(r) === code && r.bases[0]?.listedOn !== undefined).length;
    // Entity List 1,827 of 2,001 filled, minus the 3 implausible dates kept out of listedOn.
    expect(dated("EL")).toBe(1_824);
    expect(dated("DPL")).toBe(462);
    expect(dated("MEU")).toBe(71);
    expect(dated("ISN")).toBe(163);
    expect(dated("SDN")).toBe(0);
    expect(list.records.filter((r) => r.bases[0]?.endedOn !== undefined)).toHaveLength(417);
    expect(list.metadata.warnings[0]).toMatch(/^newest start_date: 2022-04-21 /);
  });
});
