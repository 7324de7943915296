import { closeSync, openSync } from "node:fs";
import { createRequire } from "node:module";
import { createDefaultScreener, loadEmbeddedLists } from "../embedded";
import { InputError } from "../errors";
import { createScreener, type ProfileName, type Screener, type ScreenerOptions } from "../screen";
import { readWholeShared } from "./read-shared";

/**
 * Bytes of the list-set snapshot shipped in the package (`lists/compiled/snapshot.bin`, made by
 * `npm run build`: records, identifier index and name index), or undefined in a checkout that has
 * not built it. Read once into a `SharedArrayBuffer`, so that batch workers given these bytes view
 * the same memory instead of each receiving a copy (issue 8); a screener given them as `index` uses
 * their name index in place. The CLI reads it with static `node:` imports, so it also works on Node
 * 20.0–20.15, which lack the `process.getBuiltinModule` that `createDefaultScreener` uses.
 * @example
 * readPrebuiltIndex()?.length //=> 59_000_000 (about)
 */
export function readPrebuiltIndex(): Uint8Array | undefined {
  let path: string;
  try {
    path = createRequire(import.meta.url).resolve("sanctions-screen/lists/compiled/snapshot.bin");
  } catch {
    return undefined;
  }
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return undefined;
  }
  try {
    return readWholeShared(fd, () => {
      throw new RangeError("file ended early");
    });
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}


/**
 * A screener over the embedded lists from the shipped list-set snapshot (records read by range, its
 * name index viewed in place: no list JSON parsed, no index built), and `screenerFor` for more
 * profiles over the same snapshot bytes. In a checkout whose lists or algorithm changed since
 * `npm run build` the lists are loaded from the JSON snapshots and the index is built in memory once
 * instead (still correct, only a slower start), and `warn` says so.
 * @example
 * embeddedScreener({ today: "2026-11-22" }, console.error).screener.screen({ name: "Army Supply Bureau" }).outcome //=> "alert"
 */
export function embeddedScreener(
  options: Omit<ScreenerOptions, "lists" | "index">,
  warn: (text: string) => void,
): { screener: Screener; screenerFor: (profile: ProfileName) => Screener } {
  // Shipped snapshots: stale on any day after their date (see src/screen/list-freshness.ts).
  const base = { ...options, freshness: { snapshot: true, ...options.freshness } };
  const prebuilt = readPrebuiltIndex();
  if (prebuilt) {
    try {
      const screener = createDefaultScreener({ ...base, index: prebuilt });
      return { screener, screenerFor: (profile) => createDefaultScreener({ ...base, profile, index: prebuilt }) };
    } catch (error) {
      if (!(error instanceof InputError && error.issues.some((i) => i.path === "index"))) throw error;
      warn("sanctions-screen: the prebuilt name index does not fit the embedded lists (run npm run build); building it in memory\n");
    }
  }
  const lists = loadEmbeddedLists();
  const screener = createScreener({ ...base, lists });
  const index = screener.exportIndex();
  return { screener, screenerFor: (profile) => createScreener({ ...base, lists, profile, index }) };
}
