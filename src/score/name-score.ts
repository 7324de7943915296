/**
 * Feature `name.fuzzy`: one-to-one alignment of two names' units and the name score.
 *
 * Alignment is greedy and deterministic: comparable unit pairs are taken in order as long as none
 * of the core tokens they cover is already used, so no query token is used twice and word order
 * does not matter ("MADURO MOROS, Nicolas" ~ "Nicolas Maduro"). Which pairs may be formed
 * ({@link pairAllowed}): a glued unit never pairs by skeleton alone (glued strings are long, so a
 * shared skeleton means little) and, unless it glues a particle, only at `gluedFloor` or above; two
 * glued units pair only when both glue two or more tokens and one glues a particle ("xal-Assad" ~
 * "al-Assad"); an acronym unit pairs only with one word; an
 * initial stands for a word only in a person's (or untyped) list name. Up to three orders are tried
 * and the best score kept:
 *   1. by similarity (highest first), then pairs consuming fewer tokens, heavier pairs, lower indices;
 *   2. pairs involving a glued unit first (by similarity, then more tokens consumed), then as in 1;
 *   3. only when a glued pair covers more tokens than the most similar glued pair: glued pairs by
 *      tokens consumed first, then as in 1 (ADB+AL+HAMID ~ ABD+AL+HAMID, one transposition, would
 *      otherwise lose to the exact AL+HAMID ~ AL+HAMID and leave ADB and ABD over).
 *
 * With `w(u)` the unit weight (token rarity × class factor) and a chosen pair weighing
 * `min(w(query unit), w(list unit))` — so a common token on either side counts as common:
 *
 *   score = Σ sim·w(pair) / (Σ d(pair) + α·Σ w(unmatched query token) + β·Σ w(unmatched list token))
 *
 * where d(pair) = w(pair), except for a pair involving an initial, where d(pair) adds
 * `initialGap` × the difference of both unit weights: an initial says little about the word it
 * stands for, so "J Smith" is only a review against "SMITH, John", and "A. G. Lukashenko" one
 * against "LUKASHENKO, Alexander Grigoryevich". (Organisation names have no initials: their single letters are
 * words and match only themselves, so "B S COMPANY" never matches "Belvneshpromservis".)
 *
 * α makes every extra query word evidence against: 0.8 (`unmatchedQueryWeight`) against an
 * organisation's name, 0.5 against a person's (callers add middle names and second surnames), 0.25
 * when the whole listed name is matched by two or more pairs weighing `coveredEvidence` or more (the
 * listed name is in the query); a place word the caller adds costs `unmatchedPlaceFactor` of that,
 * unless the list name has an unmatched place of its own or the matched words weigh less than
 * `placeEvidence`; a generic (descriptor) word the caller adds — or a descriptor or sector word of
 * the tables in another language (KOMBINAT, KEJI) — costs `genericAfterDistinctive` of that once a
 * distinctive word of an organisation's list name (`UNIT_ROLE`: five letters or more, not an
 * everyday English word) is matched exactly: "BENEATHCO GENERAL TRADING DMCC" ~ "BENEATHCO DMCC",
 * not "Arrow Electronics" ~ "STAR ARROW"; a word the query repeats, matched once, costs
 * `repeatedWordFactor` of that. β makes extra list words evidence against:
 * 0.15 for a person's name (extra given names, patronymics) and whenever the whole query is matched
 * (two or more pairs, `coveredEvidence`), 0.3 for an organisation's, at least 0.15 for a one-word query.
 * A one-word query whose only pair is a fuzzy match of a short word loses `singleFuzzyPenalty` ×
 * (1 − similarity); two names that each keep a number the other does not match (two different
 * numbers: 704TH / 750TH) lose `numberMismatchPenalty`. Against an organisation's name, α and β are
 * multiplied by {@link evidenceDiscount} of the chosen pairs' weight: once more than one distinctive
 * word is matched, the words that differ count less. The score is in [0, 1]. (All chosen on the dev set: test/eval/RESULTS.md.)
 *
 * Bound used by the candidate index: any alignment in which no pair covers a query token of a set
 * P scores at most W(¬P) / (W(¬P) + α·W(P)), with α the smallest this list name can get (the
 * covered α only when W(¬P) ≥ `coveredEvidence`, times the evidence discount at W(¬P): pairs weigh
 * at most the query words they use; place and generic words counted at their discounted cost), where W sums query core-token weights (the numerator
 * N is at most the pairs' denominator share D and at most W(¬P) — a pair weighs at most its query
 * unit, a glued query unit at most the sum of the tokens it covers — and N/(D+U) ≤ N/(N+U)).
 */
