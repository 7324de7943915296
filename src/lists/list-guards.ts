/**
 * Completeness and plausibility guards every load passes through (issue 9), on top of the
 * per-record validation in `finalizeList`:
 *
 * 1. Record dates: no basis may be listed after the list's own date (or, for a list that states no
 *    date, after the day the file was retrieved). One flipped digit (2012 → 2092) would otherwise
 *    make an exact match "not yet listed" and clear it.
 * 2. Field presence: a field the format always carries (the listing date in UN, EU, OFAC Enhanced
 *    and advanced XML, UK and DPL files) missing from most records means a renamed or dropped element; refused.
 * 3. Record floors: a plausible minimum record count per official list, so that a file cut at a
 *    record boundary (still well-formed CSV) is refused even without the caller's `previousCount`.
 *
 * Every number here was measured on the real files in `../shared/data` (see the comments); the
 * README's "Reliability" section lists them.
 */
import type { RecordIssue } from "../errors";
import type { DesignationRecord, ListFormat } from "../model";

/** A shipped floor: the smallest plausible record count of one official list. */
export interface RecordFloor {
  /** Loads with fewer records are refused (`LIST_BELOW_FLOOR`) unless `minRecordCount` overrides. */
  readonly min: number;
  /** The smallest real file measured, and which. */
  readonly measured: number;
  readonly file: string;
}

/**
 * Floors: 80 % of the smallest real file measured, rounded down (to hundreds above 1,000, to tens
 * below). Lists grow or move slowly (OFAC's largest removal, 518 Syria-only SDNs in 2025-07, is 3 %
 * of the list); a cut file loses far more. EU, UK FCDO, OpenSanctions and curated files have no
 * floor: only excerpts of the EU list and of the FCDO UK Sanctions List (5 designations,
 * uk-fcdo/sample_uk_sanctions.xml; no full copy of the ~21 MB file) are at hand, and the other two
 * are data sets of any size. The OFAC floors are per list, so they hold for every format of it: an
 * advanced XML SDN file is refused below 7,200 parties like the CSV (the advanced sample,
 * ofac-advanced/sample_sdn_advanced.xml, is trimmed to 4 parties and measures nothing).
 * @example
 * RECORD_FLOORS["un-sc"]?.min //=> 800
 */
export const RECORD_FLOORS: Readonly<Record<string, RecordFloor>> = {
  "ofac-sdn": { min: 7_200, measured: 9_083, file: "ofac-sdn/history/snapshots/sdn-2021-08-18.csv" },
  "ofac-cons": { min: 350, measured: 442, file: "ofac-cons/cons_prim.csv (2025-01)" },
  "un-sc": { min: 800, measured: 1_003, file: "un-consolidated/consolidated.xml (2026-02-27)" },
  "uk-ofsi": { min: 1_600, measured: 2_106, file: "uk-hmt/sanctionsconlist.csv (2018-04-13)" },
  "us-csl": { min: 11_300, measured: 14_159, file: "us-csl/consolidated.csv (2022-05-16)" },
  "bis-dpl": { min: 380, measured: 483, file: "us-csl/dpl.txt (2022-09-02)" },
};

/** A field the format always carries, and the share of records that must have it. */
export interface FieldPresenceGuard {
  /** Dotted path as issues name it. */
  readonly field: string;
  /** The source element or column, for the message. */
  readonly sourceField: string;
  /** Smallest share of records (0–1) that must carry the field. */
  readonly minShare: number;
  /** What was measured on the real files. */
  readonly measured: string;
  readonly has: (record: DesignationRecord) => boolean;
}

const hasListedOn = (r: DesignationRecord): boolean => r.bases.some((b) => b.listedOn !== undefined);

/**
 * Per-format field-presence guards. Shares measured on the real files; the guard refuses a file
 * where the field is missing from more than a quarter of the records (a renamed or dropped element
 * takes it from all of them), leaving room for a few records without it in a small excerpt (the DPL
 * loader leaves out an implausible date) and for the EU, where the sample has one of five records
 * without `designationDate` (guard at half). The FCDO UK list and OFAC's advanced XML carry the date
 * on every record of their samples (5 of 5, 4 of 4); the FCDO loader reads a designation without
 * `DateDesignated` with a warning, so the guard is what catches the element going missing (the
 * advanced loader already refuses an entry without its Created event). OFAC's
 * legacy CSV (0.2 %: only remarks carry dates), the CSL (17.8 %: only some source lists give
 * `start_date`) and FtM exports (22 %) do not always carry a listing date, so they have no guard.
 */
