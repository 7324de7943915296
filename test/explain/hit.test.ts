import { describe, expect, it } from "vitest";
import { compareHits, listLabel, renderSummary } from "../../src/explain";
import { createScreener } from "../../src/screen";
import { handMadeList } from "../screen/fixtures";

/** Screens here are as of one fixed day; date rules are tested in test/screen/date-aware.test.ts. */
const TODAY = "2026-11-22";

const list = handMadeList([
  { id: "22790", type: "person", names: ["MADURO MOROS, Nicolas"], birthDates: ["1962-11-23"], nationalities: ["VE"] },
  { id: "15487", type: "organization", names: ["BELVNESHPROMSERVICE", ["БЕЛВНЕШПРОМСЕРВИС", "alias"]] },
  { id: "weak", type: "person", names: ["AL-MASRI, Abu Ayyub", ["ABU AYYUB", "weak-alias"]] },
]);
const screener = createScreener({ lists: [list], today: TODAY });

describe("explained hits", () => {
  it("renders an alert with name alignment and secondary evidence", () => {
    const r = screener.screen({ name: "Nicolas Maduro", dateOfBirth: "1962", country: "VE", asOf: "2025-01-01" });
    const hit = r.hits[0];
    expect(hit?.summary).toMatchInlineSnapshot(
      `"Alert: "Nicolas Maduro" matches TEST CASES 22790 "MADURO MOROS, Nicolas" (primary; 0.99 ≥ 0.90); born 1962-11-23, as given (year); country VE among VE; [TEST] on the list, listing date unknown, taken as open on 2025-01-01."`,
    );
    expect(hit?.reasons).toMatchInlineSnapshot(`
      [
        {
          "candidate": "MADURO MOROS, Nicolas",
          "detail": "2/2 query tokens aligned: NICOLAS=NICOLAS, MADURO=MADURO; list token MOROS unmatched",
          "feature": "name.fuzzy",
          "query": "Nicolas Maduro",
          "score": 0.930233,
          "weight": 1,
        },
        {
          "candidate": "1962-11-23",
          "detail": "born 1962-11-23, as given (year)",
          "feature": "dob.match",
          "query": "1962",
          "score": 1,
          "weight": 0.03,
        },
        {
          "candidate": "VE",
          "detail": "country VE among VE",
          "feature": "country.match",
          "query": "VE",
          "score": 1,
          "weight": 0.03,
        },
        {
          "candidate": "0.9",
          "detail": "name alone: alert (0.99 ≥ 0.90)",
          "feature": "name.decision",
          "query": "0.990233",
          "score": 0.990233,
          "weight": 0,
        },
        {
          "candidate": "no date",
          "detail": "[TEST] on the list, listing date unknown, taken as open on 2025-01-01",
          "feature": "designation.in-force",
          "query": "2025-01-01",
          "score": 1,
          "weight": 0,
        },
      ]
    `);
    expect(hit).toMatchObject({
      list: "test-cases",
      recordId: "22790",
      name: "MADURO MOROS, Nicolas",
      nameKind: "primary",
      decision: "alert",
      profile: "balanced",
      algorithm: "names-v2",
      asOf: "2025-01-01",
      alignment: [
        { query: "NICOLAS", candidate: "NICOLAS", similarity: 1, how: "exact" },
        { query: "MADURO", candidate: "MADURO", similarity: 1, how: "exact" },
      ],
      record: { id: "test-cases:22790", type: "person", bases: [{ regime: "US", program: "TEST" }] },
    });
  });

  it("explains a transliterated match on an original-script alias", () => {
    const hit = screener.screen({ name: "Belvneshpromservis" }).hits[0];
    expect(hit?.summary).toMatchInlineSnapshot(`"Alert: "Belvneshpromservis" matches TEST CASES 15487 "БЕЛВНЕШПРОМСЕРВИС" (alias; 1.00 ≥ 0.90); [TEST] on the list, listing date unknown, taken as open on 2026-11-22."`);
  });

  it("renders a review of a weak alias, with the penalty in the summary", () => {
    const hit = screener.screen({ name: "Abu Ayub" }).hits[0];
    expect(hit?.summary).toMatchInlineSnapshot(
      `"Review: "Abu Ayub" resembles TEST CASES weak "ABU AYYUB" (weak-alias; 0.89 < 0.90, review from 0.80); matched a weak alias; [TEST] on the list, listing date unknown, taken as open on 2026-11-22."`,
    );
    // Glued particle + word on both sides ("ABU+AYUB" ~ "ABU+AYYUB") beats ABU=ABU plus AYUB~AYYUB.
    expect(hit?.alignment).toEqual([{ query: "ABU+AYUB", candidate: "ABU+AYYUB", similarity: 0.9692, how: "translit" }]);
  });
});

