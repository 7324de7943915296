/**
 * The OFAC 50 % rule on a caller-supplied ownership graph.
 *
 * OFAC, "Revised Guidance on Entities Owned by Persons Whose Property and Interests in Property Are
 * Blocked" (2014-08-13): an entity owned 50 % or more, directly or indirectly, individually or in
 * the aggregate, by one or more blocked persons is itself blocked. Indirect ownership counts only
 * through entities that are themselves blocked: if A (blocked) owns 50 % of B, B is blocked, and if
 * B owns 50 % of C, C is blocked too. Percentages are NOT multiplied along a chain: A owning 40 % of
 * B (so B is not blocked) and B owning 100 % of C leaves C unblocked, although A's look-through share
 * of C is 40 %. This module implements exactly that reading, nothing stricter (no look-through
 * multiplication, no control test, which the guidance treats separately).
 *
 * Contract:
 * 1. Ids are compared exactly after trimming: the graph and the blocked set must use the same ids.
 * 2. Each edge needs 0 < percent ≤ 100; shares of one owned entity may not total more than 100 %;
 *    the graph may not have a cycle (cross-holdings must be resolved by the caller). Each problem is
 *    an {@link InputError} naming the edge.
 * 3. Several edges between the same owner and owned entity are added up (e.g. two share classes).
 * 4. Entities are decided owners-first (topological order), so the result is exact in one pass.
 */
import { InputError, type InputIssue } from "../errors";

/** One ownership edge: `owner` holds `percent` % of `owned`. */
export interface OwnershipEdge {
  readonly owner: string;
  readonly owned: string;
  readonly percent: number;
}

/** One chain of blocked ownership leading to the entity; `percent` is the share counted for it. */
export interface OwnershipPath {
  /** From a person the caller marked as blocked, through entities blocked by this rule, to the entity. */
  readonly chain: readonly string[];
  /** The share at each link of the chain, in order. */
  readonly percents: readonly number[];
  /** The last link: the share of the entity this path contributes to the aggregate. */
  readonly percent: number;
}

/** A reason of an ownership result; `feature` ids are stable. */
export interface OwnershipReason {
  readonly feature:
    | "ownership.listed"
    | "ownership.path"
    | "ownership.aggregate"
    | "ownership.unblocked-owner"
    | "ownership.no-edges"
    | "ownership.not-evaluated";
  readonly detail: string;
  readonly owner?: string;
  readonly percent?: number;
}

/** Whether an entity is blocked under the 50 % rule, and why. */
export interface OwnershipResult {
  readonly entity: string;
  readonly blocked: boolean;
  /** False only from {@link ownershipNotEvaluated}: no graph was supplied. */
  readonly evaluated: boolean;
  /** True when the caller marked the entity itself as blocked. */
  readonly listed: boolean;
  /** Sum of the direct shares of the entity held by blocked owners (listed or blocked by this rule). */
  readonly aggregatePercent: number;
  readonly threshold: 50;
  readonly paths: readonly OwnershipPath[];
  readonly reasons: readonly OwnershipReason[];
  readonly summary: string;
}

/** Input of {@link evaluateOwnership} and {@link evaluateOwnershipGraph}. */
export interface OwnershipInput {
  readonly edges: readonly OwnershipEdge[];
  /** Ids of persons the caller treats as blocked, e.g. parties with a designation in force. */
  readonly blocked: Iterable<string>;
}

const THRESHOLD = 50;
// Shares such as 33.33 + 16.67 must reach 50 despite binary floating point.
const EPSILON = 1e-9;

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

function fmt(n: number): string {
  return `${round(n)} %`;
}

interface Graph {
  readonly owners: Map<string, Map<string, number>>; // owned → owner → percent
  readonly order: string[];
  readonly nodes: Set<string>;
}

function issue(path: string, expected: string, received: unknown, message: string): InputIssue {
  return { path, expected, received: JSON.stringify(received) ?? String(received), message };
}

