/**
 * Observed dates for OFAC SDN records, from a listing history rebuilt out of scraped snapshots of
 * OFAC's legacy `sdn.csv` (shared/data/ofac-sdn/history: `sdn-history.csv`, `program-changes.csv`,
 * `snapshot-index.csv`; see its PROVENANCE.md).
 *
 * OFAC's legacy CSV has no listing or delisting dates. What the snapshots can tell is a bound:
 * a row first seen in the snapshot of day X was listed on or before X (`observed`,
 * `on-or-before`); a row in the very first snapshot was listed on or before that snapshot, no
 * earlier limit known; a row gone from the snapshot of day R (and still there on day L) ended
 * on or before R and not before L. Every date is a scrape date (the UTC date of the commit), not
 * an OFAC action date, and the notes say so.
 *
 * Programme tags are tracked one by one: a tag added later (program-changes.csv) is dated from
 * the snapshot that first shows it; a tag renamed by suffix (`BELARUS-EO` → `BELARUS-EO14038`,
 * `PEESA` → `PEESA-EO`) keeps the date of the tag it renames; a tag dropped while the entry stays
 * listed ends at the snapshot that drops it.
 */
import { z } from "zod";
import { calendarDayOf } from "../dates";
import { parseCsv } from "./parse-csv";
import { ListFormatError, type RecordIssue } from "../errors";
import type { DatedFact, Designation, LegalBasis } from "../model";
import { splitOfacPrograms } from "./ofac-programs";

const HISTORY_ID = "ofac-sdn-history";

/** Default citation of the history, used as each observed fact's `source`. */
export const SDN_HISTORY_SOURCE = "OFAC SDN sdn.csv snapshots 2021-08-18..2024-05-03 (git scrape jackdwyer/specially-designated-nationals-list)";

/** A change of an entry's Program field between two consecutive snapshots. */
export interface SdnProgramChange {
  /** First snapshot that shows the new value. */
  readonly date: string;
  readonly before: readonly string[];
  readonly after: readonly string[];
}

/** The presence interval and programme tags of one OFAC ent_num across the snapshots. */
export interface SdnHistoryEntry {
  readonly entNum: string;
  readonly firstSeen: string;
  /** True when first seen in the first snapshot: listed on or before it, nothing earlier known. */
  readonly firstSeenIsBound: boolean;
  readonly lastSeen: string;
  /** First snapshot after `lastSeen`; absent when the entry is in the newest snapshot. */
  readonly removedBy?: string;
  readonly programsFirst: readonly string[];
  readonly programsLast: readonly string[];
  /** Program-field changes in date order (empty when none, or when no changes file was given). */
  readonly programChanges: readonly SdnProgramChange[];
  /** Absent intervals of re-listed entries (`first_absent..last_absent`). */
  readonly gaps: readonly { readonly from: string; readonly to: string }[];
}

/** A parsed or decoded SDN listing history. */
export interface SdnHistory {
  readonly source: string;
  /** First and newest snapshot dates. */
  readonly snapshotRange: { readonly first: string; readonly last: string };
  /** Every snapshot date in order, when the snapshot index was given (finds the snapshot before a change). */
  readonly snapshots?: readonly string[];
  /** Whether program-changes.csv was read (without it, tags added later cannot be dated). */
  readonly hasProgramChanges: boolean;
  readonly entries: ReadonlyMap<string, SdnHistoryEntry>;
}

