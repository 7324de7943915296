/**
 * Lookalike (confusable) folding for words that mix Latin with Cyrillic or Greek letters.
 *
 * Plain transliteration maps each letter by its own script, so "Рromsvyazbank" (Cyrillic "Р" then
 * Latin letters) would become "Rromsvyazbank", and "OOО" with one Cyrillic "О" would still work by
 * luck only. Within one word, the letters of the minority script that have a lookalike in the
 * majority script are replaced by that lookalike before transliteration. A word wholly in one
 * script is never touched.
 */

// Cyrillic and Greek letters that are visually identical (or nearly) to a Latin letter.
const TO_LATIN: Readonly<Record<string, string>> = {
  // Cyrillic capitals
  А: "A", В: "B", Е: "E", К: "K", М: "M", Н: "H", О: "O", Р: "P", С: "C", Т: "T", У: "Y", Х: "X",
  Ѕ: "S", І: "I", Ј: "J", Ԛ: "Q", Ԝ: "W", Һ: "H", Ӏ: "I",
  // Cyrillic small
  а: "a", е: "e", о: "o", р: "p", с: "c", у: "y", х: "x", ѕ: "s", і: "i", ј: "j", ԁ: "d", ԛ: "q",
  ԝ: "w", һ: "h", ӏ: "l", к: "k", м: "m", т: "t", в: "b", н: "h",
  // Greek capitals
  Α: "A", Β: "B", Ε: "E", Ζ: "Z", Η: "H", Ι: "I", Κ: "K", Μ: "M", Ν: "N", Ο: "O", Ρ: "P", Τ: "T",
  Υ: "Y", Χ: "X",
  // Greek small
  α: "a", ο: "o", ρ: "p", ν: "v", ι: "i", κ: "k", υ: "u", χ: "x", τ: "t",
};

// Latin letters that look like a Cyrillic letter (used when the word is mostly Cyrillic).
const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
  A: "А", B: "В", C: "С", E: "Е", H: "Н", K: "К", M: "М", O: "О", P: "Р", T: "Т", X: "Х", Y: "У",
  a: "а", c: "с", e: "е", o: "о", p: "р", x: "х", y: "у", i: "і", j: "ј", s: "ѕ",
};

// Latin letters that look like a Greek letter (used when the word is mostly Greek).
const LATIN_TO_GREEK: Readonly<Record<string, string>> = {
  A: "Α", B: "Β", E: "Ε", Z: "Ζ", H: "Η", I: "Ι", K: "Κ", M: "Μ", N: "Ν", O: "Ο", P: "Ρ", T: "Τ",
  Y: "Υ", X: "Χ", o: "ο", v: "ν", i: "ι", k: "κ", u: "υ", x: "χ",
};

const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const GREEK = /\p{Script=Greek}/u;
const MIXABLE = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;
const WORD = /[\p{L}\p{M}]+/gu;

function foldWord(word: string): string {
  let latin = 0;
  let cyrillic = 0;
  let greek = 0;
  for (const ch of word) {
    if (LATIN.test(ch)) latin++;
    else if (CYRILLIC.test(ch)) cyrillic++;
    else if (GREEK.test(ch)) greek++;
  }
  const scripts = (latin > 0 ? 1 : 0) + (cyrillic > 0 ? 1 : 0) + (greek > 0 ? 1 : 0);
  if (scripts < 2) return word;
  // Ties go to Latin: a short mixed word such as "Рo" is more often a Latin word typed with one
  // Cyrillic key than the reverse.
  if (latin >= cyrillic && latin >= greek) {
    return Array.from(word, (ch) => (CYRILLIC.test(ch) || GREEK.test(ch) ? (TO_LATIN[ch] ?? ch) : ch)).join("");
  }
  const toMajority = cyrillic >= greek ? LATIN_TO_CYRILLIC : LATIN_TO_GREEK;
  return Array.from(word, (ch) => (LATIN.test(ch) ? (toMajority[ch] ?? ch) : ch)).join("");
}

/**
 * Replaces minority-script lookalike letters inside words that mix Latin with Cyrillic or Greek.
 * @example
 * foldLookalikes("Рromsvyazbank") //=> "Promsvyazbank"
 */
export function foldLookalikes(text: string): string {
  if (!MIXABLE.test(text)) return text;
  return text.replace(WORD, foldWord);
}
