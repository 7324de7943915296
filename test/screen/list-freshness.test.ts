import { beforeAll, describe, expect, it } from "vitest";
import { embeddedGoodsCatalogue, embeddedRulePack, loadEmbeddedLists } from "../../src/embedded";
import { InputError } from "../../src/errors";
import { createScreeningHandler } from "../../src/handler";
import { loadExcerpt } from "../lists/helpers";
import type { LoadedList } from "../../src/model";
import { assessListFreshness, createScreener, screenTransaction, type Screener } from "../../src/screen";
import { fixtureSources } from "../shared-data";

let un: LoadedList; // un-sc fixture, dated 2026-02-27
let uk: LoadedList; // uk-fcdo sample, dated 2026-09-10
let curated: LoadedList; // embedded curated seed, dated 2026-11-22
let screener: Screener;

beforeAll(() => {
  un = loadExcerpt(fixtureSources("un-xml/consolidated.small.xml"));
  uk = loadExcerpt(fixtureSources("uk-fcdo-xml/uk-sanctions.small.xml"));
  curated = loadEmbeddedLists({ lists: ["curated"] })[0] as LoadedList;
  screener = createScreener({ lists: [un, uk] });
});

describe("assessListFreshness: one rule per case", () => {
  it.each([
    { case: "within the publisher's maximum", list: { listId: "uk-fcdo", listDate: "2026-09-10" }, asOf: "2026-09-17", stale: false, detail: "uk-fcdo dated 2026-09-10 is 7 days old on 2026-09-17 (max 7)" },
    { case: "past the publisher's maximum", list: { listId: "uk-fcdo", listDate: "2026-09-10" }, asOf: "2026-09-18", stale: true, detail: "uk-fcdo dated 2026-09-10 is 8 days old on 2026-09-18 (max 7)" },
    { case: "a daily publisher (OFAC, 3 days)", list: { listId: "ofac-sdn", listDate: "2026-12-01" }, asOf: "2026-12-06", stale: true, detail: "ofac-sdn dated 2026-12-01 is 5 days old on 2026-12-06 (max 3)" },
    { case: "a list newer than the as-of day", list: { listId: "ofac-sdn", listDate: "2023-12-28" }, asOf: "2013-03-01", stale: false, detail: "ofac-sdn dated 2023-12-28 is 3954 days after 2013-03-01 (max 3)" },
    { case: "a list without a date", list: { listId: "us-csl" }, asOf: "2026-12-06", stale: true, detail: "us-csl has no list date: its age on 2026-12-06 is unknown" },
    { case: "an ISO timestamp list date", list: { listId: "un-sc", listDate: "2026-02-27T00:00:09.554Z" }, asOf: "2026-03-01", stale: false, detail: "un-sc dated 2026-02-27 is 2 days old on 2026-03-01 (max 7)" },
    { case: "a list its publisher froze (the OFSI ConList)", list: { listId: "uk-ofsi", listDate: "2026-01-27" }, asOf: "2026-01-28", stale: true, detail: "uk-ofsi dated 2026-01-27 is a frozen list on 2026-01-28: OFSI froze the ConList on 2026-01-28; the UK list is now the FCDO UK Sanctions List (uk-fcdo)" },
    { case: "an unknown list (default 7 days)", list: { listId: "acme-list", listDate: "2026-11-01" }, asOf: "2026-11-09", stale: true, detail: "acme-list dated 2026-11-01 is 8 days old on 2026-11-09 (max 7)" },
  ])("$case", ({ list, asOf, stale, detail }) => {
    const [f] = assessListFreshness([list], asOf);
    expect(f?.stale).toBe(stale);
    expect(f?.detail).toBe(detail);
  });

  it("takes the caller's maximum over the default, and counts a snapshot stale on any later day", () => {
    expect(assessListFreshness([{ listId: "uk-fcdo", listDate: "2026-09-10" }], "2026-10-01", { maxAgeDays: { "uk-fcdo": 30 } })[0]?.stale).toBe(false);
    const snapshot = assessListFreshness([{ listId: "un-sc", listDate: "2026-02-27" }], "2026-02-28", { snapshot: true })[0];
    expect(snapshot).toMatchObject({ stale: true, maxAgeDays: 0, detail: "un-sc dated 2026-02-27 is 1 day old on 2026-02-28 (an embedded snapshot, not current)" });
    expect(assessListFreshness([{ listId: "un-sc", listDate: "2026-02-27" }], "2026-02-27", { snapshot: true })[0]?.stale).toBe(false);
  });
});

