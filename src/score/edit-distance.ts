/**
 * Plain optimal-string-alignment edit distance (Levenshtein plus adjacent transpositions), and the
 * edit similarity derived from it; the bounded computation lives in token-distance.ts.
 */
import { osaDistance } from "./token-distance";

/**
 * Edit distance with insertions, deletions, substitutions and adjacent transpositions, each 1.
 * @example
 * editDistance("ABDULAH", "ABDULLAH") //=> 1
 */
export function editDistance(a: string, b: string): number {
  return osaDistance(a, b, Number.POSITIVE_INFINITY);
}

/**
 * Edit similarity: 1 − distance / longer length, in [0, 1].
 * @example
 * editSimilarity("NIKE", "NIKA") //=> 0.75
 */
export function editSimilarity(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  return n === 0 ? 1 : 1 - editDistance(a, b) / n;
}
