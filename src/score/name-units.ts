/**
 * Match units: the pieces of a name that the alignment pairs up. Every compared ("core") token is
 * one unit; glued units join adjacent tokens so that "JSC ARGUMENT" ~ "JSCARGUMENT", "AL QAIDA" ~
 * "ALQAIDA" and "MAZ-HARI" ~ "MAZHARI" (a glued unit consumes every core token it covers).
 *
 * Core tokens are all tokens except legal forms and honorifics. Glue rules:
 * - query side: two adjacent tokens when one has at most 4 characters, is a particle or a one-word
 *   legal form (a customer splits or joins short words: "JSC ARGUMENT", "MAZ HARI"; gluing any
 *   two words was measured on the dev set to change no result, at twice the search cost);
 * - list side: two adjacent tokens when one is short (at most 3 characters), a particle or a
 *   one-word legal form (lists are consistent; this keeps the index small);
 * - both sides: three adjacent tokens when the first two are short or particles ("ABD AL RAHMAN").
 * Acronym unit: an organisation name of four to eight words (not counting stop words and
 * particles) also has its initials as one unit covering every core token (IRGC); it pairs only
 * with an equal single word on the other side (`acronym`, `acronymSimilarity`: a review, never an
 * alert on its own). A glued unit must cover at least one core token; stop words and honorifics are never glued;
 * abjad and Latin tokens are never glued together; abjad tokens glue only after a particle or
 * around one (عبد الله ~ ABDULLAH, عتیق الله ~ ATIQULLAH), since their skeletons are short and would
 * otherwise glue into anything.
 */
import { commonEnglishWord, latinSkeleton, type NameToken, type NormalizedName } from "../normalize";
import { comparableToken, type ComparableToken } from "./token-similarity";
import { patronymicSymbols, tokenSymbols } from "./token-symbols";

/** One unit of a name: a core token or a glued run of adjacent tokens. */
export interface MatchUnit extends ComparableToken {
  /** Weight: the token's weight, or the largest weight among the core tokens a glued unit covers. */
  readonly weight: number;
  /** First core-token index this unit consumes when aligned (covers are contiguous ranges). */
  readonly coverFirst: number;
  /** Number of core tokens consumed. */
  readonly coverLen: number;
  readonly glued: boolean;
  /** The unit is, or glues, a particle (AL, ABU, BIN, VAN…). */
  readonly particle: boolean;
  /** Indices into the normalised name's `tokens`. */
  readonly tokens: readonly number[];
  /** What the unit is ({@link UNIT_ROLE}); absent for an ordinary word and for glued units but a run's initials. */
  readonly role?: number;
}

/**
 * Roles of a unit (`MatchUnit.role`, `UnitTable.role`):
 * - a core token that is a place word (country, capital) added to an organisation's name;
 * - a generic (descriptor) word; on the query side also a descriptor or sector word of the tables
 *   that is not an everyday English word (KOMBINAT, KEJI, XINXI, AVIATION — not UNITED, FINANCIAL,
 *   which name companies too), for the one rule that reads it: left unmatched beside a distinctive
 *   list word matched exactly, it costs `genericAfterDistinctive` of a word (its weight is unchanged);
 * - in a list name only, a distinctive word: five letters or more, not an everyday English word
 *   ({@link commonEnglishWord}), not a descriptor or sector word of the tables (nor the plural of one);
 * - the initials of a run of an organisation's words (`runAcronymSimilarity` beside another query
 *   word matched exactly, else `runAcronymAloneSimilarity`);
 * - an East Slavic patronymic the tables know (GRIGORYEVICH, LEONIDOVNA): in a query, left unmatched
 *   against a person's list name matched whole, it costs `unmatchedPatronymicFactor` of a word; in a
 *   person's list name, not as its first word (a surname: ABRAMOVICH, Roman), left unmatched by a query
 *   matched whole, the same.
 */
export const UNIT_ROLE = Object.freeze({ place: 1, generic: 2, distinctive: 3, runAcronym: 4, patronymic: 5 });

/** Shortest distinctive word (shorter words collide by chance: AEON, PUMA, EMC). */
export const DISTINCTIVE_LENGTH = 5;

const LATIN_WORD = /^[A-Z]+$/;