/** Optional companion files of {@link parseSdnHistory}. */
export interface ParseSdnHistoryOptions {
  /** Text of `program-changes.csv`. */
  readonly programChangesCsv?: string;
  /** Text of `snapshot-index.csv`. */
  readonly snapshotIndexCsv?: string;
  /** Citation stamped on the observed facts. Default {@link SDN_HISTORY_SOURCE}. */
  readonly source?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const HISTORY_COLUMNS = ["ent_num", "name", "type", "first_seen", "first_seen_is_bound", "last_seen", "removed_by", "programs_first", "programs_last", "gaps"];
const CHANGE_COLUMNS = ["ent_num", "date", "programs_before", "programs_after"];

function readCsv(text: string, file: string, columns: readonly string[]): { rows: Record<string, string>[]; issues: RecordIssue[] } {
  let records: string[][];
  try {
    records = parseCsv(text.replace(/^\uFEFF/, ""), { strictColumnCount: true, skipEmptyLines: true }).map((r) => r.fields);
  } catch (cause) {
    throw new ListFormatError(HISTORY_ID, [{ field: file, expected: "valid CSV", received: cause instanceof Error ? cause.message : String(cause) }], {
      cause,
      summary: "file could not be parsed",
    });
  }
  const header = records[0] ?? [];
  const required = columns.filter((c) => !header.includes(c));
  if (required.length > 0) {
    throw new ListFormatError(HISTORY_ID, [{ field: `${file} header`, expected: `columns ${columns.join(", ")}`, received: JSON.stringify(header.join(",")) }], {
      summary: "wrong columns",
    });
  }
  const rows = records.slice(1).map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ""])));
  return { rows, issues: [] };
}

/**
 * Parses the SDN listing history (`sdn-history.csv`, optionally with `program-changes.csv` and
 * `snapshot-index.csv`), failing closed with {@link ListFormatError} on any inconsistent row.
 * @example
 * parseSdnHistory(historyCsv, { programChangesCsv }).entries.get("41318")?.firstSeen //=> "2023-03-24"
 */
