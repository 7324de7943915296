/**
 * Recomputes, with full token data, the alignment behind one indexed name match: the same weights
 * (the index's token rarities) and the same pairs, so the score equals the indexed search's.
 */
import type { DesignationRecord } from "../model";
import type { NormalizedName } from "../normalize";
import { alignNames, buildNameUnits, classWeight, rarityWeight, scoreNames, type NameAlignment, type NameUnits, type UnitPair } from "../score";
import { normalizeListName, queryReadings, queryUnits, vocabKey, type NameIndex } from "./name-index";

/** A name match with everything needed to explain it. */
export interface NameExplanation {
  readonly query: NormalizedName;
  readonly queryUnits: NameUnits;
  readonly candidate: NormalizedName;
  readonly candidateUnits: NameUnits;
  readonly alignment: NameAlignment;
}

/**
 * Explains how a query aligns with one name of a record (by its ordinal in `subject.names`);
 * `prepared` may pass the query's units from {@link queryUnits} when explaining several hits, and
 * `pairs` the comparable pairs the search found for that name (`NameMatch.pairs`: the same pairs
 * {@link comparablePairs} would list, in its order), which are then aligned instead of comparing
 * every token pair of the two names again.
 * @example
 * explainNameMatch(index, normalizeName("Nicolas Maduro"), record, 0).alignment.pairs.length //=> 2
 */
export function explainNameMatch(index: NameIndex, query: NormalizedName, record: DesignationRecord, ordinal: number, prepared?: NameUnits, reading = 0, pairs?: readonly UnitPair[]): NameExplanation {
  const { candidate, candidateUnits } = candidateOf(index, record, ordinal);
  const align = (units: NameUnits): NameAlignment => (pairs === undefined ? scoreNames(units, candidateUnits, index.algorithm) : alignNames(pairs, units, candidateUnits, index.algorithm));
  if (reading > 0) {
    // A split reading of the query (queryReadings): the same reading and penalty as the search.
    const read = queryReadings(index, query)[reading] ?? query;
    const units = queryUnits(index, read);
    const alignment = align(units);
    return { query: read, queryUnits: units, candidate, candidateUnits, alignment: { ...alignment, score: alignment.score - index.algorithm.splitPenalty } };
  }
  const qu = prepared ?? queryUnits(index, query);
  return { query, queryUnits: qu, candidate, candidateUnits, alignment: align(qu) };
}

type Candidate = Pick<NameExplanation, "candidate" | "candidateUnits">;

/** Most records whose normalised names are kept per index before the cache is emptied. */
const CANDIDATE_CACHE_RECORDS = 4096;

// A list name's normalised form and units depend only on the name, its record's type and the
// index (its rarities and algorithm), so they are computed once per name and reused across
// screens (the same records are explained again and again); the cache never changes a result.
const candidateCache = new WeakMap<NameIndex, Map<DesignationRecord, (Candidate | undefined)[]>>();

function candidateOf(index: NameIndex, record: DesignationRecord, ordinal: number): Candidate {
  let byRecord = candidateCache.get(index);
  if (byRecord === undefined) candidateCache.set(index, (byRecord = new Map()));
  let names = byRecord.get(record);
  if (names === undefined) {
    if (byRecord.size >= CANDIDATE_CACHE_RECORDS) byRecord.clear();
    byRecord.set(record, (names = []));
  }
  const cached = names[ordinal];
  if (cached !== undefined) return cached;
  const alg = index.algorithm;
  const value = record.subject.names[ordinal]?.value ?? "";
  const candidate = normalizeListName(value, record.subject.type);
  const candidateUnits = buildNameUnits(
    candidate,
    (t) => {
      const v = index.vocabLookup.get(vocabKey(t));
      const df = v === undefined ? 0 : (index.data.vocabDf[v] as number);
      return classWeight(t.cls, rarityWeight(df, index.data.recordCount, alg), alg);
    },
    "candidate",
  );
  const entry = { candidate, candidateUnits };
  names[ordinal] = entry;
  return entry;
}
