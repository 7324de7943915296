import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vitest/config";

/**
 * Tests run in Node: load the embedded snapshots (megabytes of JSON) with readFileSync instead of
 * letting Vite transform them into modules, which takes seconds per test file.
 */
function compiledListsFromDisk(): Plugin {
  const prefix = "\0compiled-list:";
  return {
    name: "compiled-lists-from-disk",
    enforce: "pre",
    resolveId(id) {
      const match = /^sanctions-screen\/lists\/compiled\/([\w.-]+\.json)$/.exec(id);
      // The id must not end in .json, or Vite's own JSON plugin transforms it anyway.
      return match ? `${prefix}${resolve(import.meta.dirname, "lists/compiled", match[1] as string)}.js` : null;
    },
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const path = id.slice(prefix.length, -".js".length);
      return `import { readFileSync } from "node:fs";\nexport default JSON.parse(readFileSync(${JSON.stringify(path)}, "utf8"));\n`;
    },
  };
}

/** The package's entries, so examples/ import `sanctions-screen/…` as a user would and run on the source. */
const ENTRIES: Record<string, string> = {
  "sanctions-screen": "src/index.ts",
  "sanctions-screen/lists": "src/embedded/index.ts",
  "sanctions-screen/handler": "src/handler/index.ts",
  "sanctions-screen/testing": "src/testing/index.ts",
  "sanctions-screen/cli": "src/cli/index.ts",
};

export default defineConfig({
  plugins: [compiledListsFromDisk()],
  resolve: {
    alias: [
      ...Object.entries(ENTRIES).map(([name, path]) => ({ find: new RegExp(`^${name.replace("/", "\\/")}$`), replacement: resolve(import.meta.dirname, path) })),
      // package.json `imports`: tests run in Node, so the Node variant (reads lists/compiled/ on demand).
      { find: /^#compiled-data$/, replacement: resolve(import.meta.dirname, "src/embedded/compiled-data-node.ts") },
    ],
  },
  test: {
    include: ["test/**/*.test.ts", "examples/**/*.test.ts"],
    // Says which tests over the full official files are skipped, or fails when SANCTIONS_REQUIRE_DATA=1.
    globalSetup: ["test/data-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    benchmark: { include: ["test/bench/**/*.bench.ts"] },
  },
});
