// Run by time-zone.test.ts in a child process with TZ set: prints what the date functions return
// for inputs that would shift under a time-zone bug (month ends, leap days, DST days, year 0050).
import {
  basisStatusOn,
  calendarDayOf,
  compareIsoDates,
  dateValueToInterval,
  designationStatusOn,
  isValidAsOf,
  partialDateToInterval,
} from "../../src/dates";

const listed = { date: "2012-09-19", certainty: "stated", bound: "exact" } as const;
const ended = { date: "2025-07-01", certainty: "inferred", bound: "exact" } as const;
const partial = { date: "2012-09", certainty: "stated", bound: "exact" } as const;

const out = {
  tz: Intl.DateTimeFormat().resolvedOptions().timeZone,
  intervals: ["1970-03", "2024-02", "2023-02", "1900-02", "0050-02", "2018-11", "2024-03-10", "2024-11-03", "1970", "2018-11-04"].map((d) =>
    partialDateToInterval(d),
  ),
  circa: [
    dateValueToInterval({ from: "2024-02-29", to: "2024-02-29", circa: true }),
    dateValueToInterval({ from: "2018-11-04", to: "2019-02", circa: true }),
    dateValueToInterval({ from: "1968", to: "1970" }),
  ],
  valid: ["2024-02-29", "2023-02-29", "2018-11-04", "2024-03-10", "0050-02-29", "0048-02-29"].map(isValidAsOf),
  compare: compareIsoDates("2025-06-30", "2025-07-01"),
  days: ["2026-02-27T23:30:00-08:00", "2026-02-27T00:30:00+09:00"].map((d) => calendarDayOf(d)),
  statuses: ["2012-09-18", "2012-09-19", "2025-06-30", "2025-07-01"].map((d) => basisStatusOn({ program: "SYRIA", listedOn: listed, endedOn: ended }, d).status),
  partial: ["2012-08-31", "2012-09-10", "2012-09-30"].map((d) => basisStatusOn({ program: "NPWMD", listedOn: partial }, d).status),
  listDate: ["2024-05-02", "2024-05-03"].map((d) => basisStatusOn({ program: "X" }, d, "2024-05-03T01:50:29Z").status),
  designation: designationStatusOn({ bases: [{ program: "SYRIA", listedOn: listed, endedOn: ended }] }, "2025-07-01").status,
};
process.stdout.write(JSON.stringify(out));
