import { beforeAll, describe, expect, it } from "vitest";
import { detectListFormat, loadList, type ListSource, type LoadedList } from "../../src";
import { ukFcdoXmlLoader } from "../../src/lists/uk-fcdo-xml";
import { describeWithData, fixtureSources, itWithData, sharedSources } from "../shared-data";
import { byId, formatError } from "./helpers";
import { runLoaderContract } from "./loader-contract";

const FIXTURE = "uk-fcdo-xml/uk-sanctions.small.xml";
const REAL = "uk-fcdo/sample_uk_sanctions.xml";
const fixtureText = (): string => new TextDecoder().decode(fixtureSources(FIXTURE)[0]?.data as Uint8Array);
const xmlSource = (data: string | Uint8Array, name = "UK-Sanctions-List.xml"): ListSource[] => [{ name, data }];
const edited = (from: string, to: string): ListSource[] => {
  const text = fixtureText();
  if (!text.includes(from)) throw new Error(`fixture has no ${from}`);
  return xmlSource(text.replace(from, to));
};

runLoaderContract({
  loader: ukFcdoXmlLoader,
  sources: () => fixtureSources(FIXTURE),
  // AFG0006, BEL0107, DPR0075 copied verbatim (see test/fixtures/uk-fcdo-xml/README.md).
  expectedCount: 3,
  truncated: () => {
    const text = fixtureText();
    return xmlSource(text.slice(0, Math.floor(text.length * 0.6)));
  },
});

describeWithData("uk-fcdo-xml: the layout sample (5 designations)", [REAL], () => {
  let list: LoadedList;
  beforeAll(() => {
    list = loadList(sharedSources(REAL));
  });

  it("reads DateGenerated (DD/MM/YYYY) as the list date and UniqueID as the record id", () => {
    expect(list.metadata).toMatchObject({
      listId: "uk-fcdo",
      format: "uk-fcdo-xml",
      listDate: "2026-09-10",
      listDateSource: "Designations/DateGenerated",
      recordCount: 5,
      countsByType: { person: 2, organization: 2, vessel: 1 },
      warnings: [],
    });
    expect(list.records.map((r) => r.id)).toEqual(["uk-fcdo:AFG0001", "uk-fcdo:AFG0006", "uk-fcdo:BEL0107", "uk-fcdo:DPR0075", "uk-fcdo:AQD0195"]);
  });

  it("maps DateDesignated to a stated exact listing date under the regime's regulations", () => {
    expect(list.records.map((r) => [r.sourceId, r.bases[0]?.listedOn?.date, r.bases[0]?.program])).toEqual([
      ["AFG0001", "2012-06-29", "Afghanistan"],
      ["AFG0006", "2001-01-25", "Afghanistan"],
      ["BEL0107", "2021-06-21", "Republic of Belarus"],
      ["DPR0075", "2017-10-03", "Democratic People's Republic of Korea"],
      ["AQD0195", "2010-05-13", "Isil (Da'esh) and Al-Qaeda"],
    ]);
    expect(byId(list, "BEL0107").bases).toEqual([
      {
        regime: "UK",
        authority: "The Republic of Belarus (Sanctions) (EU Exit) Regulations 2019",
        program: "Republic of Belarus",
        listedOn: { date: "2021-06-21", certainty: "stated", bound: "exact", source: "sample_uk_sanctions.xml Designation BEL0107 DateDesignated" },
        measures: ["Asset freeze", "Director Disqualification Sanction"],
        note: "designation source: UK",
        confirmed: true,
      },
    ]);
  });

  it("links OFSIGroupID to the ConList record and a UN reference of the subject's kind", () => {
    expect(byId(list, "AFG0001").sameAs).toEqual(["uk-ofsi:12703", "un-sc:TAe.010"]);
    expect(byId(list, "AFG0006").sameAs).toEqual(["uk-ofsi:7172", "un-sc:TAi.002"]);
    // A ship has no OFSIGroupID, and KPv.001 is no individual or entity reference.
    expect(byId(list, "DPR0075").sameAs).toEqual([]);
    expect(byId(list, "DPR0075").remarks).toContain("UN reference KPv.001");
  });
});

