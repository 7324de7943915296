/**
 * `screenTransaction`: one explained outcome for a whole deal, in the words of a name screen's
 * outcome. Contract:
 *
 * 1. Every party is screened by name as of the transaction date, or of its leg's date, for the
 *    caller's jurisdictions (the date-aware `screen`); the accept list is applied per subject key.
 * 2. Goods lines are matched against the goods catalogue; their classes (munitions, dual-use, other)
 *    feed the country rules of the rule pack, evaluated on the route (origin, transit, destination)
 *    on the transaction date, with licence overlays; each leg's rules are evaluated on the leg's date.
 * 3. Programme flags (e.g. `[IFSR]`) come from the matched records' bases in force (or uncertain) on
 *    the party's date, in any jurisdiction: secondary measures reach non-U.S. persons.
 * 4. Each leg that re-transfers goods to a new country or end user is a `review` finding naming it;
 *    BIS "Know Your Customer" red flags the data can show are `review` findings.
 * 5. With an ownership graph, owners are screened too; an entity owned 50 % or more by blocked persons
 *    (parties or owners with a designation in force) is blocked (`evaluateOwnership`). Without one the
 *    result says the 50 % rule was not evaluated.
 * 6. The outcome is the most severe finding's decision: alert > unscreenable > review > clear
 *    (`clear` findings are shown, never raise it; no finding, or only clear ones, on stale lists is
 *    `stale-clear`). Every finding carries data and a rendered summary; the result carries the
 *    replay envelope and is plain JSON (same inputs → the same bytes).
 */
import { matchGoods, type GoodsCatalogue, type GoodsMatchResult } from "../goods";
import type { Regime, SubjectType } from "../model";
import { ownershipNotEvaluated, evaluateOwnershipGraph, type OwnershipResult } from "../ownership";
import {
  evaluateCountryRules,
  evaluateProgrammeFlags,
  contentSha256,
  type CountryRole,
  type GoodsClass,
  type RuleFinding,
  type RulePack,
} from "../rules";
import { applyAcceptList, parseAcceptList, type AcceptEntry, type ReviewedHit } from "./accept-list";
import { ALL_REGIMES } from "./assess-designation";
import type { Outcome, ScreenResult, Screener } from "./create-screener";
import type { ListFreshness } from "./list-freshness";
import type { CoverageGap } from "./list-coverage";
import { joinOwnershipNames, type OwnershipJoin } from "./ownership-joins";
import { buildEnvelope, type ResultEnvelope } from "./envelope";
import { parseTransaction, type PartyRole, type Transaction, type TransactionGoods, type TransactionInput } from "./transaction-input";

/**
 * Options of {@link screenTransaction}.
 * @example
 * screenTransaction(tx, { screener, rulePack, goods: catalogue, jurisdictions: ["US"] } satisfies ScreenTransactionOptions).outcome //=> "alert"
 */
export interface ScreenTransactionOptions {
  readonly screener: Screener;
  readonly rulePack: RulePack;
  readonly goods: GoodsCatalogue;
  /** Regimes that apply to the caller; the transaction's own `jurisdictions` win; default all four. */
  readonly jurisdictions?: readonly Regime[];
  readonly acceptList?: readonly AcceptEntry[];
}

/**
 * The decision of a transaction finding: the words of {@link Outcome} a single finding can take.
 * `clear` findings are shown (a matched record not in force, goods classes, accepted hits, joins)
 * and never raise the outcome.
 * @example
 * const d: FindingDecision | undefined = desk.screen(tx).findings[0]?.decision; //=> "alert"
 */
export type FindingDecision = "alert" | "unscreenable" | "review" | "clear";

/** Kinds of transaction findings (stable ids). */
export type TransactionFindingKind = "party" | "rule" | "programme-flag" | "goods" | "retransfer" | "kyc" | "ownership";

/**
 * One finding of a transaction, with the data it rests on and a rendered summary.
 * @example
 * const f: TransactionFinding | undefined = desk.screen(tx).findings[0];
 * f?.id //=> "party.0.ofac-sdn:15486"
 * f?.decision //=> "alert"
 */
