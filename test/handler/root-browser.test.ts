/**
 * The root entry (`sanctions-screen`: list loaders, screener) in a browser: bundled from source for
 * the browser target (no Node builtin allowed, see scripts/bundle-worker.ts), imported by headless
 * Chromium, where it loads the OFAC legacy CSV and UN XML fixtures from bytes and screens against
 * them; the records and the screen must equal Node's. Before issue 8 the import itself failed
 * outside Node: csv-parse's ESM build evaluates `Buffer.from` on import.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleWorker } from "../../scripts/bundle-worker";
import { createScreener, loadList } from "../../src";
import { FIXTURES } from "../shared-data";
import { launchChromium, serveLocal, skipChromium, staticFiles, type LaunchedBrowser, type LocalServer } from "./chromium";

const root = resolve(import.meta.dirname, "../..");
const SETS = [
  ["ofac-csv/sdn.csv", "ofac-csv/add.csv", "ofac-csv/alt.csv", "ofac-csv/sdn_comments.csv"],
  ["un-xml/consolidated.small.xml"],
].map((files) => files.map((f) => ({ name: f.split("/").pop() as string, base64: readFileSync(join(FIXTURES, f)).toString("base64") })));
const QUERY = { name: "Belvneshpromservis", asOf: "2024-01-01" };

describe.skipIf(skipChromium)("the root entry inside headless Chromium", () => {
  let dir: string;
  let site: LocalServer;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "sanctions-screen-root-browser-"));
    const entry = join(dir, "root-entry.ts");
    writeFileSync(entry, `export { createScreener, loadList } from ${JSON.stringify(join(root, "src/index.ts"))};\n`);
    const bundle = await bundleWorker({ entry, outfile: join(dir, "root.js") });
    site = await serveLocal(
      staticFiles({
        "/": { type: "text/html; charset=utf-8", body: "<!doctype html><title>root</title><p>root entry test</p>" },
        "/root.js": { type: "text/javascript; charset=utf-8", body: readFileSync(bundle.outfile) },
      }),
    );
    browser = await launchChromium();
    await browser.page.goto(`${site.url}/`);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("loads CSV and XML lists from bytes and screens exactly as Node does", async () => {
    const options = { minRecordCount: 1 };
    const nodeLists = SETS.map((files) => loadList(files.map((f) => ({ name: f.name, data: new Uint8Array(Buffer.from(f.base64, "base64")) })), options));
    const nodeResult = createScreener({ lists: nodeLists }).screen(QUERY);
    // A string, not a function: the test runner rewrites `import()` in functions it compiles.
    const script = `(async () => {
      const lib = await import("/root.js");
      const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const lists = ${JSON.stringify(SETS)}.map((files) => lib.loadList(files.map((f) => ({ name: f.name, data: bytes(f.base64) })), ${JSON.stringify(options)}));
      return JSON.stringify({ buffer: typeof Buffer, lists, result: lib.createScreener({ lists }).screen(${JSON.stringify(QUERY)}) });
    })()`;
    const page = JSON.parse((await browser.page.evaluate(script)) as string) as { buffer: string; lists: unknown; result: { outcome: string } };
    expect(page.buffer).toBe("undefined");
    expect(page.lists).toEqual(JSON.parse(JSON.stringify(nodeLists)));
    expect(page.result).toEqual(JSON.parse(JSON.stringify(nodeResult)));
    expect(page.result.outcome).toBe("alert");
    expect(browser.pageErrors).toEqual([]);
    expect(browser.offHost).toEqual([]);
  }, 120_000);
});
