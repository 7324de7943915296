// Lossless check on the dev set: for a deterministic sample of dev queries of every kind, the
// indexed search must return exactly what a brute-force scan of all ~50k indexed names returns
// (same records, same best names, same scores), at the ranking floor used by the eval adapter
// (0.3) and at the balanced review threshold (0.8).
//
//   node --import tsx test/eval/lossless-check.mjs [--every 9]   (every 9th query: 1,088 queries)
//
// The scan (`scanNames`) compares every unit of every indexed name with the scorer's predicate and
// uses none of the index's keys; split readings of glued query words are the same for both.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { buildNameIndex, scanNames, searchNames } from "../../src/candidates/index.ts";
import { normalizeName } from "../../src/normalize/index.ts";
import { EVAL_DIR, evalLists } from "./designations.ts";

const i = process.argv.indexOf("--every");
const every = i > 0 ? Number(process.argv[i + 1]) : 9;
const queries = readdirSync(join(EVAL_DIR, "dev"))
  .filter((f) => f.endsWith(".jsonl") && !f.includes("pairs"))
  .sort()
  .flatMap((f) => readFileSync(join(EVAL_DIR, "dev", f), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).query))
  .filter((_, k) => k % every === 0);
const index = buildNameIndex(evalLists().flatMap((l) => l.records));
const result = { queries: queries.length, floors: {} };
for (const minScore of [0.3, 0.8]) {
  let same = 0;
  let matches = 0;
  const differ = [];
  for (const q of queries) {
    const n = normalizeName(q);
    const a = searchNames(index, n, { minScore });
    const b = scanNames(index, n, { minScore });
    matches += b.length;
    if (JSON.stringify(a) === JSON.stringify(b)) same++;
    else differ.push(q);
  }
  result.floors[minScore] = { identical: same, differing: differ.length, recordsFoundByScan: matches, examples: differ.slice(0, 5) };
  console.log(`minScore ${minScore}: ${same}/${queries.length} identical (${matches} records found by the scan)`);
}
console.log(JSON.stringify(result));
