// Packs the package exactly as npm would publish it, installs the tarball into a scratch project and
// imports it from both ESM and CJS — proof that the `exports` map, the dual build and the bin work.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "sanctions-screen-pack-"));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
try {
  run("npm", ["pack", "--pack-destination", work, "--silent"], root);
  const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"));
  if (!tarball) throw new Error("npm pack wrote no tarball");
  writeFileSync(join(work, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  // --prefer-offline: the cache that `npm ci` filled holds tarballs, not always the registry metadata
  // a consumer install asks for; the registry is reachable, so a cache miss is fetched, not fatal.
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts", join(work, tarball)], work);

  writeFileSync(
    join(work, "esm.mjs"),
    `import * as lib from "sanctions-screen";
import { runCli } from "sanctions-screen/cli";
import { loadEmbeddedLists } from "sanctions-screen/lists";
import { createScreeningHandler } from "sanctions-screen/handler";
if (typeof createScreeningHandler !== "function") throw new Error("ESM: createScreeningHandler missing");
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
const { loadEmbeddedLists } = require("sanctions-screen/lists");
const { createScreeningHandler } = require("sanctions-screen/handler");
if (typeof createScreeningHandler !== "function") throw new Error("CJS: createScreeningHandler missing");
if (loadEmbeddedLists({ lists: ["curated"] })[0].records.length < 1) throw new Error("CJS: embedded curated list missing");
if (typeof lib.loadList !== "function") throw new Error("CJS: loadList missing");
if (typeof runCli !== "function") throw new Error("CJS: runCli missing");
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
  console.log("bin ok");
} finally {
  rmSync(work, { recursive: true, force: true });
}
