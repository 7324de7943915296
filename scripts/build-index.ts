/**
 * Part of `npm run build`: writes the binary record snapshot of the embedded default lists to
 * `lists/compiled/records.bin` (from the compiled JSON snapshots, src/embedded/record-snapshot.ts)
 * and their prebuilt name index to `lists/compiled/name-index.bin`, both shipped in the package so
 * a cold start loads them instead of parsing JSON and building the index. Not committed: they are
 * derived from the compiled lists, the library version and the matching algorithm.
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { compiledLists } from "../src/embedded/compiled-data-node";
import { createDefaultScreener, type CompiledList } from "../src/embedded";
import { writeRecordSnapshot } from "../src/embedded/record-snapshot";

const root = resolve(import.meta.dirname, "..");
let started = performance.now();
const records = writeRecordSnapshot(compiledLists() as CompiledList[]);
writeFileSync(join(root, "lists/compiled/records.bin"), records);
console.log(`records.bin: ${(records.length / 1e6).toFixed(1)} MB in ${Math.round(performance.now() - started)} ms`);
started = performance.now();
const index = createDefaultScreener().exportIndex();
writeFileSync(join(root, "lists/compiled/name-index.bin"), index);
console.log(`name-index.bin: ${(index.length / 1e6).toFixed(1)} MB in ${Math.round(performance.now() - started)} ms`);