export function parseSdnHistory(historyCsv: string, options: ParseSdnHistoryOptions = {}): SdnHistory {
  const issues: RecordIssue[] = [];
  const { rows } = readCsv(historyCsv, "sdn-history.csv", HISTORY_COLUMNS);
  let snapshots: string[] | undefined;
  if (options.snapshotIndexCsv !== undefined) {
    snapshots = readCsv(options.snapshotIndexCsv, "snapshot-index.csv", ["date"]).rows.map((r) => r.date as string);
    snapshots.forEach((d, i) => {
      if (!DAY.test(d) || (i > 0 && d <= (snapshots as string[])[i - 1]!)) {
        issues.push({ field: "snapshot-index.csv date", expected: "ascending YYYY-MM-DD dates", received: JSON.stringify(d), line: i + 2 });
      }
    });
  }

  type Draft = Omit<SdnHistoryEntry, "programChanges" | "removedBy"> & { removedBy: string | undefined; line: number };
  const drafts = new Map<string, Draft>();
  rows.forEach((row, i) => {
    const line = i + 2;
    const entNum = row.ent_num ?? "";
    const before = issues.length;
    const bad = (field: string, expected: string) =>
      issues.push({ recordId: entNum, field: `sdn-history.csv ${field}`, expected, received: JSON.stringify(row[field] ?? ""), line });
    if (!/^\d+$/.test(entNum)) bad("ent_num", "an integer");
    for (const field of ["first_seen", "last_seen"]) if (!DAY.test(row[field] ?? "")) bad(field, "YYYY-MM-DD");
    if (row.removed_by !== "" && !DAY.test(row.removed_by ?? "")) bad("removed_by", "YYYY-MM-DD or empty");
    if (row.first_seen_is_bound !== "true" && row.first_seen_is_bound !== "false") bad("first_seen_is_bound", "true or false");
    const programsFirst = splitOfacPrograms(row.programs_first ?? "");
    const programsLast = splitOfacPrograms(row.programs_last ?? "");
    if (programsFirst.length === 0) bad("programs_first", "at least one program tag");
    if (programsLast.length === 0) bad("programs_last", "at least one program tag");
    const gaps = (row.gaps ?? "")
      .split(";")
      .filter((g) => g !== "")
      .map((g) => {
        const [from = "", to = ""] = g.split("..");
        if (!DAY.test(from) || !DAY.test(to) || from > to) bad("gaps", "first_absent..last_absent dates joined by ;");
        return { from, to };
      });
    if (issues.length === before) {
      const firstSeen = row.first_seen as string;
      const lastSeen = row.last_seen as string;
      const removedBy = row.removed_by === "" ? undefined : row.removed_by;
      if (firstSeen > lastSeen) bad("last_seen", `a date on or after first_seen ${firstSeen}`);
      if (removedBy !== undefined && removedBy <= lastSeen) bad("removed_by", `a date after last_seen ${lastSeen}`);
      if (drafts.has(entNum)) bad("ent_num", "a unique ent_num");
      else drafts.set(entNum, { entNum, firstSeen, firstSeenIsBound: row.first_seen_is_bound === "true", lastSeen, removedBy, programsFirst, programsLast, gaps, line });
    }
  });

  let first = snapshots?.[0];
  let last = snapshots?.[snapshots.length - 1];
  for (const d of drafts.values()) {
    if (first === undefined || d.firstSeen < first) first = d.firstSeen;
    if (last === undefined || d.lastSeen > last) last = d.lastSeen;
  }
  if (first === undefined || last === undefined) {
    throw new ListFormatError(HISTORY_ID, [...issues, { field: "sdn-history.csv", expected: "at least one entry", received: "none" }]);
  }
  const known = snapshots === undefined ? undefined : new Set(snapshots);
  for (const d of drafts.values()) {
    const bad = (field: string, expected: string, received: string) =>
      issues.push({ recordId: d.entNum, field: `sdn-history.csv ${field}`, expected, received: JSON.stringify(received), line: d.line });
    // The flag and the dates must tell the same story, or observed bounds would be wrong.
    if (d.firstSeenIsBound !== (d.firstSeen === first)) bad("first_seen_is_bound", `true exactly when first_seen is the first snapshot ${first}`, String(d.firstSeenIsBound));
    if ((d.removedBy === undefined) !== (d.lastSeen === last)) bad("removed_by", `empty exactly when last_seen is the newest snapshot ${last}`, d.removedBy ?? "");
    if (known) {
      for (const [field, date] of [["first_seen", d.firstSeen], ["last_seen", d.lastSeen], ["removed_by", d.removedBy]] as const) {
        if (date !== undefined && !known.has(date)) bad(field, "a snapshot date of snapshot-index.csv", date);
      }
    }
  }

  const changes = new Map<string, SdnProgramChange[]>();
  if (options.programChangesCsv !== undefined) {
    readCsv(options.programChangesCsv, "program-changes.csv", CHANGE_COLUMNS).rows.forEach((row, i) => {
      const line = i + 2;
      const entNum = row.ent_num ?? "";
      const bad = (field: string, expected: string) =>
        issues.push({ recordId: entNum, field: `program-changes.csv ${field}`, expected, received: JSON.stringify(row[field] ?? ""), line });
      const draft = drafts.get(entNum);
      const date = row.date ?? "";
      if (!draft) return void bad("ent_num", "an ent_num of sdn-history.csv");
      if (!DAY.test(date) || date <= draft.firstSeen || date > draft.lastSeen) return void bad("date", `a date after first_seen ${draft.firstSeen}, up to last_seen ${draft.lastSeen}`);
      if (known && !known.has(date)) return void bad("date", "a snapshot date of snapshot-index.csv");
      const list = changes.get(entNum) ?? [];
      list.push({ date, before: splitOfacPrograms(row.programs_before ?? ""), after: splitOfacPrograms(row.programs_after ?? "") });
      changes.set(entNum, list);
    });
    for (const [entNum, list] of changes) {
      list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      const draft = drafts.get(entNum) as Draft;
      // The changes must chain from programs_first to programs_last: a gap means a lost change.
      let current = draft.programsFirst.join("] [");
      for (const change of list) {
        if (change.before.join("] [") !== current) {
          issues.push({ recordId: entNum, field: "program-changes.csv programs_before", expected: JSON.stringify(current), received: JSON.stringify(change.before.join("] [")) });
        }
        current = change.after.join("] [");
      }
      if (current !== draft.programsLast.join("] [")) {
        issues.push({ recordId: entNum, field: "sdn-history.csv programs_last", expected: JSON.stringify(current), received: JSON.stringify(draft.programsLast.join("] [")) });
      }
    }
    for (const draft of drafts.values()) {
      if (!changes.has(draft.entNum) && draft.programsFirst.join("] [") !== draft.programsLast.join("] [")) {
        issues.push({ recordId: draft.entNum, field: "program-changes.csv", expected: "the change from programs_first to programs_last", received: "no row" });
      }
    }
  }
  if (issues.length > 0) throw new ListFormatError(HISTORY_ID, issues);

  const entries = new Map<string, SdnHistoryEntry>();
  for (const { line: _line, removedBy, ...d } of drafts.values()) {
    entries.set(d.entNum, { ...d, ...(removedBy === undefined ? {} : { removedBy }), programChanges: changes.get(d.entNum) ?? [] });
  }
  return {
    source: options.source ?? SDN_HISTORY_SOURCE,
    snapshotRange: { first, last },
    ...(snapshots === undefined ? {} : { snapshots }),
    hasProgramChanges: options.programChangesCsv !== undefined,
    entries,
  };
}

