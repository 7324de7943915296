// Interleaved A/B of two built checkouts on the dev queries: CPU time per `screen()` of each build's
// default screener, both in ONE process, build by build for every query, three passes — the ratio
// between builds on a machine whose speed moves with the hour. A build imported second into a process
// runs 2–5 % slower than the same build imported first (measured: a build against itself, 1.02–1.05× at
// the p50), so the script runs two processes, one per import order, and reports the geometric mean of
// their two ratios, in which that bias cancels. Each checkout must be built (`npm run build`).
//
//   node test/bench/dev-ab.mjs <checkout A> [checkout B, default .]   (SAMPLE=4: every 4th dev query)
//
// e.g. git worktree add /tmp/base <commit> && (cd /tmp/base && npm ci && npm run build), then
// node test/bench/dev-ab.mjs /tmp/base
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// The evaluation set's dev queries, found as test/data-paths.ts finds them (this script runs under plain
// node: tsx would transform the built code it measures).
const REPO = resolve(fileURLToPath(import.meta.url), "../../..");
const devQueriesDir = () => {
  const data = resolve(REPO, process.env.SANCTIONS_DATA_DIR || "../shared/data");
  return join(resolve(REPO, process.env.SANCTIONS_EVAL_DIR || join(data, "../eval")), "dev");
};

const quantile = (values, p) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(p * (sorted.length - 1))];
};

if (process.env.DEV_AB_CHILD === "1") {
  // One process: `first` imported first, then `second`; prints the CPU quantiles per build as JSON.
  const [first, second] = process.argv.slice(2);
  const mk = async (root) => (await import(pathToFileURL(join(root, "dist/lists.js")).href)).createDefaultScreener({ profile: "balanced" });
  const s1 = await mk(first);
  const s2 = await mk(second);
  const dir = devQueriesDir();
  const every = Number(process.env.SAMPLE ?? 4);
  const queries = readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort()
    .flatMap((f) => readFileSync(join(dir, f), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).query))
    .filter((_, i) => i % every === 0);
  const run = (s, q) => {
    try {
      s.screen({ name: q, asOf: "2026-11-22" });
    } catch {
      // A name the library refuses (too long, nothing to compare) costs what it costs.
    }
  };
  for (const q of queries.slice(0, 300)) {
    run(s1, q);
    run(s2, q);
  }
  const t1 = [];
  const t2 = [];
  for (let pass = 0; pass < 3; pass++) {
    for (const q of queries) {
      for (const [s, t] of pass % 2 === 0 ? [[s1, t1], [s2, t2]] : [[s2, t2], [s1, t1]]) {
        const c = process.cpuUsage();
        run(s, q);
        const d = process.cpuUsage(c);
        t.push(d.user + d.system);
      }
    }
  }
  console.log(JSON.stringify({ queries: queries.length, first: { p50: quantile(t1, 0.5), p99: quantile(t1, 0.99) }, second: { p50: quantile(t2, 0.5), p99: quantile(t2, 0.99) } }));
} else {
  const [A, B] = [process.argv[2], process.argv[3] ?? "."].map((p) => (p === undefined ? undefined : resolve(p)));
  if (A === undefined) throw new Error("usage: node test/bench/dev-ab.mjs <checkout A> [checkout B, default .]");
  const self = fileURLToPath(import.meta.url);
  const child = (first, second) => JSON.parse(execFileSync(process.execPath, [self, first, second], { env: { ...process.env, DEV_AB_CHILD: "1" }, encoding: "utf8", maxBuffer: 1 << 24 }).trim().split("\n").pop());
  const ab = child(A, B);
  const ba = child(B, A);
  const p50 = Math.sqrt((ab.second.p50 / ab.first.p50) * (ba.first.p50 / ba.second.p50));
  const p99 = Math.sqrt((ab.second.p99 / ab.first.p99) * (ba.first.p99 / ba.second.p99));
  console.log(`A ${A}\nB ${B}\n${ab.queries} dev queries × 3 passes, CPU µs per screen (p50 / p99)`);
  console.log(`A imported first: A ${ab.first.p50} / ${ab.first.p99}, B ${ab.second.p50} / ${ab.second.p99}`);
  console.log(`B imported first: B ${ba.first.p50} / ${ba.first.p99}, A ${ba.second.p50} / ${ba.second.p99}`);
  console.log(`B/A, the import order's bias cancelled (geometric mean of both orders): p50 ${p50.toFixed(3)}×, p99 ${p99.toFixed(3)}×`);
  console.log(JSON.stringify({ ratioP50: p50, ratioP99: p99, aFirst: ab, bFirst: ba }));
}
