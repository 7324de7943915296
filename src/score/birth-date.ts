/**
 * Features `dob.match`, `dob.day-mismatch`, `dob.year-mismatch`: the caller's date of birth against
 * the record's. Partial dates stand for the interval they cover ("1970" is 1970-01-01…1970-12-31)
 * and ranges ("circa", "between") for theirs; two dates agree when their intervals overlap. The
 * bonus grows with the precision both sides share; a missing date on either side is not evidence.
 */
import type { DateValue } from "../model";
import type { Reason } from "./reason";

type Precision = "year" | "month" | "day";

interface Interval {
  readonly from: string;
  readonly to: string;
  readonly precision: Precision;
  readonly label: string;
}

/** Bonus for agreeing dates by the finest precision both sides have. */
export const DOB_MATCH_BONUS: Readonly<Record<Precision, number>> = { day: 0.08, month: 0.05, year: 0.03 };
/** Largest bonus any date evidence can add (used by the candidate index bound). */
export const DOB_MAX_BONUS = 0.08;
/** Penalty when the years agree but the months or days do not. */
export const DOB_DAY_MISMATCH_PENALTY = 0.05;
/** Penalty when the nearest birth year is one year off. */
export const DOB_NEAR_YEAR_PENALTY = 0.1;
/** Penalty when every birth year is two or more years off. */
export const DOB_YEAR_MISMATCH_PENALTY = 0.2;

function precisionOf(d: string): Precision {
  return d.length === 4 ? "year" : d.length === 7 ? "month" : "day";
}

function start(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

function end(d: string): string {
  // "-31" is a safe upper bound for any month in string comparison.
  return d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d;
}

function toInterval(v: DateValue): Interval {
  if (typeof v === "string") return { from: start(v), to: end(v), precision: precisionOf(v), label: v };
  return { from: start(v.from), to: end(v.to), precision: "year", label: `${v.circa ? "circa " : ""}${v.from}..${v.to}` };
}

const RANK: Readonly<Record<Precision, number>> = { year: 0, month: 1, day: 2 };

function yearGap(a: Interval, b: Interval): number {
  const ay0 = Number(a.from.slice(0, 4));
  const ay1 = Number(a.to.slice(0, 4));
  const by0 = Number(b.from.slice(0, 4));
  const by1 = Number(b.to.slice(0, 4));
  if (ay1 < by0) return by0 - ay1;
  if (by1 < ay0) return ay0 - by1;
  return 0;
}

/**
 * Compares a date of birth (YYYY[-MM[-DD]]) with a record's birth dates; undefined when the record has none.
 * @example
 * birthDateReason("1970", ["1971-05-02"])?.feature //=> "dob.year-mismatch"
 */
export function birthDateReason(query: string | undefined, candidate: readonly DateValue[]): Reason | undefined {
  if (query === undefined || candidate.length === 0) return undefined;
  const q = toInterval(query);
  const values = candidate.map(toInterval);
  const labels = values.map((v) => v.label).join(", ");
  let best: Interval | undefined;
  for (const v of values) {
    if (v.from <= q.to && q.from <= v.to) {
      const p = RANK[v.precision] < RANK[q.precision] ? v.precision : q.precision;
      if (best === undefined || RANK[p] > RANK[best.precision]) best = { ...v, precision: p };
    }
  }
  if (best !== undefined) {
    return {
      feature: "dob.match",
      score: 1,
      weight: DOB_MATCH_BONUS[best.precision],
      query,
      candidate: best.label,
      detail: `born ${best.label}, as given (${best.precision})`,
    };
  }
  const gap = Math.min(...values.map((v) => yearGap(q, v)));
  if (gap === 0) {
    return { feature: "dob.day-mismatch", score: 1, weight: -DOB_DAY_MISMATCH_PENALTY, query, candidate: labels, detail: `birth date ${query} vs ${labels}` };
  }
  return {
    feature: "dob.year-mismatch",
    score: 1,
    weight: gap === 1 ? -DOB_NEAR_YEAR_PENALTY : -DOB_YEAR_MISMATCH_PENALTY,
    query,
    candidate: labels,
    detail: `birth year ${query.slice(0, 4)} vs ${labels}`,
  };
}

/**
 * The years each record's birth dates span, as `[first, last]` pairs (`spans[2 * r]`,
 * `spans[2 * r + 1]`; `[0, -1]` for a record without a birth date): what bounds the date-of-birth
 * evidence of a record for a caller's year (see {@link birthYearEvidenceBound}). A screen with a date
 * of birth uses it to search each record from the minimum its evidence allows.
 * @example
 * birthYearSpans([{ subject: { birthDates: ["1970-05-02", { from: "1968", to: "1969" }] } }]) //=> Int16Array [1968, 1970]
 */
export function birthYearSpans(records: readonly { readonly subject: { readonly birthDates: readonly DateValue[] } }[]): Int16Array {
  const spans = new Int16Array(2 * records.length);
  records.forEach((r, i) => {
    let first = Infinity;
    let last = -Infinity;
    for (const v of r.subject.birthDates) {
      const { from, to } = toInterval(v);
      first = Math.min(first, Number(from.slice(0, 4)));
      last = Math.max(last, Number(to.slice(0, 4)));
    }
    spans[2 * i] = first === Infinity ? 0 : first;
    spans[2 * i + 1] = last === -Infinity ? -1 : last;
  });
  return spans;
}

/**
 * The most `birthDateReason` can add to record `r`'s score for a caller's date of birth in `year`:
 * 0 without a birth date; {@link DOB_MAX_BONUS} when the year lies in the record's span (the dates
 * may agree); otherwise every date is at least the span's distance off in years, so a year mismatch:
 * `-DOB_NEAR_YEAR_PENALTY` at one year, `-DOB_YEAR_MISMATCH_PENALTY` from two.
 * @example
 * birthYearEvidenceBound(birthYearSpans(records), 0, 1972) //=> -0.2 (born 1968–1970)
 */
export function birthYearEvidenceBound(spans: Int16Array, r: number, year: number): number {
  const first = spans[2 * r] as number;
  const last = spans[2 * r + 1] as number;
  if (first > last) return 0;
  if (first <= year && year <= last) return DOB_MAX_BONUS;
  return (year < first ? first - year : year - last) === 1 ? -DOB_NEAR_YEAR_PENALTY : -DOB_YEAR_MISMATCH_PENALTY;
}
