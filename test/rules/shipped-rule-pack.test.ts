/**
 * The shipped rule pack and goods catalogue are read without zod (issue 8: the transaction
 * screener's module graph stays light). That is safe only while the shipped files are valid and the
 * zod-free readers give what the validating loaders give: both are required here, as JSON (key
 * order included, since findings carry rule rows into results) and as content hash.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ListFormatError } from "../../src/errors";
import { loadGoodsCatalogue, readShippedGoodsCatalogue } from "../../src/goods";
import { loadRulePack, readShippedRulePack } from "../../src/rules";

const root = join(import.meta.dirname, "../..");
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), "utf8"));

describe("the shipped rule pack read without zod", () => {
  it("equals loadRulePack of the same file (JSON with key order, and sha256)", () => {
    const json = readJson("lists/rules/rule-pack.json");
    const validated = loadRulePack(json);
    const read = readShippedRulePack(json);
    expect(JSON.stringify(read)).toBe(JSON.stringify(validated));
    expect(read).toEqual(validated);
  });

  it("still refuses inconsistent rows (a duplicate id) as loadRulePack does", () => {
    const json = readJson("lists/rules/rule-pack.json") as { rules: { id: string }[] };
    json.rules[1] = { ...json.rules[1], id: json.rules[0]?.id ?? "" } as { id: string };
    expect(() => loadRulePack(json)).toThrow(ListFormatError);
    expect(() => readShippedRulePack(json)).toThrow(ListFormatError);
  });
});

describe("the shipped goods catalogue read without zod", () => {
  it("equals loadGoodsCatalogue of the same file (file fields as JSON with key order, indexes, sha256)", () => {
    const json = readJson("lists/goods/controlled-items.json");
    const validated = loadGoodsCatalogue(json);
    const read = readShippedGoodsCatalogue(json);
    const fileFields = (c: typeof read) => JSON.stringify({ version: c.version, title: c.title, sourceNote: c.sourceNote, entries: c.entries, codeRules: c.codeRules });
    expect(fileFields(read)).toBe(fileFields(validated));
    expect(read.sha256).toBe(validated.sha256);
    expect(read.aliasRecords).toEqual(validated.aliasRecords);
    expect([...read.exactIndex.keys()]).toEqual([...validated.exactIndex.keys()]);
    expect([...read.fuzzyIndexes.keys()]).toEqual([...validated.fuzzyIndexes.keys()]);
    expect(read.maxAliasLength).toBe(validated.maxAliasLength);
  });
});
