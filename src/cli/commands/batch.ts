import { createWriteStream, renameSync, rmSync, statSync, type WriteStream } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, extname, join } from "node:path";
import { parseArgs } from "node:util";
import { InputError } from "../../errors";
import { PROFILES, type ProfileName } from "../../screen";
import {
  BatchInputError,
  createBatchScreener,
  formatProgress,
  runBatch,
  type BatchFormat,
  type BatchSummary,
  type BatchWorkerSpec,
} from "../batch";
import { UsageError, type CliCommand, type CliIo } from "../command";
import { chooseScreeningLists } from "../installed-lists";
import type { InstalledSet } from "../update";
import { readPrebuiltIndex } from "../prebuilt-index";
import { listFileOptions } from "../read-list-files";

/** Exit code of a batch that ran to the end but had rows it could not screen (all are in the output). */
export const BATCH_EXIT_ROW_ERRORS = 4;

const MAX_WORKERS = 64;

function formatOf(path: string): BatchFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === ".csv") return "csv";
  if (ext === ".jsonl" || ext === ".ndjson") return "jsonl";
  return undefined;
}

/**
 * The screener spec the workers get: the lists (embedded, an installed set or `--list` files) and an
 * index that fits them. The lists are loaded once here first, so a bad list file fails before any
 * worker starts. An installed set's snapshot (checked when the set was opened) is handed over as it
 * is: a `SharedArrayBuffer` every worker views, as for the embedded lists.
 */
async function workerSpec(lists: readonly string[], set: InstalledSet | undefined, profile: ProfileName | undefined, io: CliIo, listOptions: BatchWorkerSpec["listOptions"]): Promise<BatchWorkerSpec> {
  const setDir = set?.setDir;
  const base = { lists, ...(setDir === undefined ? {} : { setDir }), ...(profile === undefined ? {} : { profile }), ...(listOptions === undefined ? {} : { listOptions }) };
  if (set !== undefined) {
    if (set.snapshot !== undefined) return { ...base, index: set.snapshot, setSnapshot: true };
    return { ...base, index: set.screener({}).exportIndex() };
  }
  if (lists.length === 0) {
    const prebuilt = readPrebuiltIndex();
    if (prebuilt !== undefined) {
      try {
        await createBatchScreener({ ...base, index: prebuilt });
        return { ...base, index: prebuilt };
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        // A checkout whose lists or algorithm changed since `npm run build`: build once here.
        io.stderr(`batch: the prebuilt index does not fit the embedded lists (they or the algorithm changed since it was built); building it once\n`);
      }
    }
  }
  return { ...base, index: (await createBatchScreener(base)).exportIndex() };
}

/** A file sink that only appears under its name once complete (temp file + rename). */
function atomicFile(path: string): { write: (text: string) => Promise<void>; commit: () => Promise<void>; abort: () => void } {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const out: WriteStream = createWriteStream(temp, { flags: "wx" });
  let streamError: Error | undefined;
  out.on("error", (error) => (streamError = error));
  return {
    write: (text) =>
      new Promise<void>((resolve, reject) => {
        if (streamError) return reject(streamError);
        if (out.write(text)) resolve();
        else out.once("drain", resolve);
      }),
    commit: () =>
      new Promise<void>((resolve, reject) => {
        out.end((error?: Error | null) => {
          if (error || streamError) return reject(error ?? streamError);
          try {
            renameSync(temp, path);
            resolve();
          } catch (renameError) {
            reject(renameError as Error);
          }
        });
      }),
    abort: () => {
      out.destroy();
      rmSync(temp, { force: true });
    },
  };
}

function summaryText(summary: BatchSummary): string {
  const seconds = summary.elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(summary.rows / seconds) : 0;
  const c = summary.counts;
  let text = `batch: ${summary.rows} rows in ${seconds.toFixed(1)} s (${rate} rows/s, ${summary.workers} worker${summary.workers === 1 ? "" : "s"}): ${c.alert} alert, ${c.review} review, ${c.clear} clear, ${c["stale-clear"] > 0 ? `${c["stale-clear"]} stale-clear (no match on stale lists: not clear), ` : ""}${c.unscreenable} unscreenable, ${c.error} error\n`;
  if (c.error > 0) {
    text += `batch: ${c.error} row${c.error === 1 ? "" : "s"} could not be screened (outcome "error" in the output):\n`;
    text += summary.errors.map((e) => `  ${e}\n`).join("");
    if (c.error > summary.errors.length) text += `  … ${c.error - summary.errors.length} more\n`;
  }
  return text;
}

