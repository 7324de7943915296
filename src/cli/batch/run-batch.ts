/**
 * The batch pipeline: stream the input → chunks → a pool of worker threads → results put back in
 * input order → the sink. Memory stays bounded: the reader waits while every worker has
 * {@link IN_FLIGHT_PER_WORKER} chunks queued or while finished chunks wait behind a slow one, and
 * the sink's backpressure (a write that resolves later) holds the reader too.
 */
import { createReadStream, statSync } from "node:fs";
import type { Worker } from "node:worker_threads";
import { batchCsvHeader, formatBatchRow, type BatchOutcome, type BatchResultRow } from "./batch-result";
import { startBatchWorker, type BatchWorkerSpec, type FromWorker, type ToWorker } from "./batch-worker";
import type { BatchProgress } from "./format-progress";
import { readBatchInput, type BatchFormat, type BatchInputRow, type CountryMapping } from "./read-batch-input";

/** Chunks a worker may hold at once: one being screened, one waiting, so no worker idles. */
export const IN_FLIGHT_PER_WORKER = 2;
/** Default rows per chunk: large enough to amortise messaging, small enough to balance workers. */
export const DEFAULT_CHUNK_SIZE = 128;
/** Error messages kept for the summary (all error rows are in the output regardless). */
const MAX_ERRORS_KEPT = 20;

/** Options of {@link runBatch}. */
export interface RunBatchOptions {
  /** Input file path. */
  readonly input: string;
  readonly inputFormat: BatchFormat;
  readonly outputFormat: "csv" | "jsonl";
  /** Receives the output in order (header first for CSV); may return a promise for backpressure. */
  readonly write: (text: string) => void | Promise<void>;
  /** Worker threads (≥ 1). */
  readonly workers: number;
  /** Lists and index the workers screen with. */
  readonly spec: BatchWorkerSpec;
  /** Default `asOf` for rows that do not carry one. */
  readonly asOf?: string;
  readonly chunkSize?: number;
  /** Called about every `progressIntervalMs` while running, and once at the end. */
  readonly onProgress?: (progress: BatchProgress) => void;
  readonly progressIntervalMs?: number;
  /** Called once with CSV columns that are not screen fields. */
  readonly onIgnoredColumns?: (columns: readonly string[]) => void;
  /** Called once per distinct country name the reader mapped to a code, with the row's line. */
  readonly onCountryMapped?: (mapping: CountryMapping, line: number) => void;
}

/** What a finished batch reports. */
export interface BatchSummary {
  readonly rows: number;
  readonly counts: Readonly<Record<BatchOutcome, number>>;
  /** The first error rows' messages (each names its line); `counts.error` has the total. */
  readonly errors: readonly string[];
  readonly elapsedMs: number;
  /** Time until every worker had built its screener (lists and index loaded). */
  readonly startupMs: number;
  readonly workers: number;
}

interface PoolWorker {
  readonly worker: Worker;
  ready: boolean;
  inFlight: number;
}

/**
 * Runs a batch to completion and resolves with its summary; rejects (after stopping every worker)
 * only when the input file cannot be read as a whole or a worker fails — bad rows are output rows.
 * @example
 * await runBatch({ input: "book.csv", inputFormat: "csv", outputFormat: "csv", write, workers: 2, spec })
 * //=> { rows: 100000, counts: { alert: 12, review: 340, clear: 99620, unscreenable: 3, error: 25 }, … }
 */
