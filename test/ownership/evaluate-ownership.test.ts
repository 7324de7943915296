import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors";
import {
  evaluateOwnership,
  evaluateOwnershipGraph,
  type OwnershipEdge,
  ownershipNotEvaluated,
} from "../../src/ownership";

const BVPS = "BELVNESHPROMSERVICE";
const BROKER = "ARMS BROKER BG EOOD";

describe("OFAC 50 % rule (guidance of 2014-08-13)", () => {
  it("a Bulgarian broker 60 % owned by Belvneshpromservice is blocked, path shown", () => {
    const r = evaluateOwnership(BROKER, { edges: [{ owner: BVPS, owned: BROKER, percent: 60 }], blocked: [BVPS] });
    expect(r).toMatchObject({ blocked: true, evaluated: true, listed: false, aggregatePercent: 60, threshold: 50 });
    expect(r.paths).toEqual([{ chain: [BVPS, BROKER], percents: [60], percent: 60 }]);
    expect(r.summary).toMatchInlineSnapshot(
      `"Blocked under the 50 % rule: blocked owners hold 60 % of ARMS BROKER BG EOOD (≥ 50 %): BELVNESHPROMSERVICE → ARMS BROKER BG EOOD 60 %."`,
    );
  });

  it("30 % + 25 % by two blocked owners: blocked in aggregate", () => {
    const r = evaluateOwnership("X", {
      edges: [
        { owner: "A", owned: "X", percent: 30 },
        { owner: "B", owned: "X", percent: 25 },
      ],
      blocked: ["A", "B"],
    });
    expect(r.blocked).toBe(true);
    expect(r.aggregatePercent).toBe(55);
    expect(r.paths.map((p) => [p.chain.join(">"), p.percent])).toEqual([
      ["A>X", 30],
      ["B>X", 25],
    ]);
  });

  it("30 % + 15 %: not blocked, aggregate 45 % shown", () => {
    const r = evaluateOwnership("X", {
      edges: [
        { owner: "A", owned: "X", percent: 30 },
        { owner: "B", owned: "X", percent: 15 },
      ],
      blocked: ["A", "B"],
    });
    expect(r).toMatchObject({ blocked: false, aggregatePercent: 45 });
    expect(r.summary).toContain("hold 45 % of X (< 50 %)");
  });

  it("exactly 50 % counts (50 % or more)", () => {
    expect(evaluateOwnership("X", { edges: [{ owner: "A", owned: "X", percent: 50 }], blocked: ["A"] }).blocked).toBe(true);
    expect(evaluateOwnership("X", { edges: [{ owner: "A", owned: "X", percent: 49.999 }], blocked: ["A"] }).blocked).toBe(false);
  });

  it("fractional shares reaching 50 % count despite floating point (33.33 + 16.67)", () => {
    const r = evaluateOwnership("X", {
      edges: [
        { owner: "A", owned: "X", percent: 33.33 },
        { owner: "B", owned: "X", percent: 16.67 },
      ],
      blocked: ["A", "B"],
    });
    expect(r).toMatchObject({ blocked: true, aggregatePercent: 50 });
  });

  it("indirect: A blocked owns 50 % of B → B blocked; B owns 50 % of C → C blocked, chain A → B → C", () => {
    const input = {
      edges: [
        { owner: "A", owned: "B", percent: 50 },
        { owner: "B", owned: "C", percent: 50 },
      ],
      blocked: ["A"],
    };
    expect(evaluateOwnership("B", input).blocked).toBe(true);
    const c = evaluateOwnership("C", input);
    expect(c.blocked).toBe(true);
    expect(c.paths).toEqual([{ chain: ["A", "B", "C"], percents: [50, 50], percent: 50 }]);
  });

  it("no multiplication: A blocked owns 40 % of B (not blocked), B owns 100 % of C → C not blocked, and says why", () => {
    const c = evaluateOwnership("C", {
      edges: [
        { owner: "A", owned: "B", percent: 40 },
        { owner: "B", owned: "C", percent: 100 },
      ],
      blocked: ["A"],
    });
    expect(c).toMatchObject({ blocked: false, aggregatePercent: 0, paths: [] });
    const why = c.reasons.find((r) => r.feature === "ownership.unblocked-owner");
    expect(why).toMatchObject({ owner: "B", percent: 100 });
    expect(why?.detail).toContain("blocked owners hold 40 % of B (< 50 %)");
  });

  it("aggregates a direct blocked owner with a blocked-by-the-rule owner", () => {
    const r = evaluateOwnership("C", {
      edges: [
        { owner: "A", owned: "B", percent: 60 },
        { owner: "B", owned: "C", percent: 30 },
        { owner: "D", owned: "C", percent: 20 },
      ],
      blocked: ["A", "D"],
    });
    expect(r).toMatchObject({ blocked: true, aggregatePercent: 50 });
    expect(r.paths.map((p) => p.chain.join(">"))).toEqual(["A>B>C", "D>C"]);
  });

  it("a listed entity is blocked whatever its owners; an entity with no edges is not", () => {
    expect(evaluateOwnership("A", { edges: [], blocked: ["A"] })).toMatchObject({ blocked: true, listed: true });
    const lone = evaluateOwnership("Z", { edges: [{ owner: "A", owned: "B", percent: 80 }], blocked: ["A"] });
    expect(lone).toMatchObject({ blocked: false, evaluated: true, aggregatePercent: 0 });
    expect(lone.reasons[0]?.feature).toBe("ownership.no-edges");
  });

  it("adds up several edges between the same pair (share classes)", () => {
    const r = evaluateOwnership("X", {
      edges: [
        { owner: "A", owned: "X", percent: 30 },
        { owner: "A", owned: "X", percent: 20 },
      ],
      blocked: ["A"],
    });
    expect(r).toMatchObject({ blocked: true, aggregatePercent: 50 });
  });

  it("ownershipNotEvaluated says the rule was not evaluated", () => {
    expect(ownershipNotEvaluated("X")).toMatchObject({ blocked: false, evaluated: false });
    expect(ownershipNotEvaluated("X").summary).toBe("50 % rule not evaluated for X: no ownership data supplied.");
  });
});