/** Validates the edges and returns owners per entity and a topological order; throws InputError. */
function buildGraph(edges: readonly OwnershipEdge[]): Graph {
  const issues: InputIssue[] = [];
  if (!Array.isArray(edges)) throw new InputError([issue("ownership", "a list of { owner, owned, percent }", edges, "not a list")]);
  const owners = new Map<string, Map<string, number>>();
  const children = new Map<string, string[]>();
  const edgeIndex = new Map<string, number>();
  const nodes = new Set<string>();
  edges.forEach((edge, i) => {
    const e = (edge ?? {}) as Partial<OwnershipEdge>;
    const owner = typeof e.owner === "string" ? e.owner.trim() : "";
    const owned = typeof e.owned === "string" ? e.owned.trim() : "";
    if (owner === "") issues.push(issue(`ownership.${i}.owner`, "a non-empty id", e.owner, "edge without owner"));
    if (owned === "") issues.push(issue(`ownership.${i}.owned`, "a non-empty id", e.owned, "edge without owned entity"));
    if (typeof e.percent !== "number" || !Number.isFinite(e.percent) || e.percent <= 0 || e.percent > 100) {
      issues.push(issue(`ownership.${i}.percent`, "a number > 0 and ≤ 100", e.percent, `edge ${owner} → ${owned}: bad percentage`));
      return;
    }
    if (owner === "" || owned === "") return;
    if (owner === owned) {
      issues.push(issue(`ownership.${i}`, "an edge between two different entities", `${owner} → ${owned}`, `cycle: ${owner} owns itself`));
      return;
    }
    nodes.add(owner);
    nodes.add(owned);
    const byOwner = owners.get(owned) ?? new Map<string, number>();
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + e.percent);
    owners.set(owned, byOwner);
    if (!edgeIndex.has(`${owner}\u0000${owned}`)) {
      edgeIndex.set(`${owner}\u0000${owned}`, i);
      children.set(owner, [...(children.get(owner) ?? []), owned]);
    }
  });
  for (const [owned, byOwner] of owners) {
    const total = [...byOwner.values()].reduce((a, b) => a + b, 0);
    if (total > 100 + EPSILON) {
      const list = [...byOwner.entries()].map(([o, p]) => `${o} ${fmt(p)}`).join(", ");
      const first = Math.min(...[...byOwner.keys()].map((o) => edgeIndex.get(`${o}\u0000${owned}`) ?? 0));
      issues.push(
        issue(`ownership.${first}`, `shares of ${owned} totalling at most 100 %`, `${fmt(total)} (${list})`, `${owned} is owned more than 100 %`),
      );
    }
  }
  if (issues.length > 0) throw new InputError(issues);

  // Depth-first search for a cycle; the edge that closes it is named. Iterative to survive deep chains.
  const state = new Map<string, 1 | 2>(); // 1 = on the stack, 2 = done
  const order: string[] = [];
  for (const start of [...nodes].sort()) {
    if (state.has(start)) continue;
    const stack: { node: string; next: number }[] = [{ node: start, next: 0 }];
    const onPath: string[] = [start];
    state.set(start, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { node: string; next: number };
      const kids = children.get(top.node) ?? [];
      if (top.next < kids.length) {
        const kid = kids[top.next++] as string;
        const s = state.get(kid);
        if (s === 1) {
          const cycle = [...onPath.slice(onPath.indexOf(kid)), kid].join(" → ");
          throw new InputError([
            issue(`ownership.${edgeIndex.get(`${top.node}\u0000${kid}`) ?? 0}`, "an ownership graph without cycles", `${top.node} → ${kid} closing ${cycle}`, `cycle: ${cycle}`),
          ]);
        }
        if (s === undefined) {
          state.set(kid, 1);
          stack.push({ node: kid, next: 0 });
          onPath.push(kid);
        }
      } else {
        state.set(top.node, 2);
        order.push(top.node);
        stack.pop();
        onPath.pop();
      }
    }
  }
  // Post-order puts owned entities before their owners; reverse it so owners are decided first.
  order.reverse();
  return { owners, order, nodes };
}