import type { NameAlgorithm } from "./algorithm";
import { UNIT_ROLE, type MatchUnit, type NameUnits, type UnitTable } from "./name-units";
import { comparableHow, similarityFor, type MatchHow } from "./token-similarity";

/** A comparable pair of units (indices into the two names' units). */
export interface UnitPair {
  readonly q: number;
  readonly c: number;
  readonly sim: number;
}

/** The alignment of two names and its score. */
export interface NameAlignment {
  readonly score: number;
  /** Chosen pairs, in the order they were chosen. */
  readonly pairs: readonly UnitPair[];
  /** Core-token indices of the query left unmatched. */
  readonly unmatchedQuery: readonly number[];
  /** Core-token indices of the list name left unmatched. */
  readonly unmatchedCandidate: readonly number[];
}

/** What {@link pairAllowed} needs to know about a unit. */
export interface PairSide {
  readonly glued: boolean;
  readonly coverLen: number;
  readonly particle: boolean;
}

/**
 * Whether a comparable query unit and list unit may be paired (rules in the module header).
 * @example
 * pairAllowed("phonetic", { glued: true, coverLen: 2, particle: false }, { glued: false, coverLen: 1, particle: false }, true) //=> false
 */
export function pairAllowed(how: MatchHow, q: PairSide, c: PairSide, candidatePersonal: boolean): boolean {
  return pairAllowedFlat(how, q.glued, q.coverLen, q.particle, c.glued, c.coverLen, c.particle, candidatePersonal);
}

/**
 * {@link pairAllowed} with the unit facts as arguments (no allocation in the index's hot loop).
 * @example
 * pairAllowedFlat("exact", false, 1, false, false, 1, false, true) //=> true
 */
export function pairAllowedFlat(
  how: MatchHow,
  qGlued: boolean,
  qCover: number,
  qParticle: boolean,
  cGlued: boolean,
  cCover: number,
  cParticle: boolean,
  candidatePersonal: boolean,
): boolean {
  if (how === "initial" && (!candidatePersonal || qGlued || cGlued)) return false;
  // A place's or a thing's adjective names an organisation after it; a person's surname in -SKY is
  // another name than the word it comes from (KOVALSKY, KOVAL).
  if (how === "adjective" && candidatePersonal) return false;
  // An acronym unit (glued over every word) pairs with one word, never with another glued unit.
  if (how === "acronym") return !(qGlued && cGlued);
  if (!qGlued && !cGlued) return true;
  if (how === "phonetic") return false;
  if (qGlued && cGlued) return qCover >= 2 && cCover >= 2 && (qParticle || cParticle);
  return true;
}

/**
 * Whether an allowed pair is similar enough to keep: a glued unit without a particle on either
 * side pairs only at `gluedFloor` or above (LEE+TERRY is not LOTTERY); acronyms have their own
 * similarity.
 * @example
 * keepsPair("fuzzy", 0.89, true, false, false, false, NAMES_V2) //=> false
 */
export function keepsPair(how: MatchHow, sim: number, qGlued: boolean, qParticle: boolean, cGlued: boolean, cParticle: boolean, alg: NameAlgorithm): boolean {
  if (sim <= 0) return false;
  return sim >= alg.gluedFloor || how === "acronym" || (!qGlued && !cGlued) || qParticle || cParticle;
}

/**
 * Every allowed comparable unit pair of two names with its similarity (the brute-force way; the
 * candidate index produces the same pairs from its caches).
 * @example
 * comparablePairs(q, c, NAMES_V2).length //=> 2
 */
export function comparablePairs(q: NameUnits, c: NameUnits, alg: NameAlgorithm): UnitPair[] {
  const out: UnitPair[] = [];
  for (let i = 0; i < q.units.length; i++) {
    const qu = q.units[i];
    if (qu === undefined) continue;
    for (let j = 0; j < c.units.length; j++) {
      const cu = c.units[j];
      if (cu === undefined) continue;
      const how = comparableHow(qu, cu, alg);
      if (how === undefined || !pairAllowed(how, qu, cu, c.personal)) continue;
      const sim = similarityFor(how, qu, cu, alg);
      if (keepsPair(how, sim, qu.glued, qu.particle, cu.glued, cu.particle, alg)) out.push({ q: i, c: j, sim });
    }
  }
  return out;
}

