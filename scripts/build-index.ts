/**
 * Part of `npm run build`: writes the prebuilt name index of the embedded default lists to
 * `lists/compiled/name-index.bin`, shipped in the package so a cold start loads it instead of
 * building it. Not committed: it is derived from the compiled lists and the matching algorithm.
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createDefaultScreener } from "../src/embedded";

const root = resolve(import.meta.dirname, "..");
const started = performance.now();
const index = createDefaultScreener().exportIndex();
writeFileSync(join(root, "lists/compiled/name-index.bin"), index);
console.log(`name-index.bin: ${(index.length / 1e6).toFixed(1)} MB in ${Math.round(performance.now() - started)} ms`);
