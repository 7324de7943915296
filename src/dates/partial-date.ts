/**
 * Partial dates as intervals. A publisher's `1970-03` is not "1 March 1970": it is every day of
 * March 1970, so every comparison goes through the interval a value covers. All functions work
 * on calendar days (`YYYY-MM-DD` strings) and never on instants, so a date-only value never
 * shifts with the machine's time zone.
 */
import { InputError } from "../errors";
import type { DateValue } from "../model";
import { daysInMonth, formatDay, shiftYears } from "./calendar";

/** The parts of a partial date and how precise it is. */
export interface PartialDateParts {
  readonly year: number;
  /** 1-12, when the date gives a month. */
  readonly month?: number;
  /** 1-31, when the date gives a day. */
  readonly day?: number;
  readonly precision: "year" | "month" | "day";
}

/** An inclusive interval of calendar days, both ends `YYYY-MM-DD`. */
export interface DateInterval {
  readonly start: string;
  readonly end: string;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function invalid(path: string, expected: string, value: unknown): InputError {
  const received = typeof value === "string" ? JSON.stringify(value) : String(value);
  return new InputError([{ path, expected, received, message: `expected ${expected}` }]);
}

/**
 * Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into its parts, refusing days that do not exist
 * (`2023-02-29`) with an {@link InputError}.
 * @example
 * parsePartialDate("1970-03") //=> { year: 1970, month: 3, precision: "month" }
 */
export function parsePartialDate(value: string, path = "date"): PartialDateParts {
  const match = typeof value === "string" ? PARTIAL_DATE.exec(value) : null;
  if (!match) throw invalid(path, "YYYY[-MM[-DD]]", value);
  const year = Number(match[1]);
  if (match[2] === undefined) return { year, precision: "year" };
  const month = Number(match[2]);
  if (month < 1 || month > 12) throw invalid(path, "a month 01-12", value);
  if (match[3] === undefined) return { year, month, precision: "month" };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) throw invalid(path, "a day that exists in that month", value);
  return { year, month, day, precision: "day" };
}

/**
 * True when the value is a partial date whose days exist.
 * @example
 * isPartialDate("2024-02-29") //=> true
 * isPartialDate("2023-02-29") //=> false
 */
export function isPartialDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    parsePartialDate(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * True when year, month (1–12) and day name a day that exists (proleptic Gregorian, UTC-free).
 * @example
 * isCalendarDay(2024, 2, 29) //=> true
 * isCalendarDay(2023, 2, 29) //=> false
 */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/**
 * True when the value is a full calendar day `YYYY-MM-DD` that exists: the only form an `asOf` takes.
 * @example
 * isValidAsOf("2025-01-01") //=> true
 * isValidAsOf("2025-01") //=> false
 */
export function isValidAsOf(value: unknown): value is string {
  return typeof value === "string" && value.length === 10 && isPartialDate(value);
}

/**
 * The calendar day a list date or `asOf` names: a `YYYY-MM-DD` as is, or the date part of an ISO
 * timestamp as written (the publisher's own calendar day, not converted to UTC).
 * @example
 * calendarDayOf("2026-02-27T10:00:05+01:00") //=> "2026-02-27"
 */
export function calendarDayOf(value: string, path = "date"): string {
  const day = typeof value === "string" ? value.slice(0, 10) : "";
  const rest = typeof value === "string" ? value.slice(10) : "";
  if (!isValidAsOf(day) || (rest !== "" && !/^T\d{2}:\d{2}/.test(rest))) {
    throw invalid(path, "YYYY-MM-DD or an ISO timestamp", value);
  }
  return day;
}

/**
 * The inclusive interval of days a partial date covers.
 * @example
 * partialDateToInterval("1970-03") //=> { start: "1970-03-01", end: "1970-03-31" }
 */
export function partialDateToInterval(value: string, path = "date"): DateInterval {
  const parts = parsePartialDate(value, path);
  if (parts.precision === "year") return { start: formatDay(parts.year, 1, 1), end: formatDay(parts.year, 12, 31) };
  const month = parts.month as number;
  if (parts.precision === "month") {
    return { start: formatDay(parts.year, month, 1), end: formatDay(parts.year, month, daysInMonth(parts.year, month)) };
  }
  return { start: value, end: value };
}

/** Options of {@link dateValueToInterval}. */
export interface DateValueToIntervalOptions {
  /** Years added on each side of a `circa` value. Default 1 ("circa 1970" covers 1969-1971). */
  readonly circaYears?: number;
}

const MIN_DAY = "0000-01-01";
const MAX_DAY = "9999-12-31";

function clampShift(day: string, years: number): string {
  const year = Number(day.slice(0, 4)) + years;
  if (year < 0) return MIN_DAY;
  if (year > 9999) return MAX_DAY;
  return shiftYears(day, years);
}

/**
 * The inclusive interval of days a date value covers: a partial date's interval, a range from the
 * start of `from` to the end of `to`, widened by `circaYears` on each side when marked circa.
 * @example
 * dateValueToInterval({ from: "1968", to: "1970" }) //=> { start: "1968-01-01", end: "1970-12-31" }
 * dateValueToInterval({ from: "1970", to: "1970", circa: true }) //=> { start: "1969-01-01", end: "1971-12-31" }
 */
export function dateValueToInterval(value: DateValue, options: DateValueToIntervalOptions = {}): DateInterval {
  if (typeof value === "string") return partialDateToInterval(value);
  const start = partialDateToInterval(value.from, "from").start;
  const end = partialDateToInterval(value.to, "to").end;
  if (start > end) throw invalid("to", `a date on or after ${value.from}`, value.to);
  if (!value.circa) return { start, end };
  const years = options.circaYears ?? 1;
  if (!Number.isInteger(years) || years < 0) throw invalid("circaYears", "a whole number of years >= 0", years);
  return { start: clampShift(start, -years), end: clampShift(end, years) };
}

/**
 * Orders two calendar days `YYYY-MM-DD` (-1, 0 or 1); refuses anything else.
 * @example
 * compareIsoDates("2012-09-19", "2025-07-01") //=> -1
 */
export function compareIsoDates(a: string, b: string): -1 | 0 | 1 {
  if (!isValidAsOf(a)) throw invalid("a", "YYYY-MM-DD", a);
  if (!isValidAsOf(b)) throw invalid("b", "YYYY-MM-DD", b);
  // Four-digit years, zero-padded fields: string order is calendar order.
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * True when two inclusive day intervals share at least one day.
 * @example
 * intervalsOverlap(partialDateToInterval("1970"), partialDateToInterval("1970-12-31")) //=> true
 */
export function intervalsOverlap(a: DateInterval, b: DateInterval): boolean {
  return a.start <= b.end && b.start <= a.end;
}