/**
 * α for a list name: extra query words cost less against a person's name (callers add middle
 * names, patronymics and second surnames the list omits) than against an organisation's.
 * @example
 * unmatchedQueryFactor({ personal: 1 } as UnitTable, NAMES_V2) //=> NAMES_V2.unmatchedQueryWeightPerson
 */
export function unmatchedQueryFactor(c: Pick<UnitTable, "personal">, alg: NameAlgorithm): number {
  return c.personal === 1 ? alg.unmatchedQueryWeightPerson : alg.unmatchedQueryWeight;
}

/**
 * β for a pair of names: a one-word query against a longer list name says little (a surname alone,
 * one word of a company name), so the list's unmatched words cost more then.
 * @example
 * unmatchedCandidateFactor({ coreCount: 1 } as UnitTable, { coreCount: 2, personal: 1 } as UnitTable, NAMES_V2) //=> NAMES_V2.unmatchedCandidateWeightSingle
 */
export function unmatchedCandidateFactor(q: Pick<UnitTable, "coreCount">, c: Pick<UnitTable, "coreCount" | "personal">, alg: NameAlgorithm): number {
  const base = c.personal === 1 ? alg.unmatchedCandidateWeight : alg.unmatchedCandidateWeightOrg;
  return q.coreCount === 1 && c.coreCount > 1 ? Math.max(base, alg.unmatchedCandidateWeightSingle) : base;
}

/**
 * The factor on the unmatched words' cost of an alignment whose chosen pairs weigh `evidence`
 * against a list name (`personal` 1 for a person's or untyped name, which is never discounted): 1
 * up to `evidenceDiscountFrom`, then lower by `evidenceDiscountRate` per unit, at least
 * `evidenceDiscountMin`. Non-increasing in `evidence`, so the index bounds it with the most
 * weight a name's pairs could have.
 * @example
 * evidenceDiscount(2.5, 0, NAMES_V2) //=> 0.6
 * evidenceDiscount(3, 1, NAMES_V2) //=> 1
 */
export function evidenceDiscount(evidence: number, personal: number, alg: NameAlgorithm): number {
  if (personal === 1 || evidence <= alg.evidenceDiscountFrom) return 1;
  const f = 1 - alg.evidenceDiscountRate * (evidence - alg.evidenceDiscountFrom);
  return f > alg.evidenceDiscountMin ? f : alg.evidenceDiscountMin;
}

/**
 * The weight of an alignment's chosen pairs, each the lighter of its two units: the evidence
 * {@link evidenceDiscount} reads (for explanations; the alignment computes it as it goes).
 * @example
 * alignmentEvidence(scoreNames(q, c, NAMES_V2), q, c) //=> 2
 */
export function alignmentEvidence(alignment: Pick<NameAlignment, "pairs">, q: NameUnits, c: NameUnits): number {
  let evidence = 0;
  for (const p of alignment.pairs) evidence += Math.min(q.table.weight[q.table.offset + p.q] as number, c.table.weight[c.table.offset + p.c] as number);
  return evidence;
}

/**
 * The list unit, among an alignment's chosen pairs, of an exact pair with a distinctive word of an
 * organisation's list name (`UNIT_ROLE.distinctive`): with one, the query's unmatched generic words
 * cost `genericAfterDistinctive` of a word. Undefined when there is none.
 * @example
 * distinctiveAnchor(scoreNames(q, c, NAMES_V2), c) //=> 0
 */
export function distinctiveAnchor(alignment: Pick<NameAlignment, "pairs">, c: NameUnits): number | undefined {
  const t = c.table;
  if (t.personal === 1 || t.role === undefined) return undefined;
  for (const p of alignment.pairs) if (p.sim >= 1 && t.role[t.offset + p.c] === UNIT_ROLE.distinctive) return p.c;
  return undefined;
}

/**
 * The list unit of a one-word query's only pair when it is an exact pair with a distinctive word of an
 * organisation's list name (a brand written alone): the name's other words, but its distinctive ones,
 * then cost `unmatchedCandidateWeightAnchor`. Undefined otherwise.
 * @example
 * brandAlone(scoreNames(q, c, NAMES_V2), q, c) //=> 0
 */
export function brandAlone(alignment: Pick<NameAlignment, "pairs">, q: NameUnits, c: NameUnits): number | undefined {
  return q.table.coreCount === 1 && alignment.pairs.length === 1 ? distinctiveAnchor(alignment, c) : undefined;
}

