/**
 * Feature `name.fuzzy`, token level (`names-v2`): which token pairs are comparable and how similar
 * they are.
 *
 * Two tokens are comparable when (a) they are equal; (b) their transliteration-canonical forms
 * (token-distance.ts) are within the length-dependent edit budget — 0 edits up to 3 letters, 1 up to
 * 7, 2 from 8 (typos, confusables, two edits in long words, romanisation variants: TSCHERNOW/CHERNOV,
 * WLADIMIR/VLADIMIR); (c) their consonant skeletons are equal and at least `minSkeletonLength` long
 * (vowel-only transliteration differences beyond the budget: MOHAMMED/MUHAMMAD); (d) one is an
 * initial of the other; (e) for abjad-script tokens: skeletons equal or one consonant apart, and
 * against a Latin spelling only when both begin alike, with a vowel or a consonant
 * ({@link onsetsAgree}: احسان EHSAN is not HOSSEIN). Each of
 * these is a shared key the candidate index looks up (deletion neighbourhoods of the canonical form
 * within the budget, skeletons, initials), which is what makes the index lossless (src/candidates).
 *
 * Similarity of a comparable pair: with d the weighted distance (the smaller of the raw texts' and
 * the canonical forms' plus `translitCost`) and L the longer length,
 *
 *   sim = 1 − d / max(1, L − lengthShift)
 *
 * so one edit costs more in a short word than in a long one (NIKE/NIKA is not NIKE; two edits in
 * BELVNESHPROMSERVICE still are). Same-skeleton pairs are moved `phoneticBoost` towards 1 (more for
 * longer skeletons); abjad tokens compare skeletons, scaled by `abjadFactor`; numbers only exactly.
 * Pairs below `tokenFloor` are dropped; between two Latin words of at most `shortWordLength` letters,
 * below `shortWordFloor` (one letter changed in four, 0.6, is a weak pair: JZNG ~ JONG).
 */
import { skeletonVariants } from "../normalize/skeleton";
import type { NameAlgorithm } from "./algorithm";
import { canonicalToken, editBudget, osaDistance, weightedDistance } from "./token-distance";
import { isAdjectiveOf, shareSymbol, tokenSymbols } from "./token-symbols";

const NO_SYMBOLS: readonly string[] = Object.freeze([]);

/** The comparable part of a token or glued token. */
export interface ComparableToken {
  readonly text: string;
  /** Transliteration-canonical form of `text` (see {@link canonicalToken}); equal to it for numbers and abjad tokens. */
  readonly canon: string;
  readonly skeleton: string;
  readonly abjad: boolean;
  /** A single letter. */
  readonly initial: boolean;
  /** Contains a digit: compared exactly. */
  readonly number: boolean;
  /** Table symbols of the token (token-symbols.ts): nicknames, descriptor words in other languages. */
  readonly symbols: readonly string[];
  /** The initials of an organisation's name (name-units.ts). */
  readonly acronym?: boolean;
  /** With `acronym`: the initials of a run of the name's words, not of the whole name. */
  readonly run?: boolean;
}

/**
 * How a token pair matched: equal; within the edit budget (`fuzzy`); equal canonical forms of
 * different spellings (`translit`); same consonant skeleton beyond the budget (`phonetic`); abjad
 * skeletons (`skeleton`); an initial and a word (`initial`); equal by a symbol table (`symbol`:
 * nicknames, descriptor words in other languages, number words); a list name's initials
 * (`acronym`); a Russian -SK- adjective and its noun (`adjective`: KALUZHSKIY, KALUGA).
 */
export type MatchHow = "exact" | "fuzzy" | "phonetic" | "skeleton" | "initial" | "translit" | "symbol" | "acronym" | "adjective";

/**
 * True when `b` equals `a` with at most one character deleted from each (tokens shorter than
 * `minLength` only when equal); the abjad skeleton relation.
 * @example
 * isOneDeletionApart("SRGY", "SRG", 3) //=> true
 */
