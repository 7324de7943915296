import { beforeAll, describe, expect, it } from "vitest";
import { type DesignationRecord, type ListSource, type LoadedList } from "../../src";
import { unXmlLoader } from "../../src/lists/un-xml";
import { fixtureSources, sharedSources, describeWithData } from "../shared-data";
import { byId, formatError, loadExcerpt } from "./helpers";
import { runLoaderContract } from "./loader-contract";

const FIXTURE = "un-xml/consolidated.small.xml";
const REAL = "un-consolidated/consolidated.xml";
const fixtureText = (): string => new TextDecoder().decode(fixtureSources(FIXTURE)[0]?.data as Uint8Array);
const xmlSource = (data: string | Uint8Array, name = "consolidated.xml"): ListSource[] => [{ name, data }];
const names = (r: DesignationRecord, kind?: string): string[] => r.subject.names.filter((n) => kind === undefined || n.kind === kind).map((n) => n.value);

runLoaderContract({
  loader: unXmlLoader,
  sources: () => fixtureSources(FIXTURE),
  // 17 INDIVIDUAL + 6 ENTITY elements copied verbatim (see test/fixtures/un-xml/README.md).
  expectedCount: 23,
  truncated: () => {
    const text = fixtureText();
    return xmlSource(text.slice(0, Math.floor(text.length * 0.6)));
  },
});