// A query unit of this role, matched exactly, lets a run's initials count at runAcronymSimilarity:
// an ordinary word, a place (ISIL-LIBYA) or a patronymic, not a generic word.
function wordBesideInitials(role: number): boolean {
  return role === 0 || role === UNIT_ROLE.place || role === UNIT_ROLE.patronymic;
}

/**
 * The query unit paired with the initials of a run of an organisation's list words when no other
 * query word is matched exactly (the pair then counts at `runAcronymAloneSimilarity`), else undefined.
 * @example
 * acronymAlone(scoreNames(q, c, NAMES_V2), q, c)?.text //=> "OKB"
 */
export function acronymAlone(alignment: Pick<NameAlignment, "pairs">, q: NameUnits, c: NameUnits): MatchUnit | undefined {
  const t = c.table;
  if (t.personal === 1 || t.role === undefined) return undefined;
  let initials: MatchUnit | undefined;
  for (const p of alignment.pairs) {
    if (t.role[t.offset + p.c] === UNIT_ROLE.runAcronym) initials ??= q.units[p.q];
    else if (p.sim >= 1 && wordBesideInitials(q.table.role?.[q.table.offset + p.q] ?? 0)) return undefined;
  }
  return initials;
}

/**
 * The list name's unmatched patronymics that cost `unmatchedPatronymicFactor` in this alignment: in a
 * person's list name, every query word matched (two or more pairs weighing `coveredEvidence` or more),
 * as the alignment's score takes them; empty otherwise.
 * @example
 * listPatronymicsOmitted(scoreNames(q, c, NAMES_V2), q, c, NAMES_V2) //=> [2]
 */
export function listPatronymicsOmitted(alignment: Pick<NameAlignment, "pairs" | "unmatchedQuery" | "unmatchedCandidate">, q: NameUnits, c: NameUnits, alg: NameAlgorithm): number[] {
  if (c.table.personal !== 1 || alignment.unmatchedQuery.length > 0 || alignment.pairs.length < 2 || alignmentEvidence(alignment, q, c) < alg.coveredEvidence) return [];
  return alignment.unmatchedCandidate.filter((i) => c.units[i]?.role === UNIT_ROLE.patronymic);
}

/**
 * The query's unmatched patronymics that cost `unmatchedPatronymicFactor` in this alignment: against a
 * person's list name matched whole (two or more pairs weighing `coveredEvidence` or more, no list word
 * left over), as the alignment's score takes them; empty otherwise.
 * @example
 * omittedPatronymics(scoreNames(q, c, NAMES_V2), q, c, NAMES_V2) //=> [1]
 */
export function omittedPatronymics(alignment: Pick<NameAlignment, "pairs" | "unmatchedQuery" | "unmatchedCandidate">, q: NameUnits, c: NameUnits, alg: NameAlgorithm): number[] {
  if (c.table.personal !== 1 || alignment.unmatchedCandidate.length > 0 || alignment.pairs.length < 2 || alignmentEvidence(alignment, q, c) < alg.coveredEvidence) return [];
  return alignment.unmatchedQuery.filter((i) => q.units[i]?.role === UNIT_ROLE.patronymic);
}

/**
 * The query's place words that the alignment left unmatched at `unmatchedPlaceFactor` (a country or
 * city the caller added: the matched words weigh at least `placeEvidence` and the list name has no
 * place of its own left unmatched), by core index; the name reason reads them.
 * @example
 * addedPlaces(alignment, units("ARMY SUPPLY BUREAU DAMASCUS"), units("ARMY SUPPLY BUREAU"), NAMES_V2) //=> [3]
 */
export function addedPlaces(alignment: Pick<NameAlignment, "pairs" | "unmatchedQuery" | "unmatchedCandidate">, q: NameUnits, c: NameUnits, alg: NameAlgorithm): number[] {
  if (alignmentEvidence(alignment, q, c) < alg.placeEvidence) return [];
  if (alignment.unmatchedCandidate.some((i) => c.units[i]?.role === UNIT_ROLE.place)) return [];
  return alignment.unmatchedQuery.filter((i) => q.units[i]?.role === UNIT_ROLE.place);
}

/**
 * Whether a one-word query is a word too common to name anyone alone against this list name: its
 * weight (rarity × class factor) is below `commonSingleWeight` and the list name has more words.
 * (The alignment also exempts a distinctive word of an organisation's name matched exactly.)
 * @example
 * commonSingle(units("Bank").table, units("INDUSTRIAL BANK").table, NAMES_V2) //=> true
 */
