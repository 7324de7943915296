/**
 * `sanctions-screen/lists`: the embedded default lists, compiled from official files by
 * `npm run lists:build` and shipped in the package so that screening works offline right after
 * install. They are dated snapshots for offline use and tests: production users load current official
 * files with `loadList` (or run `sanctions-screen lists update`).
 */
import { InputError, ListFormatError } from "../errors";
import type { ListMetadata, LoadedList } from "../model";
import { createScreener, createScreenerOver, type Screener, type ScreenerOptions } from "../screen";
import { expandCompiledList, type CompiledList } from "./compact";
import { openRecordSnapshot, screenerOverSnapshot, snapshotFitsManifest, snapshotRecords, type RecordSnapshot } from "./record-snapshot";
import { compiledLists, compiledManifest, openShippedFile } from "#compiled-data";
import { createTransactionScreener, type TransactionScreener, type TransactionScreenerOptions } from "./default-transaction-screener";

export type { CompiledList } from "./compact";
export { compactRecord, expandRecord, expandCompiledList } from "./compact";

function asCompiled(value: unknown, index: number): CompiledList {
  const v = value as Partial<CompiledList> | null;
  if (!v || v.format !== "sanctions-screen/compiled-list@1" || !v.metadata || !Array.isArray(v.records)) {
    throw new ListFormatError(`embedded#${index}`, [
      { field: "format", expected: '"sanctions-screen/compiled-list@1" with metadata and records', received: JSON.stringify(v?.format) },
    ], { summary: "embedded snapshot is damaged" });
  }
  return v as CompiledList;
}

/**
 * Provenance of every embedded list (id, publisher, list date, record count, sha256 of the official
 * input), without expanding the records.
 * @example
 * embeddedListMetadata().map((m) => m.listId) //=> ["curated", "ofac-sdn", "ofac-cons", "un-sc", "uk-ofsi", "us-csl", "bis-dpl"]
 */
export function embeddedListMetadata(): ListMetadata[] {
  return compiledLists().map((value, i) => asCompiled(value, i).metadata);
}

/**
 * Options of {@link loadEmbeddedLists}.
 * @example
 * loadEmbeddedLists({ lists: ["un-sc"] } satisfies LoadEmbeddedListsOptions)[0]?.metadata.listId //=> "un-sc"
 */
export interface LoadEmbeddedListsOptions {
  /** Only these list ids; default all. An unknown id is an error. */
  readonly lists?: readonly string[];
}

/**
 * The embedded default lists, expanded to validated records.
 * @example
 * loadEmbeddedLists({ lists: ["curated"] })[0]?.records.length //=> 4
 */
export function loadEmbeddedLists(options: LoadEmbeddedListsOptions = {}): LoadedList[] {
  const compiled = compiledLists().map(asCompiled);
  const wanted = options.lists;
  if (wanted) {
    const known = new Set(compiled.map((c) => c.metadata.listId));
    const unknown = wanted.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new InputError(
        unknown.map((id) => ({ path: "lists", expected: `one of ${[...known].join(", ")}`, received: JSON.stringify(id), message: "unknown embedded list" })),
      );
    }
  }
  return compiled.filter((c) => !wanted || wanted.includes(c.metadata.listId)).map(expandCompiledList);
}

/**
 * Options of {@link createDefaultScreener}: the screener's, minus `lists`.
 * @example
 * const options: DefaultScreenerOptions = { lists: ["ofac-sdn", "un-sc"], profile: "strict", today: "2026-11-22" };
 * createDefaultScreener(options).profile //=> "strict"
 */
export type DefaultScreenerOptions = Omit<ScreenerOptions, "lists"> & LoadEmbeddedListsOptions;

/**
 * The shipped list-set snapshot (`lists/compiled/snapshot.bin`) opened, when it was written by this
 * library version with `algorithm` from the lists `lists/compiled/manifest.json` describes; undefined
 * where files cannot be read, or when it is missing, refused or stale (a checkout changed since
 * `npm run build`): the JSON snapshots are used then.
 */
function shippedSnapshot(algorithm: ScreenerOptions["algorithm"]): RecordSnapshot | undefined {
  const file = openShippedFile("snapshot.bin");
  if (file === undefined) return undefined;
  try {
    const snapshot = openRecordSnapshot(file, algorithm === undefined ? {} : { algorithm });
    return snapshotFitsManifest(snapshot, compiledManifest()) ? snapshot : undefined;
  } catch (error) {
    if (error instanceof ListFormatError) return undefined;
    throw error;
  }
}

