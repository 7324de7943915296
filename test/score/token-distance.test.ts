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

  test.prop([word, word])("the bounded OSA distance equals the full one within the bound", (a, b) => {
    const full = editDistance(a, b);
    expect(osaDistance(a, b, 2)).toBe(full <= 2 ? full : 3);
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
