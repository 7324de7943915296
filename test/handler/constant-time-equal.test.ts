import { test as propTest } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { digestOf, equalDigests, matchesAnyKey } from "../../src/handler";

describe("matchesAnyKey", () => {
  propTest.prop([fc.string(), fc.string()])("matches exactly when the strings are equal", (a, b) => {
    expect(matchesAnyKey(a, [digestOf(b)])).toBe(a === b);
  });

  propTest.prop([fc.string({ minLength: 1 }), fc.array(fc.string(), { maxLength: 4 })])("finds a key wherever it is in the list", (key, others) => {
    const keys = [...others, key].map(digestOf);
    expect(matchesAnyKey(key, keys)).toBe(true);
    expect(matchesAnyKey(key, keys.reverse())).toBe(true);
  });

  it("tells apart keys that differ only in Unicode form or case", () => {
    expect(matchesAnyKey("Schlüssel", [digestOf("Schlu\u0308ssel")])).toBe(false);
    expect(matchesAnyKey("KEY", [digestOf("key")])).toBe(false);
  });

  it("compares digests of unequal length as different", () => {
    expect(equalDigests(new Uint8Array(32), new Uint8Array(31))).toBe(false);
  });
});
