import { decodeText, type ListSource } from "./source";

/**
 * Windows-1252 bytes 0x80–0x9F → Unicode (WHATWG encoding table). 0x81, 0x8D, 0x8F, 0x90 and 0x9D
 * are unassigned and stay U+0081… as the WHATWG decoder leaves them.
 */
const C1_TO_CP1252 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

/**
 * Decodes Windows-1252 bytes with the right characters for 0x80–0x9F. Node 20's `TextDecoder`
 * ("windows-1252") decodes as ISO-8859-1 and returns C1 controls there (0x92 → U+0092 instead of
 * U+2019 ’); browsers and edge runtimes do it right. The C1 range never holds text in these lists, so
 * mapping it after decoding gives the same result on every runtime.
 * @example
 * decodeWindows1252("uk-ofsi", { name: "a.csv", data: new Uint8Array([0x91, 0x41, 0x92]) }) //=> "‘A’"
 */
export function decodeWindows1252(listId: string, source: ListSource): string {
  return decodeText(listId, source, "windows-1252").replace(/[\u0080-\u009f]/g, (c) => C1_TO_CP1252[c.charCodeAt(0) - 0x80] ?? c);
}