/** How one programme tag of an entry was observed: since when, how, and when it was dropped. */
interface TagObservation {
  readonly since: string;
  readonly how: "first" | "added" | "renamed";
  readonly renamedFrom?: string;
  readonly renamedOn?: string;
  readonly droppedOn?: string;
}

/**
 * A renamed tag is its predecessor plus an order suffix: `BELARUS-EO` → `BELARUS-EO14038`,
 * `PEESA` → `PEESA-EO`. Other replacements (`ZIMBABWE` → `GLOMAG`, `SDNTK` → `SDGT`) are a new
 * basis, not a rename, and so is any other shared prefix (`SDNT` → `SDNTK` would be).
 */
function renamedFrom(added: string, removed: readonly string[]): string | undefined {
  return removed.find((r) => added.startsWith(r) && /^(?:-EO\d*|\d+)$/.test(added.slice(r.length)));
}

function observeTags(entry: SdnHistoryEntry, until: string): Map<string, TagObservation> {
  const tags = new Map<string, TagObservation>();
  for (const tag of entry.programsFirst) tags.set(tag, { since: entry.firstSeen, how: "first" });
  for (const change of entry.programChanges) {
    if (change.date > until) break;
    const removed = change.before.filter((t) => !change.after.includes(t));
    const renamed = new Set<string>();
    for (const tag of change.after.filter((t) => !change.before.includes(t))) {
      const from = renamedFrom(tag, removed);
      const previous = from === undefined ? undefined : tags.get(from);
      if (from !== undefined && previous !== undefined) {
        renamed.add(from);
        tags.set(tag, { since: previous.since, how: "renamed", renamedFrom: from, renamedOn: change.date });
      } else {
        tags.set(tag, { since: change.date, how: "added" });
      }
    }
    for (const tag of removed) {
      const seen = tags.get(tag);
      if (seen && !renamed.has(tag)) tags.set(tag, { ...seen, droppedOn: change.date });
    }
  }
  return tags;
}

function previousSnapshot(history: SdnHistory, date: string): string | undefined {
  const snapshots = history.snapshots;
  if (!snapshots) return undefined;
  const i = snapshots.indexOf(date);
  return i > 0 ? snapshots[i - 1] : undefined;
}

/** Options of {@link applyObservedDates}. */
export interface ApplyObservedDatesOptions {
  /**
   * Snapshot window to use; observations after `last` are ignored, and `first` is the bound for
   * entries already in the first snapshot. Default, and at most, the history's own range.
   */
  readonly snapshotRange?: { readonly first?: string; readonly last?: string };
  /** List ids whose records are OFAC SDN records. Default `["ofac-sdn"]`. */
  readonly listIds?: readonly string[];
  /**
   * Date of the list the records come from. A record still on a list dated on or after its
   * observed removal (re-listed, or a history older than the list) gets no `endedOn`.
   */
  readonly listDate?: string;
}

