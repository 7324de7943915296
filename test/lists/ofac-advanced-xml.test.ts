import { beforeAll, describe, expect, it } from "vitest";
import { ListCountError, detectListFormat, loadList, type ListSource, type LoadedList } from "../../src";
import { loadEmbeddedLists } from "../../src/embedded";
import { applyStatedListingDates, ofacAdvancedXmlLoader } from "../../src/lists/ofac-advanced-xml";
import { describeWithData, fixtureSources, itWithData, sharedSources } from "../shared-data";
import { byId, formatError, loadExcerpt } from "./helpers";
import { runLoaderContract } from "./loader-contract";

const FIXTURE = "ofac-advanced-xml/sdn_advanced.small.xml";
const REAL = "ofac-advanced/sample_sdn_advanced.xml";
const NS_2026 = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML";
const NS_2024 = "http://www.un.org/sanctions/1.0";
const fixtureText = (): string => new TextDecoder().decode(fixtureSources(FIXTURE)[0]?.data as Uint8Array);
const xmlSource = (data: string | Uint8Array, name = "sdn_advanced.xml"): ListSource[] => [{ name, data }];
const edited = (from: string, to: string, name?: string): ListSource[] => {
  const text = fixtureText();
  if (!text.includes(from)) throw new Error(`fixture has no ${from}`);
  return xmlSource(text.replace(from, to), name);
};

runLoaderContract({
  loader: ofacAdvancedXmlLoader,
  sources: () => fixtureSources(FIXTURE),
  // Parties 36, 2677, 15432 with their entries (see test/fixtures/ofac-advanced-xml/README.md).
  expectedCount: 3,
  truncated: () => {
    const text = fixtureText();
    return xmlSource(text.slice(0, Math.floor(text.length * 0.97)));
  },
});

describeWithData("ofac-advanced-xml: the trimmed real export of 2026-09-09", [REAL], () => {
  let list: LoadedList;
  beforeAll(() => {
    list = loadExcerpt(sharedSources(REAL));
  });

  it("is held to the ofac-sdn / ofac-cons record floors like the other OFAC formats (the sample has 4 parties)", () => {
    for (const [name, text, listId, floor] of [
      ["sdn_advanced.xml", fixtureText(), "ofac-sdn", 7_200],
      ["cons_advanced.xml", fixtureText().replaceAll('ListID="1550"', 'ListID="91243"'), "ofac-cons", 350],
    ] as const) {
      let error: unknown;
      try {
        loadList(xmlSource(text, name));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ListCountError);
      expect(error).toMatchObject({ code: "LIST_BELOW_FLOOR", listId, floor, count: 3 });
    }
    expect(() => loadList(sharedSources(REAL), { listId: "ofac-sdn" })).toThrow(/too few records for a complete list; expected at least 7200/);
  });

  it("is an official format of ofac-sdn and ofac-cons, not of another list", () => {
    expect(loadExcerpt(sharedSources(REAL), { listId: "ofac-sdn" }).metadata.format).toBe("ofac-advanced-xml");
    expect(formatError(() => loadExcerpt(sharedSources(REAL), { listId: "un-sc" })).issues[0]).toMatchObject({ received: "a ofac-advanced-xml file (ofac-sdn)" });
  });

  it("reads DateOfIssue as the list date and FixedRef as the record id (the legacy ent_num)", () => {
    expect(list.metadata).toMatchObject({
      listId: "ofac-sdn",
      format: "ofac-advanced-xml",
      title: "OFAC Specially Designated Nationals (SDN) List, advanced XML",
      listDate: "2026-09-09",
      listDateSource: "Sanctions/DateOfIssue",
      recordCount: 4,
      countsByType: { person: 1, organization: 1, vessel: 1, aircraft: 1 },
      warnings: [],
    });
    expect(list.records.map((r) => r.id)).toEqual(["ofac-sdn:36", "ofac-sdn:2677", "ofac-sdn:4238", "ofac-sdn:15432"]);
  });

  it("gives every SDN record a stated, exact listing date from its EntryEvent", () => {
    expect(list.records.map((r) => [r.sourceId, r.bases.map((b) => [b.program, b.listedOn?.date, b.listedOn?.certainty, b.listedOn?.bound])])).toEqual([
      ["36", [["CUBA", "1986-12-10", "stated", "exact"]]],
      ["2677", [["SDGT", "1995-01-23", "stated", "exact"]]],
      ["4238", [["CUBA", "1989-01-05", "stated", "exact"]]],
      ["15432", [["SDGT", "2012-09-19", "stated", "exact"]]],
    ]);
    expect(byId(list, "2677").bases[0]).toEqual({
      regime: "US",
      program: "SDGT",
      authority: "Executive Order 13224 (Terrorism)",
      list: "SDN List",
      listedOn: { date: "1995-01-23", certainty: "stated", bound: "exact", source: "sample_sdn_advanced.xml SanctionsEntry 2677 EntryEvent (Created)" },
      measures: ["Block"],
      confirmed: true,
    });
    // LegalBasis "Unknown": the authority comes from the programme tag.
    expect(byId(list, "36").bases[0]?.authority).toBe("Cuban Assets Control Regulations, 31 CFR 515");
  });

  it("maps the vessel's features", () => {
    const mar = byId(list, "4238").subject;
    expect(mar.vessel).toEqual({ callSign: "CL2192", vesselType: "Tug", grossRegisteredTonnage: "212", flag: "Cuba", owner: "Samir de Navegacion S.A." });
    expect(mar.identifiers).toEqual([{ type: "call-sign", value: "CL2192", label: "Vessel Call Sign" }]);
    // Its only location is area "undetermined": no address.
    expect(mar.addresses).toEqual([]);
  });
});