export function isOneDeletionApart(a: string, b: string, minLength: number): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (la === lb) {
    if (la < minLength) return false;
    let p = 0;
    while (a.charCodeAt(p) === b.charCodeAt(p)) p++;
    let s = la - 1;
    while (a.charCodeAt(s) === b.charCodeAt(s)) s--;
    if (p === s) return true;
    let first = true;
    let second = true;
    for (let k = p; k < s && (first || second); k++) {
      if (a.charCodeAt(k + 1) !== b.charCodeAt(k)) first = false;
      if (a.charCodeAt(k) !== b.charCodeAt(k + 1)) second = false;
    }
    return first || second;
  }
  const long = la > lb ? a : b;
  const short = la > lb ? b : a;
  if (long.length - short.length !== 1 || long.length < minLength) return false;
  let p = 0;
  while (p < short.length && long.charCodeAt(p) === short.charCodeAt(p)) p++;
  for (let k = p; k < short.length; k++) if (long.charCodeAt(k + 1) !== short.charCodeAt(k)) return false;
  return true;
}

const A = 65;
const IS_VOWEL_ONSET = new Uint8Array(26);
for (const v of "AEIOU") IS_VOWEL_ONSET[v.charCodeAt(0) - A] = 1;

/**
 * Whether an Arabic-script word and a Latin spelling begin alike: both with a vowel (alef or ain:
 * AHMAD, OMAR) or both with a consonant (HOSSEIN, حسين) — EHSAN (احسان) is not HOSSEIN although
 * their skeletons are equal. Waw, ya and ha begin either way (YUSUF/IUSUF, WALID/OUALID, HAMID/AMID),
 * and a Latin spelling that glues the article in front (AL-, EL-, or assimilated: ESSABAR, ULLAH,
 * ADDIN) may begin with a vowel where the Arabic word, written after its article, does not.
 * @example
 * onsetsAgree("AHSN", "HOSSEIN") //=> false
 * onsetsAgree("SBR", "ESSABAR") //=> true
 */
export function onsetsAgree(abjadText: string, latinText: string): boolean {
  const x = abjadText.charCodeAt(0) - A;
  const y = latinText.charCodeAt(0) - A;
  if (x < 0 || x >= 26 || y < 0 || y >= 26) return true;
  const cx = abjadText.charAt(0);
  if (cx === "W" || cx === "Y" || cx === "H") return true;
  if (IS_VOWEL_ONSET[x] === IS_VOWEL_ONSET[y]) return true;
  // A consonant onset against a vowel one: only through a glued article (vowel, then L or a doubled consonant).
  if (IS_VOWEL_ONSET[x] === 1) return false;
  const second = latinText.charAt(1);
  return second === "L" || (second !== "" && second === latinText.charAt(2));
}

/**
 * A comparable (non-acronym) token from its parts, the canonical form given (a prebuilt index
 * stores it): no flags object, no canonicalisation — what loading 50k vocabulary texts needs.
 * @example
 * tokenFromParts("TSCHERNOW", "CHERNOV", "cRN", false, false, false).canon //=> "CHERNOV"
 */
export function tokenFromParts(text: string, canon: string, skeleton: string, abjad: boolean, initial: boolean, number: boolean): ComparableToken {
  const symbols = abjad || number || initial ? NO_SYMBOLS : tokenSymbols(text);
  return { text, canon: abjad || number ? text : canon, skeleton, abjad, initial, number, symbols };
}

/**
 * A comparable token from a text (canonical form computed here).
 * @example
 * comparableToken("TSCHERNOW", "cRN").canon //=> "CHERNOV"
 */
export function comparableToken(text: string, skeleton: string, flags: { abjad?: boolean; initial?: boolean; number?: boolean; acronym?: boolean; run?: boolean } = {}): ComparableToken {
  if (flags.acronym === true) {
    const base = { text, canon: text, skeleton: "", abjad: false, initial: false, number: false, symbols: NO_SYMBOLS, acronym: true } as const;
    return flags.run === true ? { ...base, run: true } : base;
  }
  const abjad = flags.abjad === true;
  const number = flags.number === true;
  return tokenFromParts(text, abjad || number ? text : canonicalToken(text), skeleton, abjad, flags.initial === true, number);
}

