/**
 * Consonant skeletons: a coarse phonetic key shared by Latin spellings and Arabic script.
 *
 * Arabic writes consonants and long vowels only, and Latin renderings of the same name differ
 * mostly in vowels, doubled letters and digraphs (MOHAMMED / MUHAMMAD / محمد, QADHAFI / GADDAFI /
 * القذافي). Both sides are reduced to one consonant alphabet:
 *
 * | class | Latin                  | Arabic            |
 * |-------|------------------------|-------------------|
 * | B     | B, P                   | ب پ               |
 * | T     | T, TH                  | ت ط ٹ             |
 * | J     | J, DJ, ZH              | ج ژ               |
 * | H     | H (not word-final)     | ح ه ھ (not final) |
 * | x     | KH                     | خ                 |
 * | D     | D, DH                  | د ڈ               |
 * | R     | R                      | ر ڑ               |
 * | Z     | Z                      | ز                 |
 * | S     | S, C before E/I/Y      | س ص               |
 * | c     | SH, CH, SCH            | ش چ               |
 * | K     | K, Q, G, GH, C, CK     | ك ق غ گ ک         |
 * | F     | F, PH, V               | ف                 |
 * | L M N | L M N                  | ل م ن ں           |
 *
 * Letters that Arabic and Persian (Dari, Pashto, Urdu) romanisations read differently get classes of
 * their own that stand for either reading (see {@link skeletonVariants}): ث "t" (T in Arabic THAQIB, S
 * in Persian SAQIB), ذ and ض "d" (D or DH in NADHIR, FADL; Z in NAZIR, FAZL, ZIA), ظ "z" (Z or DH), and a
 * word-final ح "h" (a consonant, but Latin spellings drop a final H: SALEH, FATEH), a word-final ة
 * "y" (silent, or T in a construct: ASBAT AL-ANSAR, JAMAAT), and a consonant before ح or ه where a
 * Latin digraph reads the two letters as one: S H "C" (ISHAQ), Z H "G" (AZHAR), ظ H "V" (MAZHAR).
 *
 * Vowels (A E I O U Y W; ا و ي ى ء ع ة and hamza carriers) are dropped, X is KS, a word-final H
 * (and ه / ة) is dropped, and a repeated class collapses (SADDAM and صدام are both "SDM").
 * Skeletons gate which tokens are compared at all (candidates) and score abjad-script tokens.
 */

const ARABIC_CLASS: Readonly<Record<string, string>> = {
  ب: "B", پ: "B",
  ت: "T", ط: "T", ث: "t", ٹ: "T",
  ج: "J", ژ: "J",
  ح: "H", ه: "H", ھ: "H",
  خ: "x",
  د: "D", ذ: "d", ض: "d", ڈ: "D",
  ر: "R", ڑ: "R",
  ز: "Z", ظ: "z",
  س: "S", ص: "S",
  ش: "c", چ: "c",
  ك: "K", ق: "K", غ: "K", گ: "K", ک: "K",
  ف: "F",
  ل: "L",
  م: "M",
  ن: "N", ں: "N",
};

function collapse(classes: string[], finalH: boolean): string {
  // Word-final H is a vowel ending in both scripts ("FATIMAH", "ALLAH", ة), but only when the word
  // ends with it: the H of YAHYA / يحيى is a consonant.
  if (finalH) while (classes.length > 0 && classes[classes.length - 1] === "H") classes.pop();
  let out = "";
  for (const c of classes) if (c !== out[out.length - 1]) out += c;
  return out;
}

/**
 * Consonant skeleton of Arabic-script letters (Arabic, Persian and Urdu letters).
 * @example
 * arabicSkeleton("صدام") //=> "SDM"
 */
export function arabicSkeleton(letters: string): string {
  const classes: string[] = [];
  const chars = Array.from(letters);
  for (let i = 0; i < chars.length; i++) {
    const c = ARABIC_CLASS[chars[i] as string];
    // ة, ه at the end, vowels and hamza carriers add nothing; a final ه is removed in collapse().
    if (!c) continue;
    // A consonant right before ح or ه (not the word's last letter) is what a Latin digraph spells,
    // which Latin skeletons read as one letter: S H as SH (ش, c: اسحاق ISHAQ), Z H as ZH (ژ, J:
    // أزهر AZHAR, مظهر MAZHAR). Such a pair is an ambiguous class, read both ways (see
    // skeletonVariants); a long vowel between them (ظاهر ZAHIR) keeps them apart. (T H as TH, one
    // T: فتحي FATHI, was measured and not kept: the H is all that keeps تحسيني from YAT-SEN.)
    const pair = c === "H" && i > 0 && i < chars.length - 1 ? DIGRAPH_CLASS[`${ARABIC_CLASS[chars[i - 1] as string] ?? ""}H`] : undefined;
    if (pair !== undefined) classes[classes.length - 1] = pair;
    else classes.push(c);
  }
  const last = letters.charAt(letters.length - 1);
  // A final ح is a consonant that Latin spellings drop (SALEH, FATEH), and so is a final ه after a
  // consonant in Arabic names (طه TAHA, وجيه WAJIH, نبيه NABIH), where Persian writes a vowel with it
  // (زاده ZADEH, ZADA): both readings.
  if ((last === "ح" || last === "ه") && classes[classes.length - 1] === "H" && chars.length > 1) classes[classes.length - 1] = "h";
  // A final ة is silent, or T in a construct (ASBAT AL-ANSAR, JAMAAT).
  if (last === "ة") classes.push("y");
  return collapse(classes, last === "ه" || last === "ة" || last === "ھ");
}

