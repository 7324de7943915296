/**
 * Jaro-Winkler similarity (Winkler 1990): Jaro similarity plus a bonus of 0.1 per common prefix
 * character (at most 4), applied only when the Jaro similarity exceeds 0.7 (Winkler's boost
 * threshold). Reference vectors: MARTHA/MARHTA 0.961, DWAYNE/DUANE 0.840, DIXON/DICKSONX 0.813.
 */

// Scratch buffer reused across calls (token comparison runs millions of times per index build);
// read into a local in the loop, module variables are slow to touch.
let flags = new Uint8Array(128);

/**
 * Jaro similarity of two strings, in [0, 1].
 * @example
 * jaro("MARTHA", "MARHTA").toFixed(3) //=> "0.944"
 */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (flags.length < la + lb) flags = new Uint8Array((la + lb) * 2);
  const f = flags;
  f.fill(0, 0, la + lb);
  // f[0 … la-1]: matched in a; f[la … la+lb-1]: matched in b.
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = i - window > 0 ? i - window : 0;
    const hi = i + window < lb - 1 ? i + window : lb - 1;
    const ca = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (f[la + j] === 0 && b.charCodeAt(j) === ca) {
        f[i] = 1;
        f[la + j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (f[i] === 0) continue;
    while (f[la + k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  return (m / la + m / lb + (m - transpositions / 2) / m) / 3;
}

/**
 * Jaro-Winkler similarity of two strings, in [0, 1]; 1 means identical.
 * @example
 * jaroWinkler("MARTHA", "MARHTA").toFixed(3) //=> "0.961"
 */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j <= 0.7) return j;
  let prefix = 0;
  const max = Math.min(4, a.length, b.length);
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * 0.1 * (1 - j);
}