/**
 * Whether two tokens may be compared at all, and how (undefined when not comparable).
 * @example
 * comparableHow(tok("MOHAMMED"), tok("MUHAMMAD"), NAMES_V2) //=> "phonetic"
 */
export function comparableHow(a: ComparableToken, b: ComparableToken, alg: NameAlgorithm): MatchHow | undefined {
  if (a.acronym === true || b.acronym === true) {
    const word = a.acronym === true ? b : a;
    return a.acronym !== b.acronym && a.text === b.text && !word.initial && !word.number && !word.abjad ? "acronym" : undefined;
  }
  if (a.number || b.number) return a.text === b.text && a.abjad === b.abjad ? "exact" : undefined;
  if (a.abjad || b.abjad) {
    if (a.abjad && b.abjad && a.text === b.text) return "exact";
    if (a.skeleton.length === 0 || b.skeleton.length === 0) return undefined;
    if (a.abjad !== b.abjad && !onsetsAgree(a.abjad ? a.text : b.text, a.abjad ? b.text : a.text)) return undefined;
    if (a.skeleton === b.skeleton) return "skeleton";
    for (const x of skeletonVariants(a.skeleton)) for (const y of skeletonVariants(b.skeleton)) if (x === y || isOneDeletionApart(x, y, alg.minSkeletonDeletionLength)) return "skeleton";
    return undefined;
  }
  if (a.text === b.text) return "exact";
  if (a.initial || b.initial) {
    if (a.initial && b.initial) return undefined;
    const [ini, word] = a.initial ? [a, b] : [b, a];
    return word.text.charCodeAt(0) === ini.text.charCodeAt(0) ? "initial" : undefined;
  }
  if (a.canon === b.canon) return "translit";
  const budget = editBudget(Math.max(a.canon.length, b.canon.length));
  if (budget > 0 && osaDistance(a.canon, b.canon, budget) <= budget) return "fuzzy";
  if (a.skeleton.length >= alg.minSkeletonLength && a.skeleton === b.skeleton) return "phonetic";
  if (shareSymbol(a.symbols, b.symbols)) return "symbol";
  if (isAdjectiveOf(a.text, b.text) || isAdjectiveOf(b.text, a.text)) return "adjective";
  return undefined;
}

/**
 * Similarity of two tokens in [0, 1]: 0 when not comparable or below the floor.
 * @example
 * tokenSimilarity(tok("HEZBOLLAH"), tok("HIZBALLAH"), NAMES_V2) >= 0.9 //=> true
 */
export function tokenSimilarity(a: ComparableToken, b: ComparableToken, alg: NameAlgorithm): number {
  const how = comparableHow(a, b, alg);
  if (how === undefined) return 0;
  return similarityFor(how, a, b, alg);
}

/**
 * The weighted distance of two Latin tokens: the raw texts', or the canonical forms' plus the
 * transliteration cost, whichever is smaller.
 * @example
 * tokenDistance(tok("TSCHERNOW"), tok("CHERNOV"), NAMES_V2) //=> 0.3
 */
export function tokenDistance(a: ComparableToken, b: ComparableToken, alg: NameAlgorithm): number {
  let raw = weightedDistance(a.text, b.text, alg);
  if (raw > alg.pluralCost && isPluralOf(a.text, b.text)) raw = alg.pluralCost;
  if (a.canon === a.text && b.canon === b.text) return raw;
  const canon = weightedDistance(a.canon, b.canon, alg) + alg.translitCost;
  return canon < raw ? canon : raw;
}

/**
 * Whether one text is the other's English plural, the singular having four letters or more: -S
 * after a final E (BRIGADES), -ES after S, X, Z, CH or SH (BUSINESSES), -IES for a final -Y
 * (LOTTERIES). Not -S after another consonant: that is how surnames are made from given names
 * (PETERS, EDWARDS, COLLINS), different names of different people.
 * @example
 * isPluralOf("LOTTERY", "LOTTERIES") //=> true
 * isPluralOf("PETER", "PETERS") //=> false
 */
