import { beforeAll, describe, expect, it } from "vitest";
import { type DesignationRecord, type ListSource, type LoadedList } from "../../src";
import { bisDplTxtLoader, createBisDplTxtLoader, dplRecordId } from "../../src/lists/bis-dpl-txt";
import { fixtureSources, sharedSources, describeWithData } from "../shared-data";
import { formatError, loadExcerpt } from "./helpers";
import { runLoaderContract } from "./loader-contract";

const FIXTURE = "bis-dpl-txt/dpl.small.txt";
const fixtureText = (): string => new TextDecoder().decode(fixtureSources(FIXTURE)[0]?.data as Uint8Array);
const textSource = (data: string): ListSource[] => [{ name: "dpl.txt", data }];
const named = (list: LoadedList, name: string): DesignationRecord[] =>
  list.records.filter((r) => r.subject.names[0]?.value === name);

runLoaderContract({
  loader: bisDplTxtLoader,
  sources: () => fixtureSources(FIXTURE),
  // 17 rows: I. ASH, ABDULAMIR MAHDI, AIR FREIGHT LTD ×3, AL-NASER AIRLINES, ALI M HIJAZI ×3,
  // DAQING ZHOU ×2 (identical), KNOKKE-HEIST … ×2, MANSOUR ZADEH ×4 → 8 denials.
  expectedCount: 8,
  truncated: () => {
    const text = fixtureText();
    // Cut inside a quoted field, half-way through the file.
    const quote = text.indexOf('"', Math.floor(text.length / 2));
    return textSource(text.slice(0, quote + 4));
  },
});

describe("bis-dpl-txt: fixture cut from the 2022 dpl.txt", () => {
  let list: LoadedList;
  beforeAll(() => {
    list = loadExcerpt(fixtureSources(FIXTURE));
  });

  it("groups the rows of one denial order (same name, effective date, citation) into one record", () => {
    const [zadeh, ...others] = named(list, "MANSOUR ZADEH");
    expect(others).toHaveLength(0);
    expect(zadeh?.subject.addresses).toHaveLength(4);
    expect(zadeh?.subject.type).toBe("unknown");
    expect(zadeh?.sourceId).toBe(dplRecordId("MANSOUR ZADEH", "08/10/2017", "82 F.R. 39105 8/17/2017"));
    expect(zadeh?.sourceId).toBe("d586105b35393e02");
    expect(named(list, "AIR FREIGHT LTD")[0]?.subject.addresses.map((a) => a.country)).toEqual(["IQ", "IQ", "AE"]);
  });

  it("derives ids from the normalised name, date and citation only", () => {
    expect(dplRecordId(" I.  ash ", "06/19/2003", "68 F.R. 38290  6/27/03")).toBe(dplRecordId("I. ASH", "06/19/2003", "68 F.R.38290 6/27/03"));
    expect(dplRecordId("I. ASH", "06/19/2003", "x")).not.toBe(dplRecordId("I. ASH", "06/20/2003", "x"));
  });

  it("maps Effective_Date and Expiration_Date to stated listedOn/endedOn, with the order's fields", () => {
    const [ash] = named(list, "I. ASH");
    expect(ash?.bases).toEqual([
      {
        regime: "US",
        list: "Denied Persons List",
        listedOn: { date: "2003-06-19", certainty: "stated", bound: "exact", source: "dpl.small.txt Effective_Date" },
        endedOn: { date: "2056-06-29", certainty: "stated", bound: "exact", source: "dpl.small.txt Expiration_Date" },
        measures: ["denial of export privileges"],
        citation: "68 F.R. 38290 6/27/03 71 F.R. 38843 7/10/06 72 F.R. 4236 1/30/07",
        note: "Standard_Order Y; Action: FEDERAL REGISTER NOTICE UPDATED",
        confirmed: true,
      },
    ]);
    expect(ash?.subject.addresses[0]).toMatchObject({ city: "SEAGOVILLE", region: "TX", postalCode: "75159", country: "US", note: "Last_Update 2007-01-31" });
    expect(named(list, "ABDULAMIR MAHDI")[0]?.bases[0]?.note).toMatch(/^Standard_Order N\b/);
  });

  it("leaves endedOn out when there is no Expiration_Date", () => {
    const [hijazi] = named(list, "ALI M HIJAZI");
    expect(hijazi?.bases[0]?.listedOn?.date).toBe("1981-09-01");
    expect(hijazi?.bases[0]?.endedOn).toBeUndefined();
    expect(hijazi?.subject.addresses).toHaveLength(3);
  });

  it("keeps identical rows once and says so", () => {
    expect(named(list, "DAQING ZHOU")[0]?.subject.addresses).toHaveLength(1);
    expect(list.metadata.warnings.filter((w) => /identical to line/.test(w))).toHaveLength(1);
  });

  it("keeps implausible Last_Update values as text, out of the list date, with a warning naming the row", () => {
    // The fixture's newest plausible Last_Update (the real file's is 2022-09-02).
    expect(list.metadata.listDate).toBe("2022-09-01");
    expect(list.metadata.listDateSource).toBe("newest Last_Update");
    const warned = list.metadata.warnings.filter((w) => /Last_Update "(0222-05-18|2922-09-01|3017-08-22)" is not a plausible date/.test(w));
    expect(warned).toHaveLength(3);
    const knokke = named(list, "KNOKKE-HEIST SUPPORT CORPORATION MANAGEMENT")[0];
    expect(knokke?.subject.addresses.map((a) => a.note)).toEqual([
      'Last_Update "2922-09-01" as published (not a plausible date)',
      "Last_Update 2022-09-01",
    ]);
  });

  it("refuses those rows with strictDates", () => {
    const parsed = createBisDplTxtLoader({ strictDates: true }).parse(fixtureSources(FIXTURE), { listId: "bis-dpl" });
    expect(parsed.issues.map((i) => `${i.line} ${i.field} ${i.received}`)).toEqual([
      '7 Last_Update "0222-05-18"',
      '13 Last_Update "2922-09-01"',
      '18 Last_Update "3017-08-22"',
    ]);
  });

  it("never lets an implausible effective or expiry date clear or start a denial", () => {
    // Synthetic: the I. ASH order re-dated into impossible years.
    const text = fixtureText().replace('"06/19/2003"\t"06/29/2056"', '"06/19/0203"\t"06/29/0222"');
    const loaded = loadExcerpt(textSource(text));
    const [ash] = named(loaded, "I. ASH");
    expect(ash?.bases[0]?.listedOn).toBeUndefined();
    expect(ash?.bases[0]?.endedOn).toBeUndefined();
    expect(ash?.bases[0]?.note).toContain('Expiration_Date "06/29/0222" as published: not a plausible date, not used');
    expect(loaded.metadata.warnings.filter((w) => /^line 2 .*(Effective|Expiration)_Date/.test(w))).toHaveLength(2);
    const strict = createBisDplTxtLoader({ strictDates: true }).parse(textSource(text), { listId: "bis-dpl" });
    expect(strict.issues.filter((i) => i.line === 2).map((i) => i.field)).toEqual(["Effective_Date", "Expiration_Date"]);
  });
});

