/**
 * The worker thread of `batch`: builds one screener from the index (or list-set snapshot) it is handed, then
 * screens chunks of rows and posts back one summary row per input row, in chunk order.
 *
 * The worker runs this very module: `new Worker(<this file>)` with a flag in `workerData`; the
 * guard at the bottom starts the loop only inside such a worker. That keeps one code path for the
 * built package (this module lives in a tsup chunk whose name is not known in advance; a
 * `batch-worker` entry beside it is preferred when the build emits one) and for a source checkout
 * (tests, `tsx`), where the worker imports this `.ts` file through tsx's loader. Whatever file the
 * worker loads is evaluated whole, so this module must not be bundled into a file with top-level
 * effects (such as the CLI binary alone): keep it in a chunk or an entry of its own.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isMainThread, parentPort, Worker, workerData, type MessagePort } from "node:worker_threads";
import { loadList, type LoadListOptions } from "../../lists";
import { createScreener, type ProfileName, type ScreenInput, type Screener } from "../../screen";
import { readListFiles } from "../read-list-files";
import { loadInstalledSetAt } from "../update/installed-set";
import { screenerOverSetSnapshot } from "../update/set-snapshot";
import { errorRow, formatListVersions, summarizeScreenResult, type BatchResultRow } from "./batch-result";
import type { BatchInputRow } from "./read-batch-input";

const WORKER_FLAG = "sanctions-screen/batch-worker@1";

/** What a worker needs to build its screener: list files (or the embedded lists) and the index bytes. */
export interface BatchWorkerSpec {
  /** `--list` files; empty for an installed set or the embedded lists. */
  readonly lists: readonly string[];
  /** An installed set's own directory (`D/sets/<id>`), pinned for the whole run. */
  readonly setDir?: string;
  /**
   * Name index for exactly these lists: for the embedded lists the shipped list-set snapshot, read once
   * into a `SharedArrayBuffer` that every worker views (structured cloning shares it, no copy);
   * otherwise an index exported once by the main thread.
   */
  readonly index: Uint8Array;
  /**
   * `index` is the installed set's snapshot (records and name index, opened and checked by the main
   * thread; a `SharedArrayBuffer` every worker views): workers read the set from it, not its files.
   */
  readonly setSnapshot?: boolean;
  readonly profile?: ProfileName;
  /** `--min-records` and the retrieval day, applied to every `--list` file. */
  readonly listOptions?: Pick<LoadListOptions, "minRecordCount" | "retrievedOn">;
}

/** Main → worker. */
export type ToWorker = { readonly type: "chunk"; readonly seq: number; readonly items: readonly BatchInputRow[] };
/** Worker → main. */
export type FromWorker =
  | { readonly type: "ready" }
  | { readonly type: "done"; readonly seq: number; readonly rows: readonly BatchResultRow[] }
  | { readonly type: "fatal"; readonly message: string };

interface FlaggedSpec extends BatchWorkerSpec {
  readonly flag: typeof WORKER_FLAG;
}

/**
 * Builds the screener a batch uses (in a worker, or on the main thread to validate the lists first).
 * The embedded lists (tens of megabytes of JSON) are imported only when no `--list` file is given.
 * @example
 * (await createBatchScreener({ lists: [], index: readPrebuiltIndex() })).screen({ name: "Army Supply Bureau" }).outcome //=> "alert"
 */
export async function createBatchScreener(spec: Omit<BatchWorkerSpec, "index"> & { readonly index?: Uint8Array }): Promise<Screener> {
  // Only the best hit is written out; explaining more hits per row would be wasted work
  // (`hitCount` still counts every record above the review threshold).
  const options = {
    maxHits: 1,
    ...(spec.profile === undefined ? {} : { profile: spec.profile }),
    ...(spec.index === undefined ? {} : { index: spec.index }),
  };
  if (spec.lists.length > 0) return createScreener({ ...options, lists: spec.lists.map((file) => loadList(readListFiles(file), spec.listOptions ?? {})) });
  if (spec.setDir !== undefined && spec.setSnapshot === true && spec.index !== undefined) {
    const { index: _bytes, ...rest } = options;
    return screenerOverSetSnapshot(spec.index, rest);
  }
  if (spec.setDir !== undefined) return createScreener({ ...options, lists: loadInstalledSetAt(spec.setDir, { snapshot: false }).lists });
  const { createDefaultScreener } = await import("../../embedded");
  return createDefaultScreener(options);
}