export function commonSingle(q: Pick<UnitTable, "coreCount" | "weight" | "offset">, c: Pick<UnitTable, "coreCount">, alg: NameAlgorithm): boolean {
  return q.coreCount === 1 && c.coreCount > 1 && (q.weight[q.offset] as number) < alg.commonSingleWeight;
}

let usedQ = new Uint8Array(32);
let usedC = new Uint8Array(32);

function unmatchedNumber(t: UnitTable, used: Uint8Array): boolean {
  const number = t.number as ArrayLike<number>;
  for (let i = 0; i < t.coreCount; i++) if (used[i] === 0 && number[t.offset + i] === 1) return true;
  return false;
}

function greedy(
  order: readonly UnitPair[],
  q: UnitTable,
  c: UnitTable,
  alg: NameAlgorithm,
  chosen: UnitPair[] | undefined,
): number {
  if (usedQ.length < q.coreCount) usedQ = new Uint8Array(q.coreCount * 2);
  if (usedC.length < c.coreCount) usedC = new Uint8Array(c.coreCount * 2);
  usedQ.fill(0, 0, q.coreCount);
  usedC.fill(0, 0, c.coreCount);
  let num = 0;
  let den = 0;
  let pairs = 0;
  let evidence = 0;
  let lastSim = 1;
  let lastGlued = false;
  // A distinctive list word matched exactly (see UNIT_ROLE): the generic words the caller adds cost less.
  let distinctive = false;
  // Initials of a run of list words count at `runAcronymSimilarity` only beside another query word
  // (not a generic word; a place is one: ISIL-LIBYA) matched exactly: `acronymWeight` is what they
  // weigh, `wordExact` whether there is one.
  let acronymWeight = 0;
  let wordExact = false;
  const cRole = c.personal === 1 ? undefined : c.role;
  const qRole = q.role;
  for (const p of order) {
    const qi = q.offset + p.q;
    const ci = c.offset + p.c;
    const qf = q.coverFirst[qi] as number;
    const ql = q.coverLen[qi] as number;
    const cf = c.coverFirst[ci] as number;
    const cl = c.coverLen[ci] as number;
    let free = true;
    for (let k = qf; k < qf + ql && free; k++) if (usedQ[k] === 1) free = false;
    for (let k = cf; k < cf + cl && free; k++) if (usedC[k] === 1) free = false;
    if (!free) continue;
    for (let k = qf; k < qf + ql; k++) usedQ[k] = 1;
    for (let k = cf; k < cf + cl; k++) usedC[k] = 1;
    const wq = q.weight[qi] as number;
    const wc = c.weight[ci] as number;
    const w = Math.min(wq, wc);
    num += p.sim * w;
    evidence += w;
    pairs++;
    lastSim = p.sim;
    lastGlued = (q.glued[qi] as number) === 1 || (c.glued[ci] as number) === 1;
    const role = cRole === undefined ? 0 : (cRole[ci] as number);
    if (role === UNIT_ROLE.runAcronym) acronymWeight += w;
    else if (p.sim >= 1 && wordBesideInitials(qRole === undefined ? 0 : (qRole[qi] as number))) wordExact = true;
    if (p.sim >= 1 && role === UNIT_ROLE.distinctive) distinctive = true;
    // An initial stands for a word it only starts: the gap to the word's weight counts in part.
    den += (q.initial[qi] as number) === 1 || (c.initial[ci] as number) === 1 ? w + alg.initialGap * Math.abs(wq - wc) : w;
    chosen?.push(p);
  }
  let covered = pairs >= 2 && evidence >= alg.coveredEvidence;
  for (let i = 0; i < c.coreCount && covered; i++) if (usedC[i] === 0) covered = false;
  // Strong evidence (an organisation's distinctive words matched): its unmatched words cost less.
  const discount = evidenceDiscount(evidence, c.personal, alg);
  const alpha = discount * (covered ? (c.personal === 1 ? alg.unmatchedQueryWeightCovered : alg.unmatchedQueryWeightCoveredOrg) : unmatchedQueryFactor(c, alg));
  // Every query word matched (two pairs or more, not generic words alone): the list name's extra
  // words describe the same body ("CENTRAL ELECTION COMMISSION …" ~ "CENTRAL COMMISSION … ON
  // ELECTIONS AND HOLDING REPUBLICAN REFERENDA"), so they cost what a person's extra names do.
  let queryCovered = pairs >= 2 && evidence >= alg.coveredEvidence;
  for (let i = 0; i < q.coreCount && queryCovered; i++) if (usedQ[i] === 0) queryCovered = false;
  const beta = discount * (queryCovered ? Math.min(alg.unmatchedCandidateWeight, unmatchedCandidateFactor(q, c, alg)) : unmatchedCandidateFactor(q, c, alg));
  // A one-word query that is a distinctive word of the organisation's name, matched exactly (a brand
  // written alone): the name's words that describe cost less; another distinctive word does not
  // ("TELEKOM" is not "GAZPROM TELEKOM").
  const betaAlone = q.coreCount === 1 && pairs === 1 && distinctive ? Math.min(beta, discount * alg.unmatchedCandidateWeightAnchor) : beta;
  // A place word the caller added costs little, unless the list name has a place of its own left
  // unmatched (two different places are evidence against: "… OF GREECE" vs "… OF SYRIA") or the
  // matched words weigh less than `placeEvidence` (one common word: "Tokyo Gas" ~ OOO GAS).
  let place = evidence >= alg.placeEvidence;
  if (place && c.role !== undefined) for (let i = 0; i < c.coreCount; i++) if (usedC[i] === 0 && c.role[c.offset + i] === UNIT_ROLE.place) place = false;
  // A patronymic the caller adds to a person's name the list writes without one (matched whole: an
  // unmatched list word may be another patronymic, and a contradicted one costs in full; see
  // omittedPatronymics, which the name reason reads).
  const patronymicOmitted = covered && c.personal === 1;
  // A word the query repeats, matched once, adds nothing an organisation's list name lacks.
  const twin = cRole === undefined ? undefined : q.twin;
  for (let i = 0; i < q.coreCount; i++) {
    if (usedQ[i] !== 0) continue;
    const role = qRole === undefined ? 0 : (qRole[q.offset + i] as number);
    let factor = role === UNIT_ROLE.place && place ? alg.unmatchedPlaceFactor : role === UNIT_ROLE.generic && distinctive ? alg.genericAfterDistinctive : role === UNIT_ROLE.patronymic && patronymicOmitted ? alg.unmatchedPatronymicFactor : 1;
    const t = twin === undefined ? -1 : (twin[q.offset + i] as number);
    if (t >= 0 && usedQ[t] === 1) factor *= alg.repeatedWordFactor;
    den += alpha * (q.weight[q.offset + i] as number) * factor;
  }
  // (Never above runAcronymSimilarity, the similarity the index bounds the pair with.)
  if (acronymWeight > 0 && !wordExact && alg.runAcronymAloneSimilarity < alg.runAcronymSimilarity) num -= (alg.runAcronymSimilarity - alg.runAcronymAloneSimilarity) * acronymWeight;
  // A patronymic the list writes in a person's name that the caller omits, every query word matched
  // (see listPatronymicsOmitted, which the name reason reads).
  const listPatronymic = queryCovered && c.personal === 1 ? c.role : undefined;
  for (let i = 0; i < c.coreCount; i++) {
    if (usedC[i] !== 0) continue;
    const factor = listPatronymic !== undefined && listPatronymic[c.offset + i] === UNIT_ROLE.patronymic ? alg.unmatchedPatronymicFactor : 1;
    den += (cRole !== undefined && cRole[c.offset + i] === UNIT_ROLE.distinctive ? beta : betaAlone) * (c.weight[c.offset + i] as number) * factor;
  }
  let score = den > 0 ? num / den : 0;
  // A number left unmatched on both sides: two different numbers.
  if (q.number !== undefined && c.number !== undefined && unmatchedNumber(q, usedQ) && unmatchedNumber(c, usedC)) score -= alg.numberMismatchPenalty;
  // A one-word query whose only word matches approximately, and is short, is thin evidence:
  // brands one letter apart are different companies (NIKE/NIK, CIENA/SIENNA).
  if (q.coreCount === 1 && pairs === 1 && lastSim < 1 && !lastGlued && (q.length?.[q.offset] ?? Number.POSITIVE_INFINITY) <= alg.singleFuzzyMaxLength) {
    score -= alg.singleFuzzyPenalty * (1 - lastSim);
  }
  // A one-word query of a word many listed names hold (BANK, MUHAMMAD), or of a descriptor
  // (TRADING), names no one alone: against a longer list name it is at most `commonSingleCap` — but
  // a distinctive word of an organisation's name matched exactly (HUAWEI: a brand many entries hold).
  if (!distinctive && commonSingle(q, c, alg) && score > alg.commonSingleCap) score = alg.commonSingleCap;
  return Math.min(1, Math.max(0, score));
}

