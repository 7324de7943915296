/**
 * `createScreener`: builds (or loads) the candidate index once for a set of lists and screens
 * counterparties against it.
 *
 * Two layers. `matchName` is the name-match decision: records scored from names and secondary
 * evidence only (`decideOutcome` turns it into an outcome). `screen` adds the date-aware layer on
 * top without touching name scores: each scored record's legal bases are assessed as of `asOf` for
 * the caller's jurisdictions (`assessDesignation`), and a hit alerts only when its name alerts and
 * its designation is in force that day; a record designated later, ended, or outside the caller's
 * jurisdictions becomes a `clear` hit that never alerts. `asOf` is the input's, else the
 * screener's `today`; there is no hidden clock read.
 */
import { InputError } from "../errors";
import { buildHit, compareHits, finalDecision, nameReason, alignedTokens, type DesignationAssessment, type Hit, type HitDecision } from "../explain";
import { ALL_REGIMES, assessDesignation, curatedLinksOf, type DesignationContext } from "./assess-designation";
import type { DesignationRecord, ListMetadata, LoadedList, Regime, SubjectType } from "../model";
import { normalizeName, splitEmbeddedNames, type NormalizedName } from "../normalize";
import {
  birthDateReason,
  birthYearSpans,
  countryReason,
  entityTypeReason,
  inferredTypeReason,
  organisationWords,
  identifierReason,
  legalFormReason,
  nameKindReason,
  recordCountries,
  recordCountryCodes,
  NAMES_V2,
  type RecordCountryCodes,
  type NameAlgorithm,
  type NameUnits,
  type QueryIdentifier,
  type Reason,
} from "../score";
import {
  buildIdentifierIndex,
  buildNameIndex,
  contextFor,
  explainNameMatch,
  LEGAL_FAMILY_BITS,
  queryUnits,
  recordSupport,
  recordsWithIdentifiers,
  scoreRecordNames,
  searchNames,
  type IdentifierIndex,
  type NameIndex,
  type NameMatch,
  type SearchBudget,
  WORK_PER_MATCH,
  exportNameIndex,
  importNameIndex,
  indexFingerprint,
} from "../candidates";
import { DEFAULT_PROFILE, PROFILES, REVIEW_BAND, type ProfileName } from "./profiles";
import { DEFAULT_MAX_NAME_LENGTH, parseScreenInput, type ScreenInput, type ValidScreenInput } from "./screen-input";
import { parseScreenerOptions, type DEFAULT_SEARCH_BUDGET } from "./screener-options";
import { LIBRARY } from "./library-version";
import { contentSha256 } from "../rules";
import { buildEnvelope, type ResultEnvelope } from "./envelope";
import { assessListFreshness, type FreshnessOptions, type ListFreshness } from "./list-freshness";
import { coverageGaps, regimesCovered, type CoverageGap } from "./list-coverage";
import { searchFloors } from "./search-floors";

/**
 * Options of {@link createScreener}.
 * @example
 * const options: ScreenerOptions = { lists: [ofacSdn], profile: "strict", maxHits: 5, today: "2026-11-22", jurisdictions: ["US"] };
 * createScreener(options).threshold //=> 0.95
 */
export interface ScreenerOptions {
  /** The lists to screen against (each list's records keep their order). */
  readonly lists: readonly LoadedList[];
  /** Threshold profile; default `balanced`. */
  readonly profile?: ProfileName;
  /** Raw alert threshold in (0, 1], overriding the profile's. */
  readonly threshold?: number;
  /** Raw review threshold, at most the threshold; default threshold − 0.1. */
  readonly reviewThreshold?: number;
  /** Most explained hits returned per screen (the outcome always considers all); default 10. */
  readonly maxHits?: number;
  /** Longest accepted name in characters (`INPUT_TOO_LONG` beyond); default 1000. */
  readonly maxNameLength?: number;
  /** Most words in an accepted name (`INPUT_TOO_LONG` beyond); default 64. */
  readonly maxNameWords?: number;
  /**
   * Work budget of one screen, in work units fitted to CPU time (default
   * {@link DEFAULT_SEARCH_BUDGET}, above any dev-set name's): a name that needs more stops within
   * one step of it and is answered `unscreenable` with the reason, never `clear`. Deterministic: the
   * same input and lists always cost the same units.
   */
  readonly searchBudget?: number;
  /**
   * A prebuilt index for the same lists, loaded instead of built: bytes from `screener.exportIndex()`,
   * or a list-set snapshot (`lists/compiled/snapshot.bin`), whose name index is used.
   */
  readonly index?: Uint8Array;
  /** The default `asOf` (YYYY-MM-DD) when a screen gives none; the caller's "today". */
  readonly today?: string;
  /** Regimes that apply to the caller (default all four); a screen may narrow them. */
  readonly jurisdictions?: readonly Regime[];
  /**
   * Advanced: algorithm parameters other than `names-v2`'s (give it its own `id`: hits report it,
   * and profiles are calibrated for `names-v2` only).
   */
  readonly algorithm?: NameAlgorithm;
  /**
   * When a list is too old to trust on the as-of day (see `./list-freshness`): per-list maximum
   * ages over the publishers' defaults, and `snapshot` for shipped snapshots.
   */
  readonly freshness?: FreshnessOptions;
}

