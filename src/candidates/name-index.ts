/**
 * The candidate index: every list name normalised once, its match units packed into typed arrays,
 * an inverted index from unit texts to names, and a key table that finds every vocabulary text a
 * query token is comparable with.
 *
 * Lossless by construction. The scorer (src/score) only ever pairs tokens that are comparable —
 * equal; canonical forms within the edit budget (0 edits up to 3 letters, 1 up to 7, 2 from 8);
 * equal consonant skeletons; a shared table symbol; an initial and a word; an acronym (a name's
 * initials, or the initials of a run of its words) and an equal word; abjad skeletons equal or one
 * deletion apart — and each relation is a shared key:
 *
 * | relation                              | list text indexed under                | query probes                 |
 * |---------------------------------------|----------------------------------------|------------------------------|
 * | canonical forms within budget k(L)    | "C" + every ≤ indexDeletions(n) deletion variant of the canonical form | the same |
 * | equal skeleton (Latin)                | "K" + skeleton                          | "K" + skeleton               |
 * | shared symbol (nickname, descriptor)  | "Y" + each symbol                       | "Y" + each symbol            |
 * | acronym ~ word (4–8 letters; a run's initials 3–5) | "R" + text (list: 4–8)     | "R" + text (3–8 letters)     |
 * | abjad skeleton equal or ±1            | "S" + each skeleton variant             | "S" + each skeleton variant  |
 * | abjad text equal                      | "A" + text                              | "A" + text                   |
 * | initial ~ word                        | "I" + letter / "F" + first letter       | "I" + first letter / "F" + letter |
 *
 * The bound of the edit relation (token-distance.ts): if the plain OSA distance of two canonical
 * forms is d ≤ k(L), L the longer length, each form reaches a common string by deleting at most d
 * of its own letters (a substitution or transposition deletes one letter on each side, an
 * insertion one on the other side); a form of n letters is indexed with indexDeletions(n) ≥ k(L)
 * for every partner length L it can be within budget of, so the pair shares a "C" key.
 *
 * A query is answered in three steps: (1) every query unit looks up its keys and keeps the texts
 * it is really comparable with (exact predicate, similarity above the floor); (2) a set P of query
 * tokens is chosen, cheapest first, until the alignment bound W(¬P)/(W(¬P)+α_min·W(P)) (name-score.ts,
 * with the smallest α any list name can get) is below the minimum score — any name matching no
 * token of P cannot reach it; (3) the names holding a text comparable with a unit covering a P
 * token are bounded twice before alignment — from their postings (matched query weight, the list
 * weight those texts can cover, Σ similarity × weight over the hits) and from their pairs (each
 * pair weighs at most the tokens it covers on either side, at its similarity, and pairs share no
 * token, so the numerator is at most Σ best similarity × weight over either name's tokens) — and
 * those that can reach the minimum are scored exactly, with the same pairs and the same alignment as a brute-force scan
 * ({@link scanNames}, which compares every unit of every list name with the scorer's predicate and
 * uses no key). Glued query words are also read split into list words ({@link queryReadings}),
 * the same readings for both. Hash collisions only add candidates. test/candidates/lossless.test.ts
 * and test/eval/lossless-check.mjs check indexed search against the scan.
 */
import type { DesignationRecord, NameKind, SubjectType } from "../model";
import { LEGAL_FORM_FAMILIES, latinSkeleton, normalizeName, skeletonVariants, type NameContext, type NameToken, type NormalizedName } from "../normalize";
import {
  adjectiveNounStems,
  MIN_ADJECTIVE_NOUN,
  NOUN_ENDINGS,
  alignmentScore,
  buildNameUnits,
  classWeight,
  MAX_ACRONYM,
  MIN_ACRONYM,
  MIN_RUN_ACRONYM,
  nounStem,
  comparableHow,
  comparableToken,
  evidenceDiscount,
  indexDeletions,
  keepsPair,
  NAMES_V2,
  organisationWords,
  pairAllowedFlat,
  rarityWeight,
  similarityFor,
  tokenFromParts,
  tokenSimilarity,
  unmatchedCandidateFactor,
  unmatchedQueryFactor,
  UNIT_ROLE,
  type ComparableToken,
  type MatchHow,
  type NameAlgorithm,
  type NameUnits,
  type UnitPair,
  type UnitTable,
} from "../score";
import { findKey, forEachDeletionHash, forEachDeletionVariantHash, hashKey, KeyPairs, type KeyTable } from "./key-table";

/** Name kinds in order of preference when one record has the same name twice. */
export const NAME_KINDS: readonly NameKind[] = ["primary", "alias", "former", "weak-alias"];
/** Legal-form families in bit order (for the per-name bitmask). */
export const LEGAL_FAMILY_BITS: readonly string[] = Object.keys(LEGAL_FORM_FAMILIES);

const FLAG_ABJAD = 1;
const FLAG_INITIAL = 2;
const FLAG_NUMBER = 4;
const FLAG_ACRONYM = 8;
/** With FLAG_ACRONYM: the initials of a run of a name's words, not of the whole name. */
const FLAG_RUN = 16;
/** A query word probes for list initials from this length (a run's initials are shorter than a name's). */
const MIN_QUERY_ACRONYM = Math.min(MIN_ACRONYM, MIN_RUN_ACRONYM);
/** Flags that make an entry's vocabulary key differ from its text (see `keyFrom`). */
const KEYED_FLAGS = FLAG_ABJAD | FLAG_INITIAL | FLAG_ACRONYM;

/** The packed, serialisable part of a name index. */
export interface NameIndexData {
  readonly algorithmId: string;
  readonly recordCount: number;
  /** Vocabulary texts and skeletons (single tokens and glued units). */
  readonly vocabText: readonly string[];
  readonly vocabSkeleton: readonly string[];
  /**
   * Canonical forms of the texts (see canonicalToken), stored so that loading a prebuilt index
   * does not recompute them; absent, they are computed. An empty entry is the text itself (as the
   * file stores it: no 57k-entry pass at load).
   */
  readonly vocabCanon?: readonly string[];
  readonly vocabFlags: Uint8Array;
  /** Number of records whose names hold the text as a single core token. */
  readonly vocabDf: Int32Array;
  /** Per indexed name: record index, ordinal in `subject.names`, kind (index into NAME_KINDS), legal families bitmask, core count. */
  readonly nameRecord: Int32Array;
  readonly nameOrdinal: Uint16Array;
  readonly nameKind: Uint8Array;
  readonly nameLegal: Uint16Array;
  readonly nameCore: Uint16Array;
  /** 1 when the name is a person's or of unknown type (its initials stand for words). */
  readonly namePersonal: Uint8Array;
  /** Units of name m are `unitStart[m] … unitStart[m+1]-1`. */
  readonly unitStart: Int32Array;
  readonly unitVocab: Int32Array;
  readonly unitWeight: Float64Array;
  readonly unitCoverFirst: Uint16Array;
  readonly unitCoverLen: Uint8Array;
  readonly unitGlued: Uint8Array;
  readonly unitInitial: Uint8Array;
  readonly unitParticle: Uint8Array;
  /** Role of each unit (`UNIT_ROLE` in name-units.ts: a place, generic or distinctive word, a run's initials), else 0. */
  readonly unitRole: Uint8Array;
  /** 1 for units that are numbers (a number token, or glued text holding digits). */
  readonly unitNumber: Uint8Array;
  /** Names holding vocabulary text v: `postNames[postStart[v] … postStart[v+1]-1]`. */
  readonly postStart: Int32Array;
  readonly postNames: Int32Array;
  readonly keys: KeyTable;
  /**
   * Comparable texts of every Latin, non-initial vocabulary text, precomputed at build time:
   * `nbIds/nbHow/nbSimCode[nbStart[v] … nbStart[v+1]-1]` (a query token found in the vocabulary
   * then needs no key lookups). Abjad texts and initials are looked up at query time. A pair's
   * similarity is `nbSimTable[nbSimCode[x]]`: the default lists' ~570k neighbours take ~1,600
   * distinct similarities, so a two-byte code into a table of the exact values stores each in a
   * quarter of the space (3.4 MB less) and loses nothing.
   */
  readonly nbStart: Int32Array;
  readonly nbIds: Int32Array;
  readonly nbHow: Uint8Array;
  readonly nbSimCode: Uint16Array;
  readonly nbSimTable: Float64Array;
}

/** Vocabulary ids by {@link vocabKey} (a Map satisfies it). */
export interface VocabLookup {
  get(key: string): number | undefined;
}

/** The vocabulary as comparable tokens, by id (an array satisfies it). */
export interface VocabTokens {
  readonly length: number;
  at(v: number): ComparableToken | undefined;
}

/** A list name left out of the index, with the reason (never dropped silently). */
export interface UnindexedName {
  readonly recordId: string;
  readonly name: string;
  readonly reason: string;
}

/** A name index ready to search. */
export interface NameIndex {
  readonly algorithm: NameAlgorithm;
  readonly data: NameIndexData;
  /**
   * Vocabulary entries as comparable tokens (derived from `data`): an array for a built index, a
   * lazy view for a loaded one (a token is made the first time a search reads it).
   */
  readonly vocab: VocabTokens;
  /** Vocabulary id by {@link vocabKey}. */
  readonly vocabLookup: VocabLookup;
  readonly hasAbjad: boolean;
  readonly unindexed: readonly UnindexedName[];
  /** Per-search scratch space (stamps), reused so a search allocates little. */
  readonly scratch: SearchScratch;
  /** Per name: the weight of its core tokens (derived from `data`). */
  readonly nameCoreWeight: Float64Array;
  /**
   * Per vocabulary text: the most core-token weight that units with this text cover in any one
   * name (all of its occurrences, glued units counting every token they cover); an upper bound of
   * what pairs with that text can cover of a list name.
   */
  readonly textCover: Float64Array;
}

/**
 * Reusable per-search state: stamps (an entry equal to `epoch` means "seen in this search") and
 * a bounded cache of the comparable texts of units already queried (a unit's comparable texts
 * depend only on its own text, skeleton and flags, so caching never changes a result).
 */
export interface SearchScratch {
  epoch: number;
  readonly vocabStamp: Int32Array;
  readonly nameStamp: Int32Array;
  /** Per name: the query core tokens (bits) its postings showed comparable, valid with `nameStamp`. */
  readonly nameMask: Int32Array;
  /** Per name: an upper bound of its core weight that pairs can cover (see `textCover`), valid with `nameStamp`. */
  readonly nameCover: Float64Array;
  /**
   * Per name: an upper bound of its alignment's numerator from the postings read — Σ over the query
   * units that reached it of its best hit's similarity × the query weight the unit covers (a unit
   * pairs with one list word; see `nameUnitStamp`) — valid with `nameStamp`.
   */
  readonly nameSim: Float64Array;
  /**
   * Per name: the postings read (one query unit's) that last reached it, and that read's best gain
   * so far, so that a name holding several texts comparable with one unit adds only the best to
   * `nameSim` (a unit pairs with one list word).
   */
  readonly nameUnitStamp: Int32Array;
  readonly nameUnitGain: Float64Array;
  /**
   * Per vocabulary text: equal to the search's epoch once its `textCover` was added to the names of
   * its postings, so that a text comparable with several query units is counted once in `nameCover`.
   */
  readonly coverStamp: Int32Array;
  /**
   * Per name: like `nameCover`, from the texts that query words (not initials) reached, valid with
   * `nameStamp`; `strongStamp` per text as `coverStamp`. A list word an initial pairs with costs
   * `initialGap` × the weight difference (see name-score.ts), so only these count as covered free.
   */
  readonly nameCoverStrong: Float64Array;
  readonly strongStamp: Int32Array;
  /**
   * The reverse map text → (unit group, sim, how) entries of this search, as linked lists in flat
   * arrays (no array per text): valid for text v when `revStamp[v]` equals the search's epoch;
   * `revSlot[v]` is its first entry and `revLast[v]` its last, `revNext` links the entries (-1 ends),
   * and `revGroup`, `revSim`, `revHow` hold them (grown by doubling).
   */
  readonly revStamp: Int32Array;
  readonly revSlot: Int32Array;
  readonly revLast: Int32Array;
  revNext: Int32Array;
  revGroup: Int32Array;
  revSim: Float64Array;
  revHow: Uint8Array;
  /** The search's candidate names (at most every name), and the pairs reused across candidates and searches. */
  readonly candidates: Int32Array;
  readonly pairPool: { q: number; c: number; sim: number }[];
  /** Unit key (see {@link vocabKey}) → packed [text id, match-kind code, similarity, …] and its work. */
  readonly neighbours: Map<string, Neighbours>;
  /**
   * Per vocabulary text of a non-abjad Latin letter: the (match-kind code, similarity) of the query's
   * initial of that letter against it, valid when `initialStamp[v]` equals the search's epoch (a text
   * starts with one letter, so at most one Latin initial group compares with it). Code -1: no pair.
   */
  readonly initialStamp: Int32Array;
  readonly initialHow: Int8Array;
  readonly initialSim: Float64Array;
  /**
   * Small per-search arrays kept across searches (a typed array over 64 bytes is allocated outside
   * the heap: slow to make and to collect): the Latin initial group of each ASCII letter, α/β
   * factors, the pair similarity hand-over, and per query core token and per list name unit arrays
   * (grown by doubling; a search reads only its first `core` / `cCore` entries).
   */
  readonly latinGroupOf: Int8Array;
  /**
   * The mask pass read from the candidates' side (see `CANDIDATE_SIDE_FACTOR`): per vocabulary text,
   * equal to the pass's epoch when it is one of the unit's comparable texts, at position
   * `textPos[v]` of its list; `maskCover` / `maskStrong` hold each listed text's cover (grown as needed).
   */
  readonly textStamp: Int32Array;
  readonly textPos: Int32Array;
  maskCover: Float64Array;
  maskStrong: Float64Array;
  readonly factors: Float64Array;
  readonly pairSim: Float64Array;
  qCovered: Uint8Array;
  qBest: Float64Array;
  unmatchedF: Float64Array;
  unmatchedFPerson: Float64Array;
  inP: Uint8Array;
  known: Uint8Array;
  cBest: Float64Array;
  cCovered: Uint8Array;
}

/** Most cached neighbour lists before the cache is emptied. */
const NEIGHBOUR_CACHE_SIZE = 20000;

/**
 * Candidates from which the mask pass also reads the query's initials' postings (every personal
 * name with a word of the letter): below it, reading them costs more than the pairs they save.
 */
