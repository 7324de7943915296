import { beforeAll, describe, expect, it } from "vitest";
import { type ListSource, type LoadedList } from "../../src";
import { euFsfXmlLoader } from "../../src/lists/eu-fsf-xml";
import { fixtureSources, sharedSources, describeWithData } from "../shared-data";
import { byId, formatError, loadExcerpt } from "./helpers";
import { runLoaderContract } from "./loader-contract";

const FIXTURE = "eu-fsf-xml/eu-fsf.small.xml";
const REAL = "eu-fsf/sample_eu_fsf_excerpt.xml";
const fixtureText = (): string => new TextDecoder().decode(fixtureSources(FIXTURE)[0]?.data as Uint8Array);
const xmlSource = (data: string | Uint8Array): ListSource[] => [{ name: "eu_fsf.xml", data }];

runLoaderContract({
  loader: euFsfXmlLoader,
  sources: () => fixtureSources(FIXTURE),
  // The excerpt's 7 sanctionEntity minus the duplicated logicalId 5468 (README.md).
  expectedCount: 6,
  truncated: () => {
    const text = fixtureText();
    return xmlSource(text.slice(0, Math.floor(text.length / 2)));
  },
});

describe("eu-fsf-xml: fixture cut from the FSF XML 1.1 excerpt", () => {
  let list: LoadedList;
  beforeAll(() => {
    list = loadExcerpt(fixtureSources(FIXTURE));
  });

  it("uses logicalId as the id and the root generationDate as the list date", () => {
    expect(list.records.map((r) => r.id)).toEqual(["eu-fsf:5295", "eu-fsf:5463", "eu-fsf:5468", "eu-fsf:191", "eu-fsf:5807", "eu-fsf:927"]);
    expect(list.metadata.listDate).toBe("2020-04-15T15:29:22.497+02:00");
    expect(list.metadata.listDateSource).toBe("export@generationDate");
    expect(list.metadata.publisher).toBe("European Commission (FPI)");
  });

  it("maps designationDate and the regulation to one basis", () => {
    expect(byId(list, "5295").bases).toEqual([
      {
        regime: "EU",
        authority: "Regulation 2019/555",
        program: "TAQA",
        listedOn: { date: "2008-07-03", certainty: "stated", bound: "exact", source: "eu-fsf.small.xml sanctionEntity 5295 @designationDate" },
        measures: [],
        citation: "2019/555 (OJ L97), published 2019-04-08, in force 2019-04-09, https://eur-lex.europa.eu/legal-content/EN/TXT/PDF/?uri=OJ:L:2019:097:FULL&from=EN",
        note: "latest act on this entry: commission amendment",
        confirmed: true,
      },
    ]);
  });

  it("leaves listedOn empty when the entity has no designationDate, and says so", () => {
    const khalid = byId(list, "191");
    expect(khalid.bases[0]?.listedOn).toBeUndefined();
    expect(khalid.bases[0]?.program).toBe("TERR");
    expect(khalid.remarks).toContain("No designationDate in the file");
  });

  it("keeps euReferenceNumber in remarks", () => {
    expect(byId(list, "5295").remarks).toContain("EU reference number EU.2026.82");
  });

  it("maps names: the first strong one is primary, with parts, function and gender", () => {
    const khalid = byId(list, "191");
    expect(khalid.subject.names[0]).toEqual({
      value: "Fahd Bin Adballah BIN KHALID",
      kind: "primary",
      originalScript: false,
      parts: { given: ["Fahd", "Bin Adballah"], family: ["BIN KHALID"] },
    });
    expect(khalid.subject.names.map((n) => n.kind)).toEqual(["primary", "alias", "alias", "alias", "alias"]);
    expect(khalid.subject.gender).toBe("male");
    expect(byId(list, "5463").subject.positions).toEqual(["Director of Korea Ryongaksan General Trading Corporation"]);
    expect(byId(list, "5295").remarks[0]).toMatch(/^Name "Amor Mohamed Ghedeir": \(a\) Mother's name/);
  });

  it("maps birth dates (full, year, circa) with their places, and citizenship", () => {
    const abid = byId(list, "5295");
    expect(abid.subject.birthDates).toEqual(["1965-12-12", { from: "1958", to: "1958", circa: true }]);
    expect(abid.subject.birthPlaces).toEqual([
      { place: "Touggourt, Wilaya (province) of Ouargla", country: "DZ" },
      { place: "Deb-Deb, Amenas, Wilaya (province) of Illizi", country: "DZ" },
    ]);
    expect(abid.subject.citizenships).toEqual(["DZ"]);
    // city="-" is no city
    expect(byId(list, "191").subject.birthPlaces).toEqual([{ country: "PK" }]);
  });

  it("maps identifications and addresses", () => {
    const aouadi = byId(list, "927");
    expect(aouadi.subject.identifiers).toEqual([
      { type: "national-id", value: "04643632", label: "National identification card", country: "TN" },
      { type: "passport", value: "L191609", label: "National passport", country: "TN" },
    ]);
    expect(aouadi.subject.addresses).toEqual([{ street: "23 50th Street, Zehrouni", city: "Tunis", country: "TN", note: "Italian Fiscal Code: DAOMMD74T11Z352Z" }]);
    // countryIso2Code "00" (UNKNOWN) gives no country
    expect(byId(list, "191").subject.identifiers).toEqual([{ type: "passport", value: "488555", label: "National passport" }]);
    expect(byId(list, "5807").subject.addresses[0]).toMatchObject({ full: "Kikoma forest, Bogoyi, Walikale", region: "North Kivu", country: "CD" });
  });

  it("maps strong=\"false\" to weak-alias, nameLanguage to lang and non-Latin names to originalScript", () => {
    const text = fixtureText().replace(
      '<nameAlias firstName="Yu-ro"',
      '<nameAlias wholeName="한유로" nameLanguage="KO" strong="true" logicalId="1"/><nameAlias wholeName="Yuro Han" strong="false" logicalId="2"/><nameAlias firstName="Yu-ro"',
    );
    const han = byId(loadExcerpt(xmlSource(text)), "5463");
    expect(han.subject.names).toEqual([
      { value: "한유로", kind: "alias", originalScript: true, script: "Hang", lang: "ko" },
      { value: "Yuro Han", kind: "weak-alias", originalScript: false },
      { value: "Yu-ro Han", kind: "primary", originalScript: false, parts: { given: ["Yu-ro"], family: ["Han"] } },
    ]);
  });

  it("links unitedNationId to the UN record when its kind matches", () => {
    const text = fixtureText().replace('unitedNationId="" euReferenceNumber="EU.2026.82"', 'unitedNationId="QDi.232" euReferenceNumber="EU.2026.82"');
    const abid = byId(loadExcerpt(xmlSource(text)), "5295");
    expect(abid.sameAs).toEqual(["un-sc:QDi.232"]);
    expect(abid.remarks).toContain("UN reference QDi.232");
  });
});

describeWithData("eu-fsf-xml: the full excerpt (7 sanctionEntity)", [REAL], () => {
  it("maps 7 entities, 5 of them with a designation date", () => {
    const parsed = euFsfXmlLoader.parse(sharedSources(REAL), { listId: "eu-fsf" });
    expect(parsed.issues).toEqual([]);
    expect(parsed.records).toHaveLength(7);
    expect(parsed.listDate).toBe("2020-04-15T15:29:22.497+02:00");
    expect(parsed.records.map((r) => [r.sourceId, r.bases[0]?.listedOn?.date])).toEqual([
      ["5295", "2008-07-03"],
      ["5463", "2009-07-16"],
      ["5468", "2009-07-16"],
      ["191", undefined],
      ["5807", "2010-12-01"],
      ["5468", "2009-07-16"],
      ["927", undefined],
    ]);
    expect(parsed.records.map((r) => r.bases[0]?.program)).toEqual(["TAQA", "PRK", "PRK", "TERR", "COD", "PRK", "TAQA"]);
  });

  it("fails closed: the excerpt repeats logicalId 5468 (EU.4009.74)", () => {
    const error = formatError(() => loadExcerpt(sharedSources(REAL)));
    expect(error.issues).toEqual([{ recordId: "5468", field: "id", expected: "a unique record id", received: 'duplicate "eu-fsf:5468"' }]);
  });
});

describe("eu-fsf-xml: corrupt inputs fail closed", () => {
  it("refuses a truncated file", () => {
    const text = fixtureText();
    expect(formatError(() => loadExcerpt(xmlSource(text.slice(0, text.length - 30)), { format: "eu-fsf-xml" })).message).toMatch(/not well-formed XML/);
  });

  it("refuses XML of another schema", () => {
    const un = fixtureSources("un-xml/consolidated.small.xml");
    expect(euFsfXmlLoader.detect(un)).toBe(false);
    // Issue 9: the caller named the format, the file is another list's: refused as such, not parsed.
    expect(formatError(() => loadExcerpt(un, { format: "eu-fsf-xml" })).issues[0]).toMatchObject({ expected: "a eu-fsf-xml file (format eu-fsf-xml was asked for)", received: "a un-xml file (un-sc)" });
    // A file no driver recognises still reaches the driver, which names the wrong root.
    const other = xmlSource(fixtureText().replace(/<export\b/, "<exportX").replace(/<\/export>/, "</exportX>"));
    expect(formatError(() => loadExcerpt(other, { format: "eu-fsf-xml" })).issues[0]).toMatchObject({ expected: "<export> (EU FSF XML 1.1)", received: "<exportX>" });
  });

  it("refuses a bad designationDate", () => {
    const error = formatError(() => loadExcerpt(xmlSource(fixtureText().replace('designationDate="2008-07-03"', 'designationDate="03/07/2008"'))));
    expect(error.issues).toEqual([{ recordId: "5295", field: "sanctionEntity@designationDate", expected: "YYYY-MM-DD", received: '"03/07/2008"' }]);
  });

  it("refuses an unknown subjectType code", () => {
    const error = formatError(() => loadExcerpt(xmlSource(fixtureText().replace('code="person" classificationCode="P"', 'code="vessel" classificationCode="V"'))));
    expect(error.issues[0]).toMatchObject({ recordId: "5295", field: "subjectType@code", received: '"vessel"' });
  });

  it("refuses invalid UTF-8 bytes", () => {
    const bytes = new Uint8Array(fixtureSources(FIXTURE)[0]?.data as Uint8Array);
    bytes[bytes.indexOf(0x48, 600)] = 0xc3; // a lone lead byte
    expect(formatError(() => loadExcerpt(xmlSource(bytes), { format: "eu-fsf-xml" })).message).toMatch(/could not be decoded/);
  });

  it("keeps attributes it does not know in remarks and warns", () => {
    const list = loadExcerpt(xmlSource(fixtureText().replace('wholeName="Leo Manzi"', 'wholeName="Leo Manzi" nickName="Leo"')));
    expect(byId(list, "5807").remarks).toContain('Name "Leo Manzi": nickName=Leo');
    expect(list.metadata.warnings).toContain("1 × unknown nameAlias fields kept in remarks (@nickName)");
  });
});
