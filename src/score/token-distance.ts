/**
 * `names-v2` token distance: a transliteration-canonical form, a length-dependent edit budget and
 * a weighted optimal-string-alignment distance with confusable costs.
 *
 * 1. **Canonical form** ({@link canonicalToken}). Romanisation systems disagree on whole letter
 *    groups, not single letters: German TSCHERNOW, English CHERNOV; Polish SZ, German SCH, English
 *    SH; PH/F, KH/H (Russian Х: TEKHNOLOGII, TEHNOLOGII), Q/K, W/V, Y/I, OU/U, AW/AU before a
 *    consonant (FIRDAWS/FIRDAUS), doubled letters, a
 *    final vowel H (not when fewer than three letters would remain: TAAH). Both tokens are
 *    rewritten to one canonical spelling before they are compared, so such variants cost
 *    `translitCost` instead of several edits.
 * 2. **Edit budget** ({@link editBudget}): two tokens are comparable when the plain (unit-cost) OSA
 *    distance of their canonical forms is at most 0 (at most 3 letters), 1 (4–7 letters) or 2 (8 or
 *    more letters, by the longer canonical form). The budget is what the candidate index covers with
 *    deletion neighbourhoods (src/candidates), so it is part of the scorer's definition, not a
 *    shortcut of the index.
 * 3. **Weighted distance** ({@link weightedDistance}) on comparable pairs: substitutions cost 1,
 *    except confusable letters (visual: 0/O, 1/I, 5/S; phonetic: C/K, G/K, S/Z, T/D, B/P, F/V, E/I,
 *    O/U …: `confusableCost`) and vowel for vowel (`vowelCost`); inserting or deleting a vowel costs
 *    `vowelIndelCost`, an H `hCost`, a doubled letter `doubleCost`; an adjacent
 *    transposition `transpositionCost`.
 */

const VOWELS = "AEIOUY";

/**
 * The canonical transliteration form of an upper-case ASCII token (letters and digits).
 * @example
 * canonicalToken("TSCHERNOW") //=> "CHERNOV"
 * canonicalToken("HUSAYN") //=> "HUSAIN"
 */
export function canonicalToken(text: string): string {
  const cached = CANONICAL.get(text);
  if (cached !== undefined) return cached;
  const canon = computeCanonical(text);
  if (CANONICAL.size >= CANONICAL_CACHE_SIZE) CANONICAL.clear();
  CANONICAL.set(text, canon);
  return canon;
}

// A pure function of the text, memoised: the same words are canonicalised for every screen.
const CANONICAL = new Map<string, string>();
const CANONICAL_CACHE_SIZE = 65536;

function computeCanonical(text: string): string {
  if (!/[A-Z]/.test(text)) return text;
  let s = text;
  // Belarusian surnames end in -AU/-OU/-EU where Russian ones end in -OV/-EV (MARSHALAU, TKACHOU,
  // SHAUTSOU; MARSHALOV, TKACHEV): the ending after a consonant is read as -OV, in words of six letters
  // or more — but not -SLAU, which is Russian -SLAV (YARASLAU, YAROSLAV: see the AU rule below).
  const last = s.charCodeAt(s.length - 1);
  // (A cheap test of the last letter, U or W, first: every new word passes here.)
  if (s.length >= 6 && (last === 85 || last === 87)) s = s.replace(/(?<=[B-DF-HJ-NP-TV-Z])(?<!SL)(?:AU|OU|EU|AW|OW)$/, "OV");
  // Letter groups, longest first (each regex runs once over the token).
  s = s.replace(/TSCH/g, "CH").replace(/SCH/g, "SH").replace(/SZ/g, "SH").replace(/CZ/g, "CH").replace(/TCH/g, "CH");
  s = s.replace(/DZH/g, "J").replace(/DJ/g, "J").replace(/ZH/g, "J");
  s = s.replace(/PH/g, "F").replace(/CK/g, "K").replace(/Q/g, "K").replace(/W/g, "V").replace(/X/g, "KS");
  // Russian Ц before I in a loanword is the T of its Latin source (NATSIONALNY ~ NATIONAL, AVIATSIYA ~
  // AVIATION, INITSIATIVY ~ INITIATIVES): after a vowel, inside words of seven letters or more.
  if (s.length >= 7) s = s.replace(/(?<=[AEIOU])TSI/g, "TI");
  s = s.replace(/C(?=[EIY])/g, "S").replace(/C(?!H)/g, "K");
  s = s.replace(/KH/g, "H").replace(/([BDGRT])H/g, "$1").replace(/OU/g, "U").replace(/EE/g, "I").replace(/OO/g, "U").replace(/Y/g, "I");
  // Doubled letters once, then the endings: -OFF/-EFF (SMIRNOFF), a final vowel H (FATIMAH).
  s = s.replace(/([OE])FF$/, "$1V").replace(/([A-Z])\1+/g, "$1");
  // A final vowel H (FATIMAH), unless that leaves fewer than three letters (TAAH is not TA).
  if (s.length >= 4) s = s.replace(/([AEIOU])H$/, "$1");
  // A silent final E after a consonant (ANNE/ANN, JOHNE/JOHN) in words of four letters or more.
  if (text.length >= 4) s = s.replace(/([B-DF-HJ-NP-TV-Z])E$/, "$1");
  // AW (after W → V) before a consonant or at the end is the diphthong AU: Arabic and Persian
  // romanisations write both (FIRDAWS/FIRDAUS, TAWFIK/TAUFIK), Belarusian Ў too (AUTAMABIL).
  s = s.replace(/AV(?![AEIOU])/g, "AU");
  return s.length > 0 ? s : text;
}

