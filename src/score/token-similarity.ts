/**
 * Feature `name.fuzzy`, token level: which token pairs are comparable and how similar they are.
 *
 * Two tokens are comparable when (a) they are equal; (b) one deleted character on either side
 * makes them equal (tokens of at least `minDeletionLength` characters: typos, transpositions,
 * single substitutions, SERGEY/SERGEI); (c) their consonant skeletons are equal (transliteration
 * variants: MOHAMMED/MUHAMMAD, ALEKSANDR/ALEXANDER; Jaro-Winkler is then moved `phoneticBoost` of
 * the way towards 1, because it under-rates vowel-only differences); (d) one is an initial of the other; (e) for
 * abjad-script tokens: skeletons equal or one consonant apart. Every condition is a shared key
 * that the candidate index can look up, which is what makes the index lossless (see
 * src/candidates). Comparable pairs are scored with the mean of Jaro-Winkler and edit similarity
 * (1 − edits / length: Jaro-Winkler alone forgives an edit in a short word — NIKE/NIKA 0.88 — as
 * much as in a long one); abjad tokens on skeletons, scaled by `abjadFactor`; numbers exactly.
 * Pairs below `tokenFloor` are dropped.
 */
import type { NameAlgorithm } from "./algorithm";
import { editSimilarity } from "./edit-distance";
import { jaroWinkler } from "./jaro-winkler";

/** The comparable part of a token or glued token. */
export interface ComparableToken {
  readonly text: string;
  readonly skeleton: string;
  readonly abjad: boolean;
  /** A single letter. */
  readonly initial: boolean;
  /** Contains a digit: compared exactly. */
  readonly number: boolean;
}

/** How a token pair matched. */
export type MatchHow = "exact" | "fuzzy" | "phonetic" | "skeleton" | "initial";

/**
 * True when `b` equals `a` with at most one character deleted from each (tokens shorter than
 * `minLength` only when equal).
 * @example
 * isOneDeletionApart("SERGEY", "SERGEI", 3) //=> true
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
    // delete a[p] and b[s] (a[p+1..s] equals b[p..s-1]), or a[s] and b[p] (a[p..s-1] equals b[p+1..s])
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

/**
 * Edit distance (with adjacent transpositions) of two tokens known to be one deletion apart on
 * either side: 0, 1 or 2, in linear time.
 * @example
 * oneDeletionDistance("SERGEY", "SERGEI") //=> 1
 */
export function oneDeletionDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length !== b.length) return 1;
  let p = 0;
  while (a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = a.length - 1;
  while (a.charCodeAt(s) === b.charCodeAt(s)) s--;
  if (p === s) return 1;
  if (s === p + 1 && a.charCodeAt(p) === b.charCodeAt(s) && a.charCodeAt(s) === b.charCodeAt(p)) return 1;
  return 2;
}

/**
 * Every string one deletion away from `token` (none below `minLength`), plus the token itself.
 * @example
 * deletionVariants("ABC", 3) //=> ["ABC", "BC", "AC", "AB"]
 */
export function deletionVariants(token: string, minLength: number): string[] {
  const out = [token];
  if (token.length < minLength) return out;
  for (let i = 0; i < token.length; i++) {
    const v = token.slice(0, i) + token.slice(i + 1);
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/**
 * Whether two tokens may be compared at all, and how (undefined when not comparable).
 * @example
 * comparableHow(tok("MOHAMMED"), tok("MUHAMMAD"), NAMES_V1) //=> "skeleton"
 */
export function comparableHow(a: ComparableToken, b: ComparableToken, alg: NameAlgorithm): MatchHow | undefined {
  if (a.number || b.number) return a.text === b.text && a.abjad === b.abjad ? "exact" : undefined;
  if (a.abjad || b.abjad) {
    if (a.abjad && b.abjad && a.text === b.text) return "exact";
    if (a.skeleton.length === 0 || b.skeleton.length === 0) return undefined;
    if (a.skeleton === b.skeleton) return "skeleton";
    return isOneDeletionApart(a.skeleton, b.skeleton, alg.minSkeletonDeletionLength) ? "skeleton" : undefined;
  }
  if (a.text === b.text) return "exact";
  if (a.initial || b.initial) {
    if (a.initial && b.initial) return undefined;
    const [ini, word] = a.initial ? [a, b] : [b, a];
    return word.text.charCodeAt(0) === ini.text.charCodeAt(0) ? "initial" : undefined;
  }
  if (a.skeleton.length >= alg.minSkeletonLength && a.skeleton === b.skeleton) return "phonetic";
  if (isOneDeletionApart(a.text, b.text, alg.minDeletionLength)) return "fuzzy";
  return undefined;
}

/**
 * Similarity of two tokens in [0, 1]: 0 when not comparable or below the floor.
 * @example
 * tokenSimilarity(tok("JON"), tok("JOHN"), NAMES_V1).toFixed(3) //=> "0.933"
 */
export function tokenSimilarity(a: ComparableToken, b: ComparableToken, alg: NameAlgorithm): number {
  const how = comparableHow(a, b, alg);
  if (how === undefined) return 0;
  return similarityFor(how, a, b, alg);
}

function blended(a: string, b: string): number {
  return (jaroWinkler(a, b) + editSimilarity(a, b)) / 2;
}

/**
 * Similarity of a pair already known to be comparable in the given way.
 * @example
 * similarityFor("exact", tok("A"), tok("A"), NAMES_V1) //=> 1
 */
export function similarityFor(how: MatchHow, a: ComparableToken, b: ComparableToken, alg: NameAlgorithm): number {
  let sim: number;
  switch (how) {
    case "exact":
      return 1;
    case "initial":
      sim = alg.initialSimilarity;
      break;
    case "skeleton":
      sim = alg.abjadFactor * (a.skeleton === b.skeleton ? 1 : blended(a.skeleton, b.skeleton));
      break;
    case "fuzzy": {
      // One deletion apart on either side: the edit distance follows from that in O(length).
      const n = Math.max(a.text.length, b.text.length);
      sim = (jaroWinkler(a.text, b.text) + 1 - oneDeletionDistance(a.text, b.text) / n) / 2;
      break;
    }
    case "phonetic": {
      // Same consonant skeleton (HUSSEIN/HUSAYN): string measures under-rate vowel-only
      // differences, so the similarity is moved towards 1, more for longer skeletons.
      const base = blended(a.text, b.text);
      const boost = Math.min(alg.phoneticBoostMax, Math.max(alg.phoneticBoostMin, alg.phoneticBoost * (a.skeleton.length - 1)));
      sim = base + boost * (1 - base);
      break;
    }
  }
  return sim >= alg.tokenFloor ? sim : 0;
}
