/**
 * Calendar date of an instant in a time zone, for the handler's default `asOf`. The handler is the
 * system's edge: it is the one place (with the CLI) that reads the clock, and only through the
 * injected `now`; the library below it always receives an explicit date.
 */

/**
 * A formatter of instants as `YYYY-MM-DD` in `timeZone` (IANA name); throws `RangeError` on an
 * unknown zone.
 * @example
 * createDateFormatter("Asia/Tokyo")(new Date("2025-06-30T20:00:00Z")) //=> "2025-07-01"
 */
export function createDateFormatter(timeZone: string): (instant: Date) => string {
  const format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  return (instant) => {
    const parts = format.formatToParts(instant);
    const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? "";
    return `${part("year").padStart(4, "0")}-${part("month")}-${part("day")}`;
  };
}