/** What {@link applyObservedDates} did, counted per record and per basis. */
export interface ObservedDatesCounts {
  /** Records of the OFAC SDN list ids that were looked up. */
  readonly records: number;
  readonly recordsInHistory: number;
  readonly recordsNotInHistory: number;
  /** Bases given an observed `listedOn`. */
  readonly listedOnAdded: number;
  /** …of which in the first snapshot (a bound only). */
  readonly listedOnFirstSnapshotBound: number;
  /** …of which dated from a later tag addition (program-changes.csv). */
  readonly listedOnFromProgramChange: number;
  /** …of which carried over a tag rename. */
  readonly listedOnFromRename: number;
  /** Bases that already had a `listedOn` (left alone). */
  readonly basesAlreadyDated: number;
  /** Bases whose tag never appears in the entry's history (no date added). */
  readonly basesTagNotObserved: number;
  /** Bases given an observed `endedOn` (entry removed, or tag dropped, inside the window). */
  readonly endedOnAdded: number;
  /** Removals not applied because the record is on a list dated on or after them. */
  readonly endsSkippedByListDate: number;
}

export interface ObservedDatesResult<T> {
  readonly records: T[];
  readonly counts: ObservedDatesCounts;
  readonly warnings: readonly string[];
}

/**
 * Adds observed listing (and removal) dates from the SDN history to the bases of OFAC SDN records
 * that have no `listedOn`; returns new records and counts, never mutating its input.
 * @example
 * applyObservedDates(list.records, history).records.find((r) => r.sourceId === "41318")?.bases[0]?.listedOn
 * //=> { date: "2023-03-24", certainty: "observed", bound: "on-or-before", source: "OFAC SDN …", note: "…" }
 */
