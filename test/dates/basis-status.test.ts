import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors";
import { basisStatusOn, designationStatusOn, type BasisDates } from "../../src/dates";
import type { DatedFact } from "../../src/model";

const stated = (date: string, bound: DatedFact["bound"] = "exact"): DatedFact => ({ date, certainty: "stated", bound, source: "test" });
const observed = (date: string, extra: Partial<DatedFact> = {}): DatedFact => ({
  date,
  certainty: "observed",
  bound: "on-or-before",
  source: "test",
  ...extra,
});

const npwmd: BasisDates = { program: "NPWMD", listedOn: stated("2012-09-19") };
const syria: BasisDates = {
  program: "SYRIA",
  listedOn: stated("2012-09-19"),
  endedOn: { date: "2025-07-01", certainty: "inferred", bound: "exact", source: "E.O. 14312" },
};

describe("basisStatusOn", () => {
  it.each([
    { case: "the day before listing", basis: npwmd, asOf: "2012-09-18", status: "not-yet-listed", code: "not-yet-listed" },
    { case: "the listing day", basis: npwmd, asOf: "2012-09-19", status: "in-force", code: "listed" },
    { case: "an open basis years later", basis: npwmd, asOf: "2026-08-20", status: "in-force", code: "listed" },
    { case: "the day before the end", basis: syria, asOf: "2025-06-30", status: "in-force", code: "listed" },
    { case: "the end day", basis: syria, asOf: "2025-07-01", status: "ended", code: "ended" },
    { case: "after the end", basis: syria, asOf: "2026-01-01", status: "ended", code: "ended" },
  ] as const)("$case ($asOf) → $status", ({ basis, asOf, status, code }) => {
    const result = basisStatusOn(basis, asOf);
    expect(result.status).toBe(status);
    expect(result.reason.code).toBe(code);
  });

  it("says why, with the deciding fact's date, certainty and bound", () => {
    expect(basisStatusOn(syria, "2025-07-01").reason).toEqual({
      code: "ended",
      detail: "[SYRIA] ended 2025-07-01 (inferred), not in force on 2025-07-01",
      date: "2025-07-01",
      certainty: "inferred",
      bound: "exact",
    });
    expect(basisStatusOn(npwmd, "2025-01-01").reason.detail).toBe("[NPWMD] listed 2012-09-19 (stated), open as of 2025-01-01");
  });

  it.each([
    { asOf: "2012-08-31", status: "not-yet-listed" },
    { asOf: "2012-09-01", status: "uncertain" },
    { asOf: "2012-09-10", status: "uncertain" },
    { asOf: "2012-09-29", status: "uncertain" },
    { asOf: "2012-09-30", status: "in-force" },
  ] as const)("a partial listing date 2012-09 is an interval: $asOf → $status", ({ asOf, status }) => {
    expect(basisStatusOn({ program: "NPWMD", listedOn: stated("2012-09") }, asOf).status).toBe(status);
  });

  it("a bound-only listing date is uncertain before the bound, never a silent clear", () => {
    const ifsr: BasisDates = { program: "IFSR", listedOn: observed("2021-08-18") };
    const before = basisStatusOn(ifsr, "2015-01-01");
    expect(before.status).toBe("uncertain");
    expect(before.reason).toMatchObject({ code: "listing-uncertain", date: "2021-08-18", certainty: "observed", bound: "on-or-before" });
    expect(before.reason.detail).toBe("[IFSR] listed on or before 2021-08-18 (observed): cannot tell whether it was listed on 2015-01-01");
    expect(basisStatusOn(ifsr, "2021-08-18").status).toBe("in-force");
  });

  it("a lower-bound listing date is never in force by itself", () => {
    const basis: BasisDates = { program: "X", listedOn: stated("2020", "on-or-after") };
    expect(basisStatusOn(basis, "2019-12-31").status).toBe("not-yet-listed");
    expect(basisStatusOn(basis, "2020-01-01").status).toBe("uncertain");
    expect(basisStatusOn(basis, "2030-01-01").status).toBe("uncertain");
  });

  it("an observed removal window: in force before it, uncertain inside it, ended from its bound on", () => {
    const basis: BasisDates = {
      program: "RUSSIA-EO14024",
      listedOn: observed("2022-11-14"),
      endedOn: observed("2024-05-03", { notBefore: "2024-05-02" }),
    };
    expect(basisStatusOn(basis, "2024-05-01").status).toBe("in-force");
    expect(basisStatusOn(basis, "2024-05-02").reason.code).toBe("end-uncertain");
    expect(basisStatusOn(basis, "2024-05-03").status).toBe("ended");
    // Without the window's start, every day before the bound is uncertain.
    const open: BasisDates = { ...basis, endedOn: observed("2024-05-03") };
    expect(basisStatusOn(open, "2023-01-01").status).toBe("uncertain");
  });

  it("with no listing date: in force as of the list's date, uncertain before it", () => {
    const basis: BasisDates = { program: "BELARUS-EO14038" };
    const onList = basisStatusOn(basis, "2024-05-03", "2024-05-03");
    expect(onList.status).toBe("in-force");
    expect(onList.reason).toEqual({
      code: "listed-date-unknown",
      detail: "[BELARUS-EO14038] in force as of the list's date 2024-05-03, listing date unknown",
      date: "2024-05-03",
    });
    expect(basisStatusOn(basis, "2024-01-01", "2024-05-03T18:43:23Z").status).toBe("uncertain");
    expect(basisStatusOn(basis, "2024-01-01").reason.code).toBe("listed-date-unknown");
  });

  it("reports an unconfirmed basis but never as in force", () => {
    const basis: BasisDates = { program: "NPWMD", listedOn: stated("2012-09-19"), confirmed: false };
    const result = basisStatusOn(basis, "2025-01-01");
    expect(result.status).toBe("uncertain");
    expect(result.reason.code).toBe("unconfirmed");
    expect(result.reason.detail).toMatch(/^unconfirmed/);
    expect(basisStatusOn(basis, "2012-01-01").status).toBe("not-yet-listed");
  });

  it.each(["2025-1-1", "2025-02-30", "2025", "", "2025-01-01T00:00:00Z"])("refuses asOf %j", (asOf) => {
    expect(() => basisStatusOn(npwmd, asOf)).toThrow(InputError);
  });

  it("refuses an invalid list date", () => {
    expect(() => basisStatusOn({ program: "X" }, "2025-01-01", "01/05/2024")).toThrow(InputError);
  });
});

