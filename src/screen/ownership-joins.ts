/**
 * Joins the names of an ownership graph to the transaction's parties with the screener's own name
 * matcher and thresholds, so "Balkan Export Brokers" in an edge reaches the party "Balkan Exprot
 * Brokers EOOD" (legal form and typo) instead of being a stranger to it.
 *
 * Contract:
 * 1. A name equal to a party's name (case and spacing aside) joins it exactly.
 * 2. Otherwise the name is screened against a list made of the party names, by `createScreener`
 *    with the transaction screener's alert and review thresholds: the best party at or above the
 *    alert threshold is joined ("matcher"); a best party only in the review band is reported as a
 *    possible join and not used (the caller must confirm it by spelling the name as the party's).
 *    Two parties within 0.01 of each other at the top are ambiguous: not joined, reported.
 * 3. Names joined to no party are screened against the lists as owners (in the transaction); one
 *    that reaches neither a party nor a list record is reported as unreached.
 * Every join carries the two names, the score and the threshold it passed.
 */
import type { LoadedList, SubjectType } from "../model";
import { createScreener, type Screener } from "./create-screener";

/** How one name of the ownership graph was joined. */
export interface OwnershipJoin {
  /** The name as written in the edges. */
  readonly name: string;
  /** `exact` / `matcher`: joined to a party; `possible`: review band, not joined; `ambiguous`: not joined; `none`: no party. */
  readonly how: "exact" | "matcher" | "possible" | "ambiguous" | "none";
  /** Index of the party joined (or, for `possible` and `ambiguous`, the best candidate). */
  readonly party?: number;
  readonly partyName?: string;
  readonly score?: number;
  readonly detail: string;
}

/** A party as the joiner sees it. */
export interface JoinParty {
  readonly index: number;
  readonly name: string;
  readonly type?: SubjectType;
}

function key(s: string): string {
  return s.normalize("NFKC").trim().replace(/\s+/g, " ").toUpperCase();
}

/** The parties as a list the name matcher can screen against (record id = party index). */
function partyList(parties: readonly JoinParty[], day: string): LoadedList {
  const records = parties.map((p) => ({
    id: `parties:${p.index}`,
    list: "parties",
    sourceId: String(p.index),
    subject: {
      type: p.type ?? "unknown",
      names: [{ value: p.name, kind: "primary" as const, originalScript: false }],
      identifiers: [],
      birthDates: [],
      birthPlaces: [],
      nationalities: [],
      citizenships: [],
      addresses: [],
      titles: [],
      positions: [],
    },
    bases: [{ regime: "US" as const, measures: [], confirmed: true }],
    remarks: [],
    sameAs: [],
  }));
  const counts = { person: 0, organization: 0, vessel: 0, aircraft: 0, unknown: 0 };
  for (const r of records) counts[r.subject.type] += 1;
  return {
    metadata: {
      listId: "parties",
      publisher: "the transaction",
      title: "Parties of the transaction",
      format: "curated-json",
      sourceFiles: ["transaction"],
      listDate: day,
      listDateSource: "the transaction's date",
      recordCount: records.length,
      countsByType: counts,
      sha256: "0".repeat(64),
      fileSha256: [],
      warnings: [],
    },
    records,
  };
}

/**
 * Joins each name of the ownership graph to a party (see the module contract).
 * @example
 * joinOwnershipNames(["Balkan Export Brokers"], [{ index: 1, name: "Balkan Exprot Brokers EOOD" }], screener, "2026-12-06").get("Balkan Export Brokers")?.how //=> "matcher"
 */
export function joinOwnershipNames(names: readonly string[], parties: readonly JoinParty[], screener: Screener, day: string): Map<string, OwnershipJoin> {
  const joins = new Map<string, OwnershipJoin>();
  const byKey = new Map<string, JoinParty>();
  for (const p of parties) if (!byKey.has(key(p.name))) byKey.set(key(p.name), p);
  let matcher: Screener | undefined;
  for (const name of names) {
    const exact = byKey.get(key(name));
    if (exact !== undefined) {
      joins.set(name, { name, how: "exact", party: exact.index, partyName: exact.name, score: 1, detail: `"${name}" is party ${exact.index} "${exact.name}" (same name)` });
      continue;
    }
    if (parties.length === 0) {
      joins.set(name, { name, how: "none", detail: `"${name}" is no party (the transaction has none)` });
      continue;
    }
    matcher ??= createScreener({ lists: [partyList(parties, day)], threshold: screener.threshold, reviewThreshold: screener.reviewThreshold, maxHits: 3, today: day });
    const hits = matcher.matchName({ name }).hits;
    const [best, second] = hits;
    if (best === undefined) {
      joins.set(name, { name, how: "none", detail: `"${name}" resembles no party at or above the review threshold ${matcher.reviewThreshold.toFixed(2)}` });
      continue;
    }
    const party = parties.find((p) => String(p.index) === best.recordId) as JoinParty;
    const base = { name, party: party.index, partyName: party.name, score: best.score };
    const compared = `"${name}" ↔ party ${party.index} "${party.name}" ${best.score.toFixed(2)}`;
    if (second !== undefined && second.score >= matcher.threshold && best.score - second.score < 0.01) {
      joins.set(name, { ...base, how: "ambiguous", detail: `${compared} and party ${second.recordId} "${second.name}" ${second.score.toFixed(2)}: ambiguous, not joined (spell the name as the party's)` });
    } else if (best.score >= matcher.threshold) {
      joins.set(name, { ...base, how: "matcher", detail: `${compared} ≥ ${matcher.threshold.toFixed(2)} (name matcher): joined` });
    } else {
      joins.set(name, { ...base, how: "possible", detail: `${compared}, below the alert threshold ${matcher.threshold.toFixed(2)}: possible join, not used (spell the name as the party's to join it)` });
    }
  }
  return joins;
}
