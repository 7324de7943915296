import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DesignationSchema, InputError, type LoadedList } from "../../src";
import { sha256Hex } from "../../src/lists";
import { embeddedListMetadata, loadEmbeddedLists } from "../../src/embedded";
import { SHARED_DATA, itWithData } from "../shared-data";

const manifest = JSON.parse(readFileSync(new URL("../../lists/compiled/manifest.json", import.meta.url), "utf8")) as {
  lists: { listId: string; build: { inputs: string[] } }[];
};

describe("embedded default lists", () => {
  let lists: LoadedList[];
  beforeAll(() => {
    lists = loadEmbeddedLists();
  });

  it("ships every list with the counts of the official files", () => {
    expect(lists.map((l) => [l.metadata.listId, l.records.length])).toEqual([
      ["curated", 4],
      ["ofac-sdn", 13_821],
      ["ofac-cons", 443],
      ["un-sc", 1_003],
      ["uk-ofsi", 2_106],
      ["us-csl", 3_163],
      ["bis-dpl", 483],
    ]);
    const un = lists.find((l) => l.metadata.listId === "un-sc");
    expect(un?.metadata.countsByType).toMatchObject({ person: 730, organization: 273 });
  });

  it("keeps each list's date and says where it comes from", () => {
    const dates = Object.fromEntries(lists.map((l) => [l.metadata.listId, l.metadata.listDate?.slice(0, 10)]));
    expect(dates).toMatchObject({
      "ofac-sdn": "2023-12-28",
      "ofac-cons": "2025-01-10",
      "un-sc": "2026-02-27",
      "uk-ofsi": "2018-04-13",
      "us-csl": "2022-05-16",
      "bis-dpl": "2022-09-02",
    });
    for (const l of lists) expect(l.metadata.listDateSource.length).toBeGreaterThan(5);
  });

  const official = manifest.lists.filter((m) => m.listId !== "curated");
  itWithData("cites the sha256 of the official input files", official.flatMap((m) => m.build.inputs), () => {
    for (const entry of official) {
      const meta = lists.find((l) => l.metadata.listId === entry.listId)?.metadata;
      const expected = entry.build.inputs.map((f) => sha256Hex(new Uint8Array(readFileSync(join(SHARED_DATA, f)))));
      expect(meta?.fileSha256, entry.listId).toEqual(expected);
    }
  });

  it("expands to records that pass the schema, with unique ids", () => {
    for (const l of lists) {
      const ids = new Set<string>();
      for (const r of l.records) {
        const parsed = DesignationSchema.safeParse(r);
        if (!parsed.success) throw new Error(`${r.id}: ${parsed.error.message}`);
        expect(ids.has(r.id)).toBe(false);
        ids.add(r.id);
      }
    }
  });

  it("carries observed listing dates on OFAC SDN records", () => {
    const sdn = lists.find((l) => l.metadata.listId === "ofac-sdn");
    const belv = sdn?.records.find((r) => r.sourceId === "15487");
    expect(belv?.subject.names[0]?.value).toBe("BELVNESHPROMSERVICE");
    expect(belv?.bases.map((b) => b.program).sort()).toEqual(["IFSR", "NPWMD"]);
    for (const b of belv?.bases ?? []) expect(b.listedOn).toMatchObject({ date: "2021-08-18", certainty: "observed", bound: "on-or-before" });
  });

  it("lists metadata without expanding records, and refuses an unknown list id", () => {
    expect(embeddedListMetadata().map((m) => m.listId)).toEqual(lists.map((l) => l.metadata.listId));
    expect(() => loadEmbeddedLists({ lists: ["nope"] })).toThrow(InputError);
    expect(loadEmbeddedLists({ lists: ["curated"] }).map((l) => l.metadata.listId)).toEqual(["curated"]);
  });
});