const INITIAL_MASK_MIN_CANDIDATES = 1024;

/**
 * The mask pass reads a unit from its candidates' side when its comparable texts have more than
 * this many postings per candidate (a candidate name has ~5 units; a common word's postings are
 * thousands of names, of which the few candidates are found one by one).
 */
const CANDIDATE_SIDE_FACTOR = 16;

// Typed arrays only: nothing per vocabulary entry is read here (a loop over ~57k texts costs ~10 ms
// of a cold start, run by the interpreter).
function newScratch(vocab: number, names: number): SearchScratch {
  return {
    epoch: 0,
    vocabStamp: new Int32Array(vocab),
    nameStamp: new Int32Array(names),
    nameMask: new Int32Array(names),
    nameCover: new Float64Array(names),
    nameSim: new Float64Array(names),
    nameUnitStamp: new Int32Array(names),
    nameUnitGain: new Float64Array(names),
    coverStamp: new Int32Array(vocab),
    nameCoverStrong: new Float64Array(names),
    strongStamp: new Int32Array(vocab),
    revStamp: new Int32Array(vocab),
    revSlot: new Int32Array(vocab),
    revLast: new Int32Array(vocab),
    revNext: new Int32Array(1024),
    revGroup: new Int32Array(1024),
    revSim: new Float64Array(1024),
    revHow: new Uint8Array(1024),
    candidates: new Int32Array(names),
    pairPool: [],
    neighbours: new Map(),
    initialStamp: new Int32Array(vocab),
    initialHow: new Int8Array(vocab),
    initialSim: new Float64Array(vocab),
    latinGroupOf: new Int8Array(128),
    textStamp: new Int32Array(vocab),
    textPos: new Int32Array(vocab),
    maskCover: new Float64Array(64),
    maskStrong: new Float64Array(64),
    factors: new Float64Array(16),
    pairSim: new Float64Array(2),
    qCovered: new Uint8Array(32),
    qBest: new Float64Array(32),
    unmatchedF: new Float64Array(32),
    unmatchedFPerson: new Float64Array(32),
    inP: new Uint8Array(32),
    known: new Uint8Array(32),
    cBest: new Float64Array(64),
    cCovered: new Uint8Array(64),
  };
}

/** Grows the per query core token scratch arrays to hold `core` entries. */
function fitCore(scratch: SearchScratch, core: number): void {
  if (scratch.qBest.length >= core) return;
  let size = scratch.qBest.length;
  while (size < core) size *= 2;
  scratch.qCovered = new Uint8Array(size);
  scratch.qBest = new Float64Array(size);
  scratch.unmatchedF = new Float64Array(size);
  scratch.unmatchedFPerson = new Float64Array(size);
  scratch.inP = new Uint8Array(size);
  scratch.known = new Uint8Array(size);
}

/** One name scored against the query: the best per record is kept. */
export interface NameMatch {
  readonly recordIndex: number;
  /** Indexed-name id (for {@link explainNameMatch}). */
  readonly nameId: number;
  /** Ordinal of the matched name in the record's `subject.names`. */
  readonly nameOrdinal: number;
  readonly kind: NameKind;
  /** The `name.fuzzy` alignment score. */
  readonly alignment: number;
  /** Alignment score plus name-level penalties (weak alias, legal-form mismatch). */
  readonly score: number;
  /** Which reading of the query matched (see {@link queryReadings}); 0, the query as given, when absent. */
  readonly reading?: number;
  /**
   * The name's comparable unit pairs (query unit, list unit of the name, similarity) that the search
   * aligned, in query-unit then list-unit order — the order {@link comparablePairs} lists them in —
   * when the search was asked to keep them ({@link SearchNamesOptions.keepPairs}).
   */
  readonly pairs?: readonly UnitPair[];
}

/** Options of {@link buildNameIndex}. */
export interface BuildNameIndexOptions {
  readonly algorithm?: NameAlgorithm;
}

/**
 * A list name normalised with the word tables of its record's type; a name of an untyped record
 * (the CSL's State and Commerce rows, the DPL) whose own words make it an organisation's — a legal
 * form or a descriptor word, as {@link organisationWords} reads a query — is read as one, so that
 * "Tongfang NucTech Technology Ltd." is scored with the organisation rules, not a person's.
 * @example
 * normalizeListName("Star Aviation Services FZC", "unknown").context //=> "organization"
 * normalizeListName("PEARL LI", "unknown").context //=> "any"
 */
export function normalizeListName(value: string, type: SubjectType): NormalizedName {
  const context = contextFor(type);
  const name = normalizeName(value, { context });
  if (context !== "any" || organisationWords(name).length === 0) return name;
  return normalizeName(value, { context: "organization" });
}

/**
 * Which word tables apply to a record's names, by subject type.
 * @example
 * contextFor("vessel") //=> "other"
 */
export function contextFor(type: SubjectType): NameContext {
  switch (type) {
    case "person":
      return "person";
    case "organization":
      return "organization";
    case "vessel":
    case "aircraft":
      return "other";
    default:
      return "any";
  }
}

/**
 * The vocabulary key of a unit or token: the text; `!text` for initials (a person's "J" is not an
 * organisation's "J"); `#text|skeleton` for abjad units.
 * @example
 * vocabKey({ text: "SDM", skeleton: "SDM", abjad: true, initial: false }) //=> "#SDM|SDM"
 */
export function vocabKey(u: { readonly text: string; readonly skeleton: string; readonly abjad: boolean; readonly initial?: boolean; readonly cls?: string; readonly acronym?: boolean; readonly run?: boolean }): string {
  return keyFrom(u.text, u.skeleton, u.abjad, u.initial === true || u.cls === "initial", u.acronym === true, u.run === true);
}

function keyFrom(text: string, skeleton: string, abjad: boolean, initial: boolean, acronym: boolean, run = false): string {
  if (acronym) return run ? `~${text}` : `^${text}`;
  if (abjad) return `#${text}|${skeleton}`;
  return initial ? `!${text}` : text;
}

function vocabToken(text: string, skeleton: string, flags: number, canon?: string): ComparableToken {
  const abjad = (flags & FLAG_ABJAD) !== 0;
  const initial = (flags & FLAG_INITIAL) !== 0;
  const number = (flags & FLAG_NUMBER) !== 0;
  if (canon !== undefined && (flags & FLAG_ACRONYM) === 0) return tokenFromParts(text, canon, skeleton, abjad, initial, number);
  return comparableToken(text, skeleton, { abjad, initial, number, acronym: (flags & FLAG_ACRONYM) !== 0, run: (flags & FLAG_RUN) !== 0 });
}

function keysOf(t: ComparableToken, alg: NameAlgorithm, push: (hash: number) => void): void {
  // A list word is keyed for the query's own initials (a whole name's: four letters or more).
  if (t.acronym === true || acronymLike(t, MIN_ACRONYM)) push(hashKey("R", t.text));
  if (t.acronym === true) return;
  if (t.number) {
    push(hashKey("D", t.text));
    return;
  }
  if (t.abjad) push(hashKey("A", t.text));
  else forEachDeletionVariantHash("C", t.canon, indexDeletions(t.canon.length), push);
  if (t.skeleton.length > 0) for (const variant of skeletonVariants(t.skeleton)) forEachDeletionHash("S", variant, alg.minSkeletonDeletionLength, push);
  // Exact skeletons again under their own family: Latin queries compare skeletons only for
  // equality and should not wade through the one-deletion variants abjad queries need.
  if (!t.abjad && t.skeleton.length >= alg.minSkeletonLength) push(hashKey("K", t.skeleton));
  if (!t.abjad) {
    if (t.initial) push(hashKey("I", t.text));
    else push(hashKey("F", t.text.charAt(0)));
  }
  for (const sym of t.symbols) push(hashKey("Y", sym));
  // An -SK- adjective under each stem its noun may have (a query noun probes its own stem).
  if (!t.abjad && !t.initial) for (const stem of adjectiveNounStems(t.text)) push(hashKey("J", stem));
}

/**
 * A single word that could equal an acronym unit of at least `min` letters: a query word the
 * initials of a list name or of a run of its words (from MIN_RUN_ACRONYM), a list word a query
 * name's initials (from MIN_ACRONYM; see name-units.ts).
 */
function acronymLike(t: ComparableToken, min: number): boolean {
  return !t.abjad && !t.initial && !t.number && t.text.length >= min && t.text.length <= MAX_ACRONYM;
}

/**
 * Builds the name index of a record set (records in the order the caller will resolve them).
 * @example
 * buildNameIndex(list.records).data.nameRecord.length //=> 47094
 */
export function buildNameIndex(records: readonly DesignationRecord[], options: BuildNameIndexOptions = {}): NameIndex {
  const alg = options.algorithm ?? NAMES_V2;
  const unindexed: UnindexedName[] = [];
  // Pass 1: normalise, deduplicate per record, count record frequency of single core tokens.
  type Pending = { record: number; ordinal: number; kind: number; name: NormalizedName };
  const pending: Pending[] = [];
  const df = new Map<string, number>();
  for (let r = 0; r < records.length; r++) {
    const rec = records[r] as DesignationRecord;
    const seenTexts = new Set<string>();
    const byCompare = new Map<string, Pending>();
    rec.subject.names.forEach((n, ordinal) => {
      const name = normalizeListName(n.value, rec.subject.type);
      if (name.unscreenable !== undefined) {
        unindexed.push({ recordId: rec.id, name: n.value, reason: name.unscreenable.message });
        return;
      }
      const kind = NAME_KINDS.indexOf(n.kind);
      const key = name.tokens.map((t) => `${vocabKey(t)}:${t.cls}`).join(" ");
      const prior = byCompare.get(key);
      if (prior !== undefined) {
        if (kind < prior.kind) {
          prior.kind = kind;
          prior.ordinal = ordinal;
        }
        return;
      }
      const p: Pending = { record: r, ordinal, kind, name };
      byCompare.set(key, p);
      pending.push(p);
      for (const t of name.tokens) {
        if (t.cls === "legal" || t.cls === "honorific") continue;
        const k = vocabKey(t);
        if (seenTexts.has(k)) continue;
        seenTexts.add(k);
        df.set(k, (df.get(k) ?? 0) + 1);
      }
    });
  }
  const recordCount = records.length;
  const weightOf = (t: NameToken): number => classWeight(t.cls, rarityWeight(df.get(vocabKey(t)) ?? 0, recordCount, alg), alg);

  // Pass 2: units, vocabulary, postings.
  const vocabText: string[] = [];
  const vocabSkeleton: string[] = [];
  const vocabFlagsArr: number[] = [];
  const vocabLookup = new Map<string, number>();
  const postLists: number[][] = [];
  const nameRecord = new Int32Array(pending.length);
  const nameOrdinal = new Uint16Array(pending.length);
  const nameKind = new Uint8Array(pending.length);
  const nameLegal = new Uint16Array(pending.length);
  const nameCore = new Uint16Array(pending.length);
  const namePersonal = new Uint8Array(pending.length);
  const unitStart = new Int32Array(pending.length + 1);
  const unitVocab: number[] = [];
  const unitWeight: number[] = [];
  const unitCoverFirst: number[] = [];
  const unitCoverLen: number[] = [];
  const unitGlued: number[] = [];
  const unitInitial: number[] = [];
  const unitParticle: number[] = [];
  const unitRole: number[] = [];
  const unitNumber: number[] = [];
  pending.forEach((p, m) => {
    const units = buildNameUnits(p.name, weightOf, "candidate");
    nameRecord[m] = p.record;
    nameOrdinal[m] = p.ordinal;
    nameKind[m] = p.kind;
    nameCore[m] = units.coreCount;
    namePersonal[m] = units.personal ? 1 : 0;
    let legal = 0;
    for (const f of units.legalFamilies) legal |= 1 << LEGAL_FAMILY_BITS.indexOf(f);
    nameLegal[m] = legal;
    unitStart[m] = unitVocab.length;
    for (const u of units.units) {
      const key = vocabKey(u);
      let v = vocabLookup.get(key);
      if (v === undefined) {
        v = vocabText.length;
        vocabLookup.set(key, v);
        vocabText.push(u.text);
        vocabSkeleton.push(u.skeleton);
        vocabFlagsArr.push((u.abjad ? FLAG_ABJAD : 0) | (u.initial ? FLAG_INITIAL : 0) | (u.number ? FLAG_NUMBER : 0) | (u.acronym === true ? FLAG_ACRONYM : 0) | (u.run === true ? FLAG_RUN : 0));
        postLists.push([]);
      }
      const post = postLists[v] as number[];
      if (post[post.length - 1] !== m) post.push(m);
      unitVocab.push(v);
      unitWeight.push(u.weight);
      unitCoverFirst.push(u.coverFirst);
      unitCoverLen.push(u.coverLen);
      unitGlued.push(u.glued ? 1 : 0);
      unitInitial.push(u.initial ? 1 : 0);
      unitParticle.push(u.particle ? 1 : 0);
      unitRole.push(u.role ?? 0);
      unitNumber.push(u.number ? 1 : 0);
    }
  });
  unitStart[pending.length] = unitVocab.length;
  const postStart = new Int32Array(vocabText.length + 1);
  let total = 0;
  for (let v = 0; v < postLists.length; v++) {
    postStart[v] = total;
    total += (postLists[v] as number[]).length;
  }
  postStart[postLists.length] = total;
  const postNames = new Int32Array(total);
  for (let v = 0; v < postLists.length; v++) postNames.set(postLists[v] as number[], postStart[v] as number);

  // Pass 3: keys.
  const vocabFlags = Uint8Array.from(vocabFlagsArr);
  const vocab = vocabText.map((t, v) => vocabToken(t, vocabSkeleton[v] as string, vocabFlags[v] as number));
  const pairs = new KeyPairs();
  vocab.forEach((t, v) => keysOf(t, alg, (hash) => pairs.push(hash, v)));
  const vocabDf = new Int32Array(vocabText.length);
  vocabLookup.forEach((v, key) => {
    vocabDf[v] = df.get(key) ?? 0;
  });
  const data: NameIndexData = {
    algorithmId: alg.id,
    recordCount,
    vocabText,
    vocabSkeleton,
    vocabCanon: vocab.map((t) => t.canon),
    vocabFlags,
    vocabDf,
    nameRecord,
    nameOrdinal,
    nameKind,
    nameLegal,
    nameCore,
    namePersonal,
    unitStart,
    unitVocab: Int32Array.from(unitVocab),
    unitWeight: Float64Array.from(unitWeight),
    unitCoverFirst: Uint16Array.from(unitCoverFirst),
    unitCoverLen: Uint8Array.from(unitCoverLen),
    unitGlued: Uint8Array.from(unitGlued),
    unitInitial: Uint8Array.from(unitInitial),
    unitParticle: Uint8Array.from(unitParticle),
    unitRole: Uint8Array.from(unitRole),
    unitNumber: Uint8Array.from(unitNumber),
    postStart,
    postNames,
    keys: pairs.pack(),
    nbStart: new Int32Array(vocabText.length + 1),
    nbIds: new Int32Array(0),
    nbHow: new Uint8Array(0),
    nbSimCode: new Uint16Array(0),
    nbSimTable: new Float64Array(0),
  };
  const draft: NameIndex = { algorithm: alg, data, vocab, vocabLookup, hasAbjad: vocab.some((t) => t.abjad), unindexed, scratch: newScratch(vocabText.length, nameRecord.length), ...listWeights(data, alg) };
  return { ...draft, data: { ...data, ...precomputeNeighbours(draft) } };
}

