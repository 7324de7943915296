/**
 * The binary record snapshot of the embedded lists (`lists/compiled/records.bin`, written by
 * `npm run build` from the compiled JSON snapshots, which stay the build's input): what
 * `createDefaultScreener()` loads instead of parsing 19.5 MB of JSON and expanding 21k records at
 * start (issue 8). Records are decoded lazily: only the records a screen scores or explains are
 * ever materialised (and kept). What a screener needs of all records at start is precomputed here:
 * the regimes each list covers, the curated records' links (the curated list is decoded whole: a
 * handful of records) and the identifier index (decoded on the first screen that gives identifiers).
 *
 * Layout (little-endian):
 * - `"SSRS"`, u32 format version, u32 header length H, then H bytes of UTF-8 JSON header: library
 *   and format, the sha256 of the body, per list its metadata, provenance (`build`), interned string
 *   table and covered regimes, and the body's section lengths;
 * - body (from the next multiple of 4): u32 offsets[records + 1] into the record area; u32
 *   CRC-32 of each record; the record area, each record's compact JSON (`compactRecord` form:
 *   interned strings as indices into its list's string table); the identifier index as JSON
 *   `[[key, [record, …]], …]`.
 *
 * Integrity: the header carries the sha256 of the body, checked on request (`verifySha256`: the
 * build and the tests; hashing 20 MB costs ~30 ms of a cold start), and every record and the
 * identifier index carry a CRC-32 checked when they are decoded, so a damaged record is refused
 * when first used, never read wrong. A snapshot from another library version or format, or damaged,
 * is refused with a {@link ListFormatError} naming the field (`snapshot.library`, `snapshot.record`…).
 */
import { bytesToHex } from "@noble/hashes/utils.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { buildIdentifierIndex, type IdentifierIndex } from "../candidates";
import { InputError, ListFormatError } from "../errors";
import type { DesignationRecord, ListMetadata, LoadedList, Regime } from "../model";
import { createScreenerOver, curatedLinksOf, LIBRARY, type Screener, type ScreenerOptions, type ScreenerRecords } from "../screen";
import { expandCompiledList, expandRecord, type CompiledList } from "./compact";
import { bytesSource, type ByteSource } from "./file-source";

const MAGIC = "SSRS";
/** Bumped whenever the layout or the compact record form changes. */
export const RECORD_SNAPSHOT_FORMAT = 1;

interface SnapshotList {
  readonly metadata: ListMetadata;
  readonly build: CompiledList["build"];
  readonly strings: readonly string[];
  /** Regimes of the list's confirmed bases (what `regimesCovered` computes from all records). */
  readonly regimes: readonly Regime[];
}

