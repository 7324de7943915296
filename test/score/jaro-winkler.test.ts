import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { editDistance, editSimilarity, isOneDeletionApart, jaro, jaroWinkler, oneDeletionDistance } from "../../src/score";

describe("jaroWinkler", () => {
  it.each([
    ["MARTHA", "MARHTA", "0.961"],
    ["DWAYNE", "DUANE", "0.840"],
    ["DIXON", "DICKSONX", "0.813"],
  ])("%s / %s = %s (Winkler's reference vectors)", (a, b, expected) => {
    expect(jaroWinkler(a, b).toFixed(3)).toBe(expected);
    expect(jaroWinkler(b, a).toFixed(3)).toBe(expected);
  });

  it("gives no prefix bonus below the 0.7 boost threshold", () => {
    expect(jaroWinkler("ABCXYZ", "ABQRST")).toBe(jaro("ABCXYZ", "ABQRST"));
  });

  it("is 1 for equal strings and 0 for disjoint ones", () => {
    expect(jaroWinkler("SMITH", "SMITH")).toBe(1);
    expect(jaroWinkler("ABC", "XYZ")).toBe(0);
    expect(jaroWinkler("", "ABC")).toBe(0);
  });

  const word = fc.string({ unit: fc.constantFrom(..."ABCDEHILMNORSTU"), maxLength: 14 });
  test.prop([word, word])("stays in [0, 1] and is symmetric", (a, b) => {
    const s = jaroWinkler(a, b);
    expect(s).toBeGreaterThanOrEqual(0);
    expect(s).toBeLessThanOrEqual(1);
    expect(jaroWinkler(b, a)).toBeCloseTo(s, 12);
  });
});

describe("edit distance", () => {
  it.each([
    ["ABDULAH", "ABDULLAH", 1],
    ["SMITH", "SMIHT", 1],
    ["KITTEN", "SITTING", 3],
    ["", "ABC", 3],
  ])("%s / %s = %d", (a, b, d) => expect(editDistance(a, b)).toBe(d));

  it("edit similarity is length-aware", () => {
    expect(editSimilarity("NIKE", "NIKA")).toBe(0.75);
    expect(editSimilarity("BELVNESHPROMSERVIS", "BELVNESHPROMSERVIC")).toBeCloseTo(1 - 1 / 18, 12);
  });

  const word = fc.string({ unit: fc.constantFrom("A", "B", "C"), maxLength: 8 });
  test.prop([word, word])("one-deletion pairs: the linear distance equals the full one", (a, b) => {
    fc.pre(isOneDeletionApart(a, b, 0));
    expect(oneDeletionDistance(a, b)).toBe(editDistance(a, b));
  });

  test.prop([word, word])("isOneDeletionApart is symmetric", (a, b) => {
    expect(isOneDeletionApart(a, b, 3)).toBe(isOneDeletionApart(b, a, 3));
  });
});