export async function runBatch(options: RunBatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const counts: Record<BatchOutcome, number> = { alert: 0, review: 0, clear: 0, "stale-clear": 0, unscreenable: 0, error: 0 };
  const errors: string[] = [];
  const totalBytes = statSync(options.input).size;
  const stream = createReadStream(options.input);

  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const waitForChange = (): Promise<void> => new Promise<void>((resolve) => (wake = resolve));

  const results = new Map<number, readonly BatchResultRow[]>();
  let nextToWrite = 0; // next chunk seq to hand to the sink
  let written = 0; // chunks the sink has accepted
  let done = 0; // rows written
  let read = 0;
  let inputEnded = false;
  let startupMs = 0;
  let writing: Promise<void> = Promise.resolve();

  const fail = (error: Error): void => {
    failure ??= error;
    notify();
  };

  const flush = (): void => {
    while (results.has(nextToWrite)) {
      const rows = results.get(nextToWrite) as readonly BatchResultRow[];
      results.delete(nextToWrite);
      nextToWrite++;
      let text = "";
      for (const r of rows) {
        counts[r.outcome]++;
        if (r.outcome === "error" && errors.length < MAX_ERRORS_KEPT) errors.push(r.error);
        text += formatBatchRow(r, options.outputFormat);
      }
      writing = writing
        .then(() => options.write(text))
        .then(
          () => {
            written++;
            done += rows.length;
            notify();
          },
          (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))),
        );
    }
  };

  const pool: PoolWorker[] = [];
  for (let i = 0; i < options.workers; i++) {
    const worker = startBatchWorker(options.spec);
    const entry: PoolWorker = { worker, ready: false, inFlight: 0 };
    pool.push(entry);
    worker.on("message", (message: FromWorker) => {
      if (message.type === "ready") {
        entry.ready = true;
        if (pool.every((p) => p.ready)) startupMs = performance.now() - started;
      }
      else if (message.type === "fatal") fail(new Error(`batch worker ${i + 1}: ${message.message}`));
      else {
        entry.inFlight--;
        results.set(message.seq, message.rows);
        flush();
      }
      notify();
    });
    worker.on("error", (error) => fail(new Error(`batch worker ${i + 1}: ${error.message}`, { cause: error })));
    worker.on("exit", (code) => {
      if (!entry.ready || entry.inFlight > 0 || code !== 0) fail(new Error(`batch worker ${i + 1} stopped (exit code ${code})`));
    });
  }

  const progress = (): BatchProgress => ({
    done,
    read,
    bytesRead: stream.bytesRead,
    totalBytes,
    inputEnded,
    elapsedMs: performance.now() - started,
  });
  const timer =
    options.onProgress === undefined
      ? undefined
      : setInterval(() => options.onProgress?.(progress()), options.progressIntervalMs ?? 200);
  timer?.unref();

  let seq = 0;
  const dispatch = async (items: BatchInputRow[]): Promise<void> => {
    for (;;) {
      if (failure) throw failure;
      // Bound the reorder buffer too: never run more than a few chunks ahead of the sink.
      const ahead = seq - written < options.workers * IN_FLIGHT_PER_WORKER * 2;
      const target = ahead
        ? pool.filter((p) => p.ready && p.inFlight < IN_FLIGHT_PER_WORKER).sort((a, b) => a.inFlight - b.inFlight)[0]
        : undefined;
      if (target) {
        target.inFlight++;
        target.worker.postMessage({ type: "chunk", seq: seq++, items } satisfies ToWorker);
        return;
      }
      await waitForChange();
    }
  };

  try {
    if (options.outputFormat === "csv") writing = writing.then(() => options.write(batchCsvHeader()));
    let chunk: BatchInputRow[] = [];
    const rows = readBatchInput(stream, options.inputFormat, options.onIgnoredColumns ? { onIgnoredColumns: options.onIgnoredColumns } : {});
    const mapped = new Set<string>();
    for await (const item of rows) {
      read++;
      if (item.countryMapping !== undefined && !mapped.has(item.countryMapping.from)) {
        mapped.add(item.countryMapping.from);
        options.onCountryMapped?.(item.countryMapping, item.line);
      }
      chunk.push(options.asOf !== undefined && item.input !== undefined && item.input["asOf"] === undefined ? { ...item, input: { ...item.input, asOf: options.asOf } } : item);
      if (chunk.length >= chunkSize) {
        await dispatch(chunk);
        chunk = [];
      }
    }
    if (chunk.length > 0) await dispatch(chunk);
    inputEnded = true;
    while (written < seq || results.size > 0) {
      if (failure) throw failure;
      await waitForChange();
    }
    await writing;
    if (failure) throw failure;
  } finally {
    if (timer) clearInterval(timer);
    stream.destroy();
    for (const p of pool) {
      p.worker.removeAllListeners("exit");
      await p.worker.terminate();
    }
  }
  options.onProgress?.(progress());
  return { rows: done, counts, errors, elapsedMs: performance.now() - started, startupMs, workers: options.workers };
}