describe("designationStatusOn", () => {
  const armySupplyBureau = { bases: [syria, npwmd] };
  it("is in force while any basis is", () => {
    const result = designationStatusOn(armySupplyBureau, "2026-01-01");
    expect(result.status).toBe("in-force");
    expect(result.reason.detail).toContain("[NPWMD]");
    expect(result.bases.map((b) => b.status)).toEqual(["ended", "in-force"]);
  });
  it("is ended when every basis ended", () => {
    expect(designationStatusOn({ bases: [syria] }, "2026-01-01").status).toBe("ended");
  });
  it("is uncertain, not ended, when one basis ended and another cannot be told", () => {
    const result = designationStatusOn({ bases: [syria, { program: "IFSR", listedOn: observed("2030-01-01") }] }, "2026-01-01");
    expect(result.status).toBe("uncertain");
    expect(result.reason.code).toBe("listing-uncertain");
  });
  it("is not yet listed before every basis", () => {
    expect(designationStatusOn(armySupplyBureau, "2000-01-01").status).toBe("not-yet-listed");
  });
  it("refuses a designation without bases", () => {
    expect(() => designationStatusOn({ bases: [] }, "2026-01-01")).toThrow(InputError);
  });
});

const dayArb = fc
  .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const precisionArb = fc.constantFrom(4, 7, 10);
const factArb = fc.record({
  date: fc.tuple(dayArb, precisionArb).map(([d, n]) => d.slice(0, n)),
  certainty: fc.constantFrom("stated", "observed", "inferred"),
  bound: fc.constantFrom("exact", "on-or-before", "on-or-after"),
}) as fc.Arbitrary<DatedFact>;
const basisArb: fc.Arbitrary<BasisDates> = fc.record(
  { listedOn: factArb, endedOn: factArb, confirmed: fc.boolean(), program: fc.constant("X") },
  { requiredKeys: ["program"] },
);

describe("basisStatusOn properties", () => {
  test.prop([dayArb, dayArb, fc.option(dayArb, { nil: undefined })])(
    "with exact days: in force exactly when listed <= asOf < ended",
    (listed, asOf, ended) => {
      const basis: BasisDates = { listedOn: stated(listed), ...(ended === undefined ? {} : { endedOn: stated(ended) }) };
      const expected = listed <= asOf && (ended === undefined || asOf < ended);
      expect(basisStatusOn(basis, asOf).status === "in-force").toBe(expected);
      expect(basisStatusOn(basis, asOf).status).not.toBe("uncertain");
    },
  );

  test.prop([basisArb, dayArb])("an unconfirmed basis is never in force", (basis, asOf) => {
    expect(basisStatusOn({ ...basis, confirmed: false }, asOf).status).not.toBe("in-force");
  });

  test.prop([dayArb, dayArb])("a bound-only listing never clears a day before its bound", (bound, asOf) => {
    const status = basisStatusOn({ listedOn: observed(bound) }, asOf).status;
    expect(status).toBe(asOf >= bound ? "in-force" : "uncertain");
  });

  test.prop([basisArb, dayArb, dayArb])("once ended for sure, it stays ended", (basis, a, b) => {
    const [early, late] = a <= b ? [a, b] : [b, a];
    if (basisStatusOn(basis, early).status === "ended") expect(basisStatusOn(basis, late).status).toBe("ended");
  });

  test.prop([basisArb, dayArb])("a designation is in force exactly when one of its bases is", (basis, asOf) => {
    const other: BasisDates = { program: "Y", listedOn: stated("2010-01-01") };
    const result = designationStatusOn({ bases: [basis, other] }, asOf);
    expect(result.status === "in-force").toBe(result.bases.some((b) => b.status === "in-force"));
  });
});
