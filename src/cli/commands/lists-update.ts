import { parseArgs } from "node:util";
import { UsageError, type CliCommand } from "../command";
import {
  EU_FSF_FEED_URL,
  findListSource,
  LIST_SOURCES,
  refuseUrl,
  resolveEuFsfSource,
  UpdateError,
  updateListSet,
  type ListSourceSpec,
  type SetManifest,
  type UpdateListSetResult,
} from "../update";
import { chooseListsDir } from "../installed-lists";

const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;
const DEFAULT_KEEP = 3;

function wholeNumber(flag: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${flag}: expected a whole number ≥ ${min}, received "${value}"`);
  return n;
}

/**
 * The sources to download: `--source` ids (default: the default set) plus any id given a
 * `--source-url`, with those URLs applied. `<id>=<url>` replaces the URL of a one-file source; for a
 * several-file source the URL must hold `{file}`, replaced by each file name (`sdn.csv`, …).
 */
function selectSources(ids: readonly string[], overrides: readonly string[]): ListSourceSpec[] {
  const known = LIST_SOURCES.map((s) => s.id).join(", ");
  const urls = new Map<string, string>();
  for (const spec of overrides) {
    const eq = spec.indexOf("=");
    const id = eq > 0 ? spec.slice(0, eq) : "";
    const url = spec.slice(eq + 1);
    if (!findListSource(id)) throw new UsageError(`--source-url: expected <id>=<url> with id one of ${known}, received "${spec}"`);
    const refused = refuseUrl(url.replaceAll("{file}", "file"));
    if (refused) throw new UsageError(`--source-url ${id}: ${refused}`);
    urls.set(id, url);
  }
  for (const id of ids) if (!findListSource(id)) throw new UsageError(`--source: expected one of ${known}, received "${id}"`);
  const wanted = new Set(ids.length > 0 ? ids : LIST_SOURCES.filter((s) => s.default).map((s) => s.id));
  for (const id of urls.keys()) wanted.add(id);
  const selected = LIST_SOURCES.filter((s) => wanted.has(s.id)).map((source): ListSourceSpec => {
    const url = urls.get(source.id);
    if (url === undefined) return source;
    if (source.files.length > 1 && !url.includes("{file}")) {
      throw new UsageError(`--source-url ${source.id}: this source has ${source.files.length} files (${source.files.map((f) => f.name).join(", ")}); expected a URL with {file} in it, received "${url}"`);
    }
    return { ...source, files: source.files.map((f) => ({ name: f.name, url: url.replaceAll("{file}", f.name) })) };
  });
  const byList = new Map<string, string>();
  for (const s of selected) {
    const other = byList.get(s.listId);
    if (other) throw new UsageError(`--source: ${other} and ${s.id} both provide list ${s.listId}; choose one`);
    byList.set(s.listId, s.id);
  }
  return selected;
}

function countChange(after: number, before: number | undefined): string {
  if (before === undefined) return "new";
  const d = after - before;
  return d === 0 ? "±0" : d > 0 ? `+${d}` : `−${-d}`;
}

function summary(result: UpdateListSetResult, offline: boolean): string {
  const before = new Map((result.previous?.lists ?? []).map((l) => [l.listId, l]));
  const rows = result.manifest.lists.map((l) => {
    const how = result.carried.includes(l.source) ? `kept from set ${result.previous?.setId ?? ""}` : `downloaded ${l.downloadedAt}`;
    return `  ${l.listId.padEnd(10)} ${(l.listDate ?? "(no list date)").padEnd(26)} ${String(l.recordCount).padStart(7)} records (${countChange(l.recordCount, before.get(l.listId)?.recordCount)})  sha256 ${l.sha256.slice(0, 12)}  ${how}`;
  });
  const head = offline
    ? `lists update --offline: installed set ${result.manifest.setId} (set ${result.previous?.setId ?? ""} rebuilt with a new snapshot; nothing downloaded)`
    : `lists update: installed set ${result.manifest.setId}${result.previous ? ` (replacing ${result.previous.setId})` : ""}`;
  return `${head}
${rows.join("\n")}
  current -> ${result.setDir}${result.pruned.length > 0 ? `\n  removed old sets: ${result.pruned.join(", ")}` : ""}
`;
}

/**
 * `lists update [--dir D]`: downloads the official files, verifies them with the fail-closed loaders
 * and the count-drop guard, and installs them as one new set (all or nothing; see
 * `src/cli/update/list-set.ts`). `--offline` downloads nothing: the current set's lists (sha256
 * re-checked) become a new set with a fresh snapshot (after a library upgrade, or for a set
 * installed with `--no-snapshot`). Exit codes: 0 installed, 1 nothing changed (a download, a
 * loader, the guard or the lock failed; every failed source is named), 2 usage error.
 */
export const listsUpdateCommand: CliCommand = {
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        dir: { type: "string" },
        source: { type: "string", multiple: true },
        "source-url": { type: "string", multiple: true },
        "timeout-ms": { type: "string" },
        "max-bytes": { type: "string" },
        "max-drop": { type: "string" },
        "allow-count-drop": { type: "boolean" },
        "accept-rollback": { type: "boolean" },
        "min-records": { type: "string" },
        keep: { type: "string" },
        json: { type: "boolean" },
        "no-snapshot": { type: "boolean" },
        offline: { type: "boolean" },
        "eu-token": { type: "string" },
        "eu-feed-url": { type: "string" },
      },
    });
    if (positionals.length > 0) throw new UsageError(`lists update takes no positional arguments, received "${positionals.join(" ")}"`);
    const offline = values.offline === true;
    if (offline) {
      // Nothing is downloaded: every option about downloads or the new files' checks is a mistake.
      const downloadFlags = ["source", "source-url", "eu-token", "eu-feed-url", "timeout-ms", "max-bytes", "max-drop", "allow-count-drop", "accept-rollback", "min-records", "no-snapshot"] as const;
      const given = downloadFlags.filter((f) => values[f] !== undefined);
      if (given.length > 0) throw new UsageError(`--offline downloads nothing and rebuilds the current set with its snapshot; it takes none of ${given.map((f) => `--${f}`).join(", ")}`);
    }
    const selected = offline ? [] : selectSources(values.source ?? [], values["source-url"] ?? []);
    const maxDrop = values["max-drop"] === undefined ? undefined : Number(values["max-drop"]);
    if (maxDrop !== undefined && !(maxDrop >= 0 && maxDrop <= 1)) {
      throw new UsageError(`--max-drop: expected a fraction from 0 to 1, received "${values["max-drop"]}"`);
    }
    const feedUrl = values["eu-feed-url"] ?? EU_FSF_FEED_URL;
    const feedRefused = refuseUrl(feedUrl);
    if (feedRefused) throw new UsageError(`--eu-feed-url: ${feedRefused}`);
    const timeoutMs = wholeNumber("timeout-ms", values["timeout-ms"], DEFAULT_TIMEOUT_MS, 1);
    const maxBytes = wholeNumber("max-bytes", values["max-bytes"], DEFAULT_MAX_BYTES, 1);
    const keep = wholeNumber("keep", values.keep, DEFAULT_KEEP, 1);
    // The same directory screen, batch and serve read by default (--dir, SANCTIONS_SCREEN_LISTS_DIR, the user's data dir).
    const dir = chooseListsDir(values.dir, io.env)?.dir;
    if (dir === undefined) throw new UsageError("lists update: no default lists directory (the environment names no home); pass --dir D");
    const euToken = values["eu-token"] ?? io.env?.SANCTIONS_SCREEN_EU_TOKEN;
    // The EU file needs a token: from --eu-token / the environment, else the Commission's feed.
    const sources: ListSourceSpec[] = [];
    for (const source of selected) {
      if (source.id !== "eu-fsf") {
        sources.push(source);
        continue;
      }
      try {
        const resolved = await resolveEuFsfSource(source, { ...(euToken === undefined ? {} : { token: euToken }), feedUrl, timeoutMs });
        io.stderr(`lists update: eu-fsf: ${resolved.how}\n`);
        sources.push(resolved.source);
      } catch (error) {
        io.stderr(`sanctions-screen: lists update failed; nothing changed:\n  eu-fsf: ${(error as Error).message}\n`);
        return 1;
      }
    }
    try {
      const result = await updateListSet({
        dir,
        sources,
        ...(offline ? { offline: true } : {}),
        timeoutMs,
        maxBytes,
        ...(maxDrop === undefined ? {} : { maxDropFraction: maxDrop }),
        ...(values["allow-count-drop"] ? { allowCountDrop: true } : {}),
        ...(values["accept-rollback"] ? { acceptRollback: true } : {}),
        ...(values["min-records"] === undefined ? {} : { minRecordCount: wholeNumber("min-records", values["min-records"], 0, 0) }),
        keep,
        ...(values["no-snapshot"] ? { snapshot: false } : {}),
        // The CLI is the edge that reads the clock: the set id and download times.
        now: new Date(),
        onProgress: (line) => io.stderr(`lists update: ${line}\n`),
      });
      io.stdout(values.json ? `${JSON.stringify(result.manifest satisfies SetManifest, null, 2)}\n` : summary(result, offline));
      return 0;
    } catch (error) {
      if (error instanceof UpdateError) {
        io.stderr(`sanctions-screen: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
  },
};
