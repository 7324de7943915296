import { defineConfig } from "tsup";

// One build, three public entry points plus the CLI binary. `index` is the runtime-neutral core
// (no `node:` imports); `lists` carries the embedded snapshots; `cli` and `bin` are Node-only.
export default defineConfig({
  entry: {
    index: "src/index.ts",
    lists: "src/embedded/index.ts",
    cli: "src/cli/index.ts",
    bin: "src/cli/bin.ts",
  },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: false,
  clean: true,
  target: "node20",
  splitting: true,
  treeshake: true,
  loader: { ".json": "json" },
});
