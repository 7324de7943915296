import { beforeAll, describe, expect, it } from "vitest";
import { detectListFormat, type ListSource, type LoadedList } from "../../src";
import { ofacCsvLoader } from "../../src/lists/ofac-csv";
import { fixtureSources, sharedSources, describeWithData } from "../shared-data";
import { byId, formatError, loadExcerpt } from "./helpers";
import { runLoaderContract } from "./loader-contract";

const FIXTURE = ["ofac-csv/sdn.csv", "ofac-csv/alt.csv", "ofac-csv/add.csv", "ofac-csv/sdn_comments.csv"];
const SDN_2023 = ["sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"].map((f) => `ofac-sdn/2023-12-28/${f}`);
const CONS = ["cons_prim.csv", "cons_alt.csv", "cons_add.csv", "cons_comments.csv"].map((f) => `ofac-cons/${f}`);

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** The fixture set with one file's text changed. */
function edited(file: string, edit: (text: string) => string): ListSource[] {
  return fixtureSources(...FIXTURE).map((s) =>
    s.name.endsWith(`/${file}`) ? { name: s.name, data: encoder.encode(edit(decoder.decode(s.data as Uint8Array))) } : s,
  );
}

const record = byId;

runLoaderContract({
  loader: ofacCsvLoader,
  sources: () => fixtureSources(...FIXTURE),
  expectedCount: 38,
  // Cut sdn.csv inside the quoted Remarks of a row in the middle of the file.
  truncated: () =>
    edited("sdn.csv", (text) => {
      const at = text.indexOf('"DOB 30 Aug 1954');
      return text.slice(0, at + 10);
    }),
});

describe("ofac-csv: fixture", () => {
  let list: LoadedList;
  beforeAll(() => {
    list = loadExcerpt(fixtureSources(...FIXTURE));
  });

  it("says the legacy CSV has no list date", () => {
    expect(list.metadata.listId).toBe("ofac-sdn");
    expect(list.metadata.listDate).toBeUndefined();
    expect(list.metadata.listDateSource).toMatch(/not in the legacy CSV format/);
    expect(list.metadata.sourceFiles).toEqual(FIXTURE);
  });

  it("detects by file name and content shape only", () => {
    expect(detectListFormat(fixtureSources(...FIXTURE))).toBe("ofac-csv");
    expect(ofacCsvLoader.detect(fixtureSources("ofac-csv/alt.csv"))).toBe(false);
    // The right name with the wrong shape (alt.csv's five fields) is not an OFAC main file.
    const alt = fixtureSources("ofac-csv/alt.csv")[0] as ListSource;
    expect(ofacCsvLoader.detect([{ name: "sdn.csv", data: alt.data }])).toBe(false);
    const sdn = fixtureSources("ofac-csv/sdn.csv")[0] as ListSource;
    expect(ofacCsvLoader.detect([{ name: "consolidated.csv", data: sdn.data }])).toBe(false);
    // Dated copies, as the history scrapers store them, are main files too.
    expect(ofacCsvLoader.detect([{ name: "history/snapshots/sdn-2024-05-03.csv", data: sdn.data }])).toBe(true);
  });

  it("joins overflow remarks from sdn_comments.csv without a separator", () => {
    const sber = record(list, "17018");
    expect(sber.remarks[0]).toContain("Listing Date (EO 14024 Directive 3): 24 Feb 2022");
    expect(sber.remarks[0]).toMatch(/Registration Number 1027700132195 \(Russia\)/);
    expect(sber.subject.identifiers).toContainEqual({ type: "tax-id", value: "7707083893", label: "Tax ID No.", country: "RU" });
    const russia = sber.bases.find((b) => b.program === "RUSSIA-EO14024");
    expect(russia?.listedOn).toMatchObject({ date: "2022-02-24", certainty: "stated", bound: "exact" });
    expect(russia?.note).toContain("Effective Date (EO 14024 Directive 2): 26 Mar 2022");
  });

  it("warns about a 1,000-character remark with no overflow row", () => {
    expect(list.metadata.warnings.some((w) => w.includes("ent_num 45430"))).toBe(true);
    expect(list.metadata.warnings.some((w) => w.includes("not supplied"))).toBe(false);
  });

  it("maps vessels and aircraft", () => {
    const dino = record(list, "15904");
    expect(dino.subject.type).toBe("vessel");
    expect(dino.subject.vessel).toEqual({ callSign: "5IM411", vesselType: "Crude Oil Tanker", flag: "Iran", owner: "NITC" });
    expect(dino.subject.identifiers).toEqual(
      expect.arrayContaining([
        { type: "call-sign", value: "5IM411", label: "Call_Sign" },
        { type: "imo", value: "9569671", label: "Vessel Registration Identification" },
      ]),
    );
    const plane = record(list, "18150");
    expect(plane.subject.type).toBe("aircraft");
    expect(plane.subject.identifiers).toEqual(
      expect.arrayContaining([
        { type: "aircraft-serial", value: "391", label: "Aircraft Manufacturer's Serial Number (MSN)" },
        { type: "aircraft-tail", value: "EP-MMH", label: "Aircraft Tail Number" },
      ]),
    );
  });

  it("reads DOB ranges, circa and month dates, titles and alt.csv kinds", () => {
    expect(record(list, "7782").subject.birthDates).toEqual([{ from: "1951", to: "1951", circa: true }]);
    expect(record(list, "6862").subject.birthDates).toEqual(["1938-09"]);
    const naqdi = record(list, "12057");
    expect(naqdi.subject.birthDates).toEqual([{ from: "1951", to: "1953" }, { from: "1960", to: "1962" }, "1961-04", "1953"]);
    expect(naqdi.subject.titles[0]).toMatch(/^Brigadier General/);
    expect(naqdi.bases.map((b) => b.program)).toEqual(["SDGT", "NPWMD", "IRGC", "IFSR", "IRAN-HR", "IRAN-EO13876"]);
    expect(naqdi.bases.find((b) => b.program === "IRGC")?.authority).toBeUndefined();
    const aero = record(list, "8244");
    expect(aero.subject.names.filter((n) => n.kind === "alias").map((n) => n.value)).toContain("NUEVO CONTINENTE S.A.");
  });

  it("maps add.csv countries, keeping OFAC's wording", () => {
    expect(record(list, "9647").subject.addresses).toEqual([{ full: "Region: Gaza", country: "PS", countryName: "Region: Gaza" }]);
    expect(record(list, "2691").subject.addresses).toEqual([{ full: "Gaza Strip, undetermined", city: "Gaza Strip", countryName: "undetermined" }]);
  });
});

