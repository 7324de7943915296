/**
 * The search's work budget (issue 9): inputs built to be slow stop within one step of the budget
 * (deterministic work units, not time: test/bench/work-budget.mjs measures what a unit costs), a
 * name's cost does not depend on what earlier searches cached, and real names finish within it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildNameIndex, queryUnits, searchNames, WORK_PER_MATCH, type NameIndex, type NameMatch, type SearchBudget } from "../../src/candidates";
import { createDefaultScreener, loadEmbeddedLists } from "../../src/embedded";
import type { LoadedList } from "../../src/model";
import { normalizeName } from "../../src/normalize";
import { createScreener, DEFAULT_SEARCH_BUDGET, NEAR_MISS_BAND, PROFILES } from "../../src/screen";
import { COUNTRY_MATCH_BONUS, DOB_MAX_BONUS } from "../../src/score";

// The lowest floor a screen searches from at the default profile: date of birth and country given.
const FLOOR = PROFILES.balanced.reviewThreshold - DOB_MAX_BONUS - COUNTRY_MATCH_BONUS - 1e-6;
// One step of the search is at most this much work past the budget (a candidate's pairs, one
// initial's postings); measured below 1 % of the default budget.
const MAX_OVERSHOOT = DEFAULT_SEARCH_BUDGET / 20;

const COMMON = ["MOHAMMED", "AL", "ALI", "ABD", "ALLAH", "HASSAN", "A", "K", "M", "S"];
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
// Deterministic "unknown" words: not list words, so their keys are built and probed per query.
const unknown = (n: number, length: number): string[] =>
  Array.from({ length: n }, (_, i) => Array.from({ length }, (_, j) => "BCDFGKLMNPRSTVZ"[(i * 7 + j * 3 + ((i * j) % 5)) % 15]).join(""));

const ADVERSARIAL: Record<string, string> = {
  "60 common words": Array.from({ length: 60 }, (_, i) => COMMON[i % COMMON.length]).join(" "),
  "64 AL + one-letter initials": Array.from({ length: 64 }, (_, i) => (i % 2 ? LETTERS[(i * 7) % 26] : "AL")).join(" "),
  "30 common Arabic words": Array.from({ length: 30 }, (_, i) => ["محمد", "علي", "عبد", "الله", "حسن"][i % 5]).join(" "),
  "64 Arabic one-letter words": Array.from({ length: 64 }, (_, i) => ARABIC_LETTERS[i % ARABIC_LETTERS.length]).join(" "),
  "one 1,000-letter word": "BELVNESHPROMSERVIS".repeat(56),
  "15 unknown 60-letter words": unknown(15, 60).join(" "),
};

describe("work budget over the embedded lists", () => {
  let index: NameIndex;
  beforeAll(() => {
    index = buildNameIndex(loadEmbeddedLists().flatMap((l) => l.records));
  }, 120_000);

  // As a screen searches (see createScreener): the query's units, the near-miss floor.
  const run = (name: string, budget?: SearchBudget): NameMatch[] => {
    const query = normalizeName(name);
    return searchNames(index, query, { minScore: FLOOR, units: queryUnits(index, query), nearest: { floor: FLOOR - NEAR_MISS_BAND }, ...(budget ? { budget } : {}) });
  };
  const search = (name: string, remaining: number): SearchBudget => {
    const budget: SearchBudget = { remaining, exhausted: false };
    run(name, budget);
    return budget;
  };

  it.each(Object.entries(ADVERSARIAL))("stops %s within one step of the budget", (_, name) => {
    const budget = search(name, DEFAULT_SEARCH_BUDGET);
    expect(budget.exhausted).toBe(true);
    expect(-budget.remaining).toBeLessThanOrEqual(MAX_OVERSHOOT);
  });

  it("refuses a 1,000-letter word before building its keys, whatever the budget", () => {
    // 500,501 two-deletion variants of 1,000 letters: charged before any is built.
    expect(search("BELVNESHPROMSERVIS".repeat(56), 100_000_000).exhausted).toBe(true);
  });

  it.each([
    ["a common given name", "MOHAMMED"],
    ["initials", "A B C D E F X A B C D E F"],
    ["an Arabic name", "حامد عبد الله أحمد العلي"],
    ["the longest list name", "Ministry of Defence of the Russian Federation, including the Armed Forces of Russia and all operating units"],
  ])("finishes %s within the budget", (_, name) => {
    const budget = search(name, DEFAULT_SEARCH_BUDGET);
    expect(budget.exhausted).toBe(false);
    expect(budget.remaining).toBeGreaterThan(0);
  });

  it("charges the same work cached or not, run after run", () => {
    // Unknown words are probed once and cached: the second search must cost the same units.
    const name = unknown(8, 9).join(" ");
    const first = search(name, DEFAULT_SEARCH_BUDGET);
    const second = search(name, DEFAULT_SEARCH_BUDGET);
    expect(first.exhausted).toBe(false);
    expect(second.remaining).toBe(first.remaining);
  });

  it.each(["MOHAMMED ALI", "Army Supply Bureau", "حامد عبد الله أحمد العلي"])("finds the same with exactly the units %s needs as without a budget", (name) => {
    const needed = DEFAULT_SEARCH_BUDGET - search(name, DEFAULT_SEARCH_BUDGET).remaining;
    const budget: SearchBudget = { remaining: needed, exhausted: false };
    const within = run(name, budget);
    expect(budget).toEqual({ remaining: 0, exhausted: false });
    expect(within).toEqual(run(name));
    // One unit less stops it: the count is exact, not an estimate.
    expect(search(name, needed - 1).exhausted).toBe(true);
  });
});

describe("work budget of a screen", () => {
  const lists = loadEmbeddedLists({ lists: ["curated", "un-sc"] }) as LoadedList[];

  it("charges every record found, and answers unscreenable past the budget, never clear", () => {
    // A name found in many records: the search alone fits, the records it found do not.
    const name = "MOHAMMED";
    const open = createScreener({ lists, searchBudget: 100_000_000 }).screen({ name, asOf: "2024-06-01" });
    expect(open.outcome).not.toBe("unscreenable");
    const found = open.hits.length;
    expect(found).toBeGreaterThan(1);
    const tight = createScreener({ lists, searchBudget: Math.max(1000, (found - 1) * WORK_PER_MATCH) }).screen({ name, asOf: "2024-06-01" });
    expect(tight.outcome).toBe("unscreenable");
    expect(tight.hits).toEqual([]);
    expect(tight.reasons.map((r) => r.detail).join(" ")).toContain("work budget");
  });

  // The costliest real name of the dev set at the widest profile: with the name alone it fits the
  // default budget, and a date of birth or a country only makes it cheaper, whatever their values
  // (each record is searched from the minimum its own evidence allows: search-floors.ts).
  it("screens the costliest dev name at the broad profile alone, with any date of birth or country", () => {
    const name = "حامد عبد الله أحمد العلي";
    const screener = createDefaultScreener({ profile: "broad" });
    expect(screener.screen({ name, asOf: "2024-06-01" }).outcome).not.toBe("unscreenable");
    for (const year of [1940, 1960, 1961, 1966, 1970, 1973, 1995]) {
      for (const country of [undefined, "SY", "IQ", "KW"]) {
        const r = screener.screen({ name, dateOfBirth: String(year), ...(country ? { country } : {}), asOf: "2024-06-01" });
        expect(r.outcome, `${year} ${country}`).not.toBe("unscreenable");
      }
    }
    for (const country of ["IQ", "SY", "IR", "KW", "SA", "AF"]) expect(screener.screen({ name, country, asOf: "2024-06-01" }).outcome, country).not.toBe("unscreenable");
    // At a budget of 1.4M units the name alone stops (it needs 1.47M: the test can fail).
    const tight = createDefaultScreener({ profile: "broad", searchBudget: 1_400_000 });
    expect(tight.screen({ name, asOf: "2024-06-01" }).outcome).toBe("unscreenable");
  });
});