export function applyObservedDates<T extends Designation>(
  records: readonly T[],
  history: SdnHistory,
  options: ApplyObservedDatesOptions = {},
): ObservedDatesResult<T> {
  const listIds = options.listIds ?? ["ofac-sdn"];
  const last = options.snapshotRange?.last !== undefined && options.snapshotRange.last < history.snapshotRange.last ? options.snapshotRange.last : history.snapshotRange.last;
  const first = options.snapshotRange?.first !== undefined && options.snapshotRange.first > history.snapshotRange.first ? options.snapshotRange.first : history.snapshotRange.first;
  const listDay = options.listDate === undefined ? undefined : calendarDayOf(options.listDate, "listDate");
  const counts = {
    records: 0,
    recordsInHistory: 0,
    recordsNotInHistory: 0,
    listedOnAdded: 0,
    listedOnFirstSnapshotBound: 0,
    listedOnFromProgramChange: 0,
    listedOnFromRename: 0,
    basesAlreadyDated: 0,
    basesTagNotObserved: 0,
    endedOnAdded: 0,
    endsSkippedByListDate: 0,
  };
  const warnings: string[] = [];
  const source = history.source;

  const out = records.map((record) => {
    if (!listIds.includes(record.list)) return record;
    counts.records++;
    const entry = history.entries.get(record.sourceId);
    // Entries first seen after the window are unknown to it, as are ent_nums newer than the history.
    if (!entry || entry.firstSeen > last) {
      counts.recordsNotInHistory++;
      return record;
    }
    counts.recordsInHistory++;
    if (entry.gaps.length > 0) {
      warnings.push(`${record.id}: re-listed in the history (gaps ${entry.gaps.map((g) => `${g.from}..${g.to}`).join("; ")}); no observed dates added`);
      return record;
    }
    const tags = observeTags(entry, last);
    const bases = record.bases.map((basis): LegalBasis => {
      let next: LegalBasis = basis;
      const tag = basis.program === undefined ? undefined : tags.get(basis.program);
      if (!tag) {
        if (basis.listedOn === undefined) counts.basesTagNotObserved++;
        return basis;
      }
      if (basis.listedOn !== undefined) {
        counts.basesAlreadyDated++;
      } else {
        const inFirst = tag.since <= first;
        const note =
          tag.how === "first" && inFirst
            ? `entry already in the first snapshot (${first}): listed on or before it, no earlier limit known; scrape date (UTC), not the OFAC action date`
            : tag.how === "first"
              ? `entry first seen in the snapshot of ${tag.since}${entry.firstSeenIsBound ? "" : ", absent from the one before"}; scrape date (UTC), not the OFAC action date`
              : tag.how === "added"
                ? `tag ${basis.program} added to the entry's Program field in the snapshot of ${tag.since} (program-changes.csv); scrape date (UTC), not the OFAC action date`
                : `tag ${basis.program} renamed from ${tag.renamedFrom} on ${tag.renamedOn}; dated from the first snapshot showing ${tag.renamedFrom} (${tag.since}${tag.since <= first ? ", the first snapshot: a bound only" : ""}); scrape date (UTC), not the OFAC action date`;
        const listedOn: DatedFact = { date: tag.since, certainty: "observed", bound: "on-or-before", source: `${source}, ${tag.how === "added" ? "program-changes.csv date" : "sdn-history.csv first_seen"}`, note };
        next = { ...next, listedOn };
        counts.listedOnAdded++;
        if (inFirst) counts.listedOnFirstSnapshotBound++;
        if (tag.how === "added") counts.listedOnFromProgramChange++;
        if (tag.how === "renamed") counts.listedOnFromRename++;
      }
      if (basis.endedOn === undefined) {
        const removal = entry.removedBy !== undefined && entry.removedBy <= last ? entry.removedBy : undefined;
        const end = tag.droppedOn ?? removal;
        if (end !== undefined && listDay !== undefined && listDay >= end) {
          counts.endsSkippedByListDate++;
          warnings.push(`${record.id} [${basis.program}]: observed as gone on ${end} but on a list dated ${listDay}; no endedOn added`);
        } else if (end !== undefined) {
          const notBefore = tag.droppedOn !== undefined ? previousSnapshot(history, tag.droppedOn) : entry.lastSeen;
          const endedOn: DatedFact = {
            date: end,
            certainty: "observed",
            bound: "on-or-before",
            ...(notBefore === undefined ? {} : { notBefore }),
            source: `${source}, ${tag.droppedOn !== undefined ? "program-changes.csv date" : "sdn-history.csv removed_by"}`,
            note:
              tag.droppedOn !== undefined
                ? `tag ${basis.program} dropped from the entry's Program field in the snapshot of ${end}${notBefore ? ` (still there on ${notBefore})` : ""}; the entry stayed listed; scrape dates (UTC), not OFAC action dates`
                : `entry gone from the snapshot of ${end}, last seen ${entry.lastSeen}; a removal is not always a delisting (the same party may be re-listed under another ent_num); scrape dates (UTC), not OFAC action dates`,
          };
          next = { ...next, endedOn };
          counts.endedOnAdded++;
        }
      }
      return next;
    });
    return { ...record, bases };
  });
  return { records: out, counts, warnings };
}

// ---- Compact shipping form ------------------------------------------------------------------

const ENCODED_FORMAT = "sanctions-screen/ofac-sdn-history@1";

const uint = z.number().int().nonnegative();
const EncodedSdnHistorySchema = z
  .object({
    format: z.literal(ENCODED_FORMAT),
    source: z.string().min(1),
    snapshotRange: z.object({ first: z.string().regex(DAY), last: z.string().regex(DAY) }).strict(),
    hasProgramChanges: z.boolean(),
    /** Every snapshot date, when known; otherwise absent. */
    snapshots: z.array(z.string().regex(DAY)).optional(),
    /** Date table: every date referenced below, ascending. */
    dates: z.array(z.string().regex(DAY)).min(1),
    /** Tag table. */
    tags: z.array(z.string().min(1)),
    /** Program fields as lists of tag indexes, in OFAC's order. */
    programSets: z.array(z.array(uint).min(1)),
    /** ent_nums ascending, each stored as the difference from the previous one. */
    entNums: z.array(uint),
    /** Per entry: date index of first_seen. */
    firstSeen: z.array(uint),
    /** Per entry: program-set index of programs_first. */
    programs: z.array(uint),
    /** Removed entries: [entry index, last_seen date index, removed_by date index]. */
    removed: z.array(z.tuple([uint, uint, uint])),
    /** Program changes: [entry index, date index, before set, after set]. */
    changes: z.array(z.tuple([uint, uint, uint, uint])),
    /** programs_last where it differs from programs_first and no change says how: [entry index, set]. */
    programsLast: z.array(z.tuple([uint, uint])),
    /** Re-listing gaps: [entry index, first absent date index, last absent date index]. */
    gaps: z.array(z.tuple([uint, uint, uint])),
  })
  .strict();
