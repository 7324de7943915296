/**
 * Installed list sets: the on-disk layout `lists update` writes and how a new set replaces the
 * current one.
 *
 * Layout under the update directory `D`:
 *
 *   D/sets/<set id>/manifest.json         what the set holds: per list its files (URL, bytes,
 *   D/sets/<set id>/<source>/<file>…      sha256), list date, record counts, download time
 *   D/sets/<set id>/snapshot.bin          the lists compiled into one file (records, identifier
 *                                         and name index; its sha256 in the manifest), which
 *                                         screening opens instead of parsing the files
 *   D/current -> sets/<set id>            symbolic link to the set in use
 *   D/.update.lock                        held while an update runs
 *
 * Contract (all-or-nothing): a set is complete and verified before anyone can see it. Downloads go
 * to memory, every list is loaded with the fail-closed loaders and the count-drop guard against the
 * current manifest, the new set is written under a temporary name inside `D/sets/`, renamed into
 * place, and only then does `D/current` switch, by renaming a new symlink over it (one atomic
 * rename). Any failure — a download, a loader, the guard, a damaged current set — removes the
 * temporary files and leaves `D/current` and every existing set as they were. Lists not being
 * updated are carried over from the current set (their sha256 re-checked), so the new set is always
 * whole. Why not per list: a set mixing old and new files that no manifest describes is exactly the
 * half-updated state screening must never run on; one failing list blocks the update until fixed
 * or deselected (`--source`).
 */
import { createHash, randomBytes } from "node:crypto";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { join, relative, resolve } from "node:path";
import { z } from "zod";
import { ListCountError, ScreeningError } from "../../errors";
import { DEFAULT_MAX_DROP_FRACTION, isStatedListDate, loadList, RECORD_FLOORS, type ListSource } from "../../lists";
import { ListFormatSchema } from "../../model";
import { DownloadError, downloadFile } from "./download-file";
import { loadSetLists } from "./installed-set";
import { redactToken } from "./resolve-eu-fsf";
import { writeSetSnapshot } from "./set-snapshot";
import type { ListSourceSpec } from "./sources";

