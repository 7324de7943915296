/**
 * The snapshot of an installed list set (`D/sets/<id>/snapshot.bin`, issue 8): the same one-file
 * format `npm run build` writes for the embedded lists (src/embedded/record-snapshot.ts: records in
 * their compact form, the identifier index and the name index under one header with the library
 * version, the algorithm, the lists' fingerprint and the payload's sha256), written by `lists update`
 * from the lists exactly as screening loads them, so that `screen`, `batch` and `serve` open it
 * instead of parsing the official files and building the name index at every start.
 *
 * Contract: the set manifest records the file's sha256 (`snapshot`); reading checks it over the
 * whole file, then the library version, the algorithm and that the snapshot holds exactly the
 * manifest's lists (id, sha256 and record count of each, in order). Anything else is refused with a
 * {@link ListFormatError} on a `snapshot.*` field — the caller then parses the files; a snapshot is
 * never used in part.
 */
import { createHash } from "node:crypto";
import { closeSync, openSync } from "node:fs";
import { join } from "node:path";
import { buildNameIndex, indexFingerprint } from "../../candidates";
import { compileList } from "../../embedded/compact";
import { openRecordSnapshot, snapshotRecords, writeSnapshot, type RecordSnapshot } from "../../embedded/record-snapshot";
import { ListFormatError } from "../../errors";
import type { LoadedList } from "../../model";
import { createScreenerOver, type Screener, type ScreenerOptions } from "../../screen";
import { readWholeShared } from "../read-shared";
import type { SetManifest } from "./list-set";

/** File name of a set's snapshot inside its directory. */
export const SET_SNAPSHOT_FILE = "snapshot.bin";

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** The lists' fingerprint a set's snapshot must carry: the manifest's lists, in manifest order. */
function manifestFingerprint(manifest: Pick<SetManifest, "lists">): string {
  return indexFingerprint(manifest.lists.map((l) => ({ listId: l.listId, sha256: l.sha256, recordCount: l.recordCount })));
}

/**
 * Writes the snapshot of a set's loaded lists (in manifest order, as `loadInstalledSetAt` loads them):
 * each list compacted with its round-trip check, the name index built over all records as a screener
 * builds it, and the file reopened with its sha256 and the manifest's fingerprint checked before it
 * is returned. Returns the bytes and the manifest's `snapshot` entry.
 * @example
 * writeSetSnapshot(lists, manifest).entry //=> { path: "snapshot.bin", bytes: 1_204_112, sha256: "9c1e…", library: "sanctions-screen@0.9.0", algorithmId: "names-v2", records: 9 }
 */
export function writeSetSnapshot(lists: readonly LoadedList[], manifest: Pick<SetManifest, "lists">): { bytes: Uint8Array; entry: NonNullable<SetManifest["snapshot"]> } {
  const compiled = lists.map((list, i) => {
    const entry = manifest.lists[i];
    if (entry === undefined || entry.listId !== list.metadata.listId) throw new RangeError(`list ${i}: expected ${entry?.listId} (manifest order), received ${list.metadata.listId}`);
    return compileList(list, { inputs: entry.files.map((f) => f.path), steps: [`loadList(format: ${entry.format})`, "lists update"] });
  });
  const index = buildNameIndex(lists.flatMap((l) => l.records));
  const bytes = writeSnapshot(compiled, index);
  const opened = openRecordSnapshot(bytes, { verifySha256: true, fingerprint: manifestFingerprint(manifest) });
  return { bytes, entry: { path: SET_SNAPSHOT_FILE, bytes: bytes.length, sha256: sha256(bytes), library: opened.library, algorithmId: opened.algorithmId, records: opened.recordCount } };
}

function refuse(field: string, expected: string, received: string): never {
  throw new ListFormatError("snapshot", [{ field: `snapshot.${field}`, expected, received }], { summary: "installed set snapshot refused" });
}

/** The whole file in a `SharedArrayBuffer` (batch workers view it without a copy). */
function readShared(path: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    refuse("file", `a readable ${path}`, (error as Error).message);
  }
  try {
    return readWholeShared(fd, (size, done) => refuse("file", `${size} bytes of ${path}`, `${done} bytes`));
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens the snapshot the manifest of the set in `setDir` names: read whole into a
 * `SharedArrayBuffer`, its sha256 checked against the manifest, then its library version, algorithm
 * and lists (the manifest's). Throws {@link ListFormatError} (`snapshot.file`, `snapshot.sha256`,
 * `snapshot.library`, `snapshot.algorithm`, `snapshot.lists`, …) for a snapshot it cannot use.
 * @example
 * openSetSnapshot(setDir, manifest).snapshot.recordCount //=> 1_912
 */
export function openSetSnapshot(setDir: string, manifest: SetManifest): { bytes: Uint8Array; snapshot: RecordSnapshot } {
  const entry = manifest.snapshot;
  if (entry === undefined) refuse("file", "a snapshot named in the set manifest", "none (a set installed before lists update wrote one)");
  const path = join(setDir, entry.path);
  const bytes = readShared(path);
  const actual = sha256(bytes);
  if (actual !== entry.sha256) refuse("sha256", `sha256 ${entry.sha256} (set manifest)`, `sha256 ${actual} of ${path}`);
  return { bytes, snapshot: openRecordSnapshot(bytes, { fingerprint: manifestFingerprint(manifest) }) };
}

/**
 * A screener over an installed set's snapshot bytes (already checked by {@link openSetSnapshot}):
 * records decoded on demand, the name index viewed in the bytes. Batch workers call it with the
 * `SharedArrayBuffer` the main thread read.
 * @example
 * screenerOverSetSnapshot(bytes, { profile: "strict" }).stats.records //=> 1_912
 */
export function screenerOverSetSnapshot(snapshot: Uint8Array | RecordSnapshot, options: Omit<ScreenerOptions, "lists" | "index">): Screener {
  const opened = snapshot instanceof Uint8Array ? openRecordSnapshot(snapshot) : snapshot;
  return createScreenerOver(options, snapshotRecords(opened));
}