describe("ofac-advanced-xml: fixture mapping", () => {
  let list: LoadedList;
  beforeAll(() => {
    list = loadExcerpt(fixtureSources(FIXTURE));
  });

  it("detects the format, and not the Enhanced XML", () => {
    expect(detectListFormat(fixtureSources(FIXTURE))).toBe("ofac-advanced-xml");
    expect(ofacAdvancedXmlLoader.detect(fixtureSources("ofac-enhanced-xml/CONS_ENHANCED.XML"))).toBe(false);
  });

  it("writes a person's names Last, First with parts; the Arabic-script name is an original-script alias", () => {
    const zomor = byId(list, "2677").subject;
    expect(zomor.names[0]).toEqual({ value: "Al-Zomor, Abboud Abdul Latif Hassan", kind: "primary", originalScript: false, parts: { given: ["Abboud Abdul Latif Hassan"], family: ["Al-Zomor"] } });
    expect(zomor.names.map((n) => [n.value, n.kind])).toEqual([
      ["Al-Zomor, Abboud Abdul Latif Hassan", "primary"],
      ["ZUMAR, Abbud", "alias"],
      ["الزمر عبود عبداللطيف حسن", "alias"],
      ["AL-Zumar, Abbud", "alias"],
      ["El-Zomor, Aboud Abdul Latif Hasan", "alias"],
      ["Al-Zumur, Abood Abdul Latif Hassan", "alias"],
      ["Al-Zamur, Abboud Abdul Latif Hassan", "alias"],
    ]);
    expect(zomor.names[2]).toMatchObject({ originalScript: true, script: "Arab" });
  });

  it("maps birth date, place, nationality (through Locations), gender and the secondary-sanctions feature", () => {
    const zomor = byId(list, "2677");
    expect(zomor.subject).toMatchObject({
      birthDates: ["1947-04-19"],
      birthPlaces: [{ place: "Nahia, Giza, Egypt", country: "EG" }],
      nationalities: ["EG"],
      gender: "male",
      addresses: [{ country: "EG" }],
    });
    expect(zomor.remarks).toEqual(["Secondary sanctions risk: section 1(b) of Executive Order 13224, as amended by Executive Order 13886"]);
    expect(byId(list, "36").subject.addresses).toEqual([{ city: "Havana", country: "CU" }]);
  });

  it("maps aircraft serial numbers; a year-long date period is the year", () => {
    const ep = byId(list, "15432");
    expect(ep.subject.type).toBe("aircraft");
    expect(ep.subject.identifiers.map((i) => [i.type, i.value])).toEqual([
      ["aircraft-serial", "8305"],
      ["aircraft-serial", "1013409297"],
    ]);
    expect(ep.remarks).toEqual(expect.arrayContaining(["Aircraft Manufacture Date: 1991", "Aircraft Model: IL-76TD", "Aircraft Operator: YAS AIR"]));
  });

  it("reads the 2024 namespace (http://www.un.org/sanctions/1.0) the same way", () => {
    const old = loadExcerpt(xmlSource(fixtureText().replaceAll(NS_2026, NS_2024), FIXTURE));
    expect(old.records).toEqual(list.records);
    expect(detectListFormat(xmlSource(fixtureText().replaceAll(NS_2026, NS_2024)))).toBe("ofac-advanced-xml");
  });

  it("names a file of non-SDN entries ofac-cons (cons_advanced.xml)", () => {
    const cons = loadExcerpt(xmlSource(fixtureText().replaceAll('ListID="1550"', 'ListID="91243"'), "cons_advanced.xml"));
    expect(cons.metadata.listId).toBe("ofac-cons");
    expect(cons.metadata.title).toBe("OFAC Consolidated (non-SDN) List, advanced XML");
    expect(cons.records.map((r) => r.bases[0]?.list)).toEqual(Array(3).fill("Non-SDN Palestinian Legislative Council List"));
  });

  it("notes that the entry date does not date each programme when an entry has several", () => {
    const two = loadExcerpt(
      edited(
        "<Comment>CUBA</Comment>",
        '<Comment>CUBA</Comment>\n        <DatePeriod CalendarTypeID="1" YearFixed="true" MonthFixed="true" DayFixed="true" />\n      </SanctionsMeasure>\n      <SanctionsMeasure ID="9" SanctionsTypeID="1">\n        <Comment>SDGT</Comment>',
      ),
    );
    expect(byId(two, "36").bases.map((b) => [b.program, b.listedOn?.date, b.note])).toEqual([
      ["CUBA", "1986-12-10", "the entry was created 1986-12-10; the file does not date each of its 2 programmes"],
      ["SDGT", "1986-12-10", "the entry was created 1986-12-10; the file does not date each of its 2 programmes"],
    ]);
  });
});

