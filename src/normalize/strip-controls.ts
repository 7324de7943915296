/**
 * Removal of invisible and non-name characters, run right after NFKC.
 *
 * - Default-ignorable code points (zero-width space/joiners, bidi embeddings and isolates, soft
 *   hyphen, variation selectors, Hangul fillers, word joiner, BOM) are deleted: they are invisible,
 *   so a reviewer cannot see them, and a name padded with them must compare like the plain name.
 * - C0/C1 control characters other than the white-space ones (NUL, SOH, BEL, ESC, DEL …) are deleted:
 *   they are invisible too, and "A\u0000RMY" is "ARMY".
 * - White-space controls (tab, line feed, CR …), emoji and other pictographs become spaces: they
 *   separate words but never carry name content (any-ascii would otherwise turn "😀" into
 *   ":grinning:"). A word split by one is joined again by the matcher's glued units.
 */

const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/gu;
const SEPARATING = /[\p{Cc}\p{Zs}\u2028\u2029\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u20E3\u{E0020}-\u{E007F}]/gu;

/**
 * Deletes invisible characters and turns controls and emoji into spaces.
 * @example
 * stripControls("Ba\u200Bshar\u202E 😀 Assad") //=> "Bashar   Assad"
 */
export function stripControls(text: string): string {
  return text.replace(INVISIBLE, "").replace(SEPARATING, " ");
}