/** Precomputes the comparable texts of every Latin, non-initial vocabulary text. */
function precomputeNeighbours(index: NameIndex): Pick<NameIndexData, "nbStart" | "nbIds" | "nbHow" | "nbSimCode" | "nbSimTable"> {
  const n = index.vocab.length;
  const nbStart = new Int32Array(n + 1);
  const lists: Float64Array[] = [];
  let total = 0;
  for (let v = 0; v < n; v++) {
    nbStart[v] = total;
    const t = index.vocab.at(v) as ComparableToken;
    if (t.abjad || t.initial) continue;
    const list = comparableTexts(index, t, undefined).texts;
    lists[v] = list;
    total += list.length / 3;
  }
  nbStart[n] = total;
  const nbIds = new Int32Array(total);
  const nbHow = new Uint8Array(total);
  const nbSimCode = new Uint16Array(total);
  const codes = new Map<number, number>();
  for (let v = 0; v < n; v++) {
    const list = lists[v];
    if (list === undefined) continue;
    let at = nbStart[v] as number;
    for (let x = 0; x < list.length; x += 3, at++) {
      nbIds[at] = list[x] as number;
      nbHow[at] = list[x + 1] as number;
      const sim = list[x + 2] as number;
      let code = codes.get(sim);
      if (code === undefined) {
        code = codes.size;
        // Fail closed: more distinct similarities than a code holds is a build error, never a rounded value.
        if (code > 0xffff) throw new Error(`more than ${0x10000} distinct neighbour similarities`);
        codes.set(sim, code);
      }
      nbSimCode[at] = code;
    }
  }
  return { nbStart, nbIds, nbHow, nbSimCode, nbSimTable: Float64Array.from(codes.keys()) };
}

/**
 * Wraps packed index data (e.g. from {@link importNameIndex}) for searching.
 * @example
 * nameIndexFromData(data).vocab.length //=> data.vocabText.length
 */
export function nameIndexFromData(
  data: NameIndexData,
  algorithm: NameAlgorithm,
  unindexed: readonly UnindexedName[] = [],
  // What a prebuilt index stores beside its data (src/candidates/serialize.ts): the list-side
  // weights and the vocabulary's hash table ({@link vocabSlots}); whatever is absent is derived.
  stored?: Partial<Pick<NameIndex, "nameCoreWeight" | "textCover">> & { readonly vocabSlots?: Int32Array },
): NameIndex {
  // Tokens are made on first use (a search reads a few hundred of the ~57k), and a stored hash
  // table replaces the lookup map: loading creates no object per vocabulary entry.
  const texts = data.vocabText;
  const flags = data.vocabFlags;
  let hasAbjad = false;
  for (let v = 0; v < texts.length && !hasAbjad; v++) if (((flags[v] as number) & FLAG_ABJAD) !== 0) hasAbjad = true;
  let vocabLookup: VocabLookup;
  if (stored?.vocabSlots !== undefined) vocabLookup = new SlotLookup(data, stored.vocabSlots);
  else {
    const map = new Map<string, number>();
    for (let v = 0; v < texts.length; v++) map.set(flagKey(texts[v] as string, data.vocabSkeleton[v] as string, flags[v] as number), v);
    vocabLookup = map;
  }
  const weights = stored?.nameCoreWeight !== undefined && stored.textCover !== undefined ? { nameCoreWeight: stored.nameCoreWeight, textCover: stored.textCover } : listWeights(data, algorithm);
  return { algorithm, data, vocab: new LazyVocab(data), vocabLookup, hasAbjad, unindexed, scratch: newScratch(texts.length, data.nameRecord.length), ...weights };
}

/**
 * The vocabulary's open-addressing hash table: slots (a power of two, at least twice the entries)
 * holding vocabulary ids at `hashKey("V", vocabKey)` with linear probing, -1 when empty. Stored in
 * a prebuilt index so that loading builds no map.
 * @example
 * vocabSlots(index.data).length >= 2 * index.data.vocabText.length //=> true
 */
export function vocabSlots(data: NameIndexData): Int32Array {
  const n = data.vocabText.length;
  let size = 2;
  while (size < 2 * n) size *= 2;
  const slots = new Int32Array(size).fill(-1);
  const mask = size - 1;
  for (let v = 0; v < n; v++) {
    let h = hashKey("V", flagKey(data.vocabText[v] as string, data.vocabSkeleton[v] as string, data.vocabFlags[v] as number)) & mask;
    while ((slots[h] as number) !== -1) h = (h + 1) & mask;
    slots[h] = v;
  }
  return slots;
}

/**
 * Whether stored slots can be the table of `count` vocabulary entries: a power of two at least
 * twice the count, every id in range and present exactly once (a damaged table is refused, never
 * searched: a lost entry would lose candidates).
 * @example
 * slotsFit(vocabSlots(data), data.vocabText.length) //=> true
 */
export function slotsFit(slots: Int32Array, count: number): boolean {
  const size = slots.length;
  if (size < 2 * count || (size & (size - 1)) !== 0) return false;
  const seen = new Uint8Array(count);
  let found = 0;
  for (let i = 0; i < size; i++) {
    const v = slots[i] as number;
    if (v === -1) continue;
    if (v < 0 || v >= count || seen[v] === 1) return false;
    seen[v] = 1;
    found++;
  }
  return found === count;
}

/**
 * Whether stored slots find their entries: up to 256 entries spread over the vocabulary are looked
 * up by key. A table laid out by another hash function (an index from another build) passes
 * {@link slotsFit} but finds nothing, which would lose candidates silently; it is refused instead.
 * @example
 * slotsAnswer(vocabSlots(data), data) //=> true
 */
export function slotsAnswer(slots: Int32Array, data: NameIndexData): boolean {
  const lookup = new SlotLookup(data, slots);
  const n = data.vocabText.length;
  const step = Math.max(1, Math.floor(n / 256));
  for (let v = 0; v < n; v += step) {
    if (lookup.get(flagKey(data.vocabText[v] as string, data.vocabSkeleton[v] as string, data.vocabFlags[v] as number)) !== v) return false;
  }
  return true;
}

/** {@link VocabLookup} over stored {@link vocabSlots}: a key is compared with the entry it probes. */
class SlotLookup implements VocabLookup {
  private readonly mask: number;
  constructor(
    private readonly data: NameIndexData,
    private readonly slots: Int32Array,
  ) {
    this.mask = slots.length - 1;
  }
  get(key: string): number | undefined {
    const d = this.data;
    let h = hashKey("V", key) & this.mask;
    for (let v = this.slots[h] as number; v !== -1; v = this.slots[h] as number) {
      // A plain entry's key is its text (no key string is built for a probe: misses probe ~2 entries).
      const flags = d.vocabFlags[v] as number;
      if ((flags & KEYED_FLAGS) === 0 ? d.vocabText[v] === key : flagKey(d.vocabText[v] as string, d.vocabSkeleton[v] as string, flags) === key) return v;
      h = (h + 1) & this.mask;
    }
    return undefined;
  }
}

// vocabKey of a vocabulary entry from its stored text, skeleton and flags.
function flagKey(text: string, skeleton: string, flags: number): string {
  return keyFrom(text, skeleton, (flags & FLAG_ABJAD) !== 0, (flags & FLAG_INITIAL) !== 0, (flags & FLAG_ACRONYM) !== 0, (flags & FLAG_RUN) !== 0);
}

/** A loaded index's vocabulary: each token made from the packed data the first time it is read. */
class LazyVocab implements VocabTokens {
  readonly length: number;
  private readonly tokens: (ComparableToken | undefined)[];
  constructor(private readonly data: NameIndexData) {
    this.length = data.vocabText.length;
    this.tokens = new Array<ComparableToken | undefined>(this.length);
  }
  at(v: number): ComparableToken | undefined {
    const made = this.tokens[v];
    if (made !== undefined || v < 0 || v >= this.length) return made;
    const d = this.data;
    const text = d.vocabText[v] as string;
    const canon = d.vocabCanon?.[v];
    const t = vocabToken(text, d.vocabSkeleton[v] as string, d.vocabFlags[v] as number, canon === "" ? text : canon);
    this.tokens[v] = t;
    return t;
  }
}

/** The least a person's unmatched list patronymic costs, per its weight (the bounds charge this). */
function leastPatronymicFactor(alg: NameAlgorithm): number {
  return Math.min(1, alg.unmatchedPatronymicFactor);
}

/** See {@link NameIndex.nameCoreWeight} and {@link NameIndex.textCover}. */
function listWeights(data: NameIndexData, alg: NameAlgorithm): Pick<NameIndex, "nameCoreWeight" | "textCover"> {
  const patronymicFactor = leastPatronymicFactor(alg);
  const names = data.nameRecord.length;
  const nameCoreWeight = new Float64Array(names);
  const textCover = new Float64Array(data.vocabText.length);
  const sum = new Float64Array(data.vocabText.length);
  const owner = new Int32Array(data.vocabText.length).fill(-1);
  for (let m = 0; m < names; m++) {
    const from = data.unitStart[m] as number;
    const to = data.unitStart[m + 1] as number;
    const core = data.nameCore[m] as number;
    let total = 0;
    // A person's patronymic left unmatched costs at least `unmatchedPatronymicFactor` of its weight
    // (name-score.ts): the bounds charge that much for it.
    const personal = (data.namePersonal[m] as number) === 1;
    for (let k = 0; k < core; k++) total += (data.unitWeight[from + k] as number) * (personal && data.unitRole[from + k] === UNIT_ROLE.patronymic ? patronymicFactor : 1);
    nameCoreWeight[m] = total;
    for (let j = from; j < to; j++) {
      const v = data.unitVocab[j] as number;
      let covered = 0;
      const first = data.unitCoverFirst[j] as number;
      for (let k = first; k < first + (data.unitCoverLen[j] as number); k++) covered += data.unitWeight[from + k] as number;
      if (owner[v] !== m) {
        owner[v] = m;
        sum[v] = 0;
      }
      sum[v] = (sum[v] as number) + covered;
      if ((sum[v] as number) > (textCover[v] as number)) textCover[v] = sum[v] as number;
    }
  }
  return { nameCoreWeight, textCover };
}

/**
 * Record frequency of an abjad word's closest comparable texts: the largest df among those at its
 * highest similarity (the comparable texts are the search's own, cached with it). Where the lists
 * write the word in Arabic script too, that text is its closest (similarity 1) and its own df
 * decides; reading the Latin spellings instead there was measured and not taken (see queryUnits).
 */
function readingDf(index: NameIndex, t: NameToken): number {
  const ct = comparableToken(t.text, t.skeleton, { abjad: true, initial: t.cls === "initial", number: t.cls === "number" });
  const n = cachedNeighbours(index, ct, vocabKey(ct), undefined);
  let bestSim = 0;
  let df = 0;
  for (let x = 0; x < n.texts.length; x += 3) {
    const sim = n.texts[x + 2] as number;
    const d = index.data.vocabDf[n.texts[x] as number] as number;
    if (sim > bestSim + 1e-9) {
      bestSim = sim;
      df = d;
    } else if (Math.abs(sim - bestSim) <= 1e-9 && d > df) df = d;
  }
  return df;
}

/**
 * Prepares a normalised query for matching against an index: match units weighted by the index's
 * token rarity (a token the lists never use weighs 1; an Arabic-script word the lists do not write
 * in Arabic script weighs as its closest Latin readings). Measured and not taken: Latin readings for
 * every Arabic-script word, also where the lists hold its own script form — on the embedded lists
 * (UN names in Arabic script) 34 of 360 made-up Arabic-script names changed outcome, one alerting on
 * an unrelated record (محمد عبد الله البلوي ~ LABOLO, Ali Mohammad); no Arabic-script negatives measure it.
 * @example
 * queryUnits(index, normalizeName("Nicolas Maduro")).coreCount //=> 2
 */
export function queryUnits(index: NameIndex, query: NormalizedName): NameUnits {
  const { data, algorithm: alg } = index;
  return buildNameUnits(
    query,
    (t) => {
      const v = index.vocabLookup.get(vocabKey(t));
      let df = v === undefined ? 0 : (data.vocabDf[v] as number);
      // An Arabic-script word is as common as its closest readings in the lists (أحمد as AHMAD,
      // AHMED where the lists do not write it in Arabic script), not as rare as an unknown word.
      if (t.abjad && t.skeleton.length > 0) df = Math.max(df, readingDf(index, t));
      return classWeight(t.cls, rarityWeight(df, data.recordCount, alg), alg);
    },
    "query",
  );
}

/** The unit table of indexed name m. */
function nameTable(data: NameIndexData, m: number): UnitTable {
  const offset = data.unitStart[m] as number;
  return {
    personal: data.namePersonal[m] as number,
    offset,
    count: (data.unitStart[m + 1] as number) - offset,
    coreCount: data.nameCore[m] as number,
    weight: data.unitWeight,
    coverFirst: data.unitCoverFirst,
    coverLen: data.unitCoverLen,
    glued: data.unitGlued,
    initial: data.unitInitial,
    particle: data.unitParticle,
    role: data.unitRole,
    number: data.unitNumber,
  };
}

function familiesOf(mask: number): string[] {
  const out: string[] = [];
  for (let b = 0; b < LEGAL_FAMILY_BITS.length; b++) if ((mask & (1 << b)) !== 0) out.push(LEGAL_FAMILY_BITS[b] as string);
  return out;
}

