// Per-query score dump on the dev set, for calibration: builds the indexes the way the shared
// harness does (one full build, one per hidden kind, the pairs index), ranks every query with the
// adapter, and writes one line per query: kind, tier, expected ids, the best score of an accepted
// record, its rank, and the best score of any other record. `summarize-scores.mjs` reads it and
// reports flagged shares and alert precision at any thresholds, without rebuilding.
//
//   node --import tsx test/eval/dump-scores.mjs [--out /tmp/scores.jsonl] [--limit N]
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as adapter from "./adapter.mjs";
import { EVAL_DIR } from "./designations.ts";

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const out = arg("--out", "/tmp/scores.jsonl");
const limit = Number(arg("--limit", "0"));
const dir = join(EVAL_DIR, "dev");
let queries = readdirSync(dir)
  .filter((f) => f.endsWith(".jsonl"))
  .sort()
  .flatMap((f) => readFileSync(join(dir, f), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)));
if (limit > 0) {
  const byKind = new Map();
  for (const q of queries) byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), q]);
  const h = (q) => createHash("sha256").update(`limit|${q.kind}|${q.query}|${q.expect}`).digest("hex");
  queries = [...byKind.values()].flatMap((qs) => qs.sort((a, b) => (h(a) < h(b) ? -1 : 1)).slice(0, limit));
}
const load = (file) => JSON.parse(readFileSync(join(EVAL_DIR, file), "utf8")).entities;
const main = load("designations.json");

function applyHides(entities, hides) {
  const dropIds = new Set();
  const dropNames = new Map();
  for (const h of hides) {
    for (const id of h.ids ?? []) dropIds.add(id);
    for (const [id, names] of Object.entries(h.names ?? {})) {
      if (!dropNames.has(id)) dropNames.set(id, new Set());
      for (const n of names) dropNames.get(id).add(n);
    }
  }
  const res = [];
  for (const e of entities) {
    if (dropIds.has(e.id)) continue;
    const dn = dropNames.get(e.id);
    if (!dn) {
      res.push(e);
      continue;
    }
    const names = (e.names ?? []).filter((n) => !dn.has(n));
    const weakNames = (e.weakNames ?? []).filter((n) => !dn.has(n));
    if (names.length === 0 && weakNames.length === 0) continue;
    res.push({ ...e, names, weakNames });
  }
  return res;
}

const groups = new Map();
for (const q of queries) {
  const idx = q.index ?? "main";
  const hidden = q.hide && ((q.hide.ids && q.hide.ids.length) || (q.hide.names && Object.keys(q.hide.names).length));
  const key = hidden ? `${idx}|hidden:${q.kind}` : `${idx}|full`;
  if (!groups.has(key)) groups.set(key, { index: idx, hidden: !!hidden, queries: [] });
  groups.get(key).queries.push(q);
}
const lines = [];
const t0 = performance.now();
for (const [key, g] of groups) {
  const base = g.index === "main" ? main : load(`designations-${g.index}.json`);
  const ents = g.hidden ? applyHides(base, g.queries.map((q) => q.hide)) : base;
  const built = await adapter.build(ents);
  for (const q of g.queries) {
    const res = await built.search(q.query);
    const ok = new Set([q.expect, ...(q.accept ?? [])].filter((x) => x != null));
    let rank = null;
    let best = 0;
    let other = 0;
    let otherId = null;
    res.forEach((h, r) => {
      if (ok.has(h.id)) {
        if (rank === null) rank = r + 1;
        best = Math.max(best, h.score);
      } else if (h.score > other) {
        other = h.score;
        otherId = h.id;
      }
    });
    lines.push(JSON.stringify({ kind: q.kind, tier: q.tier, query: q.query, expect: q.expect, rank, best, other, otherId }));
  }
  process.stderr.write(`${key}: ${g.queries.length} queries, ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
writeFileSync(out, lines.join("\n") + "\n");
console.log(`${lines.length} queries → ${out}`);
