/**
 * Plain optimal-string-alignment edit distance (Levenshtein plus adjacent transpositions); the
 * bounded computation lives in token-distance.ts.
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
