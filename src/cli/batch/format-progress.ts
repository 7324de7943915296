/** State of a running batch, as the progress line shows it. */
export interface BatchProgress {
  /** Rows written so far. */
  readonly done: number;
  /** Rows read so far. */
  readonly read: number;
  /** Input bytes read so far, and the file's size (0 when unknown). */
  readonly bytesRead: number;
  readonly totalBytes: number;
  /** True once the whole input has been read (`read` is then the total). */
  readonly inputEnded: boolean;
  readonly elapsedMs: number;
}

const BAR_WIDTH = 24;

function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/**
 * Renders the one-line progress bar: bar, rows done, rate and ETA. The total is estimated from the
 * share of input bytes read (rows are not counted ahead of time: the input is streamed), and is
 * exact once the input has been read.
 * @example
 * formatProgress({ done: 500, read: 600, bytesRead: 50, totalBytes: 100, inputEnded: false, elapsedMs: 1000 })
 * //=> "[##########..............]  500/~1,200 rows  500 rows/s  ETA 0:01"
 */
export function formatProgress(p: BatchProgress): string {
  const byteShare = p.totalBytes > 0 ? Math.min(1, p.bytesRead / p.totalBytes) : 0;
  const total = p.inputEnded ? p.read : byteShare > 0 ? Math.max(p.read, Math.round(p.read / byteShare)) : 0;
  const share = total > 0 ? Math.min(1, p.done / total) : 0;
  const filled = Math.round(share * BAR_WIDTH);
  const bar = `[${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}]`;
  const rate = p.elapsedMs > 0 ? (p.done * 1000) / p.elapsedMs : 0;
  const totalText = total > 0 ? `/${p.inputEnded ? "" : "~"}${total.toLocaleString("en-US")}` : "";
  const eta = total > 0 && rate > 0 ? `ETA ${duration((total - p.done) / rate)}` : "ETA --:--";
  return `${bar}  ${p.done.toLocaleString("en-US")}${totalText} rows  ${Math.round(rate).toLocaleString("en-US")} rows/s  ${eta}`;
}
