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
import { sha256Hex, sourceBytes, type ListSource } from "./source";

/** Guards applied to every load. */
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
