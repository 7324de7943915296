import anyAscii from "any-ascii";
import { arabicSkeleton } from "./skeleton";

/**
 * Transliteration of every script to ASCII, one script run at a time.
 *
 * - Input must already be NFKC-composed: any-ascii maps "й" to "y", but NFKD first would leave
 *   "и" plus a combining breve, which any-ascii drops ("Yoshkar" would become "Ioshkar").
 * - Arabic-script words are "abjad" pieces: short vowels are not written, so the romanised letters
 *   ("sdm" for صدام) are compared through a consonant skeleton built from the Arabic letters
 *   themselves (see skeleton.ts), and the article ال becomes its own particle piece "AL", the way
 *   Latin lists write "AL-TIKRITI". Hebrew and Syriac are abjads too.
 * - Han and Hangul are written without spaces; each character (one syllable) becomes its own piece
 *   so "習近平" compares like "XI JIN PING" (glued-token alignment then matches "XI JINPING").
 * - Characters any-ascii cannot romanise (it returns nothing, e.g. cuneiform, private use) or only
 *   renders as sign catalogue codes (Egyptian hieroglyphs "A1") are reported, never guessed.
 */

/** How a piece was produced: Latin-like text, an abjad word, or one syllable of a syllabic script. */
export type PieceKind = "text" | "abjad" | "syllable";

/** One whitespace-free piece of transliterated text. */
export interface Piece {
  /** ASCII text; may still hold punctuation for `text` pieces. */
  readonly text: string;
  readonly kind: PieceKind;
  /** Consonant skeleton from the original abjad letters (abjad pieces only). */
  readonly skeleton?: string;
  /** Set when the piece is the Arabic article ال split off a word, or a name particle (عبد, ابو, بن…). */
  readonly article?: boolean;
}

/** Characters that could not be romanised, grouped by script. */
export interface Untransliterable {
  readonly script: string;
  readonly count: number;
  readonly example: string;
}

/** Result of {@link transliterate}. */
export interface Transliteration {
  readonly pieces: Piece[];
  /** Scripts seen in the input other than Latin/Common, in order of appearance (ISO 15924-ish names). */
  readonly scripts: string[];
  readonly untransliterable: Untransliterable[];
}

const ASCII_ONLY = /^[\x20-\x7e]*$/;
const ABJAD = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}]/u;
const ARABIC = /\p{Script=Arabic}/u;
const SYLLABIC = /[\p{Script=Han}\p{Script=Hangul}]/u;
const NAME_CHAR = /[\p{L}\p{N}\p{Co}]/u;
const ARABIC_LETTER = /[\u0621-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff]/u;

// Scripts whose any-ascii output is a sign catalogue code, not a reading.
const NOT_ROMANISABLE = /[\p{Script=Egyptian_Hieroglyphs}\p{Script=Anatolian_Hieroglyphs}\p{Script=Meroitic_Hieroglyphs}\p{Script=Linear_A}\p{Script=Tangut}\p{Script=Khitan_Small_Script}\p{Script=Cuneiform}]/u;

// Named scripts, for reasons and for the `scripts` field. Order matters only for speed.
const SCRIPT_NAMES: ReadonlyArray<readonly [string, RegExp]> = [
  ["Latin", /\p{Script=Latin}/u],
  ["Cyrillic", /\p{Script=Cyrillic}/u],
  ["Arabic", /\p{Script=Arabic}/u],
  ["Greek", /\p{Script=Greek}/u],
  ["Han", /\p{Script=Han}/u],
  ["Hangul", /\p{Script=Hangul}/u],
  ["Hebrew", /\p{Script=Hebrew}/u],
  ["Hiragana", /\p{Script=Hiragana}/u],
  ["Katakana", /\p{Script=Katakana}/u],
  ["Devanagari", /\p{Script=Devanagari}/u],
  ["Thai", /\p{Script=Thai}/u],
  ["Armenian", /\p{Script=Armenian}/u],
  ["Georgian", /\p{Script=Georgian}/u],
  ["Syriac", /\p{Script=Syriac}/u],
  ["Bengali", /\p{Script=Bengali}/u],
  ["Tamil", /\p{Script=Tamil}/u],
  ["Ethiopic", /\p{Script=Ethiopic}/u],
  ["Cuneiform", /\p{Script=Cuneiform}/u],
  ["Egyptian hieroglyphs", /\p{Script=Egyptian_Hieroglyphs}/u],
  ["Anatolian hieroglyphs", /\p{Script=Anatolian_Hieroglyphs}/u],
  ["Meroitic hieroglyphs", /\p{Script=Meroitic_Hieroglyphs}/u],
  ["Linear A", /\p{Script=Linear_A}/u],
  ["Tangut", /\p{Script=Tangut}/u],
  ["Khitan small script", /\p{Script=Khitan_Small_Script}/u],
  ["private use", /\p{Co}/u],
];

/**
 * Names the script of one character, or "U+XXXX" when it is none of the named ones.
 * @example
 * scriptOf("Ж") //=> "Cyrillic"
 */
