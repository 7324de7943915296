import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { DateValueSchema } from "../../src/model";
import {
  ofacCountryCode,
  ofacIdentifierType,
  ofacPersonNameParts,
  ofacValue,
  parseOfacDate,
  parseOfacDateValue,
  parseOfacRemarks,
} from "../../src/lists/ofac-remarks";
import { ofacNonSdnListOfProgram, ofacProgramAuthority, ofacProgramForQualifier, splitOfacPrograms } from "../../src/lists/ofac-programs";

describe("parseOfacDate", () => {
  it.each([
    { input: "30 Aug 1954", expected: "1954-08-30" },
    { input: "01 Jan 1977", expected: "1977-01-01" },
    { input: "Jan 1970", expected: "1970-01" },
    { input: "Sep 1938", expected: "1938-09" },
    { input: "1954", expected: "1954" },
    { input: "29 Feb 2000", expected: "2000-02-29" },
    { input: "29 Feb 1999", expected: undefined },
    { input: "31 Apr 1970", expected: undefined },
    { input: "12/03/1970", expected: undefined },
    { input: "circa 1970", expected: undefined },
  ])("$input → $expected", ({ input, expected }) => expect(parseOfacDate(input)).toBe(expected));
});

describe("parseOfacDateValue", () => {
  it.each([
    { input: "30 Aug 1954", expected: "1954-08-30" },
    { input: "circa 1970", expected: { from: "1970", to: "1970", circa: true } },
    { input: "1968 to 1970", expected: { from: "1968", to: "1970" } },
    { input: "01 Jan 1977 to 31 Dec 1985", expected: { from: "1977-01-01", to: "1985-12-31" } },
    { input: "circa 1968 to 1970", expected: { from: "1968", to: "1970", circa: true } },
    { input: "Jan 1970", expected: "1970-01" },
    { input: "1970 to 1968", expected: undefined },
    { input: "unknown", expected: undefined },
  ])("$input", ({ input, expected }) => expect(parseOfacDateValue(input)).toEqual(expected));

  test.prop([fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })])(
    "reads every day OFAC can write, as a valid DateValue",
    (d) => {
      const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
      const text = `${String(d.getUTCDate()).padStart(2, "0")} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
      const value = parseOfacDateValue(text);
      expect(value).toBe(d.toISOString().slice(0, 10));
      expect(DateValueSchema.safeParse(value).success).toBe(true);
    },
  );
});

describe("parseOfacRemarks", () => {
  it("reads the LUKASHENKA remark completely", () => {
    const facts = parseOfacRemarks("DOB 30 Aug 1954; alt. DOB 31 Aug 1954; POB Kopys, Vitebsk oblast, Belarus; nationality Belarus; Gender Male.");
    expect(facts.birthDates).toEqual(["1954-08-30", "1954-08-31"]);
    expect(facts.birthPlaces).toEqual([{ place: "Kopys, Vitebsk oblast, Belarus", country: "BY" }]);
    expect(facts.nationalities).toEqual(["BY"]);
    expect(facts.gender).toBe("male");
    expect(facts.unparsed).toEqual([]);
    expect(facts.parsed).toHaveLength(5);
  });

  it("reads identifiers with issuing country and dates, and aliases", () => {
    const facts = parseOfacRemarks(
      "Passport L8081303 (Iran) issued 14 Mar 2006 expires 14 Mar 2011; Tax ID No. 100320487 (Belarus); Registration Number HRA 738077 (Stuttgart) (Germany); " +
        "Digital Currency Address - XBT 149w62rY42aZBox8fGcmqNsXUzSStKeq8C; Email Address a@b.c; Vessel Registration Identification IMO 9569671; MMSI 572469210; " +
        "Aircraft Manufacturer's Serial Number (MSN) 391; a.k.a. 'OJSC MAZ'; f.k.a. 'ANA I'; Linked To: MAHAN AIR.",
    );
    expect(facts.identifiers).toEqual([
      { type: "passport", value: "L8081303", label: "Passport", country: "IR", issued: "2006-03-14", expires: "2011-03-14" },
      { type: "tax-id", value: "100320487", label: "Tax ID No.", country: "BY" },
      { type: "registration", value: "HRA 738077 (Stuttgart)", label: "Registration Number", country: "DE" },
      { type: "crypto-address", value: "149w62rY42aZBox8fGcmqNsXUzSStKeq8C", label: "Digital Currency Address - XBT" },
      { type: "email", value: "a@b.c", label: "Email Address" },
      { type: "imo", value: "9569671", label: "Vessel Registration Identification" },
      { type: "mmsi", value: "572469210", label: "MMSI" },
      { type: "aircraft-serial", value: "391", label: "Aircraft Manufacturer's Serial Number (MSN)" },
    ]);
    expect(facts.names).toEqual([
      { value: "OJSC MAZ", kind: "weak-alias" },
      { value: "ANA I", kind: "former" },
    ]);
    expect(facts.unparsed).toEqual(["Linked To: MAHAN AIR"]);
  });

  it("keeps a city in parentheses as a note, never as a country", () => {
    const [id] = parseOfacRemarks("Matricula Mercantil No 818178-2 (Cali).").identifiers;
    expect(id).toEqual({ type: "registration", value: "818178-2", label: "Matricula Mercantil No", note: "(Cali)" });
  });

  it("leaves positions and hedged facts as text", () => {
    const facts = parseOfacRemarks("Member of Parliament for Kilome (Kenya); nationality possibly Palestinian;arrested 23 Apr 2002; DOB sometime in 1970.");
    expect(facts.parsed).toEqual([]);
    expect(facts.unparsed).toEqual(["Member of Parliament for Kilome (Kenya)", "nationality possibly Palestinian", "arrested 23 Apr 2002", "DOB sometime in 1970"]);
  });

  it("resolves Listing Date (…) to the programme it names, else leaves it as text", () => {
    const text = "Listing Date (EO 14024 Directive 2): 24 Feb 2022; Effective Date (CMIC): 02 Aug 2021; Listing Date (EO 99999): 01 Jan 2020.";
    const facts = parseOfacRemarks(text, { programs: ["UKRAINE-EO13662", "RUSSIA-EO14024", "CMIC-EO13959"] });
    expect(facts.programDates.map((d) => [d.kind, d.program, d.date])).toEqual([
      ["listing", "RUSSIA-EO14024", "2022-02-24"],
      ["effective", "CMIC-EO13959", "2021-08-02"],
    ]);
    expect(facts.unparsed).toEqual(["Listing Date (EO 99999): 01 Jan 2020"]);
  });

  it("does not read the last fragment of a remark OFAC cut at 1,000 characters", () => {
    const facts = parseOfacRemarks("DOB 1970; Passport A12", { truncated: true });
    expect(facts.birthDates).toEqual(["1970"]);
    expect(facts.identifiers).toEqual([]);
    expect(facts.unparsed).toEqual(["Passport A12"]);
  });

  it("keeps a quoted alias with a semicolon whole", () => {
    expect(parseOfacRemarks("a.k.a. 'A; B'; DOB 1970.").names).toEqual([{ value: "A; B", kind: "weak-alias" }]);
  });

  test.prop([fc.array(fc.stringMatching(/^[A-Za-z0-9 .,'()-]{1,30}$/), { maxLength: 6 })])(
    "files every fragment as parsed or unparsed, verbatim, and reads only valid dates",
    (parts) => {
      const text = parts.join("; ");
      const facts = parseOfacRemarks(text);
      const fragments = [...facts.parsed, ...facts.unparsed];
      for (const f of fragments) expect(text).toContain(f);
      // Nothing is dropped: every non-blank part of the input is in some fragment.
      for (const part of parts.map((p) => p.trim().replace(/\.$/, "")).filter((p) => p !== "")) {
        expect(fragments.some((f) => f.includes(part) || part.includes(f))).toBe(true);
      }
      for (const d of facts.birthDates) expect(DateValueSchema.safeParse(d).success).toBe(true);
    },
  );
});

describe("OFAC helpers", () => {
  it.each([
    { input: "Bosnia and Herzegovina", expected: "BA" },
    { input: "Man, Isle of", expected: "IM" },
    { input: "Korea, North", expected: "KP" },
    { input: "Region: Gaza", expected: "PS" },
    { input: "North Macedonia, The Republic of", expected: "MK" },
    { input: "Stuttgart", expected: undefined },
  ])("ofacCountryCode($input)", ({ input, expected }) => expect(ofacCountryCode(input)).toBe(expected));

  it.each([
    { label: "Cedula No.", expected: "national-id" },
    { label: "Passport Booklet:", expected: "passport" },
    { label: "Digital Currency Address - ETH", expected: "crypto-address" },
    { label: "Some New Tax Number", expected: "tax-id" },
    { label: "Equity Ticker", expected: "other" },
  ])("ofacIdentifierType($label)", ({ label, expected }) => expect(ofacIdentifierType(label)).toBe(expected));

  it("treats -0- as empty", () => {
    expect(ofacValue("-0- ")).toBeUndefined();
    expect(ofacValue(" x ")).toBe("x");
  });

  it("splits person names at the single comma", () => {
    expect(ofacPersonNameParts("LUKASHENKA, Alyaksandr Ryhorovich")).toEqual({ family: ["LUKASHENKA"], given: ["Alyaksandr Ryhorovich"] });
    expect(ofacPersonNameParts("BANK, A, B")).toBeUndefined();
  });

  it.each([
    { tag: "NPWMD", expected: "E.O. 13382" },
    { tag: "SDGT", expected: "E.O. 13224" },
    { tag: "IFSR", expected: "Iranian Financial Sanctions Regulations, 31 CFR 561" },
    { tag: "SYRIA", expected: "E.O. 13338; E.O. 13572; E.O. 13573; E.O. 13582" },
    { tag: "BELARUS", expected: "E.O. 13405" },
    { tag: "BELARUS-EO14038", expected: "E.O. 14038" },
    { tag: "RUSSIA-EO14024", expected: "E.O. 14024" },
    { tag: "IRGC", expected: undefined },
    { tag: "DPRK", expected: undefined },
  ])("authority of $tag", ({ tag, expected }) => expect(ofacProgramAuthority(tag)).toBe(expected));

  it("splits the Program field and maps non-SDN sub-lists", () => {
    expect(splitOfacPrograms("SYRIA] [NPWMD] [IFSR")).toEqual(["SYRIA", "NPWMD", "IFSR"]);
    expect(ofacNonSdnListOfProgram("UKRAINE-EO13662")).toBe("Sectoral Sanctions Identifications List");
    expect(ofacNonSdnListOfProgram("SDGT")).toBeUndefined();
    expect(ofacProgramForQualifier("EO 14014 Directive 1", ["BURMA-EO14014"])).toBe("BURMA-EO14014");
    expect(ofacProgramForQualifier("EO 14024 Directive 2", ["RUSSIA-EO14024", "BPI-RUSSIA-EO14024"])).toBeUndefined();
  });
});
