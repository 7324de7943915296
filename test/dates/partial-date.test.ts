import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors";
import {
  calendarDayOf,
  compareIsoDates,
  dateValueToInterval,
  intervalsOverlap,
  isPartialDate,
  isValidAsOf,
  parsePartialDate,
  partialDateToInterval,
} from "../../src/dates";

/** Any existing calendar day 0001-01-01 … 9999-12-31, built from UTC fields (no local time involved). */
const dayArb = fc
  .date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => `${String(d.getUTCFullYear()).padStart(4, "0")}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`);
const partialArb = fc.oneof(dayArb, dayArb.map((d) => d.slice(0, 7)), dayArb.map((d) => d.slice(0, 4)));

describe("parsePartialDate", () => {
  it.each([
    { input: "1970", expected: { year: 1970, precision: "year" } },
    { input: "1970-03", expected: { year: 1970, month: 3, precision: "month" } },
    { input: "1970-03-15", expected: { year: 1970, month: 3, day: 15, precision: "day" } },
    { input: "2024-02-29", expected: { year: 2024, month: 2, day: 29, precision: "day" } },
    { input: "0050-01-01", expected: { year: 50, month: 1, day: 1, precision: "day" } },
  ])("parses $input", ({ input, expected }) => expect(parsePartialDate(input)).toEqual(expected));

  it.each(["2023-02-29", "1900-02-29", "1970-13", "1970-00", "1970-04-31", "70-01", "1970-1", "1970-03-15T00:00:00Z", "", " 1970"])(
    "refuses %j with an InputError",
    (input) => {
      expect(() => parsePartialDate(input)).toThrow(InputError);
      expect(isPartialDate(input)).toBe(false);
    },
  );
});

describe("partialDateToInterval", () => {
  it.each([
    { input: "1970-03", expected: { start: "1970-03-01", end: "1970-03-31" } },
    { input: "1970", expected: { start: "1970-01-01", end: "1970-12-31" } },
    { input: "2024-02", expected: { start: "2024-02-01", end: "2024-02-29" } },
    { input: "2023-02", expected: { start: "2023-02-01", end: "2023-02-28" } },
    { input: "2000-02", expected: { start: "2000-02-01", end: "2000-02-29" } },
    { input: "1900-02", expected: { start: "1900-02-01", end: "1900-02-28" } },
    { input: "0050-02", expected: { start: "0050-02-01", end: "0050-02-28" } },
    { input: "2012-09-19", expected: { start: "2012-09-19", end: "2012-09-19" } },
  ])("$input covers $expected.start … $expected.end", ({ input, expected }) => expect(partialDateToInterval(input)).toEqual(expected));

  test.prop([dayArb])("a full day is its own interval", (day) => {
    expect(partialDateToInterval(day)).toEqual({ start: day, end: day });
  });

  test.prop([dayArb])("the month and year of a day contain it", (day) => {
    for (const partial of [day.slice(0, 7), day.slice(0, 4)]) {
      const { start, end } = partialDateToInterval(partial);
      expect(start <= day && day <= end).toBe(true);
      expect(isValidAsOf(start) && isValidAsOf(end)).toBe(true);
    }
  });
});

describe("dateValueToInterval", () => {
  it.each([
    { case: "a partial date", input: "1970-03", expected: { start: "1970-03-01", end: "1970-03-31" } },
    { case: "a range of years", input: { from: "1968", to: "1970" }, expected: { start: "1968-01-01", end: "1970-12-31" } },
    { case: "a range of months", input: { from: "1968-11", to: "1969-02" }, expected: { start: "1968-11-01", end: "1969-02-28" } },
    { case: "circa a year", input: { from: "1970", to: "1970", circa: true }, expected: { start: "1969-01-01", end: "1971-12-31" } },
    { case: "circa a leap day", input: { from: "2024-02-29", to: "2024-02-29", circa: true }, expected: { start: "2023-02-28", end: "2025-02-28" } },
    { case: "circa at year 0", input: { from: "0000", to: "0000", circa: true }, expected: { start: "0000-01-01", end: "0001-12-31" } },
  ] as const)("$case", ({ input, expected }) => expect(dateValueToInterval(input)).toEqual(expected));

  it("takes the circa width as an option", () => {
    expect(dateValueToInterval({ from: "1970", to: "1970", circa: true }, { circaYears: 0 })).toEqual({ start: "1970-01-01", end: "1970-12-31" });
    expect(dateValueToInterval({ from: "1970", to: "1970", circa: true }, { circaYears: 3 })).toEqual({ start: "1967-01-01", end: "1973-12-31" });
    expect(() => dateValueToInterval({ from: "1970", to: "1970", circa: true }, { circaYears: -1 })).toThrow(InputError);
  });

  it("refuses a range that ends before it starts", () => {
    expect(() => dateValueToInterval({ from: "1971", to: "1970-06" })).toThrow(InputError);
  });

  test.prop([partialArb, partialArb, fc.boolean()])("a range runs from the start of `from` to the end of `to`; circa only widens it", (a, b, circa) => {
    const [from, to] = partialDateToInterval(a).start <= partialDateToInterval(b).start ? [a, b] : [b, a];
    const range = dateValueToInterval({ from, to });
    expect(range).toEqual({ start: partialDateToInterval(from).start, end: partialDateToInterval(to).end });
    const widened = dateValueToInterval({ from, to, circa });
    expect(widened.start <= range.start && range.end <= widened.end).toBe(true);
    expect(isValidAsOf(widened.start) && isValidAsOf(widened.end)).toBe(true);
  });
});

