/**
 * What changed between two loads of one list: records added, removed, and changed field by field.
 *
 * Records are matched by the publisher's `sourceId` (OFAC ent_num, UN reference number, UK Group
 * ID…), so two vintages loaded under different list ids still line up. A field is changed when its
 * canonical JSON (object keys sorted) differs; for an array field the elements that appear only on
 * one side are listed too (a multiset difference, so a duplicated alias counts). Pure and
 * runtime-neutral: no I/O, no clock.
 */
import type { DesignationRecord, LoadedList, SubjectType } from "../model";

/** One side of a diff: the list's provenance. */
export interface ListDiffSide {
  readonly listId: string;
  readonly listDate?: string;
  readonly recordCount: number;
  readonly sha256: string;
}

/** A record named in a diff. */
export interface ListDiffRecord {
  readonly sourceId: string;
  readonly id: string;
  /** Primary name (first name when none is flagged primary). */
  readonly name: string;
  readonly type: SubjectType;
}

/** One changed field of a record. */
export interface ListDiffFieldChange {
  /** Dotted path, e.g. `subject.names`, `bases`, `remarks`. */
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
  /** For arrays: elements only in the new record. */
  readonly added?: readonly unknown[];
  /** For arrays: elements only in the old record. */
  readonly removed?: readonly unknown[];
}

/** A record present on both sides whose fields differ. */
export interface ListDiffChange extends ListDiffRecord {
  readonly fields: readonly ListDiffFieldChange[];
}

/** The difference between two loads of a list. */
export interface ListDiff {
  readonly old: ListDiffSide;
  readonly new: ListDiffSide;
  readonly added: readonly ListDiffRecord[];
  readonly removed: readonly ListDiffRecord[];
  readonly changed: readonly ListDiffChange[];
  readonly unchanged: number;
  /** E.g. that two different lists were compared. */
  readonly warnings: readonly string[];
}

/** Fields that identify a record rather than describe it. */
const IDENTITY_FIELDS = new Set(["id", "list", "sourceId"]);

/** JSON with object keys sorted, so that key order never counts as a change. */
function canonical(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
}

/** Elements of `a` not matched one-for-one in `b`. */
function multisetMinus(a: readonly unknown[], b: readonly unknown[]): unknown[] {
  const counts = new Map<string, number>();
  for (const x of b) counts.set(canonical(x), (counts.get(canonical(x)) ?? 0) + 1);
  const out: unknown[] = [];
  for (const x of a) {
    const key = canonical(x);
    const n = counts.get(key) ?? 0;
    if (n > 0) counts.set(key, n - 1);
    else out.push(x);
  }
  return out;
}

function fieldChange(field: string, before: unknown, after: unknown): ListDiffFieldChange | undefined {
  if (canonical(before) === canonical(after)) return undefined;
  if (Array.isArray(before) || Array.isArray(after)) {
    const b = Array.isArray(before) ? before : [];
    const a = Array.isArray(after) ? after : [];
    return { field, before, after, added: multisetMinus(a, b), removed: multisetMinus(b, a) };
  }
  return { field, before, after };
}

function keysOf(...objects: readonly unknown[]): string[] {
  const keys = new Set<string>();
  for (const o of objects) if (o !== null && typeof o === "object") for (const k of Object.keys(o)) keys.add(k);
  return [...keys].sort();
}

/**
 * The changed fields of two versions of one record, `subject` compared field by field.
 * @example
 * diffRecords(oldRecord, newRecord).map((c) => c.field) //=> ["bases", "subject.names"]
 */
export function diffRecords(before: DesignationRecord, after: DesignationRecord): ListDiffFieldChange[] {
  const changes: ListDiffFieldChange[] = [];
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  for (const key of keysOf(b, a)) {
    if (IDENTITY_FIELDS.has(key)) continue;
    if (key === "subject") {
      const bs = (b[key] ?? {}) as Record<string, unknown>;
      const as = (a[key] ?? {}) as Record<string, unknown>;
      for (const sub of keysOf(bs, as)) {
        const change = fieldChange(`subject.${sub}`, bs[sub], as[sub]);
        if (change) changes.push(change);
      }
      continue;
    }
    const change = fieldChange(key, b[key], a[key]);
    if (change) changes.push(change);
  }
  return changes;
}

function ref(record: DesignationRecord): ListDiffRecord {
  const names = record.subject.names;
  const name = (names.find((n) => n.kind === "primary") ?? names[0])?.value ?? "";
  return { sourceId: record.sourceId, id: record.id, name, type: record.subject.type };
}

function side(list: LoadedList): ListDiffSide {
  const m = list.metadata;
  return { listId: m.listId, ...(m.listDate === undefined ? {} : { listDate: m.listDate }), recordCount: list.records.length, sha256: m.sha256 };
}

/** Numeric-aware order of source ids (OFAC 36 before 173), then plain. */
const bySourceId = (x: { sourceId: string }, y: { sourceId: string }): number =>
  x.sourceId.localeCompare(y.sourceId, "en", { numeric: true }) || (x.sourceId < y.sourceId ? -1 : x.sourceId > y.sourceId ? 1 : 0);

/**
 * Compares two loads of a list: added, removed and changed records (with the fields that changed).
 * @example
 * const d = diffLists(loadList(may2), loadList(may3));
 * [d.added.length, d.removed.length] //=> [0, 8]
 */
export function diffLists(before: LoadedList, after: LoadedList): ListDiff {
  const warnings: string[] = [];
  if (before.metadata.listId !== after.metadata.listId) {
    warnings.push(`comparing two different lists: ${before.metadata.listId} and ${after.metadata.listId} (records matched by source id)`);
  }
  const oldById = new Map(before.records.map((r) => [r.sourceId, r]));
  const newById = new Map(after.records.map((r) => [r.sourceId, r]));
  const added: ListDiffRecord[] = [];
  const removed: ListDiffRecord[] = [];
  const changed: ListDiffChange[] = [];
  let unchanged = 0;
  for (const record of after.records) {
    const previous = oldById.get(record.sourceId);
    if (previous === undefined) {
      added.push(ref(record));
      continue;
    }
    const fields = diffRecords(previous, record);
    if (fields.length > 0) changed.push({ ...ref(record), fields });
    else unchanged++;
  }
  for (const record of before.records) if (!newById.has(record.sourceId)) removed.push(ref(record));
  return {
    old: side(before),
    new: side(after),
    added: added.sort(bySourceId),
    removed: removed.sort(bySourceId),
    changed: changed.sort(bySourceId),
    unchanged,
    warnings,
  };
}
