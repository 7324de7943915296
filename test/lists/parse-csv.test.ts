/**
 * `parseCsv` (src/lists/parse-csv.ts) replaced csv-parse on the loaders' path (csv-parse's ESM build
 * touches `Buffer` when imported, so the root import crashed outside Node). It must read every file
 * exactly as csv-parse 7 read it with the options the loaders used: compared here on edge cases,
 * on every CSV/TXT fixture and on every official CSV/TXT file under the data folder.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CsvSyntaxError, parseCsv } from "../../src/lists/parse-csv";
import { describeWithData, FIXTURES, SHARED_DATA } from "../shared-data";

type Parsed = { fields: string[]; line: number }[] | { error: number };

function withCsvParse(text: string, delimiter: string, skipEmptyLines: boolean, bom: boolean, strict: boolean): Parsed {
  try {
    const rows = parse(text, { delimiter, info: true, skip_empty_lines: skipEmptyLines, bom, relax_column_count: !strict }) as unknown as { record: string[]; info: { lines: number } }[];
    return rows.map((r) => ({ fields: r.record, line: r.info.lines }));
  } catch (error) {
    return { error: (error as { lines: number }).lines };
  }
}

function withParseCsv(text: string, delimiter: string, skipEmptyLines: boolean, bom: boolean, strict: boolean): Parsed {
  try {
    return parseCsv(text, { delimiter, skipEmptyLines, bom, strictColumnCount: strict });
  } catch (error) {
    expect(error).toBeInstanceOf(CsvSyntaxError);
    return { error: (error as CsvSyntaxError).lines };
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : /\.(csv|txt)$/i.test(f) ? [p] : [];
  });
}

/** Both parsers, every option set the loaders use, on one text. */
function expectSameReading(text: string, delimiter: string): void {
  for (const [skip, bom, strict] of [[true, false, false], [true, true, false], [false, false, false], [true, false, true]] as const) {
    expect(withParseCsv(text, delimiter, skip, bom, strict), `skipEmptyLines=${skip} bom=${bom} strict=${strict}`).toEqual(withCsvParse(text, delimiter, skip, bom, strict));
  }
}

describe("parseCsv reads as csv-parse did", () => {
  it.each([
    "a,b\nc,d",
    "a,b\r\nc,d\r\n",
    "a,b\rc,d\r",
    'a,"b\nx"\nc,d\ne,f',
    'a,"b\r\nx"\r\nc,d\r\ne,f',
    'a,"b"c\n',
    'a,b"c\n',
    'a, "b"\n',
    'a,"b\n',
    "a,b,\n,\n",
    "\n\na\n\n\nb\n",
    "a\r\nb\nc\r\n",
    "a\nb\r\nc\n",
    '"a""b",c',
    '"",x',
    ' "a"',
    '"a" ,b',
    "a,b\r\n\r\nc",
    "a,",
    '"a",',
    "",
    "\n",
    'x\n"y"',
    'a,""""\n"z"\n',
    "\uFEFFa,b\n1,2\n",
    "a,b\nc\n",
  ])("%j", (text) => expectSameReading(text, ","));

  it("reads tab-separated text with quoted tabs", () => expectSameReading('a\t"b\tc"\td\n1\t2\t3\n', "\t"));

  it("names the line of a syntax error", () => {
    expect(() => parseCsv('a,b\nc,"d\ne')).toThrow(/Quote Not Closed: .* at line 2/);
    expect(() => parseCsv('a,b\nc,d"e\n')).toThrowError(expect.objectContaining({ code: "INVALID_OPENING_QUOTE", lines: 2 }));
  });

  it("reads every CSV/TXT fixture alike", () => {
    const files = filesUnder(FIXTURES);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, "latin1");
      expectSameReading(text, file.endsWith(".txt") ? "\t" : ",");
    }
  });
});

describeWithData("parseCsv on the official files", ["uk-hmt/sanctionsconlist.csv", "us-csl/consolidated.csv", "ofac-sdn/2024-05-03/sdn.csv"], () => {
  it("reads every CSV/TXT file under the data folder as csv-parse did", () => {
    const files = filesUnder(SHARED_DATA);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, "latin1");
      const delimiter = file.endsWith(".txt") ? "\t" : ",";
      expect(withParseCsv(text, delimiter, true, true, false), relative(SHARED_DATA, file)).toEqual(withCsvParse(text, delimiter, true, true, false));
    }
  }, 120_000);
});