function legalMask(families: readonly string[]): number {
  let mask = 0;
  for (const f of families) mask |= 1 << LEGAL_FAMILY_BITS.indexOf(f);
  return mask;
}

/** Name-level penalties: weak alias, legal-form families both present and disjoint. */
function namePenalty(data: NameIndexData, m: number, queryLegal: number, alg: NameAlgorithm): number {
  let p = 0;
  if (NAME_KINDS[data.nameKind[m] as number] === "weak-alias") p -= alg.weakAliasPenalty;
  const legal = data.nameLegal[m] as number;
  if (queryLegal !== 0 && legal !== 0 && (queryLegal & legal) === 0) p -= alg.legalFormMismatchPenalty;
  return p;
}

/** Options of {@link searchNames} and {@link scanNames}. */
export interface SearchNamesOptions {
  /** Keep names whose name-level score is at least this (must be > 0). */
  readonly minScore: number;
  /** The query's units from {@link queryUnits} on this index, when the caller already has them. */
  readonly units?: NameUnits;
  /**
   * Receives the best-scoring name below `minScore` and at or above `floor` among the candidate
   * names whose pairs could reach it (the query as given, not its split readings): what was
   * considered when nothing reached the minimum. Not part of the lossless contract (the scan
   * scores every name; names the candidate and mask bounds drop are not looked at).
   */
  readonly nearest?: { readonly floor?: number; match?: NameMatch | undefined };
  /**
   * A work budget shared by every reading of the query, counted in work units (see `WORK`): when
   * it runs out the search stops and sets `exhausted` (its results are then incomplete: the caller
   * must not read an empty result as "no match"). The same query on the same index always costs
   * the same units, whatever earlier searches cached.
   */
  readonly budget?: SearchBudget;
  /**
   * Keep each match's comparable pairs (`NameMatch.pairs`), so that explaining it aligns them
   * instead of comparing every token pair of the two names again. A screen keeps them (it explains
   * its hits); a ranking does not.
   */
  readonly keepPairs?: boolean;
  /**
   * A record's own minimum, at or above `minScore`: its names below it are not returned (nor
   * aligned when a bound shows they cannot reach it), and it is asked only of names that pass
   * `minScore`. A screen raises it for the records whose secondary evidence cannot add all the bonus
   * `minScore` was lowered by (src/screen/search-floors.ts: birth years that cannot agree with the
   * caller's date, other countries); `minScore` stays the lowest, so what the query's words must
   * reach to make a candidate is the same.
   */
  readonly recordFloor?: (record: number) => number;
}

/**
 * See {@link SearchNamesOptions.budget}. Work is counted in units of about one posting read (see
 * `WORK` in name-index.ts); a search checks the budget before each step and stops within one step
 * of it.
 */
export interface SearchBudget {
  /** Work units left (below zero by at most one step when the last step overran). */
  remaining: number;
  /** Set when the search stopped before comparing every candidate. */
  exhausted: boolean;
}

/** Statistics of one indexed search (for benchmarks and the lossless test). */
export interface SearchStats {
  probedTokens: number;
  /** Vocabulary texts looked at through keys (before the exact comparison). */
  probedTexts: number;
  comparableTexts: number;
  candidateNames: number;
  /** Candidate names passing the posting-mask bound. */
  maskedNames?: number;
  /** Candidate names with at least one comparable pair. */
  pairedNames?: number;
  /** Candidate names whose upper bound reached the minimum (aligned). */
  alignedNames?: number;
}

/**
 * Finds every record with a name scoring at least `minScore` against the query, using the index;
 * returns the best name per record (same results as {@link scanNames}).
 * @example
 * searchNames(index, normalizeName("Belvneshpromservis"), { minScore: 0.8 })[0]?.score //=> 0.97
 */
export function searchNames(index: NameIndex, query: NormalizedName, options: SearchNamesOptions, stats?: SearchStats): NameMatch[] {
  return overReadings(index, query, options, (reading, units) =>
    searchReading(
      index,
      reading,
      // Every field present, in one order: one object shape for every call (V8's optimised search
      // deoptimises on a second shape).
      {
        minScore: options.minScore,
        units,
        nearest: reading === query ? options.nearest : undefined,
        budget: options.budget,
        keepPairs: options.keepPairs === true,
        recordFloor: options.recordFloor,
      },
      stats,
    ),
  );
}

/**
 * Other readings of a query: each token written as one word that the lists write as two or three
 * ("ALEXANDERLUKASHENKO", "BELNEFTEKHIM", "ARMY\u0000SUPPLY" → "ARMYSUPPLY") is read split at the
 * points where every part is a word of some list name (at least two letters each; a word that is
 * itself a list word only from ten letters or when at most two records hold it, in parts of three or
 * more, or else into two parts of four letters or more one of which has four: HAMIDREZA ~ HAMID REZA; the
 * first split with the longest first part); a run of three or more one-letter words is
 * read as one spaced-out word ("A R M Y" → "ARMY", split into list words like a glued one); two or
 * three words that together are a list word are read joined ("BELVN ESHPROMSERVICE"), and in a person's
 * name a word with the one before it or the last with the first, in that order ("SYAH, BAHRUM" →
 * BAHRUMSYAH); two words whose
 * space is one or two letters off are read re-cut when both parts are list words ("LAUREN TNKUNDA"). The
 * query as given is reading 0 (not searched when it has more than {@link MAX_INITIAL_RUN}
 * one-letter words in a row). A reading's alignment costs `splitPenalty`. The scan and the indexed
 * search use the same readings (from the vocabulary's texts, not its keys).
 * @example
 * queryReadings(index, normalizeName("AlexanderLukashenko"))[1]?.compare //=> "ALEXANDER LUKASHENKO"
 */
export function queryReadings(index: NameIndex, query: NormalizedName): NormalizedName[] {
  const readings: NormalizedName[] = [query];
  if (query.unscreenable !== undefined) return readings;
  const recordsWith = (s: string): number => {
    const v = index.vocabLookup.get(s);
    return v === undefined ? 0 : (index.data.vocabDf[v] as number);
  };
  const isWord = (s: string): boolean => recordsWith(s) > 0;
  // Whether a word's prefixes and suffixes are list words, each looked up once per word (a
  // three-part split tries the two-part split's heads again, and shares its tails).
  let memoText = "";
  let memo = new Int8Array(0);
  const memoized = (at: number, piece: () => string): boolean => {
    let known = memo[at] as number;
    if (known === 0) memo[at] = known = isWord(piece()) ? 1 : 2;
    return known === 1;
  };
  const splitOf = (text: string, parts: number, min: number): string[] | undefined => {
    const n = text.length;
    if (memoText !== text) {
      memoText = text;
      // [0, n]: the prefix ending at i; [n + 1, 2n + 1]: the suffix starting at i.
      memo = new Int8Array(2 * n + 2);
    }
    const headIs = (i: number): boolean => memoized(i, () => text.slice(0, i));
    const tailIs = (i: number): boolean => memoized(n + 1 + i, () => text.slice(i));
    // The first split with the longest first part (then the longest second part).
    for (let i = n - min; i >= min; i--) {
      if (!headIs(i)) continue;
      if (parts === 2) {
        if (tailIs(i)) return [text.slice(0, i), text.slice(i)];
        continue;
      }
      for (let j = n - min; j >= i + min; j--) {
        if (tailIs(j) && isWord(text.slice(i, j))) return [text.slice(0, i), text.slice(i, j), text.slice(j)];
      }
    }
    return undefined;
  };
  // A reading: `len` tokens from `at` read as list words (each keeps what the query wrote).
  const listWord = (text: string, source: string): NameToken => ({ text, cls: "word", abjad: false, skeleton: latinSkeleton(text), source });
  const read = (tokens: NameToken[]): void => {
    readings.push({ ...query, tokens, compare: tokens.map((x) => x.text).join(" ") });
  };
  const readAs = (at: number, len: number, words: readonly string[], source: string): void => {
    read([...query.tokens.slice(0, at), ...words.map((text) => listWord(text, source)), ...query.tokens.slice(at + len)]);
  };
  const plain = (t: NameToken | undefined): boolean => t !== undefined && !t.abjad && (t.cls === "word" || t.cls === "generic" || t.cls === "place");
  // Letters spaced out ("A R M Y  S U P P L Y", or a tab / no-break space after every letter): a
  // run of SPACED_RUN or more one-letter Latin words is also read as one word, split into list
  // words when it can be (initials stay initials in reading 0).
  const spaced = spacedLetters(query);
  if (spaced !== undefined) {
    const [at, len] = spaced;
    const text = query.tokens.slice(at, at + len).map((t) => t.text).join("");
    const source = query.tokens.slice(at, at + len).map((t) => t.source ?? t.text).join(" ");
    readAs(at, len, (isWord(text) ? undefined : (splitOf(text, 2, 2) ?? splitOf(text, 3, 2))) ?? [text], source);
  }
  // A word split by a space, tab or no-break space ("BELVN ESHPROMSERVICE"): two or three adjacent
  // words whose concatenation is a list word of six letters or more are also read joined (the
  // glued units already join a pair with a word of at most four letters).
  for (let i = 0; i < query.tokens.length && readings.length < MAX_READINGS; i++) {
    for (let len = 2; len <= 3 && readings.length < MAX_READINGS; len++) {
      const run = query.tokens.slice(i, i + len);
      if (run.length < len || !run.every(plain)) break;
      // As written before a table rewrote a word (SERVICE → SERVICES).
      const text = run.map((t) => (t.source !== undefined && /^[A-Z]+$/.test(t.source) ? t.source : t.text)).join("");
      if (text.length < 6 || (len === 2 && run.some((t) => t.text.length <= 4)) || !isWord(text)) continue;
      readAs(i, len, [text], run.map((t) => t.source ?? t.text).join(" "));
    }
  }
  // A person's name written surname first ("SYAH, Bahrum"; "BANDARABADI, Mohammad Reza Jafari") puts
  // apart the words that the lists write glued in the name's spoken order (BAHRUMSYAH,
  // JAFARIBANDARABADI): a word and the one before it, or the last word and the first, are also read
  // joined in that order when together they are a list word of six letters or more.
  if (query.context === "person" || query.context === "any") {
    const n = query.tokens.length;
    // Word `later` written after word `earlier` and joined after it; the joined word where `earlier` stood.
    const joinedAfter = (later: number, earlier: number): string | undefined => {
      const a = query.tokens[later] as NameToken;
      const b = query.tokens[earlier] as NameToken;
      if (readings.length >= MAX_READINGS || a.cls !== "word" || b.cls !== "word" || a.abjad || b.abjad || a.text.length < 3 || b.text.length < 3) return undefined;
      const text = a.text + b.text;
      return text.length >= 6 && isWord(text) ? text : undefined;
    };
    const sourceOf = (t: NameToken): string => t.source ?? t.text;
    for (let i = 1; i < n; i++) {
      const text = joinedAfter(i, i - 1);
      if (text !== undefined) readAs(i - 1, 2, [text], `${sourceOf(query.tokens[i - 1] as NameToken)} ${sourceOf(query.tokens[i] as NameToken)}`);
    }
    const text = n >= 3 ? joinedAfter(n - 1, 0) : undefined;
    if (text !== undefined) read([listWord(text, `${sourceOf(query.tokens[0] as NameToken)} ${sourceOf(query.tokens[n - 1] as NameToken)}`), ...query.tokens.slice(1, n - 1)]);
  }
  // A space typed one or two letters off ("LAUREN TNKUNDA"): two adjacent words re-cut where both
  // parts are list words.
  for (let i = 0; i + 1 < query.tokens.length && readings.length < MAX_READINGS; i++) {
    const a = query.tokens[i] as NameToken;
    const b = query.tokens[i + 1] as NameToken;
    if (!plain(a) || !plain(b)) continue;
    const text = a.text + b.text;
    for (const shift of [-1, 1, -2, 2]) {
      const at = a.text.length + shift;
      if (at < 3 || text.length - at < 3) continue;
      const head = text.slice(0, at);
      const tail = text.slice(at);
      if (!isWord(head) || !isWord(tail)) continue;
      readAs(i, 2, [head, tail], `${a.text} ${b.text}`);
      break;
    }
  }
  query.tokens.forEach((t, i) => {
    if (readings.length >= MAX_READINGS || !plain(t) || t.text.length < 6) return;
    // A word of the lists is split too when it is long or rare ("BELNEFTEKHIM" is also "BEL NEFTE
    // KHIM", "GOODYEAR" also "GOOD YEAR"), into parts of three letters or more; an unknown word into
    // parts of two or more. (Splitting every known word — SHANGHAI, TESTING — cost 2.2 times the
    // split searches for ±0.1 pt on DEV.)
    const known = isWord(t.text);
    // A common list word is split only where one part has four letters and the other at least four:
    // the compounds the lists also write apart that the list side does not glue (it glues words of
    // three letters or fewer): HAMIDREZA ~ HAMID REZA, HIZBULLAH ~ HIZB ULLAH, SOUTHEAST ~ SOUTH EAST.
    const common = known && t.text.length < MIN_KNOWN_SPLIT && recordsWith(t.text) > 2;
    if (common) {
      if (t.cls !== "word") return;
      const n = t.text.length;
      for (const at of [n - SHORT_SPLIT_PART, SHORT_SPLIT_PART]) {
        const head = t.text.slice(0, at);
        const tail = t.text.slice(at);
        if (head.length < SHORT_SPLIT_PART || tail.length < SHORT_SPLIT_PART || !isWord(head) || !isWord(tail)) continue;
        readAs(i, 1, [head, tail], t.source ?? t.text);
        break;
      }
      return;
    }
    const min = known ? 3 : 2;
    const parts = splitOf(t.text, 2, min) ?? (t.text.length >= 8 ? splitOf(t.text, 3, min) : undefined);
    if (parts !== undefined) readAs(i, 1, parts, t.source ?? t.text);
  });
  return readings;
}

/** Fewest one-letter words in a row that are also read as one spaced-out word. */
const SPACED_RUN = 3;
/**
 * Most one-letter words in a row read as initials (the dev set's names have at most 5 initials;
 * a longer run is letters spaced out, and its initials reading would compare every word of their
 * letters).
 */
export const MAX_INITIAL_RUN = 6;