describe("input errors name the edge", () => {
  const fails = (edges: unknown, blocked: unknown = ["A"]) => {
    try {
      evaluateOwnership("X", { edges: edges as OwnershipEdge[], blocked: blocked as string[] });
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as InputError).issues;
    }
    throw new Error("expected an InputError");
  };

  it("a cycle names the closing edge and the cycle", () => {
    const [issue] = fails([
      { owner: "A", owned: "B", percent: 50 },
      { owner: "B", owned: "C", percent: 50 },
      { owner: "C", owned: "A", percent: 10 },
    ]);
    expect(issue?.path).toBe("ownership.2");
    expect(issue?.received).toContain("C → A");
    expect(issue?.message).toBe("cycle: A → B → C → A");
  });

  it("a self-owning entity is a cycle", () => {
    expect(fails([{ owner: "A", owned: "A", percent: 10 }])[0]?.message).toBe("cycle: A owns itself");
  });

  it("shares over 100 % in total name the owned entity and its owners", () => {
    const [issue] = fails([
      { owner: "A", owned: "X", percent: 60 },
      { owner: "B", owned: "X", percent: 50 },
    ]);
    expect(issue).toMatchObject({ path: "ownership.0", message: "X is owned more than 100 %" });
    expect(issue?.received).toBe('"110 % (A 60 %, B 50 %)"');
  });

  it.each([
    { case: "zero", percent: 0 },
    { case: "negative", percent: -5 },
    { case: "over 100", percent: 101 },
    { case: "NaN", percent: Number.NaN },
    { case: "string", percent: "50" },
  ])("a $case percentage", ({ percent }) => {
    expect(fails([{ owner: "A", owned: "X", percent }])[0]?.path).toBe("ownership.0.percent");
  });

  it("missing ids and bad blocked lists", () => {
    expect(fails([{ owner: " ", owned: "X", percent: 10 }])[0]?.path).toBe("ownership.0.owner");
    expect(fails("A owns X")[0]?.path).toBe("ownership");
    expect(fails([], [""])[0]?.path).toBe("blocked.0");
  });
});