/**
 * Screens one chunk: a row that failed to parse, or whose fields the screener refuses, becomes an
 * `error` row; the others are summarised. Never throws for a single row.
 * @example
 * screenChunk(screener, [{ row: 1, line: 2, name: "", input: { name: "" } }])[0]?.outcome //=> "error"
 */
export function screenChunk(screener: Screener, items: readonly BatchInputRow[]): BatchResultRow[] {
  const versions = formatListVersions(screener.lists);
  return items.map((item) => {
    if (item.error !== undefined || item.input === undefined) return errorRow(item, item.error ?? `line ${item.line}: no input`);
    try {
      return summarizeScreenResult(item, screener.screen(item.input as ScreenInput), versions);
    } catch (error) {
      // InputError names each bad field ("invalid input; country: expected …"); anything else is a
      // bug on one row, reported on that row rather than ending the run.
      const message = error instanceof Error ? error.message : String(error);
      return errorRow(item, `line ${item.line}: ${message}`);
    }
  });
}

async function runWorker(spec: BatchWorkerSpec, port: MessagePort): Promise<void> {
  let screener: Screener;
  try {
    screener = await createBatchScreener(spec);
  } catch (error) {
    port.postMessage({ type: "fatal", message: error instanceof Error ? error.message : String(error) } satisfies FromWorker);
    return;
  }
  port.on("message", (message: ToWorker) => {
    port.postMessage({ type: "done", seq: message.seq, rows: screenChunk(screener, message.items) } satisfies FromWorker);
  });
  port.postMessage({ type: "ready" } satisfies FromWorker);
}

/** The `tsx` ESM API, when this module runs from TypeScript source (tests, a checkout). */
function tsxApiUrl(from: string): string {
  const require = createRequire(from);
  const pkgPath = require.resolve("tsx/package.json");
  const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as { exports: Record<string, { import?: { default?: string } }> };
  const target = pkg.exports["./esm/api"]?.import?.default;
  if (target === undefined) throw new Error("tsx: expected an ./esm/api export, received none");
  return pathToFileURL(join(dirname(pkgPath), target)).href;
}

/**
 * Starts one batch worker thread running this module.
 * @example
 * const worker = startBatchWorker({ lists: [], index }); worker.once("message", (m) => m.type) //=> "ready"
 */
export function startBatchWorker(spec: BatchWorkerSpec): Worker {
  const self = import.meta.url;
  const data: FlaggedSpec = { ...spec, flag: WORKER_FLAG };
  if (/\.[cm]?ts$/.test(new URL(self).pathname)) {
    // Source checkout: Node 20 workers do not inherit loader hooks, so the worker registers tsx
    // itself (its namespaced `tsImport`) before importing this file.
    const api = tsxApiUrl(self);
    return new Worker(`import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(self)}, ${JSON.stringify(self)}));`, {
      eval: true,
      workerData: data,
    });
  }
  // Built package: a dedicated `batch-worker` entry beside this chunk, when the build has one, keeps
  // the worker from evaluating anything else; otherwise this chunk itself (shared by the CLI entries).
  const dedicated = new URL(`./batch-worker${extname(new URL(self).pathname)}`, self);
  return new Worker(existsSync(fileURLToPath(dedicated)) ? dedicated : new URL(self), { workerData: data });
}

// Worker entry (see the module header): runs only inside a thread started by startBatchWorker.
if (!isMainThread && parentPort && (workerData as Partial<FlaggedSpec> | null)?.flag === WORKER_FLAG) {
  void runWorker(workerData as FlaggedSpec, parentPort);
}
