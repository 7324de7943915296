import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { ListFormatError } from "../errors";

/**
 * One input file of a list: its file name (used for detection and provenance) and its content.
 * @example
 * const source: ListSource = { name: "sdn.csv", data: new Uint8Array(readFileSync("sdn.csv")) };
 * loadList([source, { name: "alt.csv", data: altBytes }]).metadata.format //=> "ofac-csv"
 */
export interface ListSource {
  readonly name: string;
  readonly data: Uint8Array | string;
}

const utf8 = new TextEncoder();

/**
 * Windows-1252 bytes 0x80–0x9F → Unicode (WHATWG table). Node 20's `TextDecoder("windows-1252")`
 * decodes as ISO-8859-1 and returns C1 controls there (0x92 → U+0092 instead of ’); browsers and edge
 * runtimes do it right. The C1 range never holds text in these lists, so mapping it after decoding
 * gives the same result everywhere. 0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned and stay as they are.
 */
const C1_TO_CP1252 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

/** Bytes of a source as given (strings are encoded as UTF-8). */
export function sourceBytes(source: ListSource): Uint8Array {
  return typeof source.data === "string" ? utf8.encode(source.data) : source.data;
}

/**
 * Hex sha256 of bytes, synchronous and runtime-neutral.
 * @example
 * sha256Hex(new TextEncoder().encode("abc")) //=> "ba7816bf…"
 */
export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/** Base name of a path-like file name, lower-cased: `/x/SDN.CSV` → `sdn.csv`. */
export function baseName(name: string): string {
  const parts = name.split(/[\\/]/);
  return (parts[parts.length - 1] ?? name).toLowerCase();
}

/**
 * Decodes a source to text, failing closed on bytes that are invalid in the expected encoding and on
 * text whose encoding is wrong although every byte is valid (issue 9): UTF-8 encoded twice ("Ã©" for
 * "é") and, in a Windows-1252 file, UTF-8 sequences (two encodings mixed in one file). Each refusal
 * names the byte offset. Strips a UTF-8 BOM and the trailing 0x1A (DOS end-of-file) byte OFAC appends.
 * @example
 * decodeText("ofac-sdn", { name: "sdn.csv", data: new Uint8Array([0x41, 0x1a]) }) //=> "A"
 */
export function decodeText(listId: string, source: ListSource, encoding: "utf-8" | "windows-1252" = "utf-8"): string {
  let text: string;
  const refuse = (expected: string, received: string, cause?: unknown): never => {
    throw new ListFormatError(listId, [{ field: source.name, expected, received }], { ...(cause === undefined ? {} : { cause }), summary: "file could not be decoded" });
  };
  if (typeof source.data === "string") {
    text = source.data;
  } else {
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(source.data);
    } catch (cause) {
      const at = encoding === "utf-8" ? firstInvalidUtf8Offset(source.data) : undefined;
      return refuse(`${encoding} text`, `bytes that are not valid in that encoding${at === undefined ? "" : ` at byte offset ${at} (${hexBytes(source.data, at, 4)})`}`, cause);
    }
    if (encoding === "windows-1252") {
      const utf8At = findUtf8Sequence(source.data);
      if (utf8At !== undefined) {
        const seq = source.data.subarray(utf8At.offset, utf8At.offset + utf8At.length);
        refuse(
          "windows-1252 text (one encoding per file)",
          `the UTF-8 sequence ${hexBytes(source.data, utf8At.offset, utf8At.length)} (${JSON.stringify(new TextDecoder().decode(seq))}) at byte offset ${utf8At.offset}: UTF-8 and Windows-1252 mixed in one file`,
        );
      }
      text = text.replace(/[\u0080-\u009f]/g, (c) => C1_TO_CP1252[c.charCodeAt(0) - 0x80] ?? c);
    }
  }
  if (encoding === "utf-8") {
    const twice = findDoubleEncodedUtf8(text);
    if (twice !== undefined) {
      const offset = utf8.encode(text.slice(0, twice.index)).length;
      refuse(
        "UTF-8 text encoded once",
        `${JSON.stringify(twice.found)} at byte offset ${offset}${typeof source.data === "string" ? " (of the text as UTF-8)" : ""}: UTF-8 encoded twice (it reads ${JSON.stringify(twice.meant)} once decoded again)`,
      );
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.replace(/\u001a+\s*$/, "");
}

/** `C3 A9` style hex of `length` bytes from `offset`. */
function hexBytes(bytes: Uint8Array, offset: number, length: number): string {
  return Array.from(bytes.subarray(offset, offset + length), (b) => b.toString(16).toUpperCase().padStart(2, "0")).join(" ");
}

/** Length of the UTF-8 sequence a lead byte starts, or 0 when it is not a multi-byte lead. */
function utf8SequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * Offset of the first byte that breaks UTF-8, or undefined when all of it is valid.
 * @example
 * firstInvalidUtf8Offset(new Uint8Array([0x41, 0xe9, 0x42])) //=> 1
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number | undefined {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = utf8SequenceLength(b);
    if (n === 0) return i;
    const valid = new TextDecoder("utf-8", { fatal: true });
    try {
      valid.decode(bytes.subarray(i, i + n));
    } catch {
      return i;
    }
    i += n;
  }
  return undefined;
}

