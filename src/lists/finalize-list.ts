import { ListCountError, ListFormatError, valueAt, type RecordIssue } from "../errors";
import {
  DesignationSchema,
  ListMetadataSchema,
  SubjectTypeSchema,
  type DesignationRecord,
  type ListFormat,
  type ListMetadata,
  type LoadedList,
  type SubjectType,
} from "../model";
import type { ParsedList } from "./loader";
import { addDays, fieldPresenceIssues, futureListingIssues, RECORD_FLOORS, recordDateBound } from "./list-guards";
import { sha256Hex, sourceBytes, type ListSource } from "./source";

const isIsoDay = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/**
 * Guards applied to every load.
 * @example
 * loadList(sources, { previousCount: 18_000, retrievedOn: "2026-11-22" } satisfies LoadListOptions);
 */
export interface LoadListOptions {
  /** Force a format instead of detecting it. */
  readonly format?: ListFormat;
  /** Override the list id stamped on records (e.g. to load two vintages side by side). */
  readonly listId?: string;
  /** Record count of the previous good build of this list; enables the count-drop guard. */
  readonly previousCount?: number;
  /** Largest accepted fall in record count against `previousCount`, as a fraction. Default 0.1. */
  readonly maxDropFraction?: number;
  /** Accept a list with no records. Default false. */
  readonly allowEmpty?: boolean;
  /** Accept a fall larger than `maxDropFraction`. Default false. */
  readonly allowCountDrop?: boolean;
  /**
   * Smallest accepted record count. Default: the shipped floor of the list (`RECORD_FLOORS`, e.g.
   * 800 for `un-sc`), none for lists without one. Pass 0 to load an excerpt on purpose.
   */
  readonly minRecordCount?: number;
  /**
   * Day the file was retrieved (YYYY-MM-DD). Record listing dates are checked against the list's
   * own date; for a list that states none (OFAC legacy CSV, CSL, DPL, FtM) against this day. The
   * CLI passes the day it runs; without it such a list's dates are only checked for shape.
   */
  readonly retrievedOn?: string;
}

export const DEFAULT_MAX_DROP_FRACTION = 0.1;

/**
 * A received value as a record issue shows it: JSON, cut at 80 characters.
 * @example
 * describeRecordValue("12/03/1970") //=> '"12/03/1970"'
 */
export function describeRecordValue(value: unknown): string {
  if (value === undefined) return "undefined";
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}


/**
 * Validates mapped records, applies the fail-closed rules (every invalid record reported, duplicate
 * ids refused, empty or shrunken lists refused unless allowed) and computes the provenance.
 * @example
 * finalizeList(parsed, sources, { listId: "ofac-sdn", format: "ofac-csv", publisher: "OFAC", title: "SDN" }).metadata.recordCount //=> 13821
 */
export function finalizeList(
  parsed: ParsedList,
  sources: readonly ListSource[],
  identity: { listId: string; format: ListFormat; publisher: string; title: string },
  options: LoadListOptions = {},
): LoadedList {
  const { listId } = identity;
  const issues: RecordIssue[] = [...parsed.issues];
  const records: DesignationRecord[] = [];
  const seen = new Set<string>();
  for (const raw of parsed.records) {
    const result = DesignationSchema.safeParse(raw);
    const recordId = typeof raw?.sourceId === "string" ? raw.sourceId : undefined;
    if (!result.success) {
      for (const issue of result.error.issues) {
        issues.push({
          ...(recordId === undefined ? {} : { recordId }),
          field: issue.path.join("."),
          expected: issue.message.replace(/^Invalid input: /, ""),
          received: describeRecordValue(valueAt(raw, issue.path)),
        });
      }
      continue;
    }
    if (seen.has(result.data.id)) {
      issues.push({ recordId: result.data.sourceId, field: "id", expected: "a unique record id", received: `duplicate "${result.data.id}"` });
      continue;
    }
    seen.add(result.data.id);
    records.push(result.data);
  }
  if (issues.length > 0) throw new ListFormatError(listId, issues);

  // Issue 9: record dates after the list's own date, and guarded fields missing from most records.
  if (options.retrievedOn !== undefined && !isIsoDay(options.retrievedOn)) {
    throw new ListFormatError(listId, [{ field: "retrievedOn", expected: "a day YYYY-MM-DD", received: describeRecordValue(options.retrievedOn) }], { summary: "bad option" });
  }
  // A list date after the day the file was retrieved (+1 day for time zones) is a corrupted date, and
  // would move every record-date check with it.
  if (options.retrievedOn !== undefined && parsed.listDate !== undefined && parsed.listDate.slice(0, 10) > addDays(options.retrievedOn, 1)) {
    throw new ListFormatError(
      listId,
      [{ field: "listDate", expected: `a list date on or before the day after retrieval ${options.retrievedOn} (time zones)`, received: `${parsed.listDate.slice(0, 10)} (${parsed.listDateSource})` }],
      { summary: "the list's own date is in the future" },
    );
  }
  const bound = recordDateBound(identity.format, parsed.listDate, parsed.listDateSource, options.retrievedOn);
  const future = bound === undefined ? [] : futureListingIssues(records, bound);
  if (future.length > 0) {
    throw new ListFormatError(listId, future, { summary: `${future.length} listing date${future.length === 1 ? "" : "s"} after ${bound?.what}` });
  }
  const missing = fieldPresenceIssues(identity.format, records);
  if (missing.length > 0) throw new ListFormatError(listId, missing, { summary: "a field the format always carries is missing from most records" });

  const maxDropFraction = options.maxDropFraction ?? DEFAULT_MAX_DROP_FRACTION;
  if (records.length === 0 && !options.allowEmpty) {
    throw new ListCountError(listId, 0, options.previousCount, maxDropFraction);
  }
  if (
    options.previousCount !== undefined &&
    !options.allowCountDrop &&
    records.length < options.previousCount * (1 - maxDropFraction)
  ) {
    throw new ListCountError(listId, records.length, options.previousCount, maxDropFraction);
  }
  // The shipped floor (issue 9): completeness without the caller's previousCount.
  const shipped = RECORD_FLOORS[listId];
  const floor = options.minRecordCount ?? shipped?.min ?? 0;
  if (records.length > 0 && records.length < floor) {
    const measured = options.minRecordCount === undefined && shipped ? `shipped floor, 80 % of ${shipped.measured} in ${shipped.file}` : "minRecordCount";
    throw new ListCountError(listId, records.length, options.previousCount, maxDropFraction, { min: floor, measured });
  }

  const fileSha256 = sources.map((s) => sha256Hex(sourceBytes(s)));
  const sha256 =
    fileSha256.length === 1 ? (fileSha256[0] as string) : sha256Hex(new TextEncoder().encode(fileSha256.join("\n")));
  // Every type is counted, zeros included: zod 4 records keyed by an enum are exhaustive.
  const countsByType = Object.fromEntries(SubjectTypeSchema.options.map((t) => [t, 0])) as Record<SubjectType, number>;
  for (const record of records) countsByType[record.subject.type] = (countsByType[record.subject.type] ?? 0) + 1;

  const metadata: ListMetadata = ListMetadataSchema.parse({
    listId,
    publisher: identity.publisher,
    title: identity.title,
    format: identity.format,
    sourceFiles: sources.map((s) => s.name),
    ...(parsed.listDate === undefined ? {} : { listDate: parsed.listDate }),
    listDateSource: parsed.listDateSource,
    recordCount: records.length,
    countsByType,
    sha256,
    fileSha256,
    warnings: [...parsed.warnings],
  });
  return { metadata, records };
}
