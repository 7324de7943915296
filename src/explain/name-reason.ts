/**
 * Renders the `name.fuzzy` reason and the token alignment of a name match.
 */
import { compoundParentEnd, successorClause, type NormalizedName } from "../normalize";
import { acronymAlone, addedPlaces, alignmentEvidence, brandAlone, commonSingle, comparableHow, distinctiveAnchor, evidenceDiscount, isAdjectiveOf, isPluralOf, listPatronymicsOmitted, omittedPatronymics, symbolNote, UNIT_ROLE, type MatchUnit, type NameAlignment, type NameAlgorithm, type NameUnits, type Reason } from "../score";
import type { AlignedTokens } from "./hit";

/** What the name reason is rendered from. */
export interface NameEvidence {
  readonly query: NormalizedName;
  readonly queryUnits: NameUnits;
  readonly candidate: NormalizedName;
  readonly candidateUnits: NameUnits;
  readonly alignment: NameAlignment;
}

function unitLabel(name: NormalizedName, u: MatchUnit): string {
  return u.tokens.map((i) => name.tokens[i]?.text ?? "").join("+");
}

function coreLabel(name: NormalizedName, units: NameUnits, core: number): string {
  const u = units.units[core];
  return u === undefined ? "" : unitLabel(name, u);
}

/**
 * The aligned token pairs of a name match, in the order the alignment chose them.
 * @example
 * alignedTokens(evidence, NAMES_V2)[0] //=> { query: "MADURO", candidate: "MADURO", similarity: 1, how: "exact" }
 */
export function alignedTokens(e: NameEvidence, alg: NameAlgorithm): AlignedTokens[] {
  return e.alignment.pairs.map((p) => {
    const qu = e.queryUnits.units[p.q] as MatchUnit;
    const cu = e.candidateUnits.units[p.c] as MatchUnit;
    return {
      query: unitLabel(e.query, qu),
      candidate: unitLabel(e.candidate, cu),
      similarity: Math.round(p.sim * 10000) / 10000,
      how: comparableHow(qu, cu, alg) ?? "fuzzy",
    };
  });
}

/**
 * The `name.fuzzy` reason: both names, the alignment score and a readable detail.
 * @example
 * nameReason(evidence, NAMES_V2).detail //=> "2/2 query tokens aligned: NICOLAS=NICOLAS, MADURO=MADURO; list token MOROS unmatched"
 */
