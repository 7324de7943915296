import { beforeAll, describe, expect, it } from "vitest";
import { detectListFormat, type ListSource, type LoadedList } from "../../src";
import { ofacEnhancedXmlLoader } from "../../src/lists/ofac-enhanced-xml";
import { fixtureSources, sharedSources, describeWithData } from "../shared-data";
import { byId, formatError, loadExcerpt } from "./helpers";
import { runLoaderContract } from "./loader-contract";

const FIXTURE = "ofac-enhanced-xml/CONS_ENHANCED.XML";
const decoder = new TextDecoder();

function fixtureText(): string {
  return decoder.decode(fixtureSources(FIXTURE)[0]?.data as Uint8Array);
}

/** The fixture with its text changed, under `name`. */
function edited(edit: (text: string) => string, name = FIXTURE): ListSource[] {
  return [{ name, data: new TextEncoder().encode(edit(fixtureText())) }];
}

const record = byId;

runLoaderContract({
  loader: ofacEnhancedXmlLoader,
  sources: () => fixtureSources(FIXTURE),
  expectedCount: 24,
  truncated: () => edited((t) => t.slice(0, Math.floor(t.length / 2))),
});

describe("ofac-enhanced-xml: fixture", () => {
  let list: LoadedList;
  beforeAll(() => {
    list = loadExcerpt(fixtureSources(FIXTURE));
  });

  it("reads the list date from publicationInfo/dataAsOf", () => {
    expect(detectListFormat(fixtureSources(FIXTURE))).toBe("ofac-enhanced-xml");
    expect(list.metadata.listId).toBe("ofac-cons");
    expect(list.metadata.listDate).toBe("2025-01-10");
    expect(list.metadata.listDateSource).toBe("publicationInfo/dataAsOf");
  });

  it("one basis per list membership, dated by datePublished, with authority and measures", () => {
    const gpb = record(list, "17016");
    expect(gpb.bases).toEqual([
      expect.objectContaining({
        program: "UKRAINE-EO13662",
        authority: "Executive Order 13662 (Ukraine)",
        list: "Sectoral Sanctions Identifications List",
        listedOn: { date: "2014-07-16", certainty: "stated", bound: "exact", source: "CONS_ENHANCED.XML sanctionsList@datePublished" },
        measures: ["13662 Sectoral Directive 1"],
      }),
      expect.objectContaining({
        program: "RUSSIA-EO14024",
        authority: "Executive Order 14024 (Russia)",
        list: "SDN List",
        listedOn: expect.objectContaining({ date: "2024-11-21" }),
        measures: ["Executive Order 14024 Directive 3", "Block"],
        note: "Listing Date (EO 14024 Directive 3): 2022-02-24; Effective Date (EO 14024 Directive 3): 2022-03-26",
      }),
    ]);
    expect(gpb.remarks).toContain("Consolidated List: published 2014-10-10 (sanctionsList@datePublished)");
  });

  it("names: primary, F.K.A. as former, Cyrillic translations as original-script aliases", () => {
    const gpb = record(list, "17016");
    expect(gpb.subject.names[0]).toMatchObject({ value: "GAZPROMBANK JOINT STOCK COMPANY", kind: "primary", originalScript: false });
    expect(gpb.subject.names).toContainEqual({ value: "ГАЗПРОМБАНК АКЦИОНЕРНОЕ ОБЩЕСТВО", kind: "alias", originalScript: true, script: "Cyrl" });
    expect(gpb.subject.names).toContainEqual({ value: "GAZPROMBANK OPEN JOINT STOCK COMPANY", kind: "former", originalScript: false });
    const chinese = list.records.flatMap((r) => r.subject.names).filter((n) => n.script === "Hans" || n.script === "Hant");
    expect(chinese.length).toBeGreaterThan(0);
    expect(chinese.every((n) => n.originalScript)).toBe(true);
    expect(list.records.flatMap((r) => r.subject.names).some((n) => n.kind === "weak-alias")).toBe(true);
  });

  it("identity documents and features map to the subject", () => {
    const gpb = record(list, "17016");
    expect(gpb.subject.identifiers).toEqual(
      expect.arrayContaining([
        { type: "registration", value: "1027700167110", label: "Registration Number", country: "RU" },
        { type: "tax-id", value: "7744001497", label: "Tax ID No.", country: "RU" },
        { type: "swift-bic", value: "GAZPRUMM", label: "SWIFT/BIC" },
      ]),
    );
    expect(gpb.subject.established).toBe("1990-07-31");
    expect(gpb.subject.addresses[0]).toEqual({
      full: "16 Nametkina Street, Bldg. 1, Moscow, 117420, Russia",
      street: "16 Nametkina Street, Bldg. 1",
      city: "Moscow",
      postalCode: "117420",
      country: "RU",
      countryName: "Russia",
    });
    const haniya = record(list, "9639");
    expect(haniya.subject).toMatchObject({ type: "person", birthDates: ["1962"], birthPlaces: [{ place: "Shati" }] });
    expect(haniya.subject.names[0]?.parts).toEqual({ given: ["Ismail Abdul Salah"], family: ["HANIYA"] });
    expect(haniya.bases).toEqual([
      expect.objectContaining({ program: "NS-PLC", list: "Non-SDN Palestinian Legislative Council List", measures: ["Reject"], listedOn: expect.objectContaining({ date: "2006-04-12" }) }),
    ]);
  });

  it("keeps unmapped features and relationships in remarks and reports them", () => {
    const eximbank = record(list, "18268");
    expect(eximbank.remarks).toContain("Owned or Controlled By: STATE CORPORATION BANK FOR DEVELOPMENT AND FOREIGN ECONOMIC AFFAIRS VNESHECONOMBANK (entity 17015)");
    expect(eximbank.remarks).toContain("Target Type: Financial Institution");
    expect(list.metadata.warnings.some((w) => w.startsWith("relationships kept in remarks"))).toBe(true);
    expect(list.metadata.warnings.some((w) => w.startsWith("features without a model field kept in remarks: Secondary sanctions risk:"))).toBe(true);
  });

  it("keeps an element it does not know in remarks", () => {
    const withExtra = loadExcerpt(
      edited((t) => t.replace("<entity id=\"9639\">", "<entity id=\"9639\">\n      <watchNote>seen 2025</watchNote>")),
    );
    expect(record(withExtra, "9639").remarks).toContain("watchNote: seen 2025");
    expect(withExtra.metadata.warnings.some((w) => w.includes("unknown entity elements kept in remarks (watchNote)"))).toBe(true);
  });
});