interface SnapshotHeader {
  readonly library: string;
  readonly format: number;
  /** sha256 (hex) of the body: offsets, records and identifier index. */
  readonly sha256: string;
  readonly lists: readonly SnapshotList[];
  readonly recordCount: number;
  readonly recordBytes: number;
  readonly identifierBytes: number;
  readonly identifierCrc: number;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (IEEE) of bytes. */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = (CRC_TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** An opened snapshot: list provenance at once, records on demand. */
export interface RecordSnapshot {
  readonly lists: readonly { readonly metadata: ListMetadata; readonly build: CompiledList["build"]; readonly first: number; readonly recordCount: number }[];
  readonly recordCount: number;
  /** Record `i` in list order (all lists concatenated), decoded on first use and kept. */
  record(i: number): DesignationRecord;
  /** Regime → list ids holding a confirmed basis of it (as `regimesCovered`). */
  readonly regimesCovered: ReadonlyMap<Regime, readonly string[]>;
  /** Records by canonical identifier value (as `buildIdentifierIndex`), decoded on first use. */
  identifierIndex(): IdentifierIndex;
  /** Library and format the snapshot was written by, and the sha256 of its body. */
  readonly library: string;
  readonly sha256: string;
}

const LIBRARY_ID = `${LIBRARY.name}@${LIBRARY.version}`;

function refuse(field: string, expected: string, received: string): never {
  throw new ListFormatError("embedded-snapshot", [{ field: `snapshot.${field}`, expected, received }], { summary: "record snapshot refused" });
}

/** sha256 hex of bytes, with Node's native hash where the runtime has it (~10× faster than JS). */
function sha256Hex(bytes: Uint8Array): string {
  const getBuiltin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  if (typeof getBuiltin === "function") {
    const crypto = getBuiltin("node:crypto") as typeof import("node:crypto") | undefined;
    if (crypto) return crypto.createHash("sha256").update(bytes).digest("hex");
  }
  return bytesToHex(sha256(bytes));
}

function regimesOf(records: readonly DesignationRecord[]): Regime[] {
  const regimes = new Set<Regime>();
  for (const record of records) for (const b of record.bases) if (b.confirmed !== false) regimes.add(b.regime);
  return [...regimes];
}

/**
 * Writes the snapshot of compiled lists (the build's input), in their order.
 * @example
 * writeRecordSnapshot(compiledLists).length //=> 9_800_000 (about, the seven default lists)
 */
export function writeRecordSnapshot(compiled: readonly CompiledList[]): Uint8Array {
  const encoder = new TextEncoder();
  const expanded = compiled.map(expandCompiledList);
  const chunks: Uint8Array[] = [];
  const total = compiled.reduce((n, c) => n + c.records.length, 0);
  const offsets = new Uint32Array(total + 1);
  const crcs = new Uint32Array(total);
  let at = 0;
  let i = 0;
  for (const c of compiled) {
    for (const r of c.records) {
      const bytes = encoder.encode(JSON.stringify(r));
      chunks.push(bytes);
      crcs[i] = crc32(bytes);
      at += bytes.length;
      offsets[++i] = at;
    }
  }
  const ids = buildIdentifierIndex(expanded.flatMap((l) => l.records));
  const idBytes = encoder.encode(JSON.stringify([...ids]));
  const body = new Uint8Array(offsets.byteLength + crcs.byteLength + at + idBytes.length);
  body.set(new Uint8Array(offsets.buffer), 0);
  body.set(new Uint8Array(crcs.buffer), offsets.byteLength);
  let p = offsets.byteLength + crcs.byteLength;
  for (const c of chunks) {
    body.set(c, p);
    p += c.length;
  }
  body.set(idBytes, p);
  const header: SnapshotHeader = {
    library: LIBRARY_ID,
    format: RECORD_SNAPSHOT_FORMAT,
    sha256: sha256Hex(body),
    lists: compiled.map((c, k) => ({ metadata: c.metadata, build: c.build, strings: c.strings, regimes: regimesOf((expanded[k] as LoadedList).records) })),
    recordCount: total,
    recordBytes: at,
    identifierBytes: idBytes.length,
    identifierCrc: crc32(idBytes),
  };
  const headerBytes = encoder.encode(JSON.stringify(header));
  const bodyStart = Math.ceil((12 + headerBytes.length) / 4) * 4;
  const out = new Uint8Array(bodyStart + body.length);
  out.set(encoder.encode(MAGIC), 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, RECORD_SNAPSHOT_FORMAT, true);
  view.setUint32(8, headerBytes.length, true);
  out.set(headerBytes, 12);
  out.set(body, bodyStart);
  return out;
}

/** Options of {@link openRecordSnapshot}. */
export interface OpenRecordSnapshotOptions {
  /** Hash the whole body against the header's sha256 at open (default false: records are checked by CRC-32 when decoded). */
  readonly verifySha256?: boolean;
}

/**
 * Opens a snapshot: checks magic, format, library version and layout (and sha256 on request), then
 * decodes records only when asked, each checked against its CRC-32. Throws {@link ListFormatError}
 * (`snapshot.*` fields) for a snapshot it cannot use.
 * @example
 * openRecordSnapshot(bytes).record(0).id //=> "curated:belvneshpromservice"
 */
export function openRecordSnapshot(input: Uint8Array | ByteSource, options: OpenRecordSnapshotOptions = {}): RecordSnapshot {
  // A source is read by range (the shipped file, kept open: only what a screen needs is ever read);
  // bytes in memory (a Worker's Data module) are viewed in place.
  const source = input instanceof Uint8Array ? bytesSource(input) : input;
  const decoder = new TextDecoder();
  const size = source.size;
  const start = source.read(0, 12);
  if (size < 12 || decoder.decode(start.subarray(0, 4)) !== MAGIC) refuse("magic", `"${MAGIC}"`, JSON.stringify(decoder.decode(start.subarray(0, 4))));
  const view = new DataView(start.buffer, start.byteOffset, start.byteLength);
  const format = view.getUint32(4, true);
  if (format !== RECORD_SNAPSHOT_FORMAT) refuse("format", `format ${RECORD_SNAPSHOT_FORMAT}`, `format ${format}`);
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > size) refuse("header", `${headerLength} header bytes`, `${size - 12} bytes left`);
  let header: SnapshotHeader;
  try {
    header = JSON.parse(decoder.decode(source.read(12, headerLength))) as SnapshotHeader;
  } catch (cause) {
    return refuse("header", "JSON", cause instanceof Error ? cause.message : String(cause));
  }
  if (header.library !== LIBRARY_ID) refuse("library", `written by ${LIBRARY_ID}`, `written by ${JSON.stringify(header.library)}`);
  if (header.format !== format) refuse("format", `header format ${format}`, `header format ${JSON.stringify(header.format)}`);
  const bodyStart = Math.ceil((12 + headerLength) / 4) * 4;
  const n = header.recordCount;
  const tables = (2 * n + 1) * 4;
  const bodyLength = tables + header.recordBytes + header.identifierBytes;
  if (!Number.isInteger(n) || size !== bodyStart + bodyLength) refuse("length", `${bodyStart + bodyLength} bytes`, `${size} bytes`);
  if (options.verifySha256) {
    const digest = sha256Hex(source.read(bodyStart, bodyLength));
    if (digest !== header.sha256) refuse("sha256", header.sha256, digest);
  }
  // The tables as 32-bit words: in place when the bytes are 4-aligned (a Data module), else copied.
  const tableBytes = source.read(bodyStart, tables);
  const words = tableBytes.byteOffset % 4 === 0 ? new Uint32Array(tableBytes.buffer, tableBytes.byteOffset, 2 * n + 1) : new Uint32Array(tableBytes.slice().buffer);
  const offsets = words.subarray(0, n + 1);
  const crcs = words.subarray(n + 1);
  if (offsets[0] !== 0 || offsets[n] !== header.recordBytes) refuse("offsets", `0 … ${header.recordBytes}`, `${offsets[0]} … ${offsets[n]}`);
  const recordStart = bodyStart + tables;
  const lists: { metadata: ListMetadata; build: CompiledList["build"]; first: number; recordCount: number }[] = [];
  const listOf = new Uint8Array(n);
  let first = 0;
  header.lists.forEach((l, k) => {
    const count = l.metadata.recordCount;
    lists.push({ metadata: l.metadata, build: l.build, first, recordCount: count });
    listOf.fill(k, first, first + count);
    first += count;
  });
  if (first !== n) refuse("recordCount", `${first} records (the lists' provenance)`, `${n} records`);
  const cache: (DesignationRecord | undefined)[] = new Array(n);
  function record(i: number): DesignationRecord {
    let r = cache[i];
    if (r === undefined) {
      if (!(i >= 0 && i < n)) throw new RangeError(`record ${i} of ${n}`);
      const l = header.lists[listOf[i] as number] as SnapshotList;
      const start = offsets[i] as number;
      const end = offsets[i + 1] as number;
      const text = end >= start && end <= header.recordBytes ? source.read(recordStart + start, end - start) : undefined;
      if (text === undefined || crc32(text) !== crcs[i]) refuse("record", `record ${i} with CRC-32 ${crcs[i]}`, text === undefined ? `offsets ${start}…${end}` : `CRC-32 ${crc32(text)}`);
      const compact = JSON.parse(decoder.decode(text)) as Record<string, unknown>;
      r = cache[i] = expandRecord(l.metadata.listId, compact, l.strings);
    }
    return r;
  }
  const regimesCovered = new Map<Regime, string[]>();
  for (const l of header.lists) for (const regime of l.regimes) regimesCovered.set(regime, [...(regimesCovered.get(regime) ?? []), l.metadata.listId]);
  let ids: IdentifierIndex | undefined;
  return {
    lists,
    recordCount: n,
    record,
    regimesCovered,
    identifierIndex(): IdentifierIndex {
      if (ids === undefined) {
        const text = source.read(recordStart + header.recordBytes, header.identifierBytes);
        if (crc32(text) !== header.identifierCrc) refuse("identifiers", `CRC-32 ${header.identifierCrc}`, `CRC-32 ${crc32(text)}`);
        ids = new Map(JSON.parse(decoder.decode(text)) as [string, number[]][]);
      }
      return ids;
    },
    library: header.library,
    sha256: header.sha256,
  };
}

/** JSON with object keys sorted, to compare parsed values whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/**
 * True when the snapshot was written from the compiled lists the manifest describes: the same lists
 * in the same order, with the same metadata (inputs' sha256, dates, counts) and build steps. A
 * snapshot left from before `npm run lists:build` changed the lists is then not used.
 * @example
 * snapshotFitsManifest(openRecordSnapshot(bytes), compiledManifest()) //=> true
 */
export function snapshotFitsManifest(snapshot: RecordSnapshot, manifest: readonly { readonly metadata: unknown; readonly build: unknown }[]): boolean {
  return canonical(snapshot.lists.map((l) => [l.metadata, l.build])) === canonical(manifest.map((m) => [m.metadata, m.build]));
}

/**
 * What a screener reads of an opened snapshot: records on demand, the curated records' links (the
 * curated list decoded whole: a handful of records), covered regimes and the identifier index.
 * @example
 * createScreenerOver({ index }, snapshotRecords(openRecordSnapshot(bytes))).stats.records //=> 21_023
 */
export function snapshotRecords(snapshot: RecordSnapshot): ScreenerRecords {
  const curated = snapshot.lists.filter((l) => l.metadata.listId === "curated").flatMap((l) => Array.from({ length: l.recordCount }, (_, k) => snapshot.record(l.first + k)));
  return {
    lists: snapshot.lists,
    count: snapshot.recordCount,
    record: snapshot.record,
    all: () => Array.from({ length: snapshot.recordCount }, (_, i) => snapshot.record(i)),
    curatedLinks: curatedLinksOf(curated),
    regimesCovered: snapshot.regimesCovered,
    identifierIndex: snapshot.identifierIndex,
  };
}

/**
 * A screener over an opened snapshot and a prebuilt name index for its lists; undefined when the
 * index does not fit them (`createDefaultScreener` then builds from the JSON snapshots).
 * @example
 * screenerOverSnapshot(openRecordSnapshot(bytes), { freshness: { snapshot: true } }, indexBytes)?.stats.records //=> 21_023
 */
export function screenerOverSnapshot(snapshot: RecordSnapshot, options: Omit<ScreenerOptions, "lists">, index: Uint8Array): Screener | undefined {
  try {
    return createScreenerOver({ ...options, index }, snapshotRecords(snapshot));
  } catch (error) {
    if (error instanceof InputError && error.issues.some((i) => i.path === "index")) return undefined;
    throw error;
  }
}