// The two names being aligned, read by the comparators below: module-level (set by `align`, which
// never re-enters) so a search that aligns thousands of candidate names creates no comparator
// closures.
const NO_UNITS: UnitTable = { personal: 0, offset: 0, count: 0, coreCount: 0, weight: [], coverFirst: [], coverLen: [], glued: [], initial: [], particle: [] };
let sortQ: UnitTable = NO_UNITS;
let sortC: UnitTable = NO_UNITS;

function bySimilarity(x: UnitPair, y: UnitPair): number {
  const q = sortQ;
  const c = sortC;
  if (x.sim !== y.sim) return y.sim - x.sim;
  const cx = (q.coverLen[q.offset + x.q] as number) + (c.coverLen[c.offset + x.c] as number);
  const cy = (q.coverLen[q.offset + y.q] as number) + (c.coverLen[c.offset + y.c] as number);
  if (cx !== cy) return cx - cy;
  const wx = Math.min(q.weight[q.offset + x.q] as number, c.weight[c.offset + x.c] as number);
  const wy = Math.min(q.weight[q.offset + y.q] as number, c.weight[c.offset + y.c] as number);
  if (wx !== wy) return wy - wx;
  return x.q - y.q || x.c - y.c;
}

// Pairs involving a glued unit first; among them by similarity then more tokens consumed
// (`simFirst`, order 2), or more tokens consumed first (order 3); then as in order 1.
function glueOrder(x: UnitPair, y: UnitPair, simFirst: boolean): number {
  const q = sortQ;
  const c = sortC;
  const gx = (q.glued[q.offset + x.q] as number) | (c.glued[c.offset + x.c] as number);
  const gy = (q.glued[q.offset + y.q] as number) | (c.glued[c.offset + y.c] as number);
  if (gx !== gy) return gy - gx;
  if (gx === 1) {
    if (simFirst && x.sim !== y.sim) return y.sim - x.sim;
    const cx = (q.coverLen[q.offset + x.q] as number) + (c.coverLen[c.offset + x.c] as number);
    const cy = (q.coverLen[q.offset + y.q] as number) + (c.coverLen[c.offset + y.c] as number);
    if (cx !== cy) return cy - cx;
  }
  return bySimilarity(x, y);
}

