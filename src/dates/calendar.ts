/**
 * Internal calendar helpers. Contract: a calendar day is carried as a `YYYY-MM-DD` string and only
 * turned into a `Date` at *local* midnight, built with `setFullYear` (so years below 100 are not
 * mapped to 19xx) and read back with local getters, so every step stays on the same calendar day
 * whatever the machine's time zone; mixing in `Date.UTC` or `new Date("YYYY-MM-DD")` (which parses
 * as UTC midnight) would shift days west of Greenwich. The two calendar operations are date-fns 4's
 * `getDaysInMonth` (in plain Gregorian arithmetic) and `addYears` (on the native `Date`), written out
 * here (issue 8: the two subpath imports loaded ~15 modules, ~13 ms of a cold start);
 * `test/dates/calendar.test.ts` holds them equal to date-fns over every month of years 0–9999 and
 * sampled days, in several time zones.
 */

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/**
 * `YYYY-MM-DD` of year, month (1-12) and day.
 * @example
 * formatDay(50, 2, 1) //=> "0050-02-01"
 */
export function formatDay(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Local-midnight `Date` of a calendar day; never goes through UTC.
 * @example
 * localDate(2024, 2, 29).getDate() //=> 29
 */
export function localDate(year: number, month: number, day: number): Date {
  const date = new Date(2000, 0, 1, 0, 0, 0, 0);
  date.setFullYear(year, month - 1, day);
  date.setHours(0, 0, 0, 0);
  return date;
}

/**
 * `YYYY-MM-DD` of a local `Date`, read with local getters.
 * @example
 * dayOfLocalDate(localDate(2024, 2, 29)) //=> "2024-02-29"
 */
export function dayOfLocalDate(date: Date): string {
  return formatDay(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/**
 * Number of days in a month (1-12) of a year, Gregorian (proleptic): plain arithmetic, no `Date`
 * (a screen checks every listing date it explains; two `Date` objects per check were ~5 % of a
 * screen). Equal to date-fns `getDaysInMonth` over every month of years 0–9999
 * (`test/dates/calendar.test.ts`).
 * @example
 * daysInMonth(1900, 2) //=> 28
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Shifts a `YYYY-MM-DD` day by whole years; 29 February becomes 28 February in common years.
 * @example
 * shiftYears("2024-02-29", 1) //=> "2025-02-28"
 */
export function shiftYears(day: string, years: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return dayOfLocalDate(addMonths(localDate(y, m, d), years * 12));
}

/** date-fns addMonths: the same day-of-month `amount` months on, or the last day of a shorter month. */
function addMonths(date: Date, amount: number): Date {
  if (Number.isNaN(amount)) return new Date(Number.NaN);
  if (!amount) return date;
  const dayOfMonth = date.getDate();
  const endOfDesiredMonth = new Date(date.getTime());
  endOfDesiredMonth.setMonth(date.getMonth() + amount + 1, 0);
  if (dayOfMonth >= endOfDesiredMonth.getDate()) return endOfDesiredMonth;
  const shifted = new Date(date.getTime());
  shifted.setFullYear(endOfDesiredMonth.getFullYear(), endOfDesiredMonth.getMonth(), dayOfMonth);
  return shifted;
}
