import { ListFormatError } from "../errors";
import type { DesignationRecord, ListMetadata, LoadedList } from "../model";

/**
 * The shipped form of a compiled list: provenance plus records with everything derivable left out
 * (`id` and `list` follow from the list, empty arrays and schema defaults are dropped). Records were
 * validated by the loader when the snapshot was built; `expandCompiledList` restores the full shape.
 */
export interface CompiledList {
  readonly format: "sanctions-screen/compiled-list@1";
  readonly metadata: ListMetadata;
  /** Where the snapshot came from and how it was built (files, script, extra steps). */
  readonly build: { readonly inputs: readonly string[]; readonly steps: readonly string[] };
  readonly records: readonly Record<string, unknown>[];
}

const DEFAULTS: Readonly<Record<string, unknown>> = { originalScript: false, confirmed: true };

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined) continue;
      if (Array.isArray(v) && v.length === 0) continue;
      if (key in DEFAULTS && DEFAULTS[key] === v) continue;
      out[key] = strip(v);
    }
    return out;
  }
  return value;
}

/**
 * Drops what `expandRecord` can restore, for shipping.
 * @example
 * compactRecord(record).id //=> undefined
 */
export function compactRecord(record: DesignationRecord): Record<string, unknown> {
  const { id: _id, list: _list, ...rest } = record;
  return strip(rest) as Record<string, unknown>;
}

const arr = <T>(v: T[] | undefined): T[] => v ?? [];

/**
 * Restores a compacted record to the validated shape.
 * @example
 * expandRecord("ofac-sdn", { sourceId: "15487", subject: {...}, bases: [...] }).id //=> "ofac-sdn:15487"
 */
export function expandRecord(list: string, compact: Record<string, unknown>): DesignationRecord {
  const c = compact as unknown as Partial<DesignationRecord> & { sourceId: string; subject: Partial<DesignationRecord["subject"]> };
  const s = c.subject;
  return {
    id: `${list}:${c.sourceId}`,
    list,
    sourceId: c.sourceId,
    subject: {
      ...s,
      type: s.type ?? "unknown",
      names: arr(s.names).map((n) => ({ ...n, originalScript: n.originalScript ?? false })),
      identifiers: arr(s.identifiers),
      birthDates: arr(s.birthDates),
      birthPlaces: arr(s.birthPlaces),
      nationalities: arr(s.nationalities),
      citizenships: arr(s.citizenships),
      addresses: arr(s.addresses),
      titles: arr(s.titles),
      positions: arr(s.positions),
    } as DesignationRecord["subject"],
    bases: arr(c.bases).map((b) => ({ ...b, measures: arr(b.measures), confirmed: b.confirmed ?? true })),
    remarks: arr(c.remarks),
    ...(c.sourceUrl === undefined ? {} : { sourceUrl: c.sourceUrl }),
    sameAs: arr(c.sameAs),
  };
}

/**
 * Restores a compiled list; fails closed when the record count disagrees with its provenance.
 * @example
 * expandCompiledList(compiled).metadata.recordCount //=> 13821
 */
export function expandCompiledList(compiled: CompiledList): LoadedList {
  const { metadata } = compiled;
  if (compiled.records.length !== metadata.recordCount) {
    throw new ListFormatError(metadata.listId, [
      { field: "records", expected: `${metadata.recordCount} records (provenance)`, received: `${compiled.records.length} records` },
    ], { summary: "compiled snapshot is damaged" });
  }
  return { metadata, records: compiled.records.map((r) => expandRecord(metadata.listId, r)) };
}
