/**
 * The built package in workerd (Cloudflare's runtime, through miniflare) WITHOUT `nodejs_compat`:
 * no `Buffer`, no `process`, no Node builtin. A Worker bundled from the built root entry
 * (`dist/index.js`) and `sanctions-screen/handler` (`dist/handler.js`) the way wrangler bundles
 * (esbuild, ESM, the workerd/worker/browser conditions) loads official fixture files passed in as
 * bytes (the OFAC legacy CSV set and the UN XML cut of test/fixtures, record floors off: the CSV and XML parsers run inside the isolate),
 * builds a screener and answers screens; every answer must equal the same handler's in Node, byte
 * for byte of JSON. Before issue 8 the root import alone failed there: csv-parse's ESM build
 * evaluates `Buffer.from` on import.
 *
 * Needs `npm run build` (the test reads dist/; `npm test` builds first).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WRANGLER_BUILD } from "../wrangler-build";
import { createScreener, loadList, normalizeName } from "../../src";
import { createScreeningHandler } from "../../src/handler";
import { FIXTURES } from "../shared-data";

const root = resolve(import.meta.dirname, "../..");
const NOW = "2024-03-01T12:00:00Z";
const SOURCES = [
  ["ofac-csv/sdn.csv", "ofac-csv/add.csv", "ofac-csv/alt.csv", "ofac-csv/sdn_comments.csv"],
  ["un-xml/consolidated.small.xml"],
].map((files) => files.map((f) => ({ name: f.split("/").pop() as string, base64: readFileSync(join(FIXTURES, f)).toString("base64") })));

/** The Worker: the built root and handler, a screener over the lists given as bytes in `env.SOURCES`. */
const WORKER = `
import { createScreener, loadList, normalizeName } from ${JSON.stringify(join(root, "dist/index.js"))};
import { createScreeningHandler } from ${JSON.stringify(join(root, "dist/handler.js"))};
const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
let handler;
export default {
  async fetch(request, env) {
    if (new URL(request.url).pathname === "/runtime") {
      return Response.json({ buffer: typeof Buffer, process: typeof process, normalized: normalizeName("Łukasz Müller").compare });
    }
    handler ??= createScreeningHandler({
      screener: createScreener({ lists: env.SOURCES.map((files) => loadList(files.map((f) => ({ name: f.name, data: bytes(f.base64) })), { minRecordCount: 1 })), today: "2024-03-01" }),
      now: () => new Date(${JSON.stringify(NOW)}),
    });
    return handler(request);
  },
};
`;

const REQUESTS: readonly { path: string; body?: unknown }[] = [
  { path: "/screen", body: { name: "Army Supply Bureau" } },
  { path: "/screen", body: { name: "Belvneshpromservis", asOf: "2011-06-01", country: "BY" } },
  { path: "/screen", body: { name: "Eric Badege", type: "person" } },
  { path: "/screen", body: { name: "Nordic Timber Exports AB" } },
  { path: "/screen", body: { name: "" } },
  { path: "/screen/batch", body: { subjects: [{ name: "MAZ" }, { name: "Lukashenko" }] } },
  { path: "/lists" },
  { path: "/health" },
];

const toRequest = (r: (typeof REQUESTS)[number]): Request =>
  new Request(`https://worker.test${r.path}`, r.body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(r.body) });

const distBuilt = existsSync(join(root, "dist/index.js")) && existsSync(join(root, "dist/handler.js"));
if (!distBuilt) console.warn("SKIPPED: workerd test: dist/ is missing (run `npm run build`)");

describe.skipIf(!distBuilt)("the built root and handler inside workerd without nodejs_compat", () => {
  let dir: string;
  let mf: Miniflare;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "sanctions-screen-workerd-"));
    const outfile = join(dir, "worker.js");
    // Wrangler's settings for a module Worker (no Node platform: a Node builtin fails the build).
    await build({
      stdin: { contents: WORKER, resolveDir: root, loader: "js" },
      outfile,
      ...WRANGLER_BUILD,
      logLevel: "silent",
      // Resolve as a consumer of the package does: not through this repository's tsconfig `paths`.
      tsconfigRaw: "{}",
    });
    mf = new Miniflare({
      modules: true,
      script: readFileSync(outfile, "utf8"),
      // No compatibility flags: nodejs_compat is off, as for a Worker that never asked for it.
      compatibilityDate: "2025-09-01",
      bindings: { SOURCES },
    });
    await mf.ready;
  }, 120_000);

  afterAll(async () => {
    await mf?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("runs with no Buffer and no process", async () => {
    const res = await mf.dispatchFetch("https://worker.test/runtime");
    expect(await res.json()).toEqual({ buffer: "undefined", process: "undefined", normalized: normalizeName("Łukasz Müller").compare });
  });

  it("answers every request as the handler does in Node", async () => {
    const lists = SOURCES.map((files) => loadList(files.map((f) => ({ name: f.name, data: new Uint8Array(Buffer.from(f.base64, "base64")) })), { minRecordCount: 1 }));
    const node = createScreeningHandler({ screener: createScreener({ lists, today: "2024-03-01" }), now: () => new Date(NOW) });
    const outcomes: string[] = [];
    for (const r of REQUESTS) {
      const want = await node(toRequest(r));
      const got = await mf.dispatchFetch(`https://worker.test${r.path}`, r.body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(r.body) });
      const wantText = await want.text();
      expect({ path: r.path, status: got.status, body: await got.text() }).toEqual({ path: r.path, status: want.status, body: wantText });
      if (r.path === "/screen" && want.status === 200) outcomes.push((JSON.parse(wantText) as { outcome: string }).outcome);
    }
    // The answers compared are real screens, not only errors.
    expect(outcomes).toContain("alert");
    expect(outcomes.filter((o) => o === "clear" || o === "stale-clear")).toHaveLength(1);
  }, 60_000);
});