describe("compareIsoDates, isValidAsOf, calendarDayOf", () => {
  it.each([
    { a: "2012-09-19", b: "2025-07-01", expected: -1 },
    { a: "2025-07-01", b: "2025-07-01", expected: 0 },
    { a: "2025-07-02", b: "2025-07-01", expected: 1 },
    { a: "0999-12-31", b: "1000-01-01", expected: -1 },
  ] as const)("$a vs $b → $expected", ({ a, b, expected }) => expect(compareIsoDates(a, b)).toBe(expected));

  it("refuses partial dates and timestamps", () => {
    expect(() => compareIsoDates("2012-09", "2012-09-19")).toThrow(InputError);
    expect(() => compareIsoDates("2012-09-19", "2012-09-19T00:00:00Z")).toThrow(InputError);
  });

  test.prop([dayArb, dayArb])("orders like the calendar and is antisymmetric", (a, b) => {
    expect(compareIsoDates(a, b)).toBe(-compareIsoDates(b, a) || 0);
    const byUtc = Math.sign(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`));
    expect(compareIsoDates(a, b)).toBe(byUtc || 0);
  });

  it.each([
    { input: "2025-01-01", expected: true },
    { input: "2024-02-29", expected: true },
    { input: "2023-02-29", expected: false },
    { input: "2025-01", expected: false },
    { input: "2025", expected: false },
    { input: "2025-01-01T00:00:00Z", expected: false },
    { input: 20250101, expected: false },
  ])("isValidAsOf($input) → $expected", ({ input, expected }) => expect(isValidAsOf(input)).toBe(expected));

  it.each([
    { input: "2026-02-27", expected: "2026-02-27" },
    { input: "2026-02-27T23:30:00-08:00", expected: "2026-02-27" },
    { input: "2026-02-27T00:30:00+09:00", expected: "2026-02-27" },
    { input: "2026-02-27T10:00:05.123Z", expected: "2026-02-27" },
  ])("calendarDayOf($input) keeps the publisher's day", ({ input, expected }) => expect(calendarDayOf(input)).toBe(expected));

  it.each(["2026-02", "2026-02-30", "2026-02-27 junk", "27/02/2026"])("calendarDayOf refuses %j", (input) =>
    expect(() => calendarDayOf(input)).toThrow(InputError),
  );
});

describe("intervalsOverlap", () => {
  it.each([
    { a: "1970", b: "1970-12-31", expected: true },
    { a: "1970", b: "1971-01", expected: false },
    { a: "1970-03", b: "1970-03-31", expected: true },
    { a: "1970-03", b: "1970-04-01", expected: false },
  ])("$a and $b → $expected", ({ a, b, expected }) =>
    expect(intervalsOverlap(partialDateToInterval(a), partialDateToInterval(b))).toBe(expected),
  );

  test.prop([partialArb, partialArb])("is symmetric and agrees with a shared day", (a, b) => {
    const ia = partialDateToInterval(a);
    const ib = partialDateToInterval(b);
    expect(intervalsOverlap(ia, ib)).toBe(intervalsOverlap(ib, ia));
    const latestStart = ia.start > ib.start ? ia.start : ib.start;
    expect(intervalsOverlap(ia, ib)).toBe(latestStart <= ia.end && latestStart <= ib.end);
  });
});
