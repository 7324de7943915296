import { ListFormatError } from "../errors";
import { parseCsv } from "./parse-csv";
import { decodeText, type ListSource } from "./source";

/** How a delimited file with a header row is described in errors. */
export interface HeaderTableFormat<C extends string> {
  /** The exact columns the publisher's header has (order free). */
  readonly columns: readonly C[];
  /** Field delimiter; default `,`. */
  readonly delimiter?: string;
  /** Name of the format in messages, e.g. "CSV", "tab-separated text". */
  readonly what: string;
  /** Name of the column set in messages, e.g. "the 29 CSL columns". */
  readonly columnSet: string;
}

/**
 * Reads a delimited UTF-8 file with one header row, failing closed: a syntax error, a missing,
 * unknown or repeated column, or a row with the wrong number of fields is a ListFormatError naming
 * the line. Rows come back keyed by column, with their 1-based line numbers.
 * @example
 * readHeaderTable("bis-dpl", source, { columns: DPL_COLUMNS, delimiter: "\t", what: "tab-separated text", columnSet: "the 12 DPL columns" })[0]?.row.Name
 */
export function readHeaderTable<C extends string>(
  listId: string,
  source: ListSource,
  format: HeaderTableFormat<C>,
): { row: Record<C, string>; line: number }[] {
  const text = decodeText(listId, source);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parseCsv(text, { delimiter: format.delimiter ?? ",", skipEmptyLines: true }).map((r) => ({ record: r.fields, info: { lines: r.line } }));
  } catch (cause) {
    const lines = (cause as { lines?: unknown }).lines;
    throw new ListFormatError(
      listId,
      [
        {
          field: source.name,
          expected: `well-formed ${format.what}`,
          received: cause instanceof Error ? cause.message : String(cause),
          ...(typeof lines === "number" ? { line: lines } : {}),
        },
      ],
      { cause, summary: `file is not valid ${format.what}` },
    );
  }
  const header = parsed[0]?.record.map((h) => h.trim()) ?? [];
  const missing = format.columns.filter((c) => !header.includes(c));
  const unknown = header.filter((h) => !(format.columns as readonly string[]).includes(h));
  const repeated = header.filter((h, i) => header.indexOf(h) !== i);
  if (missing.length > 0 || unknown.length > 0 || repeated.length > 0) {
    throw new ListFormatError(
      listId,
      [
        ...missing.map((c) => ({ field: c, expected: "column present in the header", received: "missing", line: 1 })),
        ...unknown.map((c) => ({ field: c, expected: `one of ${format.columnSet}`, received: `unknown column ${JSON.stringify(c)}`, line: 1 })),
        ...repeated.map((c) => ({ field: c, expected: "each column once", received: "repeated column", line: 1 })),
      ],
      { summary: "unexpected header" },
    );
  }
  // Column counts are checked after the header, so a header problem is named as such.
  const wrong = parsed.slice(1).filter(({ record }) => record.length !== header.length);
  if (wrong.length > 0) {
    throw new ListFormatError(
      listId,
      wrong.map(({ record, info }) => ({ field: source.name, expected: `${header.length} fields`, received: `${record.length} fields`, line: info.lines })),
      { summary: "rows with the wrong number of fields (truncated or malformed file)" },
    );
  }
  const index = format.columns.map((c) => header.indexOf(c));
  return parsed.slice(1).map(({ record, info }) => {
    const row = {} as Record<C, string>;
    format.columns.forEach((c, i) => {
      row[c] = record[index[i] ?? -1] ?? "";
    });
    return { row, line: info.lines };
  });
}
