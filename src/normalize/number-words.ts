/**
 * Number words and ordinals read as numbers, so that "FIRST MINSK BANK" ~ "1ST MINSK BANK" and
 * "BRIGADE TWELVE" ~ "BRIGADE 12": both sides become the digits, compared exactly as numbers.
 * English cardinals and ordinals up to twenty, the tens, and digit ordinals (1ST, 2ND, 23RD, 4TH).
 */

const CARDINALS = [
  "ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN", "ELEVEN", "TWELVE",
  "THIRTEEN", "FOURTEEN", "FIFTEEN", "SIXTEEN", "SEVENTEEN", "EIGHTEEN", "NINETEEN", "TWENTY",
];
const ORDINALS = [
  "", "FIRST", "SECOND", "THIRD", "FOURTH", "FIFTH", "SIXTH", "SEVENTH", "EIGHTH", "NINTH", "TENTH", "ELEVENTH",
  "TWELFTH", "THIRTEENTH", "FOURTEENTH", "FIFTEENTH", "SIXTEENTH", "SEVENTEENTH", "EIGHTEENTH", "NINETEENTH", "TWENTIETH",
];
const TENS: Readonly<Record<string, number>> = { THIRTY: 30, FORTY: 40, FIFTY: 50, SIXTY: 60, SEVENTY: 70, EIGHTY: 80, NINETY: 90, HUNDRED: 100 };
const TENTHS: Readonly<Record<string, number>> = { THIRTIETH: 30, FORTIETH: 40, FIFTIETH: 50, SIXTIETH: 60, SEVENTIETH: 70, EIGHTIETH: 80, NINETIETH: 90, HUNDREDTH: 100 };

function table(): Record<string, string> {
  const out: Record<string, string> = {};
  // "ONE" is left out: as a name word ("ONE BANK", "A ONE") it is a word more often than a count.
  CARDINALS.forEach((w, n) => {
    if (n !== 1) out[w] = String(n);
  });
  ORDINALS.forEach((w, n) => {
    if (w !== "") out[w] = String(n);
  });
  for (const [w, n] of Object.entries({ ...TENS, ...TENTHS })) out[w] = String(n);
  for (let n = 1; n <= 200; n++) {
    const last = n % 10;
    const teen = n % 100 >= 11 && n % 100 <= 13;
    const suffix = teen ? "TH" : last === 1 ? "ST" : last === 2 ? "ND" : last === 3 ? "RD" : "TH";
    out[`${n}${suffix}`] = String(n);
  }
  return out;
}

/**
 * Compare-form number words and digit ordinals → the number as digits.
 * @example
 * NUMBER_WORDS["FIRST"] //=> "1"
 * NUMBER_WORDS["23RD"] //=> "23"
 */
export const NUMBER_WORDS: Readonly<Record<string, string>> = Object.freeze(table());
