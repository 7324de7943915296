// Packs the package exactly as npm would publish it, checks what the tarball holds and its types (attw),
// installs it into a scratch project and imports it from both ESM and CJS — proof that the `exports` map, the dual build
// and the bin work.
//
// The install needs no network and no warm npm cache: the runtime dependencies are packed from this
// repository's node_modules (the versions package-lock.json pins) and installed with `--offline`
// into a fresh, empty cache.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "sanctions-screen-pack-"));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** The packages `npm install sanctions-screen` brings in: package-lock.json entries that are not dev-only. */
function runtimePackages() {
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path.startsWith("node_modules/") && !entry.dev && !entry.devOptional)
    .map(([path, entry]) => ({ path, version: entry.version }));
}

/** Files in the tarball that a consumer needs; a missing one fails the test. */
const REQUIRED_FILES = [
  "package.json",
  "README.md",
  "LICENSE",
  "CHANGELOG.md",
  ...["index", "lists", "handler", "testing", "cli"].flatMap((e) => [`dist/${e}.js`, `dist/${e}.cjs`, `dist/${e}.d.ts`, `dist/${e}.d.cts`]),
  "dist/bin.js",
  "dist/batch-worker.js",
  "lists/compiled/manifest.json",
  "lists/compiled/ofac-sdn.json",
  "lists/compiled/snapshot.bin",
  "dist/compiled-data.js",
  "dist/compiled-data.cjs",
  "dist/compiled-data-node.js",
  "dist/compiled-data-node.cjs",
  "lists/rules/rule-pack.json",
  "lists/goods/controlled-items.json",
  "lists/curated/seed-designations.json",
  "schema/screen-result.json",
  "schema/transaction-result.json",
  "schema/screen-input.json",
];

