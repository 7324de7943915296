import type { EditCosts } from "./token-distance";

/**
 * The name-matching algorithm's identity and parameters. Any change to a value here changes scores,
 * so it changes the version in `id` (and is a minor release at least: see STYLE.md).
 */

/** Per-class factors applied to a token's rarity weight. */
export interface ClassFactors {
  readonly word: number;
  readonly number: number;
  readonly generic: number;
  readonly place: number;
  readonly particle: number;
  readonly stop: number;
  readonly initial: number;
}

/**
 * Parameters of the `names` algorithm.
 * @example
 * const tuned: NameAlgorithm = { ...NAMES_V2, id: "names-v2-tuned", weakAliasPenalty: 0.1 };
 * createScreener({ lists, algorithm: tuned }).algorithm //=> "names-v2-tuned"
 */
export interface NameAlgorithm extends EditCosts {
  /** Stable id and version, reported with every hit. */
  readonly id: string;
  /** Token pairs less similar than this are not aligned at all (but see `shortWordFloor`). */
  readonly tokenFloor: number;
  /**
   * The floor instead of `tokenFloor` for two Latin spellings of at most `shortWordLength` letters
   * (fifteenth session: 0.6 and 4). One letter changed in or dropped from a four-letter word
   * (JZNG/JONG, JOG/JONG: 1 − 1/2.5) is then a weak pair — beside exact words a review, never an alert
   * alone — since such a word is another name as often as a typo. Not for longer words: a floor of
   * 0.6 everywhere put 123k pairs more into the default lists' neighbour table, 103k of them between
   * longer words (same consonants, other vowels; two edits in eight letters), and cost 6–11 % at the
   * p50 against 3–5 % for four-letter words only, for the same dev result.
   */
  readonly shortWordFloor: number;
  readonly shortWordLength: number;
  /** Similarity of an initial and a word starting with that letter ("J" ~ "JOHN"). */
  readonly initialSimilarity: number;
  /** Share of the weight difference between an initial and the word it stands for that counts against a match. */
  readonly initialGap: number;
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
  /** Similarity of two tokens equal by a symbol table (nickname, descriptor word in another language, number word). */
  readonly symbolSimilarity: number;
  /** Weighted distance added when two spellings agree only in their canonical transliteration form. */
  readonly translitCost: number;
  /**
   * Weighted distance of a word and its English plural (`isPluralOf` in token-similarity.ts: -S
   * after a final E, -ES after a sibilant, -IES for -Y; the singular of four letters or more) when
   * the two are within the edit budget: BRIGADES/BRIGADE, LOTTERIES/LOTTERY.
   */
  readonly pluralCost: number;
  /** Alignment cost of reading a glued query word as two or three list words. */
  readonly splitPenalty: number;
  /**
   * Token similarity is 1 − distance / (longer length − lengthShift): edits in short words cost more.
   * 1.5 (2 before the fourteenth session): a letter typed in or dropped from a five-letter word is
   * 0.71 (AVDIB ~ ADIB beside exact words: clear → alert), a consonant changed in a four-letter one
   * 0.6, a weak pair (see `shortWordFloor`). Measured on the dev set: +51 right alerts, no wrong one
   * more, two unrelated names more reviewed; 1 (+84 right alerts) passed 4 % of near-negative companies.
   */
  readonly lengthShift: number;
  /** Skeletons at least this long gate comparison of otherwise unrelated spellings. */
  readonly minSkeletonLength: number;
  /** Abjad skeletons at least this long also match through one deleted consonant. */
  readonly minSkeletonDeletionLength: number;
  /** Weight multiplier of an unmatched query token (extra words in the query count fully). */
  readonly unmatchedQueryWeight: number;
  /** The same against a person's (or untyped) list name: callers add middle names and second surnames. */
  readonly unmatchedQueryWeightPerson: number;
  /**
   * The same when every word of a person's list name is matched, by two or more pairs weighing
   * `coveredEvidence` or more: the whole listed name is in the query ("PAANANEN, Kai Lauri
   * Johannes" ~ "PAANANEN, Kai").
   */
  readonly unmatchedQueryWeightCovered: number;
  /** The same for an organisation's list name ("KISH INTERNATIONAL BANK OFFSHORE COMPANY" ~ "KISH INTERNATIONAL BANK"). */
  readonly unmatchedQueryWeightCoveredOrg: number;
  /** A list name counts as covered only when its matched words weigh at least this (not generic words alone). */
  readonly coveredEvidence: number;
  /** Extra multiplier of an unmatched query place word (a country or city a caller adds). */
  readonly unmatchedPlaceFactor: number;
  /**
   * A one-word query whose word weighs less than this (a word held by many listed names — BANK,
   * ALI, MUHAMMAD: about 130 of 21,000 records at 0.55 — or a descriptor, whose class factor keeps it
   * lower) scores at most `commonSingleCap` against a list name of more words: it names no one alone.
   */
  readonly commonSingleWeight: number;
  /** See `commonSingleWeight`: no profile's alert (a review at the balanced and broad profiles' thresholds). */
  readonly commonSingleCap: number;
  /**
   * Extra multiplier of an unmatched query patronymic (an East Slavic one the tables know:
   * GRIGORYEVICH, LEONIDOVNA) against a person's list name matched whole: lists often omit the
   * father's name ("Alexander Grigoryevich Lukashenko" ~ "Alexander LUKASHENKO"). Not when a list
   * word is left unmatched (it may be another patronymic: a contradicted one costs in full).
   */
  readonly unmatchedPatronymicFactor: number;
  /**
   * Extra multiplier of an unmatched query generic word ("GENERAL TRADING", "ENGINEERING CENTER"), or
   * descriptor word of the tables in another language (KOMBINAT), when a distinctive word of an
   * organisation's list name is matched exactly (`UNIT_ROLE` in name-units.ts): a made-up name
   * matched letter for letter is not contradicted by a descriptor.
   */
  readonly genericAfterDistinctive: number;
  /**
   * Extra multiplier of an unmatched query word that repeats a matched word of the same query
   * ("STATE FERRY ENTERPRISE KERCH FERRY": the second FERRY adds nothing the list name lacks), against
   * an organisation's list name.
   */
  readonly repeatedWordFactor: number;
  /**
   * The place discount applies only once the matched words weigh this much: a place beside one
   * common word ("Tokyo Gas" ~ OOO GAS, GAS weighing 0.70) is no smaller a difference than any word.
   */
  readonly placeEvidence: number;
  /**
   * Organisation (and vessel) names only: once the chosen pairs weigh more than
   * `evidenceDiscountFrom` — more than one distinctive word matched — the unmatched words on both
   * sides cost less, by `evidenceDiscountRate` per unit of matched weight beyond it, down to
   * `evidenceDiscountMin` of their cost. Lists describe one body in words that differ from list to
   * list (legal descriptions, sectors, sub-units: "PAKAT SAZI SHAFAGH KASHI SEPAHAN" ~ "SEPAHAN
   * TILE PAKAT-SAZI SHAFAGH"); four shared rare words say more than the fifth that differs.
   */
  readonly evidenceDiscountFrom: number;
  readonly evidenceDiscountRate: number;
  readonly evidenceDiscountMin: number;
  /** Weight multiplier of an unmatched list token (list names are often longer than queries). */
  readonly unmatchedCandidateWeight: number;
  /** The same when the query has a single word: one matching word of a longer list name is thin evidence. */
  readonly unmatchedCandidateWeightSingle: number;
  /** The same for an organisation's (or vessel's) list name: its words are not optional like a middle name. */
  readonly unmatchedCandidateWeightOrg: number;
  /**
   * The same when the query is one word matching a distinctive word of an organisation's list name
   * exactly (see UNIT_ROLE): a brand written alone ("JONHON" ~ "AVIC JONHON OPTRONIC TECHNOLOGY").
   */
  readonly unmatchedCandidateWeightAnchor: number;
  /**
   * A one-word query matching one list word approximately loses `singleFuzzyPenalty` × (1 −
   * similarity) when the word has at most `singleFuzzyMaxLength` letters (short brands one letter
   * apart are different companies).
   */
  readonly singleFuzzyPenalty: number;
  readonly singleFuzzyMaxLength: number;
  /** Glued units without a particle (two query words against one list word, or the reverse) pair only at this similarity or above. */
  readonly gluedFloor: number;
  /** Similarity of an organisation's initials and its full name (IRGC ~ ISLAMIC REVOLUTIONARY GUARD CORPS). */
  readonly acronymSimilarity: number;
  /**
   * Similarity of a word and the initials of a run of an organisation's words, legal-form words
   * included (SDB ~ SPECIAL DESIGN BUREAU in "JSC TURBINA SDB"), when another word of the query, not a
   * generic word, is matched exactly ("OKB TEMP" ~ "… OPYTNO KONSTRUKTORSKOYE BYURO TEMP", "ISIL-LIBYA").
   */
  readonly runAcronymSimilarity: number;
  /**
   * A Russian -SK- adjective and its noun in an organisation's name (KALUZHSKIY TURBINNYY ZAVOD ~
   * KALUGA TURBINE PLANT, MINSKII ~ MINSK: see token-symbols.ts `isAdjectiveOf`); never in a
   * person's (KOVALSKY is not KOVAL).
   */
  readonly adjectiveSimilarity: number;
  /**
   * The same when no other word of the query is matched exactly ("PMI GROUP", GROUP a generic word):
   * below every profile's review threshold (broad reviews from 0.72), so initials alone are never a
   * hit. At most `runAcronymSimilarity` (the index bounds a pair with the larger).
   */
  readonly runAcronymAloneSimilarity: number;
  /** Similarity of a nickname and the given name it stands for (BILL ~ WILLIAM). */
  readonly nicknameSimilarity: number;
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
  /**
   * Penalty when both names keep a number the other does not match ("704TH RESEARCH INSTITUTE" vs
   * "750TH …", "BRIGADE 12" vs "BRIGADE 13"): a number is an identifier, a different one is evidence
   * against, not just a word left over.
   */
  readonly numberMismatchPenalty: number;
}

