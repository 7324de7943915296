/**
 * Export and import of a built name index as one compact byte array, so that a serverless cold
 * start loads the index (typed-array views over the bytes, no normalisation, no sorting) instead
 * of rebuilding it. Layout: "SSNX", format version (u32 LE), header length (u32 LE), JSON header,
 * then 8-byte-aligned sections (typed arrays, and the vocabulary as "\n"-joined UTF-8).
 * The header carries the algorithm id, a fingerprint of the lists (id, sha256, record count, in
 * order) and the library that wrote it (`sanctions-screen@<version>`); loading refuses an index built
 * for other lists or another algorithm version, and — when the reader names its library, as the
 * screener does — one written by another library version: the index holds the list names as that
 * version normalised them (its legal forms, company words and tables), which queries normalised by
 * this one would not meet.
 * Format 4 stores each text's canonical form (empty when equal to the text), so loading does not
 * recompute them (a third of a cold start), and which units are numbers; format 5 is the same
 * layout with the canonical forms (and the deletion keys made from them) that read AW before a
 * consonant as AU; format 6 stores each unit's role (place, generic, distinctive word, run initials)
 * instead of a place flag; format 7 stores each neighbour's similarity as a two-byte code into a
 * table of the exact values (`nbSimCode`, `nbSimTable`) instead of eight bytes each. An index of
 * another format is refused, never misread.
 * Optional sections after the vocabulary (issue 8, cold start): `nameCoreWeight` and `textCover`, the
 * list-side weight bounds `nameIndexFromData` otherwise derives at load (~7 ms); an index without
 * them (written before) still loads and derives them, and a reader that does not know them skips
 * them (sections are found by name), so the format number stays 4. Likewise `vocabSlots`, the
 * vocabulary's open-addressing hash table (`vocabSlots` in name-index.ts), so that loading builds no
 * map of ~57k keys; a table that is not a power of two at least twice the vocabulary, that misses
 * or repeats an entry, or whose sampled entries are not found by their keys (another hash layout) is
 * refused. Likewise `keyBuckets`, the keys' bucket directory (`buckets` in key-table.ts), checked the
 * same way (structure, then sampled lookups); an index without it builds it at load (~30 ms).
 * The same part (header fields and body) is the `index` section of the list-set snapshot file
 * (./snapshot-file.ts), which {@link importNameIndex} also accepts.
 */
import { InputError, ListFormatError } from "../errors";
import { NAMES_V2, type NameAlgorithm } from "../score";
import { keyBuckets, keyBucketsFit, type KeyTable } from "./key-table";
import { framed, isSnapshotFile, openSnapshotFile, type SnapshotFile } from "./snapshot-file";
import { nameIndexFromData, slotsAnswer, slotsFit, vocabSlots, type NameIndex, type NameIndexData, type UnindexedName } from "./name-index";

const MAGIC = "SSNX";
const FORMAT_VERSION = 7;

type ArrayKind = "u8" | "u16" | "i32" | "u32" | "f64" | "text";

interface Section {
  readonly name: string;
  readonly kind: ArrayKind;
  readonly offset: number;
  readonly length: number;
}

interface Header {
  readonly algorithmId: string;
  readonly fingerprint: string;
  /** The library that wrote the index (`sanctions-screen@<version>`), when the writer named it. */
  readonly library?: string;
  readonly recordCount: number;
  readonly unindexed: readonly UnindexedName[];
  readonly sections: readonly Section[];
}

const ARRAY_FIELDS = [
  ["vocabFlags", "u8"],
  ["vocabDf", "i32"],
  ["nameRecord", "i32"],
  ["nameOrdinal", "u16"],
  ["nameKind", "u8"],
  ["nameLegal", "u16"],
  ["nameCore", "u16"],
  ["unitStart", "i32"],
  ["unitVocab", "i32"],
  ["unitWeight", "f64"],
  ["unitCoverFirst", "u16"],
  ["unitCoverLen", "u8"],
  ["unitGlued", "u8"],
  ["unitInitial", "u8"],
  ["unitParticle", "u8"],
  ["unitRole", "u8"],
  ["unitNumber", "u8"],
  ["namePersonal", "u8"],
  ["postStart", "i32"],
  ["postNames", "i32"],
  ["nbStart", "i32"],
  ["nbIds", "i32"],
  ["nbHow", "u8"],
  ["nbSimCode", "u16"],
  ["nbSimTable", "f64"],
] as const;