// `personNameWord`: a person's list name's word after its first (see UNIT_ROLE: a patronymic there).
function roleOf(t: NameToken, side: NameSide, personNameWord: boolean): number {
  if (t.cls === "place" || t.place === true) return UNIT_ROLE.place;
  if (t.cls === "generic") return UNIT_ROLE.generic;
  if (t.cls !== "word" || t.abjad) return 0;
  if (side === "query") {
    if (patronymicSymbols(t.text).length > 0) return UNIT_ROLE.patronymic;
    return sectorWord(t.text) && !commonEnglishWord(t.text) ? UNIT_ROLE.generic : 0;
  }
  if (personNameWord && patronymicSymbols(t.text).length > 0) return UNIT_ROLE.patronymic;
  return distinctiveWord(t.text) ? UNIT_ROLE.distinctive : 0;
}

// A descriptor or sector word of the tables (AIRLINE, AVIATION, ZAVOD): a class of business, not a
// name, whatever its length.
const sectorWord = (text: string): boolean => tokenSymbols(text).some((s) => s.startsWith("O:"));

function distinctiveWord(text: string): boolean {
  if (text.length < DISTINCTIVE_LENGTH || !LATIN_WORD.test(text) || commonEnglishWord(text) || sectorWord(text)) return false;
  return !(text.endsWith("S") && sectorWord(text.slice(0, -1)));
}

/**
 * The numbers the alignment needs about a name's units, as parallel arrays from `offset`
 * (so the candidate index can score names straight from its packed arrays).
 */
export interface UnitTable {
  readonly offset: number;
  /** Number of units. */
  readonly count: number;
  /** Number of core tokens: units `0 … coreCount-1` are the core tokens themselves. */
  readonly coreCount: number;
  readonly weight: ArrayLike<number>;
  readonly coverFirst: ArrayLike<number>;
  readonly coverLen: ArrayLike<number>;
  /** 1 for glued units. */
  readonly glued: ArrayLike<number>;
  /** 1 for initials (single letters). */
  readonly initial: ArrayLike<number>;
  /** 1 for units that are or glue a particle. */
  readonly particle: ArrayLike<number>;
  /** 1 when the name is a person's or of unknown type (its initials stand for words, extra query words cost less). */
  readonly personal: number;
  /** Text lengths of the units (query tables; see `singleFuzzyMaxLength`). */
  readonly length?: ArrayLike<number>;
  /**
   * {@link UNIT_ROLE} of each core token: unmatched, a query's place words cost `unmatchedPlaceFactor`
   * of a word, and its generic words `genericAfterDistinctive` when a distinctive list word is matched exactly.
   */
  readonly role?: ArrayLike<number>;
  /**
   * Query tables: for each core token, the index of an earlier or later core token with the same
   * text, else -1 (a repeated word: "STATE FERRY ENTERPRISE KERCH FERRY"; see `repeatedWordFactor`).
   */
  readonly twin?: ArrayLike<number> | undefined;
  /** 1 for core tokens that are numbers (see `numberMismatchPenalty`). */
  readonly number?: ArrayLike<number>;
}

/** A name prepared for alignment. */
export interface NameUnits {
  /** Units; the first `coreCount` are the core tokens in order, glued units follow. */
  readonly units: readonly MatchUnit[];
  readonly coreCount: number;
  /** Legal-form families present in the name. */
  readonly legalFamilies: readonly string[];
  /** A person's (or unknown type's) name: its initials stand for words; organisations' do not. */
  readonly personal: boolean;
  /** The same units as a table. */
  readonly table: UnitTable;
}

/** Which side a name is on: glue rules differ. */
export type NameSide = "query" | "candidate";

const DIGIT = /[0-9]/;

function isCore(t: NameToken): boolean {
  return t.cls !== "legal" && t.cls !== "honorific";
}

// Letters of a token for the glue rules: an Arabic-script word's vowel onset (the A of AHMD, written
// for a word-initial alef or ain) is not a letter of its skeleton and does not make it longer.
function glueLength(t: NameToken): number {
  return t.abjad && t.text.charCodeAt(0) === 65 ? t.text.length - 1 : t.text.length;
}

function isShort(t: NameToken): boolean {
  return glueLength(t) <= 3 || t.cls === "particle";
}

function glueable(t: NameToken): boolean {
  return t.cls !== "honorific" && t.cls !== "stop" && !t.text.includes(" ");
}

function isArticle(t: NameToken): boolean {
  return t.abjad && t.cls === "particle" && t.text === "AL";
}