/**
 * `names-v2`: transliteration-canonical tokens compared by a weighted edit distance within a
 * length-dependent budget (token-similarity.ts), one-to-one token alignment with rarity weights and
 * unmatched-token penalties (name-score.ts). Values chosen on the dev set (test/eval/RESULTS.md).
 * @example
 * NAMES_V2.id //=> "names-v2"
 */
export const NAMES_V2: NameAlgorithm = Object.freeze({
  id: "names-v2",
  tokenFloor: 0.7,
  shortWordFloor: 0.6,
  shortWordLength: 4,
  initialSimilarity: 0.9,
  initialGap: 0.2,
  symbolSimilarity: 0.95,
  phoneticBoost: 0.1,
  phoneticBoostMin: 0.2,
  phoneticBoostMax: 0.7,
  abjadFactor: 0.95,
  confusableCost: 0.5,
  vowelCost: 0.5,
  vowelIndelCost: 0.7,
  doubleCost: 0.2,
  hCost: 0.3,
  transpositionCost: 0.6,
  translitCost: 0.3,
  pluralCost: 0.3,
  lengthShift: 1.5,
  splitPenalty: 0.01,
  minSkeletonLength: 3,
  minSkeletonDeletionLength: 4,
  unmatchedQueryWeight: 0.8,
  unmatchedQueryWeightPerson: 0.5,
  unmatchedQueryWeightCovered: 0.25,
  unmatchedQueryWeightCoveredOrg: 0.25,
  coveredEvidence: 1,
  unmatchedPlaceFactor: 0.3,
  unmatchedPatronymicFactor: 0.5,
  commonSingleWeight: 0.55,
  commonSingleCap: 0.8,
  genericAfterDistinctive: 0.3,
  repeatedWordFactor: 0.25,
  placeEvidence: 0.8,
  evidenceDiscountFrom: 1.5,
  evidenceDiscountRate: 0.4,
  evidenceDiscountMin: 0.3,
  unmatchedCandidateWeight: 0.15,
  unmatchedCandidateWeightSingle: 0.15,
  unmatchedCandidateWeightOrg: 0.3,
  unmatchedCandidateWeightAnchor: 0.15,
  gluedFloor: 0.9,
  singleFuzzyPenalty: 1,
  singleFuzzyMaxLength: 8,
  nicknameSimilarity: 0.85,
  acronymSimilarity: 0.85,
  runAcronymSimilarity: 0.8,
  adjectiveSimilarity: 0.9,
  runAcronymAloneSimilarity: 0.7,
  classFactors: Object.freeze({ word: 1, number: 1, generic: 0.35, place: 0.35, particle: 0.35, stop: 0.1, initial: 0.3 }),
  fullWeightRecordCount: 2,
  rarityExponent: 1,
  minRarity: 0.05,
  minCorpusSize: 1000,
  weakAliasPenalty: 0.08,
  legalFormMismatchPenalty: 0.03,
  numberMismatchPenalty: 0.1,
});
