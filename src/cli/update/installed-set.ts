/**
 * Reading an installed list set for screening: the set is pinned by its own directory
 * (`D/sets/<id>`, never `current`, which an update may switch mid-run), every file is checked
 * against the manifest's sha256 and every list is loaded with its fail-closed loader. A damaged set
 * is an {@link UpdateError}, never a silent fallback.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadList } from "../../lists";
import type { LoadedList } from "../../model";
import { readCurrentSet, SetManifestSchema, UpdateError, type SetManifest } from "./list-set";

/** An installed set, loaded and verified. */
export interface InstalledSet {
  /** The set's own directory (`D/sets/<id>`): fixed for the whole run even if `current` moves. */
  readonly setDir: string;
  readonly manifest: SetManifest;
  readonly lists: LoadedList[];
}

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/**
 * Loads the set in `setDir` (a `sets/<id>` directory): checks every file against the manifest's
 * sha256 and loads each list with its format, failing closed with {@link UpdateError}.
 * @example
 * loadInstalledSetAt("/home/ana/.local/share/sanctions-screen/lists/sets/2026-12-06T…").lists.length //=> 6
 */
export function loadInstalledSetAt(setDir: string): InstalledSet {
  const path = join(setDir, "manifest.json");
  let manifest: SetManifest;
  try {
    manifest = SetManifestSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  } catch (error) {
    throw new UpdateError(`${path}: expected a list-set manifest written by lists update, received ${(error as Error).message.split("\n")[0]}`, []);
  }
  const lists = manifest.lists.map((entry): LoadedList => {
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
  return { setDir, manifest, lists };
}

/**
 * The current set of a lists directory, loaded and verified; undefined when none is installed.
 * @example
 * loadInstalledSet(defaultListsDir(process.env).dir)?.manifest.setId //=> "2026-12-06T08-00-00-000Z-3fa2c1"
 */
export function loadInstalledSet(dir: string): InstalledSet | undefined {
  const current = readCurrentSet(dir);
  return current === undefined ? undefined : loadInstalledSetAt(current.setDir);
}