export const FIELD_PRESENCE_GUARDS: Readonly<Partial<Record<ListFormat, readonly FieldPresenceGuard[]>>> = {
  "un-xml": [{ field: "bases.listedOn", sourceField: "LISTED_ON", minShare: 0.75, measured: "1,003 of 1,003 records (consolidated.xml)", has: hasListedOn }],
  "ofac-enhanced-xml": [{ field: "bases.listedOn", sourceField: "designation dates (Enhanced XML)", minShare: 0.75, measured: "443 of 443 records (CONS_ENHANCED.XML)", has: hasListedOn }],
  "uk-ofsi-csv": [{ field: "bases.listedOn", sourceField: "Listed On", minShare: 0.75, measured: "2,106 of 2,106 records (sanctionsconlist.csv)", has: hasListedOn }],
  "bis-dpl-txt": [{ field: "bases.listedOn", sourceField: "Effective_Date", minShare: 0.75, measured: "483 of 483 records (dpl.txt)", has: hasListedOn }],
  "eu-fsf-xml": [{ field: "bases.listedOn", sourceField: "sanctionEntity@designationDate", minShare: 0.5, measured: "4 of 5 records (sample_eu_fsf_2026-08-05.xml)", has: hasListedOn }],
  "uk-fcdo-xml": [{ field: "bases.listedOn", sourceField: "DateDesignated", minShare: 0.75, measured: "5 of 5 records (sample_uk_sanctions.xml)", has: hasListedOn }],
  "ofac-advanced-xml": [{ field: "bases.listedOn", sourceField: "SanctionsEntry/EntryEvent (Created)", minShare: 0.75, measured: "4 of 4 records (sample_sdn_advanced.xml)", has: hasListedOn }],
};

/**
 * Formats whose list date is derived from the records themselves (DPL: newest Last_Update; FtM:
 * newest last_seen): a corrupted record date would move the list date with it, so record dates are
 * checked against the retrieval day instead.
 */
const DERIVED_LIST_DATE_FORMATS: ReadonlySet<ListFormat> = new Set(["bis-dpl-txt", "ftm-json"]);

/**
 * Whether a format's list date is stated by the publisher (not derived from the records).
 * @example
 * isStatedListDate("un-xml") //=> true
 */
export function isStatedListDate(format: ListFormat): boolean {
  return !DERIVED_LIST_DATE_FORMATS.has(format);
}

/** The day record dates are checked against, and where it comes from; undefined when there is none. */
export function recordDateBound(
  format: ListFormat,
  listDate: string | undefined,
  listDateSource: string,
  retrievedOn: string | undefined,
): { readonly day: string; readonly what: string } | undefined {
  if (listDate !== undefined && !DERIVED_LIST_DATE_FORMATS.has(format)) {
    return { day: listDate.slice(0, 10), what: `the list date ${listDate.slice(0, 10)} (${listDateSource})` };
  }
  if (retrievedOn !== undefined) return { day: addDays(retrievedOn, 1), what: `the day after retrieval ${retrievedOn} (time zones)` };
  return undefined;
}

/**
 * A `YYYY-MM-DD` day moved by whole days (UTC calendar arithmetic).
 * @example
 * addDays("2026-02-28", 1) //=> "2026-03-01"
 */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * Whether a partial date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) starts after a day: a year or month
 * starts after the day when its first day does.
 * @example
 * startsAfter("2092", "2024-01-01") //=> true
 */
export function startsAfter(partial: string, day: string): boolean {
  return partial > day.slice(0, partial.length);
}

/**
 * Issues for every basis listed after the bound: record id and field named, both dates shown.
 * @example
 * futureListingIssues(records, { day: "2026-02-27", what: "the list date" })[0]?.field //=> "bases.0.listedOn"
 */
export function futureListingIssues(records: readonly DesignationRecord[], bound: { day: string; what: string }): RecordIssue[] {
  const issues: RecordIssue[] = [];
  for (const r of records) {
    r.bases.forEach((b, i) => {
      const date = b.listedOn?.date;
      if (date === undefined || !startsAfter(date, bound.day)) return;
      issues.push({
        recordId: r.sourceId,
        field: `bases.${i}.listedOn`,
        expected: `a listing date on or before ${bound.what}`,
        received: `"${date}"${b.listedOn?.source ? ` (${b.listedOn.source})` : ""}`,
      });
    });
  }
  return issues;
}

/**
 * Issues for each guarded field that too few records carry.
 * @example
 * fieldPresenceIssues("un-xml", recordsWithoutDates)[0]?.expected //=> "LISTED_ON in at least 90 % of records (measured: 1,003 of 1,003 …)"
 */
export function fieldPresenceIssues(format: ListFormat, records: readonly DesignationRecord[]): RecordIssue[] {
  if (records.length === 0) return [];
  return (FIELD_PRESENCE_GUARDS[format] ?? []).flatMap((g): RecordIssue[] => {
    const present = records.filter(g.has).length;
    if (present >= g.minShare * records.length) return [];
    return [
      {
        field: g.field,
        expected: `${g.sourceField} in at least ${Math.round(g.minShare * 100)} % of records (measured: ${g.measured})`,
        received: `${present} of ${records.length} records (${((present / records.length) * 100).toFixed(1)} %): element renamed or dropped?`,
      },
    ];
  });
}