/**
 * A screener over the embedded default lists. Over all of them, where the runtime can read files
 * (Node, Bun, Deno), it loads the list-set snapshot shipped in the package
 * (`lists/compiled/snapshot.bin`, written by `npm run build`: records, identifier index and name
 * index in one file): no JSON is parsed, no index is built, and only the records a screen scores or
 * explains are ever decoded. Elsewhere (a bundle for a browser or a Worker) use
 * {@link createSnapshotScreener} with the file's bytes; or the lists come from the bundled JSON
 * snapshots, and the index is loaded from `index` (the snapshot's bytes, or `exportIndex()`) or
 * built at start. A snapshot or index that does not fit the lists (a checkout changed since
 * `npm run build`) is not used: still correct, only a slower start. The lists are shipped
 * snapshots: every list counts as stale on any day after its date (`freshness.snapshot`), so a clear
 * today is `stale-clear`.
 * @example
 * createDefaultScreener().screen({ name: "Army Supply Bureau", asOf: "2018-06-01" }).outcome //=> "alert"
 */
export function createDefaultScreener(options: DefaultScreenerOptions = {}): Screener {
  const { lists: wanted, ...given } = options;
  const screenerOptions = { ...given, freshness: { snapshot: true, ...given.freshness } };
  if (wanted === undefined) {
    const snapshot = shippedSnapshot(screenerOptions.algorithm);
    const screener = snapshot === undefined ? undefined : screenerOverSnapshot(snapshot, screenerOptions);
    if (screener !== undefined) return screener;
  }
  const lists = loadEmbeddedLists(wanted === undefined ? {} : { lists: wanted });
  return createScreener({ ...screenerOptions, lists });
}

/**
 * Options of {@link createSnapshotScreener}: the screener's, with the bytes of the shipped snapshot.
 * @example
 * const optionsOf = (snapshotBin: ArrayBuffer): SnapshotScreenerOptions => ({ snapshot: new Uint8Array(snapshotBin), profile: "strict" });
 */
export interface SnapshotScreenerOptions extends Omit<ScreenerOptions, "lists" | "index"> {
  /** Bytes of `lists/compiled/snapshot.bin`, the list-set snapshot `npm run build` writes. */
  readonly snapshot: Uint8Array;
  /**
   * Check the sha256 of the whole snapshot first (default false: each record is checked by its
   * CRC-32 when decoded, and the index's tables at load). Costs ~35 ms of CPU for the default lists in Node.
   */
  readonly verifySha256?: boolean;
}

/**
 * A screener over all the embedded lists from the bytes of the shipped list-set snapshot, for
 * runtimes without files (a Worker imports it as a Data module). It never reads the bundled JSON
 * snapshots, so a bundle that uses only this function includes none of them. Throws
 * `ListFormatError` (`snapshot.*`) for a snapshot from another library version, algorithm or
 * format, truncated or damaged (a damaged hash table in its name index: `InputError` on `index`).
 * Lists count as shipped snapshots (`freshness.snapshot`), as in {@link createDefaultScreener}.
 * @example
 * // In a Worker, lists/compiled/snapshot.bin is imported as a Data module (ArrayBuffer):
 * const screenOn = (snapshotBin: ArrayBuffer) =>
 *   createSnapshotScreener({ snapshot: new Uint8Array(snapshotBin) }).screen({ name: "Army Supply Bureau", asOf: "2018-06-01" }).outcome;
 * // screenOn(snapshotBin) //=> "alert"
 */
export function createSnapshotScreener(options: SnapshotScreenerOptions): Screener {
  const { snapshot, verifySha256, ...given } = options;
  const opened = openRecordSnapshot(snapshot, { ...(verifySha256 === undefined ? {} : { verifySha256 }), ...(given.algorithm === undefined ? {} : { algorithm: given.algorithm }) });
  return createScreenerOver({ ...given, freshness: { snapshot: true, ...given.freshness } }, snapshotRecords(opened));
}

export { embeddedRulePack, embeddedGoodsCatalogue, createTransactionScreener } from "./default-transaction-screener";
export type { TransactionScreener, TransactionScreenerOptions } from "./default-transaction-screener";

/**
 * A transaction screener over the embedded lists, rule pack and goods catalogue.
 * @example
 * createDefaultTransactionScreener({ jurisdictions: ["US"] }).screen(tx).outcome //=> "alert"
 */
export function createDefaultTransactionScreener(options: DefaultScreenerOptions & Pick<TransactionScreenerOptions, "acceptList"> = {}): TransactionScreener {
  const { acceptList, ...screenerOptions } = options;
  return createTransactionScreener({
    screener: createDefaultScreener(screenerOptions),
    ...(screenerOptions.jurisdictions === undefined ? {} : { jurisdictions: screenerOptions.jurisdictions }),
    ...(acceptList === undefined ? {} : { acceptList }),
  });
}