// Skeleton classes of the Arabic "sun letters" (ت ث د ذ ر ز س ش ص ض ط ظ ل ن): the article's L is
// not spoken before them and romanisations write the next consonant twice instead (سعد الدين ~
// SAADUDDIN, عبد الرحمن ~ ABDURRAHMAN, رحمت الله ~ RAHMATULLAH).
const SUN_CLASSES = new Set(["T", "t", "D", "d", "R", "Z", "z", "S", "c", "L", "N"]);

/**
 * Whether glued token `t`, at position `k` of the glue, is the Arabic article between two words
 * before the second's sun letter (its L not spoken, a glue beginning with it keeps it: AL-DIN).
 */
function assimilates(t: NameToken, k: number, next: NameToken | undefined): boolean {
  // The next word's romanisation starts with its first letter: a vowel or W / Y there is an alef,
  // ain, waw or ya (moon letters), whatever consonant the skeleton shows first.
  return k > 0 && isArticle(t) && next !== undefined && next.abjad && SUN_CLASSES.has(next.skeleton.charAt(0)) && !/^[AEIOUWY]/.test(next.text);
}

function collapseSkeletons(parts: readonly string[]): string {
  let out = "";
  for (const p of parts) for (const c of p) if (c !== out[out.length - 1]) out += c;
  return out;
}

/**
 * Builds the match units of a normalised name, weighing each core token with `weightOf`.
 * @example
 * buildNameUnits(normalizeName("JSC ARGUMENT"), () => 1, "candidate").units.map((u) => u.text) //=> ["ARGUMENT", "JSCARGUMENT"]
 */