describe("summary rendering", () => {
  it("is rendered from the reasons, never hand-written", () => {
    const reasons = [
      { feature: "name.fuzzy", score: 0.93, weight: 1, query: "Jon Smyth", candidate: "SMITH, John", detail: "" },
      { feature: "dob.year-mismatch", score: 1, weight: -0.05, query: "1970", candidate: "1971", detail: "birth year 1970 vs 1971" },
      { feature: "name.legal-form", score: 1, weight: 0, detail: "legal forms agree (limited-liability)" },
    ];
    expect(
      renderSummary({ decision: "review", list: "ofac-sdn", recordId: "12345", name: "SMITH, John", nameKind: "primary", score: 0.88, threshold: 0.9, reviewThreshold: 0.8, reasons }),
    ).toBe('Review: "Jon Smyth" resembles OFAC SDN 12345 "SMITH, John" (primary; 0.88 < 0.90, review from 0.80); birth year 1970 vs 1971.');
    expect(
      renderSummary({ decision: "review", list: "x", recordId: "1", name: "N", nameKind: "alias", score: 0.8999, threshold: 0.9, reviewThreshold: 0.8, reasons }),
    ).toContain("(alias; 0.8999 < 0.9000, review from 0.80)");
  });

  it("labels lists and orders ties by list id, then record id", () => {
    expect(listLabel("uk-hmt")).toBe("UK HMT");
    const hits = [
      { score: 0.9, list: "un", recordId: "1" },
      { score: 0.9, list: "ofac-sdn", recordId: "20" },
      { score: 0.95, list: "uk-hmt", recordId: "9" },
      { score: 0.9, list: "ofac-sdn", recordId: "10" },
    ];
    expect(hits.sort(compareHits).map((h) => `${h.list}:${h.recordId}`)).toEqual(["uk-hmt:9", "ofac-sdn:10", "ofac-sdn:20", "un:1"]);
  });

  it("puts a record matched on its primary name before one matched on another name at an equal score", () => {
    const hits = [
      { score: 0.9, list: "ofac-sdn", recordId: "10", nameKind: "alias" },
      { score: 0.9, list: "un", recordId: "1", nameKind: "primary" },
      { score: 0.95, list: "uk-hmt", recordId: "9", nameKind: "weak" },
      { score: 0.9, list: "ofac-sdn", recordId: "20", nameKind: "primary" },
    ];
    expect(hits.sort(compareHits).map((h) => `${h.list}:${h.recordId}`)).toEqual(["uk-hmt:9", "ofac-sdn:20", "un:1", "ofac-sdn:10"]);
  });

  it("puts, at an equal score, the record whose other names resemble the query too first", () => {
    // Both records carry the queried name as an alias; only b2's primary name is close to it as well.
    const tied = handMadeList([
      { id: "a1", type: "organization", names: ["SOUTHERN HARBOUR TRUST", ["POPULAR LIBERATION FRONT OF KARVENIA", "alias"]] },
      { id: "b2", type: "organization", names: ["PEOPLE'S LIBERATION FRONT OF KARVENIA", ["POPULAR LIBERATION FRONT OF KARVENIA", "alias"]] },
    ]);
    const s = createScreener({ lists: [tied], today: TODAY });
    const name = "Popular Liberation Front of Karvenia";
    const ranked = s.rank(name, { minScore: 0.5 });
    expect(ranked.map((m) => m.score)).toEqual([1, 1]);
    expect(ranked.map((m) => m.recordId)).toEqual(["b2", "a1"]);
    expect(s.screen({ name }).hits.map((h) => h.recordId)).toEqual(["b2", "a1"]);
  });

  it("puts the name written with a word count closer to the query's first at an equal score, before the kind of name", () => {
    const hits = [
      { score: 1, list: "ofac-sdn", recordId: "25398", nameKind: "primary", wordGap: 1 },
      { score: 1, list: "uk-hmt", recordId: "6901", nameKind: "alias", wordGap: 0 },
      { score: 1, list: "bis-dpl", recordId: "7", nameKind: "primary", wordGap: 2 },
      { score: 1, list: "un", recordId: "3", nameKind: "primary" },
      { score: 1, list: "ofac-cons", recordId: "5", nameKind: "alias" },
    ];
    expect(hits.slice(0, 3).sort(compareHits).map((h) => `${h.list}:${h.recordId}`)).toEqual(["uk-hmt:6901", "ofac-sdn:25398", "bis-dpl:7"]);
    // Without the gap on both sides the kind of name decides, as before.
    expect(hits.slice(2).sort(compareHits).map((h) => `${h.list}:${h.recordId}`)).toEqual(["bis-dpl:7", "un:3", "ofac-cons:5"]);
  });
});

describe("which table made two words one", () => {
  const tables = handMadeList([
    { id: "hrytsenko", type: "person", names: ["HRYTSENKO, Mykola Hryhorovych"] },
    { id: "gatesby", type: "person", names: ["GATESBY, William"] },
    { id: "minsk-tractor", type: "organization", names: ["MINSK TRACTOR PLANT"] },
  ]);
  const s = createScreener({ lists: [tables], today: TODAY });
  const detail = (name: string, id: string) => s.screen({ name }).hits.find((h) => h.recordId === id)?.reasons.find((r) => r.feature === "name.fuzzy")?.detail;

  it("names the table and the word it files both spellings under", () => {
    expect(detail("Nikolai Grigoryevich Hrytsenko", "hrytsenko")).toContain("NIKOLAI~MYKOLA 0.95 (one name in East Slavic forms: NIKOLAY)");
    expect(detail("Nikolai Grigoryevich Hrytsenko", "hrytsenko")).toContain("GRIGORYEVICH~HRYHOROVYCH 0.95 (patronymic, son of GRIGORY)");
    expect(detail("Minsk Tractor Zavod", "minsk-tractor")).toContain("ZAVOD~PLANT 0.95 (descriptor or sector word: PLANT)");
    expect(detail("Bill Gatesby", "gatesby")).toContain("BILL~WILLIAM 0.85 (nickname: BILL)");
  });

  it("says nothing of a table for an edit (a typo is not a table's word)", () => {
    expect(detail("Mykola Hryhorovych Hrytsenco", "hrytsenko")).toMatch(/HRYTSENCO~HRYTSENKO 0\.\d\d(;|,|$)/);
  });
});