export interface TransactionFinding {
  /** Stable id, e.g. `party.0.ofac-sdn:15487`, `rule.us-syria-eo13338`, `leg.1.retransfer`. */
  readonly id: string;
  readonly kind: TransactionFindingKind;
  /** The finding's one decision. */
  readonly decision: FindingDecision;
  /** The day the finding is evaluated for (the transaction's or a leg's date). */
  readonly asOf: string;
  /** Party indexes, leg indexes and goods line indexes the finding concerns. */
  readonly parties?: readonly number[];
  readonly legs?: readonly number[];
  readonly goods?: readonly number[];
  readonly ruleId?: string;
  readonly recordId?: string;
  readonly detail: string;
  readonly summary: string;
}

/** One party's screen. */
export interface PartyScreen {
  readonly index: number;
  readonly key: string;
  readonly role: PartyRole | "owner";
  readonly name: string;
  readonly leg?: number;
  readonly asOf: string;
  /** The outcome after the accept list. */
  readonly outcome: Outcome;
  /** True when a hit alerts (a designation in force matched, not accepted): a blocked person. */
  readonly blocked: boolean;
  readonly hits: readonly ReviewedHit[];
  /** The date-aware screen (without its envelope: the transaction's envelope covers it). */
  readonly screen: Omit<ScreenResult, "envelope">;
}

/** Goods line results. */
export interface GoodsLineResult {
  readonly index: number;
  /** `main` for the deal's goods, or the leg index. */
  readonly leg?: number;
  readonly quantity?: number;
  readonly match: GoodsMatchResult;
}

/** The 50 % rule section. */
export interface OwnershipSection {
  readonly evaluated: boolean;
  readonly detail: string;
  /** Owners in the graph that are not parties, screened as of the transaction date. */
  readonly owners: readonly PartyScreen[];
  /** Results for each party that appears in the graph (or the not-evaluated result per party). */
  readonly results: readonly OwnershipResult[];
  /** How each name of the graph was joined to a party (name matcher) or to list records, explained. */
  readonly joins: readonly OwnershipJoin[];
  /** Problems with the graph that do not stop it: unreached names, percentages that look like fractions. */
  readonly notes: readonly string[];
}

/**
 * The result of {@link screenTransaction}.
 * @example
 * const r: TransactionResult = desk.screen(tx);
 * r.outcome //=> "alert"
 * r.deciding //=> ["party.0.ofac-sdn:15486", …]
 * r.envelope.rulePack?.version //=> "2026-11-22.1"
 */
export interface TransactionResult {
  readonly transactionId?: string;
  readonly date: string;
  readonly jurisdictions: readonly Regime[];
  /** The overall result: the most severe finding's decision (same words as a screen's `outcome`). */
  readonly outcome: Outcome;
  /** True when a list the parties were screened against is stale on the transaction date: a would-be clear is `stale-clear`. */
  readonly stale: boolean;
  /** Each list's age on the transaction date (see `./list-freshness`). */
  readonly freshness: readonly ListFreshness[];
  /** The transaction's jurisdictions no loaded list covers (see `./list-coverage`). */
  readonly coverageGaps: readonly CoverageGap[];
  /** Ids of the findings that decide the outcome (every finding with the outcome's decision). */
  readonly deciding: readonly string[];
  readonly findings: readonly TransactionFinding[];
  readonly parties: readonly PartyScreen[];
  readonly goods: readonly GoodsLineResult[];
  readonly rules: readonly (RuleFinding & { readonly leg?: number })[];
  readonly ownership: OwnershipSection;
  readonly summary: string;
  readonly envelope: ResultEnvelope;
}

const SEVERITY_RANK: Readonly<Record<FindingDecision, number>> = { alert: 3, unscreenable: 2, review: 1, clear: 0 };

function key(s: string): string {
  return s.normalize("NFKC").trim().replace(/\s+/g, " ").toUpperCase();
}

function goodsLabel(g: TransactionGoods): string {
  return `${g.quantity === undefined ? "" : `${g.quantity} × `}${g.description}`;
}

function classesOf(results: readonly GoodsMatchResult[]): GoodsClass[] {
  const set = new Set<GoodsClass>(results.map((r) => r.class));
  const out = (["munitions", "dual-use", "other"] as const).filter((c) => set.has(c));
  return out.length === 0 ? ["other"] : out;
}

/**
 * Screens a whole transaction (parties, goods, route, legs, ownership) as of its date and returns one
 * explained outcome with every finding, plus the replay envelope.
 * @example
 * screenTransaction({ date: "2013-03-01", parties: [{ role: "buyer", name: "Belvneshpromservice" }], goods: [],
 *   route: { origin: "BY", destination: "BY" } }, { screener, rulePack, goods }).outcome //=> "alert"
 */