export function nameReason(e: NameEvidence, alg: NameAlgorithm): Reason {
  // A word against its English plural, against the initials of words, or that a table says is the
  // same word (which table, and the word it files them under), says so.
  const note = (a: AlignedTokens, i: number) => {
    if (a.how === "fuzzy" && isPluralOf(a.query, a.candidate)) return " (plural)";
    if (a.how === "acronym") return " (initials)";
    const p = e.alignment.pairs[i];
    if (a.how === "adjective" && p !== undefined) return ` (adjective of ${isAdjectiveOf((e.queryUnits.units[p.q] as MatchUnit).text, (e.candidateUnits.units[p.c] as MatchUnit).text) ? a.candidate : a.query})`;
    const table = p === undefined ? undefined : symbolNote(e.queryUnits.units[p.q] as MatchUnit, e.candidateUnits.units[p.c] as MatchUnit);
    return table === undefined || (a.how !== "symbol" && a.similarity < alg.nicknameSimilarity) ? "" : ` (${table})`;
  };
  const pairs = alignedTokens(e, alg).map((a, i) => (a.similarity === 1 ? `${a.query}=${a.candidate}` : `${a.query}~${a.candidate} ${a.similarity.toFixed(2)}${note(a, i)}`));
  const qCore = e.queryUnits.coreCount;
  const qAligned = qCore - e.alignment.unmatchedQuery.length;
  const parts = [`${qAligned}/${qCore} query tokens aligned${pairs.length > 0 ? `: ${pairs.join(", ")}` : ""}`];
  const uq = e.alignment.unmatchedQuery.map((i) => coreLabel(e.query, e.queryUnits, i));
  const uc = e.alignment.unmatchedCandidate.map((i) => coreLabel(e.candidate, e.candidateUnits, i));
  if (uq.length > 0) parts.push(`query token${uq.length === 1 ? "" : "s"} ${uq.join(", ")} unmatched`);
  // Descriptor words the caller added beside a distinctive list word matched exactly cost less.
  const anchor = distinctiveAnchor(e.alignment, e.candidateUnits);
  const generic = e.alignment.unmatchedQuery.filter((i) => e.queryUnits.units[i]?.role === UNIT_ROLE.generic).map((i) => coreLabel(e.query, e.queryUnits, i));
  if (anchor !== undefined && generic.length > 0) {
    const word = unitLabel(e.candidate, e.candidateUnits.units[anchor] as MatchUnit);
    parts.push(`${generic.join(", ")}: descriptor word${generic.length === 1 ? "" : "s"} beside ${word}, a distinctive word matched exactly, cost ×${alg.genericAfterDistinctive}`);
  }
  // A country or city the caller added after the name.
  const places = addedPlaces(e.alignment, e.queryUnits, e.candidateUnits, alg).map((i) => coreLabel(e.query, e.queryUnits, i));
  if (places.length > 0) parts.push(`${places.join(" ")}: a place the caller added, cost ×${alg.unmatchedPlaceFactor}`);
  // A patronymic the caller adds to a person's name the list writes whole without it.
  const patronymics = omittedPatronymics(e.alignment, e.queryUnits, e.candidateUnits, alg).map((i) => coreLabel(e.query, e.queryUnits, i));
  if (patronymics.length > 0) parts.push(`${patronymics.join(", ")}: patronymic${patronymics.length === 1 ? "" : "s"} the list name omits, cost ×${alg.unmatchedPatronymicFactor}`);
  // A patronymic the list writes in a person's name that the query omits, every query word matched.
  const listPatronymics = listPatronymicsOmitted(e.alignment, e.queryUnits, e.candidateUnits, alg).map((i) => coreLabel(e.candidate, e.candidateUnits, i));
  if (listPatronymics.length > 0) parts.push(`${listPatronymics.join(", ")}: the list name's patronymic${listPatronymics.length === 1 ? "" : "s"}, which the query omits, cost ×${alg.unmatchedPatronymicFactor}`);
  // Against an organisation's name: a query word repeating a matched one, and initials of a run of
  // list words with no other word matched exactly (name-score.ts).
  if (e.candidateUnits.table.personal !== 1) {
    const twin = e.queryUnits.table.twin;
    const unmatched = new Set(e.alignment.unmatchedQuery);
    const repeated = e.alignment.unmatchedQuery.filter((i) => (twin?.[i] ?? -1) >= 0 && !unmatched.has(twin?.[i] as number)).map((i) => coreLabel(e.query, e.queryUnits, i));
    if (repeated.length > 0) parts.push(`${repeated.join(", ")} repeat${repeated.length === 1 ? "s" : ""} a matched word: cost ×${alg.repeatedWordFactor}`);
    const initials = acronymAlone(e.alignment, e.queryUnits, e.candidateUnits);
    if (initials !== undefined) parts.push(`${unitLabel(e.query, initials)}: initials with no other word matched exactly, counted at ${alg.runAcronymAloneSimilarity.toFixed(2)}`);
  }
  // Rewrites the matcher made before aligning: digits read as letters, number words, glued words
  // split into list words, titles dropped.
  const rewrites = new Map<string, string[]>();
  for (const t of e.query.tokens) if (t.source !== undefined) rewrites.set(t.source, [...(rewrites.get(t.source) ?? []), t.text]);
  for (const [from, to] of rewrites) parts.push(`${from} read as ${to.join(" ")}`);
  const titles = e.query.tokens.filter((t) => t.cls === "honorific").map((t) => t.text);
  if (titles.length > 0) parts.push(`title${titles.length === 1 ? "" : "s"} ${titles.join(" ")} dropped`);
  if (uc.length > 0) parts.push(`list token${uc.length === 1 ? "" : "s"} ${uc.join(", ")} unmatched`);
  // A one-word query of a word many listed names hold, or of a descriptor: at most commonSingleCap.
  if (commonSingle(e.queryUnits.table, e.candidateUnits.table, alg) && distinctiveAnchor(e.alignment, e.candidateUnits) === undefined && e.alignment.score >= alg.commonSingleCap) {
    parts.push(`${coreLabel(e.query, e.queryUnits, 0)} alone: a word many listed names hold, or a descriptor, names no one: at most ${alg.commonSingleCap}`);
  }
  // A one-word query that is a distinctive word of the organisation's name (a brand written alone).
  const brand = brandAlone(e.alignment, e.queryUnits, e.candidateUnits);
  if (brand !== undefined) {
    const describing = e.alignment.unmatchedCandidate.filter((i) => e.candidateUnits.units[i]?.role !== UNIT_ROLE.distinctive).map((i) => coreLabel(e.candidate, e.candidateUnits, i));
    const word = unitLabel(e.candidate, e.candidateUnits.units[brand] as MatchUnit);
    if (describing.length > 0) parts.push(`the query is ${word} alone, a distinctive word of the name matched exactly: ${describing.join(", ")} cost ×${alg.unmatchedCandidateWeightAnchor}`);
  }
  // A compound Entity List entry: the parent organisation's words weigh as stop words.
  const parentEnd = compoundParentEnd(e.candidate.tokens);
  const clause = successorClause(e.candidate.tokens);
  if (clause !== undefined) parts.push(`"${e.candidate.tokens.slice(clause.from, clause.to).map((t) => t.text).join(" ")}" is the listing's scope, not a name: weighs little`);
  // The marker is the two words before the parent part's end (PARENT_MARKERS in normalize-name.ts).
  if (parentEnd > 0) parts.push(`${e.candidate.tokens.slice(parentEnd - 2, parentEnd).map((t) => t.text).join(" ")}: the words before it name the parent organisation and weigh little`);
  // Both names keep a number the other does not match (see numberMismatchPenalty in the alignment).
  const numbers = (units: NameEvidence["queryUnits"], unmatched: readonly number[]) => unmatched.filter((i) => units.units[i]?.number === true).map((i) => units.units[i]?.text ?? "");
  const qn = numbers(e.queryUnits, e.alignment.unmatchedQuery);
  const cn = numbers(e.candidateUnits, e.alignment.unmatchedCandidate);
  if (qn.length > 0 && cn.length > 0 && alg.numberMismatchPenalty > 0) parts.push(`numbers differ (${qn.join(" ")} vs ${cn.join(" ")}): −${alg.numberMismatchPenalty}`);
  // An organisation's distinctive words matched: the words that differ cost less (evidenceDiscount).
  if (uq.length > 0 || uc.length > 0) {
    const evidence = alignmentEvidence(e.alignment, e.queryUnits, e.candidateUnits);
    const discount = evidenceDiscount(evidence, e.candidateUnits.table.personal, alg);
    if (discount < 1) parts.push(`matched words weigh ${evidence.toFixed(2)}: unmatched words cost ×${discount.toFixed(2)}`);
  }
  return {
    feature: "name.fuzzy",
    score: Math.round(e.alignment.score * 1e6) / 1e6,
    weight: 1,
    query: e.query.display,
    candidate: e.candidate.display,
    detail: parts.join("; "),
  };
}