describe("ofac-advanced-xml: corrupt inputs fail closed", () => {
  it.each([
    { case: "an unknown party subtype", from: '<Profile ID="36" PartySubTypeID="3">', to: '<Profile ID="36" PartySubTypeID="99">', recordId: "36", field: "Profile@PartySubTypeID" },
    { case: "an unknown alias type", from: '<Alias FixedRef="36" AliasTypeID="1400"', to: '<Alias FixedRef="36" AliasTypeID="7"', recordId: "36", field: "Alias@AliasTypeID" },
    { case: "an unknown feature type", from: '<Feature ID="150025" FeatureTypeID="25">', to: '<Feature ID="150025" FeatureTypeID="123456">', recordId: "36", field: "Feature@FeatureTypeID" },
    { case: "an impossible birth date", from: "<Month>4</Month>\n                  <Day>19</Day>", to: "<Month>4</Month>\n                  <Day>31</Day>", recordId: "2677", field: "Feature Birthdate DatePeriod" },
    { case: "an unknown list", from: 'ProfileID="36" ListID="1550"', to: 'ProfileID="36" ListID="1"', recordId: "36", field: "SanctionsEntry@ListID" },
    { case: "an entry without its Created date", from: '<EntryEvent ID="36" EntryEventTypeID="1" LegalBasisID="1">\n        <Comment />\n        <Date CalendarTypeID="1">\n          <Year>1986</Year>\n          <Month>12</Month>\n          <Day>10</Day>\n        </Date>\n      </EntryEvent>', to: "", recordId: "36", field: "SanctionsEntry/EntryEvent" },
    { case: "an impossible entry date", from: "<Month>12</Month>\n          <Day>10</Day>", to: "<Month>13</Month>\n          <Day>10</Day>", recordId: "36", field: "EntryEvent/Date" },
    { case: "a party without a primary name", from: '<Alias FixedRef="15432" AliasTypeID="1403" Primary="true"', to: '<Alias FixedRef="15432" AliasTypeID="1403" Primary="false"', recordId: "15432", field: "Identity/Alias@Primary" },
  ])("refuses $case, naming the record and field", ({ from, to, recordId, field }) => {
    const error = formatError(() => loadExcerpt(edited(from, to)));
    expect(error.listId).toBe("ofac-sdn");
    expect(error.issues).toEqual([expect.objectContaining({ recordId, field })]);
  });

  it("refuses a party without a sanctions entry, and an entry whose profile is not in the file", () => {
    const orphanParty = formatError(() => loadExcerpt(edited('ProfileID="36" ListID="1550"', 'ProfileID="999" ListID="1550"')));
    expect(orphanParty.issues).toEqual([
      { recordId: "SanctionsEntry 36", field: "SanctionsEntry@ProfileID", expected: "the profile of a DistinctParty in the file", received: '"999"' },
      { recordId: "36", field: "SanctionsEntries", expected: "a SanctionsEntry for the profile", received: "none" },
    ]);
  });

  it("refuses another namespace, another root and a delta file", () => {
    expect(formatError(() => loadExcerpt(xmlSource(fixtureText().replaceAll(NS_2026, "urn:other")), { format: "ofac-advanced-xml" })).message).toMatch(/not an OFAC advanced XML file/);
    // Issue 9: the caller named the format, the file is another list's: refused as such, not parsed.
    const un = formatError(() => loadExcerpt(fixtureSources("un-xml/consolidated.small.xml"), { format: "ofac-advanced-xml" }));
    expect(un.message).toMatch(/file of another list or format/);
    expect(un.issues[0]).toMatchObject({ expected: "a ofac-advanced-xml file (format ofac-advanced-xml was asked for)", received: "a un-xml file (un-sc)" });
    // A root no driver recognises still reaches the driver, which names the wrong root.
    const otherRoot = xmlSource(fixtureText().replace("<Sanctions ", "<Sanctionz ").replace("</Sanctions>", "</Sanctionz>"));
    expect(formatError(() => loadExcerpt(otherRoot, { format: "ofac-advanced-xml" })).issues[0]?.received).toBe("<Sanctionz>");
    expect(formatError(() => loadExcerpt(edited('Version="3"', 'Version="3" DeltaBaseVersion="2"'))).message).toMatch(/delta files are not read/);
  });

  it("refuses an impossible DateOfIssue and a truncated file", () => {
    expect(formatError(() => loadExcerpt(edited("<Month>9</Month><Day>9</Day>", "<Month>2</Month><Day>30</Day>"))).issues).toEqual([
      { field: "Sanctions/DateOfIssue", expected: "Year/Month/Day of a real day", received: '"2026-2-30"' },
    ]);
    const text = fixtureText();
    expect(formatError(() => loadExcerpt(xmlSource(text.slice(0, text.length - 50)), { format: "ofac-advanced-xml" })).message).toMatch(/not well-formed XML/);
  });

  it("refuses invalid UTF-8 bytes", () => {
    const bytes = new Uint8Array(fixtureSources(FIXTURE)[0]?.data as Uint8Array);
    bytes[bytes.indexOf(0x41, 90_000)] = 0xc3; // a lone lead byte
    expect(formatError(() => loadExcerpt(xmlSource(bytes), { format: "ofac-advanced-xml" })).message).toMatch(/could not be decoded/);
  });

  it("tolerates a dangling Location reference with a warning (the trimmed file has them)", () => {
    const loaded = loadExcerpt(edited('<VersionLocation LocationID="25" />', '<VersionLocation LocationID="424242" />'));
    expect(byId(loaded, "36").subject.addresses).toEqual([]);
    expect(loaded.metadata.warnings).toEqual(["1 × features pointing to a Location that is not in the file (ignored)"]);
  });
});

