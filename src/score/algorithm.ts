/**
 * The name-matching algorithm's identity and parameters. Any change to a value here changes scores,
 * so it changes the version in `id` (and is a minor release at least: see STYLE.md).
 */

/** Per-class factors applied to a token's rarity weight. */
export interface ClassFactors {
  readonly word: number;
  readonly number: number;
  readonly generic: number;
  readonly particle: number;
  readonly stop: number;
  readonly initial: number;
}

/** Parameters of the `names` algorithm. */
export interface NameAlgorithm {
  /** Stable id and version, reported with every hit. */
  readonly id: string;
  /** Token pairs less similar than this are not aligned at all. */
  readonly tokenFloor: number;
  /** Similarity of an initial and a word starting with that letter ("J" ~ "JOHN"). */
  readonly initialSimilarity: number;
  /**
   * Same-skeleton Latin tokens: the similarity is moved towards 1 by this much per skeleton
   * consonant beyond the first, within [phoneticBoostMin, phoneticBoostMax] — nine equal consonants
   * (FARMKONTRACT/PHARMCONTRACT) say more than three (HASAN/HUSSEIN).
   */
  readonly phoneticBoost: number;
  readonly phoneticBoostMin: number;
  readonly phoneticBoostMax: number;
  /** Abjad tokens are compared by consonant skeleton, scaled by this factor (skeletons lose vowels). */
  readonly abjadFactor: number;
  /** Tokens at least this long also match through one deleted character on either side. */
  readonly minDeletionLength: number;
  /** Skeletons at least this long gate comparison of otherwise unrelated spellings. */
  readonly minSkeletonLength: number;
  /** Abjad skeletons at least this long also match through one deleted consonant. */
  readonly minSkeletonDeletionLength: number;
  /** Weight multiplier of an unmatched query token (extra words in the query count fully). */
  readonly unmatchedQueryWeight: number;
  /** Weight multiplier of an unmatched list token (list names are often longer than queries). */
  readonly unmatchedCandidateWeight: number;
  readonly classFactors: ClassFactors;
  /** Rarity: a token in at most this many records weighs 1. */
  readonly fullWeightRecordCount: number;
  /** Rarity is raised to this power: above 1, rare tokens dominate more. */
  readonly rarityExponent: number;
  /** Rarity floor, so that no token weighs nothing. */
  readonly minRarity: number;
  /** Corpus size below which rarity is computed as if the corpus had this many records (tiny custom lists). */
  readonly minCorpusSize: number;
  /** Penalty for a match on a weak alias (OFAC weak a.k.a., UN low-quality alias). */
  readonly weakAliasPenalty: number;
  /** Penalty when both names carry legal forms of different families. */
  readonly legalFormMismatchPenalty: number;
}

/**
 * `names-v1`: one-to-one token alignment with Jaro-Winkler, rarity weights and unmatched-token
 * penalties (see name-score.ts for the formula).
 * @example
 * NAMES_V1.id //=> "names-v1"
 */
export const NAMES_V1: NameAlgorithm = Object.freeze({
  id: "names-v1",
  tokenFloor: 0.84,
  initialSimilarity: 0.9,
  phoneticBoost: 0.1,
  phoneticBoostMin: 0.2,
  phoneticBoostMax: 0.7,
  abjadFactor: 0.95,
  minDeletionLength: 3,
  minSkeletonLength: 3,
  minSkeletonDeletionLength: 4,
  unmatchedQueryWeight: 0.8,
  unmatchedCandidateWeight: 0.15,
  classFactors: Object.freeze({ word: 1, number: 1, generic: 0.35, particle: 0.35, stop: 0.1, initial: 0.3 }),
  fullWeightRecordCount: 2,
  rarityExponent: 1,
  minRarity: 0.05,
  minCorpusSize: 1000,
  weakAliasPenalty: 0.08,
  legalFormMismatchPenalty: 0.03,
});