try {
  // `npm test` has just built dist/ and the index; on a clone without them, `prepack` builds them.
  const built = existsSync(join(root, "dist/index.js")) && existsSync(join(root, "lists/compiled/snapshot.bin"));
  const packArgs = ["pack", "--json", "--pack-destination", work, ...(built ? ["--ignore-scripts"] : [])];
  const [packed] = JSON.parse(run("npm", packArgs, root).replace(/^[^[]*/s, ""));
  const files = new Set(packed.files.map((f) => f.path));
  const missing = REQUIRED_FILES.filter((f) => !files.has(f));
  if (missing.length > 0) throw new Error(`tarball ${packed.filename}: missing ${missing.join(", ")}`);
  const stray = [...files].filter((f) => /^(src|test|scripts|node_modules|\.changeset|\.ci)\//.test(f) || /^lists\/compiled\/(records|name-index)\.bin$/.test(f));
  if (stray.length > 0) throw new Error(`tarball ${packed.filename}: ships ${stray.slice(0, 5).join(", ")}`);
  // Are the types right for every entry, from ESM and CJS (attw on this tarball: packing again would rebuild).
  process.stdout.write(run(join(root, "node_modules/.bin/attw"), [join(work, packed.filename), "--profile", "node16"], root));
  console.log(`tarball ok: ${packed.filename}, ${packed.entryCount} files, ${(packed.size / 1e6).toFixed(1)} MB packed, ${(packed.unpackedSize / 1e6).toFixed(1)} MB unpacked`);

  const deps = join(work, "deps");
  mkdirSync(deps);
  const packages = runtimePackages();
  run("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", deps, ...packages.map((p) => join(root, p.path))], root);
  const depTarballs = readdirSync(deps).map((f) => join(deps, f));
  if (depTarballs.length !== packages.length) throw new Error(`packed ${depTarballs.length} of ${packages.length} runtime dependencies`);

  writeFileSync(join(work, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  run(
    "npm",
    ["install", "--offline", "--cache", join(work, "npm-cache"), "--no-audit", "--no-fund", "--ignore-scripts", ...depTarballs, join(work, packed.filename)],
    work,
  );

  writeFileSync(
    join(work, "esm.mjs"),
    `import * as lib from "sanctions-screen";
import { runCli } from "sanctions-screen/cli";
import { createDefaultScreener, loadEmbeddedLists } from "sanctions-screen/lists";
import { createScreeningHandler } from "sanctions-screen/handler";
import { createFixtureScreener, screeningMatchers } from "sanctions-screen/testing";
// The shipped list-set snapshot (lists/compiled/snapshot.bin: records and name index) at start.
if (createDefaultScreener().screen({ name: "Army Supply Bureau", asOf: "2018-06-01" }).outcome !== "alert") throw new Error("ESM: createDefaultScreener");
if (typeof createScreeningHandler !== "function") throw new Error("ESM: createScreeningHandler missing");
const fixtureResult = createFixtureScreener([{ id: "acme", names: ["ACME TRADING LLC"] }], { today: "2026-01-01" }).screen({ name: "Acme Trading" });
if (!screeningMatchers.toAlertOn(fixtureResult, "fixtures:acme").pass) throw new Error("ESM: sanctions-screen/testing matchers");
const embedded = loadEmbeddedLists();
if (embedded.find((l) => l.metadata.listId === "ofac-sdn")?.records.length !== 13821) throw new Error("ESM: embedded OFAC SDN snapshot missing");
if (typeof lib.loadList !== "function") throw new Error("ESM: loadList missing");
if (typeof lib.DesignationSchema?.parse !== "function") throw new Error("ESM: DesignationSchema missing");
if (typeof runCli !== "function") throw new Error("ESM: runCli missing");
console.log("esm ok", Object.keys(lib).length);
`,
  );
  writeFileSync(
    join(work, "cjs.cjs"),
    `const lib = require("sanctions-screen");
const { runCli } = require("sanctions-screen/cli");
const { createDefaultScreener, loadEmbeddedLists } = require("sanctions-screen/lists");
if (createDefaultScreener().screen({ name: "Army Supply Bureau", asOf: "2018-06-01" }).outcome !== "alert") throw new Error("CJS: createDefaultScreener");
const { createScreeningHandler } = require("sanctions-screen/handler");
const { screeningMatchers } = require("sanctions-screen/testing");
if (typeof createScreeningHandler !== "function") throw new Error("CJS: createScreeningHandler missing");
if (typeof screeningMatchers.toClear !== "function") throw new Error("CJS: sanctions-screen/testing missing");
if (loadEmbeddedLists({ lists: ["curated"] })[0].records.length < 1) throw new Error("CJS: embedded curated list missing");
if (typeof lib.loadList !== "function") throw new Error("CJS: loadList missing");
if (typeof runCli !== "function") throw new Error("CJS: runCli missing");
if (require(require.resolve("sanctions-screen/schema/screen-result.json")).title !== "ScreenResult") throw new Error("CJS: sanctions-screen/schema/screen-result.json missing");
console.log("cjs ok", Object.keys(lib).length);
`,
  );
  process.stdout.write(run(process.execPath, ["esm.mjs"], work));
  process.stdout.write(run(process.execPath, ["cjs.cjs"], work));
  const help = run(join(work, "node_modules/.bin/sanctions-screen"), ["help"], work);
  if (!help.includes("lists inspect")) throw new Error("bin: help text missing");
  // The main job from the installed package, with the prebuilt index it ships.
  const screened = JSON.parse(run(join(work, "node_modules/.bin/sanctions-screen"), ["screen", "Belvneshpromservis LLC", "--as-of", "2013-03-01", "--json"], work));
  if (screened.outcome !== "alert" || screened.hits[0]?.recordId !== "15487") throw new Error(`bin: screen gave ${screened.outcome}`);
  if (screened.envelope?.schemaVersion !== 2) throw new Error(`bin: envelope.schemaVersion ${screened.envelope?.schemaVersion}, expected 2`);
  console.log("bin ok");
} finally {
  rmSync(work, { recursive: true, force: true });
}