describe("ofac-csv: corrupt input fails closed", () => {
  it("a file cut inside a quoted field", () => {
    const err = formatError(() => loadExcerpt(edited("sdn.csv", (t) => t.slice(0, t.indexOf('"DOB 30 Aug 1954') + 10))));
    // The missing end-of-file byte is the first sign (issue 9); with it put back, the open quote is.
    expect(err.issues[0]).toMatchObject({ field: "sdn.csv", expected: "the end-of-file byte 0x1A that ends every OFAC CSV file" });
    expect(err.message).toMatch(/sdn\.csv is incomplete/);
    const quoted = formatError(() => loadExcerpt(edited("sdn.csv", (t) => `${t.slice(0, t.indexOf('"DOB 30 Aug 1954') + 10)}\r\n\u001a`)));
    expect(quoted.issues[0]).toMatchObject({ field: "sdn.csv", expected: "well-formed CSV (closed quotes)" });
  });

  it("a row with a missing column names the file and line", () => {
    const err = formatError(() =>
      loadExcerpt(edited("sdn.csv", (t) => t.replace('15487,"BELVNESHPROMSERVICE",-0- ,"NPWMD] [IFSR",-0- ,', '15487,"BELVNESHPROMSERVICE",-0- ,"NPWMD] [IFSR",'))),
    );
    const lines = decoder.decode(fixtureSources("ofac-csv/sdn.csv")[0]?.data as Uint8Array).split("\r\n");
    const line = lines.findIndex((l) => l.startsWith("15487,")) + 1;
    expect(err.issues).toEqual([{ recordId: "15487", field: "sdn.csv", expected: expect.stringContaining("12 fields"), received: "11 fields", line }]);
    expect(err.message).toContain(`line ${line} 15487 sdn.csv`);
  });

  it("an alt.csv row whose ent_num is not in sdn.csv", () => {
    const err = formatError(() => loadExcerpt(edited("alt.csv", (t) => t.replace(/\u001a$/, '99999999,1,"aka","GHOST TRADING",-0- \r\n\u001a'))));
    expect(err.issues).toEqual([
      expect.objectContaining({ recordId: "99999999", field: "alt.csv ent_num", expected: "an ent_num of sdn.csv", line: 168 }),
    ]);
  });

  it("an add.csv or sdn_comments.csv row whose ent_num is not in sdn.csv", () => {
    const add = formatError(() => loadExcerpt(edited("add.csv", (t) => t.replace(/^/, '424242,1,"1 Main St","Minsk","Belarus",-0- \r\n'))));
    expect(add.issues[0]).toMatchObject({ recordId: "424242", field: "add.csv ent_num", line: 1 });
    const comments = formatError(() => loadExcerpt(edited("sdn_comments.csv", (t) => t.replace(/\u001a$/, '424242,"more text"\n\u001a'))));
    expect(comments.issues[0]).toMatchObject({ recordId: "424242", field: "sdn_comments.csv ent_num" });
  });

  it("a duplicate ent_num", () => {
    const err = formatError(() =>
      loadExcerpt(
        edited("sdn.csv", (t) => {
          const row = t.split("\r\n").find((l) => l.startsWith("15487,")) as string;
          return t.replace(/\u001a$/, `${row}\r\n\u001a`);
        }),
      ),
    );
    expect(err.issues).toEqual([expect.objectContaining({ recordId: "15487", field: "sdn.csv ent_num", expected: "a unique ent_num", line: 39 })]);
  });

  it("an unknown SDN_Type, and files that are not one set", () => {
    const type = formatError(() => loadExcerpt(edited("sdn.csv", (t) => t.replace('15486,"ARMY SUPPLY BUREAU",-0- ,', '15486,"ARMY SUPPLY BUREAU","submarine",'))));
    expect(type.issues[0]).toMatchObject({ recordId: "15486", field: "sdn.csv SDN_Type", received: '"submarine"' });
    const extra = formatError(() => loadExcerpt([...fixtureSources(...FIXTURE), { name: "notes.csv", data: "x" }], { format: "ofac-csv" }));
    expect(extra.issues[0]).toMatchObject({ field: "notes.csv" });
    const mixed = formatError(() => loadExcerpt([...fixtureSources(...FIXTURE), { name: "cons_alt.csv", data: "" }], { format: "ofac-csv" }));
    expect(mixed.issues[0]).toMatchObject({ field: "cons_alt.csv", received: "a file of the other set" });
  });
});

