// Typo robustness probe (our own, not an evaluation set): one random edit (a letter doubled,
// dropped, typed in, changed, or two letters swapped) in a random word of four letters or more of
// the primary names of UN-listed persons in ../shared/eval/designations.json, screened at the
// balanced profile; counts the queries whose right record (or an accepted one) alerts (≥ 0.90), or with
// T=0.8 is flagged (alert or review).
//
//   node --import tsx test/eval/typo-probe.mjs            (N=250 names, SEED=7, T=0.9; EVAL_ALG JSON overrides)
import { readFileSync } from "node:fs";
import { createScreener } from "../../src/screen/index.ts";
import { NAMES_V2 } from "../../src/score/index.ts";
import { EVAL_DIR, evalIdOf, toLoadedLists } from "./designations.ts";

const data = JSON.parse(readFileSync(`${EVAL_DIR}/designations.json`, "utf8")).entities;
const alg = process.env.EVAL_ALG ? { ...NAMES_V2, ...JSON.parse(process.env.EVAL_ALG) } : undefined;
const screener = createScreener({ lists: toLoadedLists(data), profile: "balanced", ...(alg ? { algorithm: alg } : {}) });
const AT = Number(process.env.T ?? 0.9);
let seed = Number(process.env.SEED ?? 7);
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const persons = data.filter((e) => e.id.startsWith("UN:") && e.type === "person");
const LETTERS = "QWERTYUIOPASDFGHJKLZXCVBNM";
const ops = {
  doubled: (w, i) => w.slice(0, i + 1) + w[i] + w.slice(i + 1),
  dropped: (w, i) => w.slice(0, i) + w.slice(i + 1),
  swapped: (w, i) => (i + 1 < w.length ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w),
  changed: (w, i) => w.slice(0, i) + LETTERS[Math.floor(rnd() * 26)] + w.slice(i + 1),
  "typed in": (w, i) => w.slice(0, i) + LETTERS[Math.floor(rnd() * 26)] + w.slice(i),
};
const counts = {};
const misses = {};
for (let n = 0; n < Number(process.env.N ?? 250); n++) {
  const e = persons[Math.floor(rnd() * persons.length)];
  const words = e.names[0].split(/\s+/);
  const candidates = words.map((w, k) => [w, k]).filter(([w]) => /^[A-Za-z]{4,}$/.test(w));
  if (candidates.length === 0) continue;
  const [word, k] = candidates[Math.floor(rnd() * candidates.length)];
  for (const [op, edit] of Object.entries(ops)) {
    const at = 1 + Math.floor(rnd() * (word.length - 2));
    const typo = edit(word.toUpperCase(), at);
    if (typo === word.toUpperCase()) continue;
    const query = words.map((x, j) => (j === k ? typo : x)).join(" ");
    const ok = new Set([e.id, ...(e.accept ?? [])]);
    const hit = screener.screen({ name: query, asOf: "2026-01-01" }).hits.some((h) => h.score >= AT && ok.has(evalIdOf({ list: h.list, sourceId: h.recordId })));
    const c = (counts[op] ??= [0, 0]);
    c[1]++;
    if (hit) c[0]++;
    else (misses[op] ??= []).push(`${query} (${e.names[0]})`);
  }
}
for (const [op, [alerted, total]] of Object.entries(counts)) console.log(`${op.padEnd(9)} ${alerted}/${total} ${AT >= 0.9 ? "alerted" : `at ${AT} or above`} (${((100 * alerted) / total).toFixed(1)} %)`);
if (process.env.SHOW) for (const [op, list] of Object.entries(misses)) console.log(`-- ${op}\n  ${list.slice(0, Number(process.env.SHOW)).join("\n  ")}`);
