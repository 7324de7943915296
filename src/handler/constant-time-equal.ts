/**
 * API key comparison without `node:crypto` (edge runtimes have none): both sides are hashed with
 * SHA-256 first, so the comparison always walks 32 bytes whatever the lengths, and the bytes are
 * compared with XOR/OR and no early exit. The time taken depends on the length of the presented
 * key only, never on how much of the configured key it matches.
 */
import { sha256 } from "@noble/hashes/sha2.js";

const encoder = new TextEncoder();

/**
 * SHA-256 digest of a string's UTF-8 bytes.
 * @example
 * digestOf("k").length //=> 32
 */
export function digestOf(value: string): Uint8Array {
  return sha256(encoder.encode(value));
}

/**
 * Whether two digests of equal length are equal, in time independent of where they differ.
 * @example
 * equalDigests(digestOf("a"), digestOf("a")) //=> true
 */
export function equalDigests(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

/**
 * Whether `presented` equals one of the configured keys (given as digests), comparing with every
 * key so that neither the position of the match nor a shared prefix shows in the timing.
 * @example
 * matchesAnyKey("secret", [digestOf("old"), digestOf("secret")]) //=> true
 */
export function matchesAnyKey(presented: string, keyDigests: readonly Uint8Array[]): boolean {
  const digest = digestOf(presented);
  let found = 0;
  for (const key of keyDigests) found |= equalDigests(digest, key) ? 1 : 0;
  return found === 1;
}