export function scriptOf(ch: string): string {
  for (const [name, re] of SCRIPT_NAMES) if (re.test(ch)) return name;
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

type Run = { kind: "ascii" | "abjad" | "syllabic" | "other"; text: string };

function runKind(ch: string): Run["kind"] {
  if (ch.charCodeAt(0) < 0x80) return "ascii";
  if (ABJAD.test(ch)) return "abjad";
  if (SYLLABIC.test(ch)) return "syllabic";
  return "other";
}

function splitRuns(word: string): Run[] {
  const runs: Run[] = [];
  for (const ch of word) {
    const kind = runKind(ch);
    const last = runs[runs.length - 1];
    // Combining marks and other "other" characters stay with a preceding abjad run (Arabic
    // harakat are in the Arabic block, but tatweel-like marks may not be).
    if (last && (last.kind === kind || (kind === "other" && /\p{M}/u.test(ch)))) last.text += ch;
    else runs.push({ kind, text: ch });
  }
  return runs;
}

/**
 * Transliterates a NFKC-normalised, control-free string to ASCII pieces, one per word or syllable.
 * @example
 * transliterate("Белвнешпромсервис").pieces[0]?.text //=> "Belvneshpromservis"
 */
export function transliterate(text: string): Transliteration {
  const pieces: Piece[] = [];
  const scripts: string[] = [];
  const bad = new Map<string, { count: number; example: string }>();
  if (ASCII_ONLY.test(text)) {
    for (const w of text.split(/\s+/)) if (w) pieces.push({ text: w, kind: "text" });
    return { pieces, scripts, untransliterable: [] };
  }
  const noteScript = (ch: string): void => {
    const s = scriptOf(ch);
    if (s !== "Latin" && !scripts.includes(s)) scripts.push(s);
  };
  const noteBad = (ch: string): void => {
    const s = scriptOf(ch);
    const seen = bad.get(s);
    if (seen) seen.count++;
    else bad.set(s, { count: 1, example: ch });
  };
  for (const word of text.split(/\s+/u)) {
    if (!word) continue;
    let textBuf = "";
    const flush = (): void => {
      if (textBuf) pieces.push({ text: textBuf, kind: "text" });
      textBuf = "";
    };
    for (const run of splitRuns(word)) {
      if (run.kind === "ascii") {
        textBuf += run.text;
        continue;
      }
      for (const ch of run.text) if (NAME_CHAR.test(ch)) noteScript(ch);
      if (run.kind === "abjad") {
        flush();
        pushAbjad(run.text, pieces);
        continue;
      }
      if (run.kind === "syllabic") {
        flush();
        for (const ch of run.text) {
          const t = anyAscii(ch);
          if (t) pieces.push({ text: t, kind: "syllable" });
          else if (NAME_CHAR.test(ch)) noteBad(ch);
        }
        continue;
      }
      let out = "";
      for (const ch of run.text) {
        if (NOT_ROMANISABLE.test(ch)) {
          noteBad(ch);
          out += " ";
          continue;
        }
        const t = anyAscii(ch);
        if (!t && NAME_CHAR.test(ch)) noteBad(ch);
        out += t;
      }
      // A dropped character splits the word: what is left on either side is still comparable.
      const parts = out.split(" ");
      textBuf += parts[0] ?? "";
      for (const part of parts.slice(1)) {
        flush();
        textBuf = part;
      }
    }
    flush();
  }
  const untransliterable = [...bad].map(([script, v]) => ({ script, count: v.count, example: v.example }));
  return { pieces, scripts, untransliterable };
}

// Arabic name particles written as separate words: abd, abu, bu, bin/ibn, bint, umm; and the
// Persian and Pashto زاده ("son of"), written apart from the name it ends (کاکا زاده ~ KAKAZADA,
// آخوند زاده ~ AKHUNDZADA).
const ARABIC_PARTICLES = new Set(["عبد", "ابو", "أبو", "بو", "بن", "ابن", "بنت", "ام", "أم", "زاده"]);

// Letters that begin a word with a vowel sound: alef and its hamza forms, and ain (AHMAD, IBRAHIM, OMAR).
const VOWEL_ONSET = new Set(["ا", "أ", "إ", "آ", "ٱ", "ع"]);

// The romanised text of an Arabic-script word. any-ascii writes no letter for a word-initial alef or
// ain (احسان → "hsn", عمر → "`mr"); the text keeps an "a" there so that it tells a vowel onset
// (EHSAN) from a consonant one (HOSSEIN, حسين), which token-similarity.ts compares.
function abjadText(word: string, letters: string): string {
  const text = anyAscii(word);
  if (!VOWEL_ONSET.has(letters.charAt(0))) return text;
  const bare = text.replace(/^['`]+/, "");
  return /^[aeiou]/i.test(bare) ? text : `a${bare}`;
}

function pushAbjad(run: string, pieces: Piece[]): void {
  // Arabic punctuation and digits may sit inside the run; split on anything that is not a letter
  // or mark of the abjad scripts.
  for (const word of run.split(/[^\p{L}\p{M}]+/u)) {
    if (!word) continue;
    if (ARABIC.test(word)) {
      const letters = Array.from(word).filter((c) => ARABIC_LETTER.test(c)).join("");
      if (letters.startsWith("ال") && letters.length > 3) {
        pieces.push({ text: "al", kind: "abjad", skeleton: "L", article: true });
        const rest = letters.slice(2);
        // الله: the final h of Allah is in no Latin skeleton (ALLAH, -ULLAH end in a dropped H), so
        // its rest is not read both ways as another word's final ه is (طه, TAHA).
        pieces.push({ text: abjadText(rest, rest), kind: "abjad", skeleton: rest === "له" ? "L" : arabicSkeleton(rest) });
        continue;
      }
      const particle = ARABIC_PARTICLES.has(letters);
      pieces.push({ text: abjadText(word, letters), kind: "abjad", skeleton: arabicSkeleton(letters), ...(particle ? { article: true } : {}) });
    } else {
      // Hebrew / Syriac: any-ascii writes the consonants; the Latin skeleton is taken later.
      pieces.push({ text: anyAscii(word), kind: "abjad" });
    }
  }
}