export type EncodedSdnHistory = z.infer<typeof EncodedSdnHistorySchema>;

/**
 * Encodes a history as compact JSON-ready data (date, tag and program tables; delta-coded
 * ent_nums) for shipping in `lists/`; {@link decodeSdnHistory} restores it exactly.
 * @example
 * JSON.stringify(encodeSdnHistory(history)).length //=> about 157,000 for the 15,892 entries
 */
export function encodeSdnHistory(history: SdnHistory): EncodedSdnHistory {
  const entries = [...history.entries.values()].sort((a, b) => Number(a.entNum) - Number(b.entNum));
  const dateSet = new Set<string>([history.snapshotRange.first, history.snapshotRange.last, ...(history.snapshots ?? [])]);
  for (const e of entries) {
    for (const d of [e.firstSeen, e.lastSeen, e.removedBy, ...e.programChanges.map((c) => c.date), ...e.gaps.flatMap((g) => [g.from, g.to])]) {
      if (d !== undefined) dateSet.add(d);
    }
  }
  const dates = [...dateSet].sort();
  const dateIndex = new Map(dates.map((d, i) => [d, i]));
  const tags: string[] = [];
  const tagIndex = new Map<string, number>();
  const programSets: number[][] = [];
  const setIndex = new Map<string, number>();
  const set = (programs: readonly string[]): number => {
    const key = programs.join("] [");
    let index = setIndex.get(key);
    if (index === undefined) {
      index = programSets.length;
      setIndex.set(key, index);
      programSets.push(
        programs.map((tag) => {
          let t = tagIndex.get(tag);
          if (t === undefined) {
            t = tags.length;
            tagIndex.set(tag, t);
            tags.push(tag);
          }
          return t;
        }),
      );
    }
    return index;
  };
  const day = (d: string): number => dateIndex.get(d) as number;
  const encoded: EncodedSdnHistory = {
    format: ENCODED_FORMAT,
    source: history.source,
    snapshotRange: { ...history.snapshotRange },
    hasProgramChanges: history.hasProgramChanges,
    ...(history.snapshots === undefined ? {} : { snapshots: [...history.snapshots] }),
    dates,
    tags,
    programSets,
    entNums: [],
    firstSeen: [],
    programs: [],
    removed: [],
    changes: [],
    programsLast: [],
    gaps: [],
  };
  let previous = 0;
  entries.forEach((e, i) => {
    const n = Number(e.entNum);
    encoded.entNums.push(n - previous);
    previous = n;
    encoded.firstSeen.push(day(e.firstSeen));
    encoded.programs.push(set(e.programsFirst));
    if (e.removedBy !== undefined) encoded.removed.push([i, day(e.lastSeen), day(e.removedBy)]);
    for (const c of e.programChanges) encoded.changes.push([i, day(c.date), set(c.before), set(c.after)]);
    if (e.programChanges.length === 0 && e.programsLast.join("] [") !== e.programsFirst.join("] [")) encoded.programsLast.push([i, set(e.programsLast)]);
    for (const g of e.gaps) encoded.gaps.push([i, day(g.from), day(g.to)]);
  });
  return encoded;
}

/**
 * Restores a history from {@link encodeSdnHistory}'s output, failing closed with
 * {@link ListFormatError} on anything malformed or out of range.
 * @example
 * decodeSdnHistory(JSON.parse(text)).entries.get("15487")?.firstSeenIsBound //=> true
 */
