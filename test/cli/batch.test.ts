import { Readable } from "node:stream";
import { fc, test } from "@fast-check/vitest";
import { parse as csvParse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  BatchInputError,
  MAX_RECORD_LINES,
  csvCell,
  errorRow,
  formatBatchRow,
  formatListVersions,
  formatProgress,
  parseCsvRecord,
  readBatchInput,
  type BatchFormat,
  type BatchInputRow,
} from "../../src/cli/batch";

async function read(text: string | Uint8Array, format: BatchFormat, onIgnoredColumns?: (c: readonly string[]) => void): Promise<BatchInputRow[]> {
  const rows: BatchInputRow[] = [];
  // Small chunks so records and multi-byte characters straddle stream chunks.
  const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
  for await (const r of readBatchInput(Readable.from(chunks), format, onIgnoredColumns ? { onIgnoredColumns } : {})) rows.push(r);
  return rows;
}

describe("readBatchInput (CSV)", () => {
  it("maps the header's columns to screen fields, in any order and case, and numbers rows and lines", async () => {
    const rows = await read("\uFEFFID,Name,DOB,Country,Type\r\npassport:AB123,Jon Smyth,1970-03,us,Person\r\n\r\n,ACME LTD,,,\r\n", "csv");
    expect(rows).toEqual([
      {
        row: 1,
        line: 2,
        name: "Jon Smyth",
        input: { name: "Jon Smyth", identifiers: [{ type: "passport", value: "AB123" }], dateOfBirth: "1970-03", country: "US", type: "person" },
      },
      { row: 2, line: 4, name: "ACME LTD", input: { name: "ACME LTD" } },
    ]);
  });

  it("keeps a quoted name that spans lines as one record at its first line", async () => {
    const rows = await read('name,country\n"Army Supply\nBureau",SY\nNext,\n', "csv");
    expect(rows.map((r) => [r.row, r.line, r.name])).toEqual([
      [1, 2, "Army Supply\nBureau"],
      [2, 4, "Next"],
    ]);
  });

  it("reports an unclosed quote on its own line and keeps every later record", async () => {
    const rows = await read('name\nAlpha\n"Bravo, unclosed\nCharlie\nDelta\n', "csv");
    expect(rows.map((r) => [r.row, r.line, r.name, r.error === undefined])).toEqual([
      [1, 2, "Alpha", true],
      [2, 3, "", false],
      [3, 4, "Charlie", true],
      [4, 5, "Delta", true],
    ]);
    expect(rows[1]?.error).toMatch(/^line 3: expected a CSV record, received an unclosed quote/);
  });

  it(`gives up on an open quote after ${MAX_RECORD_LINES} lines, then reads them again`, async () => {
    const body = Array.from({ length: MAX_RECORD_LINES + 5 }, (_, i) => `Name ${i}`).join("\n");
    const rows = await read(`name\n"Open\n${body}\n`, "csv");
    expect(rows).toHaveLength(MAX_RECORD_LINES + 6);
    expect(rows[0]?.error).toContain("line 2:");
    expect(rows.slice(1).every((r, i) => r.name === `Name ${i}` && r.line === i + 3)).toBe(true);
  });

  it("reports a wrong field count and a malformed quote with their line numbers", async () => {
    const rows = await read('name,country\nA,B,C\nab"c,DE\nOk,FR\n', "csv");
    expect(rows[0]?.error).toBe("line 2: expected 2 fields as in the header, received 3");
    expect(rows[0]?.name).toBe("A");
    expect(rows[1]?.error).toMatch(/^line 3: /);
    expect(rows[2]).toEqual({ row: 3, line: 4, name: "Ok", input: { name: "Ok", country: "FR" } });
  });

  it("refuses bytes that are not UTF-8 on that row only", async () => {
    const bytes = Buffer.concat([Buffer.from("name\nM"), Buffer.from([0xfc]), Buffer.from("ller\nMüller\n")]);
    const rows = await read(bytes, "csv");
    expect(rows[0]?.error).toBe("line 2: expected UTF-8 text, received bytes that are not UTF-8 (save the file as UTF-8)");
    expect(rows[1]?.name).toBe("Müller");
  });

  it("keeps a real U+FFFD character (valid UTF-8) and a name whose bytes straddle chunks", async () => {
    const rows = await read("name\nAB\uFFFDC\nÅström Ørsted Łódź\n", "csv");
    expect(rows.map((r) => [r.name, r.error])).toEqual([
      ["AB\uFFFDC", undefined],
      ["Åström Ørsted Łódź", undefined],
    ]);
  });

  it("reports a line that is not UTF-8 inside an open quote without losing the next lines", async () => {
    const bytes = Buffer.concat([Buffer.from('name\n"Open\n'), Buffer.from([0xe9, 0x0a]), Buffer.from("Next\n")]);
    const rows = await read(bytes, "csv");
    expect(rows.map((r) => [r.line, r.name, r.error?.slice(0, 40)])).toEqual([
      [2, "", "line 2: expected a CSV record, received "],
      [3, "", "line 3: expected UTF-8 text, received by"],
      [4, "Next", undefined],
    ]);
  });

  it("reports the columns it ignores", async () => {
    let ignored: readonly string[] = [];
    await read("customer_ref,name,segment\n1,A,x\n", "csv", (c) => (ignored = c));
    expect(ignored).toEqual(["customer_ref", "segment"]);
  });

  it.each([
    { case: "no name column", text: "company,country\nA,B\n", message: /^line 1: expected a header row with a "name" column/ },
    { case: "a repeated column", text: "name,dob,date_of_birth\nA,1,2\n", message: /^line 1: expected each column once/ },
    { case: "an empty file", text: "\n\n", message: /empty file/ },
  ])("throws BatchInputError on $case", async ({ text, message }) => {
    const error = await read(text, "csv").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatchInputError);
    expect((error as Error).message).toMatch(message);
  });
});

