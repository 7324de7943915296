/**
 * Reading an installed list set for screening: the set is pinned by its own directory
 * (`D/sets/<id>`, never `current`, which an update may switch mid-run). When the set has a snapshot
 * (`snapshot.bin`, written by `lists update` since issue 8) that fits — sha256 as in the manifest,
 * this library version and algorithm, exactly the manifest's lists — screening opens it: no official
 * file is parsed and no name index is built. Otherwise (an older set, `--no-snapshot`, a damaged or
 * outdated snapshot) every file is checked against the manifest's sha256 and every list is loaded
 * with its fail-closed loader, and `note` says why. A damaged set is an {@link UpdateError}, never a
 * silent fallback; a snapshot is used whole or not at all.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ListFormatError } from "../../errors";
import { loadList } from "../../lists";
import type { ListMetadata, LoadedList } from "../../model";
import { createScreener, type Screener, type ScreenerOptions } from "../../screen";
import { readCurrentSet, SetManifestSchema, UpdateError, type SetManifest } from "./list-set";
import { openSetSnapshot, screenerOverSetSnapshot } from "./set-snapshot";

/** An installed set, verified: from its snapshot, or loaded from its files. */
export interface InstalledSet {
  /** The set's own directory (`D/sets/<id>`): fixed for the whole run even if `current` moves. */
  readonly setDir: string;
  readonly manifest: SetManifest;
  /** Each list's metadata as a screen reports it (from the snapshot, or the loaded files). */
  readonly metadata: readonly ListMetadata[];
  /**
   * The lists loaded from the files (sha256-checked, fail-closed loaders). With a snapshot in use
   * they are loaded only when first read; screening does not read them then.
   */
  readonly lists: LoadedList[];
  /** The snapshot's bytes (a `SharedArrayBuffer`, checked) when screening uses it. */
  readonly snapshot?: Uint8Array;
  /** A screener over the set: over the snapshot when in use, else over the loaded lists. */
  screener(options: Omit<ScreenerOptions, "lists" | "index">): Screener;
}

/** Options of {@link loadInstalledSetAt}. */
export interface LoadInstalledSetOptions {
  /** Open the set's snapshot when it fits (default true); false always parses the files. */
  readonly snapshot?: boolean;
  /** Where a note goes when the set is parsed from its files although it names a snapshot, or has none. */
  readonly note?: (text: string) => void;
}

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/**
 * The lists of the set in `setDir` as its manifest describes them: every file checked against the
 * manifest's sha256, each list loaded with its format and floor, failing closed with {@link UpdateError}.
 * @example
 * loadSetLists(setDir, manifest).map((l) => l.metadata.listId) //=> ["ofac-sdn", "uk-fcdo"]
 */
export function loadSetLists(setDir: string, manifest: SetManifest): LoadedList[] {
  return manifest.lists.map((entry): LoadedList => {
    const sources = entry.files.map((file) => {
      const bytes = new Uint8Array(readFileSync(join(setDir, file.path)));
      const actual = sha256(bytes);
      if (actual !== file.sha256) {
        throw new UpdateError(`${join(setDir, file.path)}: expected sha256 ${file.sha256} (manifest), received ${actual}; the installed set was altered — run lists update again`, []);
      }
      return { name: file.path, data: bytes };
    });
    // The floor the update accepted the list with (`--min-records`), else the shipped one.
    let loaded = loadList(sources, { format: entry.format, ...(entry.minRecordCount === undefined ? {} : { minRecordCount: entry.minRecordCount }) });
    if (loaded.metadata.listDate === undefined) {
      // A file without a list date (the legacy OFAC CSV, the CSL) is dated by its download: its age
      // can then be judged; without any date it would always count as stale.
      loaded = { ...loaded, metadata: { ...loaded.metadata, listDate: entry.downloadedAt, listDateSource: `download time in the set manifest (${entry.source}); the file carries no list date` } };
    }
    if (loaded.metadata.listId !== entry.listId) {
      throw new UpdateError(`${setDir}: expected list ${entry.listId} from ${entry.source}, received ${loaded.metadata.listId}`, []);
    }
    return loaded;
  });
}

function readManifest(setDir: string): SetManifest {
  const path = join(setDir, "manifest.json");
  try {
    return SetManifestSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  } catch (error) {
    throw new UpdateError(`${path}: expected a list-set manifest written by lists update, received ${(error as Error).message.split("\n")[0]}`, []);
  }
}

/**
 * Loads the set in `setDir` (a `sets/<id>` directory): its snapshot when it fits, else its files
 * (each checked against the manifest's sha256, each list with its format), failing closed with
 * {@link UpdateError}.
 * @example
 * loadInstalledSetAt("/home/ana/.local/share/sanctions-screen/lists/sets/2026-12-06T…").metadata.length //=> 6
 */
export function loadInstalledSetAt(setDir: string, options: LoadInstalledSetOptions = {}): InstalledSet {
  const manifest = readManifest(setDir);
  const note = options.note ?? (() => undefined);
  if (options.snapshot !== false && manifest.snapshot !== undefined) {
    try {
      const { bytes, snapshot } = openSetSnapshot(setDir, manifest);
      let lists: LoadedList[] | undefined;
      return {
        setDir,
        manifest,
        metadata: snapshot.lists.map((l) => l.metadata),
        get lists() {
          return (lists ??= loadSetLists(setDir, manifest));
        },
        snapshot: bytes,
        screener: (screenerOptions) => screenerOverSetSnapshot(snapshot, screenerOptions),
      };
    } catch (error) {
      // Only a refused snapshot falls back (ListFormatError on a `snapshot.*` field); anything else is a bug to see.
      if (!(error instanceof ListFormatError)) throw error;
      note(`sanctions-screen: note: not using the snapshot of set ${manifest.setId} (${(error as Error).message.replace(/\n\s*/g, "; ")}); loading its list files instead (slower start; \`lists update --offline\` writes a new snapshot without downloading)\n`);
    }
  } else if (options.snapshot !== false) {
    note(`sanctions-screen: note: set ${manifest.setId} has no snapshot (installed by an older version or with --no-snapshot); loading its list files (slower start; \`lists update --offline\` writes one without downloading)\n`);
  }
  const lists = loadSetLists(setDir, manifest);
  return { setDir, manifest, metadata: lists.map((l) => l.metadata), lists, screener: (screenerOptions) => createScreener({ ...screenerOptions, lists }) };
}

/**
 * The current set of a lists directory, loaded and verified; undefined when none is installed.
 * @example
 * loadInstalledSet(defaultListsDir(process.env).dir)?.manifest.setId //=> "2026-12-06T08-00-00-000Z-3fa2c1"
 */
export function loadInstalledSet(dir: string, options: LoadInstalledSetOptions = {}): InstalledSet | undefined {
  const current = readCurrentSet(dir);
  return current === undefined ? undefined : loadInstalledSetAt(current.setDir, options);
}
