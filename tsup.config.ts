import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { defineConfig } from "tsup";

// One build, five public entry points plus the CLI binary and the batch worker. `index` and `handler`
// (and `testing`) are runtime-neutral (no `node:` imports); `lists` carries the embedded snapshots; `cli`, `bin` and
// `batch-worker` (the module a batch worker thread loads, so it never evaluates the CLI) are Node-only.
export default defineConfig({
  entry: {
    index: "src/index.ts",
    lists: "src/embedded/index.ts",
    handler: "src/handler/index.ts",
    testing: "src/testing/index.ts",
    cli: "src/cli/index.ts",
    bin: "src/cli/bin.ts",
    "batch-worker": "src/cli/batch/batch-worker.ts",
    // `#compiled-data` (package.json `imports`): the embedded lists' data, static JSON modules for
    // bundles, on-demand file reads in Node (`node-addons` condition; issue 8: no JSON parsed at import).
    "compiled-data": "src/embedded/compiled-data.ts",
    "compiled-data-node": "src/embedded/compiled-data-node.ts",
  },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: false,
  clean: true,
  target: "node20.10",
  splitting: true,
  treeshake: true,
  // import.meta.url in the CJS build (the CLI resolves the shipped prebuilt index from it).
  shims: true,
  // The compiled snapshots stay JSON files in lists/compiled/, imported through the package's own
  // `exports` (self-reference) so ESM, CJS and bundlers all find them without duplicating megabytes.
  // Passed to esbuild directly: tsup's own external plugin drops the `with { type: "json" }` attribute.
  esbuildOptions(options) {
    options.external = [...(options.external ?? []), "sanctions-screen/lists/compiled/*", "#compiled-data"];
  },
  // tsup re-emits the import attribute in its deprecated `assert` form, which Node 22 removed; put back
  // the standard `with` form (Node >= 20.10, Deno, Bun, bundlers).
  async onSuccess() {
    for (const file of readdirSync("dist").filter((f) => f.endsWith(".js"))) {
      const path = `dist/${file}`;
      const text = readFileSync(path, "utf8");
      const fixed = text.replace(/(from\s+'sanctions-screen\/lists\/compiled\/[^']+')\s+assert\s*\{/g, "$1 with {");
      if (fixed !== text) writeFileSync(path, fixed);
    }
  },
});