/** The longest run of at least SPACED_RUN one-letter Latin words: [first token, length]. */
function spacedLetters(query: NormalizedName): [number, number] | undefined {
  let best: [number, number] | undefined;
  let start = -1;
  const tokens = query.tokens;
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    const letter = t !== undefined && t.text.length === 1 && !t.abjad && t.cls === "initial";
    if (letter && start < 0) start = i;
    if (!letter && start >= 0) {
      if (i - start >= SPACED_RUN && (best === undefined || i - start > best[1])) best = [start, i - start];
      start = -1;
    }
  }
  return best;
}

/** Most readings of one query (the query itself included). */
const MAX_READINGS = 4;
/** A word of the lists is read split only from this length. */
const MIN_KNOWN_SPLIT = 10;
/** A common list word is split when one part has this many letters (see queryReadings). */
const SHORT_SPLIT_PART = 4;

function overReadings(index: NameIndex, query: NormalizedName, options: SearchNamesOptions, run: (reading: NormalizedName, units: NameUnits | undefined) => NameMatch[]): NameMatch[] {
  const readings = queryReadings(index, query);
  // More one-letter words in a row than any name has initials: the query is only read spaced out.
  const spaced = spacedLetters(query);
  const first = spaced !== undefined && spaced[1] > MAX_INITIAL_RUN ? [] : run(query, options.units);
  if (readings.length === 1) return first;
  const best = new Map<number, NameMatch>(first.map((m) => [m.recordIndex, m]));
  const penalty = index.algorithm.splitPenalty;
  for (let r = 1; r < readings.length; r++) {
    for (const m of run(readings[r] as NormalizedName, undefined)) {
      const score = m.score - penalty;
      if (score < (options.recordFloor === undefined ? options.minScore : options.recordFloor(m.recordIndex))) continue;
      const prior = best.get(m.recordIndex);
      if (prior !== undefined && prior.score >= score) continue;
      best.set(m.recordIndex, { ...m, alignment: m.alignment - penalty, score, reading: r });
    }
  }
  return sortMatches(best);
}

/** {@link SearchNamesOptions} for one reading, every field present (see searchNames). */
interface ReadingOptions {
  readonly minScore: number;
  readonly units: NameUnits | undefined;
  readonly nearest: SearchNamesOptions["nearest"] | undefined;
  readonly budget: SearchBudget | undefined;
  readonly keepPairs: boolean;
  readonly recordFloor: ((record: number) => number) | undefined;
}