describeWithData("ofac-csv: real SDN set of 2023-12-28", SDN_2023, () => {
  let list: LoadedList;
  beforeAll(() => {
    list = loadExcerpt(sharedSources(...SDN_2023));
  });

  it("loads 13,821 records with OFAC's type counts", () => {
    expect(list.metadata.recordCount).toBe(13821);
    expect(list.metadata.countsByType).toMatchObject({ person: 6646, organization: 6033, vessel: 764, aircraft: 378 });
    expect(list.metadata.listDate).toBeUndefined();
    expect(list.metadata.listDateSource).toMatch(/not in the legacy CSV format/);
  });

  it("15487 BELVNESHPROMSERVICE: NPWMD and IFSR, address in Minsk", () => {
    const r = record(list, "15487");
    expect(r.id).toBe("ofac-sdn:15487");
    expect(r.subject.type).toBe("organization");
    expect(r.subject.names).toEqual([{ value: "BELVNESHPROMSERVICE", kind: "primary", originalScript: false }]);
    expect(r.bases.map((b) => [b.program, b.authority, b.list])).toEqual([
      ["NPWMD", "E.O. 13382", "SDN List"],
      ["IFSR", "Iranian Financial Sanctions Regulations, 31 CFR 561", "SDN List"],
    ]);
    expect(r.bases.every((b) => b.regime === "US" && b.listedOn === undefined)).toBe(true);
    expect(r.subject.addresses).toEqual([
      { full: "2 Kazinets Street, Minsk 220099, Belarus", street: "2 Kazinets Street", city: "Minsk 220099", country: "BY", countryName: "Belarus" },
    ]);
    expect(r.remarks).toEqual(["Additional Sanctions Information - Subject to Secondary Sanctions."]);
  });

  it("15486 ARMY SUPPLY BUREAU: SYRIA, NPWMD, IFSR; P.O. Box in Damascus", () => {
    const r = record(list, "15486");
    expect(r.bases.map((b) => b.program)).toEqual(["SYRIA", "NPWMD", "IFSR"]);
    expect(r.bases[0]?.authority).toBe("E.O. 13338; E.O. 13572; E.O. 13573; E.O. 13582");
    expect(r.subject.addresses).toEqual([{ full: "P.O. Box 3361, Damascus, Syria", street: "P.O. Box 3361", city: "Damascus", country: "SY", countryName: "Syria" }]);
  });

  it("41318 MAZ: six aliases, the weak alias OJSC MAZ, tax id and gazette number", () => {
    const r = record(list, "41318");
    expect(r.subject.names.filter((n) => n.kind === "alias")).toHaveLength(6);
    expect(r.subject.names.filter((n) => n.kind === "weak-alias")).toEqual([{ value: "OJSC MAZ", kind: "weak-alias", originalScript: false }]);
    expect(r.subject.identifiers).toEqual([
      { type: "tax-id", value: "100320487", label: "Tax ID No.", country: "BY" },
      { type: "registration", value: "05808729", label: "Government Gazette Number", country: "BY" },
    ]);
    expect(r.bases).toEqual([expect.objectContaining({ program: "BELARUS-EO14038", authority: "E.O. 14038", list: "SDN List" })]);
  });

  it("9760 LUKASHENKA: DOB 1954-08-30 and alt DOB, place of birth, nationality, gender", () => {
    const r = record(list, "9760");
    expect(r.subject.birthDates).toEqual(["1954-08-30", "1954-08-31"]);
    expect(r.subject.birthPlaces).toEqual([{ place: "Kopys, Vitebsk oblast, Belarus", country: "BY" }]);
    expect(r.subject.nationalities).toEqual(["BY"]);
    expect(r.subject.gender).toBe("male");
    expect(r.subject.names[0]?.parts).toEqual({ family: ["LUKASHENKA"], given: ["Alyaksandr Ryhorovich"] });
    expect(r.subject.names.filter((n) => n.kind === "alias")).toHaveLength(5);
    expect(r.bases[0]).toMatchObject({ program: "BELARUS", authority: "E.O. 13405" });
  });

  it("12555 JAFARI: a passport with issuing country and dates", () => {
    expect(record(list, "12555").subject.identifiers).toEqual([
      { type: "passport", value: "L8081303", label: "Passport", country: "IR", issued: "2006-03-14", expires: "2011-03-14" },
    ]);
  });

  it("maps most remark fragments and says which it left as text", () => {
    const coverage = list.metadata.warnings.find((w) => w.startsWith("Remarks:")) ?? "";
    const m = /Remarks: (\d+) of (\d+) fragments mapped/.exec(coverage);
    expect(m).not.toBeNull();
    const [mapped, total] = [Number(m?.[1]), Number(m?.[2])];
    expect(mapped / total).toBeGreaterThan(0.7);
    expect(coverage).toContain("Linked To");
  });
});