describe("uk-fcdo-xml: fixture mapping", () => {
  let list: LoadedList;
  beforeAll(() => {
    list = loadList(fixtureSources(FIXTURE));
  });

  it("detects the format from the root and DateGenerated", () => {
    expect(detectListFormat(fixtureSources(FIXTURE))).toBe("uk-fcdo-xml");
    expect(ukFcdoXmlLoader.detect(fixtureSources("un-xml/consolidated.small.xml"))).toBe(false);
    expect(ukFcdoXmlLoader.detect(fixtureSources("eu-fsf-xml/eu-fsf.small.xml"))).toBe(false);
  });

  it("maps Name1…Name6 to name parts, the variation to an alias and the non-Latin name to an original-script alias", () => {
    expect(byId(list, "AFG0006").subject.names).toEqual([
      { value: "MOHAMMAD HASSAN AKHUND", kind: "primary", originalScript: false, parts: { given: ["MOHAMMAD", "HASSAN"], family: ["AKHUND"] } },
      { value: "Mohammad Akhwand", kind: "alias", originalScript: false, parts: { given: ["Mohammad"], family: ["Akhwand"] } },
      { value: "محمد حسن آخوند", kind: "alias", originalScript: true, script: "Arab" },
    ]);
  });

  it("maps AliasStrength: Good quality → alias, Low quality → weak-alias", () => {
    expect(byId(list, "BEL0107").subject.names.map((n) => [n.value, n.kind])).toEqual([
      ["BNK (UK) Ltd", "primary"],
      ["BNK UK Limited", "alias"],
      ["BNK", "weak-alias"],
    ]);
  });

  it("reads dates of birth at the precision given, and documents once each", () => {
    const akhund = byId(list, "AFG0006").subject;
    expect(akhund.birthDates).toEqual(["1958-05-12", "1945", "1946"]);
    expect(akhund.identifiers).toEqual([
      { type: "passport", value: "P04581926", note: "Afghanistan passport number P04581926, issued in Kandahar (expires 7 August 2034)" },
      { type: "national-id", value: "2132370", note: "Afghan national identification card (tazkira) number" },
    ]);
    expect(akhund.birthPlaces).toEqual([{ place: "Pashmul village, Panjwai District", country: "AF" }]);
    expect(akhund.nationalities).toEqual(["AF"]);
    expect(akhund.gender).toBe("male");
    expect(akhund.titles).toEqual(["Mullah", "Haji"]);
  });

  it("maps entity and ship details", () => {
    const bnk = byId(list, "BEL0107");
    expect(bnk.subject.identifiers).toContainEqual({ type: "registration", value: "UK Company no. 06527449", label: "Business registration number" });
    expect(bnk.subject.addresses).toEqual([{ full: "Salatin House, 19 Cedar Road, Sutton, Surrey", postalCode: "SM2 5DA", country: "GB" }]);
    expect(bnk.remarks).toEqual(expect.arrayContaining(["Parent company: CJSC Belarusian Oil Company", "Parent company: Belneftekhim", "Subsidiary: BNK (Deutschland) GmbH"]));
    const petrel = byId(list, "DPR0075");
    expect(petrel.subject.identifiers).toEqual([{ type: "imo", value: "9562233", label: "IMO9562233" }]);
    expect(petrel.subject.vessel).toEqual({ owner: "Global United Shipping India", flag: "Comoros", vesselType: "Bulk Carrier", tonnage: "7078" });
    expect(petrel.remarks).toEqual(expect.arrayContaining(["Previous flag: India", "Length of ship: 134.5"]));
  });

  it("keeps unknown elements in remarks and warns", () => {
    const loaded = loadList(edited("<UniqueID>BEL0107</UniqueID>", "<UniqueID>BEL0107</UniqueID>\n    <Nickname>Belnaft</Nickname>"));
    expect(byId(loaded, "BEL0107").remarks).toContain("Nickname: Belnaft");
    expect(loaded.metadata.warnings).toEqual(["1 × unknown Designation elements kept in remarks (Nickname)"]);
  });
});