export function buildNameUnits(name: NormalizedName, weightOf: (token: NameToken) => number, side: NameSide): NameUnits {
  const tokens = name.tokens;
  const coreIndex: number[] = new Array<number>(tokens.length).fill(-1);
  const units: MatchUnit[] = [];
  const legalFamilies: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as NameToken;
    if (t.legalFamily !== undefined && !legalFamilies.includes(t.legalFamily)) legalFamilies.push(t.legalFamily);
    if (!isCore(t)) continue;
    coreIndex[i] = units.length;
    const ct = comparableToken(t.text, t.skeleton, { abjad: t.abjad, initial: t.cls === "initial", number: t.cls === "number" });
    units.push(unitOf(ct, weightOf(t), units.length, 1, false, t.cls === "particle", [i], roleOf(t, side, name.context === "person" && units.length > 0)));
  }
  const coreCount = units.length;
  const seen = new Set<string>();
  // `assimilated`: only the reading without the article's L before a sun letter (see assimilates).
  const addGlue = (idx: number[], assimilated = false): void => {
    const parts = idx.map((i) => tokens[i] as NameToken);
    if (!parts.every(glueable)) return;
    const abjad = parts[0]?.abjad ?? false;
    if (parts.some((p) => p.abjad !== abjad)) return;
    // Abjad tokens glue after a particle (عبد الله ~ ABDULLAH) or around the article (عتیق الله ~
    // ATIQULLAH, سراج الدين ~ SIRAJUDDIN): their skeletons are short and would glue into anything.
    if (abjad && parts[0]?.cls !== "particle" && parts[1]?.cls !== "particle") return;
    // … but never from the rest of a word whose article was split off (البلوي is AL + BLWY): the
    // glue would start inside a word and run into the next one (عبد الله البلوي: LH+AL+BLWY, read as
    // LABOLA).
    const before = tokens[(idx[0] as number) - 1];
    if (abjad && before !== undefined && isArticle(before)) return;
    const cover = idx.map((i) => coreIndex[i] as number).filter((c) => c >= 0);
    if (cover.length === 0) return;
    let weight = 0;
    for (const c of cover) weight = Math.max(weight, (units[c] as MatchUnit).weight);
    const particle = parts.some((p) => p.cls === "particle");
    // Glued tokens are adjacent and only legal forms have no core index, so the cover is a
    // contiguous range of core indices.
    // Everything about a unit but its cover follows from its text, as the index stores it.
    const push = (text: string, skeleton: string): void => {
      const key = `${text}|${cover.join(",")}`;
      if (seen.has(key)) return;
      seen.add(key);
      const ct = comparableToken(text, skeleton, { abjad, number: DIGIT.test(text) });
      units.push(unitOf(ct, weight, cover[0] as number, cover.length, true, particle, idx, 0));
    };
    if (!abjad) {
      const text = parts.map((p) => p.text).join("");
      push(text, latinSkeleton(text));
      return;
    }
    const whole = collapseSkeletons(parts.map((p) => p.skeleton));
    if (!assimilated) push(parts.map((p) => p.text).join(""), whole);
    // The Arabic article's L is not written before a sun letter in many romanisations (سعد الدين:
    // SAAD AL-DIN, SAADUDDIN; عبد الرحمن: ABDALRAHMAN, ABDURRAHMAN): that reading too, as a unit
    // of its own text (the words without the article), unless it is the same skeleton (before L:
    // عبد الله is BDL either way).
    const kept = parts.filter((t, k) => !assimilates(t, k, parts[k + 1]));
    const without = collapseSkeletons(kept.map((p) => p.skeleton));
    if (kept.length < parts.length && (assimilated || without !== whole)) push(kept.map((p) => p.text).join(""), without);
  };
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i] as NameToken;
    const b = tokens[i + 1] as NameToken;
    const shortish = side === "query" ? glueLength(a) <= 4 || glueLength(b) <= 4 : false;
    if (shortish || isShort(a) || isShort(b) || (a.cls === "legal" && glueable(a)) || (b.cls === "legal" && glueable(b))) {
      addGlue([i, i + 1]);
    }
    const c = tokens[i + 2];
    if (c !== undefined && isShort(a) && isShort(b)) addGlue([i, i + 1, i + 2]);
    // Two words around the Arabic article before a sun letter glue whatever their length, without
    // the L (نصير الدين ~ NASIRUDDIN, رحمت الله ~ RAHMATULLAH).
    else if (c !== undefined && a.abjad && assimilates(b, 1, c)) addGlue([i, i + 1, i + 2], true);
  }
  const personal = name.context === "person" || name.context === "any";
  // An organisation's initials: one unit covering every core token ("ISLAMIC REVOLUTIONARY GUARD
  // CORPS" → IRGC), on organisation list names and on queries of organisations or unknown type.
  if (side === "query" ? name.context !== "person" : !personal) {
    const letters = name.tokens
      .filter((t, i) => coreIndex[i] !== -1 && t.cls !== "stop" && t.cls !== "particle" && !t.abjad)
      .map((t) => t.text.charAt(0));
    const text = letters.join("");
    if (coreCount >= 2 && letters.length >= MIN_ACRONYM && letters.length <= MAX_ACRONYM && /^[A-Z]+$/.test(text)) {
      let weight = 0;
      for (let k = 0; k < coreCount; k++) weight = Math.max(weight, (units[k] as MatchUnit).weight);
      units.push({
        ...comparableToken(text, "", { acronym: true }),
        weight,
        coverFirst: 0,
        coverLen: coreCount,
        glued: true,
        particle: false,
        tokens: name.tokens.map((_, i) => i).filter((i) => coreIndex[i] !== -1),
      });
    }
  }
  // The initials of a run of an organisation's words, legal-form words included (list names only):
  // "JOINT STOCK COMPANY SPECIAL DESIGN BUREAU TURBINA" ~ "JSC TURBINA SDB", "PRIVATE MILITARY COMPANY
  // WAGNER" ~ "PMC WAGNER", "CHINA COMMUNICATIONS CONSTRUCTION COMPANY SHANGHAI …" ~ "CCCC SHANGHAI …".
  if (side === "candidate" && !personal) addRunAcronyms(name.tokens, coreIndex, units);
  const table = toUnitTable(units, coreCount, personal, side === "query" ? twinsOf(units, coreCount) : undefined);
  // Only a query's repeats are read (repeatedWordFactor): list names are not compared word by word here.
  return { units, coreCount, legalFamilies, personal, table };
}

/**
 * Adds a unit for the initials of every run of three to five letter-bearing words of a list name
 * that spans two or more of its core words: a core word gives its initial, a legal form the initials
 * of its words, stop words and particles none (they are covered when inside the run). The unit
 * covers the run's core words and weighs as the heaviest of them; it pairs only with an equal query
 * word, at `runAcronymSimilarity`.
 */