describe("un-xml: fixture cut from the 2026-02-27 file", () => {
  let list: LoadedList;
  beforeAll(() => {
    list = loadExcerpt(fixtureSources(FIXTURE));
  });

  it("uses REFERENCE_NUMBER as the record id and reads the list date from dateGenerated", () => {
    expect(byId(list, "CDi.001").id).toBe("un-sc:CDi.001");
    expect(list.metadata.listDate).toBe("2026-02-27T00:00:09.554Z");
    expect(list.metadata.listDateSource).toBe("CONSOLIDATED_LIST@dateGenerated");
    expect(list.metadata.publisher).toBe("United Nations Security Council");
    expect(list.metadata.countsByType).toMatchObject({ person: 17, organization: 6 });
  });

  it("joins FIRST…FOURTH_NAME into the primary name with its parts", () => {
    const badege = byId(list, "CDi.001");
    expect(badege.subject.names[0]).toEqual({ value: "ERIC BADEGE", kind: "primary", originalScript: false, parts: { given: ["ERIC"], family: ["BADEGE"] } });
    expect(badege.subject.gender).toBe("male");
    expect(badege.subject.nationalities).toEqual(["CD"]);
    expect(badege.subject.addresses).toEqual([{ country: "RW", note: "as of early 2016" }]);
  });

  it("maps NAME_ORIGINAL_SCRIPT to an original-script name with its detected script", () => {
    const baghdadi = byId(list, "QDi.299");
    expect(baghdadi.subject.names).toContainEqual({ value: "إبراهيم عواد إبراهيم علي البدري السامرائي", kind: "alias", originalScript: true, script: "Arab" });
    const chechen = byId(list, "QDi.396");
    expect(chechen.subject.names.some((n) => n.originalScript && n.script === "Cyrl")).toBe(true);
    // The one Latin NAME_ORIGINAL_SCRIPT is still the publisher's original-script field.
    expect(byId(list, "QDe.164").subject.names).toContainEqual({ value: "JAMAAH ANSHARUT DAULAH", kind: "alias", originalScript: true, script: "Latn" });
  });

  it("splits alias fields that hold lists or two scripts into single names", () => {
    // "أبو بكر البغدادي الحسيني القريشي (Abu Bakr al-Baghdadi al-Husayni al-Quraishi; Abu Bakr al-Baghdadi)", QUALITY Low
    const baghdadi = byId(list, "QDi.299");
    expect(names(baghdadi, "weak-alias")).toEqual(expect.arrayContaining(["أبو بكر البغدادي الحسيني القريشي", "Abu Bakr al-Baghdadi al-Husayni al-Quraishi", "Abu Bakr al-Baghdadi"]));
    expect(baghdadi.subject.names.find((n) => n.value === "أبو بكر البغدادي الحسيني القريشي")).toMatchObject({ originalScript: true, script: "Arab" });
    expect(baghdadi.subject.names.find((n) => n.value === "Abu Bakr al-Baghdadi")?.originalScript).toBe(false);
    // "Jin Tiesan (金铁三)"
    const jin = byId(list, "KPi.035");
    expect(jin.subject.names).toContainEqual({ value: "Jin Tiesan", kind: "alias", originalScript: false });
    expect(jin.subject.names).toContainEqual({ value: "金铁三", kind: "alias", originalScript: true, script: "Hani" });
    // "Agha Jan Alizai اغا جان عالیزی": two scripts side by side, no parentheses
    const alizai = byId(list, "TAi.148");
    expect(names(alizai)).toEqual(expect.arrayContaining(["Agha Jan Alizai", "اغا جان عالیزی"]));
    // "Mohammed Sabet; Mohammad Sabet b) M. Javad Kareemi Sabet; …"
    expect(names(byId(list, "IRi.034"), "alias")).toEqual(["Mohammed Sabet", "Mohammad Sabet", "M. Javad Kareemi Sabet", "M. Jawad Kareemi Sabet", "M. Jawad Karimi Sabet"]);
    // "Hay’at Tahrir al-Sham (HTS) (هيئة تحرير الشام (original script); Hay’at Tahrir al-Sham; …)"
    const hts = names(byId(list, "QDe.137"));
    expect(hts).toEqual(expect.arrayContaining(["Hay’at Tahrir al-Sham (HTS)", "هيئة تحرير الشام", "Hay’at Tahrir al-Sham", "Assembly for the Liberation of Syria"]));
    expect(hts.some((n) => /original script|;|^\)|\($/.test(n))).toBe(false);
    // ") Abdelrahman Mouhamad Zafir al Dabissi Juhan": the stray ")" is dropped
    expect(names(byId(list, "QDi.327"))).toContain("Abdelrahman Mouhamad Zafir al Dabissi Juhan");
  });

  it("splits a primary name that holds two names; the second becomes an alias", () => {
    const cagl = byId(list, "CDe.003");
    expect(names(cagl, "primary")).toEqual(["COMPAGNIE AERIENNE DES GRANDS LACS (CAGL)"]);
    expect(names(cagl, "alias")).toContain("GREAT LAKES BUSINESS COMPANY (GLBC)");
  });

  it("maps alias QUALITY: Good / a.k.a. → alias, Low → weak-alias, f.k.a. → former", () => {
    const rumuli = byId(list, "CDi.003");
    expect(rumuli.subject.names.find((n) => n.value === "Rumuli")?.kind).toBe("weak-alias");
    expect(rumuli.subject.names.find((n) => n.value === "Victor Rumuri")?.kind).toBe("alias");
    const adf = byId(list, "CDe.001");
    expect(adf.subject.names.some((n) => n.kind === "former")).toBe(true);
    expect(adf.subject.names.find((n) => n.value === "Allied Democratic Forces")?.kind).toBe("alias");
  });

  it("keeps alias notes and an alias's own birth data", () => {
    const farkash = byId(list, "LYi.019");
    expect(names(farkash)).toContain("Safia Farkash Mohammed Al-Hadad");
    expect(farkash.remarks.some((r) => r.includes("born 1 Jan. 1953 (Oman passport no.03825239"))).toBe(true);
  });

  it("reads dates of birth: exact, year, BETWEEN, APPROXIMATELY and month-year notes", () => {
    expect(byId(list, "CDi.001").subject.birthDates).toEqual(["1971"]);
    // BETWEEN 19xx–19xx with NOTE "Approximately"
    expect(byId(list, "TAi.002").subject.birthDates.some((d) => typeof d === "object" && d.circa === true && d.from < d.to)).toBe(true);
    // NOTE "Between Aug. and Sep. 1977"
    expect(byId(list, "QDi.306").subject.birthDates).toContainEqual({ from: "1977-08", to: "1977-09" });
  });

  it("keeps date-of-birth notes it cannot read as dates in remarks, with a warning", () => {
    expect(byId(list, "QDi.291").remarks).toContain("Date of birth (EXACT): 24/06/1402 (Hijri Calendar)");
    expect(byId(list, "LYi.022").remarks).toContain("Date of birth (APPROXIMATELY): 30-35 years old");
    expect(list.metadata.warnings).toContain("2 × date-of-birth notes that are not dates kept in remarks (e.g. Hijri dates, ages)");
  });

  it("maps LISTED_ON to a stated exact listing date, also when it carries a time-zone offset", () => {
    expect(byId(list, "CDi.001").bases).toEqual([
      {
        regime: "UN",
        authority: "UNSCR 1533",
        program: "DRC",
        list: "UN List",
        listedOn: { date: "2012-12-31", certainty: "stated", bound: "exact", source: "consolidated.small.xml CDi.001 LISTED_ON" },
        measures: [],
        confirmed: true,
      },
    ]);
    expect(byId(list, "TAi.173").bases[0]?.listedOn).toMatchObject({ date: "2015-03-27", note: 'published as "2015-03-27-04:00" (with a time-zone offset)' });
  });

  it("maps UN_LIST_TYPE to the committee's resolutions", () => {
    expect(byId(list, "QDi.299").bases[0]?.authority).toBe("UNSCR 1267/1989/2253");
    expect(byId(list, "TAi.002").bases[0]?.authority).toBe("UNSCR 1988");
    expect(byId(list, "LYi.019").bases[0]?.authority).toBe("UNSCR 1970");
    // Iran: the restored 1737 list after the 2025-09-28 snapback; the 2231 list between 2016 and then.
    expect(byId(list, "IRi.034").bases[0]?.authority).toBe("UNSCR 1737");
    const in2020 = loadExcerpt(xmlSource(fixtureText().replace('dateGenerated="2026-02-27T00:00:09.554Z"', 'dateGenerated="2020-06-01T00:00:00Z"')));
    expect(byId(in2020, "IRi.034").bases[0]?.authority).toBe("UNSCR 2231");
  });

  it("maps documents with type, issuing country and notes; a document without NUMBER goes to remarks", () => {
    const ids = list.records.flatMap((r) => r.subject.identifiers);
    expect(ids.some((i) => i.type === "passport" && i.country !== undefined)).toBe(true);
    const ration = byId(list, "QDi.226").subject.identifiers.find((i) => /ration card/i.test(i.label ?? ""));
    expect(ration?.type).toBe("other");
    // QDi.037: "National Identification Number" with only NOTE "SSN 156-92-9858 (United States of America)"
    expect(byId(list, "QDi.037").remarks.some((m) => m.startsWith("Document: ") && m.includes("SSN 156-92-9858"))).toBe(true);
  });

  it("keeps COMMENTS1, LAST_DAY_UPDATED and DATAID in remarks", () => {
    const badege = byId(list, "CDi.001");
    expect(badege.remarks[0]).toMatch(/^He fled to Rwanda in March 2013/);
    expect(badege.remarks).toContain("Last updated: 2016-10-13");
    expect(badege.remarks).toContain("UN DATAID 6907993, version 1");
  });
});

