/**
 * `sanctions-screen/lists` bundled for Node (esbuild `platform: "node"`, as Lambda toolchains such as
 * CDK's NodejsFunction do) into a folder without the package: the bundle cannot read
 * `lists/compiled/`, so its embedded lists must come from the bundled JSON. `#compiled-data` picks the
 * file-reading variant only under `node-addons`, a condition Node sets and bundlers do not (under
 * `node` a Node bundle would have no lists at all).
 *
 * Needs `npm run build` (reads dist/; `npm test` builds first).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const built = existsSync(join(root, "dist/lists.js"));
if (!built) console.warn("SKIPPED: Node bundle test: dist/ is missing (run `npm run build`)");
const dir = mkdtempSync(join(tmpdir(), "sanctions-screen-node-bundle-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!built)("sanctions-screen/lists bundled for Node", () => {
  it("bundles the JSON snapshots and screens from them where the package's files are absent", async () => {
    const result = await build({
      stdin: {
        contents: `import { createDefaultScreener, embeddedListMetadata } from ${JSON.stringify(join(root, "dist/lists.js"))};
const outcome = createDefaultScreener({ lists: ["curated"] }).screen({ name: "Army Supply Bureau", asOf: "2018-06-01" }).outcome;
console.log(JSON.stringify({ outcome, lists: embeddedListMetadata().map((m) => m.listId) }));`,
        resolveDir: root,
        loader: "js",
      },
      outfile: join(dir, "lambda.mjs"),
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      metafile: true,
      logLevel: "silent",
      // Resolve as a consumer of the package does: not through this repository's tsconfig `paths`.
      tsconfigRaw: "{}",
    });
    const [output] = Object.values(result.metafile.outputs);
    const bundled = Object.entries(output?.inputs ?? {}).filter(([f, v]) => f.includes("lists/compiled/") && v.bytesInOutput > 0).map(([f]) => f.replace(/.*lists\/compiled\//, ""));
    expect(bundled.sort()).toEqual(["bis-dpl.json", "curated.json", "ofac-cons.json", "ofac-sdn.json", "uk-ofsi.json", "un-sc.json", "us-csl.json"]);
    const printed = JSON.parse(execFileSync(process.execPath, [join(dir, "lambda.mjs")], { cwd: dir, encoding: "utf8" })) as { outcome: string; lists: string[] };
    expect(printed).toEqual({ outcome: "alert", lists: ["curated", "ofac-sdn", "ofac-cons", "un-sc", "uk-ofsi", "us-csl", "bis-dpl"] });
  }, 120_000);
});
