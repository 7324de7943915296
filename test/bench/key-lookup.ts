/**
 * Keys-table lookup on the default lists (issue 8): the layouts `findKey` could use, timed on the
 * 1.57M unique key hashes of the shipped list-set snapshot (`npm run build` first), 2M lookups of
 * which half are present hashes and half random 32-bit values (a query key is often absent).
 * Prints ns per lookup and the memory each layout adds; the checksum must be the same for all.
 *
 *   npx tsx test/bench/key-lookup.ts
 *
 * Layouts: binary search over the sorted hashes (before issue 8); an open-addressing table of slot →
 * hash index with linear probing at load factors 0.37 and 0.75; a bucket directory over the sorted
 * hashes addressed by the top 20 or 21 bits (what `keyBuckets` builds: 2^20 here).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const bytes = readFileSync(join(import.meta.dirname, "../../lists/compiled/snapshot.bin"));
const headerLength = bytes.readUInt32LE(8);
const header = JSON.parse(bytes.subarray(12, 12 + headerLength).toString()) as {
  sections: { name: string; offset: number }[];
  index: { sections: { name: string; offset: number; length: number }[] };
};
const payload = Math.ceil((12 + headerLength) / 8) * 8;
const index = header.sections.find((s) => s.name === "index");
const section = header.index.sections.find((s) => s.name === "keyHashes");
if (index === undefined || section === undefined) throw new Error("snapshot.bin: no index keyHashes section");
const at = bytes.byteOffset + payload + index.offset + section.offset;
const hashes = new Uint32Array(bytes.buffer.slice(at, at + section.length * 4));
const n = hashes.length;

const Q = 2_000_000;
const queries = new Uint32Array(Q);
let seed = 12345;
const random = (): number => (seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0);
for (let i = 0; i < Q; i++) queries[i] = i % 2 ? (hashes[random() % n] as number) : random();

function binarySearch(hash: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = hashes[mid] as number;
    if (v < hash) lo = mid + 1;
    else if (v > hash) hi = mid - 1;
    else return mid;
  }
  return -1;
}

function openAddressing(size: number): (hash: number) => number {
  const slots = new Int32Array(size).fill(-1);
  const mask = size - 1;
  const shift = Math.clz32(size - 1);
  const first = (h: number): number => Math.imul(h, 0x9e3779b1) >>> shift;
  for (let k = 0; k < n; k++) {
    let s = first(hashes[k] as number);
    while (slots[s] !== -1) s = (s + 1) & mask;
    slots[s] = k;
  }
  return (hash) => {
    let s = first(hash);
    for (let k = slots[s] as number; k !== -1; k = slots[s] as number) {
      if (hashes[k] === hash) return k;
      s = (s + 1) & mask;
    }
    return -1;
  };
}

function directory(bits: number): (hash: number) => number {
  const buckets = new Int32Array((1 << bits) + 1);
  const shift = 32 - bits;
  let k = 0;
  for (let b = 0; b < 1 << bits; b++) {
    buckets[b] = k;
    while (k < n && (hashes[k] as number) >>> shift === b) k++;
  }
  buckets[1 << bits] = n;
  return (hash) => {
    const b = hash >>> shift;
    const end = buckets[b + 1] as number;
    for (let x = buckets[b] as number; x < end; x++) {
      const v = hashes[x] as number;
      if (v === hash) return x;
      if (v > hash) return -1;
    }
    return -1;
  };
}

const layouts: [string, (hash: number) => number, number][] = [
  ["binary search", binarySearch, 0],
  ["open addressing, 2^22 slots (load 0.37)", openAddressing(1 << 22), (1 << 22) * 4],
  ["open addressing, 2^21 slots (load 0.75)", openAddressing(1 << 21), (1 << 21) * 4],
  ["bucket directory, 2^20 buckets", directory(20), ((1 << 20) + 1) * 4],
  ["bucket directory, 2^21 buckets", directory(21), ((1 << 21) + 1) * 4],
];
console.log(`${n} unique key hashes, ${Q} lookups (half present)`);
for (let round = 0; round < 2; round++) {
  for (const [name, find, extra] of layouts) {
    let sum = 0;
    const t = performance.now();
    for (let i = 0; i < Q; i++) sum += find(queries[i] as number);
    const ns = ((performance.now() - t) * 1e6) / Q;
    // The first round warms up; the second is reported.
    if (round === 1) console.log(`${name}: ${ns.toFixed(1)} ns per lookup, +${(extra / 1e6).toFixed(1)} MB (checksum ${sum})`);
  }
}
