/**
 * Streaming reader of batch input files, one record at a time, so a 100k-row book is never held in
 * memory at once.
 *
 * Contract: every data record of the file comes out as exactly one {@link BatchInputRow}, in file
 * order, either with a screening `input` or with an `error` naming its line. A bad record never
 * stops the reader nor swallows the records after it. Only a file-level problem (no usable header)
 * throws {@link BatchInputError}. Blank lines are not records. Each line is decoded as UTF-8 on its
 * own, strictly: a line with other bytes (a Windows-1252 export) is an error row, never a garbled name.
 *
 * CSV: RFC 4180 with a header row: `name` plus optional `type`, `country`, `dob` (or
 * `date_of_birth`), `id` (`type:value` or a bare value). A record may span lines inside a quoted
 * field; an unbalanced quote is reported on its own line after at most {@link MAX_RECORD_LINES}
 * lines and the lines after it are read again as records, so one stray quote costs one row.
 * JSONL: one JSON object per line with the screen input fields (`name`, `type`, `country`,
 * `dateOfBirth`, `identifiers`, `asOf`); the screener validates them.
 *
 * Countries (both formats): a two-letter value is a code (upper-cased; the screener checks it
 * against ISO 3166-1, so "UK" is an error row with the hint "GB"). A longer value is read as a
 * country name ("Syria", "Côte d'Ivoire", "Korea, North") and mapped to its code; the row records
 * the mapping it used (`countryMapping`) and the CLI prints it. A name that names several countries
 * ("Congo", "Korea") or none is left as given, so the screener refuses it, naming the field.
 */
import type { Readable } from "node:stream";
import { parseCsv } from "../../lists/parse-csv";
import { countryCode, countryName } from "../../lists";

/** Input file formats of `batch`. */
export type BatchFormat = "csv" | "jsonl";

/** One data record of the input: a screening input, or the reason it cannot be screened. */
export interface BatchInputRow {
  /** 1-based number of the data record (header and blank lines not counted). */
  readonly row: number;
  /** 1-based line of the file where the record starts. */
  readonly line: number;
  /** The name as given (empty when none could be read). */
  readonly name: string;
  /** Fields for `Screener.screen` (without the run's default `asOf`). */
  readonly input?: Readonly<Record<string, unknown>>;
  /** Why the record cannot be screened: "where: expected X, received Y". */
  readonly error?: string;
  /** A country name the reader mapped to its ISO code, and the name of that code. */
  readonly countryMapping?: CountryMapping;
}

/** How a country name in the input was read. */
export interface CountryMapping {
  readonly from: string;
  readonly to: string;
  /** English name of `to`, e.g. "Syria". */
  readonly toName: string;
}

/** Names that stand for more than one country: never mapped, the caller must choose. */
const AMBIGUOUS_COUNTRY_NAMES: ReadonlySet<string> = new Set(["congo", "korea", "virgin islands", "the congo"]);

/**
 * Reads a country cell: a two-letter code upper-cased, a name mapped to its code (with the mapping),
 * anything else unchanged for the screener to refuse.
 * @example
 * readCountry("Syria") //=> { country: "SY", mapping: { from: "Syria", to: "SY", toName: "Syria" } }
 */
export function readCountry(value: string): { country: string; mapping?: CountryMapping } {
  const trimmed = value.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) return { country: trimmed.toUpperCase() };
  if (AMBIGUOUS_COUNTRY_NAMES.has(trimmed.toLowerCase())) return { country: trimmed };
  const code = countryCode(trimmed);
  if (code === undefined) return { country: trimmed };
  return { country: code, mapping: { from: trimmed, to: code, toName: countryName(code) } };
}

/** A problem with the input file as a whole (no header, no name column): nothing can be screened. */
export class BatchInputError extends Error {}

/** Longest run of physical lines one CSV record may span before its open quote counts as an error. */
export const MAX_RECORD_LINES = 20;

/** CSV header spellings → screen input field. */
const CSV_COLUMNS: Readonly<Record<string, "name" | "type" | "country" | "dob" | "id">> = {
  name: "name",
  type: "type",
  country: "country",
  dob: "dob",
  date_of_birth: "dob",
  dateofbirth: "dob",
  id: "id",
  identifier: "id",
};

function quoteCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) n++;
  return n;
}

function clip(text: string, max = 60): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