function searchReading(index: NameIndex, query: NormalizedName, options: ReadingOptions, stats?: SearchStats): NameMatch[] {
  const { data, algorithm: alg } = index;
  if (query.unscreenable !== undefined || !(options.minScore > 0)) return [];
  // Work budget (issue 9): a step whose work is known before it runs is charged first and not run
  // when it does not fit (`spend`); one whose work is known only after (`spent`) is charged then.
  // Either way a search stops within about one step of its budget (see WORK).
  const budget = options.budget;
  const recordFloor = options.recordFloor;
  if (budget !== undefined && budget.exhausted) return [];
  const spend = (units: number): boolean => {
    if (budget === undefined) return true;
    if (units > budget.remaining) {
      budget.exhausted = true;
      return false;
    }
    budget.remaining -= units;
    return true;
  };
  const spent = (units: number): boolean => {
    if (budget === undefined) return true;
    budget.remaining -= units;
    if (budget.remaining >= 0) return true;
    budget.exhausted = true;
    return false;
  };
  const q = options.units ?? queryUnits(index, query);
  const qUnits = q.units;
  const qt = q.table;
  const queryLegal = legalMask(q.legalFamilies);
  // (1) comparable vocabulary texts per distinct unit (a long query repeats tokens: "AL … AL"),
  // and the reverse map text → [unit group, sim, how code, …].
  const scratch = index.scratch;
  const keys = data.keys;
  const groupOf = new Int32Array(qUnits.length).fill(-1);
  const groupUnits: number[][] = [];
  const groupTexts: ArrayLike<number>[] = [];
  const groupSims: ArrayLike<number>[] = [];
  const groupCost: number[] = [];
  const groupByKey = new Map<string, number>();
  const revEpoch = nextEpoch(scratch);
  const revStamp = scratch.revStamp;
  const revSlot = scratch.revSlot;
  const revLast = scratch.revLast;
  let revCount = 0;
  const initialGroups = new Map<string, number[]>();
  // Initial groups as arrays for the candidate loop, and their (how, sim) per vocabulary text.
  const initialList: number[][] = [];
  const initialUnit: ComparableToken[] = [];
  const initialCode: number[] = [];
  // Latin initial groups by letter (ASCII; a group of another letter or an abjad initial compares
  // through the memo map below), and the abjad/non-ASCII groups that must see every text.
  const latinGroupOf = scratch.latinGroupOf.fill(-1);
  const otherGroups: number[] = [];
  const initialMemo = new Map<number, { how: MatchHow; sim: number }>();
  const vocabSize = index.vocab.length;
  for (let i = 0; i < qUnits.length; i++) {
    const u = qUnits[i] as (typeof qUnits)[number];
    const key = vocabKey(u);
    if (u.initial) {
      const members = initialGroups.get(key);
      if (members === undefined) {
        const created = [i];
        initialGroups.set(key, created);
        const code = u.text.charCodeAt(0);
        if (!u.abjad && code < 128 && initialList.length < 127) latinGroupOf[code] = initialList.length;
        else otherGroups.push(initialList.length);
        initialList.push(created);
        initialUnit.push(u);
        initialCode.push(code);
      }
      else members.push(i);
      continue;
    }
    const seen = groupByKey.get(key);
    if (seen !== undefined) {
      groupOf[i] = seen;
      (groupUnits[seen] as number[]).push(i);
      continue;
    }
    const g = groupUnits.length;
    groupByKey.set(key, g);
    groupOf[i] = g;
    groupUnits.push([i]);
    const texts: number[] = [];
    const sims: number[] = [];
    const add = (v: number, how: number, sim: number): void => {
      texts.push(v);
      sims.push(sim);
      if (revCount === scratch.revNext.length) growReverse(scratch);
      const e = revCount++;
      scratch.revNext[e] = -1;
      scratch.revGroup[e] = g;
      scratch.revSim[e] = sim;
      scratch.revHow[e] = how;
      if (revStamp[v] !== revEpoch) {
        revStamp[v] = revEpoch;
        revSlot[v] = e;
      } else scratch.revNext[revLast[v] as number] = e;
      revLast[v] = e;
    };
    const known = index.vocabLookup.get(key);
    if (known !== undefined && !u.abjad) {
      // Precomputed at build time (see NameIndexData.nbStart).
      const end = data.nbStart[known + 1] as number;
      if (!spend(1 + WORK.neighbour * (end - (data.nbStart[known] as number)))) return [];
      for (let x = data.nbStart[known] as number; x < end; x++) add(data.nbIds[x] as number, data.nbHow[x] as number, data.nbSimTable[data.nbSimCode[x] as number] as number);
    } else {
      // Charged as if computed here, cached or not (the same query always costs the same).
      if (!spend(probeWork(index, u))) return [];
      const cached = cachedNeighbours(index, u, key, stats);
      if (!spent(WORK_PER_PROBED * cached.probed)) return [];
      const list = cached.texts;
      for (let x = 0; x < list.length; x += 3) add(list[x] as number, list[x + 1] as number, list[x + 2] as number);
    }
    groupTexts.push(texts);
    groupSims.push(sims);
    let c = 0;
    for (const v of texts) c += (data.postStart[v + 1] as number) - (data.postStart[v] as number);
    groupCost.push(c);
    if (stats) stats.comparableTexts += texts.length;
  }
  // (2) choose P: cheapest query tokens first until the bound excludes every other name.
  const core = q.coreCount;
  const cost: number[] = new Array<number>(core).fill(0);
  for (let i = 0; i < qUnits.length; i++) {
    const u = qUnits[i] as (typeof qUnits)[number];
    const c = u.initial ? Number.MAX_SAFE_INTEGER / 4 : (groupCost[groupOf[i] as number] as number);
    for (let k = u.coverFirst; k < u.coverFirst + u.coverLen; k++) cost[k] = (cost[k] as number) + c;
  }
  const order = Array.from({ length: core }, (_, k) => k).sort(
    (a, b) => (cost[a] as number) - (cost[b] as number) || (qUnits[b]?.weight ?? 0) - (qUnits[a]?.weight ?? 0) || a - b,
  );
  let wNot = 0;
  for (let k = 0; k < core; k++) wNot += qUnits[k]?.weight ?? 0;
  // The least an unmatched query word can cost, per word of it (name-score.ts): a place word its
  // place factor, a patronymic its factor (against a person's name matched whole, so at least
  // that); against an organisation's name, a generic word the factor after a distinctive list
  // word matched exactly, and a repeated word the repeat's factor as well — but only while another
  // of its repeats may be matched (`repeats`: the other core tokens with the same text).
  // (Factors at most 1: one above 1 is not the least cost — the alignment may not apply it.)
  const placeOnly = (k: number): number => {
    const role = qt.role?.[k] ?? 0;
    return role === UNIT_ROLE.place ? Math.min(1, alg.unmatchedPlaceFactor) : role === UNIT_ROLE.patronymic ? Math.min(1, alg.unmatchedPatronymicFactor) : 1;
  };
  const unmatchedFactor = (k: number): number => ((qt.role?.[k] ?? 0) === UNIT_ROLE.generic ? Math.min(1, alg.genericAfterDistinctive) : placeOnly(k));
  const repeat = Math.min(1, alg.repeatedWordFactor);
  let repeats: number[][] | undefined;
  for (let k = 0; k < core; k++) {
    if ((qt.twin?.[k] ?? -1) < 0) continue;
    repeats ??= Array.from({ length: core }, () => []);
    for (let j = 0; j < core; j++) if (j !== k && qUnits[j]?.text === qUnits[k]?.text) (repeats[k] as number[]).push(j);
  }
  let wIn = 0;
  // A list name gets the covered α only with pairs weighing `coveredEvidence` or more, and its
  // pairs weigh at most the query words they use (W(¬P) for a name matching no word of P).
  const minAlphaCovered = Math.min(alg.unmatchedQueryWeight, alg.unmatchedQueryWeightPerson, alg.unmatchedQueryWeightCovered, alg.unmatchedQueryWeightCoveredOrg);
  const minAlphaUncovered = Math.min(alg.unmatchedQueryWeight, alg.unmatchedQueryWeightPerson);
  fitCore(scratch, core);
  const inP = scratch.inP.fill(0, 0, core);
  for (const k of order) {
    // The smallest α of any list name (see name-score.ts): the bound must hold for every name.
    // An organisation's pairs weighing up to W(¬P) may have their unmatched words discounted.
    const minAlpha = (wNot >= alg.coveredEvidence ? minAlphaCovered : minAlphaUncovered) * evidenceDiscount(wNot, 0, alg);
    if (wNot / (wNot + minAlpha * wIn) < options.minScore) break;
    inP[k] = 1;
    const w = qUnits[k]?.weight ?? 0;
    wNot -= w;
    if (repeats === undefined) {
      wIn += w * unmatchedFactor(k);
      continue;
    }
    // A repeated word is cheaper only while one of its repeats is outside P (may be matched).
    wIn = 0;
    for (let j = 0; j < core; j++) {
      if (inP[j] === 0) continue;
      const open = (repeats[j] as number[]).some((i) => inP[i] === 0);
      wIn += (qUnits[j]?.weight ?? 0) * unmatchedFactor(j) * (open ? repeat : 1);
    }
  }
  // (3) candidates: names holding a text comparable with a unit that covers a P token.
  // Each candidate also collects the P tokens its postings show comparable (a bit mask): before
  // its units are compared, a name is skipped when even matching all of ¬P and those P tokens
  // could not reach the minimum (MaxScore-style; the exact bound below is tighter).
  const nameEpoch = nextEpoch(scratch);
  const candidates = scratch.candidates;
  let candidateCount = 0;
  const nameMask = scratch.nameMask;
  let unitMask = 0;
  // An initial pairs with a word of its letter only in a personal name (see pairAllowedFlat).
  let personalOnly = false;
  const nameCover = scratch.nameCover;
  const nameSim = scratch.nameSim;
  const { nameUnitStamp, nameUnitGain, coverStamp, nameCoverStrong, strongStamp } = scratch;
  // Reads of a word unit (not an initial group) add to nameCoverStrong.
  let strongRead = false;
  // The query weight the current unit (or initial group) covers, and the stamp of its reads.
  let unitWeight = 0;
  let unitEpoch = 0;
  // Texts and postings read since the last charge to the budget.
  let read = 0;
  // A text's cover counts once per name (a second unit reading it adds none); a read limited to
  // personal names leaves the others uncounted, so it does not mark the text.
  const coverOf = (v: number): number => {
    if (coverStamp[v] === nameEpoch) return 0;
    if (!personalOnly) coverStamp[v] = nameEpoch;
    return index.textCover[v] as number;
  };
  const strongCoverOf = (v: number): number => {
    if (!strongRead || strongStamp[v] === nameEpoch) return 0;
    strongStamp[v] = nameEpoch;
    return index.textCover[v] as number;
  };
  // In the mask pass (below), reads only mark the names already candidates.
  let onlyStamped = false;
  const addPostings = (v: number, sim: number): void => {
    const cover = coverOf(v);
    const strong = strongCoverOf(v);
    const gain = sim * unitWeight;
    const end = data.postStart[v + 1] as number;
    read += (onlyStamped ? WORK.maskPosting : WORK.posting) * (1 + end - (data.postStart[v] as number));
    for (let x = data.postStart[v] as number; x < end; x++) {
      const m = data.postNames[x] as number;
      if (personalOnly && (data.namePersonal[m] as number) !== 1) continue;
      if (scratch.nameStamp[m] === nameEpoch) {
        markCandidate(m, cover, strong, gain);
        continue;
      }
      if (onlyStamped) continue;
      scratch.nameStamp[m] = nameEpoch;
      nameMask[m] = unitMask;
      nameCover[m] = cover;
      nameCoverStrong[m] = strong;
      nameSim[m] = gain;
      nameUnitStamp[m] = unitEpoch;
      nameUnitGain[m] = gain;
      candidates[candidateCount++] = m;
    }
  };
  // The unit's best gain on name m, counted once (see SearchScratch.nameUnitStamp).
  const addGain = (m: number, gain: number): void => {
    if (nameUnitStamp[m] !== unitEpoch) {
      nameUnitStamp[m] = unitEpoch;
      nameUnitGain[m] = gain;
      nameSim[m] = (nameSim[m] as number) + gain;
    } else if (gain > (nameUnitGain[m] as number)) {
      nameSim[m] = (nameSim[m] as number) + gain - (nameUnitGain[m] as number);
      nameUnitGain[m] = gain;
    }
  };
  // What a text of the current unit adds to a name that is already a candidate.
  const markCandidate = (m: number, cover: number, strong: number, gain: number): void => {
    nameMask[m] = (nameMask[m] as number) | unitMask;
    nameCover[m] = (nameCover[m] as number) + cover;
    nameCoverStrong[m] = (nameCoverStrong[m] as number) + strong;
    addGain(m, gain);
  };
  // The mask pass for a unit whose comparable texts' postings far outnumber the candidates: each
  // candidate's own units are looked up instead of scanning the postings for candidates. The same
  // (text, name) pairs (a name's postings are its distinct unit texts), applied per name in the
  // texts' order, so every sum is the one the posting scan makes.
  const foundPos: number[] = [];
  const readFromCandidates = (texts: ArrayLike<number>, sims: ArrayLike<number>): void => {
    const textEpoch = nextEpoch(scratch);
    const { textStamp, textPos } = scratch;
    if (scratch.maskCover.length < texts.length) {
      scratch.maskCover = new Float64Array(texts.length * 2);
      scratch.maskStrong = new Float64Array(texts.length * 2);
    }
    const { maskCover, maskStrong } = scratch;
    for (let x = 0; x < texts.length; x++) {
      const v = texts[x] as number;
      textStamp[v] = textEpoch;
      textPos[v] = x;
      maskCover[x] = coverOf(v);
      maskStrong[x] = strongCoverOf(v);
    }
    for (let ci = 0; ci < candidateCount; ci++) {
      const m = candidates[ci] as number;
      const end = data.unitStart[m + 1] as number;
      // Positions of this name's texts in the list, ascending and distinct (a name has few units).
      let found = 0;
      for (let j = data.unitStart[m] as number; j < end; j++) {
        const v = data.unitVocab[j] as number;
        if (textStamp[v] !== textEpoch) continue;
        const x = textPos[v] as number;
        let at = found;
        while (at > 0 && (foundPos[at - 1] as number) > x) at--;
        if (at > 0 && foundPos[at - 1] === x) continue;
        for (let k = found; k > at; k--) foundPos[k] = foundPos[k - 1] as number;
        foundPos[at] = x;
        found++;
      }
      for (let k = 0; k < found; k++) {
        const x = foundPos[k] as number;
        markCandidate(m, maskCover[x] as number, maskStrong[x] as number, (sims[x] as number) * unitWeight);
      }
    }
  };
  const masked = core <= 31;
  const known = scratch.known;
  known.set(inP.subarray(0, core));
  // Initials of one letter share their postings: each group is read once, for all its members.
  const initialDone = new Set<string>();
  // An initial is comparable with every word starting with its letter ("F" key), with itself, and
  // with abjad texts of the same skeleton: every such name is a candidate.
  const readInitial = (u: ComparableToken): void => {
    const k = findKey(data.keys, hashKey("F", u.text));
    personalOnly = true;
    if (k >= 0) for (let x = data.keys.starts[k] as number; x < (data.keys.starts[k + 1] as number); x++) addPostings(data.keys.ids[x] as number, 1);
    personalOnly = false;
    for (const self of [index.vocabLookup.get(vocabKey(u)), index.vocabLookup.get(u.text)]) if (self !== undefined) addPostings(self, 1);
    // An abjad initial (a one-letter Arabic word) compares by skeleton with every text; a Latin
    // initial with abjad texts of the index.
    if ((index.hasAbjad || u.abjad) && u.skeleton.length > 0) {
      for (const variant of skeletonVariants(u.skeleton)) {
        const s = findKey(keys, hashKey("S", variant));
        if (s < 0) continue;
        for (let x = data.keys.starts[s] as number; x < (data.keys.starts[s + 1] as number); x++) {
          const v = data.keys.ids[x] as number;
          read += WORK.compare;
          if (tokenSimilarity(u, index.vocab.at(v) as ComparableToken, alg) > 0) addPostings(v, 1);
        }
      }
    }
  };
  for (let i = 0; i < qUnits.length; i++) {
    const u = qUnits[i] as (typeof qUnits)[number];
    let covers = false;
    unitMask = 0;
    unitWeight = 0;
    const groupKey = u.initial ? vocabKey(u) : "";
    const members = u.initial ? (initialGroups.get(groupKey) as number[]) : [i];
    for (const member of members) {
      const mu = qUnits[member] as (typeof qUnits)[number];
      for (let k = mu.coverFirst; k < mu.coverFirst + mu.coverLen; k++) {
        if (inP[k] === 1) covers = true;
        if (masked) unitMask |= 1 << k;
        unitWeight += qt.weight[k] as number;
      }
    }
    if (!covers) continue;
    unitEpoch = nextEpoch(scratch);
    strongRead = !u.initial;
    if (u.initial) {
      if (initialDone.has(groupKey)) continue;
      initialDone.add(groupKey);
      for (const member of members) known[(qUnits[member] as (typeof qUnits)[number]).coverFirst] = 1;
      readInitial(u);
    } else {
      const texts = groupTexts[groupOf[i] as number] as ArrayLike<number>;
      const sims = groupSims[groupOf[i] as number] as ArrayLike<number>;
      // Charged before reading: the group's postings are counted in groupCost.
      if (!spend(WORK.posting * (texts.length + (groupCost[groupOf[i] as number] as number)))) return [];
      for (let x = 0; x < texts.length; x++) addPostings(texts[x] as number, sims[x] as number);
      read = 0;
    }
    if (!spent(read)) return [];
    read = 0;
  }
  // Then the other (non-initial) units only mark what they match among those candidates, so the
  // mask bound knows every word a candidate can pair, not just its P words.
  if (masked) {
    for (let i = 0; i < qUnits.length; i++) {
      const u = qUnits[i] as (typeof qUnits)[number];
      if (u.initial) {
        // An initial group's postings (every personal name with a word of its letter) are read
        // for the bound only when there are many candidates to prune: the β bound below needs
        // every query token read, and a list word an initial pairs with costs its gap.
        const groupKey = vocabKey(u);
        if (candidateCount < INITIAL_MASK_MIN_CANDIDATES || initialDone.has(groupKey)) continue;
        initialDone.add(groupKey);
        unitMask = 0;
        unitWeight = 0;
        for (const member of initialGroups.get(groupKey) as number[]) {
          const mu = qUnits[member] as (typeof qUnits)[number];
          known[mu.coverFirst] = 1;
          unitMask |= 1 << mu.coverFirst;
          unitWeight += qt.weight[mu.coverFirst] as number;
        }
        unitEpoch = nextEpoch(scratch);
        strongRead = false;
        onlyStamped = true;
        readInitial(u);
        onlyStamped = false;
        if (!spent(read)) return [];
        read = 0;
        continue;
      }
      unitMask = 0;
      unitWeight = 0;
      for (let k = u.coverFirst; k < u.coverFirst + u.coverLen; k++) {
        unitMask |= 1 << k;
        unitWeight += qt.weight[k] as number;
      }
      if (i < core) known[i] = 1;
      let inPAll = true;
      for (let k = u.coverFirst; k < u.coverFirst + u.coverLen; k++) if (inP[k] === 0) inPAll = false;
      if (inPAll) continue;
      const texts = groupTexts[groupOf[i] as number] as ArrayLike<number>;
      const sims = groupSims[groupOf[i] as number] as ArrayLike<number>;
      if (!spend(WORK.maskPosting * (texts.length + (groupCost[groupOf[i] as number] as number)))) return [];
      unitEpoch = nextEpoch(scratch);
      strongRead = true;
      if ((groupCost[groupOf[i] as number] as number) > CANDIDATE_SIDE_FACTOR * candidateCount) {
        readFromCandidates(texts, sims);
        continue;
      }
      for (let x = 0; x < texts.length; x++) {
        const v = texts[x] as number;
        const cover = coverOf(v);
        const strong = strongCoverOf(v);
        const gain = (sims[x] as number) * unitWeight;
        const end = data.postStart[v + 1] as number;
        for (let y = data.postStart[v] as number; y < end; y++) {
          const m = data.postNames[y] as number;
          if (scratch.nameStamp[m] === nameEpoch) markCandidate(m, cover, strong, gain);
        }
      }
    }
  }
  if (stats) {
    stats.probedTokens += qUnits.length;
    stats.candidateNames += candidateCount;
  }
  // Score every candidate with the pairs the scan would produce. Names whose pairs cannot reach
  // the minimum even if every pair were perfect are skipped before alignment (same results: the
  // bound W(paired)/(W(paired) + α·W(unpaired query) + β·W(unpaired list)) is never exceeded).
  const best = new Map<number, NameMatch>();
  const pairs: MutablePair[] = [];
  const pool: MutablePair[] = scratch.pairPool;
  const qCovered = scratch.qCovered;
  // Per query core token: the best similarity of any pair covering it (bounds the numerator).
  const qBest = scratch.qBest;
  let cBest = scratch.cBest;
  let cCovered = scratch.cCovered;
  // One unit table for every candidate name, moved to each name in turn (no object per name).
  const cTable = { ...nameTable(data, 0) };
  // α and β per list name kind, looked up per candidate (a call returning a number from this large
  // function is not inlined, and its result is boxed): [α, covered α] per personal (0/1), then
  // [β, covered β] per personal and one word or more (see name-score.ts), then an organisation's
  // [β, covered β] per one word or more without a one-word query's anchor β (slots 12–15).
  const factors = scratch.factors;
  const patronymicFactor = leastPatronymicFactor(alg);
  for (let personal = 0; personal < 2; personal++) {
    const alpha = unmatchedQueryFactor({ personal }, alg);
    factors[2 * personal] = alpha;
    factors[2 * personal + 1] = Math.min(personal === 1 ? alg.unmatchedQueryWeightCovered : alg.unmatchedQueryWeightCoveredOrg, alpha);
    for (let multi = 0; multi < 2; multi++) {
      const plain = unmatchedCandidateFactor(qt, { coreCount: multi + 1, personal }, alg);
      // A one-word query may be an organisation's distinctive word matched exactly: the least β is
      // the anchor's (the exact bound below takes the plain one when it cannot be).
      const beta = personal === 0 && core === 1 ? Math.min(plain, alg.unmatchedCandidateWeightAnchor) : plain;
      if (personal === 0) {
        factors[12 + 2 * multi] = plain;
        factors[12 + 2 * multi + 1] = Math.min(alg.unmatchedCandidateWeight, plain);
      }
      factors[4 + 4 * personal + 2 * multi] = beta;
      factors[4 + 4 * personal + 2 * multi + 1] = Math.min(alg.unmatchedCandidateWeight, beta);
    }
  }
  // Per name: a person's (or untyped) name gets only the place factor; an organisation's the
  // generic one too, and the repeat's while a repeat may be matched (see unmatchedFactor above).
  const unmatchedF = scratch.unmatchedF;
  const unmatchedFPerson = scratch.unmatchedFPerson;
  for (let k = 0; k < core; k++) {
    unmatchedF[k] = unmatchedFactor(k);
    unmatchedFPerson[k] = placeOnly(k);
  }
  // One closure for every candidate (not one per candidate): `from` is the current name's offset.
  let from = 0;
  // The pair's similarity is handed over in `pairSim[0]` and the name's highest kept in `pairSim[1]`
  // (a number passed to or kept by a closure is boxed: a heap allocation per pair).
  const pairSim = scratch.pairSim;
  const push = (i: number, j: number): void => {
    const sim = pairSim[0] as number;
    const p = pool[pairs.length] ?? (pool[pairs.length] = { q: 0, c: 0, sim: 0 });
    p.q = i;
    p.c = j - from;
    p.sim = sim;
    if (sim > (pairSim[1] as number)) pairSim[1] = sim;
    pairs.push(p);
    const qf = qt.coverFirst[i] as number;
    for (let k = qf; k < qf + (qt.coverLen[i] as number); k++) {
      qCovered[k] = 1;
      if (sim > (qBest[k] as number)) qBest[k] = sim;
    }
    const cf = data.unitCoverFirst[j] as number;
    for (let k = cf; k < cf + (data.unitCoverLen[j] as number); k++) {
      cCovered[k] = 1;
      if (sim > (cBest[k] as number)) cBest[k] = sim;
    }
  };
  // Built by push like otherGroups (packed elements): the candidate loop reads either through one
  // variable, and arrays of two element kinds there cost V8's optimised code a deoptimisation.
  const allGroups: number[] = [];
  for (let g = 0; g < initialList.length; g++) allGroups.push(g);
  const { initialStamp, initialHow, initialSim } = scratch;
  const { vocabFlags, vocabText } = data;
  let allKnown = masked;
  let wUnread = 0;
  // The query's initials' weight: what the initial pairs' gaps can give back (see below).
  let wInitials = 0;
  for (let k = 0; k < core; k++) {
    if ((qt.initial[k] as number) === 1) wInitials += qt.weight[k] as number;
    if (known[k] === 0) {
      allKnown = false;
      wUnread += qt.weight[k] as number;
    }
  }
  const gap = alg.initialGap;
  // Per candidate (see WORK): its bound, and when scored its core loops, list units, each (unit
  // group member, initial group) looked at and its pairs; charged after the candidate, checked
  // before the next.
  let work = 0;
  const { revNext, revGroup, revSim, revHow } = scratch;
  for (let ci = 0; ci < candidateCount; ci++) {
    const m = candidates[ci] as number;
    if (budget !== undefined) {
      budget.remaining -= work;
      if (budget.remaining <= 0) {
        budget.exhausted = true;
        break;
      }
      work = WORK.candidate + core;
    }
    // The record's own minimum, asked only of a name that passes the lowest one (most do not).
    let floor = options.minScore;
    let floorAsked = recordFloor === undefined;
    if (masked) {
      const mask = nameMask[m] as number;
      let wMatched = 0;
      let wMissed = 0;
      const personalName = data.namePersonal[m] as number;
      for (let k = 0; k < core; k++) {
        // A token is known unmatched when its own unit's postings were read (P, or the mask pass)
        // and did not reach this name; glued units only ever add matches.
        if ((mask & (1 << k)) !== 0 || known[k] === 0) wMatched += qt.weight[k] as number;
        else if (personalName === 1) wMissed += (qt.weight[k] as number) * (unmatchedFPerson[k] as number);
        else {
          let f = unmatchedF[k] as number;
          if (repeats !== undefined) for (const j of repeats[k] as number[]) if ((mask & (1 << j)) !== 0 || known[j] === 0) f = (unmatchedF[k] as number) * repeat;
          wMissed += (qt.weight[k] as number) * f;
        }
      }
      // α and β as the exact bound below takes them; the list's unpaired weight is at least its
      // core weight less what the texts its postings showed can cover (when every query unit's
      // postings were read).
      const multi = (data.nameCore[m] as number) > 1 ? 1 : 0;
      const covered = wMatched >= alg.coveredEvidence ? 1 : 0;
      // Pairs weigh at most the query weight they could match: the smallest evidence discount.
      const discount = evidenceDiscount(wMatched, personalName, alg);
      const alpha = (factors[2 * personalName + covered] as number) * discount;
      let out = alpha * wMissed;
      // The numerator: at most the matched query weight, and (every unit's postings read) at most
      // the list weight the texts its postings showed can cover.
      let reach = wMatched;
      if (allKnown) {
        const beta = (factors[4 + 4 * personalName + 2 * multi + covered] as number) * discount;
        const unpaired = (index.nameCoreWeight[m] as number) - (nameCover[m] as number);
        let listOut = unpaired > 0 ? beta * unpaired : 0;
        // A list word that no query word's postings reached is unpaired (β × its weight) or paired
        // with a query initial, whose pair adds initialGap × (its weight − the initial's) to the
        // denominator: either way at least min(β, gap) × its weight, less gap × the initials' weight.
        if (wInitials > 0) {
          const viaGap = Math.min(beta, gap) * ((index.nameCoreWeight[m] as number) - (nameCoverStrong[m] as number)) - gap * wInitials;
          if (viaGap > listOut) listOut = viaGap;
        }
        out += listOut;
        if ((nameCover[m] as number) < reach) reach = nameCover[m] as number;
      }
      // … and at most the similarity-weighted hits its postings showed, plus the weight of the
      // tokens whose postings were not read.
      const simReach = (nameSim[m] as number) + wUnread;
      if (simReach < reach) reach = simReach;
      const reachable = reach / (reach + out);
      if (reachable < floor) continue;
      if (!floorAsked) {
        floor = (recordFloor as (record: number) => number)(data.nameRecord[m] as number);
        floorAsked = true;
        if (reachable < floor) continue;
      }
      if (stats) stats.maskedNames = (stats.maskedNames ?? 0) + 1;
    }
    pairs.length = 0;
    pairSim[1] = 0;
    from = data.unitStart[m] as number;
    const to = data.unitStart[m + 1] as number;
    const cCore = data.nameCore[m] as number;
    work += WORK.scored + core + cCore + to - from;
    if (cCovered.length < cCore) {
      cCovered = scratch.cCovered = new Uint8Array(cCore * 2);
      cBest = scratch.cBest = new Float64Array(cCore * 2);
    }
    qCovered.fill(0, 0, core);
    qBest.fill(0, 0, core);
    cBest.fill(0, 0, cCore);
    cCovered.fill(0, 0, cCore);
    const personal = (data.namePersonal[m] as number) === 1;
    for (let j = from; j < to; j++) {
      const v = data.unitVocab[j] as number;
      const cGlued = (data.unitGlued[j] as number) === 1;
      const cCover = data.unitCoverLen[j] as number;
      const cParticle = (data.unitParticle[j] as number) === 1;
      if (revStamp[v] === revEpoch) {
        for (let x = revSlot[v] as number; x >= 0; x = revNext[x] as number) {
          const how = HOW_CODES[revHow[x] as number] as MatchHow;
          const sim = revSim[x] as number;
          const members = groupUnits[revGroup[x] as number] as number[];
          work += WORK.test * members.length;
          for (const i of members) {
            const qGlued = (qt.glued[i] as number) === 1;
            const qParticle = (qt.particle[i] as number) === 1;
            if (!pairAllowedFlat(how, qGlued, qt.coverLen[i] as number, qParticle, cGlued, cCover, cParticle, personal)) continue;
            if (!keepsPair(how, sim, qGlued, qParticle, cGlued, cParticle, alg)) continue;
            pairSim[0] = sim;
            push(i, j);
          }
        }
      }
      if (initialList.length > 0) {
        // The Latin initial of this text's first letter (an abjad text compares with every group).
        const abjadText = ((vocabFlags[v] as number) & FLAG_ABJAD) !== 0;
        const first = (vocabText[v] as string).charCodeAt(0);
        const g = !abjadText && first < 128 ? (latinGroupOf[first] as number) : -1;
        const groups = abjadText ? allGroups : otherGroups;
        work += WORK.test + WORK.initialGroup * groups.length;
        // Pairs are pushed in group order, as the scan would list them.
        let latinDone = g < 0;
        for (let x = 0; x <= groups.length; x++) {
          const og = x < groups.length ? (groups[x] as number) : initialList.length;
          if (!latinDone && og > g) {
            latinDone = true;
            if (initialStamp[v] !== revEpoch) {
              initialStamp[v] = revEpoch;
              const qu = initialUnit[g] as (typeof qUnits)[number];
              const t = index.vocab.at(v) as ComparableToken;
              const found = comparableHow(qu, t, alg);
              work += WORK.compare;
              initialHow[v] = found === undefined ? -1 : HOW_CODES.indexOf(found);
              initialSim[v] = found === undefined ? 0 : similarityFor(found, qu, t, alg);
            }
            const code = initialHow[v] as number;
            if (code >= 0) {
              const how = HOW_CODES[code] as MatchHow;
              const sim = initialSim[v] as number;
              if (pairAllowedFlat(how, false, 1, false, cGlued, cCover, cParticle, personal) && keepsPair(how, sim, false, false, cGlued, cParticle, alg)) {
                pairSim[0] = sim;
                for (const i of initialList[g] as number[]) push(i, j);
              }
            }
          }
          if (x === groups.length) break;
          const qu = initialUnit[og] as (typeof qUnits)[number];
          // An initial compares only with itself, words of its letter and abjad texts.
          if (!qu.abjad && !abjadText && first !== (initialCode[og] as number)) continue;
          // (how, sim) of group og and text v, computed once per search.
          const slot = og * vocabSize + v;
          let memo = initialMemo.get(slot);
          if (memo === undefined) {
            const t = index.vocab.at(v) as ComparableToken;
            const found = comparableHow(qu, t, alg);
            work += WORK.compare;
            memo = found === undefined ? NO_PAIR : { how: found, sim: similarityFor(found, qu, t, alg) };
            initialMemo.set(slot, memo);
          }
          if (memo === NO_PAIR) continue;
          const { how, sim } = memo;
          if (!pairAllowedFlat(how, false, 1, false, cGlued, cCover, cParticle, personal)) continue;
          if (!keepsPair(how, sim, false, false, cGlued, cParticle, alg)) continue;
          pairSim[0] = sim;
          for (const i of initialList[og] as number[]) push(i, j);
        }
      }
    }
    if (pairs.length === 0) continue;
    // The bound over the pairs, and pushing and sorting them (n log n).
    work += WORK.paired + pairs.length * (2 + 31 - Math.clz32(pairs.length));
    if (stats) stats.pairedNames = (stats.pairedNames ?? 0) + 1;
    let wPaired = 0;
    let wOut = 0;
    cTable.offset = from;
    cTable.count = to - from;
    cTable.coreCount = cCore;
    cTable.personal = personal ? 1 : 0;
    // Upper bound of the alignment (see name-score.ts), with the numerator bounded on both sides: a
    // pair weighs at most the tokens it covers on either side, at its similarity, and pairs share
    // no token, so N ≤ Σ best sim × weight over the query's tokens and over the list name's.
    let sQuery = 0;
    for (let k = 0; k < core; k++) {
      if (qCovered[k] === 1) {
        wPaired += qt.weight[k] as number;
        sQuery += (qBest[k] as number) * (qt.weight[k] as number);
      }
    }
    let sList = 0;
    // Whether a distinctive word of the name can pair exactly (else the query's generic words cost in full).
    let exactDistinctive = false;
    for (let k = 0; k < cCore; k++) {
      if (cCovered[k] !== 1) continue;
      sList += (cBest[k] as number) * (data.unitWeight[from + k] as number);
      if ((cBest[k] as number) >= 1 && data.unitRole[from + k] === UNIT_ROLE.distinctive) exactDistinctive = true;
    }
    const sPaired = sQuery < sList ? sQuery : sList;
    // The smallest α and β this name could get (covered only with evidence ≥ coveredEvidence).
    const coverable = wPaired >= alg.coveredEvidence;
    const kind = (personal ? 1 : 0);
    // The pairs weigh at most wPaired: an organisation's smallest evidence discount.
    const discount = evidenceDiscount(wPaired, kind, alg);
    const alpha = (factors[2 * kind + (coverable ? 1 : 0)] as number) * discount;
    // A one-word query's anchor β (name-score.ts) only when a distinctive word can pair exactly, and
    // never for the name's other distinctive words: those cost the plain β (slots 12–15).
    const slot = 2 * (cCore > 1 ? 1 : 0) + (coverable ? 1 : 0);
    const betaPlain = (factors[kind === 0 ? 12 + slot : 8 + slot] as number) * discount;
    const beta = exactDistinctive ? (factors[4 + 4 * kind + slot] as number) * discount : betaPlain;
    for (let k = 0; k < core; k++) {
      if (qCovered[k] !== 0) continue;
      const base = (kind === 1 || !exactDistinctive ? unmatchedFPerson[k] : unmatchedF[k]) as number;
      let f = base;
      if (kind === 0 && repeats !== undefined) for (const j of repeats[k] as number[]) if (qCovered[j] === 1) f = base * repeat;
      wOut += alpha * (qt.weight[k] as number) * f;
    }
    // (A person's patronymic at the least it may cost: see listWeights.)
    for (let k = 0; k < cCore; k++) {
      if (cCovered[k] !== 0) continue;
      const role = data.unitRole[from + k];
      wOut += (role === UNIT_ROLE.distinctive ? betaPlain : beta) * (data.unitWeight[from + k] as number) * (personal && role === UNIT_ROLE.patronymic ? patronymicFactor : 1);
    }
    // The pairs' denominator share D is at least N / (highest similarity): no exact pair, no
    // score near 1 (N ≤ S, and N / (N / s + U) grows with N).
    const simMax = pairSim[1] as number;
    const bound = simMax > 0 ? sPaired / (sPaired / simMax + wOut) : 0;
    // (Below the lowest minimum the record's own does not matter: the name can only be the nearest.)
    if (!floorAsked && bound >= floor) floor = (recordFloor as (record: number) => number)(data.nameRecord[m] as number);
    if (bound < floor) {
      // Below the minimum: aligned only when it could still be the nearest (branch and bound on
      // the best so far; a name's score never exceeds its bound).
      const near = options.nearest;
      if (near === undefined || bound < (near.floor ?? 0) || (near.match !== undefined && bound < near.match.score)) continue;
    }
    if (stats) stats.alignedNames = (stats.alignedNames ?? 0) + 1;
    work += WORK.alignedPair * pairs.length;
    const alignment = alignmentScore(pairs, qt, cTable, alg);
    const nearest = options.nearest;
    if (nearest !== undefined) {
      const score = alignment + namePenalty(data, m, queryLegal, alg);
      const prior = nearest.match;
      if (score < floor && score >= (nearest.floor ?? 0) && (prior === undefined || score > prior.score || (score === prior.score && (data.nameRecord[m] as number) < prior.recordIndex))) {
        nearest.match = { recordIndex: data.nameRecord[m] as number, nameId: m, nameOrdinal: data.nameOrdinal[m] as number, kind: NAME_KINDS[data.nameKind[m] as number] as NameKind, alignment, score };
      }
    }
    offerMatch(best, data, m, alignment, queryLegal, alg, floor, options.keepPairs === true ? pairs : undefined);
  }
  // The last candidate's work: over the budget is over, even with every candidate scored.
  if (budget !== undefined && !budget.exhausted) spent(work);
  return sortMatches(best);
}