/**
 * The overall result of a name screen and of a transaction (the same words for both). `stale-clear`:
 * nothing matched, but on at least one list too old to trust on the as-of day (`freshness`) — never
 * a clean `clear`. A hit's or finding's `decision` uses the same words (`FindingDecision`).
 * @example
 * const outcome: Outcome = screener.screen({ name: "Army Supply Bureau", asOf: "2018-06-01" }).outcome; //=> "alert"
 * const same: Outcome = desk.screen(tx).outcome; // a transaction answers in the same words
 */
export type Outcome = "alert" | "review" | "clear" | "stale-clear" | "unscreenable";

/** Provenance of one list used. */
export interface ListProvenance {
  readonly listId: string;
  readonly sha256: string;
  readonly listDate?: string;
  readonly recordCount: number;
}

/** The name-match decision: hits from names and secondary evidence, before any date rules. */
export interface NameMatchResult {
  readonly query: {
    readonly name: string;
    readonly display: string;
    readonly compare: string;
    readonly type?: SubjectType;
    readonly country?: string;
    readonly dateOfBirth?: string;
    readonly identifiers?: readonly QueryIdentifier[];
  };
  /** True when nothing comparable is left of the name: never a clear, never a hit. */
  readonly unscreenable: boolean;
  /** Explained hits, best first (at most `maxHits`). */
  readonly hits: readonly Hit[];
  /** Number of records at or above the review threshold (hits beyond `maxHits` are counted here). */
  readonly hitCount: number;
  /** Alerts among all `hitCount` records. */
  readonly alertCount: number;
  /** Request-level reasons: why a name is unscreenable, characters that could not be romanised. */
  readonly reasons: readonly Reason[];
  readonly asOf?: string;
  /**
   * When nothing reaches the review threshold: the closest record below it (within
   * {@link NEAR_MISS_BAND}) among the names the search scored, so an analyst sees what was
   * considered. Never a hit.
   */
  readonly nearMiss?: NearMiss;
}

/**
 * The closest record below the review threshold (see {@link NameMatchResult.nearMiss}).
 * @example
 * screener.screen({ name: "Army Supply Buro", asOf: "2013-03-01" }).nearMiss?.detail
 * //=> 'closest: curated:army-supply-bureau "ARMY SUPPLY BUREAU" at 0.61, below the review threshold 0.8'
 */
export interface NearMiss {
  readonly id: string;
  readonly list: string;
  readonly recordId: string;
  /** The record's name that came closest. */
  readonly name: string;
  readonly score: number;
  readonly reviewThreshold: number;
  readonly detail: string;
}

/** How far below the review threshold a screen still looks for its near miss. */
export const NEAR_MISS_BAND = 0.2;


/**
 * The result of a screen.
 * @example
 * const r: ScreenResult = screener.screen({ name: "Army Supply Bureau", asOf: "2018-06-01" });
 * r.outcome //=> "alert"
 * r.hits[0]?.decision //=> "alert"
 * r.alertCount //=> 2
 */
export interface ScreenResult extends NameMatchResult {
  readonly outcome: Outcome;
  /** The day screened for. */
  readonly asOf: string;
  /** Regimes counted for alerts. */
  readonly jurisdictions: readonly Regime[];
  /** Records whose name and designation make a review (beyond `maxHits` too). */
  readonly reviewCount: number;
  /** Matched records whose hit is `clear`: not in force on `asOf` or outside the jurisdictions. */
  readonly clearCount: number;
  readonly profile: ProfileName | "custom";
  readonly threshold: number;
  readonly reviewThreshold: number;
  readonly algorithm: string;
  readonly lists: readonly ListProvenance[];
  /** True when any list is stale on `asOf` (see `freshness`); a would-be clear is then `stale-clear`. */
  readonly stale: boolean;
  /** Each list's age on `asOf`, its maximum and whether it is stale, explained. */
  readonly freshness: readonly ListFreshness[];
  /** Requested jurisdictions no loaded list covers (no list carries that regime's designations). */
  readonly coverageGaps: readonly CoverageGap[];
  /** Replay envelope: library, algorithm, profile, options hash, asOf, lists (see `./envelope`). */
  readonly envelope: ResultEnvelope;
}

/**
 * A lightweight ranked match (no explanation), for ranking and evaluation.
 * @example
 * const [best]: RankedMatch[] = screener.rank("Army Supply Bureau");
 * best?.id //=> "curated:army-supply-bureau"
 */
export interface RankedMatch {
  /** Record id `<list>:<source id>`. */
  readonly id: string;
  readonly list: string;
  readonly recordId: string;
  readonly score: number;
}

/**
 * Options of {@link Screener.rank}.
 * @example
 * screener.rank("Army Supply Bureau", { minScore: 0.5, limit: 3 } satisfies RankOptions).length <= 3 //=> true
 */
export interface RankOptions {
  /** Lowest name score returned (> 0); default the review threshold. */
  readonly minScore?: number;
  /** Most results; default 10. */
  readonly limit?: number;
}

/**
 * A screener bound to a set of lists.
 * @example
 * const screener: Screener = createScreener({ lists: [ofacSdn, unSc], today: "2026-11-22" });
 * screener.screen({ name: "Army Supply Bureau" }).outcome //=> "alert"
 * screener.lists.map((l) => l.listId) //=> ["ofac-sdn", "un-sc"]
 */