/**
 * The most plain edits two canonical forms may differ by, from the longer length.
 * @example
 * editBudget(3) //=> 0
 * editBudget(9) //=> 2
 */
export function editBudget(length: number): number {
  return length <= 3 ? 0 : length <= 7 ? 1 : 2;
}

/**
 * How many deletions the index must generate for a canonical form of `length` letters so that every
 * pair within {@link editBudget} of each other shares a deletion variant: the largest budget of any
 * partner it could be compared with (up to two letters longer, within that partner's budget).
 * @example
 * indexDeletions(6) //=> 2
 */
export function indexDeletions(length: number): number {
  let k = 0;
  for (let partner = length; partner <= length + 2; partner++) {
    const b = editBudget(partner);
    if (partner - b <= length) k = Math.max(k, b);
  }
  return k;
}

// One scratch buffer holding three rows.
let rows = new Int32Array(3 * 64);

/**
 * Plain optimal-string-alignment distance (insert, delete, substitute, adjacent transposition: 1
 * each), or `max + 1` as soon as it exceeds `max`. Only the cells within `max` of the diagonal are
 * computed (a cell further off costs more than `max` on every path through it; the cells just
 * outside the band read as `max + 1`), so a bounded call costs O(length × max).
 * @example
 * osaDistance("CHERNOV", "CHERNOF", 2) //=> 1
 */
export function osaDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0 || lb === 0) return Math.max(la, lb);
  const w = lb + 1;
  if (rows.length < 3 * w) rows = new Int32Array(3 * w * 2);
  const r = rows;
  // Cells beyond `band` of the diagonal are never read as values (a band of the longer length
  // covers the whole table: an unbounded call).
  const band = max < la + lb ? max : la + lb;
  const outside = band + 1;
  for (let j = 0; j <= lb; j++) r[j] = j;
  let p2 = 2 * w;
  let p1 = 0;
  let c = w;
  for (let i = 1; i <= la; i++) {
    const lo = i - band > 1 ? i - band : 1;
    const hi = i + band < lb ? i + band : lb;
    r[c] = i;
    // The cell left of the band in this row, and the one above its right end (not computed in the
    // row before), read as beyond the bound.
    if (lo > 1) r[c + lo - 1] = outside;
    if (i > 1 && hi === i + band) r[p1 + hi] = outside;
    let rowMin = lo === 1 ? i : outside;
    const ca = a.charCodeAt(i - 1);
    const caPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = lo; j <= hi; j++) {
      const cb = b.charCodeAt(j - 1);
      const del = (r[p1 + j] as number) + 1;
      const ins = (r[c + j - 1] as number) + 1;
      const sub = (r[p1 + j - 1] as number) + (ca === cb ? 0 : 1);
      let v = del < ins ? del : ins;
      if (sub < v) v = sub;
      if (j > 1 && ca === b.charCodeAt(j - 2) && caPrev === cb) {
        const tr = (r[p2 + j - 2] as number) + 1;
        if (tr < v) v = tr;
      }
      r[c + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = p2;
    p2 = p1;
    p1 = c;
    c = t;
  }
  const d = r[p1 + lb] as number;
  return d > max ? max + 1 : d;
}

