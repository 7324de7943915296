/**
 * The list-set snapshot file (`lists/compiled/snapshot.bin`, issue 8): one file per list set holding
 * the record snapshot, the identifier index and the prebuilt name index, under ONE header. This
 * module owns the container only (header, sections, sha256, refusals); what the sections hold is
 * written and read by src/embedded/record-snapshot.ts (records) and ./serialize.ts (name index).
 *
 * Layout (little-endian): `"SSSP"`, u32 format version, u32 header length H, H bytes of UTF-8 JSON
 * header, then the payload from the next multiple of 8: named sections, each starting at a multiple
 * of 8 from the payload start (so typed arrays view them in place). The header carries the format,
 * the library (`sanctions-screen@<version>`) that wrote it, the name algorithm id, the lists'
 * fingerprint (id, sha256 and record count of each, in order), the payload's length and sha256, the
 * section table, and each part's own fields (`records`, `index`).
 *
 * Opening checks magic, format, library, the header and the payload length (a truncated file is
 * refused), never the sha256 by default: hashing the 59 MB payload costs 33 ms of CPU with node:crypto
 * on bytes in memory, 70–100 ms reading the file by range as well, 645 ms with @noble/hashes (and
 * WebCrypto's digest is asynchronous), against a cold-start budget of 150 ms of which ~140 are spent,
 * so it is checked by the build, the tests and on request (`verifySha256`); every record and the identifier index carry a CRC-32 checked when
 * decoded, and the name index's hash tables are checked structurally at load. Refusals are
 * {@link ListFormatError}s naming the field (`snapshot.magic`, `snapshot.format`, `snapshot.library`…).
 */
import { ListFormatError } from "../errors";

const MAGIC = "SSSP";
/** Bumped whenever the container or a part's layout changes. */
export const SNAPSHOT_FORMAT = 2;

/** Bytes read by position (a file kept open, or bytes in memory). */
export interface SnapshotSource {
  readonly size: number;
  /** `length` bytes from `position` (fewer only past the end). */
  read(position: number, length: number): Uint8Array;
}

/** A section of the payload: `length` bytes from `offset` (a multiple of 8) after the payload start. */
export interface SnapshotSection {
  readonly name: string;
  readonly offset: number;
  readonly length: number;
}

/** The one header of a snapshot file. */
export interface SnapshotHeader {
  readonly format: number;
  /** `sanctions-screen@<version>` that wrote it. */
  readonly library: string;
  /** Name algorithm the index was built with (`names-v2`). */
  readonly algorithmId: string;
  /** The lists' fingerprint (`indexFingerprint`: id, sha256, record count, in order). */
  readonly fingerprint: string;
  readonly payloadBytes: number;
  /** sha256 (hex) of the payload. */
  readonly sha256: string;
  readonly sections: readonly SnapshotSection[];
  /** The record part's fields (src/embedded/record-snapshot.ts). */
  readonly records: unknown;
  /** The name index part's fields (./serialize.ts). */
  readonly index: unknown;
}

/** An opened snapshot file: its header and its sections read by range. */
export interface SnapshotFile {
  readonly header: SnapshotHeader;
  /** Position of section `name` in the source; refuses a missing section. */
  section(name: string): { readonly start: number; readonly length: number };
  /** Bytes of section `name` (read once per call). */
  read(name: string): Uint8Array;
  readonly source: SnapshotSource;
}

function refuse(field: string, expected: string, received: string): never {
  throw new ListFormatError("snapshot", [{ field: `snapshot.${field}`, expected, received }], { summary: "snapshot refused" });
}

/**
 * sha256 (hex) of `length` bytes of a source from `start`. Given by the caller (src/embedded, which
 * uses Node's native hash where the runtime has it): this module is reached from every screener
 * (`importNameIndex` accepts a snapshot), so it names no hash implementation and no `node:` module
 * that a bundle would then carry.
 */
export type SnapshotHasher = (source: SnapshotSource, start: number, length: number) => string;

/**
 * Writes a snapshot file from its header fields and named sections (in order).
 * @example
 * writeSnapshotFile({ library: "sanctions-screen@0.1.0", algorithmId: "names-v2", fingerprint, records: {}, index: {} }, [{ name: "records", bytes }], sha256Hex).length //=> 59_000_000 (about)
 */
export function writeSnapshotFile(
  fields: Pick<SnapshotHeader, "library" | "algorithmId" | "fingerprint" | "records" | "index">,
  parts: readonly { readonly name: string; readonly bytes: Uint8Array }[],
  hash: SnapshotHasher,
): Uint8Array {
  let offset = 0;
  const sections: SnapshotSection[] = parts.map((p) => {
    const s = { name: p.name, offset, length: p.bytes.length };
    offset += Math.ceil(p.bytes.length / 8) * 8;
    return s;
  });
  const payload = new Uint8Array(offset);
  parts.forEach((p, i) => payload.set(p.bytes, (sections[i] as SnapshotSection).offset));
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    library: fields.library,
    algorithmId: fields.algorithmId,
    fingerprint: fields.fingerprint,
    payloadBytes: payload.length,
    sha256: hash({ size: payload.length, read: (p, l) => payload.subarray(p, p + l) }, 0, payload.length),
    sections,
    records: fields.records,
    index: fields.index,
  };
  return framed(MAGIC, SNAPSHOT_FORMAT, header, payload);
}