describe("applyStatedListingDates: stated entry dates replace the legacy CSV's observed bounds", () => {
  itWithData("dates the embedded 2023-12-28 SDN records 36, 2677, 4238, 15432 (all 'on or before 2021-08-18')", [REAL], () => {
    const sdn = loadEmbeddedLists().find((l) => l.metadata.listId === "ofac-sdn");
    const ids = ["36", "2677", "4238", "15432"];
    const legacy = (sdn?.records ?? []).filter((r) => ids.includes(r.sourceId));
    expect(legacy.map((r) => [r.sourceId, r.bases[0]?.listedOn?.date, r.bases[0]?.listedOn?.certainty, r.bases[0]?.listedOn?.bound])).toEqual(
      ids.map((id) => [id, "2021-08-18", "observed", "on-or-before"]),
    );
    const { records, counts } = applyStatedListingDates(legacy, loadExcerpt(sharedSources(REAL)));
    expect(counts).toEqual({ replaced: 4, alreadyStated: 0, recordsNotInStatedList: 0 });
    expect(records.map((r) => [r.sourceId, r.bases[0]?.listedOn?.date, r.bases[0]?.listedOn?.certainty, r.bases[0]?.listedOn?.bound])).toEqual([
      ["36", "1986-12-10", "stated", "exact"],
      ["2677", "1995-01-23", "stated", "exact"],
      ["4238", "1989-01-05", "stated", "exact"],
      ["15432", "2012-09-19", "stated", "exact"],
    ]);
    expect(records[0]?.bases[0]?.listedOn?.note).toBe("stated by the advanced XML; replaces observed on-or-before 2021-08-18");
    // A programme the advanced record does not carry keeps its observed date.
    const extra = { ...legacy[0]!, bases: [{ ...legacy[0]!.bases[0]!, program: "IRAN" }] };
    expect(applyStatedListingDates([extra], loadExcerpt(sharedSources(REAL))).records[0]?.bases[0]?.listedOn?.date).toBe("2021-08-18");
  });
});