export function decodeSdnHistory(data: unknown): SdnHistory {
  const parsed = EncodedSdnHistorySchema.safeParse(data);
  if (!parsed.success) {
    throw new ListFormatError(
      HISTORY_ID,
      parsed.error.issues.slice(0, 20).map((i) => ({ field: i.path.join(".") || "(root)", expected: i.message, received: "a value that does not match" })),
      { summary: "not an encoded SDN history" },
    );
  }
  const e = parsed.data;
  const issues: RecordIssue[] = [];
  const n = e.entNums.length;
  if (e.firstSeen.length !== n || e.programs.length !== n) {
    issues.push({ field: "firstSeen/programs", expected: `${n} values (one per entNum)`, received: `${e.firstSeen.length}/${e.programs.length}` });
  }
  const dateAt = (i: number, field: string): string => {
    const d = e.dates[i];
    if (d === undefined) issues.push({ field, expected: `a date index < ${e.dates.length}`, received: String(i) });
    return d ?? "";
  };
  const setAt = (i: number, field: string): string[] => {
    const s = e.programSets[i];
    if (s === undefined) {
      issues.push({ field, expected: `a program-set index < ${e.programSets.length}`, received: String(i) });
      return [];
    }
    return s.map((t) => {
      const tag = e.tags[t];
      if (tag === undefined) issues.push({ field: "programSets", expected: `a tag index < ${e.tags.length}`, received: String(t) });
      return tag ?? "";
    });
  };
  const entryAt = (i: number, field: string): boolean => {
    if (i >= n) issues.push({ field, expected: `an entry index < ${n}`, received: String(i) });
    return i < n;
  };
  const removed = new Map<number, { lastSeen: string; removedBy: string }>();
  for (const [i, l, r] of e.removed) if (entryAt(i, "removed")) removed.set(i, { lastSeen: dateAt(l, "removed"), removedBy: dateAt(r, "removed") });
  const changes = new Map<number, SdnProgramChange[]>();
  for (const [i, d, b, a] of e.changes) {
    if (!entryAt(i, "changes")) continue;
    const list = changes.get(i) ?? [];
    list.push({ date: dateAt(d, "changes"), before: setAt(b, "changes"), after: setAt(a, "changes") });
    changes.set(i, list);
  }
  const lastSets = new Map<number, string[]>();
  for (const [i, s] of e.programsLast) if (entryAt(i, "programsLast")) lastSets.set(i, setAt(s, "programsLast"));
  const gaps = new Map<number, { from: string; to: string }[]>();
  for (const [i, f, t] of e.gaps) {
    if (!entryAt(i, "gaps")) continue;
    gaps.set(i, [...(gaps.get(i) ?? []), { from: dateAt(f, "gaps"), to: dateAt(t, "gaps") }]);
  }
  const entries = new Map<string, SdnHistoryEntry>();
  let entNum = 0;
  for (let i = 0; i < n; i++) {
    entNum += e.entNums[i] as number;
    if (i > 0 && e.entNums[i] === 0) issues.push({ field: "entNums", expected: "strictly ascending ent_nums", received: `a repeat of ${entNum}` });
    const firstSeen = dateAt(e.firstSeen[i] ?? -1, "firstSeen");
    const programsFirst = setAt(e.programs[i] ?? -1, "programs");
    const entryChanges = changes.get(i) ?? [];
    const gone = removed.get(i);
    entries.set(String(entNum), {
      entNum: String(entNum),
      firstSeen,
      firstSeenIsBound: firstSeen === e.snapshotRange.first,
      lastSeen: gone?.lastSeen ?? e.snapshotRange.last,
      ...(gone === undefined ? {} : { removedBy: gone.removedBy }),
      programsFirst,
      programsLast: entryChanges.length > 0 ? (entryChanges[entryChanges.length - 1] as SdnProgramChange).after : (lastSets.get(i) ?? programsFirst),
      programChanges: entryChanges,
      gaps: gaps.get(i) ?? [],
    });
  }
  if (issues.length > 0) throw new ListFormatError(HISTORY_ID, issues);
  return {
    source: e.source,
    snapshotRange: e.snapshotRange,
    ...(e.snapshots === undefined ? {} : { snapshots: e.snapshots }),
    hasProgramChanges: e.hasProgramChanges,
    entries,
  };
}