function glueFirst(x: UnitPair, y: UnitPair): number {
  return glueOrder(x, y, true);
}

function longGlueFirst(x: UnitPair, y: UnitPair): number {
  return glueOrder(x, y, false);
}

/**
 * Scores an alignment from the comparable pairs of two unit tables (no explanation data).
 * @example
 * alignmentScore(pairs, q.table, c.table, NAMES_V2) //=> 1
 */
export function alignmentScore(pairs: UnitPair[], q: UnitTable, c: UnitTable, alg: NameAlgorithm): number {
  return align(pairs, q, c, alg, undefined);
}

/**
 * Sorts in place, stably; by insertion for the few pairs most names have (Array#sort allocates a
 * work array on every call: a search aligns thousands of names).
 */
function sortPairs(pairs: UnitPair[], order: (x: UnitPair, y: UnitPair) => number): void {
  if (pairs.length > 24) {
    pairs.sort(order);
    return;
  }
  for (let i = 1; i < pairs.length; i++) {
    const p = pairs[i] as UnitPair;
    let j = i - 1;
    while (j >= 0 && order(pairs[j] as UnitPair, p) > 0) {
      pairs[j + 1] = pairs[j] as UnitPair;
      j--;
    }
    pairs[j + 1] = p;
  }
}

// Glued pairs of the alignment under way, and the order built from them (align never re-enters).
const spareGlued: UnitPair[] = [];
const spareOrder: UnitPair[] = [];

// The glued pairs (in their order), then the others in order 1.
function gluedFirst(glued: readonly UnitPair[], byOrder1: readonly UnitPair[]): UnitPair[] {
  const q = sortQ;
  const c = sortC;
  spareOrder.length = 0;
  for (const p of glued) spareOrder.push(p);
  for (const p of byOrder1) if ((q.glued[q.offset + p.q] as number) !== 1 && (c.glued[c.offset + p.c] as number) !== 1) spareOrder.push(p);
  return spareOrder;
}