function readBlocked(blocked: Iterable<string>): Set<string> {
  if (blocked === null || typeof blocked !== "object" || typeof (blocked as Iterable<string>)[Symbol.iterator] !== "function") {
    throw new InputError([issue("blocked", "a list of ids", blocked, "blocked owners must be a list")]);
  }
  const out = new Set<string>();
  let i = 0;
  for (const id of blocked) {
    if (typeof id !== "string" || id.trim() === "") {
      throw new InputError([issue(`blocked.${i}`, "a non-empty id", id, "blocked owner without id")]);
    }
    out.add(id.trim());
    i++;
  }
  return out;
}

/**
 * Decides every entity of the graph (and every blocked id) under the 50 % rule.
 * @example
 * evaluateOwnershipGraph({ edges: [{ owner: "A", owned: "B", percent: 50 }, { owner: "B", owned: "C", percent: 50 }], blocked: ["A"] })
 *   .get("C")?.blocked //=> true
 */
export function evaluateOwnershipGraph(input: OwnershipInput): Map<string, OwnershipResult> {
  const graph = buildGraph(input.edges);
  const listed = readBlocked(input.blocked);
  const blocked = new Set<string>();
  const results = new Map<string, OwnershipResult>();
  /** For an entity blocked by the rule, its strongest contributing owner (to draw chains). */
  const via = new Map<string, string>();

  const chainTo = (id: string): { chain: string[]; percents: number[] } => {
    if (listed.has(id)) return { chain: [id], percents: [] };
    const owner = via.get(id);
    if (owner === undefined) return { chain: [id], percents: [] };
    const head = chainTo(owner);
    return { chain: [...head.chain, id], percents: [...head.percents, graph.owners.get(id)?.get(owner) ?? 0] };
  };

  const nodes = [...graph.order, ...[...listed].filter((id) => !graph.nodes.has(id)).sort()];
  for (const id of nodes) {
    const owners = [...(graph.owners.get(id) ?? new Map<string, number>()).entries()].sort(
      ([a, pa], [b, pb]) => pb - pa || (a < b ? -1 : a > b ? 1 : 0),
    );
    const blockedOwners = owners.filter(([o]) => blocked.has(o));
    const aggregate = round(blockedOwners.reduce((sum, [, p]) => sum + p, 0));
    const isListed = listed.has(id);
    const byRule = aggregate >= THRESHOLD - EPSILON;
    if (isListed || byRule) blocked.add(id);
    if (byRule && !isListed && blockedOwners[0]) via.set(id, blockedOwners[0][0]);

    const paths: OwnershipPath[] = blockedOwners.map(([o, p]) => {
      const head = chainTo(o);
      return { chain: [...head.chain, id], percents: [...head.percents, round(p)], percent: round(p) };
    });
    const reasons: OwnershipReason[] = [];
    if (isListed) reasons.push({ feature: "ownership.listed", detail: `${id} is itself marked as blocked by the caller` });
    for (const path of paths) {
      reasons.push({
        feature: "ownership.path",
        owner: path.chain[path.chain.length - 2] ?? "",
        percent: path.percent,
        detail: `${path.chain.map((c, i) => (i === 0 ? c : `→ ${fmt(path.percents[i - 1] ?? 0)} → ${c}`)).join(" ")}`,
      });
    }
    for (const [o, p] of owners) {
      if (blocked.has(o)) continue;
      const ownerResult = results.get(o);
      const held = ownerResult?.aggregatePercent ?? 0;
      if (held > 0) {
        reasons.push({
          feature: "ownership.unblocked-owner",
          owner: o,
          percent: round(p),
          detail: `${o} holds ${fmt(p)} of ${id} but is not blocked: blocked owners hold ${fmt(held)} of ${o} (< 50 %), and shares are not multiplied along a chain`,
        });
      }
    }
    if (owners.length === 0 && !isListed) {
      reasons.push({ feature: "ownership.no-edges", detail: `no owner of ${id} in the ownership graph` });
    }
    reasons.push({
      feature: "ownership.aggregate",
      percent: aggregate,
      detail: `blocked owners hold ${fmt(aggregate)} of ${id} in aggregate (${byRule ? "≥" : "<"} 50 %)`,
    });
    const isBlocked = isListed || byRule;
    const summary = isListed
      ? `Blocked: ${id} is itself blocked${aggregate > 0 ? `; blocked owners also hold ${fmt(aggregate)}` : ""}.`
      : byRule
        ? `Blocked under the 50 % rule: blocked owners hold ${fmt(aggregate)} of ${id} (≥ 50 %): ${paths
            .map((p) => `${p.chain.join(" → ")} ${fmt(p.percent)}`)
            .join("; ")}.`
        : `Not blocked under the 50 % rule: blocked owners hold ${fmt(aggregate)} of ${id} (< 50 %)${
            paths.length > 0 ? `: ${paths.map((p) => `${p.chain.join(" → ")} ${fmt(p.percent)}`).join("; ")}` : ""
          }.`;
    results.set(id, {
      entity: id,
      blocked: isBlocked,
      evaluated: true,
      listed: isListed,
      aggregatePercent: aggregate,
      threshold: THRESHOLD,
      paths,
      reasons,
      summary,
    });
  }
  return results;
}

