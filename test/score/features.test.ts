import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  birthDateReason,
  birthYearEvidenceBound,
  birthYearSpans,
  COUNTRY_MATCH_BONUS,
  countryCodeNumber,
  countryEvidenceBound,
  DOB_MAX_BONUS,
  combineReasons,
  countryReason,
  entityTypeReason,
  identifierKey,
  inferredTypeReason,
  organisationWords,
  identifierReason,
  legalFormReason,
  NAMES_V2,
  nameKindReason,
  rarityWeight,
} from "../../src/score";
import { normalizeName } from "../../src/normalize";

describe("country evidence bound", () => {
  // As the date's (search-floors.ts): never below what countryReason gives, and equal to it.
  const code = fc.constantFrom("RU", "BY", "IR", "SY", "IQ", "GB", "US", "Kosovo");
  test.prop([fc.array(fc.array(code, { maxLength: 3 }), { minLength: 1, maxLength: 4 }), fc.constantFrom("RU", "IR", "SY", "DE")], { numRuns: 500 })("equals what each record's countries give", (perRecord, query) => {
    const offsets = new Uint32Array(perRecord.length + 1);
    const codes: number[] = [];
    perRecord.forEach((cs, i) => {
      const distinct = [...new Set(cs)];
      codes.push(...distinct.map(countryCodeNumber));
      offsets[i + 1] = codes.length;
    });
    const packed = { offsets, codes: Uint16Array.from(codes) };
    perRecord.forEach((cs, r) => {
      expect(countryEvidenceBound(packed, r, countryCodeNumber(query))).toBe(countryReason(query, [...new Set(cs)])?.weight ?? 0);
    });
    expect(countryEvidenceBound({ offsets: Uint32Array.of(0, 1), codes: Uint16Array.of(countryCodeNumber("RU")) }, 0, countryCodeNumber("RU"))).toBe(COUNTRY_MATCH_BONUS);
  });
});

