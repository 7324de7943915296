import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { canonicalToken, editBudget, editDistance, indexDeletions, NAMES_V2, osaDistance, weightedDistance } from "../../src/score";

describe("canonical transliteration form", () => {
  it.each([
    ["TSCHERNOW", "CHERNOV"],
    ["CHERNOV", "CHERNOV"],
    ["WLADIMIR", "VLADIMIR"],
    ["LUKASCHENKO", "LUKASHENKO"],
    ["SZYMON", "SHIMON"],
    ["QADDAFI", "KADAFI"],
    ["HUSAYN", "HUSAIN"],
    ["SMIRNOFF", "SMIRNOV"],
    ["FATIMAH", "FATIMA"],
    ["YOUSSEF", "IUSEF"],
    // Russian Х is KH, H or (German) CH: one canonical H.
    ["TEKHNOLOGII", "TEHNOLOGI"],
    ["TEHNOLOGII", "TEHNOLOGI"],
    ["MIKHAIL", "MIHAIL"],
    // A final vowel H drops only when three letters or more remain.
    ["TAAH", "TAH"],
    ["TAHA", "TAHA"],
    // AW before a consonant or at the end is the diphthong AU; before a vowel W is a consonant.
    ["FIRDAWS", "FIRDAUS"],
    ["FIRDAUS", "FIRDAUS"],
    ["TAWFIK", "TAUFIK"],
    ["AWS", "AUS"],
    ["NAWAZ", "NAVAZ"],
  ])("%s → %s", (raw, canon) => expect(canonicalToken(raw)).toBe(canon));

  it("leaves numbers alone", () => expect(canonicalToken("1980")).toBe("1980"));
});

describe("edit budget and deletion neighbourhoods", () => {
  it("allows more edits in longer words", () => {
    expect([3, 4, 7, 8, 19].map(editBudget)).toEqual([0, 1, 1, 2, 2]);
  });

  // The index is lossless only if every pair within budget shares a deletion variant: the shorter
  // side must delete as many letters as the longer side's budget.
  it.each([3, 4, 5, 6, 7, 8, 12])("a %i-letter form deletes enough letters for any partner", (n) => {
    for (let partner = n; partner <= n + 2; partner++) {
      if (partner - editBudget(partner) <= n) expect(indexDeletions(n)).toBeGreaterThanOrEqual(editBudget(partner));
    }
  });
});

describe("distances", () => {
  const word = fc.string({ unit: fc.constantFrom("A", "B", "C", "E", "O", "S", "Z"), maxLength: 9 });

  // The bounded distance computes only a band around the diagonal; the full one the whole table.
  const longer = fc.string({ unit: fc.constantFrom("A", "B", "C", "E", "O", "S", "Z"), maxLength: 16 });
  // A call before each check leaves other values in the shared row buffer: the band's edges must
  // never read them (the cases below pin both edge cells; mutation-checked).
  // b is a with a few edits (insert, delete, substitute, swap), so that the distance is often near
  // the bound and the band's edges decide.
  const edit = fc.tuple(fc.nat(16), fc.integer({ min: 0, max: 3 }), fc.constantFrom("A", "B", "C", "E"));
  const edited = (a: string, edits: readonly [number, number, string][]): string => {
    const b = [...a];
    for (const [at, op, ch] of edits) {
      const p = at % (b.length + 1);
      if (op === 0) b.splice(p, 0, ch);
      else if (op === 1) b.splice(p, 1);
      else if (op === 2) b[p] = ch;
      else if (p + 1 < b.length) [b[p], b[p + 1]] = [b[p + 1] as string, b[p] as string];
    }
    return b.join("");
  };
  test.prop([longer, fc.array(edit, { maxLength: 5 }), fc.integer({ min: 0, max: 5 }), longer, fc.array(edit, { maxLength: 5 })], { numRuns: 3000 })(
    "the bounded OSA distance equals the full one within the bound",
    (a, edits, max, c, otherEdits) => {
      osaDistance(c, edited(c, otherEdits), 16);
      const b = edited(a, edits);
      const full = editDistance(a, b);
      expect(osaDistance(a, b, max)).toBe(full <= max ? full : max + 1);
    },
  );

  it.each([
    // Each case after a call that leaves small values in the shared row buffer where the band's edge
    // cells are: the cell above the band's right end, and the one left of its start (a short word
    // against a long one), must read as beyond the bound.
    ["AA", "ABBB", 2, 3],
    ["AA", "BBAB", 2, 3],
    ["AAAA", "AA", 2, 2],
    ["AAAA", "AB", 2, 3],
  ] as const)("the band's edges: osaDistance(%s, %s, %i) = %i after another call", (a, b, max, want) => {
    osaDistance("BAAA", "BAAAB", 16);
    expect(osaDistance(a, b, max)).toBe(want);
    expect(editDistance(a, b) <= max ? editDistance(a, b) : max + 1).toBe(want);
  });

  test.prop([word, fc.integer({ min: 1, max: 3 })])("a word and its edits: the bounded distance sees edits near the band's edge", (a, k) => {
    // k deletions at the start and k insertions at the end shift every letter by k: distance 2k when
    // the word is long enough, found only through cells k off the diagonal.
    const b = `${a.slice(k)}${"Q".repeat(k)}`;
    const full = editDistance(a, b);
    expect(osaDistance(a, b, 2 * k)).toBe(full <= 2 * k ? full : 2 * k + 1);
  });

  test.prop([word, word])("the weighted distance is symmetric and never above the plain one", (a, b) => {
    const w = weightedDistance(a, b, NAMES_V2);
    expect(w).toBeCloseTo(weightedDistance(b, a, NAMES_V2), 9);
    expect(w).toBeLessThanOrEqual(editDistance(a, b) + 1e-9);
  });

  it("charges confusables, vowels and doubled letters less than other edits", () => {
    expect(weightedDistance("BELVNESHPR0MSERVIS", "BELVNESHPROMSERVIS", NAMES_V2)).toBe(NAMES_V2.confusableCost);
    expect(weightedDistance("HEZBOLLAH", "HIZBALLAH", NAMES_V2)).toBe(2 * NAMES_V2.vowelCost);
    expect(weightedDistance("AKKAR", "AKAR", NAMES_V2)).toBe(NAMES_V2.doubleCost);
    expect(weightedDistance("FORTUM", "FORUM", NAMES_V2)).toBe(1);
  });

  it("charges an adjacent transposition (the commonest typing slip) less than a substitution", () => {
    expect(weightedDistance("BADUR", "ABDUR", NAMES_V2)).toBe(NAMES_V2.transpositionCost);
    expect(NAMES_V2.transpositionCost).toBeLessThan(1);
    expect(weightedDistance("SMIHT", "SMITH", NAMES_V2)).toBeLessThan(weightedDistance("SMIRH", "SMITH", NAMES_V2));
  });
});
