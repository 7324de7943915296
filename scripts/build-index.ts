/**
 * Part of `npm run build`: writes the list-set snapshot of the embedded default lists to
 * `lists/compiled/snapshot.bin` (src/embedded/record-snapshot.ts: records, identifier index and the
 * prebuilt name index in one file, from the compiled JSON snapshots), shipped in the package so a
 * cold start loads it instead of parsing JSON and building the index. Not committed: it is derived
 * from the compiled lists, the library version and the matching algorithm. The file is reopened
 * with its sha256 checked before the build ends; the two files that held the same data before
 * issue 8 (`records.bin`, `name-index.bin`) are removed when a checkout still has them.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildNameIndex } from "../src/candidates";
import { compiledLists } from "../src/embedded/compiled-data-node";
import { expandCompiledList, type CompiledList } from "../src/embedded";
import { openRecordSnapshot, writeSnapshot } from "../src/embedded/record-snapshot";

const root = resolve(import.meta.dirname, "..");
const started = performance.now();
const compiled = compiledLists() as CompiledList[];
const index = buildNameIndex(compiled.map(expandCompiledList).flatMap((l) => l.records));
const snapshot = writeSnapshot(compiled, index);
openRecordSnapshot(snapshot, { verifySha256: true });
writeFileSync(join(root, "lists/compiled/snapshot.bin"), snapshot);
for (const old of ["records.bin", "name-index.bin"]) rmSync(join(root, "lists/compiled", old), { force: true });
console.log(`snapshot.bin: ${(snapshot.length / 1e6).toFixed(1)} MB in ${Math.round(performance.now() - started)} ms`);