describe("parseCsvRecord", () => {
  const field = fc.string({ unit: fc.constantFrom("a", "Z", " ", ",", '"', "é", "\n", "'") , maxLength: 8 });
  const quote = (f: string, force: boolean) => (force || /[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);

  test.prop([fc.array(field, { minLength: 1, maxLength: 6 }), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 })])(
    "reads back any fields written with RFC 4180 quoting",
    (fields, force) => {
      expect(parseCsvRecord(fields.map((f, i) => quote(f, force[i] ?? false)).join(","))).toEqual(fields);
    },
  );

  test.prop([fc.string({ unit: fc.constantFrom("a", ",", '"', " ", "x"), minLength: 1, maxLength: 12 })])("agrees with csv-parse on any one-line text", (text) => {
    let expected: string[] | "error";
    try {
      const records = csvParse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];
      expected = records.length === 1 ? (records[0] as string[]) : "error";
    } catch {
      expected = "error";
    }
    if (expected === "error") expect(() => parseCsvRecord(text)).toThrow();
    else expect(parseCsvRecord(text)).toEqual(expected);
  });
});

describe("readBatchInput (JSONL)", () => {
  it("refuses a line that is not UTF-8 and reads on", async () => {
    const rows = await read(Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff]), Buffer.from('"}\r\n{"name":"B"}\r\n')]), "jsonl");
    expect(rows).toEqual([
      { row: 1, line: 1, name: "", error: "line 1: expected UTF-8 text, received bytes that are not UTF-8 (save the file as UTF-8)" },
      { row: 2, line: 2, name: "B", input: { name: "B" } },
    ]);
  });

  it("passes objects through and reports bad lines with their numbers", async () => {
    const rows = await read('{"name":"A","country":"SY"}\n\n{"name":\n[1,2]\n{"name":"B","asOf":"2020-01-01"}\n', "jsonl");
    expect(rows.map((r) => [r.row, r.line, r.name])).toEqual([
      [1, 1, "A"],
      [2, 3, ""],
      [3, 4, ""],
      [4, 5, "B"],
    ]);
    expect(rows[0]?.input).toEqual({ name: "A", country: "SY" });
    expect(rows[1]?.error).toMatch(/^line 3: expected a JSON object, received "\{\\"name\\":"/);
    expect(rows[2]?.error).toBe('line 4: expected a JSON object, received "[1,2]"');
  });
});