type MutablePair = { q: number; c: number; sim: number };

/** Memo entry of an initial and a text that do not compare. */
const NO_PAIR: { how: MatchHow; sim: number } = { how: "initial", sim: 0 };

/**
 * A unit's comparable texts from the index's cache (by the unit's key), computed and cached when
 * absent; the cache is emptied when full. `stats` counts only what is computed.
 */
function cachedNeighbours(index: NameIndex, u: ComparableToken, key: string, stats: SearchStats | undefined): Neighbours {
  const cache = index.scratch.neighbours;
  let found = cache.get(key);
  if (found === undefined) {
    found = comparableTexts(index, u, stats);
    if (cache.size >= NEIGHBOUR_CACHE_SIZE) cache.clear();
    cache.set(key, found);
  }
  return found;
}

/** A unit's comparable vocabulary texts (see {@link comparableTexts}). */
interface Neighbours {
  /** Packed [text id, match-kind code, similarity, …]. */
  readonly texts: Float64Array;
  /** Key entries looked at to find them. */
  readonly probed: number;
}

/**
 * Work units of a search budget (issue 9), fitted to CPU time: one unit is about 7 ns on the reference
 * machine (test/bench/work-budget.mjs). A search charges per text and posting it reads, per query or
 * list core token a candidate's loops visit, and these per step. Refitted in session 5 after the
 * tighter posting bounds moved work from scoring candidates to reading postings: a non-negative
 * least-squares fit of warm CPU time (minimum of 5) on step counts over 816 inputs — the 400
 * costliest dev queries, every 25th, and 46 built adversarial ones — each weight then taken as the
 * larger of the fit's and the previous one, so that no step is charged below its time (the
 * costliest inputs now run at 6–9 ns per unit, were 9–19).
 */
const WORK = {
  /** A posting (or text) read while collecting candidates: the name may become a candidate. */
  posting: 6,
  /** A posting (or text) read in the mask pass, which only marks names already candidates. */
  maskPosting: 2,
  /** A precomputed comparable text of a known query word taken into the search's maps. */
  neighbour: 5,
  /** A candidate name's posting-mask bound. */
  candidate: 8,
  /** A candidate scored unit by unit (plus one per core token on both sides and per list unit). */
  scored: 50,
  /** A (query unit group member, list unit) combination looked at. */
  test: 5,
  /** A (non-Latin initial group, list unit) combination looked at (a memo lookup). */
  initialGroup: 6,
  /** A token comparison (comparableHow and its similarity) made while searching. */
  compare: 65,
  /** A candidate with pairs: the exact bound (plus 2 + log2 n per pair: pushed and sorted). */
  paired: 12,
  /** Per pair of a candidate that is aligned (three orders sorted and walked at most). */
  alignedPair: 50,
} as const;

