/**
 * The command table: what `help` prints, and each command's module, imported only when that command
 * runs. The modules of `screen`, `batch` and `serve` load the embedded lists (megabytes of JSON), so
 * `help` and `--version` must not import them.
 */
import type { CliCommandEntry } from "../command";
import { LIST_SOURCES } from "../update/sources";

/** Every command, in the order the usage text lists them. */
export const COMMANDS: readonly CliCommandEntry[] = [
  {
    words: ["screen"],
    usage: "screen <name> [--type T] [--country CC] [--dob D] [--id type:value] [--as-of D] [--profile P] [--lists-dir D | --list file… | --embedded] [--min-records N] [--json] [--fail-on alert|review|stale]",
    summary: "Screen a name against the installed lists (lists update), official files or, with a warning, the embedded snapshots; print explained hits",
    load: async () => (await import("./screen")).screenCommand,
  },
  {
    words: ["lists", "inspect"],
    usage: "lists inspect <file> [--format <id>] [--previous-count N [--allow-count-drop]] [--min-records N]",
    summary: "Summarise a list file as JSON (list id, date, count, sha256); exits 1 on a bad file",
    load: async () => (await import("./lists-inspect")).listsInspectCommand,
  },
  {
    words: ["batch"],
    usage: "batch <input.csv|.jsonl> [--out file] [--format csv|jsonl] [--as-of D] [--profile P] [--workers N] [--lists-dir D | --list file… | --embedded] [--min-records N] [--chunk-size N]",
    summary: "Screen every row of a file on all cores; exit 0 all screened, 4 some rows bad (in the output), 1 failed",
    load: async () => (await import("./batch")).batchCommand,
  },
  {
    words: ["serve"],
    usage: "serve [--port N] [--host H] [--api-key-env VAR] [--profile P] [--max-batch N] [--max-name-words N] [--max-batch-words N] [--max-batch-ms N] [--no-page] [--lists-dir D | --list file… | --embedded] [--min-records N]",
    summary: "Serve the screening API and the analyst page over the installed lists (default http://127.0.0.1:8787)",
    load: async () => (await import("./serve")).serveCommand,
  },
  {
    words: ["lists", "update"],
    usage:
      "lists update [--dir D] [--source id]… [--source-url id=url]… [--eu-token T] [--eu-feed-url U] [--timeout-ms N] [--max-bytes N] [--max-drop F] [--allow-count-drop] [--accept-rollback] [--min-records N] [--keep N] [--no-snapshot] [--offline] [--json]",
    summary: `Download the official lists into D/current as one verified set (all or nothing; D defaults to SANCTIONS_SCREEN_LISTS_DIR or ~/.local/share/sanctions-screen/lists); sources: ${LIST_SOURCES.map((s) => (s.default ? s.id : `(${s.id})`)).join(", ")}`,
    load: async () => (await import("./lists-update")).listsUpdateCommand,
  },
  {
    words: ["lists", "diff"],
    usage: "lists diff <old file> <new file> [--format <id>] [--min-records N] [--json]",
    summary: "Show records added, removed and changed (with the fields) between two versions of a list",
    load: async () => (await import("./lists-diff")).listsDiffCommand,
  },
];