const FORMULA = /^[=+\-@\t\r]/;

describe("output rows", () => {
  it("quotes CSV cells that need it and writes JSON lines with every column", () => {
    const row = errorRow({ row: 2, line: 3, name: 'Smith, "J"' }, "line 3: bad");
    expect(formatBatchRow(row, "csv")).toBe('2,3,"Smith, ""J""",error,0,,,,,,line 3: bad\n');
    expect(JSON.parse(formatBatchRow(row, "jsonl"))).toEqual({
      row: 2, line: 3, name: 'Smith, "J"', outcome: "error", hitCount: 0, bestHit: "", matchedName: "", score: null, summary: "", listVersions: "", error: "line 3: bad",
    });
  });

  // OWASP CSV injection rule: a text cell starting with = + - @ tab or CR is quoted with a leading '.
  it.each([
    { case: "equals", name: "=1+2", cell: `"'=1+2"` },
    { case: "plus", name: "+SUM(A1)", cell: `"'+SUM(A1)"` },
    { case: "minus", name: "-2+3", cell: `"'-2+3"` },
    { case: "at", name: "@cmd", cell: `"'@cmd"` },
    { case: "tab", name: "\t=1", cell: `"'\t=1"` },
    { case: "carriage return", name: "\r=1", cell: `"'\r=1"` },
    { case: "a quote inside", name: '=HYPERLINK("x")', cell: `"'=HYPERLINK(""x"")"` },
    { case: "a formula character later on stays as it is", name: "Smith=Jones", cell: "Smith=Jones" },
    { case: "a quote, then a formula character, stays as it is (no formula)", name: "'=", cell: "'=" },
  ])("escapes a cell starting with $case", ({ name, cell }) => {
    expect(csvCell(name)).toBe(cell);
    const line = formatBatchRow(errorRow({ row: 1, line: 2, name }, name), "csv");
    const [parsed] = csvParse(line, { relax_column_count: true }) as string[][];
    expect(parsed?.[2]).toBe(FORMULA.test(name) ? `'${name}` : name);
    expect(parsed?.[10]).toBe(FORMULA.test(name) ? `'${name}` : name);
  });

  test.prop([fc.string({ maxLength: 12 })])("no CSV cell ever starts with a formula character", (name) => {
    const line = formatBatchRow(errorRow({ row: 1, line: 2, name }, name), "csv");
    const [parsed] = csvParse(line, { relax_column_count: true }) as string[][];
    for (const cell of parsed ?? []) expect(FORMULA.test(cell)).toBe(false);
    // Exactly the name, behind one quote when it starts with a formula character ("'=" stays "'=").
    expect(parsed?.[2]).toBe(FORMULA.test(name) ? `'${name}` : name);
  });

  it("names each list with its date and sha256 prefix", () => {
    expect(formatListVersions([
      { listId: "un-sc", listDate: "2026-02-27", sha256: "0123456789abcdef".repeat(4), recordCount: 1 },
      { listId: "curated", sha256: "f".repeat(64), recordCount: 4 },
    ])).toBe("un-sc@2026-02-27#0123456789ab; curated@undated#ffffffffffff");
  });
});

describe("formatProgress", () => {
  it("estimates the total from the bytes read, with rate and ETA", () => {
    expect(formatProgress({ done: 500, read: 600, bytesRead: 50, totalBytes: 100, inputEnded: false, elapsedMs: 1000 })).toBe(
      "[##########..............]  500/~1,200 rows  500 rows/s  ETA 0:01",
    );
  });
  it("uses the exact total once the input is read", () => {
    expect(formatProgress({ done: 3000, read: 3000, bytesRead: 100, totalBytes: 100, inputEnded: true, elapsedMs: 2000 })).toBe(
      "[########################]  3,000/3,000 rows  1,500 rows/s  ETA 0:00",
    );
  });
  it("shows no ETA before anything is done", () => {
    expect(formatProgress({ done: 0, read: 0, bytesRead: 0, totalBytes: 0, inputEnded: false, elapsedMs: 0 })).toBe(
      "[........................]  0 rows  0 rows/s  ETA --:--",
    );
  });
});