describe("invariants", () => {
  // Random DAGs over ids n0..n7: an edge only from a lower to a higher index, so no cycle, and shares
  // per owned entity scaled to at most 100 %.
  const dagArb = fc
    .array(fc.record({ from: fc.nat(6), span: fc.integer({ min: 1, max: 7 }), percent: fc.integer({ min: 1, max: 100 }) }), {
      maxLength: 14,
    })
    .map((raw) => {
      const edges = raw
        .map((e) => ({ owner: `n${e.from}`, owned: `n${Math.min(7, e.from + e.span)}`, percent: e.percent }))
        .filter((e) => e.owner !== e.owned);
      const totals = new Map<string, number>();
      for (const e of edges) totals.set(e.owned, (totals.get(e.owned) ?? 0) + e.percent);
      return edges.map((e) => {
        const t = totals.get(e.owned) ?? 0;
        return t > 100 ? { ...e, percent: Math.max(1, Math.floor((e.percent * 100) / t) - 1) } : e;
      });
    });
  const idsArb = fc.uniqueArray(fc.integer({ min: 0, max: 7 }).map((i) => `n${i}`), { maxLength: 4 });
  const blockedSet = (edges: OwnershipEdge[], blocked: string[]) =>
    new Set([...evaluateOwnershipGraph({ edges, blocked })].filter(([, r]) => r.blocked).map(([id]) => id));

  test.prop([dagArb, idsArb, fc.integer({ min: 0, max: 7 }).map((i) => `n${i}`)])(
    "marking one more person as blocked never unblocks anyone (monotonic)",
    (edges, blocked, extra) => {
      const before = blockedSet(edges, blocked);
      const after = blockedSet(edges, [...blocked, extra]);
      for (const id of before) expect(after.has(id)).toBe(true);
    },
  );

  test.prop([dagArb, idsArb, fc.nat(20)])(
    "raising a blocked owner's share never lowers an aggregate or unblocks anyone",
    (edges, blocked, bump) => {
      const i = edges.findIndex((e) => blocked.includes(e.owner));
      fc.pre(i >= 0);
      const edge = edges[i] as OwnershipEdge;
      const room = 100 - edges.filter((e) => e.owned === edge.owned).reduce((s, e) => s + e.percent, 0);
      const more = edges.map((e, j) => (j === i ? { ...e, percent: e.percent + Math.min(bump, room) } : e));
      const before = evaluateOwnershipGraph({ edges, blocked });
      const after = evaluateOwnershipGraph({ edges: more, blocked });
      for (const [id, r] of before) {
        expect(after.get(id)?.aggregatePercent ?? 0).toBeGreaterThanOrEqual(r.aggregatePercent);
        if (r.blocked) expect(after.get(id)?.blocked).toBe(true);
      }
    },
  );

  test.prop([dagArb, idsArb])("every blocked entity is listed or holds ≥ 50 % through paths that start at a listed person", (edges, blocked) => {
    for (const [id, r] of evaluateOwnershipGraph({ edges, blocked })) {
      expect(r.aggregatePercent).toBeCloseTo(r.paths.reduce((s, p) => s + p.percent, 0), 6);
      for (const p of r.paths) {
        expect(blocked).toContain(p.chain[0]);
        expect(p.chain[p.chain.length - 1]).toBe(id);
        expect(p.percents).toHaveLength(p.chain.length - 1);
      }
      expect(r.blocked).toBe(blocked.includes(id) || r.aggregatePercent >= 50);
    }
  });
});
