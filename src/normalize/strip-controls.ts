/**
 * Removal of invisible and non-name characters, run right after NFKC.
 *
 * - Default-ignorable code points (zero-width space/joiners, bidi embeddings and isolates, soft
 *   hyphen, variation selectors, Hangul fillers, word joiner, BOM) are deleted: they are invisible,
 *   so a reviewer cannot see them, and a name padded with them must compare like the plain name.
 * - Control characters, emoji and other pictographs become spaces: they separate words but never
 *   carry name content (any-ascii would otherwise turn "😀" into ":grinning:").
 */

const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;
const SEPARATING = /[\p{Cc}\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u20E3\u{E0020}-\u{E007F}]/gu;

/**
 * Deletes invisible characters and turns controls and emoji into spaces.
 * @example
 * stripControls("Ba\u200Bshar\u202E 😀 Assad") //=> "Bashar   Assad"
 */
export function stripControls(text: string): string {
  return text.replace(INVISIBLE, "").replace(SEPARATING, " ");
}