export function screenTransaction(input: TransactionInput, options: ScreenTransactionOptions): TransactionResult {
  const tx: Transaction = parseTransaction(input);
  const acceptList = parseAcceptList(options.acceptList ?? []);
  const { screener, rulePack, goods: catalogue } = options;
  const jurisdictions: readonly Regime[] = tx.jurisdictions ?? options.jurisdictions ?? ALL_REGIMES;
  const legs = tx.legs ?? [];
  const findings: TransactionFinding[] = [];
  const add = (f: Omit<TransactionFinding, "summary">, label: string) => {
    const cap = `${f.decision[0]?.toUpperCase() ?? ""}${f.decision.slice(1)}`;
    findings.push({ ...f, summary: `${cap}: ${label}: ${f.detail.replace(/\.+$/, "")}.` });
  };

  // 1. Parties, each on its own date.
  type PartySpec = { key: string; role: PartyRole | "owner"; name: string; leg?: number; asOf: string; screenInput: Parameters<Screener["screen"]>[0] };
  const specs: PartySpec[] = tx.parties.map((p) => {
    const asOf = p.leg === undefined ? tx.date : (legs[p.leg]?.date ?? tx.date);
    return {
      key: p.key ?? p.name,
      role: p.role,
      name: p.name,
      ...(p.leg === undefined ? {} : { leg: p.leg }),
      asOf,
      screenInput: {
        name: p.name,
        ...(p.type === undefined ? {} : { type: p.type }),
        ...(p.country === undefined ? {} : { country: p.country }),
        ...(p.dateOfBirth === undefined ? {} : { dateOfBirth: p.dateOfBirth }),
        ...(p.identifiers === undefined ? {} : { identifiers: p.identifiers }),
        asOf,
        jurisdictions: [...jurisdictions],
      },
    };
  });
  legs.forEach((leg, i) => {
    for (const [role, name] of [["consignee", leg.consignee], ["end-user", leg.endUser]] as const) {
      if (name === undefined) continue;
      specs.push({ key: name, role, name, leg: i, asOf: leg.date, screenInput: { name, asOf: leg.date, jurisdictions: [...jurisdictions] } });
    }
  });
  const screenSpec = (s: PartySpec, index: number): PartyScreen => {
    const { envelope: _envelope, ...result } = screener.screen(s.screenInput);
    const reviewed = applyAcceptList(s.key, { ...result, envelope: _envelope }, acceptList);
    return {
      index,
      key: s.key,
      role: s.role,
      name: s.name,
      ...(s.leg === undefined ? {} : { leg: s.leg }),
      asOf: s.asOf,
      outcome: reviewed.outcome,
      blocked: reviewed.outcome === "alert",
      hits: reviewed.hits,
      screen: result,
    };
  };
  const parties = specs.map(screenSpec);

  for (const p of parties) {
    const where = `${p.role} "${p.name}"${p.leg === undefined ? "" : ` (leg ${p.leg})`}`;
    if (p.screen.unscreenable) {
      add({ id: `party.${p.index}.unscreenable`, kind: "party", decision: "unscreenable", asOf: p.asOf, parties: [p.index], detail: p.screen.reasons.map((r) => r.detail).join("; ") || "nothing comparable left of the name" }, where);
    }
    for (const h of p.hits) {
      const decision: FindingDecision = h.decision;
      const detail = h.acceptance ? `${h.hit.summary} ${h.acceptance.detail}` : h.hit.summary;
      add({ id: `party.${p.index}.${h.recordId}`, kind: "party", decision, asOf: p.asOf, parties: [p.index], recordId: h.recordId, detail }, where);
    }
  }

  // 2. Goods and country rules on the route, on the transaction date.
  const matchLine = (g: TransactionGoods) =>
    matchGoods(g.description, catalogue, {
      ...(g.usml === undefined ? {} : { usml: g.usml }),
      ...(g.eccn === undefined ? {} : { eccn: g.eccn }),
      ...(g.ml === undefined ? {} : { ml: g.ml }),
      ...(g.hsCode === undefined ? {} : { hs: g.hsCode }),
    });
  const goodsLines: GoodsLineResult[] = tx.goods.map((g, index) => ({ index, ...(g.quantity === undefined ? {} : { quantity: g.quantity }), match: matchLine(g) }));
  goodsLines.forEach((line) => {
    const m = line.match;
    if (m.class === "other" && m.controlStatus !== "unconfirmed") return;
    add(
      { id: `goods.${line.index}`, kind: "goods", decision: m.controlStatus === "unconfirmed" ? "review" : "clear", asOf: tx.date, goods: [line.index], detail: m.summary },
      `goods line ${line.index} "${goodsLabel(tx.goods[line.index] as TransactionGoods)}"`,
    );
  });
  const mainClasses = classesOf(goodsLines.map((l) => l.match));

  const blockedParty = () => parties.some((p) => p.blocked) || ownershipBlocked.length > 0;
  const partyCountries = tx.parties.map((p) => p.country).filter((c): c is string => c !== undefined);

  // 5 (before rules: overlays need to know whether a blocked party is involved). The 50 % rule.
  const ownershipBlocked: string[] = [];
  let ownership: OwnershipSection;
  if (tx.ownership === undefined || tx.ownership.length === 0) {
    ownership = {
      evaluated: false,
      detail: "50 % rule not evaluated: no ownership graph supplied",
      owners: [],
      results: tx.parties.filter((p) => p.type !== "person").map((p) => ownershipNotEvaluated(p.name, "no ownership graph supplied")),
      joins: [],
      notes: [],
    };
  } else {
    const nodes = [...new Set(tx.ownership.flatMap((e) => [e.owner.trim(), e.owned.trim()]))];
    // Names of the graph → parties, by the screener's own name matcher and thresholds.
    const partyTypes = new Map(tx.parties.map((p, i) => [i, p.type]));
    const joinParties = parties.map((p) => ({ index: p.index, name: p.name, ...(partyTypes.get(p.index) === undefined ? {} : { type: partyTypes.get(p.index) as SubjectType }) }));
    const partyJoins = joinOwnershipNames(nodes, joinParties, screener, tx.date);
    const canonical = new Map<string, string>();
    const owners: PartyScreen[] = [];
    const blocked = new Set<string>();
    const joins: OwnershipJoin[] = [];
    const notes: string[] = [];
    for (const n of nodes) {
      const join = partyJoins.get(n) as OwnershipJoin;
      const party = join.how === "exact" || join.how === "matcher" ? parties[join.party as number] : undefined;
      if (party) {
        canonical.set(n, party.name);
        if (party.blocked) blocked.add(party.name);
        joins.push(join);
        if (join.how === "matcher") add({ id: `ownership.join.${nodes.indexOf(n)}`, kind: "ownership", decision: "clear", asOf: tx.date, parties: [party.index], detail: join.detail }, `ownership edge name "${n}"`);
        continue;
      }
      canonical.set(n, n);
      const o = screenSpec({ key: n, role: "owner", name: n, asOf: tx.date, screenInput: { name: n, asOf: tx.date, jurisdictions: [...jurisdictions] } }, parties.length + owners.length);
      owners.push(o);
      if (o.blocked) blocked.add(n);
      const best = o.hits.find((h) => h.decision !== "clear") ?? o.hits[0];
      const partyPart = join.how === "none" ? "no party" : join.detail;
      if (best === undefined) {
        const detail = `"${n}" reaches no party and no list record (${partyPart}); its edges count only through what the graph says`;
        joins.push({ ...join, detail });
        notes.push(detail);
        add({ id: `ownership.unreached.${nodes.indexOf(n)}`, kind: "ownership", decision: "clear", asOf: tx.date, detail }, `ownership edge name "${n}"`);
      } else {
        joins.push({ ...join, detail: `${join.how === "none" ? `"${n}" is no party` : join.detail}; as an owner it matches list record ${best.recordId} "${best.hit.name}" ${best.hit.score.toFixed(2)} (${best.decision}${o.blocked ? ", blocked" : ""})` });
      }
      if (join.how === "possible" || join.how === "ambiguous") {
        add({ id: `ownership.join.${nodes.indexOf(n)}`, kind: "ownership", decision: "review", asOf: tx.date, ...(join.party === undefined ? {} : { parties: [join.party] }), detail: join.detail }, `ownership edge name "${n}"`);
      }
    }
    tx.ownership.forEach((e, i) => {
      // Percentages are 0–100; a share of 1 or less is legal but usually a fraction (0.6 for 60 %).
      if (e.percent <= 1) notes.push(`ownership.${i}.percent ${e.percent}: looks like a fraction; percent is 0–100 (write ${Math.round(e.percent * 100 * 1e6) / 1e6} for ${Math.round(e.percent * 100 * 1e6) / 1e6} %)`);
    });
    const edges = tx.ownership.map((e) => ({ owner: canonical.get(e.owner.trim()) ?? e.owner.trim(), owned: canonical.get(e.owned.trim()) ?? e.owned.trim(), percent: e.percent }));
    const graph = evaluateOwnershipGraph({ edges, blocked });
    const results: OwnershipResult[] = [];
    for (const p of parties) {
      const r = [...graph.values()].find((g) => key(g.entity) === key(p.name));
      if (!r) continue;
      results.push(r);
      if (r.blocked && !r.listed) {
        ownershipBlocked.push(p.name);
        const aggregate = r.paths.length > 1 ? r.reasons.find((x) => x.feature === "ownership.aggregate")?.detail : undefined;
        add({ id: `ownership.${p.index}`, kind: "ownership", decision: "alert", asOf: tx.date, parties: [p.index], detail: aggregate ? `${r.summary.replace(/\.$/, "")}; ${aggregate}` : r.summary }, `${p.role} "${p.name}"`);
      } else if (!r.blocked && r.aggregatePercent > 0) {
        add({ id: `ownership.${p.index}`, kind: "ownership", decision: "clear", asOf: tx.date, parties: [p.index], detail: r.summary }, `${p.role} "${p.name}"`);
      }
    }
    ownership = {
      evaluated: true,
      detail: `50 % rule evaluated on ${tx.ownership.length} ownership edge(s); ${blocked.size} blocked owner(s) or parties: ${[...blocked].sort().join(", ") || "none"}; ${
        joins.filter((j) => j.how === "exact" || j.how === "matcher").length
      } of ${nodes.length} name(s) joined to parties${joins.some((j) => j.how === "matcher") ? ` (${joins.filter((j) => j.how === "matcher").map((j) => j.detail).join("; ")})` : ""}${notes.length > 0 ? `; ${notes.join("; ")}` : ""}`,
      owners,
      results,
      joins,
      notes,
    };
  }
  for (const o of ownership.owners) {
    for (const h of o.hits) {
      if (h.decision === "clear") continue;
      add({ id: `owner.${o.index - parties.length}.${h.recordId}`, kind: "ownership", decision: "clear", asOf: o.asOf, recordId: h.recordId, detail: `owner screened: ${h.hit.summary}` }, `owner "${o.name}"`);
    }
  }

  const rules: (RuleFinding & { leg?: number })[] = [];
  const addRules = (list: readonly RuleFinding[], prefix: string, extra: Pick<TransactionFinding, "legs"> & { leg?: number }) => {
    for (const f of list) {
      rules.push({ ...f, ...(extra.leg === undefined ? {} : { leg: extra.leg }) });
      add({ id: `${prefix}rule.${f.ruleId}`, kind: f.kind === "programme-flag" ? "programme-flag" : "rule", decision: f.decision, asOf: f.asOf, ruleId: f.ruleId, ...(extra.legs ? { legs: extra.legs } : {}), detail: f.summary.replace(/^(Alert|Review|Clear): /, "") }, f.kind === "programme-flag" ? `programme flag ${f.ruleId}` : `rule ${f.ruleId}`);
    }
  };
  const routeCountries: { code: string; role: CountryRole }[] = [
    { code: tx.route.origin, role: "origin" },
    ...(tx.route.transit ?? []).map((code) => ({ code, role: "transit" as const })),
    { code: tx.route.destination, role: "destination" },
  ];
  addRules(
    evaluateCountryRules({ pack: rulePack, asOf: tx.date, jurisdictions, countries: routeCountries, goodsClasses: mainClasses, blockedPartyInvolved: blockedParty(), partyCountries }),
    "",
    {},
  );

  // 3. Programme flags of matched records, per party date.
  const flagged = new Set<string>();
  for (const p of parties) {
    const programmes = new Set<string>();
    for (const h of p.hits) {
      // The name alone must alert (score at the threshold), whatever the date rules say of the hit.
      if (h.acceptance?.applied === true || h.hit.score < h.hit.threshold) continue;
      for (const b of h.hit.designation?.bases ?? []) {
        if ((b.status === "in-force" || b.status === "uncertain") && b.program !== undefined) programmes.add(b.program);
      }
    }
    if (programmes.size === 0) continue;
    const flags = evaluateProgrammeFlags({ pack: rulePack, asOf: p.asOf, jurisdictions, programmes: [...programmes].sort() }).filter((f) => {
      const k = `${f.ruleId}@${f.asOf}`;
      if (flagged.has(k)) return false;
      flagged.add(k);
      return true;
    });
    addRules(flags, p.leg === undefined ? "" : `leg.${p.leg}.`, p.leg === undefined ? {} : { legs: [p.leg], leg: p.leg });
  }

  // 4. Legs: rules on each leg's date, re-transfers, and leg goods.
  const endUsers = tx.parties.filter((p) => p.role === "end-user" && p.leg === undefined);
  const consignees = tx.parties.filter((p) => p.role === "consignee" && p.leg === undefined);
  legs.forEach((leg, i) => {
    const legGoods = leg.goods ?? tx.goods;
    const legMatches = leg.goods ? leg.goods.map(matchLine) : goodsLines.map((l) => l.match);
    leg.goods?.forEach((g, j) => goodsLines.push({ index: tx.goods.length + goodsLines.filter((l) => l.leg !== undefined).length, leg: i, ...(g.quantity === undefined ? {} : { quantity: g.quantity }), match: legMatches[j] as GoodsMatchResult }));
    // The goods keep their origin on a re-transfer (origin-based rules such as ITAR §126.1 follow
    // them); the re-exporting country is where they pass through.
    const legCountries: { code: string; role: CountryRole }[] = [
      { code: tx.route.origin, role: "origin" },
      ...(leg.from === tx.route.origin ? [] : [{ code: leg.from, role: "transit" as const }]),
      { code: leg.to, role: "destination" },
    ];
    addRules(
      evaluateCountryRules({ pack: rulePack, asOf: leg.date, jurisdictions, countries: legCountries, goodsClasses: classesOf(legMatches), blockedPartyInvolved: blockedParty(), partyCountries }),
      `leg.${i}.`,
      { legs: [i], leg: i },
    );
    const arrivedAt = [tx.route.destination, ...legs.slice(0, i).map((l) => l.to)];
    const newCountry = leg.to !== tx.route.destination;
    const newEndUser = leg.endUser !== undefined && !endUsers.some((e) => key(e.name) === key(leg.endUser as string));
    const newConsignee = leg.consignee !== undefined && !consignees.some((c) => key(c.name) === key(leg.consignee as string));
    if (arrivedAt.includes(leg.from) && (newCountry || newEndUser || newConsignee)) {
      const what = legGoods.map(goodsLabel).join(", ") || "the goods";
      const why = [
        newCountry ? `new country ${leg.to} (the deal's destination was ${tx.route.destination})` : "",
        newEndUser ? `new end user "${leg.endUser}"` : "",
        newConsignee ? `new consignee "${leg.consignee}"` : "",
      ].filter(Boolean);
      add(
        {
          id: `leg.${i}.retransfer`,
          kind: "retransfer",
          decision: "review",
          asOf: leg.date,
          legs: [i],
          detail: `leg ${i} re-transfers ${what} from ${leg.from} to ${leg.to} on ${leg.date}, after the transfer ${tx.route.origin} → ${tx.route.destination} on ${tx.date}: ${why.join("; ")}; re-transfer consent of the original exporting authority to be checked`,
        },
        `re-transfer on leg ${i} (${leg.from} → ${leg.to})`,
      );
    }
  });

  // KYC red flags (BIS "Know Your Customer" guidance, Supplement 3 to 15 CFR part 732).
  const forwarders = new Set(tx.parties.filter((p) => p.role === "intermediary" || p.role === "carrier").map((p) => key(p.name)));
  tx.parties.forEach((p, i) => {
    if (p.role !== "consignee") return;
    if (p.activity === "freight-forwarder" || forwarders.has(key(p.name))) {
      add(
        { id: `kyc.forwarder-consignee.${i}`, kind: "kyc", decision: "review", asOf: tx.date, parties: [i], detail: `the consignee "${p.name}" is ${p.activity === "freight-forwarder" ? "a freight forwarder" : "also an intermediary or carrier of the deal"}: the final destination and end user may be hidden` },
        "BIS red flag",
      );
    }
  });
  tx.parties.forEach((p, i) => {
    if (p.role !== "end-user" || p.leg !== undefined || p.country === undefined || p.country === tx.route.destination) return;
    add(
      { id: `kyc.end-user-third-country.${i}`, kind: "kyc", decision: "review", asOf: tx.date, parties: [i], detail: `the end user "${p.name}" is in ${p.country}, not in the destination ${tx.route.destination}` },
      "BIS red flag",
    );
  });
  if (mainClasses.includes("munitions")) {
    tx.parties.forEach((p, i) => {
      if (p.role !== "end-user") return;
      const unfit = p.type === "person" || (p.activity !== undefined && ["freight-forwarder", "trading-company", "bank", "individual"].includes(p.activity));
      if (!unfit) return;
      add(
        { id: `kyc.goods-end-user-mismatch.${i}`, kind: "kyc", decision: "review", asOf: tx.date, parties: [i], goods: goodsLines.filter((l) => l.match.class === "munitions").map((l) => l.index), detail: `munitions items go to the end user "${p.name}" (${p.type === "person" ? "a person" : p.activity}), whose line of business does not fit the goods` },
        "BIS red flag",
      );
    });
  }

  // Outcome: the most severe finding's decision.
  const top = findings.reduce<FindingDecision>((acc, f) => (SEVERITY_RANK[f.decision] > SEVERITY_RANK[acc] ? f.decision : acc), "clear");
  // Staleness is judged on the parties' screens (the screener's freshness options apply).
  const freshness = parties[0]?.screen.freshness ?? [];
  const stale = parties.some((p) => p.screen.stale);
  // Every party is screened for the transaction's jurisdictions: the gaps are the same for all.
  const gaps = parties[0]?.screen.coverageGaps ?? [];
  const outcome: Outcome = top === "clear" ? (stale ? "stale-clear" : "clear") : top;
  const deciding = top === "clear" ? [] : findings.filter((f) => f.decision === top).map((f) => f.id);
  const counts = (["alert", "unscreenable", "review", "clear"] as const).map((s) => [s, findings.filter((f) => f.decision === s).length] as const).filter(([, n]) => n > 0);
  const decidingText = findings.filter((f) => deciding.includes(f.id)).map((f) => f.summary.replace(/^\w+: /, "").replace(/\.$/, ""));
  const summary = `${outcome[0]?.toUpperCase() ?? ""}${outcome.slice(1)}: transaction${tx.id === undefined ? "" : ` ${tx.id}`} of ${tx.date} (${tx.route.origin} → ${[...(tx.route.transit ?? []), tx.route.destination].join(" → ")}) for ${jurisdictions.join(", ")}: ${
    counts.map(([s, n]) => `${n} ${s}`).join(", ") || "no finding"
  }${decidingText.length ? `; ${decidingText.join("; ")}` : ""}; 50 % rule ${ownership.evaluated ? "evaluated" : "not evaluated"}${
    stale ? `; stale lists: ${freshness.filter((f) => f.stale).map((f) => f.detail).join("; ")}` : ""
  }${gaps.length > 0 ? `; ${gaps.map((g) => g.detail).join("; ")}` : ""}.`;

  const envelope = buildEnvelope({
    algorithm: screener.algorithm,
    profile: screener.profile,
    // Every option that changes a result: the screener's (thresholds, maxHits, name limits, the
    // algorithm's parameters) and the transaction's own (issue 9: replay was incomplete without them).
    options: {
      ...screener.replayOptions,
      jurisdictions: [...jurisdictions],
      acceptListHash: contentSha256(acceptList),
    },
    asOf: tx.date,
    jurisdictions,
    lists: screener.lists,
    rulePack: { version: rulePack.version, sha256: rulePack.sha256 },
    goodsCatalogue: { version: catalogue.version, sha256: catalogue.sha256 },
  });

  const ordered = [...findings].sort((a, b) => SEVERITY_RANK[b.decision] - SEVERITY_RANK[a.decision]);
  return {
    ...(tx.id === undefined ? {} : { transactionId: tx.id }),
    date: tx.date,
    jurisdictions: [...jurisdictions],
    outcome,
    stale,
    freshness,
    coverageGaps: gaps,
    deciding,
    findings: ordered,
    parties,
    goods: goodsLines,
    rules,
    ownership,
    summary,
    envelope,
  };
}
