import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadEmbeddedLists } from "../embedded";
import { InputError } from "../errors";
import type { LoadedList } from "../model";
import { createScreener, type Screener, type ScreenerOptions } from "../screen";

/**
 * Bytes of the prebuilt name index shipped in the package (`lists/compiled/name-index.bin`, made by
 * `npm run build`), or undefined in a checkout that has not built it. The CLI reads it with static
 * `node:` imports, so it also works on Node 20.0–20.15, which lack the `process.getBuiltinModule` that
 * `createDefaultScreener` uses (src/embedded/shipped-index.ts).
 * @example
 * readPrebuiltIndex()?.length //=> 14000000 (about)
 */
export function readPrebuiltIndex(): Uint8Array | undefined {
  let path: string;
  try {
    path = createRequire(import.meta.url).resolve("sanctions-screen/lists/compiled/name-index.bin");
  } catch {
    return undefined;
  }
  try {
    return new Uint8Array(readFileSync(path));
  } catch {
    return undefined;
  }
}

/**
 * A screener over the embedded lists, loading the shipped prebuilt index when it fits them; in a
 * checkout whose lists or algorithm changed since `npm run build` the index is built in memory
 * instead (still correct, only a slower start) and `warn` says so. Returns the lists and the index
 * it used, so more screeners (other profiles, workers) can share them.
 * @example
 * embeddedScreener({ today: "2026-11-22" }, console.error).screener.screen({ name: "Army Supply Bureau" }).outcome //=> "alert"
 */
export function embeddedScreener(
  options: Omit<ScreenerOptions, "lists" | "index">,
  warn: (text: string) => void,
): { screener: Screener; index: Uint8Array; lists: LoadedList[] } {
  const lists = loadEmbeddedLists();
  // Shipped snapshots: stale on any day after their date (see src/screen/list-freshness.ts).
  options = { ...options, freshness: { snapshot: true, ...options.freshness } };
  const prebuilt = readPrebuiltIndex();
  if (prebuilt) {
    try {
      return { screener: createScreener({ ...options, lists, index: prebuilt }), index: prebuilt, lists };
    } catch (error) {
      if (!(error instanceof InputError && error.issues.some((i) => i.path === "index"))) throw error;
      warn("sanctions-screen: the prebuilt name index does not fit the embedded lists (run npm run build); building it in memory\n");
    }
  }
  const screener = createScreener({ ...options, lists });
  return { screener, index: screener.exportIndex(), lists };
}
