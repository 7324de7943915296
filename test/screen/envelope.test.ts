import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createDefaultScreener, createDefaultTransactionScreener, createTransactionScreener, embeddedListMetadata, embeddedRulePack } from "../../src/embedded";
import { contentSha256 } from "../../src/rules";
import { NAMES_V2 } from "../../src/score";
import { algorithmVersion, LIBRARY, type Screener, type TransactionInput } from "../../src/screen";
import { FIXTURES } from "../shared-data";

const pkg = JSON.parse(readFileSync(join(FIXTURES, "../../package.json"), "utf8")) as { name: string; version: string };
const cases = (JSON.parse(readFileSync(join(FIXTURES, "transactions/seed-transactions.json"), "utf8")) as { cases: { transaction: TransactionInput }[] }).cases;

// Two screeners over the same lists: replay must not depend on the instance (caches, build order).
let a: Screener;
let b: Screener;
beforeAll(() => {
  a = createDefaultScreener();
  b = createDefaultScreener();
}, 180_000);

describe("replay envelope", () => {
  it("carries the package version (the constant cannot drift from package.json)", () => {
    expect(LIBRARY).toEqual({ name: pkg.name, version: pkg.version });
  });

  it("splits algorithm ids into id and version", () => {
    expect(algorithmVersion("names-v2")).toEqual({ id: "names-v2", version: "v2" });
    expect(algorithmVersion("custom")).toEqual({ id: "custom", version: "unversioned" });
  });

  it("describes a screen: library, algorithm, profile, options hash, asOf, lists", () => {
    const r = a.screen({ name: "Army Supply Bureau", asOf: "2018-06-01", jurisdictions: ["US"] });
    const e = r.envelope;
    expect(e.library.version).toBe(pkg.version);
    expect(e.algorithm).toEqual({ id: "names-v2", version: "v2" });
    expect(e.profile).toBe("balanced");
    expect(e.asOf).toBe("2018-06-01");
    expect(e.jurisdictions).toEqual(["US"]);
    expect(e.optionsHash).toBe(contentSha256(e.options));
    expect(e.lists.map((l) => [l.id, l.sha256, l.date])).toEqual(embeddedListMetadata().map((m) => [m.listId, m.sha256, m.listDate]));
    // A different profile is a different options hash.
    const strict = createDefaultScreener({ lists: ["curated"], profile: "strict" }).screen({ name: "x y", asOf: "2018-06-01" });
    const balanced = createDefaultScreener({ lists: ["curated"] }).screen({ name: "x y", asOf: "2018-06-01" });
    expect(strict.envelope.optionsHash).not.toBe(balanced.envelope.optionsHash);
  });

  it("replays a screen byte for byte, twice and across two screener instances", () => {
    for (const [name, asOf] of [["Army Supply Bureau", "2026-01-15"], ["Belvneshpromservis", "2011-06-01"], ["Jon Smith", "2020-01-01"]] as const) {
      const first = JSON.stringify(a.screen({ name, asOf }));
      expect(JSON.stringify(a.screen({ name, asOf }))).toBe(first);
      expect(JSON.stringify(b.screen({ name, asOf }))).toBe(first);
      expect(JSON.parse(first)).toEqual(a.screen({ name, asOf })); // plain JSON: nothing lost in a round trip
    }
  });

  it("replays every fixture transaction byte for byte across instances, with the rule pack and catalogue in the envelope", () => {
    const ta = createTransactionScreener({ screener: a });
    const tb = createTransactionScreener({ screener: b });
    for (const c of cases) {
      const first = ta.screen(c.transaction);
      const text = JSON.stringify(first);
      expect(JSON.stringify(ta.screen(c.transaction))).toBe(text);
      expect(JSON.stringify(tb.screen(c.transaction))).toBe(text);
      expect(JSON.parse(text)).toEqual(first);
      expect(first.envelope.rulePack).toEqual({ version: embeddedRulePack().version, sha256: embeddedRulePack().sha256 });
      expect(first.envelope.goodsCatalogue?.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(first.envelope.asOf).toBe(c.transaction.date);
    }
  });

  // Issue 9: every option that changes a result is in the transaction envelope. Each variant changes
  // one option; its envelope must differ from the baseline's, and two results that differ never share
  // an envelope.
  it("changes the transaction envelope for every option that can change a result", () => {
    const tx: TransactionInput = {
      date: "2013-03-01",
      parties: [{ role: "buyer", name: "Belvneshpromservice" }, { role: "consignee", name: "Army Supply Bureau" }],
      goods: [],
      route: { origin: "BY", destination: "SY" },
    };
    const run = (options: Parameters<typeof createDefaultTransactionScreener>[0]) => createDefaultTransactionScreener({ lists: ["curated"], ...options }).screen(tx);
    const base = run({});
    const variants: Record<string, Parameters<typeof createDefaultTransactionScreener>[0]> = {
      profile: { profile: "strict" },
      threshold: { threshold: 0.99 },
      reviewThreshold: { reviewThreshold: 0.6 },
      maxHits: { maxHits: 1 },
      maxNameLength: { maxNameLength: 64 },
      maxNameWords: { maxNameWords: 8 },
      "algorithm parameter (same id)": { algorithm: { ...NAMES_V2, tokenFloor: NAMES_V2.tokenFloor + 0.05 } },
      "algorithm id": { algorithm: { ...NAMES_V2, id: "names-v2-custom" } },
      jurisdictions: { jurisdictions: ["US"] },
      acceptList: { acceptList: [{ subject: "Belvneshpromservice", recordId: "curated:x", recordHash: "0".repeat(64), reason: "cleared by compliance" }] },
    };
    const seen = new Map<string, string>([[base.envelope.optionsHash, "baseline"]]);
    for (const [option, variant] of Object.entries(variants)) {
      const r = run(variant);
      expect(r.envelope.optionsHash, option).toBe(contentSha256(r.envelope.options));
      expect(seen.get(r.envelope.optionsHash), `${option} shares its envelope with ${seen.get(r.envelope.optionsHash)}`).toBeUndefined();
      seen.set(r.envelope.optionsHash, option);
      const { envelope: _e, ...result } = r;
      const { envelope: _b, ...baseResult } = base;
      if (JSON.stringify(result) !== JSON.stringify(baseResult)) expect(JSON.stringify(r.envelope)).not.toBe(JSON.stringify(base.envelope));
    }
    expect(base.envelope.options).toMatchObject({ maxHits: 10, threshold: base.envelope.options["threshold"], algorithm: { id: "names-v2" } });
  });
});