/** The ambiguous class of a consonant right before ح or ه (see arabicSkeleton). */
const DIGRAPH_CLASS: Readonly<Record<string, string>> = { SH: "C", ZH: "G", zH: "V" };

/** The readings of the ambiguous classes of Arabic skeletons (see the table above). */
const READINGS: Readonly<Record<string, readonly string[]>> = {
  t: ["T", "S"],
  d: ["D", "Z"],
  z: ["Z", "D"],
  h: ["H", ""],
  y: ["", "T"],
  // Consonant-H pairs (arabicSkeleton): the two letters, or the Latin digraph's one.
  C: ["SH", "c"],
  G: ["ZH", "J"],
  V: ["ZH", "DH", "J"],
};
const AMBIGUOUS = /[tdzhyCGV]/;
/** Ambiguous letters of one skeleton read both ways (further ones take their first reading). */
const MAX_AMBIGUOUS = 3;
const variantCache = new Map<string, readonly string[]>();

/**
 * Every reading of a skeleton: itself for Latin skeletons and Arabic ones without ambiguous
 * letters; else each ambiguous class read each way (first three; repeated classes collapsed,
 * empty readings left out), the first reading first.
 * @example
 * skeletonVariants(arabicSkeleton("فضل")) //=> ["FDL", "FZL"]
 * skeletonVariants(arabicSkeleton("صالح")) //=> ["SLH", "SL"]
 */
export function skeletonVariants(skeleton: string): readonly string[] {
  if (!AMBIGUOUS.test(skeleton)) return [skeleton];
  let out = variantCache.get(skeleton);
  if (out !== undefined) return out;
  let readings = [""];
  let ambiguous = 0;
  for (const ch of skeleton) {
    const options = READINGS[ch];
    if (options === undefined) readings = readings.map((r) => r + ch);
    else if (ambiguous++ < MAX_AMBIGUOUS) readings = readings.flatMap((r) => options.map((o) => r + o));
    else readings = readings.map((r) => r + (options[0] as string));
  }
  out = [...new Set(readings.map((r) => collapse([...r], false)).filter((r) => r.length > 0))];
  if (variantCache.size >= 50_000) variantCache.clear();
  variantCache.set(skeleton, out);
  return out;
}

const VOWEL = new Set(["A", "E", "I", "O", "U", "Y", "W"]);

/**
 * Consonant skeleton of an upper-case ASCII token.
 * @example
 * latinSkeleton("MUHAMMAD") //=> "MHMD"
 */
export function latinSkeleton(token: string): string {
  const classes: string[] = [];
  const n = token.length;
  for (let i = 0; i < n; i++) {
    const ch = token[i] as string;
    const next = i + 1 < n ? (token[i + 1] as string) : "";
    switch (ch) {
      case "P":
        if (next === "H") {
          classes.push("F");
          i++;
        } else classes.push("B");
        break;
      case "K":
        if (next === "H") {
          classes.push("x");
          i++;
        } else classes.push("K");
        break;
      case "S":
        if (next === "H") {
          classes.push("c");
          i++;
        } else if (next === "C" && token[i + 2] === "H") {
          classes.push("c");
          i += 2;
        } else classes.push("S");
        break;
      case "C":
        if (next === "H") {
          classes.push("c");
          i++;
        } else if (next === "K") {
          classes.push("K");
          i++;
        } else if (next === "E" || next === "I" || next === "Y") classes.push("S");
        else classes.push("K");
        break;
      case "T":
        classes.push("T");
        if (next === "H") i++;
        break;
      case "D":
        if (next === "H") {
          classes.push("D");
          i++;
        } else if (next === "J") {
          classes.push("J");
          i++;
        } else classes.push("D");
        break;
      case "G":
        classes.push("K");
        if (next === "H") i++;
        break;
      case "Z":
        if (next === "H") {
          classes.push("J");
          i++;
        } else classes.push("Z");
        break;
      case "Q":
        classes.push("K");
        break;
      case "X":
        classes.push("K", "S");
        break;
      case "V":
        classes.push("F");
        break;
      default:
        if (VOWEL.has(ch)) break;
        if (ch >= "A" && ch <= "Z") classes.push(ch);
        // Digits and anything else carry no sound: skeletons are only built for letter tokens.
    }
  }
  return collapse(classes, token.endsWith("H"));
}
