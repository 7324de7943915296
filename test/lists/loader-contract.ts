import { loadExcerpt } from "./helpers";
import { describe, expect, it } from "vitest";
import { ListCountError, ListFormatError, detectListFormat, type ListLoader, type ListSource, type LoadedList } from "../../src";

export interface LoaderContractCase {
  readonly loader: ListLoader;
  /** Small real input (a fixture cut from the official file). */
  readonly sources: () => ListSource[];
  /** Expected record count for `sources`. */
  readonly expectedCount: number;
  /** A copy of `sources` cut short mid-file: must fail with ListFormatError. */
  readonly truncated: () => ListSource[];
}

/**
 * The contract every loader satisfies: detection, validated records with stable ids, provenance,
 * fail-closed on truncated input, and the count guards.
 */
export function runLoaderContract(c: LoaderContractCase): void {
  describe(`loader contract: ${c.loader.format}`, () => {
    let list: LoadedList;
    it("detects its own format", () => {
      expect(detectListFormat(c.sources())).toBe(c.loader.format);
    });
    it("loads validated records with stable ids and provenance", () => {
      list = loadExcerpt(c.sources());
      expect(list.records).toHaveLength(c.expectedCount);
      expect(list.metadata.recordCount).toBe(c.expectedCount);
      expect(list.metadata.format).toBe(c.loader.format);
      expect(list.metadata.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(list.metadata.sourceFiles.length).toBeGreaterThan(0);
      for (const r of list.records) {
        expect(r.id).toBe(`${r.list}:${r.sourceId}`);
        expect(r.subject.names.filter((n) => n.kind === "primary").length).toBeGreaterThanOrEqual(1);
      }
      expect(new Set(list.records.map((r) => r.id)).size).toBe(list.records.length);
    });
    it("is deterministic (same bytes, same records, same sha256)", () => {
      const again = loadExcerpt(c.sources());
      expect(again.metadata).toEqual(list.metadata);
      expect(JSON.stringify(again.records)).toBe(JSON.stringify(list.records));
    });
    it("fails closed on a truncated file", () => {
      expect(() => loadExcerpt(c.truncated(), { format: c.loader.format })).toThrow(ListFormatError);
    });
    it("refuses a count drop beyond the guard unless allowed", () => {
      const err = (() => {
        try {
          loadExcerpt(c.sources(), { previousCount: Math.ceil(c.expectedCount / 0.8) + 1 });
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(err).toBeInstanceOf(ListCountError);
      expect((err as ListCountError).code).toBe("LIST_COUNT_DROP");
      expect(loadExcerpt(c.sources(), { previousCount: Math.ceil(c.expectedCount / 0.8) + 1, allowCountDrop: true }).records).toHaveLength(c.expectedCount);
    });
  });
}
