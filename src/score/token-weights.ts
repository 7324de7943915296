/**
 * Token weights by rarity across the indexed lists, so that no common token decides a match
 * ("CORP", "GROUP", "MOHAMMED", "VLADIMIR"). Rarity is an inverse document frequency over records
 * (a record with eleven aliases containing the same surname counts once), scaled so that a token
 * in at most `fullWeightRecordCount` records weighs 1, floored at `minRarity`, then multiplied by
 * the token class factor (generic words, particles, stop words and initials weigh less).
 */
import type { TokenClass } from "../normalize";
import type { NameAlgorithm } from "./algorithm";

/**
 * Rarity of a token found in `df` of `records` records, in [minRarity, 1]; unknown tokens (df 0) weigh 1.
 * @example
 * rarityWeight(1, 20000, NAMES_V2) //=> 1
 */
export function rarityWeight(df: number, records: number, alg: NameAlgorithm): number {
  if (df <= alg.fullWeightRecordCount) return 1;
  const n = Math.max(records, alg.minCorpusSize);
  const r = Math.log(n / df) / Math.log(n / alg.fullWeightRecordCount);
  return Math.min(1, Math.max(alg.minRarity, r ** alg.rarityExponent));
}

/**
 * Weight of a token of a class with a given rarity; legal forms and honorifics are not weighed (0).
 * @example
 * classWeight("generic", 1, NAMES_V2) //=> 0.35
 */
export function classWeight(cls: TokenClass, rarity: number, alg: NameAlgorithm): number {
  switch (cls) {
    case "legal":
    case "honorific":
      return 0;
    case "initial":
      return alg.classFactors.initial;
    default:
      return alg.classFactors[cls] * rarity;
  }
}