/** Costs of the weighted distance. */
export interface EditCosts {
  readonly confusableCost: number;
  readonly vowelCost: number;
  readonly vowelIndelCost: number;
  /** Inserting or deleting a letter next to the same letter. */
  readonly doubleCost: number;
  /** Inserting or deleting an H. */
  readonly hCost: number;
  readonly transpositionCost: number;
}

// Confusable letter pairs: compare.yml of the rigour tables (visual and phonetic single-character
// confusables, MIT) plus the consonant pairs romanisations swap (G/K, S/Z, T/D, B/P, F/V, D/Z, G/J).
const CONFUSABLE_PAIRS = [
  "0O", "1I", "1L", "9G", "9Q", "6B", "5S", "EI", "OU", "IJ", "IY", "CK", "NH",
  "GK", "SZ", "TD", "BP", "FV", "VW", "DZ", "GJ", "IL", "KQ", "3E", "4A", "7T", "8B",
] as const;
const CONFUSABLE = new Uint8Array(128 * 128);
for (const [x, y] of CONFUSABLE_PAIRS.map((p) => [p.charCodeAt(0), p.charCodeAt(1)] as const)) {
  CONFUSABLE[x * 128 + y] = 1;
  CONFUSABLE[y * 128 + x] = 1;
}
const IS_VOWEL = new Uint8Array(128);
for (const v of VOWELS) IS_VOWEL[v.charCodeAt(0)] = 1;

/**
 * Whether two characters are a listed confusable pair (visual or phonetic).
 * @example
 * isConfusable("0", "O") //=> true
 */
export function isConfusable(x: string, y: string): boolean {
  const a = x.charCodeAt(0);
  const b = y.charCodeAt(0);
  return a < 128 && b < 128 && CONFUSABLE[a * 128 + b] === 1;
}

let wrows = new Float64Array(3 * 64);

function subCost(x: number, y: number, costs: EditCosts): number {
  if (x === y) return 0;
  if (x < 128 && y < 128) {
    if (IS_VOWEL[x] === 1 && IS_VOWEL[y] === 1) return Math.min(costs.vowelCost, CONFUSABLE[x * 128 + y] === 1 ? costs.confusableCost : 1);
    if (CONFUSABLE[x * 128 + y] === 1) return costs.confusableCost;
  }
  return 1;
}

const H = "H".charCodeAt(0);

function indelCost(x: number, prev: number, costs: EditCosts): number {
  // A doubled letter (AKKAR/AKAR) is cheapest to insert or delete, then a vowel or an H (silent in
  // many romanisations: HTUN/TUN, MOHAMAD/MOHAMMAD).
  if (x === prev) return costs.doubleCost;
  if (x === H) return costs.hCost;
  return x < 128 && IS_VOWEL[x] === 1 ? costs.vowelIndelCost : 1;
}

/**
 * Weighted optimal-string-alignment distance (costs in {@link EditCosts}).
 * @example
 * weightedDistance("BELVNESHPR0MSERVIS", "BELVNESHPROMSERVIS", costs) //=> 0.5
 */
export function weightedDistance(a: string, b: string, costs: EditCosts): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  const w = lb + 1;
  if (wrows.length < 3 * w) wrows = new Float64Array(3 * w * 2);
  const r = wrows;
  r[0] = 0;
  for (let j = 1; j <= lb; j++) r[j] = (r[j - 1] as number) + indelCost(b.charCodeAt(j - 1), j > 1 ? b.charCodeAt(j - 2) : -1, costs);
  let p2 = 2 * w;
  let p1 = 0;
  let c = w;
  for (let i = 1; i <= la; i++) {
    const ca = a.charCodeAt(i - 1);
    const caPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    const delA = indelCost(ca, caPrev, costs);
    r[c] = (r[p1] as number) + delA;
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cbPrev = j > 1 ? b.charCodeAt(j - 2) : -1;
      const del = (r[p1 + j] as number) + delA;
      const ins = (r[c + j - 1] as number) + indelCost(cb, cbPrev, costs);
      const sub = (r[p1 + j - 1] as number) + subCost(ca, cb, costs);
      let v = del < ins ? del : ins;
      if (sub < v) v = sub;
      if (j > 1 && ca === cbPrev && caPrev === cb) {
        const tr = (r[p2 + j - 2] as number) + costs.transpositionCost;
        if (tr < v) v = tr;
      }
      r[c + j] = v;
    }
    const t = p2;
    p2 = p1;
    p1 = c;
    c = t;
  }
  return r[p1 + lb] as number;
}
