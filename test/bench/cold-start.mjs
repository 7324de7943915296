/**
 * Cold start of the built package (`npm run build` first): fresh Node processes, each importing the
 * built entry through the package's own name (`sanctions-screen/lists`, as an installed user would),
 * creating `createDefaultScreener()` over the embedded default lists and answering one `screen()`.
 * Each child reports, right after its first answer, its CPU time since process start
 * (`process.cpuUsage()`, user + system: stable on a machine shared with other jobs, unlike wall time),
 * `heapUsed` and RSS. The same measure taken by an empty child (`node -e` printing `cpuUsage()` and
 * memory at once) is subtracted for "beyond empty node". Medians of N runs per scenario.
 *
 * Usage: `node test/bench/cold-start.mjs [runs=7] [--json] [--against <dir>]`
 * `--against` measures a second built checkout too (e.g. `git archive <commit>` unpacked, with
 * `node_modules` linked and `npm run build` run there), interleaved run by run with this one, so that a
 * before/after comparison sees the same load on a shared machine.
 * Scenarios: `default` (import + createDefaultScreener + first screen), `root-import` (import
 * `sanctions-screen` only), `handler-import` (import `sanctions-screen/handler` only).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");
const args = process.argv.slice(2);
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 7);
const asJson = args.includes("--json");
const againstAt = args.indexOf("--against");
const roots = againstAt >= 0 ? { this: root, against: resolve(args[againstAt + 1] ?? "") } : { this: root };
for (const dir of Object.values(roots)) if (!existsSync(resolve(dir, "dist/lists.js"))) throw new Error(`${dir}: dist/ is missing: run \`npm run build\` first`);

/** Prints one JSON line: CPU ms since process start, then memory (heap after a forced GC too). */
const REPORT = `
const c = process.cpuUsage(); const m = process.memoryUsage(); globalThis.gc?.(); const g = process.memoryUsage();
console.log(JSON.stringify({ cpu: (c.user + c.system) / 1000, wall: performance.now(), heapMB: m.heapUsed / 1e6, rssMB: m.rss / 1e6, heapAfterGcMB: g.heapUsed / 1e6, externalMB: g.external / 1e6 }));
`;

const SCENARIOS = {
  empty: `${REPORT}`,
  "root-import": `await import("sanctions-screen");${REPORT}`,
  "handler-import": `await import("sanctions-screen/handler");${REPORT}`,
  default: `
const { createDefaultScreener } = await import("sanctions-screen/lists");
const result = createDefaultScreener().screen({ name: "Army Supply Bureau", asOf: "2024-01-01" });
if (result.outcome !== "alert") throw new Error("unexpected first answer " + result.outcome);
${REPORT}`,
};

function runChild(code, cwd) {
  // cwd = the package root, so `sanctions-screen` resolves to that package's built dist (self-reference).
  const line = execFileSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", code], { cwd, encoding: "utf8" }).trim().split("\n").at(-1);
  return JSON.parse(line);
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const load0 = loadavg()[0];
const samples = {};
// Interleaved, so that a burst of load on the shared machine touches every scenario (and checkout) alike.
for (let i = 0; i < runs; i++) {
  for (const [name, code] of Object.entries(SCENARIOS)) for (const [which, dir] of Object.entries(roots)) (samples[`${which}\0${name}`] ??= []).push(runChild(code, dir));
}
const med = Object.fromEntries(Object.entries(samples).map(([key, rs]) => [key, Object.fromEntries(Object.keys(rs[0]).map((k) => [k, median(rs.map((r) => r[k]))]))]));
// The fastest run's CPU too: the least disturbed by other jobs, a proxy for a quiet machine.
const fastest = Object.fromEntries(Object.entries(samples).map(([key, rs]) => [key, Math.min(...rs.map((r) => r.cpu))]));
const context = { node: process.version, cpu: `${cpus().length} × ${cpus()[0]?.model.trim()}`, runs, loadBefore: load0, loadAfter: loadavg()[0], roots };
const tables = Object.fromEntries(
  Object.keys(roots).map((which) => {
    const empty = med[`${which}\0empty`];
    const rows = Object.entries(med)
      .filter(([key]) => key.startsWith(`${which}\0`) && !key.endsWith("\0empty"))
      .map(([key, m]) => ({ scenario: key.split("\0")[1], cpuBeyondEmptyMs: m.cpu - empty.cpu, fastestCpuBeyondEmptyMs: fastest[key] - fastest[`${which}\0empty`], wallBeyondEmptyMs: m.wall - empty.wall, heapMB: m.heapMB, heapAfterGcMB: m.heapAfterGcMB, rssMB: m.rssMB, externalMB: m.externalMB }));
    return [which, { empty, rows }];
  }),
);

if (asJson) console.log(JSON.stringify({ context, tables }, null, 2));
else {
  console.log(`cold start, median of ${runs} fresh processes (Node ${process.version}, ${context.cpu}, load ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)})`);
  for (const [which, { empty, rows }] of Object.entries(tables)) {
    console.log(`\n${which}: ${roots[which]}`);
    console.log(`empty node: ${empty.cpu.toFixed(0)} ms CPU, heap ${empty.heapMB.toFixed(1)} MB, RSS ${empty.rssMB.toFixed(0)} MB`);
    console.log("| scenario | CPU beyond empty node ms | fastest run's CPU beyond fastest empty ms | wall beyond empty ms | heapUsed MB | heap after GC MB | RSS MB | external MB |");
    console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for (const r of rows) {
      console.log(`| ${r.scenario} | ${r.cpuBeyondEmptyMs.toFixed(0)} | ${r.fastestCpuBeyondEmptyMs.toFixed(0)} | ${r.wallBeyondEmptyMs.toFixed(0)} | ${r.heapMB.toFixed(1)} | ${r.heapAfterGcMB.toFixed(1)} | ${r.rssMB.toFixed(0)} | ${r.externalMB.toFixed(1)} |`);
    }
  }
}
