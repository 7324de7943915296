/**
 * Compares the calendar helpers with date-fns 4 (which they replace on the load path) in this
 * process's time zone; prints the number of checks and the first mismatches as JSON. Run by
 * test/dates/calendar.test.ts in the test's own zone and, as a child process, in others.
 */
import { addYears } from "date-fns/addYears";
import { getDaysInMonth } from "date-fns/getDaysInMonth";
import { dayOfLocalDate, daysInMonth, localDate, shiftYears } from "../../src/dates/calendar";

export function compareWithDateFns(): { checks: number; mismatches: string[] } {
  const mismatches: string[] = [];
  let checks = 0;
  for (let year = 0; year <= 9999; year++) {
    for (let month = 1; month <= 12; month++) {
      checks++;
      const want = getDaysInMonth(localDate(year, month, 1));
      const got = daysInMonth(year, month);
      if (got !== want && mismatches.length < 10) mismatches.push(`daysInMonth(${year}, ${month}) = ${got}, date-fns ${want}`);
    }
  }
  // Every month's first, 28th–31st day (the clamped ones) of sampled years, shifted by -30 … 30 years and 0.
  const years = [0, 1, 4, 99, 100, 399, 400, 1582, 1899, 1900, 1969, 1970, 1999, 2000, 2023, 2024, 2037, 2038, 2100, 9969, 9999];
  for (const year of years) {
    for (let month = 1; month <= 12; month++) {
      for (const day of [1, 15, 28, 29, 30, 31]) {
        if (day > daysInMonth(year, month)) continue;
        const text = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
        for (const shift of [-30, -4, -1, 0, 1, 3, 4, 30]) {
          if (year + shift < 0 || year + shift > 9999) continue;
          checks++;
          const want = dayOfLocalDate(addYears(localDate(year, month, day), shift));
          const got = shiftYears(text, shift);
          if (got !== want && mismatches.length < 10) mismatches.push(`shiftYears(${text}, ${shift}) = ${got}, date-fns ${want}`);
        }
      }
    }
  }
  return { checks, mismatches };
}

if (process.argv[1]?.endsWith("calendar-probe.ts")) console.log(JSON.stringify(compareWithDateFns()));