/**
 * The first well-formed multi-byte UTF-8 sequence in bytes that are otherwise read as Windows-1252:
 * in the lists' own Windows-1252 files (UK HMT 2018) none occurs, so one means two encodings are
 * mixed (measured: 0 in 1,884 non-ASCII bytes of sanctionsconlist.csv).
 */
function findUtf8Sequence(bytes: Uint8Array): { offset: number; length: number } | undefined {
  const strict = new TextDecoder("utf-8", { fatal: true });
  for (let i = 0; i < bytes.length; i++) {
    const n = utf8SequenceLength(bytes[i] as number);
    if (n === 0 || i + n > bytes.length) continue;
    let continuation = true;
    for (let k = 1; k < n; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) continuation = false;
    if (!continuation) continue;
    try {
      strict.decode(bytes.subarray(i, i + n));
      return { offset: i, length: n };
    } catch {
      // e.g. an overlong or surrogate form: not UTF-8 either
    }
  }
  return undefined;
}

/** Windows-1252 byte of a character (0x80–0xFF), for re-encoding suspected double-encoded text. */
function cp1252Byte(c: string): number | undefined {
  const code = c.charCodeAt(0);
  if (code >= 0xa0 && code <= 0xff) return code;
  if (code >= 0x80 && code <= 0x9f) return code; // a C1 control: the byte as such (ISO-8859-1 reading)
  const i = C1_TO_CP1252.indexOf(c);
  return i >= 0 ? 0x80 + i : undefined;
}

const DOUBLE_ENCODED = new RegExp(`[\u00c2-\u00f4][\u0080-\u00bf${C1_TO_CP1252.replace(/[\u0080-\u009f]/g, "")}]{1,3}`, "g");

/**
 * Finds UTF-8 that was encoded twice: a character U+00C2–U+00F4 followed by characters whose
 * Windows-1252 (or Latin-1) bytes are UTF-8 continuation bytes, which together decode as UTF-8
 * ("Ã©" → "é", "Ð" → "А"). None occurs in any real file in ../shared/data (measured).
 * @example
 * findDoubleEncodedUtf8("CafÃ©")?.meant //=> "é"
 */
export function findDoubleEncodedUtf8(text: string): { index: number; found: string; meant: string } | undefined {
  DOUBLE_ENCODED.lastIndex = 0;
  const strict = new TextDecoder("utf-8", { fatal: true });
  for (let m = DOUBLE_ENCODED.exec(text); m !== null; m = DOUBLE_ENCODED.exec(text)) {
    const chars = [...m[0]];
    const bytes = chars.map(cp1252Byte);
    if (bytes.some((b) => b === undefined)) continue;
    const n = utf8SequenceLength(bytes[0] as number);
    if (n === 0 || n > bytes.length) continue;
    try {
      const meant = strict.decode(new Uint8Array(bytes.slice(0, n) as number[]));
      return { index: m.index, found: chars.slice(0, n).join(""), meant };
    } catch {
      // not a UTF-8 sequence once re-encoded: ordinary text
    }
  }
  return undefined;
}

/** True when the bytes are valid UTF-8 (used to pick between UTF-8 and Windows-1252). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** First `n` characters of a source, decoded leniently, for format detection. */
export function sniff(source: ListSource, n = 4096): string {
  if (typeof source.data === "string") return source.data.slice(0, n);
  return new TextDecoder("utf-8").decode(source.data.subarray(0, n));
}

/**
 * Counts one occurrence of a loader warning (a loader reports each distinct warning once, with its count).
 * @example
 * const tally = new Map<string, number>(); countWarning(tally, "x"); countWarning(tally, "x"); tallyWarnings(tally) //=> ["2 × x"]
 */
export function countWarning(tally: Map<string, number>, message: string): void {
  tally.set(message, (tally.get(message) ?? 0) + 1);
}

/** The counted warnings as `"<count> × <message>"` lines, in first-seen order (see {@link countWarning}). */
export function tallyWarnings(tally: ReadonlyMap<string, number>): string[] {
  return [...tally].map(([message, count]) => `${count} × ${message}`);
}
