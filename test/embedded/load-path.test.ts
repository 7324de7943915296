/**
 * Nothing heavy on the load path (issue 8): the entries a serverless screener imports —
 * `sanctions-screen/lists` (createDefaultScreener, createSnapshotScreener, the transaction screener)
 * and `sanctions-screen/handler` — must not reach zod (~60 ms of module loading). Bundled as a
 * consumer's bundler would (tree-shaken, `sideEffects: false`), with the dependencies left external
 * so that what is imported shows.
 */
import { build } from "esbuild";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");

async function externalImports(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    metafile: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    packages: "external",
    external: ["#compiled-data"],
    logLevel: "silent",
    tsconfigRaw: "{}",
  });
  const output = Object.values(result.metafile.outputs)[0];
  return [...new Set((output?.imports ?? []).map((i) => i.path))].sort();
}

describe("the screening entries do not load zod", () => {
  it.each([
    { entry: "src/embedded/index.ts", name: "sanctions-screen/lists" },
    { entry: "src/handler/index.ts", name: "sanctions-screen/handler" },
  ])("$name", async ({ entry }) => {
    const imports = await externalImports(entry);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((p) => p === "zod" || p.startsWith("zod/"))).toEqual([]);
  });

  it("the root entry does (its exported schemas), so the check sees zod where it is imported", async () => {
    expect(await externalImports("src/index.ts")).toContain("zod");
  });
});