/** One physical line: its text, or undefined when its bytes are not UTF-8. */
interface RawLine {
  readonly text: string | undefined;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function decodeLine(bytes: Uint8Array): RawLine {
  // CRLF files: the CR belongs to the line end, not to the last field.
  const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
  try {
    return { text: utf8.decode(bytes.subarray(0, end)) };
  } catch {
    return { text: undefined };
  }
}

/**
 * Splits a byte stream into lines and decodes each on its own, strictly: a line that is not UTF-8
 * (a Windows-1252 export, say) is refused as that line alone instead of being screened garbled.
 */
async function* readLines(stream: Readable): AsyncGenerator<RawLine> {
  let carry: Uint8Array = new Uint8Array(0);
  for await (const chunk of stream) {
    const bytes: Uint8Array = typeof chunk === "string" ? new TextEncoder().encode(chunk) : (chunk as Uint8Array);
    let start = 0;
    for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, start)) {
      const piece = bytes.subarray(start, i);
      if (carry.length > 0) {
        const line = new Uint8Array(carry.length + piece.length);
        line.set(carry);
        line.set(piece, carry.length);
        carry = new Uint8Array(0);
        yield decodeLine(line);
      } else {
        yield decodeLine(piece);
      }
      start = i + 1;
    }
    if (start < bytes.length) {
      const rest = bytes.subarray(start);
      const joined = new Uint8Array(carry.length + rest.length);
      joined.set(carry);
      joined.set(rest, carry.length);
      carry = joined;
    }
  }
  if (carry.length > 0) yield decodeLine(carry);
}

const NOT_UTF8 = "expected UTF-8 text, received bytes that are not UTF-8 (save the file as UTF-8)";

/**
 * Splits one well-formed RFC 4180 record (fields plain, or wholly quoted with `""` for a quote);
 * undefined for anything else, which then goes to the full CSV parser (`parseCsv`) for its verdict and message. Rows are
 * parsed one at a time so that each error names its line, and a parser per row costs ~40 µs: this
 * is the fast path for the rows that need no judgement.
 */
function splitRecord(text: string): string[] | undefined {
  if (!text.includes('"')) return text.split(",");
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let value = "";
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) return undefined;
        value += text.slice(j, q);
        if (text[q + 1] === '"') {
          value += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      fields.push(value);
      if (i === text.length) return fields;
      if (text[i] !== ",") return undefined;
      i++;
    } else {
      const comma = text.indexOf(",", i);
      const value = comma === -1 ? text.slice(i) : text.slice(i, comma);
      if (value.includes('"')) return undefined;
      fields.push(value);
      if (comma === -1) return fields;
      i = comma + 1;
    }
  }
}

/**
 * Parses one CSV record (a line, or lines joined inside a quoted field) into its fields; throws
 * `CsvSyntaxError` on a malformed record.
 * @example
 * parseCsvRecord('"SMITH, John",person,"say ""hi"""') //=> ["SMITH, John", "person", 'say "hi"']
 */
export function parseCsvRecord(text: string): string[] {
  const fast = splitRecord(text);
  if (fast !== undefined) return fast;
  const records = parseCsv(text);
  if (records.length !== 1) throw new Error(`one record, received ${records.length}`);
  return (records[0] as { fields: string[] }).fields;
}

interface CsvHeader {
  readonly fields: readonly ((typeof CSV_COLUMNS)[string] | undefined)[];
  readonly ignored: readonly string[];
}

function readCsvHeader(cells: readonly string[], line: number): CsvHeader {
  const fields = cells.map((c) => CSV_COLUMNS[c.replace(/^\uFEFF/, "").trim().toLowerCase()]);
  const seen = new Set<string>();
  for (const [i, f] of fields.entries()) {
    if (f === undefined) continue;
    if (seen.has(f)) throw new BatchInputError(`line ${line}: expected each column once, received a second "${cells[i]}" column`);
    seen.add(f);
  }
  if (!seen.has("name")) {
    throw new BatchInputError(
      `line ${line}: expected a header row with a "name" column (optional: type, country, dob, id), received ${clip(cells.join(","), 120)}`,
    );
  }
  const ignored = cells.filter((_, i) => fields[i] === undefined).map((c) => c.trim());
  return { fields, ignored };
}

function csvRow(header: CsvHeader, cells: readonly string[], row: number, line: number): BatchInputRow {
  const nameAt = header.fields.indexOf("name");
  const name = (cells[nameAt] ?? "").trim();
  if (cells.length !== header.fields.length) {
    return { row, line, name, error: `line ${line}: expected ${header.fields.length} fields as in the header, received ${cells.length}` };
  }
  const input: Record<string, unknown> = { name };
  let countryMapping: CountryMapping | undefined;
  for (const [i, field] of header.fields.entries()) {
    const value = (cells[i] ?? "").trim();
    if (field === undefined || field === "name" || value === "") continue;
    if (field === "type") input["type"] = value.toLowerCase();
    else if (field === "country") {
      const read = readCountry(value);
      input["country"] = read.country;
      countryMapping = read.mapping;
    }
    else if (field === "dob") input["dateOfBirth"] = value;
    else {
      // Same spelling as `screen --id`: "passport:AB123" or a bare value of unknown type.
      const colon = value.indexOf(":");
      input["identifiers"] = [colon > 0 ? { type: value.slice(0, colon).trim(), value: value.slice(colon + 1).trim() } : { value }];
    }
  }
  return { row, line, name, input, ...(countryMapping === undefined ? {} : { countryMapping }) };
}