describe("a stale clear is a distinct outcome", () => {
  it("clear while every list is fresh; stale-clear once one is not, with the ages in the result", () => {
    const fresh = screener.screen({ name: "Zyxwv Qutsr Ponml", asOf: "2026-03-01" });
    expect(fresh).toMatchObject({ outcome: "clear", stale: false });
    const stale = screener.screen({ name: "Zyxwv Qutsr Ponml", asOf: "2026-09-12" });
    expect(stale.outcome).toBe("stale-clear");
    expect(stale.stale).toBe(true);
    expect(stale.freshness).toEqual([
      { listId: "un-sc", listDate: "2026-02-27", ageDays: 197, maxAgeDays: 7, stale: true, detail: "un-sc dated 2026-02-27 is 197 days old on 2026-09-12 (max 7)" },
      { listId: "uk-fcdo", listDate: "2026-09-10", ageDays: 2, maxAgeDays: 7, stale: false, detail: "uk-fcdo dated 2026-09-10 is 2 days old on 2026-09-12 (max 7)" },
    ]);
  });

  it("keeps an alert an alert, flagged stale", () => {
    const r = screener.screen({ name: "BNK (UK) Ltd", asOf: "2026-12-06" });
    expect(r).toMatchObject({ outcome: "alert", stale: true });
  });

  it("the embedded default lists are snapshots: stale-clear today, clear on a day before their dates", () => {
    const embedded = createScreener({ lists: [curated, un], freshness: { snapshot: true } });
    expect(embedded.screen({ name: "Zyxwv Qutsr Ponml", asOf: "2026-11-23" }).outcome).toBe("stale-clear");
    expect(embedded.screen({ name: "Zyxwv Qutsr Ponml", asOf: "2026-02-01" }).outcome).toBe("clear");
  });

  it("refuses a negative or fractional maximum", () => {
    expect(() => createScreener({ lists: [un], freshness: { maxAgeDays: { "un-sc": -1 } } })).toThrow(InputError);
    expect(() => createScreener({ lists: [un], freshness: { maxAgeDays: { "un-sc": 1.5 } } })).toThrow(/freshness\.maxAgeDays\.un-sc/);
  });
});

describe("transactions and the handler report staleness", () => {
  it("a transaction with no finding on stale lists is stale-clear, and says which list", () => {
    const tx = { date: "2026-12-06", parties: [{ role: "buyer" as const, name: "Zyxwv Qutsr Ponml" }], goods: [{ description: "office chairs" }], route: { origin: "DE", destination: "FR" }, jurisdictions: ["UK" as const] };
    const r = screenTransaction(tx, { screener, rulePack: embeddedRulePack(), goods: embeddedGoodsCatalogue() });
    expect(r.outcome).toBe("stale-clear");
    expect(r.stale).toBe(true);
    expect(r.summary).toContain("stale lists: un-sc dated 2026-02-27 is 282 days old on 2026-12-06 (max 7)");
  });

  it("the handler's results, /health and /lists carry it", async () => {
    const handler = createScreeningHandler({ screener, now: () => new Date("2026-12-06T12:00:00Z") });
    const body = (await (await handler(new Request("http://x/screen", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "Zyxwv Qutsr Ponml" }) }))).json()) as { outcome: string; stale: boolean };
    expect(body).toMatchObject({ outcome: "stale-clear", stale: true });
    const health = (await (await handler(new Request("http://x/health"))).json()) as { status: string; stale: boolean; staleLists: string[] };
    expect(health).toMatchObject({ status: "ok", stale: true });
    expect(health.staleLists).toEqual(["un-sc dated 2026-02-27 is 282 days old on 2026-12-06 (max 7)", "uk-fcdo dated 2026-09-10 is 87 days old on 2026-12-06 (max 7)"]);
    const lists = (await (await handler(new Request("http://x/lists"))).json()) as { freshness: { listId: string; stale: boolean }[] };
    expect(lists.freshness.map((f) => [f.listId, f.stale])).toEqual([
      ["un-sc", true],
      ["uk-fcdo", true],
    ]);
  });
});