export function isPluralOf(a: string, b: string): boolean {
  const long = a.length > b.length ? a : b;
  const short = long === a ? b : a;
  const extra = long.length - short.length;
  if (short.length < 4 || extra < 1 || extra > 2 || !long.endsWith("S")) return false;
  if (extra === 1) return short.endsWith("E") && long.startsWith(short);
  if (long.endsWith("IES") && short.endsWith("Y")) return long.startsWith(short.slice(0, -1));
  return long.endsWith("ES") && /(?:[SXZ]|CH|SH)$/.test(short) && long.startsWith(short);
}

function symbolSimilarity(a: ComparableToken, b: ComparableToken, alg: NameAlgorithm): number {
  // Descriptor words and romanisations of one surname are the same word; a nickname is not quite.
  return a.symbols.some((x) => !x.startsWith("N:") && b.symbols.includes(x)) ? alg.symbolSimilarity : alg.nicknameSimilarity;
}

/**
 * Similarity of a pair already known to be comparable in the given way.
 * @example
 * similarityFor("exact", tok("A"), tok("A"), NAMES_V2) //=> 1
 */
export function similarityFor(how: MatchHow, a: ComparableToken, b: ComparableToken, alg: NameAlgorithm): number {
  let sim: number;
  switch (how) {
    case "exact":
      return 1;
    case "acronym":
      sim = a.run === true || b.run === true ? alg.runAcronymSimilarity : alg.acronymSimilarity;
      break;
    case "symbol":
      sim = symbolSimilarity(a, b, alg);
      break;
    case "adjective":
      sim = alg.adjectiveSimilarity;
      break;
    case "initial":
      sim = alg.initialSimilarity;
      break;
    case "skeleton": {
      // The best reading of each side's ambiguous letters (see skeletonVariants) among the related ones.
      sim = 0;
      for (const x of skeletonVariants(a.skeleton)) {
        for (const y of skeletonVariants(b.skeleton)) {
          if (x !== y && !isOneDeletionApart(x, y, alg.minSkeletonDeletionLength)) continue;
          const base = x === y ? 1 : 1 - weightedDistance(x, y, alg) / Math.max(x.length, y.length);
          // A skeleton of one or two consonants says little (DAWOOD, DUD and ادا all reduce to "D").
          // Measured: letting short Latin spellings off (IYAD ~ إياد) gains 1–1.5 pts of Arabic-script
          // recall for 0.5–0.8 pt more synthetic person negatives flagged; not taken.
          const shortest = Math.min(x.length, y.length);
          sim = Math.max(sim, alg.abjadFactor * base * (shortest >= 3 ? 1 : shortest === 2 ? 0.92 : 0.85));
        }
      }
      break;
    }
    default: {
      const length = Math.max(a.text.length, b.text.length);
      const d = tokenDistance(a, b, alg);
      sim = Math.max(0, 1 - d / Math.max(1, length - alg.lengthShift));
      if (a.skeleton.length >= alg.minSkeletonLength && a.skeleton === b.skeleton) {
        // Same consonant skeleton (HUSSEIN/HUSAYN): vowels are what romanisations disagree on, so
        // the similarity moves towards 1, more for longer skeletons.
        const boost = Math.min(alg.phoneticBoostMax, Math.max(alg.phoneticBoostMin, alg.phoneticBoost * (a.skeleton.length - 1)));
        sim = sim + boost * (1 - sim);
      }
      // Spellings a table says are one word (ALEKSANDR, SASHA) get at least the table's similarity.
      if (shareSymbol(a.symbols, b.symbols)) sim = Math.max(sim, symbolSimilarity(a, b, alg));
      // A letter changed in or dropped from a four-letter word is a weak pair (see `shortWordFloor`).
      if (length <= alg.shortWordLength) return sim >= alg.shortWordFloor ? sim : 0;
    }
  }
  return sim >= alg.tokenFloor ? sim : 0;
}
