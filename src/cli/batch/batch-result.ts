/**
 * One output row of `batch` per input record, and its CSV / JSONL serialisation. The row is a
 * summary of a {@link ScreenResult}: outcome, the best hit (list:id, matched name, score, the hit's
 * summary rendered from its reasons) and the list versions screened against, so each row stands on
 * its own in an audit trail.
 */
import type { ListProvenance, ScreenResult } from "../../screen";
import type { BatchInputRow } from "./read-batch-input";

/** A batch outcome: the screen's, or `error` for a record that could not be screened. */
export type BatchOutcome = ScreenResult["outcome"] | "error";

/** One output row. */
export interface BatchResultRow {
  readonly row: number;
  readonly line: number;
  readonly name: string;
  readonly outcome: BatchOutcome;
  /** Records at or above the review threshold. */
  readonly hitCount: number;
  /** Best hit as `<list>:<record id>`, e.g. `ofac-sdn:15487`. */
  readonly bestHit: string;
  readonly matchedName: string;
  /** Best hit's score, or empty when there is no hit. */
  readonly score: number | null;
  /** The best hit's summary; for an unscreenable name, why. */
  readonly summary: string;
  /** Lists screened against: `<list>@<date>#<sha256 prefix>`, `; `-separated. */
  readonly listVersions: string;
  /** Why the record could not be screened (outcome `error`). */
  readonly error: string;
}

/** Output columns, in order (CSV header uses these names). */
export const BATCH_COLUMNS = [
  "row",
  "line",
  "name",
  "outcome",
  "hitCount",
  "bestHit",
  "matchedName",
  "score",
  "summary",
  "listVersions",
  "error",
] as const satisfies readonly (keyof BatchResultRow)[];

/**
 * Renders the lists a result was screened against, one `<list>@<date>#<sha256 prefix>` each.
 * @example
 * formatListVersions([{ listId: "un-sc", listDate: "2026-02-27", sha256: "3f1a…", recordCount: 1003 }]) //=> "un-sc@2026-02-27#3f1a2b3c4d5e"
 */
export function formatListVersions(lists: readonly ListProvenance[]): string {
  return lists.map((l) => `${l.listId}@${l.listDate ?? "undated"}#${l.sha256.slice(0, 12)}`).join("; ");
}

/**
 * Summarises a screen result as one output row.
 * @example
 * summarizeScreenResult({ row: 1, line: 2, name: "Army Supply Bureau" }, result, versions).bestHit //=> "ofac-sdn:15486"
 */
export function summarizeScreenResult(item: BatchInputRow, result: ScreenResult, listVersions: string): BatchResultRow {
  const best = result.hits[0];
  const summary = best
    ? best.summary
    : result.outcome === "unscreenable"
      ? result.reasons.map((r) => r.detail).join("; ")
      : "";
  return {
    row: item.row,
    line: item.line,
    name: item.name,
    outcome: result.outcome,
    hitCount: result.hitCount,
    bestHit: best ? `${best.list}:${best.recordId}` : "",
    matchedName: best?.name ?? "",
    score: best ? best.score : null,
    summary,
    listVersions,
    error: "",
  };
}

/**
 * The output row of a record that could not be screened.
 * @example
 * errorRow({ row: 3, line: 4, name: "" }, "line 4: expected a JSON object, received \"{\"").outcome //=> "error"
 */
export function errorRow(item: Pick<BatchInputRow, "row" | "line" | "name">, error: string): BatchResultRow {
  return { row: item.row, line: item.line, name: item.name, outcome: "error", hitCount: 0, bestHit: "", matchedName: "", score: null, summary: "", listVersions: "", error };
}

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection"):
 * https://owasp.org/www-community/attacks/CSV_Injection
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: RFC 4180 quoting, and a text cell that starts with `=`, `+`, `-`, `@`, tab or CR is
 * prefixed with a single quote and quoted (the OWASP rule), so a spreadsheet shows it as text and
 * never evaluates it. Numbers (scores, row numbers) are written as they are.
 * @example
 * csvCell("=1+2") //=> `"'=1+2"`
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  if (FORMULA_START.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The CSV header line of the output.
 * @example
 * batchCsvHeader() //=> "row,line,name,outcome,hitCount,bestHit,matchedName,score,summary,listVersions,error\n"
 */
export function batchCsvHeader(): string {
  return `${BATCH_COLUMNS.join(",")}\n`;
}

/**
 * Serialises one output row as a CSV line (RFC 4180 quoting) or a JSON line.
 * @example
 * formatBatchRow(errorRow({ row: 1, line: 2, name: "x" }, "bad"), "jsonl") //=> '{"row":1,"line":2,"name":"x","outcome":"error",…}\n'
 */
export function formatBatchRow(row: BatchResultRow, format: "csv" | "jsonl"): string {
  if (format === "jsonl") {
    const out: Record<string, unknown> = {};
    for (const c of BATCH_COLUMNS) out[c] = row[c];
    return `${JSON.stringify(out)}\n`;
  }
  return `${BATCH_COLUMNS.map((c) => csvCell(row[c])).join(",")}\n`;
}