/** One file of an installed list. */
const ManifestFileSchema = z
  .object({
    /** Path inside the set, `<source>/<file>`. */
    path: z.string().min(1),
    url: z.string().min(1),
    bytes: z.number().int().positive(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** The publisher's checksum, verified against the downloaded bytes (EU FSF feed). */
    checksum: z
      .object({ algorithm: z.enum(["sha1", "sha256"]), value: z.string().regex(/^[0-9a-f]+$/), source: z.string().min(1) })
      .strict()
      .optional(),
  })
  .strict();

/** One installed list. */
const ManifestListSchema = z
  .object({
    source: z.string().min(1),
    listId: z.string().min(1),
    format: ListFormatSchema,
    publisher: z.string(),
    title: z.string(),
    /** Date the publisher gives the list, when the file has one. */
    listDate: z.string().optional(),
    listDateSource: z.string(),
    recordCount: z.number().int().nonnegative(),
    countsByType: z.record(z.string(), z.number().int().nonnegative()),
    /** sha256 of the list as `loadList` reports it (for several files, of their hashes). */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** When the files were downloaded (ISO time); kept when the list is carried over. */
    downloadedAt: z.string().min(1),
    /** Loader warnings (kept data it could not fully map); see `lists inspect` for the texts. */
    warningCount: z.number().int().nonnegative(),
    /**
     * Set when `--accept-rollback` let in a list whose date went back, or that lost records at the
     * same list date: what was accepted, against which installed list (issue 9).
     */
    acceptedRollback: z
      .object({ reason: z.string().min(1), previousListDate: z.string().optional(), previousCount: z.number().int().nonnegative(), previousSha256: z.string() })
      .strict()
      .optional(),
    /**
     * Set when `--min-records N` let in a list below its shipped record floor (issue 9): the floor
     * it was accepted with. Screening loads the set with it again, so a list accepted on purpose
     * stays loadable; every other list keeps its shipped floor.
     */
    minRecordCount: z.number().int().nonnegative().optional(),
    files: z.array(ManifestFileSchema).min(1),
  })
  .strict();

/** The manifest of an installed set (`manifest.json`). */
export const SetManifestSchema = z
  .object({
    format: z.literal("sanctions-screen/list-set@1"),
    setId: z.string().min(1),
    createdAt: z.string().min(1),
    lists: z.array(ManifestListSchema),
    /**
     * The set's snapshot (`snapshot.bin`: records, identifier index and name index in one file),
     * written by `lists update` since issue 8; screening opens it instead of parsing the files when
     * its sha256, library version, algorithm and lists fit. Absent in sets installed before, or with
     * `--no-snapshot`: those are screened from their files.
     */
    snapshot: z
      .object({
        path: z.literal("snapshot.bin"),
        bytes: z.number().int().positive(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        /** Library (`sanctions-screen@<version>`) and name algorithm that wrote it. */
        library: z.string().min(1),
        algorithmId: z.string().min(1),
        records: z.number().int().nonnegative(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type SetManifest = z.infer<typeof SetManifestSchema>;
export type SetManifestList = SetManifest["lists"][number];

/** True when `minRecordCount` (`--min-records`) was what let a list below its shipped floor in. */
function acceptedBelowFloor(listId: string, count: number, minRecordCount: number | undefined): minRecordCount is number {
  const shipped = RECORD_FLOORS[listId];
  return minRecordCount !== undefined && shipped !== undefined && count < shipped.min;
}

/** Why an update did not install a new set; every failed source is listed. */
export class UpdateError extends Error {
  readonly failures: readonly { readonly source: string; readonly message: string }[];
  constructor(summary: string, failures: readonly { readonly source: string; readonly message: string }[]) {
    super(`${summary}${failures.map((f) => `\n  ${f.source}: ${f.message}`).join("")}`);
    this.failures = failures;
    this.name = "UpdateError";
  }
}

/** Options of {@link updateListSet}. */
export interface UpdateListSetOptions {
  /** The update directory `D`. */
  readonly dir: string;
  /**
   * Sources to download now (URLs already final); the current set's other lists are carried over.
   * Empty only with `offline`.
   */
  readonly sources: readonly ListSourceSpec[];
  /**
   * Download nothing: a new set of the current set's lists (every file's sha256 re-checked) with a
   * fresh snapshot — after a library upgrade, whose algorithm or version the old snapshot no longer
   * fits, or for a set installed without one. Requires an installed set and no `sources`.
   */
  readonly offline?: boolean;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxDropFraction?: number;
  readonly allowCountDrop?: boolean;
  /**
   * Install a list whose stated date is older than the installed one's, or that has fewer records at
   * the same list date; recorded in the manifest as `acceptedRollback`. Default false.
   */
  readonly acceptRollback?: boolean;
  /**
   * Record floor for every downloaded list (default: each list's shipped floor; 0 for excerpts).
   * Recorded in the manifest (`minRecordCount`) for a list it let in below the shipped floor, and
   * used again when the set is loaded.
   */
  readonly minRecordCount?: number;
  /** Sets kept on disk, the new one included (older ones are removed after the switch). */
  readonly keep: number;
  /** The update's time (the CLI reads the clock). */
  readonly now: Date;
  /**
   * Write the set's snapshot (`snapshot.bin`, its sha256 in the manifest) that screening opens
   * instead of parsing the files (default true). Costs one name-index build per update (~10 s for
   * the full official lists).
   */
  readonly snapshot?: boolean;
  /** Progress lines ("downloading un-sc…"). */
  readonly onProgress?: (line: string) => void;
}

/** What an update installed. */
export interface UpdateListSetResult {
  readonly manifest: SetManifest;
  readonly previous?: SetManifest;
  /** Absolute path of the new set. */
  readonly setDir: string;
  /** Source ids downloaded now, and those carried over from the previous set. */
  readonly downloaded: readonly string[];
  readonly carried: readonly string[];
  /** Set ids removed by `keep`. */
  readonly pruned: readonly string[];
}

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

function setIdOf(now: Date): string {
  // Sorts by time; the random tail keeps two updates in the same millisecond apart.
  return `${now.toISOString().replace(/[:.]/g, "-")}-${randomBytes(3).toString("hex")}`;
}

/**
 * The current set of an update directory and its manifest, or undefined when none is installed.
 * Throws when `D/current` exists but is not a link to a readable set (never guesses).
 * @example
 * readCurrentSet("sanctions-lists")?.manifest.lists.map((l) => l.listId) //=> ["ofac-sdn", "ofac-cons", "un-sc", "eu-fsf", "us-csl"]
 */
export function readCurrentSet(dir: string): { readonly setDir: string; readonly manifest: SetManifest } | undefined {
  const link = join(dir, "current");
  let stat;
  try {
    stat = lstatSync(link);
  } catch {
    return undefined;
  }
  if (!stat.isSymbolicLink()) throw new UpdateError(`${link}: expected a link to a set made by lists update, received a ${stat.isDirectory() ? "directory" : "file"}`, []);
  const setDir = resolve(dir, readlinkSync(link));
  const path = join(setDir, "manifest.json");
  let parsed;
  try {
    parsed = SetManifestSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  } catch (error) {
    throw new UpdateError(`${path}: expected the current set's manifest, received ${(error as Error).message} (restore the set, or remove ${link} to start a new one)`, []);
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UpdateError(`${path}: expected a list-set manifest, received an invalid one (${issue?.path.join(".")}: ${issue?.message}; restore the set, or remove ${link} to start a new one)`, []);
  }
  return { setDir, manifest: parsed.data };
}

function acquireLock(dir: string): () => void {
  const lock = join(dir, ".update.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, `${process.pid}\n`, { flag: "wx" });
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST") throw error;
      const pid = Number.parseInt(readFileSync(lock, "utf8"), 10);
      let alive = true;
      try {
        process.kill(pid, 0);
      } catch (e) {
        alive = (e as { code?: string }).code === "EPERM";
      }
      if (alive || attempt > 0) {
        throw new UpdateError(`${lock}: another lists update is running (pid ${pid}); remove the lock file if it is not`, []);
      }
      rmSync(lock, { force: true }); // left by an update that died: take it over
    }
  }
  throw new UpdateError(`${lock}: could not take the update lock`, []);
}

function failureMessage(error: unknown): string {
  if (error instanceof ListCountError) return `${error.message}; the previous set is kept (pass --allow-count-drop if the drop is real)`;
  // A download URL may carry an access token (EU FSF): never print it.
  if (error instanceof ScreeningError || error instanceof DownloadError) return redactToken(error.message);
  return redactToken(error instanceof Error ? error.message : String(error));
}

/** Throws when a file's bytes do not match the checksum its publisher gives. */
function verifyChecksum(file: { readonly name: string; readonly checksum?: { readonly algorithm: "sha1" | "sha256"; readonly value: string; readonly source: string } }, bytes: Uint8Array): void {
  const expected = file.checksum;
  if (expected === undefined) return;
  const actual = createHash(expected.algorithm).update(bytes).digest("hex");
  if (actual !== expected.value) {
    throw new Error(`${file.name}: expected ${expected.algorithm} ${expected.value} (published in ${expected.source}), received ${actual}; the file is not the one the publisher announced`);
  }
}

/**
 * Why a freshly loaded list looks like a rollback of the installed one, or undefined: its stated
 * list date is older, or it has fewer records at the same stated list date (a publisher that
 * removes records dates the list anew; a file cut at a record boundary does not). Lists whose date
 * is derived from their records (DPL, FtM) or missing are compared by the count guard only.
 * @example
 * rollbackOf({ listDate: "2026-02-27", recordCount: 1003, format: "un-xml" }, { listDate: "2019-01-02", recordCount: 1003, format: "un-xml" })
 * //=> "list date went back from 2026-02-27 to 2019-01-02"
 */
export function rollbackOf(
  before: { readonly listDate?: string | undefined; readonly recordCount: number; readonly format: string },
  after: { readonly listDate?: string | undefined; readonly recordCount: number; readonly format: string },
): string | undefined {
  if (before.listDate === undefined || after.listDate === undefined) return undefined;
  if (!isStatedListDate(after.format as never) || before.format !== after.format) return undefined;
  const was = before.listDate.slice(0, 10);
  const now = after.listDate.slice(0, 10);
  if (now < was) return `list date went back from ${before.listDate} to ${after.listDate}`;
  if (now === was && after.recordCount < before.recordCount) {
    return `record count fell from ${before.recordCount} to ${after.recordCount} at the same list date ${after.listDate} (expected no loss of records without a new list date)`;
  }
  return undefined;
}

/**
 * Downloads, verifies and installs a new list set atomically (see the module contract); throws
 * {@link UpdateError} naming every failed source, with nothing changed on disk.
 * @example
 * const r = await updateListSet({ dir: "sanctions-lists", sources: defaultSources, timeoutMs: 120_000, maxBytes: 2 ** 28, keep: 3, now: new Date() });
 * r.manifest.lists.map((l) => [l.listId, l.recordCount]) //=> [["ofac-sdn", 18301], …]
 */
export async function updateListSet(options: UpdateListSetOptions): Promise<UpdateListSetResult> {
  const dir = resolve(options.dir);
  mkdirSync(join(dir, "sets"), { recursive: true });
  const release = acquireLock(dir);
  const temp = join(dir, "sets", `.incoming-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    const current = readCurrentSet(dir);
    const previous = current?.manifest;
    if (options.offline === true) {
      if (options.sources.length > 0) throw new RangeError(`offline: expected no sources, received ${options.sources.map((s) => s.id).join(", ")}`);
      if (options.snapshot === false) throw new RangeError("offline: a set rebuilt offline always gets its snapshot");
      if (current === undefined) throw new UpdateError(`lists update --offline: no installed set in ${dir} to rebuild; nothing changed (run lists update first)`, []);
    } else if (options.sources.length === 0) throw new RangeError("expected at least one source to download (or offline: true)");
    const previousByList = new Map((previous?.lists ?? []).map((l) => [l.listId, l]));

    // 1. Download every file of every selected source; the first failure cancels the rest.
    const cancel = new AbortController();
    const failures: { source: string; message: string }[] = [];
    const downloads = await Promise.all(
      options.sources.map(async (source) => {
        try {
          options.onProgress?.(`downloading ${source.id} (${source.files.length} file${source.files.length === 1 ? "" : "s"})`);
          const files = await Promise.all(
            source.files.map(async (file) => {
              const bytes = await downloadFile(file.url, { timeoutMs: options.timeoutMs, maxBytes: options.maxBytes, signal: cancel.signal });
              verifyChecksum(file, bytes);
              return { file, bytes };
            }),
          );
          return { source, files, downloadedAt: options.now.toISOString() };
        } catch (error) {
          if (!cancel.signal.aborted) failures.push({ source: source.id, message: failureMessage(error) });
          cancel.abort();
          return undefined;
        }
      }),
    );
    if (failures.length > 0) throw new UpdateError(`lists update failed; nothing changed${current ? `, still using set ${previous?.setId}` : ""}:`, failures);

    // 2. Load each list with the fail-closed loaders and the count guard against the current set.
    const lists: SetManifestList[] = [];
    for (const d of downloads) {
      if (d === undefined) continue;
      const { source } = d;
      options.onProgress?.(`verifying ${source.id}`);
      const sources: ListSource[] = d.files.map((f) => ({ name: `${source.id}/${f.file.name}`, data: f.bytes }));
      const before = previousByList.get(source.listId);
      try {
        const loaded = loadList(sources, {
          format: source.format,
          ...(before === undefined ? {} : { previousCount: before.recordCount }),
          maxDropFraction: options.maxDropFraction ?? DEFAULT_MAX_DROP_FRACTION,
          ...(options.allowCountDrop ? { allowCountDrop: true } : {}),
          ...(options.minRecordCount === undefined ? {} : { minRecordCount: options.minRecordCount }),
          retrievedOn: options.now.toISOString().slice(0, 10),
        });
        const m = loaded.metadata;
        if (m.listId !== source.listId) {
          failures.push({ source: source.id, message: `expected list ${source.listId}, received list ${m.listId} (wrong file at this URL?)` });
          continue;
        }
        const rollback = before === undefined ? undefined : rollbackOf(before, m);
        if (rollback !== undefined && !options.acceptRollback) {
          failures.push({ source: source.id, message: `${rollback}; the previous set is kept (pass --accept-rollback if this is the publisher's real list; it is recorded in the manifest)` });
          continue;
        }
        lists.push({
          source: source.id,
          listId: m.listId,
          format: m.format,
          publisher: m.publisher,
          title: m.title,
          ...(m.listDate === undefined ? {} : { listDate: m.listDate }),
          listDateSource: m.listDateSource,
          recordCount: m.recordCount,
          countsByType: m.countsByType,
          sha256: m.sha256,
          downloadedAt: d.downloadedAt,
          warningCount: m.warnings.length,
          ...(rollback === undefined || before === undefined
            ? {}
            : { acceptedRollback: { reason: rollback, ...(before.listDate === undefined ? {} : { previousListDate: before.listDate }), previousCount: before.recordCount, previousSha256: before.sha256 } }),
          ...(acceptedBelowFloor(m.listId, m.recordCount, options.minRecordCount) ? { minRecordCount: options.minRecordCount } : {}),
          files: d.files.map((f) => ({
            path: `${source.id}/${f.file.name}`,
            url: redactToken(f.file.url),
            bytes: f.bytes.byteLength,
            sha256: sha256(f.bytes),
            ...(f.file.checksum === undefined ? {} : { checksum: f.file.checksum }),
          })),
        });
      } catch (error) {
        failures.push({ source: source.id, message: failureMessage(error) });
      }
    }
    if (failures.length > 0) throw new UpdateError(`lists update failed; nothing changed${current ? `, still using set ${previous?.setId}` : ""}:`, failures);

    // 3. Write the new set under a temporary name: fresh files, then carried-over ones (re-hashed).
    mkdirSync(temp);
    for (const d of downloads) {
      if (d === undefined) continue;
      mkdirSync(join(temp, d.source.id), { recursive: true });
      for (const f of d.files) writeFileSync(join(temp, d.source.id, f.file.name), f.bytes);
    }
    const fresh = new Set(lists.map((l) => l.listId));
    const carried: string[] = [];
    for (const old of previous?.lists ?? []) {
      if (fresh.has(old.listId)) continue;
      for (const file of old.files) {
        const bytes = readFileSync(join(current?.setDir as string, file.path));
        if (sha256(bytes) !== file.sha256) {
          throw new UpdateError(`lists update failed; nothing changed:`, [
            { source: old.source, message: `current set file ${file.path}: expected sha256 ${file.sha256}, received ${sha256(bytes)} (the installed set was altered)` },
          ]);
        }
        mkdirSync(join(temp, old.source), { recursive: true });
        writeFileSync(join(temp, file.path), bytes);
      }
      lists.push(old);
      carried.push(old.source);
    }
    const setId = setIdOf(options.now);
    let manifest: SetManifest = SetManifestSchema.parse({
      format: "sanctions-screen/list-set@1",
      setId,
      createdAt: options.now.toISOString(),
      lists: lists.sort((a, b) => (a.listId < b.listId ? -1 : a.listId > b.listId ? 1 : 0)),
    });
    if (options.snapshot !== false) {
      // The lists exactly as screening loads the set (carried ones re-checked), compiled into one file.
      let written: ReturnType<typeof writeSetSnapshot>;
      try {
        const loaded = loadSetLists(temp, manifest);
        options.onProgress?.(`writing the set snapshot (${loaded.reduce((n, l) => n + l.records.length, 0)} records and their name index)`);
        written = writeSetSnapshot(loaded, manifest);
      } catch (error) {
        throw new UpdateError(`lists update failed; nothing changed${current ? `, still using set ${previous?.setId}` : ""}:`, [{ source: "snapshot", message: failureMessage(error) }]);
      }
      writeFileSync(join(temp, written.entry.path), written.bytes);
      manifest = SetManifestSchema.parse({ ...manifest, snapshot: written.entry });
    }
    writeFileSync(join(temp, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);

    // 4. Publish: rename the set into place, then switch `current` with one atomic rename.
    const setDir = join(dir, "sets", setId);
    renameSync(temp, setDir);
    const link = join(dir, `.current-${randomBytes(4).toString("hex")}`);
    // Relative target keeps the directory movable; Windows junctions need an absolute one.
    symlinkSync(process.platform === "win32" ? setDir : relative(dir, setDir), link, "junction");
    try {
      renameSync(link, join(dir, "current"));
    } catch (error) {
      unlinkSync(link);
      rmSync(setDir, { recursive: true, force: true });
      throw error;
    }

    // 5. Prune old sets (never the current one).
    const sets = readdirSync(join(dir, "sets")).filter((s) => !s.startsWith(".")).sort();
    const pruned = sets.slice(0, Math.max(0, sets.length - options.keep)).filter((s) => s !== setId);
    for (const s of pruned) rmSync(join(dir, "sets", s), { recursive: true, force: true });

    return {
      manifest,
      ...(previous === undefined ? {} : { previous }),
      setDir,
      downloaded: options.sources.map((s) => s.id),
      carried,
      pruned,
    };
  } finally {
    if (existsSync(temp)) rmSync(temp, { recursive: true, force: true });
    release();
  }
}
