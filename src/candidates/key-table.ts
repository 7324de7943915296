/**
 * A compact multimap from 32-bit key hashes to vocabulary ids, stored as four typed arrays
 * (sorted unique hashes, offsets, ids, and a bucket directory over the hashes) so that it
 * serialises as-is and loads without rebuilding or checking more than its directory.
 * Hash collisions only add candidates: every candidate is verified with the exact comparison
 * predicate afterwards, so they never change results.
 *
 * Lookup (issue 8) is O(1): the hashes are FNV-1a values, already spread uniformly, so their top
 * `b` bits address a bucket directory (`buckets`, 2^b + 1 starts into the sorted hashes, at most
 * about two hashes per bucket) and a lookup reads one directory entry and scans its few adjacent
 * hashes — a hash table whose chains lie in the sorted array itself. Measured on the default
 * lists' 1.57M hashes against alternatives (2M lookups, half absent, `test/bench/key-lookup.ts`,
 * four runs on the shared machine): binary search 205–212 ns, this directory (2^20 buckets, 4.2 MB)
 * 102–146 ns, an open-addressing table of slot → hash index 153–183 ns at load factor 0.37 (16.8 MB)
 * and 195–279 ns at 0.75 (8.4 MB): every probe there is a second random read, so the directory is
 * both the fastest and the smallest.
 */

/** The packed key table. */
export interface KeyTable {
  /** Sorted unique key hashes. */
  readonly hashes: Uint32Array;
  /** `ids[starts[k] … starts[k+1]-1]` are the vocabulary ids under `hashes[k]`. */
  readonly starts: Int32Array;
  readonly ids: Int32Array;
  /**
   * Bucket directory (see {@link keyBuckets}): 2^b + 1 entries; `hashes[buckets[d] … buckets[d+1]-1]`
   * are the hashes whose top b bits are d.
   */
  readonly buckets: Int32Array;
}

/**
 * FNV-1a 32-bit hash of a key family character and a string.
 * @example
 * hashKey("D", "ABC") === hashKey("D", "ABC") //=> true
 */
