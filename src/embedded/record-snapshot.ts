/**
 * The list-set snapshot of the embedded lists (`lists/compiled/snapshot.bin`, written by
 * `npm run build` from the compiled JSON snapshots, which stay the build's input): one file holding
 * the records, the identifier index and the prebuilt name index under one header
 * (src/candidates/snapshot-file.ts), which `createDefaultScreener()` loads instead of parsing
 * 19.5 MB of JSON, expanding 21k records and building the index at start (issue 8). Records are
 * decoded lazily: only the records a screen scores or explains are ever materialised (and kept),
 * read by range from the open file. What a screener needs of all records at start is precomputed
 * here: the regimes each list covers, the curated records' links (the curated list is decoded whole:
 * a handful of records) and the identifier index (decoded on the first screen that gives identifiers).
 *
 * Sections (the container's header carries library, algorithm, the lists' fingerprint and sha256;
 * its `records` part per list the metadata, provenance (`build`), interned string table and covered
 * regimes, and the CRC-32 of the identifier index, the birth years and the countries):
 * - `recordOffsets`: u32 offsets[records + 1] into `records`; `recordCrcs`: u32 CRC-32 of each record;
 * - `records`: each record's compact JSON (`compactRecord` form: interned strings as indices into
 *   its list's string table);
 * - `identifiers`: the identifier index as JSON `[[key, [record, …]], …]` (decoded on first use:
 *   ~20 ms, paid only by a process whose screens give identifiers);
 * - `birthYears`: i16 [first, last] birth year of each record (`birthYearSpans`; [0, -1] without a
 *   birth date), read on the first screen with a date of birth: the records that can get the date's
 *   bonus, so a screen lowers its search minimum for those alone;
 * - `countries`: u32 offsets[records + 1], then u16 codes (`recordCountryCodes`), read on the first
 *   screen with a country: which records the country's bonus or penalty applies to;
 * - `index`: the name index's body (src/candidates/serialize.ts, read whole when the screener is made).
 *
 * Integrity: every record and the identifier index carry a CRC-32 checked when they are decoded, so
 * a damaged record is refused when first used, never read wrong; the payload's sha256 is checked on
 * request (`verifySha256`: the build and the tests). A snapshot from another library version, format,
 * algorithm or list set, truncated or damaged, is refused with a {@link ListFormatError} naming the
 * field (`snapshot.library`, `snapshot.algorithm`, `snapshot.lists`, `snapshot.record`…).
 */
import { bytesToHex } from "@noble/hashes/utils.js";
import { sha256 } from "@noble/hashes/sha2.js";
import {
  buildIdentifierIndex,
  decodeNameIndex,
  encodeNameIndex,
  indexFingerprint,
  openSnapshotFile,
  SNAPSHOT_FORMAT,
  writeSnapshotFile,
  type IdentifierIndex,
  type NameIndex,
  type NameIndexPart,
  type SnapshotSource,
} from "../candidates";
import { InputError, ListFormatError } from "../errors";
import { birthYearSpans, NAMES_V2, recordCountryCodes, type NameAlgorithm, type RecordCountryCodes } from "../score";
import type { DesignationRecord, ListMetadata, LoadedList, Regime } from "../model";
import { createScreenerOver, curatedLinksOf, LIBRARY, type Screener, type ScreenerOptions, type ScreenerRecords } from "../screen";
import { expandCompiledList, expandRecord, type CompiledList } from "./compact";
import { bytesSource, type ByteSource } from "./file-source";

/** Format of the snapshot file (the container's: src/candidates/snapshot-file.ts). */
export const RECORD_SNAPSHOT_FORMAT = SNAPSHOT_FORMAT;

interface SnapshotList {
  readonly metadata: ListMetadata;
  readonly build: CompiledList["build"];
  readonly strings: readonly string[];
  /** Regimes of the list's confirmed bases (what `regimesCovered` computes from all records). */
  readonly regimes: readonly Regime[];
}