describe("bis-dpl-txt: fails closed on corrupt input", () => {
  it("refuses a missing column", () => {
    const lines = fixtureText().split("\n");
    const drop = (line: string): string => line.split("\t").filter((_, i) => i !== 11).join("\t");
    const err = formatError(() => loadExcerpt(textSource(lines.map((l) => (l === "" ? l : drop(l))).join("\n")), { format: "bis-dpl-txt" }));
    expect(err.issues).toEqual([expect.objectContaining({ field: "FR_Citation", received: "missing", line: 1 })]);
  });

  it("refuses a malformed date and a day that does not exist", () => {
    const text = fixtureText().replace('"06/19/2003"', '"2003-06-19"').replace('"08/10/2017"\t"12/14/2026"', '"08/10/2017"\t"02/30/2026"');
    const err = formatError(() => loadExcerpt(textSource(text)));
    expect(err.issues).toContainEqual(expect.objectContaining({ field: "Effective_Date", received: '"2003-06-19"', line: 2 }));
    expect(err.issues).toContainEqual(expect.objectContaining({ field: "Expiration_Date", received: '"02/30/2026"' }));
  });

  it("refuses a row with a field missing", () => {
    const lines = fixtureText().split("\n");
    lines[3] = (lines[3] ?? "").split("\t").slice(0, 9).join("\t");
    const err = formatError(() => loadExcerpt(textSource(lines.join("\n"))));
    expect(err.issues).toEqual([expect.objectContaining({ expected: "12 fields", received: "9 fields", line: 4 })]);
  });

  it("groups rows with the same derived id instead of refusing them as duplicates", () => {
    // The DPL has no id column: rows of the same order share an id by construction.
    const lines = fixtureText().split("\n");
    const text = [...lines.slice(0, 2), lines[1]?.replace('"SEAGOVILLE"', '"DALLAS"') ?? "", ...lines.slice(2)].join("\n");
    const [ash] = named(loadExcerpt(textSource(text)), "I. ASH");
    expect(ash?.subject.addresses.map((a) => a.city)).toEqual(["SEAGOVILLE", "DALLAS"]);
  });
});

describeWithData("bis-dpl-txt: the real 2022 file", ["us-csl/dpl.txt"], () => {
  let list: LoadedList;
  beforeAll(() => {
    list = loadExcerpt(sharedSources("us-csl/dpl.txt"));
  });

  it('reads "PEARL (A.K.A. NEI-CHIEN CHU) LI" as the name PEARL LI with its alias', () => {
    const [pearl] = named(list, "PEARL LI");
    expect(pearl?.subject.names).toEqual([
      { value: "PEARL LI", kind: "primary", originalScript: false },
      { value: "NEI-CHIEN CHU", kind: "alias", originalScript: false },
    ]);
    expect(pearl?.remarks).toContain("Name as published: PEARL (A.K.A. NEI-CHIEN CHU) LI");
  });

  it("loads 581 rows as 483 denial records", () => {
    expect(list.metadata.recordCount).toBe(483);
    expect(list.records.reduce((n, r) => n + r.subject.addresses.length, 0)).toBe(579);
    expect(list.metadata.countsByType.unknown).toBe(483);
    expect(list.metadata.warnings.filter((w) => /identical to line/.test(w))).toHaveLength(2);
  });

  it("dates the list by the newest plausible Last_Update and names the three malformed rows", () => {
    expect(list.metadata.listDate).toBe("2022-09-02");
    expect(list.metadata.warnings.filter((w) => /Last_Update .* not a plausible date/.test(w)).map((w) => w.split(" ")[1])).toEqual(["35", "306", "343"]);
  });

  it("gives every record a stated listing date and most an expiry", () => {
    expect(list.records.every((r) => r.bases.every((b) => b.listedOn?.certainty === "stated"))).toBe(true);
    expect(list.records.filter((r) => r.bases.some((b) => b.endedOn === undefined)).length).toBeGreaterThan(0);
    expect(list.records.filter((r) => r.bases.some((b) => b.endedOn?.date === "2056-06-29")).length).toBeGreaterThan(0);
  });
});