/**
 * A query word not in the vocabulary charges its probe keys before they are built: a unit per key
 * and per this many letters hashed in place (one deletion), two units per letter of each string
 * built for two deletions (a 1,000-letter word has 500,501 of them: refused by the budget, not built);
 * then {@link WORK_PER_PROBED} per key entry looked at (a token comparison).
 */
const LETTERS_PER_UNIT = 8;
const WORK_PER_PROBED = 30;

/**
 * Work units a screen charges per record its search found, before reading the record and scoring
 * its secondary evidence (date of birth, country, type), and ranking and explaining the hits.
 * @example
 * WORK_PER_MATCH //=> 1000
 */
export const WORK_PER_MATCH = 1000;

/** Distinct strings (at most) from deleting up to `deletions` of `n` letters. */
function deletionCount(n: number, deletions: number): number {
  let total = 0;
  let choose = 1;
  for (let d = 0; d <= deletions && d <= n; d++) {
    total += choose;
    choose = (choose * (n - d)) / (d + 1);
  }
  return total;
}

/** The work of building and probing the keys of a unit not in the vocabulary (mirrors {@link comparableTexts}). */
function probeWork(index: NameIndex, u: ComparableToken): number {
  const alg = index.algorithm;
  const per = (letters: number): number => 1 + Math.ceil(letters / LETTERS_PER_UNIT);
  let work = u.acronym === true || acronymLike(u, MIN_QUERY_ACRONYM) ? per(u.text.length) : 0;
  if (u.acronym === true) return work;
  if (u.number) return work + per(u.text.length);
  const sk = u.skeleton.length;
  if (u.abjad) {
    work += per(u.text.length);
    if (sk > 0) for (const variant of skeletonVariants(u.skeleton)) work += deletionCount(variant.length, variant.length >= alg.minSkeletonDeletionLength ? 1 : 0) * per(variant.length);
    return work;
  }
  const deletions = indexDeletions(u.canon.length);
  work += deletionCount(u.canon.length, deletions) * (deletions >= 2 ? 2 + 2 * u.canon.length : per(u.canon.length));
  if (index.hasAbjad && sk > 0) work += deletionCount(sk, sk >= alg.minSkeletonDeletionLength ? 1 : 0) * per(sk);
  else if (sk >= alg.minSkeletonLength) work += per(sk);
  const adjective = u.initial ? 0 : (u.text.length >= MIN_ADJECTIVE_NOUN ? 1 : 0) + adjectiveNounStems(u.text).length * NOUN_ENDINGS.length;
  return work + 1 + u.symbols.length + adjective;
}

/**
 * Every vocabulary text comparable with a unit (through its keys), packed [id, how code, sim, …],
 * and how many key entries were looked at (its work, charged to a search budget).
 */
function comparableTexts(index: NameIndex, u: ComparableToken, stats: SearchStats | undefined): Neighbours {
  const { data, algorithm: alg, scratch } = index;
  const keys = data.keys;
  const epoch = nextEpoch(scratch);
  const out: number[] = [];
  let probed = 0;
  // A vocabulary text reached (through a key or looked up), compared once per search.
  const offer = (v: number): void => {
    if (scratch.vocabStamp[v] === epoch) return;
    scratch.vocabStamp[v] = epoch;
    if (stats) stats.probedTexts++;
    const t = index.vocab.at(v) as ComparableToken;
    const how = comparableHow(u, t, alg);
    if (how === undefined) return;
    const sim = similarityFor(how, u, t, alg);
    if (sim > 0) out.push(v, HOW_CODES.indexOf(how), sim);
  };
  const probe = (hash: number): void => {
    const k = findKey(keys, hash);
    if (k < 0) return;
    const end = keys.starts[k + 1] as number;
    probed += end - (keys.starts[k] as number);
    for (let x = keys.starts[k] as number; x < end; x++) offer(keys.ids[x] as number);
  };
  if (u.acronym === true || acronymLike(u, MIN_QUERY_ACRONYM)) probe(hashKey("R", u.text));
  if (u.acronym === true) return { texts: Float64Array.from(out), probed };
  if (u.number) probe(hashKey("D", u.text));
  else if (u.abjad) {
    probe(hashKey("A", u.text));
    if (u.skeleton.length > 0) for (const variant of skeletonVariants(u.skeleton)) forEachDeletionHash("S", variant, alg.minSkeletonDeletionLength, probe);
  } else {
    forEachDeletionVariantHash("C", u.canon, indexDeletions(u.canon.length), probe);
    if (index.hasAbjad && u.skeleton.length > 0) forEachDeletionHash("S", u.skeleton, alg.minSkeletonDeletionLength, probe);
    else if (u.skeleton.length >= alg.minSkeletonLength) probe(hashKey("K", u.skeleton));
    probe(hashKey("I", u.text.charAt(0)));
    for (const sym of u.symbols) probe(hashKey("Y", sym));
    // A noun finds the -SK- adjectives keyed under its stem; an adjective looks its nouns up (every
    // spelling whose stem is one of its stems: the stem itself, or it and a final vowel or YA).
    if (!u.initial) {
      if (u.text.length >= MIN_ADJECTIVE_NOUN) probe(hashKey("J", nounStem(u.text)));
      for (const stem of adjectiveNounStems(u.text)) {
        for (const end of NOUN_ENDINGS) {
          probed++;
          const v = index.vocabLookup.get(stem + end);
          if (v !== undefined) offer(v);
        }
      }
    }
  }
  return { texts: Float64Array.from(out), probed };
}

// A typed array twice as long with the same entries first.
function doubled<T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T {
  const grown = make(a.length * 2);
  grown.set(a);
  return grown;
}

function growReverse(scratch: SearchScratch): void {
  scratch.revNext = doubled(scratch.revNext, (n) => new Int32Array(n));
  scratch.revGroup = doubled(scratch.revGroup, (n) => new Int32Array(n));
  scratch.revSim = doubled(scratch.revSim, (n) => new Float64Array(n));
  scratch.revHow = doubled(scratch.revHow, (n) => new Uint8Array(n));
}

function nextEpoch(scratch: SearchScratch): number {
  if (scratch.epoch >= 0x7ffffff0) {
    scratch.epoch = 0;
    scratch.vocabStamp.fill(0);
    scratch.nameStamp.fill(0);
    scratch.revStamp.fill(0);
    scratch.initialStamp.fill(0);
    scratch.nameUnitStamp.fill(0);
    scratch.coverStamp.fill(0);
    scratch.strongStamp.fill(0);
    scratch.textStamp.fill(0);
  }
  return ++scratch.epoch;
}

/** Match kinds in code order (the reverse map stores the code). */
const HOW_CODES: readonly MatchHow[] = ["exact", "fuzzy", "phonetic", "skeleton", "initial", "translit", "symbol", "acronym", "adjective"];

/** Every allowed comparable pair of a query and indexed name m, computed directly (the scan). */
function scanPairs(index: NameIndex, q: NameUnits, m: number): UnitPair[] {
  const { data, algorithm: alg } = index;
  const from = data.unitStart[m] as number;
  const to = data.unitStart[m + 1] as number;
  const personal = (data.namePersonal[m] as number) === 1;
  const pairs: UnitPair[] = [];
  for (let i = 0; i < q.units.length; i++) {
    const qu = q.units[i] as (typeof q.units)[number];
    for (let j = from; j < to; j++) {
      const t = index.vocab.at(data.unitVocab[j] as number) as ComparableToken;
      const how = comparableHow(qu, t, alg);
      if (how === undefined) continue;
      if (!pairAllowedFlat(how, qu.glued, qu.coverLen, qu.particle, (data.unitGlued[j] as number) === 1, data.unitCoverLen[j] as number, (data.unitParticle[j] as number) === 1, personal)) continue;
      const sim = similarityFor(how, qu, t, alg);
      if (keepsPair(how, sim, qu.glued, qu.particle, (data.unitGlued[j] as number) === 1, (data.unitParticle[j] as number) === 1, alg)) pairs.push({ q: i, c: j - from, sim });
    }
  }
  return pairs;
}

function offerMatch(
  best: Map<number, NameMatch>,
  data: NameIndexData,
  m: number,
  alignment: number,
  queryLegal: number,
  alg: NameAlgorithm,
  minScore: number,
  keep?: readonly UnitPair[],
): void {
  const score = alignment + namePenalty(data, m, queryLegal, alg);
  if (score < minScore) return;
  const record = data.nameRecord[m] as number;
  const prior = best.get(record);
  const kind = data.nameKind[m] as number;
  if (prior !== undefined) {
    const priorKind = NAME_KINDS.indexOf(prior.kind);
    if (prior.score > score || (prior.score === score && (priorKind < kind || (priorKind === kind && prior.nameOrdinal <= (data.nameOrdinal[m] as number))))) return;
  }
  const match: NameMatch = { recordIndex: record, nameId: m, nameOrdinal: data.nameOrdinal[m] as number, kind: NAME_KINDS[kind] as NameKind, alignment, score };
  // A copy (the search reuses its pair objects), in comparablePairs' order.
  best.set(record, keep === undefined ? match : { ...match, pairs: keep.map((p) => ({ q: p.q, c: p.c, sim: p.sim })).sort((a, b) => a.q - b.q || a.c - b.c) });
}

function sortMatches(best: Map<number, NameMatch>): NameMatch[] {
  return [...best.values()].sort((a, b) => b.score - a.score || a.recordIndex - b.recordIndex);
}

/**
 * Reference implementation: scores every indexed name with the brute-force pair generator. Same
 * results as {@link searchNames}; used by the lossless test and for debugging.
 * @example
 * scanNames(index, normalizeName("Belvneshpromservis"), { minScore: 0.8 }).length //=> 1
 */
export function scanNames(index: NameIndex, query: NormalizedName, options: SearchNamesOptions): NameMatch[] {
  return overReadings(index, query, options, (reading) => scanReading(index, reading, options));
}

function scanReading(index: NameIndex, query: NormalizedName, options: SearchNamesOptions): NameMatch[] {
  const { data, algorithm: alg } = index;
  if (query.unscreenable !== undefined || !(options.minScore > 0)) return [];
  const q = queryUnits(index, query);
  const queryLegal = legalMask(q.legalFamilies);
  const best = new Map<number, NameMatch>();
  const names = data.nameRecord.length;
  for (let m = 0; m < names; m++) {
    const pairs = scanPairs(index, q, m);
    if (pairs.length === 0) continue;
    const floor = options.recordFloor === undefined ? options.minScore : options.recordFloor(data.nameRecord[m] as number);
    offerMatch(best, data, m, alignmentScore(pairs, q.table, nameTable(data, m), alg), queryLegal, alg, floor, options.keepPairs === true ? pairs : undefined);
  }
  return sortMatches(best);
}

/**
 * The best-scoring name of one record, without a minimum score (used for records found through
 * an identifier rather than a name); undefined when no name shares a comparable token.
 * @example
 * scoreRecordNames(index, normalizeName("Army Supply Bureau"), 7)?.alignment //=> 1
 */
export function scoreRecordNames(index: NameIndex, query: NormalizedName, recordIndex: number): NameMatch | undefined {
  const { data, algorithm: alg } = index;
  if (query.unscreenable !== undefined) return undefined;
  const q = queryUnits(index, query);
  const queryLegal = legalMask(q.legalFamilies);
  const best = new Map<number, NameMatch>();
  for (let m = 0; m < data.nameRecord.length; m++) {
    if (data.nameRecord[m] !== recordIndex) continue;
    const pairs = scanPairs(index, q, m);
    const alignment = pairs.length === 0 ? 0 : alignmentScore(pairs, q.table, nameTable(data, m), alg);
    offerMatch(best, data, m, alignment, queryLegal, alg, Number.NEGATIVE_INFINITY, pairs);
  }
  return best.get(recordIndex);
}

/**
 * How well a record's other names support a match on one of its names: the largest share of the
 * query's words (by weight) that another name of the record holds as they are written (0 when it
 * has none). A record whose other names hold the query's words too (REVOLUTIONARY PEOPLE'S STRUGGLE
 * beside POPULAR REVOLUTIONARY STRUGGLE) is ordered before one that matched by a single name at the
 * same score. Exact words only, read from the names' own vocabulary ids: a tie-break must not cost
 * an alignment per name. A record's names are indexed together (consecutive ids).
 * @example
 * recordSupport(index, queryUnits(index, normalizeName("Army Supply Bureau")), 7) >= 0 //=> true
 */
export function recordSupport(index: NameIndex, q: NameUnits, nameId: number): number {
  const { data } = index;
  const record = data.nameRecord[nameId] as number;
  // The query's core words as vocabulary ids (a word the lists do not hold supports nothing).
  const ids: number[] = [];
  const weights: number[] = [];
  let total = 0;
  for (let k = 0; k < q.coreCount; k++) {
    const u = q.units[k] as (typeof q.units)[number];
    total += u.weight;
    const v = index.vocabLookup.get(vocabKey(u));
    if (v === undefined) continue;
    ids.push(v);
    weights.push(u.weight);
  }
  if (total <= 0 || ids.length === 0) return 0;
  let best = 0;
  const offer = (m: number): void => {
    const from = data.unitStart[m] as number;
    const to = from + (data.nameCore[m] as number);
    let held = 0;
    for (let i = 0; i < ids.length; i++) {
      for (let j = from; j < to; j++) {
        if (data.unitVocab[j] !== ids[i]) continue;
        held += weights[i] as number;
        break;
      }
    }
    if (held > best) best = held;
  };
  for (let m = nameId - 1; m >= 0 && data.nameRecord[m] === record; m--) offer(m);
  for (let m = nameId + 1; m < data.nameRecord.length && data.nameRecord[m] === record; m++) offer(m);
  return best / total;
}

/**
 * Legal-form families of indexed name m.
 * @example
 * nameLegalFamilies(index, 0) //=> ["limited-liability"]
 */
export function nameLegalFamilies(index: NameIndex, m: number): string[] {
  return familiesOf(index.data.nameLegal[m] as number);
}