describe("ofac-enhanced-xml: list id rule", () => {
  it("is ofac-sdn for an SDN_ENHANCED file name", () => {
    const list = loadExcerpt(edited((t) => t, "SDN_ENHANCED.XML"));
    expect(list.metadata.listId).toBe("ofac-sdn");
    expect(list.records[0]?.id).toMatch(/^ofac-sdn:/);
  });

  it("is ofac-sdn when the publication filter names only the SDN List", () => {
    const list = loadExcerpt(edited((t) => t.replace('<sanctionsList refId="91512">Consolidated List</sanctionsList>', '<sanctionsList refId="1550">SDN List</sanctionsList>'), "export.xml"));
    expect(list.metadata.listId).toBe("ofac-sdn");
  });

  it("keeps a caller-chosen list id", () => {
    expect(loadExcerpt(fixtureSources(FIXTURE), { listId: "ofac-cons-2025" }).records[0]?.list).toBe("ofac-cons-2025");
  });
});

describe("ofac-enhanced-xml: corrupt input fails closed", () => {
  it("truncated XML", () => {
    const err = formatError(() => loadExcerpt(edited((t) => t.slice(0, t.lastIndexOf("</entity>") - 40)), { format: "ofac-enhanced-xml" }));
    expect(err.issues[0]).toMatchObject({ field: FIXTURE, expected: "well-formed XML" });
  });

  it("a bad datePublished", () => {
    const err = formatError(() => loadExcerpt(edited((t) => t.replace('datePublished="2014-07-16"', 'datePublished="2014-13-45"'))));
    expect(err.issues).toEqual([
      expect.objectContaining({ recordId: "17016", field: "sanctionsList[Sectoral Sanctions Identifications List]@datePublished", expected: "YYYY-MM-DD", received: '"2014-13-45"' }),
    ]);
  });

  it("a bad feature valueDate", () => {
    const err = formatError(() => loadExcerpt(edited((t) => t.replace("<fromDateBegin>1962-01-01</fromDateBegin>", "<fromDateBegin>1962-02-30</fromDateBegin>"))));
    expect(err.issues[0]).toMatchObject({ recordId: "9639", field: "feature[Birthdate].valueDate" });
  });

  it("a bad dataAsOf", () => {
    const err = formatError(() => loadExcerpt(edited((t) => t.replace("<dataAsOf>2025-01-10T00:00:00</dataAsOf>", "<dataAsOf>10/01/2025</dataAsOf>"))));
    expect(err.issues[0]).toMatchObject({ field: "publicationInfo/dataAsOf", received: '"10/01/2025"' });
  });

  it("an entity without a primary name", () => {
    const err = formatError(() =>
      loadExcerpt(
        edited((t) => {
          const start = t.indexOf('<entity id="9639">');
          const end = t.indexOf("</entity>", start);
          return t.slice(0, start) + t.slice(start, end).replace("<isPrimary>true</isPrimary>\n          <isLowQuality>", "<isPrimary>false</isPrimary>\n          <isLowQuality>") + t.slice(end);
        }),
      ),
    );
    expect(err.issues[0]).toMatchObject({ recordId: "9639", field: "names", expected: "a primary name" });
  });
});

describeWithData("ofac-enhanced-xml: real CONS_ENHANCED.XML", ["ofac-cons/CONS_ENHANCED.XML"], () => {
  let list: LoadedList;
  beforeAll(() => {
    list = loadExcerpt(sharedSources("ofac-cons/CONS_ENHANCED.XML"));
  });

  it("loads 443 entities dated 2025-01-10", () => {
    expect(list.metadata.recordCount).toBe(443);
    expect(list.metadata.countsByType).toMatchObject({ person: 80, organization: 363 });
    expect(list.metadata.listId).toBe("ofac-cons");
    expect(list.metadata.listDate).toBe("2025-01-10");
  });

  it("dates every non-consolidated membership (77 on the SDN List)", () => {
    const bases = list.records.flatMap((r) => r.bases);
    expect(bases.every((b) => b.listedOn?.certainty === "stated" && /^\d{4}-\d{2}-\d{2}$/.test(b.listedOn.date))).toBe(true);
    const onSdn = list.records.filter((r) => r.bases.some((b) => b.list === "SDN List"));
    expect(onSdn).toHaveLength(77);
    expect(list.records.filter((r) => r.bases.some((b) => b.list === "Sectoral Sanctions Identifications List"))).toHaveLength(286);
    // Every programme found its list in this file: no basis carries an ambiguity note.
    expect(bases.filter((b) => b.note?.includes("not stated"))).toEqual([]);
  });

  it("reads low-quality A.K.A. names as weak aliases", () => {
    // 70 names are isLowQuality: 67 A.K.A. (weak aliases) and 3 F.K.A. (former names, which have no weak kind).
    const weak = list.records.flatMap((r) => r.subject.names.filter((n) => n.kind === "weak-alias" && !n.originalScript));
    expect(weak).toHaveLength(67);
  });
});