// The score; with `chosen`, also the chosen pairs of the winning order (appended to it). Scoring a
// search's candidates allocates nothing per candidate (but the glued pairs' copy when a third order is tried).
function align(pairs: UnitPair[], q: UnitTable, c: UnitTable, alg: NameAlgorithm, chosen: UnitPair[] | undefined): number {
  const explain = chosen !== undefined;
  sortQ = q;
  sortC = c;
  sortPairs(pairs, bySimilarity);
  const chosen1: UnitPair[] | undefined = explain ? [] : undefined;
  const s1 = greedy(pairs, q, c, alg, chosen1);
  // Glued pairs: the most similar one, and the one covering the most tokens (when that is a less
  // similar one: ADB+AL+HAMID ~ ABD+AL+HAMID loses to AL+HAMID ~ AL+HAMID in similarity order).
  let bestSim = -1;
  let bestSimCover = 0;
  let maxCover = 0;
  const glued = spareGlued;
  glued.length = 0;
  for (const p of pairs) {
    if ((q.glued[q.offset + p.q] as number) === 1 || (c.glued[c.offset + p.c] as number) === 1) {
      glued.push(p);
      const cover = (q.coverLen[q.offset + p.q] as number) + (c.coverLen[c.offset + p.c] as number);
      if (p.sim > bestSim) {
        bestSim = p.sim;
        bestSimCover = cover;
      }
      if (cover > maxCover) maxCover = cover;
    }
  }
  if (glued.length === 0) {
    if (chosen1) chosen?.push(...chosen1);
    return s1;
  }
  // Orders 2 and 3 put the glued pairs first, sorted among themselves, and keep the others in
  // order 1 (both comparators fall back to it): only the glued pairs are sorted. An order equal
  // to the one before scores the same and is not walked again.
  sortPairs(glued, glueFirst);
  let same = true;
  for (let i = 0; i < glued.length && same; i++) if (glued[i] !== pairs[i]) same = false;
  const order2 = same ? pairs : gluedFirst(glued, pairs);
  const chosen2: UnitPair[] | undefined = explain && !same ? [] : undefined;
  const s2 = same ? s1 : greedy(order2, q, c, alg, chosen2);
  let best = s2 > s1 ? s2 : s1;
  let winner = s2 > s1 ? chosen2 : chosen1;
  if (maxCover > bestSimCover) {
    const before = glued.slice();
    sortPairs(glued, longGlueFirst);
    let unchanged = true;
    for (let i = 0; i < glued.length && unchanged; i++) if (glued[i] !== before[i]) unchanged = false;
    if (!unchanged) {
      const order3 = gluedFirst(glued, pairs);
      const chosen3: UnitPair[] | undefined = explain ? [] : undefined;
      const s3 = greedy(order3, q, c, alg, chosen3);
      if (s3 > best) {
        best = s3;
        winner = chosen3;
      }
    }
  }
  if (winner) chosen?.push(...winner);
  return best;
}

/**
 * Aligns two names from their comparable pairs and computes the `name.fuzzy` score, with the
 * chosen pairs and unmatched tokens for explanations.
 * @example
 * alignNames(comparablePairs(q, c, NAMES_V2), q, c, NAMES_V2).score //=> 1
 */
export function alignNames(pairs: readonly UnitPair[], q: NameUnits, c: NameUnits, alg: NameAlgorithm): NameAlignment {
  const chosen: UnitPair[] = [];
  const score = align(pairs.slice(), q.table, c.table, alg, chosen);
  const usedQ2 = new Uint8Array(q.coreCount);
  const usedC2 = new Uint8Array(c.coreCount);
  for (const p of chosen) {
    const a = q.units[p.q];
    const b = c.units[p.c];
    if (a) for (let k = a.coverFirst; k < a.coverFirst + a.coverLen; k++) usedQ2[k] = 1;
    if (b) for (let k = b.coverFirst; k < b.coverFirst + b.coverLen; k++) usedC2[k] = 1;
  }
  const unmatchedQuery: number[] = [];
  const unmatchedCandidate: number[] = [];
  for (let i = 0; i < q.coreCount; i++) if (usedQ2[i] === 0) unmatchedQuery.push(i);
  for (let i = 0; i < c.coreCount; i++) if (usedC2[i] === 0) unmatchedCandidate.push(i);
  return { score, pairs: chosen, unmatchedQuery, unmatchedCandidate };
}

/**
 * Scores two prepared names with the brute-force pair generator.
 * @example
 * scoreNames(q, c, NAMES_V2).score //=> 1
 */
export function scoreNames(q: NameUnits, c: NameUnits, alg: NameAlgorithm): NameAlignment {
  return alignNames(comparablePairs(q, c, alg), q, c, alg);
}