/**
 * Decides whether one entity is blocked under the OFAC 50 % rule: owned 50 % or more, directly or
 * indirectly through blocked entities, alone or in aggregate, by blocked persons.
 * @example
 * evaluateOwnership("BG BROKER", { edges: [{ owner: "BELVNESHPROMSERVICE", owned: "BG BROKER", percent: 60 }],
 *   blocked: ["BELVNESHPROMSERVICE"] }).summary
 * //=> "Blocked under the 50 % rule: blocked owners hold 60 % of BG BROKER (≥ 50 %): BELVNESHPROMSERVICE → BG BROKER 60 %."
 */
export function evaluateOwnership(entity: string, input: OwnershipInput): OwnershipResult {
  if (typeof entity !== "string" || entity.trim() === "") {
    throw new InputError([issue("entity", "a non-empty id", entity, "which entity to evaluate")]);
  }
  const id = entity.trim();
  const results = evaluateOwnershipGraph(input);
  const found = results.get(id);
  if (found) return found;
  const reasons: OwnershipReason[] = [
    { feature: "ownership.no-edges", detail: `no owner of ${id} in the ownership graph` },
    { feature: "ownership.aggregate", percent: 0, detail: `blocked owners hold 0 % of ${id} in aggregate (< 50 %)` },
  ];
  return {
    entity: id,
    blocked: false,
    evaluated: true,
    listed: false,
    aggregatePercent: 0,
    threshold: THRESHOLD,
    paths: [],
    reasons,
    summary: `Not blocked under the 50 % rule: ${id} has no owner in the ownership graph.`,
  };
}

/**
 * The result to record when no ownership graph was supplied: says plainly that the 50 % rule was
 * not evaluated (never a silent "not blocked").
 * @example
 * ownershipNotEvaluated("BG BROKER").summary //=> "50 % rule not evaluated for BG BROKER: no ownership data supplied."
 */
export function ownershipNotEvaluated(entity: string, why = "no ownership data supplied"): OwnershipResult {
  return {
    entity,
    blocked: false,
    evaluated: false,
    listed: false,
    aggregatePercent: 0,
    threshold: THRESHOLD,
    paths: [],
    reasons: [{ feature: "ownership.not-evaluated", detail: `50 % rule not evaluated: ${why}` }],
    summary: `50 % rule not evaluated for ${entity}: ${why}.`,
  };
}
