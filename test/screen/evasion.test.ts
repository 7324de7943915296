/**
 * Evasion by invisible and separating characters (issue 9, item 7), and the search's work budget
 * (item 8): inserting a control character, a Unicode space, a zero-width or bidi mark or a
 * combining mark into a listed name never lowers its score below the alert threshold; letters
 * spaced out by any separator still alert; a name built to compare with most of the list is
 * stopped by the work budget and answered `unscreenable`, never `clear`.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { loadEmbeddedLists } from "../../src/embedded";
import type { LoadedList } from "../../src/model";
import { createScreener, PROFILES, type ScreenResult } from "../../src/screen";

const ALERT = PROFILES.balanced.threshold;

// The curated seed records among the real UN list (distractors), as of a day both are in force.
const lists = loadEmbeddedLists({ lists: ["curated", "un-sc"] }) as LoadedList[];
const screener = createScreener({ lists });
const AS_OF = "2024-06-01";
const LISTED = ["Belvneshpromservice", "Army Supply Bureau", "Minsk Automobile Plant"];

// C0 and C1 controls (tab and line feed included), DEL, no-break and other Unicode spaces, line
// and paragraph separators, zero-width and bidi marks, soft hyphen, combining marks.
const INVISIBLE = [
  ...Array.from({ length: 0x20 }, (_, c) => String.fromCharCode(c)),
  ...Array.from({ length: 0x21 }, (_, c) => String.fromCharCode(0x7f + c)),
  "\u00a0",
  "\u00ad",
  ...Array.from({ length: 0x0b }, (_, c) => String.fromCharCode(0x2000 + c)),
  "\u200b",
  "\u200c",
  "\u200d",
  "\u200e",
  "\u200f",
  "\u2028",
  "\u2029",
  "\u202a",
  "\u202e",
  "\u202f",
  "\u205f",
  "\u2060",
  "\u2066",
  "\u3000",
  "\ufeff",
  "\u0301",
  "\u0308",
  "\u0327",
  "\u0336",
];

function alertScore(result: ScreenResult, listedName: string): number {
  const hit = result.hits.find((h) => h.record.names.some((n) => n.value.toUpperCase().includes(listedName.toUpperCase())));
  return hit?.decision === "alert" ? hit.score : 0;
}

describe("invisible and separating characters", () => {
  test.prop([fc.constantFrom(...LISTED), fc.constantFrom(...INVISIBLE), fc.nat()], { numRuns: 300 })("one inserted anywhere keeps the alert", (name, ch, at) => {
    const i = at % (name.length + 1);
    const result = screener.screen({ name: name.slice(0, i) + ch + name.slice(i), asOf: AS_OF });
    expect(alertScore(result, name)).toBeGreaterThanOrEqual(ALERT);
  });

  it.each(INVISIBLE.map((ch) => [`U+${(ch.codePointAt(0) as number).toString(16).padStart(4, "0")}`, ch]))("after every letter (%s) keeps the alert", (_, ch) => {
    for (const name of LISTED) {
      const spread = [...name].map((c) => (c === " " ? c : c + ch)).join("");
      expect(alertScore(screener.screen({ name: spread, asOf: AS_OF }), name), JSON.stringify(spread)).toBeGreaterThanOrEqual(ALERT);
    }
  });

  it("reads letters spaced out by plain spaces as words, and says so", () => {
    const result = screener.screen({ name: "B E L V N E S H P R O M S E R V I C E", asOf: AS_OF });
    expect(result.outcome).toBe("alert");
    expect(JSON.stringify(result.hits[0]?.reasons)).toContain("BELVNESHPROMSERVICE");
  });

  it("keeps up to six one-letter words as initials", () => {
    // Initials of a person: the reading as initials is searched too (reading 0).
    const result = screener.screen({ name: "A B C", asOf: AS_OF });
    expect(result.outcome).not.toBe("unscreenable");
  });
});

describe("work budget", () => {
  it("answers a name made to compare with most of the list unscreenable, never clear", () => {
    // These small lists need a small budget to show the rule; the default (2,250,000) is sized for
    // the full official lists, where the same name needs more than it (60 such words need more
    // even on these two lists).
    const small = createScreener({ lists, searchBudget: 2000 });
    const common = ["MOHAMMED", "AL", "ALI", "ABD", "ALLAH", "HASSAN", "A", "K", "M", "S"];
    const name = Array.from({ length: 30 }, (_, i) => common[i % common.length]).join(" ");
    expect(screener.screen({ name, asOf: AS_OF }).outcome).not.toBe("unscreenable");
    const result = small.screen({ name, asOf: AS_OF });
    expect(result.outcome).toBe("unscreenable");
    expect(result.reasons.map((r) => r.detail).join(" ")).toContain("work budget");
    expect(result.envelope?.options).toMatchObject({ searchBudget: 2000 });
  });

  it("screens ordinary long names within the budget", () => {
    const result = screener.screen({ name: "Production Republican Unitary Enterprise Minsk Wheeled Tractor Plant", asOf: AS_OF });
    expect(result.outcome).toBe("alert");
  });
});
