/**
 * Which lists `screen`, `batch` and `serve` screen against, in this order:
 *
 * 1. `--list <file>`… : those official files;
 * 2. the set `lists update` installed in the lists directory: `--lists-dir D`, else
 *    `SANCTIONS_SCREEN_LISTS_DIR`, else the default location ({@link defaultListsDir}). The set is
 *    pinned by its id (`D/sets/<id>`) and opened from its snapshot when that fits (sha256 as in the
 *    manifest, this library version and algorithm, the manifest's lists); else every file's sha256 is
 *    checked against the manifest and every list is loaded with the fail-closed loaders, with a note
 *    saying why: a damaged set is an error, never a fallback to other lists;
 * 3. only when no set is installed (and no `--lists-dir` was given): the embedded snapshots, with a
 *    warning that names each snapshot's date. `--lists-dir` naming a directory with no set is an
 *    error: the caller asked for installed lists.
 */
import { join, resolve } from "node:path";
import { embeddedListMetadata } from "../embedded";
import type { ListMetadata } from "../model";
import { UsageError } from "./command";
import { loadInstalledSet, UpdateError, type InstalledSet } from "./update";

/** Where the lists come from. */
export type ListsOrigin = "files" | "installed" | "embedded";

/** The lists directory `lists update` writes and the screening commands read, as the user chose it. */
export interface ListsDirChoice {
  readonly dir: string;
  /** `--lists-dir` / `--dir` given, or the environment variable set (not the built-in default). */
  readonly explicit: boolean;
}

/**
 * The default lists directory: `SANCTIONS_SCREEN_LISTS_DIR`, else the user's data directory
 * (`$XDG_DATA_HOME/sanctions-screen/lists`, `~/.local/share/sanctions-screen/lists`; on Windows
 * `%LOCALAPPDATA%\sanctions-screen\lists`). Undefined when the environment names no home (a
 * program calling the CLI without an environment): then there is no default location.
 * @example
 * defaultListsDir({ HOME: "/home/ana" }, "linux") //=> { dir: "/home/ana/.local/share/sanctions-screen/lists", explicit: false }
 */
export function defaultListsDir(env: Readonly<Record<string, string | undefined>>, platform: string = process.platform): ListsDirChoice | undefined {
  const set = (v: string | undefined): v is string => v !== undefined && v !== "";
  if (set(env.SANCTIONS_SCREEN_LISTS_DIR)) return { dir: resolve(env.SANCTIONS_SCREEN_LISTS_DIR), explicit: true };
  if (platform === "win32") {
    const local = set(env.LOCALAPPDATA) ? env.LOCALAPPDATA : set(env.USERPROFILE) ? join(env.USERPROFILE, "AppData", "Local") : undefined;
    return local === undefined ? undefined : { dir: join(local, "sanctions-screen", "lists"), explicit: false };
  }
  const data = set(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : set(env.HOME) ? join(env.HOME, ".local", "share") : undefined;
  return data === undefined ? undefined : { dir: join(data, "sanctions-screen", "lists"), explicit: false };
}

/**
 * The lists directory for a command: the flag when given, else {@link defaultListsDir}.
 * @example
 * chooseListsDir("./lists", {}).explicit //=> true
 */
export function chooseListsDir(flag: string | undefined, env: Readonly<Record<string, string | undefined>> | undefined): ListsDirChoice | undefined {
  return flag === undefined ? defaultListsDir(env ?? {}) : { dir: resolve(flag), explicit: true };
}

/** "ofac-sdn 2023-12-28, un-sc 2026-02-27, …": each list and its date (or "no date"). */
export function describeListDates(metadata: readonly Pick<ListMetadata, "listId" | "listDate">[]): string {
  return metadata.map((m) => `${m.listId} ${m.listDate === undefined ? "(no date)" : m.listDate.slice(0, 10)}`).join(", ");
}

/**
 * The warning printed whenever the embedded snapshots are used: their dates, and how to install
 * current lists.
 * @example
 * embeddedListsWarning("/home/ana/.local/share/sanctions-screen/lists") //=> "sanctions-screen: warning: no installed list set in …"
 */
export function embeddedListsWarning(dir: string | undefined): string {
  const where = dir === undefined ? "" : `no installed list set in ${dir}; `;
  return `sanctions-screen: warning: ${where}screening against the embedded snapshots, which are not current: ${describeListDates(embeddedListMetadata())}. Install current lists with \`sanctions-screen lists update\`${dir === undefined ? "" : ` (into ${dir})`}.\n`;
}

/** What a screening command screens against. */
export type ScreeningListsChoice =
  | { readonly origin: "files"; readonly files: readonly string[] }
  | { readonly origin: "installed"; readonly set: InstalledSet; readonly dir: string }
  | { readonly origin: "embedded"; readonly dir?: string };

/**
 * Picks the lists of `screen`, `batch` or `serve` (see the module contract). Writes one line to
 * `note`: the installed set and its list dates, or the embedded-snapshot warning.
 * @example
 * chooseScreeningLists({ files: [], listsDir: undefined, env: process.env, note: console.error }).origin //=> "installed"
 */
export function chooseScreeningLists(options: {
  readonly files: readonly string[];
  readonly listsDir: string | undefined;
  readonly embedded?: boolean;
  readonly env: Readonly<Record<string, string | undefined>> | undefined;
  readonly note: (text: string) => void;
}): ScreeningListsChoice {
  const chosen = [options.files.length > 0 ? "--list" : undefined, options.listsDir === undefined ? undefined : "--lists-dir", options.embedded ? "--embedded" : undefined].filter((f) => f !== undefined);
  if (chosen.length > 1) throw new UsageError(`expected one of --list, --lists-dir, --embedded, received ${chosen.join(" and ")}`);
  if (options.files.length > 0) return { origin: "files", files: options.files };
  if (options.embedded) {
    options.note(embeddedListsWarning(undefined));
    return { origin: "embedded" };
  }
  const choice = chooseListsDir(options.listsDir, options.env);
  if (choice === undefined) {
    options.note(embeddedListsWarning(undefined));
    return { origin: "embedded" };
  }
  const { dir, explicit } = choice;
  const set = loadInstalledSet(dir, { note: options.note });
  if (set === undefined) {
    if (explicit) throw new UpdateError(`${dir}: expected a list set installed by \`sanctions-screen lists update --dir ${dir}\`, received none (no ${join(dir, "current")})`, []);
    options.note(embeddedListsWarning(dir));
    return { origin: "embedded", dir };
  }
  options.note(`sanctions-screen: screening against the installed list set ${set.manifest.setId} in ${dir}: ${describeListDates(set.metadata)}\n`);
  return { origin: "installed", set, dir };
}