describeWithData("un-xml: the real 2026-02-27 consolidated.xml", [REAL], () => {
  let list: LoadedList;
  let raw: string;
  beforeAll(() => {
    const sources = sharedSources(REAL);
    raw = new TextDecoder().decode(sources[0]?.data as Uint8Array);
    list = loadExcerpt(sources);
  });

  it("loads 1,003 records: 730 individuals and 273 entities", () => {
    expect(list.metadata.format).toBe("un-xml");
    expect(list.metadata.recordCount).toBe(1003);
    expect(list.metadata.countsByType).toMatchObject({ person: 730, organization: 273 });
    expect(list.metadata.listDate).toMatch(/^2026-02-27T/);
  });

  it("has one record per REFERENCE_NUMBER of the file (trailing spaces trimmed)", () => {
    const refs = [...raw.matchAll(/<REFERENCE_NUMBER>([^<]+)<\/REFERENCE_NUMBER>/g)].map((m) => (m[1] ?? "").trim());
    expect(new Set(refs).size).toBe(1003);
    expect(list.records.map((r) => r.sourceId).sort()).toEqual([...refs].sort());
  });

  it("gives each of the 378 records with NAME_ORIGINAL_SCRIPT an original-script name", () => {
    const blocks = raw.match(/<(INDIVIDUAL|ENTITY)>[\s\S]*?<\/\1>/g) ?? [];
    expect(blocks).toHaveLength(1003);
    const withOriginal = blocks
      .map((b) => [/<REFERENCE_NUMBER>([^<]+)</.exec(b)?.[1]?.trim(), /<NAME_ORIGINAL_SCRIPT>([^<]+)</.exec(b)?.[1]] as const)
      .filter(([, original]) => original !== undefined);
    expect(withOriginal).toHaveLength(378);
    for (const [ref, original] of withOriginal) {
      const flagged = byId(list, ref ?? "").subject.names.filter((n) => n.originalScript);
      expect(flagged.some((n) => (original ?? "").replace(/\s+/g, " ").includes(n.value)), ref).toBe(true);
    }
    // Aliases in Arabic, Chinese or Cyrillic add 9 more records with an original-script name.
    expect(list.records.filter((r) => r.subject.names.some((n) => n.originalScript))).toHaveLength(387);
  });

  it("counts records per UN_LIST_TYPE as the provenance note does", () => {
    const byProgram = new Map<string, number>();
    for (const r of list.records) byProgram.set(r.bases[0]?.program ?? "", (byProgram.get(r.bases[0]?.program ?? "") ?? 0) + 1);
    expect(Object.fromEntries(byProgram)).toEqual({
      "Al-Qaida": 341, DPRK: 155, Taliban: 140, Iran: 121, Iraq: 75, DRC: 53, Libya: 30, Somalia: 24, CAR: 15, Haiti: 11, Yemen: 11, GB: 10, Sudan: 9, SouthSudan: 8,
    });
    expect(list.records.every((r) => r.bases[0]?.authority !== undefined)).toBe(true);
  });

  it("has a stated listing date on every record, 2000-04-12 … 2026-02-24", () => {
    const dates = list.records.map((r) => r.bases[0]?.listedOn?.date ?? "missing").sort();
    expect(dates[0]).toBe("2000-04-12");
    expect(dates[dates.length - 1]).toBe("2026-02-24");
  });
});