function addRunAcronyms(tokens: readonly NameToken[], coreIndex: readonly number[], units: MatchUnit[]): void {
  // Letter-bearing words in order: a core word gives its initial, a legal form the initials of its words.
  const letters: string[] = [];
  const core: number[] = [];
  const token: number[] = [];
  tokens.forEach((t, i) => {
    if (t.abjad || t.cls === "stop" || t.cls === "particle" || t.cls === "honorific") return;
    for (const w of t.text.split(" ")) {
      if (!/^[A-Z]/.test(w)) return;
      letters.push(w.charAt(0));
      core.push(coreIndex[i] as number);
      token.push(i);
    }
  });
  // The whole name's own initials (the acronym unit above) are not added again.
  const seen = new Set<string>(units.filter((u) => u.acronym === true).map((u) => `${u.text}|${u.coverFirst}|${u.coverLen}`));
  for (let s = 0; s < letters.length; s++) {
    for (let e = s + MIN_RUN_ACRONYM - 1; e < letters.length && e - s < MAX_RUN_ACRONYM; e++) {
      let first = -1;
      let last = -1;
      let cores = 0;
      for (let k = s; k <= e; k++) {
        const c = core[k] as number;
        if (c < 0) continue;
        if (first < 0) first = c;
        if (c !== last) cores++;
        last = c;
      }
      if (cores < 2) continue;
      const text = letters.slice(s, e + 1).join("");
      const key = `${text}|${first}|${last - first + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let weight = 0;
      for (let c = first; c <= last; c++) weight = Math.max(weight, (units[c] as MatchUnit).weight);
      // Every word of the run, legal-form words too, names the unit in explanations (PMC ~
      // PRIVATE+MILITARY+COMPANY); only the core words are covered.
      const covered: number[] = [];
      for (let i = token[s] as number; i <= (token[e] as number); i++) covered.push(i);
      units.push({ ...comparableToken(text, "", { acronym: true, run: true }), weight, coverFirst: first, coverLen: last - first + 1, glued: true, particle: false, tokens: covered, role: UNIT_ROLE.runAcronym });
    }
  }
}

/**
 * A match unit from its comparable token, written field by field (an object spread per unit was
 * half of the time of preparing a query's units).
 */
function unitOf(ct: ComparableToken, weight: number, coverFirst: number, coverLen: number, glued: boolean, particle: boolean, tokens: readonly number[], role: number): MatchUnit {
  if (ct.acronym === true) return { ...ct, weight, coverFirst, coverLen, glued, particle, tokens };
  const { text, canon, skeleton, abjad, initial, number, symbols } = ct;
  if (role !== 0) return { text, canon, skeleton, abjad, initial, number, symbols, weight, coverFirst, coverLen, glued, particle, tokens, role };
  return { text, canon, skeleton, abjad, initial, number, symbols, weight, coverFirst, coverLen, glued, particle, tokens };
}

/** Shortest and longest initials matched as an acronym (three letters collide with too many names). */
export const MIN_ACRONYM = 4;
export const MAX_ACRONYM = 8;
/** Shortest and longest initials of a run of an organisation's words (see addRunAcronyms). */
export const MIN_RUN_ACRONYM = 3;
export const MAX_RUN_ACRONYM = 5;

/**
 * Packs match units into a {@link UnitTable}.
 * @example
 * toUnitTable(units, 2, true).count //=> units.length
 */
export function toUnitTable(units: readonly MatchUnit[], coreCount: number, personal = true, twin?: readonly number[]): UnitTable {
  return {
    personal: personal ? 1 : 0,
    offset: 0,
    count: units.length,
    coreCount,
    weight: units.map((u) => u.weight),
    coverFirst: units.map((u) => u.coverFirst),
    coverLen: units.map((u) => u.coverLen),
    glued: units.map((u) => (u.glued ? 1 : 0)),
    initial: units.map((u) => (u.initial ? 1 : 0)),
    particle: units.map((u) => (u.particle ? 1 : 0)),
    role: units.map((u) => u.role ?? 0),
    number: units.map((u) => (u.number ? 1 : 0)),
    length: units.map((u) => u.text.length),
    // A query's table also says which words repeat (built here, not spread into a copy).
    twin,
  };
}

// For each unit, another core token with the same text, else -1 (see UnitTable.twin).
function twinsOf(units: readonly MatchUnit[], coreCount: number): number[] {
  return units.map((u, i) => (i < coreCount ? units.findIndex((v, j) => j !== i && j < coreCount && v.text === u.text) : -1));
}
