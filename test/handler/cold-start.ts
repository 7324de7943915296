/**
 * Cold start of the handler on Node: fresh processes each import the handler bundle (the same
 * esbuild bundle the Chromium test runs: handler + embedded lists), load the screener from the
 * prebuilt name index, and answer one `POST /screen`. Medians of several runs in the same session,
 * written to `test/handler/RESULTS.md`. For comparison, a few runs build the index at start instead.
 *
 * Usage: `npx tsx test/handler/cold-start.ts [runs]` (default 7).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { bundleWorker } from "../../scripts/bundle-worker";
import { createDefaultScreener } from "../../src/embedded";

interface Run {
  boot: number;
  import: number;
  screener: number;
  firstResponse: number;
  total: number;
  warmResponse: number;
  rssMB: number;
  heapMB: number;
}

const root = resolve(import.meta.dirname, "../..");
const runs = Number(process.argv[2] ?? 7);
const dir = mkdtempSync(join(tmpdir(), "sanctions-screen-cold-start-"));
const loadBefore = loadavg()[0] ?? 0;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function measure(bundle: string, index: string, n: number): Run[] {
  const out: Run[] = [];
  for (let i = 0; i < n; i++) {
    const line = execFileSync(process.execPath, [join(root, "test/handler/cold-start-child.mjs"), bundle, index], { encoding: "utf8" }).trim();
    out.push(JSON.parse(line) as Run);
  }
  return out;
}

try {
  const bundle = await bundleWorker({ outfile: join(dir, "screening-worker.js") });
  // The list-set snapshot as `npm run build` ships it (its name index is used), when it fits the
  // current lists; else a bare index made here.
  let indexPath = join(root, "lists/compiled/snapshot.bin");
  let indexNote = "the name index in lists/compiled/snapshot.bin from `npm run build`";
  try {
    createDefaultScreener({ index: new Uint8Array(readFileSync(indexPath)) });
  } catch {
    indexPath = join(dir, "name-index.bin");
    writeFileSync(indexPath, createDefaultScreener().exportIndex());
    indexNote = "exported by `screener.exportIndex()` in this run (the checkout's prebuilt file was stale or missing)";
  }
  const indexBytes = readFileSync(indexPath).length;

  const withIndex = measure(bundle.outfile, indexPath, runs);
  const withoutIndex = measure(bundle.outfile, "none", Math.max(3, Math.ceil(runs / 2)));

  const row = (label: string, rs: Run[]): string => {
    const f = (k: keyof Run, digits = 0): string => median(rs.map((r) => r[k])).toFixed(digits);
    return `| ${label} | ${rs.length} | ${f("boot")} | ${f("import")} | ${f("screener")} | ${f("firstResponse", 1)} | **${f("total")}** | ${f("warmResponse", 1)} | ${f("heapMB")} | ${f("rssMB")} |`;
  };
  const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  const text = `# Handler cold start (Node)

Measured by \`npx tsx test/handler/cold-start.ts ${runs}\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version},
${cpus().length} × ${cpu}, a machine shared with other jobs: load average ${loadBefore.toFixed(1)} before and
${(loadavg()[0] ?? 0).toFixed(1)} after the runs (on an idle machine expect markedly lower times). Each run is a fresh
\`node\` process (\`test/handler/cold-start-child.mjs\`) that imports the handler bundle, creates the screener over the
embedded default lists (7 lists, 21k records), and answers one \`POST /screen\` ("Belvneshpromservis" → alert).
Times are medians in milliseconds.

- Bundle: \`scripts/bundle-worker.ts\` (esbuild, browser/worker target, minified): ${mb(bundle.bytes)}, ${mb(bundle.gzipBytes)} gzipped,
  the embedded lists included. The same file is loaded by the Chromium isolate test.
- Prebuilt name index: ${mb(indexBytes)} (${indexNote}).

| start | runs | Node boot | import bundle | create screener | first response | **process start → first response** | next response | JS heap MB | RSS MB |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${row("prebuilt index", withIndex)}
${row("index built at start", withoutIndex)}

Where the time goes with the prebuilt index: importing the bundle parses the embedded lists' JSON (most of the
import), creating the screener expands the compact records and maps the index bytes (zero-copy typed arrays),
and the first response is one screen plus JSON serialisation. Building the index at start instead costs the
difference between the two rows on every cold start, which is why the package ships the index.
`;
  writeFileSync(join(root, "test/handler/RESULTS.md"), text);
  console.log(text);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