export function hashKey(family: string, s: string): number {
  let h = 0x811c9dc5;
  h ^= family.charCodeAt(0);
  h = Math.imul(h, 0x01000193);
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Calls `fn` with the hash of `family` + each distinct one-deletion variant of `token` (and of the
 * token itself), without building the strings: same hashes as `hashKey(family, variant)`. Tokens
 * shorter than `minLength` yield only their own hash.
 * @example
 * forEachDeletionHash("D", "ABC", 3, (h) => hashes.push(h)) // hashes of ABC, BC, AC, AB
 */
export function forEachDeletionHash(family: string, token: string, minLength: number, fn: (hash: number) => void): void {
  fn(hashKey(family, token));
  const n = token.length;
  if (n < minLength) return;
  let base = 0x811c9dc5;
  base ^= family.charCodeAt(0);
  base = Math.imul(base, 0x01000193);
  for (let skip = 0; skip < n; skip++) {
    // Deleting either of two equal adjacent characters gives the same string: hash it once.
    if (skip > 0 && token.charCodeAt(skip) === token.charCodeAt(skip - 1)) continue;
    let h = base;
    for (let i = 0; i < n; i++) {
      if (i === skip) continue;
      h ^= token.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    fn(h >>> 0);
  }
}

/**
 * Calls `fn` once with the hash of `family` + each distinct string obtained from `token` by deleting
 * at most `deletions` characters (the token itself included).
 * @example
 * forEachDeletionVariantHash("C", "ABC", 1, (h) => hashes.push(h)) // hashes of ABC, BC, AC, AB
 */
export function forEachDeletionVariantHash(family: string, token: string, deletions: number, fn: (hash: number) => void): void {
  if (deletions <= 1) {
    forEachDeletionHash(family, token, deletions === 1 ? 0 : Number.MAX_SAFE_INTEGER, fn);
    return;
  }
  const seen = new Set<string>([token]);
  let level = [token];
  for (let d = 0; d < deletions; d++) {
    const next: string[] = [];
    for (const s of level) {
      for (let i = 0; i < s.length; i++) {
        if (i > 0 && s.charCodeAt(i) === s.charCodeAt(i - 1)) continue;
        const v = s.slice(0, i) + s.slice(i + 1);
        if (seen.has(v)) continue;
        seen.add(v);
        next.push(v);
      }
    }
    level = next;
  }
  for (const s of seen) fn(hashKey(family, s));
}

/**
 * Growable (hash, id) pair buffer used while building, packed into a {@link KeyTable}.
 * @example
 * const pairs = new KeyPairs(); pairs.push(hashKey("D", "ABC"), 0); pairs.pack().ids //=> Int32Array [0]
 */
export class KeyPairs {
  private hashes = new Uint32Array(1 << 16);
  private ids = new Int32Array(1 << 16);
  length = 0;

  /** Appends one pair. */
  push(hash: number, id: number): void {
    if (this.length === this.hashes.length) {
      const h = new Uint32Array(this.length * 2);
      h.set(this.hashes);
      this.hashes = h;
      const i = new Int32Array(this.length * 2);
      i.set(this.ids);
      this.ids = i;
    }
    this.hashes[this.length] = hash;
    this.ids[this.length] = id;
    this.length++;
  }

  /**
   * Sorts the pairs by hash (LSD radix sort, two 16-bit passes, stable) and packs them.
   * Pairs must have been pushed in ascending id order (stability then keeps ids sorted within a
   * hash), so duplicate (hash, id) pairs are adjacent and kept once.
   */
  pack(): KeyTable {
    const n = this.length;
    let h = this.hashes.subarray(0, n);
    let ids = this.ids.subarray(0, n);
    let h2 = new Uint32Array(n);
    let ids2 = new Int32Array(n);
    const count = new Int32Array(65537);
    for (const shift of [0, 16]) {
      count.fill(0);
      for (let i = 0; i < n; i++) {
        const b = (((h[i] as number) >>> shift) & 0xffff) + 1;
        count[b] = (count[b] as number) + 1;
      }
      for (let b = 0; b < 65536; b++) count[b + 1] = (count[b + 1] as number) + (count[b] as number);
      for (let i = 0; i < n; i++) {
        const b = ((h[i] as number) >>> shift) & 0xffff;
        const at = count[b] as number;
        count[b] = at + 1;
        h2[at] = h[i] as number;
        ids2[at] = ids[i] as number;
      }
      [h, h2] = [h2, h];
      [ids, ids2] = [ids2, ids];
    }
    const hashes: number[] = [];
    const starts: number[] = [];
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const hv = h[i] as number;
      const id = ids[i] as number;
      if (hashes.length === 0 || hashes[hashes.length - 1] !== hv) {
        hashes.push(hv);
        starts.push(out.length);
        out.push(id);
      } else if (out[out.length - 1] !== id) {
        out.push(id);
      }
    }
    starts.push(out.length);
    const unique = Uint32Array.from(hashes);
    return { hashes: unique, starts: Int32Array.from(starts), ids: Int32Array.from(out), buckets: keyBuckets(unique) };
  }
}

/**
 * The bucket directory over sorted unique hashes ({@link KeyTable.buckets}): 2^b buckets, b the
 * smallest width with at most four hashes per bucket on average (a lookup scans about two). At most
 * two per bucket doubled the directory (4.2 MB of the default index, read whole at start) for 1.5–3 %
 * of a screen's median CPU time (interleaved A/B over 2,451 dev queries).
 * Built once by the index build and stored in a prebuilt index, so that loading does no work for
 * it; a stored directory of any width is read as it is.
 * @example
 * keyBuckets(Uint32Array.of(7, 0x80000000)) //=> Int32Array [0, 1, 2]
 */
export function keyBuckets(hashes: Uint32Array): Int32Array {
  let bits = 1;
  while (bits < 30 && 2 ** bits * 4 < hashes.length) bits++;
  const count = 2 ** bits;
  const shift = 32 - bits;
  const buckets = new Int32Array(count + 1);
  let k = 0;
  for (let d = 0; d < count; d++) {
    buckets[d] = k;
    while (k < hashes.length && (hashes[k] as number) >>> shift === d) k++;
  }
  buckets[count] = hashes.length;
  return buckets;
}

/**
 * Whether a stored bucket directory can be the one of `table.hashes`: 2^b + 1 entries, starting at
 * 0, ending at the hash count and never decreasing, and up to 256 hashes spread over the table
 * found at their own index by {@link findKey} (a directory of another width, or over other hashes,
 * passes the structure but misplaces them). A damaged directory is refused, never searched: a lost
 * key would lose candidates silently.
 * @example
 * keyBucketsFit(table) //=> true
 */
export function keyBucketsFit(table: KeyTable): boolean {
  const { buckets, hashes } = table;
  const count = buckets.length - 1;
  if (count < 2 || (count & (count - 1)) !== 0 || buckets[0] !== 0 || buckets[count] !== hashes.length) return false;
  for (let d = 0; d < count; d++) if ((buckets[d] as number) > (buckets[d + 1] as number)) return false;
  const step = Math.max(1, Math.floor(hashes.length / 256));
  for (let k = 0; k < hashes.length; k += step) if (findKey(table, hashes[k] as number) !== k) return false;
  return true;
}

/**
 * Index of a hash in the table, or -1.
 * @example
 * findKey(table, hashKey("D", "ABC")) //=> 17
 */
export function findKey(table: KeyTable, hash: number): number {
  const { buckets, hashes } = table;
  // 2^b buckets: the top b bits of the hash (clz32(2^b) = 31 - b).
  const d = hash >>> (1 + Math.clz32(buckets.length - 1));
  const end = buckets[d + 1] as number;
  for (let k = buckets[d] as number; k < end; k++) {
    const v = hashes[k] as number;
    if (v === hash) return k;
    if (v > hash) return -1;
  }
  return -1;
}