/** The container header's `records` part. */
interface RecordsPart {
  readonly lists: readonly SnapshotList[];
  readonly recordCount: number;
  readonly identifierCrc: number;
  readonly birthYearCrc: number;
  /** CRC-32 of the `countries` section, and how many codes it holds after the offsets. */
  readonly countryCrc: number;
  readonly countryCodeCount: number;
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
  /** Each record's birth-year span (as `birthYearSpans`), decoded on first use (a screen with a date of birth). */
  birthYears(): Int16Array;
  /** Each record's countries (as `recordCountryCodes`), decoded on first use (a screen with a country). */
  countryCodes(): RecordCountryCodes;
  /**
   * The name index stored in the same file, read (one range of ~35 MB) and checked when called;
   * refused with an `InputError` on `index` for other lists or another algorithm, as a bare index is.
   */
  nameIndex(fingerprint: string, algorithm: NameAlgorithm): NameIndex;
  /** Library that wrote the snapshot, the name algorithm of its index, and the sha256 of its payload. */
  readonly library: string;
  readonly algorithmId: string;
  readonly sha256: string;
}

const LIBRARY_ID = `${LIBRARY.name}@${LIBRARY.version}`;

function refuse(field: string, expected: string, received: string): never {
  throw new ListFormatError("snapshot", [{ field: `snapshot.${field}`, expected, received }], { summary: "snapshot refused" });
}

/**
 * sha256 (hex) of `length` bytes of a source from `start`, read 4 MB at a time, with Node's native
 * hash where the runtime exposes it (~20× faster than JS here: 33 vs 645 ms for 59 MB), else
 * @noble/hashes.
 */
function payloadSha256(source: SnapshotSource, start: number, length: number): string {
  const getBuiltin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  const crypto = typeof getBuiltin === "function" ? (getBuiltin("node:crypto") as typeof import("node:crypto") | undefined) : undefined;
  const hash = crypto ? crypto.createHash("sha256") : sha256.create();
  const chunk = 1 << 22;
  for (let at = 0; at < length; at += chunk) hash.update(source.read(start + at, Math.min(chunk, length - at)));
  const digest = hash.digest();
  return typeof digest === "string" ? digest : bytesToHex(digest);
}

function regimesOf(records: readonly DesignationRecord[]): Regime[] {
  const regimes = new Set<Regime>();
  for (const record of records) for (const b of record.bases) if (b.confirmed !== false) regimes.add(b.regime);
  return [...regimes];
}

function fingerprintOf(lists: readonly { readonly metadata: ListMetadata }[]): string {
  return indexFingerprint(lists.map((l) => ({ listId: l.metadata.listId, sha256: l.metadata.sha256, recordCount: l.metadata.recordCount })));
}

/**
 * Writes the list-set snapshot of compiled lists (the build's input), in their order, with the name
 * index built over their records (`buildNameIndex` of the expanded records, as `createScreener` builds it).
 * @example
 * writeSnapshot(compiledLists, buildNameIndex(records)).length //=> 56_000_000 (about, the seven default lists)
 */
export function writeSnapshot(compiled: readonly CompiledList[], index: NameIndex): Uint8Array {
  const encoder = new TextEncoder();
  const expanded = compiled.map(expandCompiledList);
  const chunks: Uint8Array[] = [];
  const total = compiled.reduce((n, c) => n + c.records.length, 0);
  if (index.data.recordCount !== total) throw new RangeError(`name index of ${index.data.recordCount} records for ${total} records`);
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
  const recordBytes = new Uint8Array(at);
  let p = 0;
  for (const c of chunks) {
    recordBytes.set(c, p);
    p += c.length;
  }
  const all = expanded.flatMap((l) => l.records);
  const idBytes = encoder.encode(JSON.stringify([...buildIdentifierIndex(all)]));
  const birthBytes = new Uint8Array(birthYearSpans(all).buffer);
  const packed = recordCountryCodes(all);
  const countryBytes = new Uint8Array(4 * (total + 1) + 2 * packed.codes.length);
  countryBytes.set(new Uint8Array(packed.offsets.buffer), 0);
  countryBytes.set(new Uint8Array(packed.codes.buffer), 4 * (total + 1));
  const { part, body } = encodeNameIndex(index);
  const records: RecordsPart = {
    lists: compiled.map((c, k) => ({ metadata: c.metadata, build: c.build, strings: c.strings, regimes: regimesOf((expanded[k] as LoadedList).records) })),
    recordCount: total,
    identifierCrc: crc32(idBytes),
    birthYearCrc: crc32(birthBytes),
    countryCrc: crc32(countryBytes),
    countryCodeCount: packed.codes.length,
  };
  return writeSnapshotFile({ library: LIBRARY_ID, algorithmId: index.data.algorithmId, fingerprint: fingerprintOf(compiled), records, index: part }, [
    { name: "recordOffsets", bytes: new Uint8Array(offsets.buffer) },
    { name: "recordCrcs", bytes: new Uint8Array(crcs.buffer) },
    { name: "records", bytes: recordBytes },
    { name: "identifiers", bytes: idBytes },
    { name: "birthYears", bytes: birthBytes },
    { name: "countries", bytes: countryBytes },
    { name: "index", bytes: body },
  ], payloadSha256);
}