/**
 * Fingerprint of the lists an index is built from: id, sha256 and record count of each, in order.
 * @example
 * indexFingerprint([{ listId: "ofac-sdn", sha256: "ab…", recordCount: 13821 }]) //=> '[["ofac-sdn","ab…",13821]]'
 */
export function indexFingerprint(lists: readonly { readonly listId: string; readonly sha256: string; readonly recordCount: number }[]): string {
  return JSON.stringify(lists.map((l) => [l.listId, l.sha256, l.recordCount]));
}

function bytesOf(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/**
 * The name index's part of a file: its own header fields and its body (the sections, each at a
 * multiple of 8 from the body's start). A bare index (`exportIndex`) and the list-set snapshot
 * (./snapshot-file.ts, section `index`) hold the same part.
 */
export interface NameIndexPart {
  readonly recordCount: number;
  readonly unindexed: readonly UnindexedName[];
  readonly sections: readonly Section[];
}

/**
 * Encodes a name index as its part: header fields and body.
 * @example
 * encodeNameIndex(index).body.byteLength //=> 35_000_000 (about, the default lists)
 */
export function encodeNameIndex(index: NameIndex): { part: NameIndexPart; body: Uint8Array } {
  const d = index.data;
  const enc = new TextEncoder();
  const blobs: { name: string; kind: ArrayKind; bytes: Uint8Array; length: number }[] = [];
  for (const [name, kind] of ARRAY_FIELDS) {
    const arr = d[name];
    blobs.push({ name, kind, bytes: bytesOf(arr), length: arr.length });
  }
  blobs.push({ name: "keyHashes", kind: "u32", bytes: bytesOf(d.keys.hashes), length: d.keys.hashes.length });
  blobs.push({ name: "keyStarts", kind: "i32", bytes: bytesOf(d.keys.starts), length: d.keys.starts.length });
  blobs.push({ name: "keyIds", kind: "i32", bytes: bytesOf(d.keys.ids), length: d.keys.ids.length });
  const text = enc.encode(d.vocabText.join("\n"));
  blobs.push({ name: "vocabText", kind: "text", bytes: text, length: d.vocabText.length });
  const skel = enc.encode(d.vocabSkeleton.join("\n"));
  blobs.push({ name: "vocabSkeleton", kind: "text", bytes: skel, length: d.vocabSkeleton.length });
  // Canonical forms, "" where a form equals its text (most do).
  const canonOf = (v: number): string => {
    const c = d.vocabCanon?.[v] ?? (index.vocab.at(v) as { canon: string }).canon;
    return c === d.vocabText[v] ? "" : c;
  };
  const canon = enc.encode(d.vocabText.map((_, v) => canonOf(v)).join("\n"));
  blobs.push({ name: "vocabCanon", kind: "text", bytes: canon, length: d.vocabText.length });
  blobs.push({ name: "nameCoreWeight", kind: "f64", bytes: bytesOf(index.nameCoreWeight), length: index.nameCoreWeight.length });
  blobs.push({ name: "textCover", kind: "f64", bytes: bytesOf(index.textCover), length: index.textCover.length });
  const slots = vocabSlots(d);
  blobs.push({ name: "vocabSlots", kind: "i32", bytes: bytesOf(slots), length: slots.length });
  blobs.push({ name: "keyBuckets", kind: "i32", bytes: bytesOf(d.keys.buckets), length: d.keys.buckets.length });
  let offset = 0;
  const sections: Section[] = blobs.map((b) => {
    const s = { name: b.name, kind: b.kind, offset, length: b.length };
    offset += Math.ceil(b.bytes.byteLength / 8) * 8;
    return s;
  });
  const body = new Uint8Array(offset);
  blobs.forEach((b, i) => body.set(b.bytes, (sections[i] as Section).offset));
  return { part: { recordCount: d.recordCount, unindexed: index.unindexed, sections }, body };
}

/**
 * Serialises a name index to bytes, naming the library that wrote it when given.
 * @example
 * exportNameIndex(index, fingerprint, "sanctions-screen@0.1.0").byteLength //=> 11534336
 */
export function exportNameIndex(index: NameIndex, fingerprint: string, library?: string): Uint8Array {
  const { part, body } = encodeNameIndex(index);
  const header: Header = { algorithmId: index.data.algorithmId, fingerprint, ...(library === undefined ? {} : { library }), ...part };
  return framed(MAGIC, FORMAT_VERSION, header, body);
}

function refuse(expected: string, received: string): never {
  throw new InputError([{ path: "index", expected, received, message: "prebuilt index does not fit" }]);
}

/**
 * Loads a serialised name index, checking it was built for the same lists and algorithm, and —
 * when `library` is given — written by that library. `bytes` is a bare index (`exportIndex`) or a
 * list-set snapshot file (`lists/compiled/snapshot.bin`, ./snapshot-file.ts: its index section is used).
 * Every refusal is an {@link InputError} on `index`.
 * @example
 * importNameIndex(bytes, fingerprint).data.nameRecord.length //=> 50450
 */
export function importNameIndex(bytes: Uint8Array, fingerprint: string, algorithm: NameAlgorithm = NAMES_V2, library?: string): NameIndex {
  if (isSnapshotFile(bytes)) {
    let file: SnapshotFile;
    try {
      file = openSnapshotFile({ size: bytes.length, read: (p, l) => bytes.subarray(p, p + l) }, { library: library ?? "(unknown)" });
    } catch (error) {
      const issue = error instanceof ListFormatError ? error.issues[0] : undefined;
      if (issue === undefined) throw error;
      return refuse(`${issue.field}: ${issue.expected}`, issue.received);
    }
    const h = file.header;
    if (h.algorithmId !== algorithm.id) refuse(`algorithm ${algorithm.id}`, `algorithm ${h.algorithmId}`);
    if (h.fingerprint !== fingerprint) refuse(`an index of lists ${fingerprint}`, `an index of lists ${h.fingerprint}`);
    return decodeNameIndex(h.index as NameIndexPart, file.read("index"), h.algorithmId, algorithm);
  }
  // Copy once when the bytes are not 8-byte aligned (Node Buffers from a pool are not), so every
  // section can be a zero-copy typed-array view.
  const buf = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const dec = new TextDecoder();
  if (buf.byteLength < 12 || dec.decode(buf.subarray(0, 4)) !== MAGIC) refuse(`a ${MAGIC} index`, "other bytes");
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const version = view.getUint32(4, true);
  if (version !== FORMAT_VERSION) refuse(`index format ${FORMAT_VERSION}`, `format ${version}`);
  const headerLength = view.getUint32(8, true);
  const header = JSON.parse(dec.decode(buf.subarray(12, 12 + headerLength))) as Header;
  if (header.algorithmId !== algorithm.id) refuse(`algorithm ${algorithm.id}`, `algorithm ${header.algorithmId}`);
  if (header.fingerprint !== fingerprint) refuse(`an index of lists ${fingerprint}`, `an index of lists ${header.fingerprint}`);
  if (library !== undefined && header.library !== library) refuse(`an index written by ${library}`, `an index written by ${header.library ?? "an unnamed build"}`);
  const start = Math.ceil((12 + headerLength) / 8) * 8;
  return decodeNameIndex(header, buf.subarray(start), header.algorithmId, algorithm);
}

/**
 * A name index from its part (header fields and body), the algorithm already checked by the
 * caller. Sections are viewed in place when the body is 8-byte aligned, else it is copied once. A
 * body whose sections are inconsistent, or whose stored hash tables are damaged, is refused with an
 * {@link InputError} on `index`.
 * @example
 * decodeNameIndex(part, body, "names-v2", NAMES_V2).data.nameRecord.length //=> 50450
 */
export function decodeNameIndex(header: NameIndexPart, body: Uint8Array, algorithmId: string, algorithm: NameAlgorithm): NameIndex {
  const buf = body.byteOffset % 8 === 0 ? body : body.slice();
  const dec = new TextDecoder();
  const section = (name: string): Section => header.sections.find((s) => s.name === name) ?? refuse(`section ${name}`, "none");
  const at = buf.byteOffset;
  const sizes: Record<ArrayKind, number> = { u8: 1, u16: 2, i32: 4, u32: 4, f64: 8, text: 1 };
  const arr = (name: string): ArrayBufferView => {
    const s = section(name);
    const o = at + s.offset;
    if (s.offset % 8 !== 0 || s.offset + s.length * sizes[s.kind] > buf.byteLength) refuse(`section ${name} inside the index`, `offset ${s.offset}, ${s.length} entries`);
    switch (s.kind) {
      case "u8":
        return new Uint8Array(buf.buffer, o, s.length);
      case "u16":
        return new Uint16Array(buf.buffer, o, s.length);
      case "i32":
        return new Int32Array(buf.buffer, o, s.length);
      case "u32":
        return new Uint32Array(buf.buffer, o, s.length);
      case "f64":
        return new Float64Array(buf.buffer, o, s.length);
      default:
        return refuse(`array section ${name}`, s.kind);
    }
  };
  const text = (name: string): string[] => {
    const s = section(name);
    const next = header.sections.find((x) => x.offset > s.offset);
    const end = next === undefined ? buf.byteLength : next.offset;
    // Sections are padded with NUL bytes for alignment: trimmed on the bytes, before decoding.
    let last = end;
    while (last > s.offset && buf[last - 1] === 0) last--;
    const str = dec.decode(buf.subarray(s.offset, last));
    const parts = s.length === 0 ? [] : str.split("\n");
    if (parts.length !== s.length) refuse(`${s.length} entries in ${name}`, `${parts.length}`);
    return parts;
  };
  const has = (name: string): boolean => header.sections.some((x) => x.name === name);
  const vocabText = text("vocabText");
  const fields = Object.fromEntries(ARRAY_FIELDS.map(([name]) => [name, arr(name)])) as unknown as Pick<NameIndexData, (typeof ARRAY_FIELDS)[number][0]>;
  const hashes = arr("keyHashes") as Uint32Array;
  // The keys' bucket directory when the index has it (written since issue 8), else built here.
  const keys: KeyTable = { hashes, starts: arr("keyStarts") as Int32Array, ids: arr("keyIds") as Int32Array, buckets: has("keyBuckets") ? (arr("keyBuckets") as Int32Array) : keyBuckets(hashes) };
  const data: NameIndexData = {
    algorithmId,
    recordCount: header.recordCount,
    vocabText,
    vocabSkeleton: text("vocabSkeleton"),
    // "" where the canonical form is the text itself, resolved when a token is made (LazyVocab.at).
    vocabCanon: text("vocabCanon"),
    ...fields,
    keys,
  };
  if (data.nameRecord.length + 1 !== data.unitStart.length || data.vocabText.length + 1 !== data.postStart.length || keys.hashes.length + 1 !== keys.starts.length) {
    refuse("consistent index sections", "inconsistent lengths");
  }
  if (!keyBucketsFit(keys)) refuse("a key bucket directory that finds its keys", "a damaged directory");
  // The stored list-side weights when the index has them (see the module header), checked by length.
  const stored = has("nameCoreWeight") && has("textCover");
  const weights = stored ? { nameCoreWeight: arr("nameCoreWeight") as Float64Array, textCover: arr("textCover") as Float64Array } : undefined;
  if (weights !== undefined && (weights.nameCoreWeight.length !== data.nameRecord.length || weights.textCover.length !== data.vocabText.length)) {
    refuse("consistent index sections", "inconsistent weight lengths");
  }
  // The vocabulary's hash table when the index has it, refused when it cannot be this vocabulary's.
  const vocabSlotsStored = has("vocabSlots") ? (arr("vocabSlots") as Int32Array) : undefined;
  if (vocabSlotsStored !== undefined && !slotsFit(vocabSlotsStored, data.vocabText.length)) refuse("a vocabulary hash table with every entry once", "a damaged table");
  if (vocabSlotsStored !== undefined && !slotsAnswer(vocabSlotsStored, data)) refuse("a vocabulary hash table that finds its entries", "a table of another layout");
  return nameIndexFromData(data, algorithm, header.unindexed, { ...weights, ...(vocabSlotsStored === undefined ? {} : { vocabSlots: vocabSlotsStored }) });
}
