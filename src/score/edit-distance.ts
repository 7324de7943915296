/**
 * Optimal-string-alignment edit distance (Levenshtein plus adjacent transpositions), used to make
 * token similarity length-aware: one edit in a four-letter word ("NIKE"/"NIKA") matters more than
 * one edit in a twelve-letter word, which Jaro-Winkler alone does not reflect.
 */

// One scratch buffer holding three rows; locals in the loop (module variables are slow to touch).
let rows = new Int32Array(3 * 64);

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
  const w = lb + 1;
  if (rows.length < 3 * w) rows = new Int32Array(3 * w * 2);
  const r = rows;
  // Row i lives at offset (i % 3) * w.
  for (let j = 0; j <= lb; j++) r[j] = j;
  let p2 = 2 * w; // row i-2
  let p1 = 0; // row i-1
  let c = w; // row i
  for (let i = 1; i <= la; i++) {
    r[c] = i;
    const ca = a.charCodeAt(i - 1);
    const caPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= lb; j++) {
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
    }
    const t = p2;
    p2 = p1;
    p1 = c;
    c = t;
  }
  return r[p1 + lb] as number;
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
