/**
 * RFC 4180 delimited text, parsed with Web-standard JavaScript only (strings, no `Buffer`), so the
 * list loaders import cleanly in browsers and in workerd without `nodejs_compat` (issue 8: the ESM
 * build of csv-parse evaluates `Buffer.from` when imported). It reads the publishers' files exactly
 * as csv-parse 7 did with the options the loaders used (a test compares both on every shipped and
 * fixture file):
 *
 * - fields are separated by `delimiter`; a field that starts with `"` is quoted, `""` inside it is
 *   one quote, and it may span lines;
 * - the record delimiter is the first line break met outside quotes (`\r\n`, `\n` or `\r`) and only
 *   that one ends records from then on;
 * - strict quotes: a quote inside an unquoted field, or anything but a delimiter, a line break or the
 *   end after a closing quote, or a quote never closed, is a {@link CsvSyntaxError} naming the line;
 * - `line` of a record is the 1-based line its last character is on, counting, as csv-parse did,
 *   every `\r` and every `\n` inside fields as a line of its own.
 */

/** Options of {@link parseCsv}. */
export interface ParseCsvOptions {
  /** Field delimiter (one or more characters); default `,`. */
  readonly delimiter?: string;
  /** Skip lines with nothing on them; default false (an empty line is a record of one empty field). */
  readonly skipEmptyLines?: boolean;
  /** Drop a leading byte-order mark; default false (it stays in the first field). */
  readonly bom?: boolean;
  /** Refuse a record with another field count than the first record's; default false. */
  readonly strictColumnCount?: boolean;
}

/** One record and the line it ends on. */
export interface CsvRecord {
  readonly fields: string[];
  readonly line: number;
}

/** A syntax error in delimited text, with the 1-based line (`lines`, as csv-parse named it). */
export class CsvSyntaxError extends Error {
  override readonly name = "CsvSyntaxError";
  constructor(
    readonly code: "INVALID_OPENING_QUOTE" | "INVALID_CLOSING_QUOTE" | "QUOTE_NOT_CLOSED" | "RECORD_INCONSISTENT_FIELDS_LENGTH",
    message: string,
    readonly lines: number,
  ) {
    super(message);
  }
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Parses delimited text into records (see the module header for the rules).
 * @example
 * parseCsv('a,"b ""c"""\n1,2\n').map((r) => r.fields) //=> [["a", 'b "c"'], ["1", "2"]]
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): CsvRecord[] {
  const delimiter = options.delimiter ?? ",";
  const d0 = delimiter.charCodeAt(0);
  const dl = delimiter.length;
  const n = text.length;
  let i = options.bom && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  /** The record delimiter once met: "\r\n", "\n" or "\r". */
  let rd: string | undefined;
  let line = 1;
  const out: CsvRecord[] = [];
  let width: number | undefined;

  const isDelimiter = (at: number): boolean => text.charCodeAt(at) === d0 && (dl === 1 || text.startsWith(delimiter, at));
  /** Length of the record delimiter at `at` (0 if none); fixes it when first met. */
  const recordBreak = (at: number): number => {
    const c = text.charCodeAt(at);
    if (c !== CR && c !== LF) return 0;
    if (rd === undefined) rd = c === CR && text.charCodeAt(at + 1) === LF ? "\r\n" : c === CR ? "\r" : "\n";
    return text.startsWith(rd, at) ? rd.length : 0;
  };
  /** Line breaks inside field content: as csv-parse counted them, every "\r" and every "\n". */
  const countLines = (from: number, to: number): void => {
    for (let k = from; k < to; k++) {
      const c = text.charCodeAt(k);
      if (c === LF || c === CR) line++;
    }
  };

  while (i < n) {
    const empty = recordBreak(i);
    if (empty > 0) {
      i += empty;
      if (!options.skipEmptyLines) push([""]);
      line++;
      continue;
    }
    const fields: string[] = [];
    let ended = false;
    while (!ended) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        const opened = line;
        let j = i + 1;
        value = "";
        for (;;) {
          const k = text.indexOf('"', j);
          if (k < 0) throw new CsvSyntaxError("QUOTE_NOT_CLOSED", `Quote Not Closed: the parsing is finished with an opening quote at line ${opened}`, opened);
          countLines(j, k);
          value += text.slice(j, k);
          if (text.charCodeAt(k + 1) === QUOTE) {
            value += '"';
            j = k + 2;
            continue;
          }
          i = k + 1;
          break;
        }
        fields.push(value);
        if (i >= n) break;
        if (isDelimiter(i)) {
          i += dl;
          continue;
        }
        const brk = recordBreak(i);
        if (brk === 0) {
          throw new CsvSyntaxError("INVALID_CLOSING_QUOTE", `Invalid Closing Quote: got ${JSON.stringify(text[i])} at line ${line} instead of delimiter or record delimiter`, line);
        }
        push(fields);
        i += brk;
        line++;
        ended = true;
        continue;
      }
      const start = i;
      let brk = 0;
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === d0 && (dl === 1 || text.startsWith(delimiter, i))) break;
        if (c === QUOTE) {
          throw new CsvSyntaxError(
            "INVALID_OPENING_QUOTE",
            `Invalid Opening Quote: a quote is found on field ${fields.length} at line ${line}, value is ${JSON.stringify(text.slice(start, i))}`,
            line,
          );
        }
        if (c === CR || c === LF) {
          brk = recordBreak(i);
          if (brk > 0) break;
          // A line break other than the record delimiter is content; csv-parse counts each such
          // character as a line.
          line++;
        }
      }
      fields.push(text.slice(start, i));
      if (i >= n) break;
      if (brk > 0) {
        push(fields);
        i += brk;
        line++;
        ended = true;
        continue;
      }
      i += dl;
    }
    if (!ended) push(fields);
  }
  return out;

  function push(fields: string[]): void {
    if (options.strictColumnCount) {
      width ??= fields.length;
      if (fields.length !== width) {
        throw new CsvSyntaxError("RECORD_INCONSISTENT_FIELDS_LENGTH", `Invalid Record Length: expect ${width}, got ${fields.length} on line ${line}`, line);
      }
    }
    out.push({ fields, line });
  }
}