export interface Screener {
  /** Screens one counterparty: outcome, explained hits and reasons. */
  screen(input: ScreenInput): ScreenResult;
  /** The name-match decision only (the seam date rules build on). */
  matchName(input: ScreenInput): NameMatchResult;
  /** Ranks records by name score alone, down to `minScore` (interactive search, evaluation). */
  rank(name: string, options?: RankOptions): RankedMatch[];
  /** The compact prebuilt index, to pass as `index` to a later `createScreener` (serverless cold start). */
  exportIndex(): Uint8Array;
  /** Each list's age on a day and whether it is stale then (the same rule `screen` applies). */
  freshnessOn(asOf: string): ListFreshness[];
  readonly profile: ProfileName | "custom";
  readonly threshold: number;
  readonly reviewThreshold: number;
  readonly algorithm: string;
  readonly lists: readonly ListProvenance[];
  /**
   * Every option that decides a result (thresholds, limits, the algorithm's parameters), as echoed in
   * each envelope's `options`; a transaction's envelope carries them too.
   */
  readonly replayOptions: Readonly<Record<string, unknown>>;
  /** Indexed record and name counts, and list names that could not be indexed (with reasons). */
  readonly stats: { readonly records: number; readonly names: number; readonly unindexed: NameIndex["unindexed"] };
}

/**
 * Why a name made only of digits (and separators) is not screened by name: a number matches list
 * names only by their numbers ("12" against the vessel "GENAVA 12"), which is noise, never evidence.
 * Such a number is an identifier (IMO, registration, tax id) and is screened as one. Undefined for a
 * name with at least one letter.
 */
function digitsOnlyName(name: string): string | undefined {
  if (/\p{L}/u.test(name) || !/\p{N}/u.test(name)) return undefined;
  const value = name.normalize("NFKC").replace(/\s+/gu, " ").trim();
  return `name "${value}" has no letters, only digits: a number is not screened as a name; pass it as an identifier (identifiers: [{ type, value: "${value}" }], CLI --id type:${value.replace(/\s/gu, "")}) with the party's name`;
}

// Words of a written name: runs of letters and digits, an apostrophe inside a word kept in it
// ("So'ng", "'ABD") — for ordering equal scores (see compareHits).
function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 39 || c === 96 || c === 0x2018 || c === 0x2019 || c === 0x02bb || c === 0x02bc) continue;
    // ASCII by range; other characters by class (a surrogate pair's halves as letters).
    const letter = c < 128 ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : (c >= 0xd800 && c <= 0xdfff) || WORD_CHAR.test(text[i] as string);
    if (letter && !inWord) n++;
    inWord = letter;
  }
  return n;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

// How many words a record's matched name has more or fewer than a screened name of `words` words.
function wordGapOf(record: DesignationRecord, nameOrdinal: number, words: number): number {
  return Math.abs(wordCount(record.subject.names[nameOrdinal]?.value ?? "") - words);
}

/**
 * Derives the final outcome from a name-match result: unscreenable, else alert if any hit
 * alerts, review if any is reviewed, clear otherwise.
 * @example
 * decideOutcome({ unscreenable: false, alertCount: 0, hitCount: 2 }) //=> "review"
 */
export function decideOutcome(m: Pick<NameMatchResult, "unscreenable" | "alertCount" | "hitCount">): Outcome {
  if (m.unscreenable) return "unscreenable";
  if (m.alertCount > 0) return "alert";
  return m.hitCount > 0 ? "review" : "clear";
}

/**
 * Creates a screener for a set of lists (builds the candidate index, or loads `options.index`).
 * @example
 * const screener = createScreener({ lists: [ofacSdn], profile: "balanced" });
 * screener.screen({ name: "Belvneshpromservis" }).outcome //=> "alert"
 */
export function createScreener(options: ScreenerOptions): Screener {
  const opts = parseScreenerOptions(options);
  const records: DesignationRecord[] = options.lists.flatMap((l) => [...l.records]);
  let ids: IdentifierIndex | undefined;
  let births: Int16Array | undefined;
  let countries: RecordCountryCodes | undefined;
  return screenerOver(options, opts, {
    lists: options.lists.map((l) => ({ metadata: l.metadata, recordCount: l.records.length })),
    count: records.length,
    record: (i) => records[i] as DesignationRecord,
    all: () => records,
    curatedLinks: curatedLinksOf(records),
    regimesCovered: regimesCovered(options.lists),
    identifierIndex: () => (ids ??= buildIdentifierIndex(records)),
    birthYears: () => (births ??= birthYearSpans(records)),
    countryCodes: () => (countries ??= recordCountryCodes(records)),
  });
}

/**
 * Internal: where a screener reads its records. `createScreener` holds every record in memory; the
 * embedded record snapshot decodes them on demand (src/embedded/record-snapshot.ts) and gives what
 * the screener needs of all of them (curated links, covered regimes, identifier index) precomputed.
 */
export interface ScreenerRecords {
  readonly lists: readonly { readonly metadata: ListMetadata; readonly recordCount: number }[];
  readonly count: number;
  /** Record `i` in list order (all lists concatenated). */
  record(i: number): DesignationRecord;
  /** Every record, only to build a name index at start (no `index` given). */
  all(): readonly DesignationRecord[];
  readonly curatedLinks: ReadonlyMap<string, readonly DesignationRecord[]>;
  readonly regimesCovered: ReadonlyMap<Regime, readonly string[]>;
  /** Records by identifier value, built or decoded on first use (a screen with identifiers). */
  identifierIndex(): IdentifierIndex;
  /** Each record's birth-year span (`birthYearSpans`), built or decoded on first use (a screen with a date of birth). */
  birthYears(): Int16Array;
  /** Each record's countries (`recordCountryCodes`), built or decoded on first use (a screen with a country). */
  countryCodes(): RecordCountryCodes;
  /** The name index stored beside the records (the list-set snapshot), used when no `index` is given. */
  nameIndex?(fingerprint: string, algorithm: NameAlgorithm): NameIndex;
}

