import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { ListFormatError } from "../errors";

/** One input file of a list: its file name (used for detection and provenance) and its content. */
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
 * Decodes a source to text, failing closed on bytes that are invalid in the expected encoding.
 * Strips a UTF-8 BOM and the trailing 0x1A (DOS end-of-file) byte OFAC appends.
 * @example
 * decodeText("ofac-sdn", { name: "sdn.csv", data: new Uint8Array([0x41, 0x1a]) }) //=> "A"
 */
export function decodeText(listId: string, source: ListSource, encoding: "utf-8" | "windows-1252" = "utf-8"): string {
  let text: string;
  if (typeof source.data === "string") {
    text = source.data;
  } else {
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(source.data);
      if (encoding === "windows-1252") {
        text = text.replace(/[\u0080-\u009f]/g, (c) => C1_TO_CP1252[c.charCodeAt(0) - 0x80] ?? c);
      }
    } catch (cause) {
      throw new ListFormatError(
        listId,
        [{ field: source.name, expected: `${encoding} text`, received: "bytes that are not valid in that encoding" }],
        { cause, summary: "file could not be decoded" },
      );
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.replace(/\u001a+\s*$/, "");
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