/**
 * The container layout both binary files share: four magic bytes, the format version (u32 LE), the
 * JSON header's length (u32 LE), the header, then the payload from the next 8-byte boundary.
 * @example
 * framed("SSNX", 4, { sections: [] }, new Uint8Array(0)).length //=> 32
 */
export function framed(magic: string, format: number, header: unknown, payload: Uint8Array): Uint8Array {
  const encoder = new TextEncoder();
  const headerBytes = encoder.encode(JSON.stringify(header));
  const start = Math.ceil((12 + headerBytes.length) / 8) * 8;
  const out = new Uint8Array(start + payload.length);
  out.set(encoder.encode(magic), 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, format, true);
  view.setUint32(8, headerBytes.length, true);
  out.set(headerBytes, 12);
  out.set(payload, start);
  return out;
}

/**
 * Whether bytes start like a snapshot file (its magic), to tell it from a bare name index.
 * @example
 * isSnapshotFile(snapshotBytes) //=> true
 */
export function isSnapshotFile(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x53 && bytes[1] === 0x53 && bytes[2] === 0x53 && bytes[3] === 0x50;
}

/** Options of {@link openSnapshotFile}. */
export interface OpenSnapshotFileOptions {
  /** `sanctions-screen@<version>` expected to have written the file. */
  readonly library: string;
  /** When given, the payload is hashed with it and checked against the header's sha256 (see the module header). */
  readonly verifySha256?: SnapshotHasher;
}

/**
 * Opens a snapshot file: reads and checks its header (magic, format, library, payload length and
 * section bounds; the sha256 on request). Throws {@link ListFormatError} (`snapshot.*`).
 * @example
 * openSnapshotFile(source, { library: "sanctions-screen@0.1.0" }).header.algorithmId //=> "names-v2"
 */
export function openSnapshotFile(source: SnapshotSource, options: OpenSnapshotFileOptions): SnapshotFile {
  const decoder = new TextDecoder();
  const size = source.size;
  const start = source.read(0, 12);
  if (size < 12 || decoder.decode(start.subarray(0, 4)) !== MAGIC) refuse("magic", `"${MAGIC}"`, JSON.stringify(decoder.decode(start.subarray(0, 4))));
  const view = new DataView(start.buffer, start.byteOffset, start.byteLength);
  const format = view.getUint32(4, true);
  if (format !== SNAPSHOT_FORMAT) refuse("format", `format ${SNAPSHOT_FORMAT}`, `format ${format}`);
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > size) refuse("length", `at least ${12 + headerLength} bytes (header)`, `${size} bytes`);
  let header: SnapshotHeader;
  try {
    header = JSON.parse(decoder.decode(source.read(12, headerLength))) as SnapshotHeader;
  } catch (cause) {
    return refuse("header", "JSON", cause instanceof Error ? cause.message : String(cause));
  }
  if (header === null || typeof header !== "object" || !Array.isArray(header.sections)) refuse("header", "a header with sections", JSON.stringify(header).slice(0, 80));
  if (header.format !== format) refuse("format", `header format ${format}`, `header format ${JSON.stringify(header.format)}`);
  if (header.library !== options.library) refuse("library", `written by ${options.library}`, `written by ${JSON.stringify(header.library)}`);
  const payloadStart = Math.ceil((12 + headerLength) / 8) * 8;
  if (!Number.isInteger(header.payloadBytes) || size !== payloadStart + header.payloadBytes) refuse("length", `${payloadStart + header.payloadBytes} bytes`, `${size} bytes`);
  for (const s of header.sections) {
    if (!(Number.isInteger(s.offset) && Number.isInteger(s.length) && s.offset % 8 === 0 && s.offset >= 0 && s.length >= 0 && s.offset + s.length <= header.payloadBytes)) {
      refuse("sections", `section ${s.name} inside the ${header.payloadBytes}-byte payload`, `offset ${s.offset}, length ${s.length}`);
    }
  }
  if (options.verifySha256 !== undefined) {
    const digest = options.verifySha256(source, payloadStart, header.payloadBytes);
    if (digest !== header.sha256) refuse("sha256", header.sha256, digest);
  }
  const section = (name: string): { start: number; length: number } => {
    const s = header.sections.find((x) => x.name === name) ?? refuse("sections", `a section ${name}`, "none");
    return { start: payloadStart + s.offset, length: s.length };
  };
  return {
    header,
    section,
    read(name) {
      const s = section(name);
      return source.read(s.start, s.length);
    },
    source,
  };
}
