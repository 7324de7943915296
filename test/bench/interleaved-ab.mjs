// Interleaved A/B of two built checkouts (issue 9): heavy inputs screened by each build's default
// screener in ONE process, alternating build by build, best wall time of REPS (default 11). On a shared
// machine a fresh process's timings move up to 2x with the hour; alternating in one process gives the
// ratio between builds. Each checkout must be built (`npm run build`: dist/ and the snapshot).
//
//   node test/bench/interleaved-ab.mjs <checkout A> [checkout B, default .]   (PROFILE=broad, REPS=21)
//
// e.g. git worktree add /tmp/base <commit> && (cd /tmp/base && npm ci && npm run build), then
// node test/bench/interleaved-ab.mjs /tmp/base
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
const [A, B] = [process.argv[2], process.argv[3] ?? "."].map((p) => (p === undefined ? undefined : resolve(p)));
if (A === undefined) throw new Error("usage: node test/bench/interleaved-ab.mjs <checkout A> [checkout B, default .]");
const mk = async (root) => { const { createDefaultScreener } = await import(pathToFileURL(join(root, "dist/lists.js")).href); return createDefaultScreener({ profile: process.env.PROFILE ?? "balanced" }); };
const sa = await mk(A), sb = await mk(B);
const COMMON = ["MOHAMMED", "AL", "ALI", "ABD", "ALLAH", "HASSAN", "A", "K", "M", "S"];
let seed = 11; const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const draw = (n) => Array.from({ length: n }, () => COMMON[Math.floor(rnd() * COMMON.length)]).join(" ");
const AR = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
const qs = [
  ["costliest dev", "حامد عبد الله أحمد العلي"], ["عبد الله", "عبد الله"], ["dev 3", "عبد الله حماد ﻤﺤﻤﺪ ﻛﺮﻴﻡ"], ["MOHAMMED", "MOHAMMED"], ["M&T Bank", "M&T Bank"],
  ["Army Supply Bureau", "Army Supply Bureau"], ["Minsk Automobile Plant", "Minsk Automobile Plant"],
  ["16 words a", draw(16)], ["16 words b", draw(16)], ["16 words c", draw(16)], ["8 repeated", "ALLAH ALI A MOHAMMED M AL M MOHAMMED"],
  ["60 common", Array.from({ length: 60 }, (_, i) => COMMON[i % 10]).join(" ")], ["64 Arabic letters", Array.from({ length: 64 }, (_, i) => AR[i % AR.length]).join(" ")],
];
const inputs = [["name", {}], ["1970+IR", { dateOfBirth: "1970", country: "IR" }], ["SY", { country: "SY" }]];
const run = (s, q, extra) => s.screen({ name: q, asOf: "2026-11-22", ...extra });
for (const [, q] of qs) for (const [, x] of inputs) for (let i = 0; i < 3; i++) { run(sa, q, x); run(sb, q, x); }
const now = () => process.hrtime.bigint();
console.log("input".padEnd(24), "with".padEnd(8), "A min ms", "B min ms", "B/A", "outcomes A/B");
let la = 0, lb = 0;
for (const [label, q] of qs) for (const [il, x] of inputs) {
  let ma = Infinity, mb = Infinity, oa = "", ob = "";
  for (let p = 0; p < +(process.env.REPS ?? 11); p++) for (const [s, w] of p % 2 ? [[sa, "a"], [sb, "b"]] : [[sb, "b"], [sa, "a"]]) { const c = now(); const r = run(s, q, x); const d = Number(now() - c) / 1e6; if (w === "a") { ma = Math.min(ma, d); oa = r.outcome; } else { mb = Math.min(mb, d); ob = r.outcome; } }
  la += Math.log(ma); lb += Math.log(mb);
  console.log(label.padEnd(24), il.padEnd(8), ma.toFixed(2).padStart(8), mb.toFixed(2).padStart(8), (mb / ma).toFixed(3), oa, ob);
}
console.log("geo-mean B/A", Math.exp((lb - la) / (qs.length * inputs.length)).toFixed(3));