function jsonlRow(text: string, row: number, line: number): BatchInputRow {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { row, line, name: "", error: `line ${line}: expected a JSON object, received ${clip(text)} (${(error as Error).message})` };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { row, line, name: "", error: `line ${line}: expected a JSON object, received ${clip(text)}` };
  }
  const record = value as Record<string, unknown>;
  const name = typeof record["name"] === "string" ? record["name"] : "";
  const country = record["country"];
  if (typeof country === "string" && country.trim().length > 2) {
    const read = readCountry(country);
    if (read.mapping !== undefined) return { row, line, name, input: { ...record, country: read.country }, countryMapping: read.mapping };
  }
  return { row, line, name, input: record };
}

/** Options of {@link readBatchInput}. */
export interface ReadBatchInputOptions {
  /** Called once with the CSV header columns that are not screen fields (they are ignored). */
  readonly onIgnoredColumns?: (columns: readonly string[]) => void;
}

/**
 * Reads a CSV or JSONL batch input stream record by record (see the module contract).
 * @example
 * for await (const r of readBatchInput(createReadStream("book.csv"), "csv")) console.log(r.row, r.name)
 * //=> 1 "Army Supply Bureau"
 */
export async function* readBatchInput(
  stream: Readable,
  format: BatchFormat,
  options: ReadBatchInputOptions = {},
): AsyncGenerator<BatchInputRow> {
  const lines = readLines(stream);
  let lineNo = 0;
  let row = 0;

  if (format === "jsonl") {
    for await (const raw of lines) {
      lineNo++;
      if (raw.text === undefined) {
        row++;
        yield { row, line: lineNo, name: "", error: `line ${lineNo}: ${NOT_UTF8}` };
        continue;
      }
      const text = lineNo === 1 ? raw.text.replace(/^\uFEFF/, "") : raw.text;
      if (text.trim() === "") continue;
      row++;
      yield jsonlRow(text, row, lineNo);
    }
    return;
  }

  let header: CsvHeader | undefined;
  // Physical lines not yet consumed, with their numbers: a record with an open quote gathers lines
  // here until its quotes balance; when they never do, the lines after its first are read again.
  const pending: { text: string; line: number; utf8: boolean }[] = [];

  function* drain(atEnd: boolean): Generator<BatchInputRow> {
    while (pending.length > 0) {
      const first = pending[0] as { text: string; line: number; utf8: boolean };
      if (!first.utf8) {
        // A line that is not UTF-8 is its own record: its quotes cannot be trusted to pair up.
        pending.shift();
        if (header === undefined) throw new BatchInputError(`line ${first.line}: ${NOT_UTF8}`);
        row++;
        yield { row, line: first.line, name: "", error: `line ${first.line}: ${NOT_UTF8}` };
        continue;
      }
      let take = 0;
      let quotes = 0;
      while (take < pending.length && take < MAX_RECORD_LINES && (pending[take] as { utf8: boolean }).utf8) {
        quotes += quoteCount((pending[take] as { text: string }).text);
        take++;
        if (quotes % 2 === 0) break;
      }
      if (quotes % 2 === 1 && !atEnd && take === pending.length && take < MAX_RECORD_LINES) return; // wait for more lines
      // An open quote running into a line that is not UTF-8 is unbalanced: report it like any other.
      if (quotes % 2 === 1) {
        // Unbalanced quote: report the first line alone and read the others again.
        pending.shift();
        if (header === undefined) {
          throw new BatchInputError(`line ${first.line}: expected a CSV header row, received an unclosed quote in ${clip(first.text)}`);
        }
        row++;
        yield { row, line: first.line, name: "", error: `line ${first.line}: expected a CSV record, received an unclosed quote in ${clip(first.text)}` };
        continue;
      }
      const parts = pending.splice(0, take);
      const text = parts.map((p) => p.text).join("\n");
      const line = first.line;
      if (header === undefined && text.replace(/^\uFEFF/, "").trim() === "") continue;
      if (header !== undefined && text.trim() === "") continue;
      let cells: string[];
      try {
        cells = parseCsvRecord(text);
      } catch (error) {
        const why = (error as Error).message.replace(/ at line \d+/, "");
        if (header === undefined) throw new BatchInputError(`line ${line}: expected a CSV header row, received ${clip(text)} (${why})`);
        row++;
        yield { row, line, name: "", error: `line ${line}: expected a CSV record, received ${clip(text)} (${why})` };
        continue;
      }
      if (header === undefined) {
        header = readCsvHeader(cells, line);
        if (header.ignored.length > 0) options.onIgnoredColumns?.(header.ignored);
        continue;
      }
      row++;
      yield csvRow(header, cells, row, line);
    }
  }

  for await (const raw of lines) {
    lineNo++;
    pending.push({ text: raw.text ?? "", line: lineNo, utf8: raw.text !== undefined });
    yield* drain(false);
  }
  yield* drain(true);
  if (header === undefined) throw new BatchInputError(`line 1: expected a header row with a "name" column, received an empty file`);
}