/**
 * Internal: a screener over records read through {@link ScreenerRecords} (`options.lists` is not
 * read: the records' lists are). Options are validated as `createScreener` validates them.
 * @example
 * createScreenerOver({ index, freshness: { snapshot: true } }, snapshotRecords).screen({ name: "KAMAZ", asOf: "2024-01-01" })
 */
export function createScreenerOver(options: Omit<ScreenerOptions, "lists">, source: ScreenerRecords): Screener {
  const opts = parseScreenerOptions({ ...options, lists: source.lists.map((l) => ({ metadata: l.metadata, records: [] })) });
  return screenerOver(options, opts, source);
}

function screenerOver(options: Omit<ScreenerOptions, "lists">, opts: ReturnType<typeof parseScreenerOptions>, source: ScreenerRecords): Screener {
  const lists = source.lists;
  const recordAt = source.record;
  const provenance: ListProvenance[] = lists.map((l) => ({
    listId: l.metadata.listId,
    sha256: l.metadata.sha256,
    ...(l.metadata.listDate === undefined ? {} : { listDate: l.metadata.listDate }),
    recordCount: l.recordCount,
  }));
  const fingerprint = indexFingerprint(provenance);
  const listDates = new Map(lists.map((l) => [l.metadata.listId, l.metadata.listDate]));
  const curatedLinks = source.curatedLinks;
  let index: NameIndex;
  const algorithm = options.algorithm ?? NAMES_V2;
  if (options.index !== undefined) {
    index = importNameIndex(options.index, fingerprint, algorithm, `${LIBRARY.name}@${LIBRARY.version}`);
  } else if (source.nameIndex !== undefined) {
    index = source.nameIndex(fingerprint, algorithm);
  } else {
    index = buildNameIndex(source.all(), { algorithm });
  }
  const profileName: ProfileName | "custom" = options.threshold !== undefined || options.reviewThreshold !== undefined ? "custom" : (options.profile ?? DEFAULT_PROFILE);
  const base = PROFILES[options.profile ?? DEFAULT_PROFILE];
  const threshold = options.threshold ?? base.threshold;
  const reviewThreshold = options.reviewThreshold ?? (options.threshold !== undefined ? Math.max(0.01, Math.round((threshold - REVIEW_BAND) * 1e6) / 1e6) : base.reviewThreshold);
  if (reviewThreshold > threshold) {
    throw new InputError([{ path: "reviewThreshold", expected: `at most the threshold ${threshold}`, received: String(reviewThreshold), message: "review threshold above alert threshold" }]);
  }
  const alg = index.algorithm;

  // The organisation words of persons' list names, by index name id: read once per screener, not
  // once per screen that matches them (see inferredTypeFor); at most one entry per person's name.
  const personNameOrgWords = new Map<number, readonly string[]>();

  /**
   * The inferred type's reason for a query read as an organisation's ({@link organisationWords})
   * against a record's matched name: only a person's record whose name does not read as an
   * organisation's too (the name is normalised only in that case, once).
   */
  function inferredTypeFor(orgWords: readonly string[], record: DesignationRecord, m: { readonly nameId: number; readonly nameOrdinal: number }): Reason | undefined {
    if (orgWords.length === 0 || record.subject.type !== "person") return undefined;
    let words = personNameOrgWords.get(m.nameId);
    if (words === undefined) {
      words = organisationWords(normalizeName(record.subject.names[m.nameOrdinal]?.value ?? ""));
      personNameOrgWords.set(m.nameId, words);
    }
    return inferredTypeReason(orgWords, record.subject.type, words);
  }

  /** The names a query is screened as: itself, and the parts of a name that carries others, each once. */
  function screenedNames(name: string, split = splitEmbeddedNames(name)): string[] {
    return split === undefined ? [name] : [...new Set([name, split.main.value, ...split.others.map((o) => o.value)])];
  }

  function secondaryReasons(input: ValidScreenInput, record: DesignationRecord, orgWords: readonly string[], m: { readonly nameId: number; readonly nameOrdinal: number }): Reason[] {
    const out: Reason[] = [];
    const t = input.type === undefined ? inferredTypeFor(orgWords, record, m) : entityTypeReason(input.type, record.subject.type);
    if (t) out.push(t);
    const d = birthDateReason(input.dateOfBirth, record.subject.birthDates);
    if (d) out.push(d);
    if (input.country !== undefined) {
      const c = countryReason(input.country, recordCountries(record));
      if (c) out.push(c);
    }
    if (input.identifiers !== undefined) {
      const i = identifierReason(input.identifiers, record.subject.identifiers);
      if (i) out.push(i);
    }
    return out;
  }

  function nameLevelReasons(query: NormalizedName, m: NameMatch, record: DesignationRecord, prepared: NameUnits): { reasons: Reason[]; hitAlignment: Hit["alignment"] } {
    const name = record.subject.names[m.nameOrdinal];
    const e = explainNameMatch(index, query, record, m.nameOrdinal, prepared, m.reading ?? 0, m.pairs);
    const reasons: Reason[] = [nameReason(e, alg)];
    const kind = nameKindReason(m.kind, name?.value ?? "", alg);
    if (kind) reasons.push(kind);
    const legal = legalFormReason(e.queryUnits.legalFamilies, e.candidateUnits.legalFamilies, alg);
    if (legal) reasons.push(legal);
    return { reasons, hitAlignment: alignedTokens(e, alg) };
  }

  /**
   * The score `combineReasons` gives the name-level reasons of a match (name.fuzzy, weak alias,
   * legal form; see `explain`) followed by `secondary`, summed in the same order so the float is
   * identical, without building the reasons' texts: every record above the search minimum is
   * scored, only `maxHits` of them are explained.
   */
  function matchScore(m: NameMatch, queryLegal: number, secondary: readonly Reason[]): number {
    let s = 0;
    s += Math.round(m.alignment * 1e6) / 1e6;
    if (m.kind === "weak-alias") s += -alg.weakAliasPenalty;
    const legal = index.data.nameLegal[m.nameId] as number;
    // Legal forms that agree weigh 0; both present and disjoint is a mismatch.
    if (queryLegal !== 0 && legal !== 0 && (queryLegal & legal) === 0) s += -alg.legalFormMismatchPenalty;
    for (const r of secondary) s += r.score * r.weight;
    return Math.min(1, Math.max(0, Math.round(s * 1e6) / 1e6));
  }

  /** The query's legal-form families as the index's bitmask (see `LEGAL_FAMILY_BITS`). */
  function queryLegalMask(units: NameUnits): number {
    let mask = 0;
    for (const f of units.legalFamilies) mask |= 1 << LEGAL_FAMILY_BITS.indexOf(f);
    return mask;
  }

  /** `part`: the query and units a record was scored from when it was a part of the name (see scoreAll). */
  // `wordGap`: how many words the matched list name has more or fewer than the screened name (see compareHits).
  // `q`: the units of the (part of the) query that scored it; `support`: recordSupport, once asked.
  type Scored = { m: NameMatch; record: DesignationRecord; secondary: Reason[]; score: number; wordGap: number; q: NameUnits; support?: number; part?: { query: NormalizedName; units: NameUnits } };
  type Scoring = {
    input: ValidScreenInput;
    query: NormalizedName;
    /** The query's units on this index (undefined when unscreenable). */
    units?: NameUnits;
    queryEcho: NameMatchResult["query"];
    requestReasons: Reason[];
    unscreenable: boolean;
    /** True when the search stopped at its work budget (the screen fails closed). */
    exhausted?: boolean;
    scored: Scored[];
    nearMiss?: NearMiss;
  };

  /** Scores every record that could reach the review threshold; no explanations yet. */
  function scoreAll(raw: ScreenInput): Scoring {
    const input = parseScreenInput(raw, opts.maxNameLength, opts.maxNameWords);
    // One work budget for the screen, whatever its parts: a name carrying many others ("X (a.k.a.
    // A; B; …)") is searched once per part and must not multiply the work a screen may do.
    const budget: SearchBudget = { remaining: opts.searchBudget, exhausted: false };
    const whole = scoreName(input, input.name, budget);
    const split = whole.unscreenable ? undefined : splitEmbeddedNames(input.name);
    if (split === undefined) return whole;
    // A name that carries another ("X (f.k.a. Y)", "X a.k.a. Y"): each part is screened too, once
    // ("X (a.k.a. Y; Y)" as X and Y), and each record keeps its best score over the whole and the parts.
    const parts = screenedNames(input.name, split).slice(1);
    const best = new Map<number, Scored>(whole.scored.map((s) => [s.m.recordIndex, s]));
    let nearMiss = whole.nearMiss;
    for (const name of parts) {
      const part = scoreName(input, name, budget);
      // Fail closed: a part whose search stopped at the work budget may have missed records.
      if (part.exhausted) return { ...whole, requestReasons: [...whole.requestReasons, ...part.requestReasons], unscreenable: true, exhausted: true, scored: [] };
      if (part.unscreenable || part.units === undefined) continue;
      const units = part.units;
      for (const s of part.scored) {
        const prior = best.get(s.m.recordIndex);
        if (prior === undefined || betterMatch(s.score, s.m.kind, prior.score, prior.m.kind)) best.set(s.m.recordIndex, { ...s, part: { query: part.query, units } });
      }
      if (part.nearMiss !== undefined && (nearMiss === undefined || part.nearMiss.score > nearMiss.score)) nearMiss = part.nearMiss;
    }
    const scored = [...best.values()];
    scored.sort((a, b) => compareHits(hitKey(a), hitKey(b), bySupport(a, b)));
    const marker = split.others.length > 0 ? split.others.map((o) => (o.kind === "former" ? "f.k.a." : "a.k.a.")) : [split.main.kind === "former" ? "f.k.a." : "a.k.a."];
    const reason: Reason = {
      feature: "input.split",
      score: 1,
      weight: 0,
      query: input.name,
      detail: `the name carries another (${[...new Set(marker)].join(", ")}): screened whole and as ${parts.map((p) => `"${p}"`).join(", ")}; each record scored by its best`,
    };
    const out: Scoring = { ...whole, requestReasons: [...whole.requestReasons, reason], scored };
    // The closest record below review over the whole and the parts, only when nothing reached review.
    if (scored.length === 0 && nearMiss !== undefined) out.nearMiss = nearMiss;
    else delete out.nearMiss;
    return out;
  }

  /**
   * Scores every record that could reach the review threshold against one name of the input,
   * drawing on the screen's work budget.
   */
  function scoreName(input: ValidScreenInput, name: string, budget: SearchBudget): Scoring {
    const query = normalizeName(name, { context: contextFor(input.type ?? "unknown") });
    const queryEcho = {
      name: input.name,
      display: query.display,
      compare: query.compare,
      ...(input.type === undefined ? {} : { type: input.type }),
      ...(input.country === undefined ? {} : { country: input.country }),
      ...(input.dateOfBirth === undefined ? {} : { dateOfBirth: input.dateOfBirth }),
      ...(input.identifiers === undefined ? {} : { identifiers: input.identifiers }),
    };
    const requestReasons: Reason[] = [];
    // A number alone ("12") is an identifier, not a name: unscreenable by name, with a hint.
    const unscreenable = digitsOnlyName(name) ?? query.unscreenable?.message;
    if (query.untransliterable.length > 0) {
      requestReasons.push({
        feature: unscreenable !== undefined ? "input.unscreenable" : "input.untransliterable",
        score: 1,
        weight: 0,
        query: name,
        detail: unscreenable ?? `characters without romanisation left out: ${query.untransliterable.map((u) => `${u.script} ×${u.count}`).join(", ")}`,
      });
    } else if (unscreenable !== undefined) {
      requestReasons.push({ feature: "input.unscreenable", score: 1, weight: 0, query: name, detail: unscreenable });
    }
    if (unscreenable !== undefined) return { input, query, queryEcho, requestReasons, unscreenable: true, scored: [] };
    // Secondary evidence can add at most its bonus to a name score: search below the review
    // threshold by that margin so that no record that could reach it is missed (with a date of
    // birth or a country, each record by its own evidence: see search-floors.ts).
    const floors = searchFloors(reviewThreshold, input, source);
    const units = queryUnits(index, query);
    const minScore = floors.minScore;
    // `match` present from the start: one object shape while the search fills it in.
    const nearest: { floor: number; match: NameMatch | undefined } = { floor: minScore - NEAR_MISS_BAND, match: undefined };
    const matches = searchNames(index, query, { minScore, units, nearest, budget, keepPairs: true, ...(floors.recordFloor ? { recordFloor: floors.recordFloor } : {}) });
    // Every match is read and its secondary evidence scored below: charged before (issue 9).
    budget.remaining -= matches.length * WORK_PER_MATCH;
    if (budget.remaining < 0) budget.exhausted = true;
    if (budget.exhausted) {
      // Fail closed: a search stopped by its work budget found only some of the records, so it
      // cannot clear anyone; the name is unscreenable as written.
      requestReasons.push({
        feature: "input.unscreenable",
        score: 1,
        weight: 0,
        query: name,
        detail: `the name compares with too many list names to screen within the work budget (${opts.searchBudget} units: above any real name's); screen its names separately`,
      });
      return { input, query, queryEcho, requestReasons, unscreenable: true, exhausted: true, scored: [] };
    }
    if (input.identifiers !== undefined && input.identifiers.length > 0) {
      const found = new Set(matches.map((m) => m.recordIndex));
      for (const r of recordsWithIdentifiers(source.identifierIndex(), input.identifiers)) {
        if (found.has(r)) continue;
        const m = scoreRecordNames(index, query, r);
        if (m !== undefined) matches.push(m);
      }
    }
    const scored: Scored[] = [];
    let closest: Scored | undefined;
    const words = wordCount(name);
    const queryLegal = queryLegalMask(units);
    const orgWords = input.type === undefined ? organisationWords(query) : [];
    for (const m of matches) {
      const record = recordAt(m.recordIndex);
      const secondary = secondaryReasons(input, record, orgWords, m);
      const score = matchScore(m, queryLegal, secondary);
      // An exact identifier match always surfaces the record (for review at least), whatever the
      // name scores: it is strong evidence on its own.
      if (score >= reviewThreshold || secondary.some((r) => r.feature === "identifier.match")) scored.push({ m, record, secondary, score, wordGap: wordGapOf(record, m.nameOrdinal, words), q: units });
      else if (score >= reviewThreshold - NEAR_MISS_BAND) {
        const near = { m, record, secondary, score, wordGap: wordGapOf(record, m.nameOrdinal, words), q: units };
        // (The near miss is picked without the support of other names: many names sit below the review
        // threshold at equal scores, and which of them is named matters less than a hit's order.)
        if (closest === undefined || compareHits(hitKey(near), hitKey(closest)) < 0) closest = near;
      }
    }
    if (scored.length === 0 && closest === undefined && nearest.match !== undefined) {
      // The closest name the search scored below its minimum (see SearchNamesOptions.nearest).
      const record = recordAt(nearest.match.recordIndex);
      const secondary = secondaryReasons(input, record, orgWords, nearest.match);
      const score = matchScore(nearest.match, queryLegal, secondary);
      if (score >= reviewThreshold - NEAR_MISS_BAND && score < reviewThreshold) closest = { m: nearest.match, record, secondary, score, wordGap: wordGapOf(record, nearest.match.nameOrdinal, words), q: units };
    }
    const nearMiss = scored.length === 0 && closest !== undefined ? describeNearMiss(closest) : undefined;
    scored.sort((a, b) => compareHits(hitKey(a), hitKey(b), bySupport(a, b)));
    return { input, query, units, queryEcho, requestReasons, unscreenable: false, scored, ...(nearMiss ? { nearMiss } : {}) };
  }

  // Whether a record's match from another part of the name replaces the one kept: a higher score, or
  // an equal one on the record's primary name (the order compareHits gives equal scores).
  function betterMatch(score: number, kind: string, priorScore: number, priorKind: string): boolean {
    return score > priorScore || (score === priorScore && kind === "primary" && priorKind !== "primary");
  }

  // At equal scores, word gaps and kinds of name (compareHits): the record whose other names hold
  // more of the query's words first; each record's support is read once, and only for such ties.
  function bySupport(a: Scored, b: Scored): () => number {
    return () => (b.support ??= recordSupport(index, b.q, b.m.nameId)) - (a.support ??= recordSupport(index, a.q, a.m.nameId));
  }

  // What hits are ordered by (compareHits): score, the word-count gap, the kind of name matched, list, record.
  function hitKey(s: Pick<Scored, "m" | "record" | "score" | "wordGap">): { score: number; list: string; recordId: string; nameKind: string; wordGap: number } {
    return { score: s.score, list: s.record.list, recordId: s.record.sourceId, nameKind: s.m.kind, wordGap: s.wordGap };
  }

  function describeNearMiss(c: Scored): NearMiss {
    const name = c.record.subject.names[c.m.nameOrdinal]?.value ?? "";
    return {
      id: c.record.id,
      list: c.record.list,
      recordId: c.record.sourceId,
      name,
      score: c.score,
      reviewThreshold,
      detail: `closest: ${c.record.id} "${name}" at ${c.score.toFixed(2)}, below the review threshold ${reviewThreshold}`,
    };
  }

  /** Explains the chosen records as hits (the expensive part: done for `maxHits` records only). */
  function explain(scoring: Scoring, chosen: readonly { s: Scored; designation?: DesignationAssessment }[], asOf: { asOf?: string }): Hit[] {
    const prepared = scoring.units ?? queryUnits(index, scoring.query);
    return chosen.map(({ s, designation }) => {
      const { reasons, hitAlignment } = s.part === undefined ? nameLevelReasons(scoring.query, s.m, s.record, prepared) : nameLevelReasons(s.part.query, s.m, s.record, s.part.units);
      return buildHit({
        record: s.record,
        nameOrdinal: s.m.nameOrdinal,
        reasons: [...reasons, ...s.secondary],
        alignment: hitAlignment,
        threshold,
        reviewThreshold,
        profile: profileName,
        algorithm: alg.id,
        ...asOf,
        ...(designation ? { designation } : {}),
      });
    });
  }

  function matchName(raw: ScreenInput): NameMatchResult {
    const scoring = scoreAll(raw);
    const asOf = scoring.input.asOf === undefined ? {} : { asOf: scoring.input.asOf };
    const { scored, queryEcho, requestReasons } = scoring;
    if (scoring.unscreenable) return { query: queryEcho, unscreenable: true, hits: [], hitCount: 0, alertCount: 0, reasons: requestReasons, ...asOf };
    const alertCount = scored.filter((s) => s.score >= threshold).length;
    const hits = explain(scoring, scored.slice(0, opts.maxHits).map((s) => ({ s })), asOf);
    const nearMiss = scoring.nearMiss ? { nearMiss: scoring.nearMiss } : {};
    return { query: queryEcho, unscreenable: false, hits, hitCount: scored.length, alertCount, reasons: requestReasons, ...asOf, ...nearMiss };
  }

  const SEVERITY: Readonly<Record<HitDecision, number>> = { alert: 0, review: 1, clear: 2 };
  // Which regimes the loaded lists can alert for (computed once; see ./list-coverage).
  const covered = source.regimesCovered;
  const listIds = lists.map((l) => l.metadata.listId);
  // The options that decide a result never change for a screener: hash them once, not per screen.
  const envelopeOptions = { threshold, reviewThreshold, maxHits: opts.maxHits, maxNameLength: opts.maxNameLength, maxNameWords: opts.maxNameWords, searchBudget: opts.searchBudget, algorithm: alg };
  const envelopeOptionsHash = contentSha256(envelopeOptions);

  // The lists' freshness depends only on the as-of day: assessed once per day seen (frozen, shared by
  // the results of that day), which was a tenth of a warm screen.
  const freshnessByDay = new Map<string, readonly ListFreshness[]>();
  function freshnessFor(asOf: string): readonly ListFreshness[] {
    let f = freshnessByDay.get(asOf);
    if (f === undefined) {
      f = Object.freeze(assessListFreshness(provenance, asOf, options.freshness).map((x) => Object.freeze(x)));
      if (freshnessByDay.size >= 366) freshnessByDay.clear();
      freshnessByDay.set(asOf, f);
    }
    return f;
  }
  function screen(raw: ScreenInput): ScreenResult {
    const scoring = scoreAll(raw);
    const asOf = scoring.input.asOf ?? options.today;
    if (asOf === undefined) {
      throw new InputError([
        { path: "asOf", expected: "a calendar day YYYY-MM-DD (or createScreener({ today }))", received: "undefined", message: "every screen is as of a day" },
      ]);
    }
    const jurisdictions = scoring.input.jurisdictions ?? options.jurisdictions ?? ALL_REGIMES;
    // `asOf` was checked once, as the input's (parseScreenInput) or the screener's `today`
    // (parseScreenerOptions): the designation assessment does not re-check it per basis.
    const ctx: DesignationContext = { asOf, jurisdictions, listDates, curatedLinks };
    const scoredIds = new Set(scoring.scored.map((s) => s.record.id));
    // A curated record whose linked official record also matched is the same subject: the official
    // hit carries the curated dates (designation.linked), so the curated one is not listed twice.
    const assessed = scoring.scored
      .filter((s) => !(s.record.list === "curated" && s.record.sameAs.some((id) => scoredIds.has(id))))
      .map((s) => {
        const designation = assessDesignation(s.record, ctx);
        return { s, designation, decision: finalDecision(s.score >= threshold ? "alert" : "review", designation.status) };
      });
    assessed.sort(
      (a, b) =>
        SEVERITY[a.decision] - SEVERITY[b.decision] ||
        compareHits(hitKey(a.s), hitKey(b.s), bySupport(a.s, b.s)),
    );
    const count = (d: HitDecision) => assessed.filter((a) => a.decision === d).length;
    const alertCount = count("alert");
    const reviewCount = count("review");
    const freshness = freshnessFor(asOf);
    const gaps = coverageGaps(jurisdictions, covered, listIds);
    const stale = freshness.some((f) => f.stale);
    const outcome: Outcome = scoring.unscreenable ? "unscreenable" : alertCount > 0 ? "alert" : reviewCount > 0 ? "review" : stale ? "stale-clear" : "clear";
    return {
      query: scoring.queryEcho,
      unscreenable: scoring.unscreenable,
      hits: explain(scoring, assessed.slice(0, opts.maxHits), { asOf }),
      hitCount: assessed.length,
      alertCount,
      reviewCount,
      clearCount: count("clear"),
      reasons: scoring.requestReasons,
      ...(scoring.nearMiss ? { nearMiss: scoring.nearMiss } : {}),
      asOf,
      jurisdictions,
      outcome,
      profile: profileName,
      threshold,
      reviewThreshold,
      algorithm: alg.id,
      lists: provenance,
      stale,
      freshness,
      coverageGaps: gaps,
      // Replay envelope (issue 4): everything that decided this result, hashed; see ./envelope.
      envelope: buildEnvelope({
        algorithm: alg.id,
        profile: profileName,
        options: envelopeOptions,
        optionsHash: envelopeOptionsHash,
        asOf,
        jurisdictions,
        lists: provenance,
      }),
    };
  }

  return {
    matchName,
    screen,
    rank(name: string, rankOptions: RankOptions = {}): RankedMatch[] {
      const input = parseScreenInput({ name }, opts.maxNameLength, opts.maxNameWords);
      const minScore = rankOptions.minScore ?? reviewThreshold;
      const limit = rankOptions.limit ?? 10;
      // The same score as `screen` gives a name-only input: the name's, less an inferred type's
      // penalty; for a name that carries another, each record's best over the whole and the parts.
      // Each record's best score, and the kind of name that gave it (a primary name before another at an equal score).
      // The word-count gap (compareHits) is counted only for records whose scores tie.
      type Ranked = { match: RankedMatch; nameKind: string; record: DesignationRecord; nameOrdinal: number; nameId: number; query: NormalizedName; words: number; wordGap?: number; support?: number };
      const best = new Map<number, Ranked>();
      for (const text of screenedNames(input.name)) {
        const query = normalizeName(text);
        if (query.unscreenable !== undefined) continue;
        const orgWords = organisationWords(query);
        const words = wordCount(text);
        for (const m of searchNames(index, query, { minScore })) {
          const r = recordAt(m.recordIndex);
          const score = Math.max(0, Math.round((m.score + (inferredTypeFor(orgWords, r, m)?.weight ?? 0)) * 1e6) / 1e6);
          const prior = best.get(m.recordIndex);
          if (score < minScore || (prior !== undefined && !betterMatch(score, m.kind, prior.match.score, prior.nameKind))) continue;
          best.set(m.recordIndex, { match: { id: r.id, list: r.list, recordId: r.sourceId, score }, nameKind: m.kind, record: r, nameOrdinal: m.nameOrdinal, nameId: m.nameId, query, words });
        }
      }
      const key = (x: Ranked) => ({ ...x.match, nameKind: x.nameKind, wordGap: (x.wordGap ??= wordGapOf(x.record, x.nameOrdinal, x.words)) });
      // Each screened text's units, for the support of tied records (see bySupport in screen).
      const unitsOf = new Map<NormalizedName, NameUnits>();
      const support = (x: Ranked): number => {
        if (x.support !== undefined) return x.support;
        let q = unitsOf.get(x.query);
        if (q === undefined) unitsOf.set(x.query, (q = queryUnits(index, x.query)));
        return (x.support = recordSupport(index, q, x.nameId));
      };
      const out = [...best.values()];
      out.sort((a, b) => b.match.score - a.match.score || compareHits(key(a), key(b), () => support(b) - support(a)));
      return out.slice(0, limit).map((x) => x.match);
    },
    exportIndex(): Uint8Array {
      return exportNameIndex(index, fingerprint, `${LIBRARY.name}@${LIBRARY.version}`);
    },
    freshnessOn(asOf: string): ListFreshness[] {
      return assessListFreshness(provenance, asOf, options.freshness);
    },
    profile: profileName,
    threshold,
    reviewThreshold,
    algorithm: alg.id,
    lists: provenance,
    replayOptions: envelopeOptions,
    stats: { records: source.count, names: index.data.nameRecord.length, unindexed: index.unindexed },
  };
}

export { DEFAULT_MAX_NAME_LENGTH };