/**
 * `batch <input>`: screens every row of a CSV or JSONL file on worker threads, writing one result
 * row per input row in input order. Exit codes: 0 every row screened (whatever the outcomes);
 * 4 the run finished and wrote every row, but some rows could not be screened (outcome `error`,
 * listed on stderr with their line numbers); 1 nothing usable was produced (unreadable input, no
 * `name` column, a bad list file, a worker failure — with `--out`, no output file is left behind);
 * 2 a usage error.
 */
export const batchCommand: CliCommand = {
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        out: { type: "string" },
        format: { type: "string" },
        "as-of": { type: "string" },
        profile: { type: "string" },
        workers: { type: "string" },
        list: { type: "string", multiple: true },
        "min-records": { type: "string" },
        "lists-dir": { type: "string" },
        embedded: { type: "boolean" },
        "chunk-size": { type: "string" },
      },
    });
    const input = positionals[0];
    if (input === undefined || positionals.length > 1) throw new UsageError("batch takes exactly one input file");
    const inputFormat = formatOf(input);
    if (inputFormat === undefined) throw new UsageError(`batch: expected a .csv or .jsonl input file, received "${input}"`);
    const format = values.format;
    if (format !== undefined && format !== "csv" && format !== "jsonl") {
      throw new UsageError(`--format: expected csv or jsonl, received "${format}"`);
    }
    const outputFormat = format ?? (values.out !== undefined ? formatOf(values.out) : undefined) ?? inputFormat;
    if (values.profile !== undefined && !(values.profile in PROFILES)) {
      throw new UsageError(`--profile: expected one of ${Object.keys(PROFILES).join(", ")}, received "${values.profile}"`);
    }
    const asOf = values["as-of"] ?? io.today;
    if (values["as-of"] !== undefined && !/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(values["as-of"])) {
      throw new UsageError(`--as-of: expected YYYY-MM-DD, received "${values["as-of"]}"`);
    }
    const workers = values.workers === undefined ? Math.min(MAX_WORKERS, availableParallelism()) : Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1 || workers > MAX_WORKERS) {
      throw new UsageError(`--workers: expected a whole number from 1 to ${MAX_WORKERS}, received "${values.workers}"`);
    }
    const chunkSize = values["chunk-size"] === undefined ? undefined : Number(values["chunk-size"]);
    if (chunkSize !== undefined && (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > 10_000)) {
      throw new UsageError(`--chunk-size: expected a whole number from 1 to 10000, received "${values["chunk-size"]}"`);
    }

    // A missing input fails before the lists are loaded (runCli reports ENOENT, exit 1).
    if (!statSync(input).isFile()) throw new UsageError(`batch: expected an input file, received "${input}"`);
    const choice = chooseScreeningLists({ files: values.list ?? [], listsDir: values["lists-dir"], embedded: values.embedded === true, env: io.env, note: io.stderr });
    const spec = await workerSpec(
      choice.origin === "files" ? choice.files : [],
      choice.origin === "installed" ? choice.set : undefined,
      values.profile as ProfileName | undefined,
      io,
      listFileOptions(values["min-records"], io.today),
    );
    const sink = values.out === undefined ? undefined : atomicFile(values.out);
    const write = sink ? sink.write : (text: string) => io.stdout(text);
    const tty = io.stderrIsTty === true;
    let summary: BatchSummary;
    try {
      summary = await runBatch({
        input,
        inputFormat,
        outputFormat,
        write,
        workers,
        spec,
        ...(asOf === undefined ? {} : { asOf }),
        ...(chunkSize === undefined ? {} : { chunkSize }),
        onIgnoredColumns: (columns) => io.stderr(`batch: ignoring columns that are not screen fields: ${columns.join(", ")}\n`),
        onCountryMapped: (m, line) => io.stderr(`batch: country "${m.from}" read as ${m.to} (${m.toName}), first on line ${line}\n`),
        ...(tty ? { onProgress: (p) => io.stderr(`\r${formatProgress(p)}\x1b[K`) } : {}),
      });
      if (tty) io.stderr("\n");
      await sink?.commit();
    } catch (error) {
      sink?.abort();
      if (tty) io.stderr("\n");
      if (error instanceof BatchInputError) {
        io.stderr(`sanctions-screen: batch: ${input} ${error.message}${sink ? "; no output written" : ""}\n`);
        return 1;
      }
      const code = error instanceof Error && "code" in error ? String((error as { code: unknown }).code) : "";
      if (code === "ENOENT" || code === "EISDIR" || code === "EACCES" || code === "EEXIST") throw error;
      io.stderr(`sanctions-screen: batch: ${error instanceof Error ? error.message : String(error)}${sink ? "; no output written" : ""}\n`);
      return 1;
    }
    io.stderr(summaryText(summary));
    return summary.counts.error > 0 ? BATCH_EXIT_ROW_ERRORS : 0;
  },
};