describeWithData("ofac-csv: real sdn.csv of 2024-05-03 alone", ["ofac-sdn/2024-05-03/sdn.csv"], () => {
  let list: LoadedList;
  beforeAll(() => {
    list = loadExcerpt(sharedSources("ofac-sdn/2024-05-03/sdn.csv"));
  });

  it("loads 14,965 records and warns that aliases, addresses and overflow remarks are missing", () => {
    expect(list.metadata.recordCount).toBe(14965);
    expect(list.metadata.countsByType).toMatchObject({ person: 6854, organization: 6884, vessel: 851, aircraft: 376 });
    expect(list.metadata.warnings[0]).toMatch(/alt\.csv, add\.csv, sdn_comments\.csv not supplied: aliases, addresses, overflow remarks/);
    // Without sdn_comments.csv every 1,000-character remark is flagged as cut.
    expect(list.metadata.warnings.some((w) => /^18 remarks are 1000 characters long/.test(w))).toBe(true);
    expect(record(list, "41318").subject.names.map((n) => n.kind)).toEqual(["primary", "weak-alias"]);
  });
});

describeWithData("ofac-csv: real non-SDN cons_*.csv set", CONS, () => {
  let list: LoadedList;
  beforeAll(() => {
    list = loadExcerpt(sharedSources(...CONS));
  });

  it("loads 442 records as ofac-cons with non-SDN sub-lists", () => {
    expect(list.metadata.listId).toBe("ofac-cons");
    expect(list.metadata.recordCount).toBe(442);
    expect(list.records.every((r) => r.id.startsWith("ofac-cons:"))).toBe(true);
    const sber = record(list, "17018");
    expect(sber.bases.map((b) => [b.program, b.list])).toEqual([
      ["UKRAINE-EO13662", "Sectoral Sanctions Identifications List"],
      ["RUSSIA-EO14024", "Consolidated List"],
    ]);
    expect(sber.bases[1]?.note).toMatch(/sub-list of the Consolidated List not stated/);
  });

  it("lets the caller choose the list id", () => {
    const again = loadExcerpt(sharedSources(...CONS), { listId: "ofac-cons-2025-12" });
    expect(again.records[0]?.list).toBe("ofac-cons-2025-12");
    expect(again.metadata.listId).toBe("ofac-cons-2025-12");
  });
});
