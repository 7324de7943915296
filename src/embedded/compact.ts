import { ListFormatError } from "../errors";
import type { DesignationRecord, ListMetadata, LoadedList } from "../model";

/**
 * The shipped form of a compiled list: provenance plus records with everything derivable left out
 * (`id` and `list` follow from the list, empty arrays and schema defaults are dropped). Records were
 * validated by the loader when the snapshot was built; `expandCompiledList` restores the full shape.
 * @example
 * const compiled = JSON.parse(readFileSync("lists/compiled/un-sc.json", "utf8")) as CompiledList;
 * compiled.format //=> "sanctions-screen/compiled-list@1"
 * compiled.metadata.listId //=> "un-sc"
 */
export interface CompiledList {
  readonly format: "sanctions-screen/compiled-list@1";
  readonly metadata: ListMetadata;
  /** Where the snapshot came from and how it was built (files, script, extra steps). */
  readonly build: { readonly inputs: readonly string[]; readonly steps: readonly string[] };
  /** Interned strings: a number `i` in place of a string under an interned key means `strings[i]`. */
  readonly strings: readonly string[];
  readonly records: readonly Record<string, unknown>[];
}

/**
 * Keys whose values repeat across thousands of records (citations, notes, programme tags): shipped
 * once in `strings`. Their schema type is string, so a number there is unambiguous.
 */
const INTERNED_KEYS: ReadonlySet<string> = new Set([
  "source", "note", "authority", "program", "list", "citation", "licenceRequirement", "licencePolicy", "countryName", "label",
]);

/** Collects interned strings while compacting a list; `table` is the shipped string table. */
export class StringTable {
  readonly table: string[] = [];
  readonly #index = new Map<string, number>();
  intern(value: string): number {
    let i = this.#index.get(value);
    if (i === undefined) {
      i = this.table.length;
      this.table.push(value);
      this.#index.set(value, i);
    }
    return i;
  }
}

const DEFAULTS: Readonly<Record<string, unknown>> = { originalScript: false, confirmed: true };

function strip(value: unknown, strings: StringTable): unknown {
  if (Array.isArray(value)) return value.map((v) => strip(v, strings));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined) continue;
      if (Array.isArray(v) && v.length === 0) continue;
      if (key in DEFAULTS && DEFAULTS[key] === v) continue;
      out[key] = INTERNED_KEYS.has(key) && typeof v === "string" ? strings.intern(v) : strip(v, strings);
    }
    return out;
  }
  return value;
}

function unintern(value: unknown, strings: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => unintern(v, strings));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] = INTERNED_KEYS.has(key) && typeof v === "number" ? strings[v] : unintern(v, strings);
    }
    return out;
  }
  return value;
}

/**
 * Drops what `expandRecord` can restore, for shipping.
 * @example
 * compactRecord(record, new StringTable()).id //=> undefined
 */
export function compactRecord(record: DesignationRecord, strings: StringTable): Record<string, unknown> {
  const { id: _id, list: _list, ...rest } = record;
  return strip(rest, strings) as Record<string, unknown>;
}

const arr = <T>(v: T[] | undefined): T[] => v ?? [];

/**
 * Restores a compacted record to the validated shape.
 * @example
 * expandRecord("ofac-sdn", { sourceId: "15487", subject: { type: "organization", names: [{ value: "BELVNESHPROMSERVICE", kind: "primary" }] },
 *   bases: [{ regime: "US", program: "NPWMD" }] }).id //=> "ofac-sdn:15487"
 */
export function expandRecord(list: string, compact: Record<string, unknown>, strings: readonly string[] = []): DesignationRecord {
  const c = unintern(compact, strings) as unknown as Partial<DesignationRecord> & { sourceId: string; subject: Partial<DesignationRecord["subject"]> };
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

/** JSON with object keys sorted: equality of content regardless of key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * The compact form of a loaded list (interned strings, derivable fields dropped), checked to expand
 * back to exactly the validated records: a list whose compact form would read differently fails
 * closed with a {@link ListFormatError} on `records`, naming the first record that differs.
 * @example
 * compileList(loadList(sources), { inputs: ["un-sc/consolidated.xml"], steps: ["loadList(format: un-xml)"] }).format //=> "sanctions-screen/compiled-list@1"
 */
export function compileList(list: LoadedList, build: CompiledList["build"]): CompiledList {
  const strings = new StringTable();
  const records = list.records.map((r) => compactRecord(r, strings));
  const compiled: CompiledList = { format: "sanctions-screen/compiled-list@1", metadata: list.metadata, build, strings: strings.table, records };
  const roundTrip = expandCompiledList(JSON.parse(JSON.stringify(compiled)) as CompiledList);
  if (canonical(roundTrip.records) !== canonical(list.records)) {
    const i = roundTrip.records.findIndex((r, k) => canonical(r) !== canonical(list.records[k]));
    throw new ListFormatError(list.metadata.listId, [
      { field: "records", expected: "a compact form that expands back to the validated records", received: `a difference at record ${list.records[i]?.id}` },
    ], { summary: "compact form does not round-trip" });
  }
  return compiled;
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
  return { metadata, records: compiled.records.map((r) => expandRecord(metadata.listId, r, compiled.strings)) };
}