describe("uk-fcdo-xml: corrupt inputs fail closed", () => {
  it.each([
    { case: "a DOB that is not DD/MM/YYYY", from: "<DOB>12/05/1958</DOB>", to: "<DOB>1958-05-12</DOB>", recordId: "AFG0006", field: "IndividualDetails.DOB" },
    { case: "an impossible DateDesignated", from: "<DateDesignated>21/06/2021</DateDesignated>", to: "<DateDesignated>31/06/2021</DateDesignated>", recordId: "BEL0107", field: "DateDesignated" },
    { case: "an unknown subject type", from: "<IndividualEntityShip>Ship</IndividualEntityShip>", to: "<IndividualEntityShip>Aircraft</IndividualEntityShip>", recordId: "DPR0075", field: "IndividualEntityShip" },
    { case: "an unknown NameType", from: "<NameType>Primary Name Variation</NameType>", to: "<NameType>Nickname</NameType>", recordId: "AFG0006", field: "Names.Name.NameType" },
    { case: "an unknown AliasStrength", from: "<AliasStrength>Low quality a.k.a</AliasStrength>", to: "<AliasStrength>Medium</AliasStrength>", recordId: "BEL0107", field: "Names.Name.AliasStrength" },
    { case: "a record without a Primary Name", from: "<Name6>BNK (UK) Ltd</Name6>\n        <NameType>Primary Name</NameType>", to: "<Name6>BNK (UK) Ltd</Name6>\n        <NameType>Alias</NameType>", recordId: "BEL0107", field: "Names.Name.NameType" },
    { case: "a non-boolean indicator", from: "<AssetFreeze>true</AssetFreeze>\n      <DirectorDisqualificationSanction>", to: "<AssetFreeze>yes</AssetFreeze>\n      <DirectorDisqualificationSanction>", recordId: "BEL0107", field: "SanctionsImposedIndicators.AssetFreeze" },
  ])("refuses $case, naming the record and field", ({ from, to, recordId, field }) => {
    const error = formatError(() => loadList(edited(from, to)));
    expect(error.listId).toBe("uk-fcdo");
    expect(error.issues).toEqual([expect.objectContaining({ recordId, field })]);
  });

  it("refuses a record without UniqueID", () => {
    const error = formatError(() => loadList(edited("<UniqueID>BEL0107</UniqueID>", "")));
    expect(error.issues).toEqual([{ recordId: "Designation #2", field: "UniqueID", expected: "a unique id", received: "nothing" }]);
  });

  it("refuses a duplicate UniqueID", () => {
    const error = formatError(() => loadList(edited("<UniqueID>BEL0107</UniqueID>", "<UniqueID>AFG0006</UniqueID>")));
    expect(error.issues).toEqual([{ recordId: "AFG0006", field: "id", expected: "a unique record id", received: 'duplicate "uk-fcdo:AFG0006"' }]);
  });

  it("refuses an unreadable DateGenerated", () => {
    const error = formatError(() => loadList(edited("<DateGenerated>10/09/2026</DateGenerated>", "<DateGenerated>2026-09-10</DateGenerated>")));
    expect(error.issues).toEqual([{ field: "Designations/DateGenerated", expected: "DD/MM/YYYY", received: '"2026-09-10"' }]);
  });

  it("refuses a truncated file and XML of another schema", () => {
    const text = fixtureText();
    expect(formatError(() => loadList(xmlSource(text.slice(0, text.length - 40)), { format: "uk-fcdo-xml" })).message).toMatch(/not well-formed XML/);
    const un = fixtureSources("un-xml/consolidated.small.xml");
    // Issue 9: the caller named the format, the file is another list's: refused as such, not parsed.
    const other = formatError(() => loadList(un, { format: "uk-fcdo-xml" }));
    expect(other.message).toMatch(/file of another list or format/);
    expect(other.issues[0]).toMatchObject({ expected: "a uk-fcdo-xml file (format uk-fcdo-xml was asked for)", received: "a un-xml file (un-sc)" });
    // The same under the official list id; a file no driver recognises still reaches the driver, which names the wrong root.
    expect(formatError(() => loadList(un, { listId: "uk-fcdo" })).issues[0]).toMatchObject({ expected: "a uk-fcdo-xml file (list uk-fcdo was asked for)", received: "a un-xml file (un-sc)" });
    const root = xmlSource(text.replace("<Designations ", "<Designationz ").replace("</Designations>", "</Designationz>"));
    expect(formatError(() => loadList(root, { format: "uk-fcdo-xml" })).issues[0]).toMatchObject({ expected: "<Designations> (UK Sanctions List XML)", received: "<Designationz>" });
  });

  it("refuses a file whose DateDesignated elements were dropped (issue 9 field-presence guard; measured 5 of 5)", () => {
    const dropped = fixtureText().replace(/\s*<DateDesignated>[^<]*<\/DateDesignated>/g, "");
    expect(dropped).not.toContain("DateDesignated");
    const error = formatError(() => loadList(xmlSource(dropped)));
    expect(error.issues).toEqual([expect.objectContaining({ field: "bases.listedOn", received: "0 of 3 records (0.0 %): element renamed or dropped?" })]);
    expect(error.issues[0]?.expected).toMatch(/^DateDesignated in at least 75 % of records/);
  });

  itWithData("reads one designation of the sample's 5 without DateDesignated with a warning (4 of 5 is above the guard)", [REAL], () => {
    const sample = new TextDecoder().decode(sharedSources(REAL)[0]?.data as Uint8Array);
    const one = sample.replace(/<DateDesignated>[^<]*<\/DateDesignated>/, "");
    expect(loadList(xmlSource(one)).metadata.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/without DateDesignated/)]));
  });

  it("refuses invalid UTF-8 bytes", () => {
    const bytes = new Uint8Array(fixtureSources(FIXTURE)[0]?.data as Uint8Array);
    bytes[bytes.indexOf(0x41, 400)] = 0xc3; // a lone lead byte inside a name
    expect(formatError(() => loadList(xmlSource(bytes), { format: "uk-fcdo-xml" })).message).toMatch(/could not be decoded/);
  });

  it("refuses an empty list unless allowed", () => {
    const empty = xmlSource('<?xml version="1.0" encoding="utf-8"?>\n<Designations>\n  <DateGenerated>10/09/2026</DateGenerated>\n</Designations>\n');
    expect(() => loadList(empty)).toThrow(/list is empty/);
    expect(loadList(empty, { allowEmpty: true }).metadata.listDate).toBe("2026-09-10");
  });
});