describe("dob", () => {
  // A screen searches each record from the review threshold less this bound (search-floors.ts): it
  // must never be below what the record's dates give (a hit would be lost), and it is tight.
  const partial = fc.tuple(fc.integer({ min: 1930, max: 1990 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.constantFrom(4, 7, 10)).map(([y, m, d, len]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`.slice(0, len));
  const dateValue = fc.oneof(partial, fc.tuple(fc.integer({ min: 1930, max: 1990 }), fc.nat({ max: 6 }), fc.boolean()).map(([y, n, circa]) => ({ from: String(y), to: String(y + n), circa })));
  test.prop([fc.array(dateValue, { maxLength: 4 }), partial], { numRuns: 2000 })("bounds what a record's birth dates give a caller's date", (dates, query) => {
    const bound = birthYearEvidenceBound(birthYearSpans([{ subject: { birthDates: dates } }]), 0, Number(query.slice(0, 4)));
    const given = birthDateReason(query, dates)?.weight ?? 0;
    expect(given).toBeLessThanOrEqual(bound);
    // Tight outside the span (the penalty itself) and without dates (nothing).
    if (bound !== DOB_MAX_BONUS) expect(given).toBe(bound);
  });

  it("matches partial dates as intervals, with a bonus by shared precision", () => {
    expect(birthDateReason("1970", ["1970-03-02"])).toMatchObject({ feature: "dob.match", weight: 0.03 });
    expect(birthDateReason("1970-03", ["1970-03-02"])).toMatchObject({ feature: "dob.match", weight: 0.05 });
    expect(birthDateReason("1970-03-02", ["1970-03-02"])).toMatchObject({ feature: "dob.match", weight: 0.08 });
    expect(birthDateReason("1969", [{ from: "1968", to: "1970", circa: true }])).toMatchObject({ feature: "dob.match", candidate: "circa 1968..1970" });
  });

  it("penalises disjoint dates by how far apart they are", () => {
    expect(birthDateReason("1970-05-01", ["1970-03-02"])).toMatchObject({ feature: "dob.day-mismatch", weight: -0.05 });
    expect(birthDateReason("1971", ["1970-03-02"])).toMatchObject({ feature: "dob.year-mismatch", weight: -0.1, detail: "birth year 1971 vs 1970-03-02" });
    expect(birthDateReason("1980", ["1970-03-02", "1971"])).toMatchObject({ feature: "dob.year-mismatch", weight: -0.2 });
  });

  it("treats a missing date on either side as no evidence", () => {
    expect(birthDateReason(undefined, ["1970"])).toBeUndefined();
    expect(birthDateReason("1970", [])).toBeUndefined();
  });
});

describe("type, country, identifiers, legal form, name kind", () => {
  it("penalises person vs non-person more than vessel vs organisation", () => {
    expect(entityTypeReason("person", "organization")?.weight).toBe(-0.2);
    expect(entityTypeReason("vessel", "organization")?.weight).toBe(-0.05);
    expect(entityTypeReason("person", "person")).toBeUndefined();
    expect(entityTypeReason(undefined, "person")).toBeUndefined();
    expect(entityTypeReason("person", "unknown")).toBeUndefined();
  });

  it("reads a query as an organisation from its legal-form and descriptor words, not from a rank or a two-letter particle", () => {
    expect(organisationWords(normalizeName("Deere & Company"))).toEqual(["COMPANY"]);
    expect(organisationWords(normalizeName("Nomura Holdings"))).toEqual(["HOLDING"]);
    expect(organisationWords(normalizeName("General Qassem Soleimani"))).toEqual([]);
    expect(organisationWords(normalizeName("MOUSSA, Bah Ag"))).toEqual([]);
    expect(organisationWords(normalizeName("Nicolas Maduro"))).toEqual([]);
  });

  it("penalises an inferred organisation against a person's record only, less than a caller's type", () => {
    const r = inferredTypeReason(["HOLDING"], "person");
    expect(r).toMatchObject({ feature: "type.inferred-mismatch", weight: -0.1, query: "organization", candidate: "person" });
    expect(r?.detail).toContain("HOLDING");
    expect(-(r?.weight ?? 0)).toBeLessThan(-(entityTypeReason("organization", "person")?.weight ?? 0));
    expect(inferredTypeReason(["HOLDING"], "organization")).toBeUndefined();
    expect(inferredTypeReason(["HOLDING"], "unknown")).toBeUndefined();
    expect(inferredTypeReason([], "person")).toBeUndefined();
    // A person's record whose matched name reads as an organisation's contradicts its own type.
    expect(inferredTypeReason(["LLC"], "person", ["LLC"])).toBeUndefined();
  });

  it("compares countries only when the record has some", () => {
    expect(countryReason("BY", ["BY", "RU"])).toMatchObject({ feature: "country.match", weight: 0.03 });
    expect(countryReason("DE", ["BY"])).toMatchObject({ feature: "country.mismatch", weight: -0.05 });
    expect(countryReason("DE", [])).toBeUndefined();
  });

  it("reports an exact identifier match as strong evidence, with type and country checks", () => {
    const record = [{ type: "imo" as const, value: "IMO 9187629" }, { type: "passport" as const, value: "A1234567", country: "IR" }];
    expect(identifierKey("imo", "IMO 9187629")).toBe("9187629");
    expect(identifierReason([{ type: "imo", value: "9187629" }], record)).toMatchObject({ feature: "identifier.match", weight: 0.5 });
    expect(identifierReason([{ type: "passport", value: "a123-4567", country: "IR" }], record)?.detail).toBe("exact passport match A1234567 (IR): strong evidence");
    expect(identifierReason([{ type: "passport", value: "A1234567", country: "IQ" }], record)).toBeUndefined();
    expect(identifierReason([{ type: "imo", value: "A1234567" }], record)).toBeUndefined();
    expect(identifierReason([{ value: "123" }], [{ type: "other", value: "123" }])).toBeUndefined();
  });

  it("compares legal forms as families, mildly", () => {
    expect(legalFormReason(["limited-liability"], ["limited-liability"], NAMES_V2)).toMatchObject({ feature: "name.legal-form", weight: 0 });
    expect(legalFormReason(["limited-liability"], ["joint-stock"], NAMES_V2)).toMatchObject({ feature: "name.legal-form-mismatch", weight: -0.03 });
    expect(legalFormReason([], ["joint-stock"], NAMES_V2)).toBeUndefined();
  });

  it("scores weak aliases below strong names", () => {
    expect(nameKindReason("weak-alias", "ABU AHMAD", NAMES_V2)?.weight).toBe(-0.08);
    expect(nameKindReason("alias", "X", NAMES_V2)).toBeUndefined();
  });

  it("combines reasons as a clamped weighted sum", () => {
    expect(
      combineReasons([
        { feature: "name.fuzzy", score: 0.93, weight: 1, detail: "" },
        { feature: "dob.year-mismatch", score: 1, weight: -0.05, detail: "" },
      ]),
    ).toBe(0.88);
    expect(combineReasons([{ feature: "name.fuzzy", score: 1, weight: 1, detail: "" }, { feature: "identifier.match", score: 1, weight: 0.5, detail: "" }])).toBe(1);
  });
});

describe("rarity weights", () => {
  it("weighs rare tokens fully and common ones little, never nothing", () => {
    expect(rarityWeight(0, 20000, NAMES_V2)).toBe(1);
    expect(rarityWeight(2, 20000, NAMES_V2)).toBe(1);
    expect(rarityWeight(100, 20000, NAMES_V2)).toBeLessThan(rarityWeight(10, 20000, NAMES_V2));
    expect(rarityWeight(20000, 20000, NAMES_V2)).toBe(NAMES_V2.minRarity);
  });
});