describe("un-xml: corrupt inputs fail closed", () => {
  it("refuses a truncated file as not well-formed", () => {
    const text = fixtureText();
    const error = formatError(() => loadExcerpt(xmlSource(text.slice(0, text.length - 40)), { format: "un-xml" }));
    expect(error.message).toMatch(/not well-formed XML/);
  });

  it("refuses XML of another schema", () => {
    const eu = fixtureSources("eu-fsf-xml/eu-fsf.small.xml");
    expect(formatError(() => loadExcerpt(eu, { format: "un-xml" })).message).toMatch(/file of another list or format.*expected a un-xml file.*received a eu-fsf-xml file/);
    expect(unXmlLoader.detect(eu)).toBe(false);
  });

  it("refuses a bad LISTED_ON date", () => {
    const error = formatError(() => loadExcerpt(xmlSource(fixtureText().replace("<LISTED_ON>2012-12-31</LISTED_ON>", "<LISTED_ON>2012-13-31</LISTED_ON>"))));
    expect(error.issues).toEqual([{ recordId: "CDi.001", field: "LISTED_ON", expected: "YYYY-MM-DD", received: '"2012-13-31"' }]);
  });

  it("refuses an unknown alias QUALITY", () => {
    const error = formatError(() => loadExcerpt(xmlSource(fixtureText().replace("<QUALITY>Low</QUALITY>", "<QUALITY>Medium</QUALITY>"))));
    expect(error.issues[0]).toMatchObject({ field: "INDIVIDUAL_ALIAS.QUALITY", received: '"Medium"' });
  });

  it("refuses invalid UTF-8 bytes", () => {
    const bytes = fixtureSources(FIXTURE)[0]?.data as Uint8Array;
    const broken = new Uint8Array(bytes);
    broken[bytes.indexOf(0x45, 400)] = 0xff; // an "E" in a name becomes a stray byte
    expect(formatError(() => loadExcerpt(xmlSource(broken))).message).toMatch(/could not be decoded/);
  });

  it("reads a UTF-8 file that claims Windows-1252 as UTF-8, with a warning", () => {
    const text = fixtureText().replace('encoding="UTF-8"', 'encoding="windows-1252"');
    const list = loadExcerpt(xmlSource(new TextEncoder().encode(text)));
    expect(byId(list, "KPi.035").subject.names.map((n) => n.value)).toContain("金铁三");
    expect(list.metadata.warnings[0]).toMatch(/declares encoding "windows-1252" but is valid UTF-8/);
  });

  it("reads a file that declares Windows-1252 and is in it", () => {
    const text = fixtureText();
    const first = text.slice(0, text.indexOf("</INDIVIDUAL>") + "</INDIVIDUAL>".length);
    const xml = `${first.replace('encoding="UTF-8"', 'encoding="windows-1252"').replace("He fled", "He\u2019s fled")}\n  </INDIVIDUALS>\n</CONSOLIDATED_LIST>`;
    // ASCII plus ’ (0x92 in Windows-1252)
    const bytes = Uint8Array.from([...xml].map((c) => (c === "\u2019" ? 0x92 : c.charCodeAt(0))));
    const list = loadExcerpt(xmlSource(bytes));
    expect(byId(list, "CDi.001").remarks[0]).toMatch(/^He’s fled to Rwanda/);
  });

  it("refuses a repeated REFERENCE_NUMBER", () => {
    const text = fixtureText();
    const first = text.slice(text.indexOf("    <INDIVIDUAL>"), text.indexOf("</INDIVIDUAL>") + "</INDIVIDUAL>".length);
    const error = formatError(() => loadExcerpt(xmlSource(text.replace(first, `${first}\n${first}`))));
    expect(error.issues).toEqual([{ recordId: "CDi.001", field: "id", expected: "a unique record id", received: 'duplicate "un-sc:CDi.001"' }]);
  });

  it("refuses a record without REFERENCE_NUMBER and a DOCTYPE", () => {
    const error = formatError(() => loadExcerpt(xmlSource(fixtureText().replace("<REFERENCE_NUMBER>CDi.001</REFERENCE_NUMBER>", ""))));
    expect(error.issues[0]).toMatchObject({ recordId: "DATAID 6907993", field: "REFERENCE_NUMBER" });
    const doctype = fixtureText().replace("<CONSOLIDATED_LIST ", '<!DOCTYPE x [<!ENTITY a "b">]>\n<CONSOLIDATED_LIST ');
    expect(formatError(() => loadExcerpt(xmlSource(doctype), { format: "un-xml" })).issues[0]?.received).toBe("a DOCTYPE declaration");
  });

  it("keeps an element it does not know in remarks and warns", () => {
    const list = loadExcerpt(xmlSource(fixtureText().replace("<GENDER>Male</GENDER>", "<GENDER>Male</GENDER><SUBMITTED_BY>France</SUBMITTED_BY>")));
    expect(byId(list, "CDi.001").remarks).toContain("SUBMITTED_BY: France");
    expect(list.metadata.warnings).toContain("1 × unknown element SUBMITTED_BY kept in remarks");
  });
});
