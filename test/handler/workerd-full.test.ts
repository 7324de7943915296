/**
 * All seven embedded lists inside workerd (miniflare, no `nodejs_compat`), the way a Worker would
 * deploy them: the built `sanctions-screen/lists` and `sanctions-screen/handler` bundled as wrangler
 * does, the shipped list-set snapshot (`lists/compiled/snapshot.bin`: records and name index in one file)
 * as Data modules, `createSnapshotScreener` on the first request. The bundle must hold none of the
 * JSON snapshots, every answer must equal Node's `createDefaultScreener()` answer, and the isolate's
 * JS heap after the first request (read through workerd's inspector, `Runtime.getHeapUsage`) must stay
 * well under the 128 MB isolate limit. Prints the first request's time and the heap.
 *
 * Needs `npm run build` (dist/ and snapshot.bin; `npm test` builds first).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { WebSocket } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WRANGLER_BUILD } from "../wrangler-build";
import { createDefaultScreener } from "../../src/embedded";
import { createScreeningHandler } from "../../src/handler";

const root = resolve(import.meta.dirname, "../..");
const NOW = "2024-03-01T12:00:00Z";
const FILES = ["dist/lists.js", "dist/handler.js", "lists/compiled/snapshot.bin"];

const WORKER = `
import { createSnapshotScreener } from ${JSON.stringify(join(root, "dist/lists.js"))};
import { createScreeningHandler } from ${JSON.stringify(join(root, "dist/handler.js"))};
import snapshot from "./snapshot.bin";
let handler;
export default {
  async fetch(request) {
    handler ??= createScreeningHandler({
      screener: createSnapshotScreener({ snapshot: new Uint8Array(snapshot) }),
      now: () => new Date(${JSON.stringify(NOW)}),
    });
    return handler(request);
  },
};
`;

const REQUESTS: readonly { path: string; body?: unknown }[] = [
  { path: "/screen", body: { name: "Army Supply Bureau", asOf: "2018-06-01" } },
  { path: "/screen", body: { name: "Belvneshpromservis", asOf: "2011-06-01", country: "BY" } },
  { path: "/screen", body: { name: "Белвнешпромсервис" } },
  { path: "/screen", body: { name: "Nordic Timber Exports AB" } },
  { path: "/screen/batch", body: { subjects: [{ name: "KAMAZ" }, { name: "Lukashenko", type: "person" }] } },
  { path: "/lists" },
];

const init = (r: (typeof REQUESTS)[number]): { method?: string; headers?: Record<string, string>; body?: string } =>
  r.body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(r.body) };

const built = FILES.every((f) => existsSync(join(root, f)));
if (!built) console.warn(`SKIPPED: workerd full-lists test: ${FILES.filter((f) => !existsSync(join(root, f))).join(", ")} missing (run \`npm run build\`)`);

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => done(port));
    });
  });
}

/** `Runtime.getHeapUsage` of the Worker's isolate, through workerd's inspector. */
async function heapUsage(port: number): Promise<{ usedSize: number; totalSize: number }> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const ws = new WebSocket(targets[0]?.webSocketDebuggerUrl ?? "");
  await new Promise((ok, fail) => ((ws.onopen = ok), (ws.onerror = fail)));
  try {
    return await new Promise((ok) => {
      ws.onmessage = (event) => {
        const message = JSON.parse(String(event.data)) as { id?: number; result?: { usedSize: number; totalSize: number } };
        if (message.id === 1 && message.result) ok(message.result);
      };
      ws.send(JSON.stringify({ id: 1, method: "Runtime.getHeapUsage" }));
    });
  } finally {
    ws.close();
  }
}

describe.skipIf(!built)("all embedded lists inside workerd from the record snapshot", () => {
  let dir: string;
  let mf: Miniflare;
  let port: number;
  let bundleBytes: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "sanctions-screen-workerd-full-"));
    const result = await build({
      stdin: { contents: WORKER, resolveDir: root, loader: "js" },
      outfile: join(dir, "worker.js"),
      ...WRANGLER_BUILD,
      external: ["./snapshot.bin"],
      metafile: true,
      logLevel: "silent",
      // Resolve as a consumer of the package does: not through this repository's tsconfig `paths`.
      tsconfigRaw: "{}",
    });
    const [output] = Object.values(result.metafile.outputs);
    expect(Object.entries(output?.inputs ?? {}).filter(([f, v]) => f.includes("lists/compiled/") && v.bytesInOutput > 0)).toEqual([]);
    const script = readFileSync(join(dir, "worker.js"), "utf8");
    bundleBytes = Buffer.byteLength(script);
    writeFileSync(join(dir, "snapshot.bin"), readFileSync(join(root, "lists/compiled/snapshot.bin")));
    port = await freePort();
    mf = new Miniflare({
      modules: [
        { type: "ESModule", path: join(dir, "worker.js"), contents: script },
        { type: "Data", path: join(dir, "snapshot.bin") },
      ],
      modulesRoot: dir,
      compatibilityDate: "2025-09-01",
      inspectorPort: port,
    });
    await mf.ready;
  }, 120_000);

  afterAll(async () => {
    await mf?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("bundles no JSON snapshot: the code alone is small", () => {
    expect(bundleBytes).toBeLessThan(2_000_000);
  });

  it("answers as createDefaultScreener in Node, within the isolate's memory", async () => {
    const node = createScreeningHandler({ screener: createDefaultScreener(), now: () => new Date(NOW) });
    const started = performance.now();
    const first = await mf.dispatchFetch(`https://worker.test${REQUESTS[0]?.path}`, init(REQUESTS[0] as (typeof REQUESTS)[number]));
    const firstText = await first.text();
    const firstMs = performance.now() - started;
    const heap = await heapUsage(port);
    console.log(`workerd, all 7 lists from snapshot.bin: first request ${Math.round(firstMs)} ms wall (screener created in it), JS heap ${(heap.usedSize / 1e6).toFixed(1)} MB used of ${(heap.totalSize / 1e6).toFixed(1)} MB; bundle ${(bundleBytes / 1e6).toFixed(2)} MB`);
    expect(JSON.parse(firstText)).toMatchObject({ outcome: "alert" });
    expect(firstText).toBe(await (await node(new Request(`https://worker.test${REQUESTS[0]?.path}`, init(REQUESTS[0] as (typeof REQUESTS)[number])))).text());
    for (const r of REQUESTS.slice(1)) {
      const got = await mf.dispatchFetch(`https://worker.test${r.path}`, init(r));
      const want = await node(new Request(`https://worker.test${r.path}`, init(r)));
      expect({ path: r.path, status: got.status, body: await got.text() }).toEqual({ path: r.path, status: want.status, body: await want.text() });
    }
    // The two files are ArrayBuffers outside the JS heap; the heap holds the decoded index and records.
    expect(heap.usedSize).toBeLessThan(100_000_000);
  }, 120_000);
});
