/**
 * Optimal-string-alignment edit distance (Levenshtein plus adjacent transpositions), used to make
 * token similarity length-aware: one edit in a four-letter word ("NIKE"/"NIKA") matters more than
 * one edit in a twelve-letter word, which Jaro-Winkler alone does not reflect.
 */

let prev2 = new Int32Array(64);
let prev = new Int32Array(64);
let cur = new Int32Array(64);

/**
 * Edit distance with insertions, deletions, substitutions and adjacent transpositions, each 1.
 * @example
 * editDistance("ABDULAH", "ABDULLAH") //=> 1
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (la === 0) return lb;
  if (lb === 0) return la;
  if (cur.length <= lb) {
    prev2 = new Int32Array(lb * 2 + 2);
    prev = new Int32Array(lb * 2 + 2);
    cur = new Int32Array(lb * 2 + 2);
  }
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur[j] = v;
    }
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb] as number;
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