/** Options of {@link openRecordSnapshot}. */
export interface OpenRecordSnapshotOptions {
  /** Hash the whole payload against the header's sha256 at open (default false: records are checked by CRC-32 when decoded). */
  readonly verifySha256?: boolean;
  /** Name algorithm the screener uses (default `names-v2`): a snapshot indexed with another is refused. */
  readonly algorithm?: NameAlgorithm;
  /** The lists' fingerprint (`indexFingerprint`) the caller expects: a snapshot of other lists is refused. */
  readonly fingerprint?: string;
}

/**
 * Opens a snapshot: checks magic, format, library version, algorithm, lists and layout (and sha256
 * on request), then decodes records only when asked, each checked against its CRC-32. Throws
 * {@link ListFormatError} (`snapshot.*` fields) for a snapshot it cannot use.
 * @example
 * openRecordSnapshot(bytes).record(0).id //=> "curated:belvneshpromservice"
 */
export function openRecordSnapshot(input: Uint8Array | ByteSource, options: OpenRecordSnapshotOptions = {}): RecordSnapshot {
  // A source is read by range (the shipped file, kept open: only what a screen needs is ever read);
  // bytes in memory (a Worker's Data module) are viewed in place.
  const source = input instanceof Uint8Array ? bytesSource(input) : input;
  const file = openSnapshotFile(source, { library: LIBRARY_ID, ...(options.verifySha256 === true ? { verifySha256: payloadSha256 } : {}) });
  const header = file.header;
  const algorithm = options.algorithm ?? NAMES_V2;
  if (header.algorithmId !== algorithm.id) refuse("algorithm", `an index of algorithm ${algorithm.id}`, `algorithm ${JSON.stringify(header.algorithmId)}`);
  const part = header.records as RecordsPart | undefined;
  if (part === undefined || part === null || !Array.isArray(part.lists) || !Number.isInteger(part.recordCount)) refuse("records", "the records part of the header", JSON.stringify(part)?.slice(0, 80) ?? "none");
  const own = fingerprintOf(part.lists);
  if (header.fingerprint !== own) refuse("lists", `the fingerprint of its own lists ${own}`, header.fingerprint);
  if (options.fingerprint !== undefined && header.fingerprint !== options.fingerprint) refuse("lists", `a snapshot of lists ${options.fingerprint}`, `lists ${header.fingerprint}`);
  const decoder = new TextDecoder();
  const n = part.recordCount;
  const recordArea = file.section("records");
  // Read on first use, but present from the start: a snapshot without it is refused at open.
  const birthArea = file.section("birthYears");
  if (birthArea.length !== 4 * n || !Number.isInteger(part.birthYearCrc)) refuse("birthYears", `${4 * n} bytes and their CRC-32`, `${birthArea.length} bytes, CRC-32 ${String(part.birthYearCrc)}`);
  const countryArea = file.section("countries");
  const countryLength = 4 * (n + 1) + 2 * part.countryCodeCount;
  if (!Number.isInteger(part.countryCodeCount) || countryArea.length !== countryLength || !Number.isInteger(part.countryCrc)) refuse("countries", `${countryLength} bytes and their CRC-32`, `${countryArea.length} bytes, CRC-32 ${String(part.countryCrc)}`);
  const tableBytes = (name: string, count: number): Uint32Array => {
    const s = file.section(name);
    if (s.length !== count * 4) refuse("sections", `${count * 4} bytes of ${name}`, `${s.length} bytes`);
    const bytes = source.read(s.start, s.length);
    // 32-bit words in place when the bytes are 4-aligned (a Data module, a fresh read), else copied.
    return bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, count) : new Uint32Array(bytes.slice().buffer);
  };
  const offsets = tableBytes("recordOffsets", n + 1);
  const crcs = tableBytes("recordCrcs", n);
  if (offsets[0] !== 0 || offsets[n] !== recordArea.length) refuse("offsets", `0 … ${recordArea.length}`, `${offsets[0]} … ${offsets[n]}`);
  const lists: { metadata: ListMetadata; build: CompiledList["build"]; first: number; recordCount: number }[] = [];
  const listOf = new Uint8Array(n);
  let first = 0;
  part.lists.forEach((l, k) => {
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
      const l = part!.lists[listOf[i] as number] as SnapshotList;
      const start = offsets[i] as number;
      const end = offsets[i + 1] as number;
      const text = end >= start && end <= recordArea.length ? source.read(recordArea.start + start, end - start) : undefined;
      if (text === undefined || crc32(text) !== crcs[i]) refuse("record", `record ${i} with CRC-32 ${crcs[i]}`, text === undefined ? `offsets ${start}…${end}` : `CRC-32 ${crc32(text)}`);
      const compact = JSON.parse(decoder.decode(text)) as Record<string, unknown>;
      r = cache[i] = expandRecord(l.metadata.listId, compact, l.strings);
    }
    return r;
  }
  const regimesCovered = new Map<Regime, string[]>();
  for (const l of part.lists) for (const regime of l.regimes) regimesCovered.set(regime, [...(regimesCovered.get(regime) ?? []), l.metadata.listId]);
  let ids: IdentifierIndex | undefined;
  let births: Int16Array | undefined;
  // A section decoded on first use, checked against its CRC-32: a copy, so its typed arrays start at
  // offset 0 of their own buffer (the section need not be aligned in the file's bytes).
  const checkedSection = (field: string, area: { readonly start: number; readonly length: number }, crc: number): Uint8Array => {
    const bytes = source.read(area.start, area.length).slice();
    if (crc32(bytes) !== crc) refuse(field, `CRC-32 ${crc}`, `CRC-32 ${crc32(bytes)}`);
    return bytes;
  };
  let countries: RecordCountryCodes | undefined;
  return {
    lists,
    recordCount: n,
    record,
    regimesCovered,
    identifierIndex(): IdentifierIndex {
      ids ??= new Map(JSON.parse(decoder.decode(checkedSection("identifiers", file.section("identifiers"), part!.identifierCrc))) as [string, number[]][]);
      return ids;
    },
    birthYears(): Int16Array {
      births ??= new Int16Array(checkedSection("birthYears", birthArea, part!.birthYearCrc).buffer);
      return births;
    },
    countryCodes() {
      if (countries === undefined) {
        const bytes = checkedSection("countries", countryArea, part!.countryCrc);
        const offsets = new Uint32Array(bytes.buffer, 0, n + 1);
        const codes = new Uint16Array(bytes.buffer, 4 * (n + 1), part!.countryCodeCount);
        if (offsets[0] !== 0 || offsets[n] !== codes.length || offsets.some((o, i) => i > 0 && o < (offsets[i - 1] as number))) refuse("countries", `offsets 0 … ${codes.length}, rising`, `offsets ${offsets[0]} … ${offsets[n]}`);
        countries = { offsets, codes };
      }
      return countries;
    },
    nameIndex(fingerprint, alg) {
      const fail = (expected: string, received: string): never => {
        throw new InputError([{ path: "index", expected, received, message: "prebuilt index does not fit" }]);
      };
      if (header.algorithmId !== alg.id) fail(`algorithm ${alg.id}`, `algorithm ${header.algorithmId}`);
      if (header.fingerprint !== fingerprint) fail(`an index of lists ${fingerprint}`, `an index of lists ${header.fingerprint}`);
      // One read of the whole section into a fresh (8-aligned) buffer: its typed arrays are views.
      return decodeNameIndex(header.index as NameIndexPart, file.read("index"), header.algorithmId, alg);
    },
    library: header.library,
    algorithmId: header.algorithmId,
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
    birthYears: snapshot.birthYears,
    countryCodes: snapshot.countryCodes,
    nameIndex: snapshot.nameIndex,
  };
}

/**
 * A screener over an opened snapshot and its own name index (or `options.index` when given);
 * undefined when the index does not fit the lists (`createDefaultScreener` then builds from the JSON
 * snapshots).
 * @example
 * screenerOverSnapshot(openRecordSnapshot(bytes), { freshness: { snapshot: true } })?.stats.records //=> 21_023
 */
export function screenerOverSnapshot(snapshot: RecordSnapshot, options: Omit<ScreenerOptions, "lists">): Screener | undefined {
  try {
    return createScreenerOver(options, snapshotRecords(snapshot));
  } catch (error) {
    if (error instanceof InputError && error.issues.some((i) => i.path === "index")) return undefined;
    throw error;
  }
}
