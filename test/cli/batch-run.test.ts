import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli";
import { createBatchScreener, runBatch, type BatchWorkerSpec } from "../../src/cli/batch";
import { readPrebuiltIndex } from "../../src/cli/prebuilt-index";
import { FIXTURES } from "../shared-data";

const UN_SMALL = join(FIXTURES, "un-xml/consolidated.small.xml");
let dir: string;
let spec: BatchWorkerSpec;

function capture(stderrIsTty = false) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), stderrIsTty, today: "2026-11-22" }, out, err };
}

// Names from the UN fixture (exact, perturbed, reordered), clean names and bad rows, mixed.
const CSV = [
  "name,type,country,dob,customer_ref",
  "KIM CHOL SAM,person,,,c1",
  "Eric Badege,,,,c2",
  "Jennifer L. McClellan,person,US,,c3",
  ",person,,,c4",
  "HUAXIN SHIPPING HONG KONG LTD,organization,,,c5",
  "Safia Farkash,person,LY,1953,c6",
  "Gaston Iyamuremye,martian,,,c7",
  '"Unclosed,,,,c8',
  "Ibrahim Awwad,,,,c9",
  "Ada Lovelace,person,GB,1815-12-10,c10",
  "AL QAIDA IN IRAQ,organization,IQ,,c11",
  "Mustafa Hajji,person,,1961,c12",
  "Delia C. Ramirez,person,US,,c13",
  "JAMAAH ANSHARUT DAULAH,,ID,,c14",
  "Abdul Basir Noorzai,person,AF,,c15",
].join("\n");

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "batch-run-"));
  writeFileSync(join(dir, "book.csv"), `${CSV}\n`);
  // The UN fixture is an excerpt (23 records): no record floor.
  const listOptions = { minRecordCount: 0 };
  spec = { lists: [UN_SMALL], listOptions, index: (await createBatchScreener({ lists: [UN_SMALL], listOptions })).exportIndex() };
});

async function runWith(workers: number, chunkSize: number): Promise<{ text: string; summary: Awaited<ReturnType<typeof runBatch>> }> {
  const parts: string[] = [];
  const summary = await runBatch({
    input: join(dir, "book.csv"),
    inputFormat: "csv",
    outputFormat: "jsonl",
    write: (t) => void parts.push(t),
    workers,
    spec,
    asOf: "2025-06-01",
    chunkSize,
  });
  return { text: parts.join(""), summary };
}

describe("runBatch on worker threads", () => {
  it("writes one row per input row in input order, the same with 1 and 2 workers", async () => {
    const one = await runWith(1, 3);
    const two = await runWith(2, 1);
    expect(two.text).toBe(one.text);
    const rows = one.text.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => r["row"])).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(rows.map((r) => r["line"])).toEqual(Array.from({ length: 15 }, (_, i) => i + 2));
    expect(rows[0]).toMatchObject({ name: "KIM CHOL SAM", outcome: "alert", bestHit: expect.stringMatching(/^un-sc:/), matchedName: expect.stringMatching(/KIM/) });
    expect(rows[0]?.["listVersions"]).toMatch(/^un-sc@2026-02-27T00:00:09\.554Z#cf41c5abfa10$/);
    expect(rows[2]).toMatchObject({ name: "Jennifer L. McClellan", outcome: "clear", bestHit: "", score: null });
    const errors = rows.filter((r) => r["outcome"] === "error").map((r) => [r["line"], r["error"]]);
    expect(errors).toEqual([
      [5, 'line 5: invalid input; name: expected a non-empty name, received ""'],
      [8, expect.stringMatching(/^line 8: invalid input; type: expected one of/)],
      [9, expect.stringMatching(/^line 9: expected a CSV record, received an unclosed quote/)],
    ]);
    expect(one.summary).toMatchObject({ rows: 15, workers: 1 });
    expect(one.summary.counts.error).toBe(3);
    expect(Object.values(one.summary.counts).reduce((a, b) => a + b, 0)).toBe(15);
    expect(two.summary.counts).toEqual(one.summary.counts);
  });
});

const shipped = join(import.meta.dirname, "../../lists/compiled/snapshot.bin");
describe.skipIf(!existsSync(shipped))("runBatch over the embedded lists from the shipped snapshot (npm run build)", () => {
  it("hands every worker the same snapshot bytes in one SharedArrayBuffer, and screens from it", async () => {
    const snapshot = readPrebuiltIndex();
    expect(snapshot?.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(snapshot?.length).toBe(readFileSync(shipped).length);
    const input = join(dir, "embedded.csv");
    writeFileSync(input, "name\nArmy Supply Bureau\nBelvneshpromservis\nAda Lovelace\nKAMAZ\n");
    const runWithWorkers = async (workers: number): Promise<string> => {
      const parts: string[] = [];
      await runBatch({ input, inputFormat: "csv", outputFormat: "jsonl", write: (t) => void parts.push(t), workers, spec: { lists: [], index: snapshot as Uint8Array }, asOf: "2024-01-01", chunkSize: 1 });
      return parts.join("");
    };
    const two = await runWithWorkers(2);
    const rows = two.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => [r["name"], r["outcome"]])).toEqual([
      ["Army Supply Bureau", "alert"],
      ["Belvneshpromservis", "alert"],
      ["Ada Lovelace", "stale-clear"],
      ["KAMAZ", "alert"],
    ]);
    expect(await runWithWorkers(1)).toBe(two);
  }, 120_000);
});

describe("runBatch failures", () => {
  it("rejects, naming the worker, when a worker cannot build its screener", async () => {
    const parts: string[] = [];
    const run = runBatch({
      input: join(dir, "book.csv"),
      inputFormat: "csv",
      outputFormat: "csv",
      write: (t) => void parts.push(t),
      workers: 1,
      spec: { lists: [join(dir, "missing-list.xml")], index: spec.index },
    });
    await expect(run).rejects.toThrow(/^batch worker 1: ENOENT: no such file or directory/);
  });
});

describe("sanctions-screen batch", () => {
  it("writes the output file atomically, reports bad rows on stderr and exits 4", async () => {
    const { io, err, out } = capture();
    const outFile = join(dir, "result.csv");
    const code = await runCli(["batch", join(dir, "book.csv"), "--out", outFile, "--workers", "2", "--list", UN_SMALL, "--min-records", "0", "--chunk-size", "2"], io);
    expect(code).toBe(4);
    expect(out).toEqual([]);
    const lines = readFileSync(outFile, "utf8").trim().split("\n");
    expect(lines[0]).toBe("row,line,name,outcome,hitCount,bestHit,matchedName,score,summary,listVersions,error");
    expect(lines).toHaveLength(16);
    expect(lines[1]).toMatch(/^1,2,KIM CHOL SAM,alert,\d+,un-sc:/);
    const stderr = err.join("");
    expect(stderr).toContain("batch: ignoring columns that are not screen fields: customer_ref");
    // The UN excerpt (2026-02-27) is stale on the CLI's day (2026-11-22): no-matches are stale clears.
    expect(stderr).toMatch(/batch: 15 rows in [\d.]+ s \(\d+ rows\/s, 2 workers\): \d+ alert, \d+ review, 0 clear, \d+ stale-clear \(no match on stale lists: not clear\), 0 unscreenable, 3 error/);
    expect(stderr).toContain("  line 5: invalid input; name: expected a non-empty name");
    expect(stderr).not.toContain("rows/s  ETA");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("exits 0 on a clean JSONL input, writes JSONL to stdout and shows progress on a terminal", async () => {
    const input = join(dir, "clean.jsonl");
    writeFileSync(input, '{"name":"Eric Badege","type":"person"}\n{"name":"Ada Lovelace","asOf":"1850-01-01"}\n');
    const { io, err, out } = capture(true);
    expect(await runCli(["batch", input, "--workers", "1", "--list", UN_SMALL, "--min-records", "0"], io)).toBe(0);
    const rows = out.join("").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => [r["row"], r["name"], r["outcome"]])).toEqual([
      [1, "Eric Badege", "alert"],
      [2, "Ada Lovelace", "clear"],
    ]);
    expect(err.join("")).toMatch(/\r\[#+\]  2\/2 rows  \d+ rows\/s  ETA 0:00/);
  });

  it("exits 1 without leaving an output file when the input has no name column", async () => {
    const input = join(dir, "noname.csv");
    writeFileSync(input, "company,country\nACME,US\n");
    const outFile = join(dir, "noname-result.csv");
    const { io, err } = capture();
    expect(await runCli(["batch", input, "--out", outFile, "--workers", "1", "--list", UN_SMALL, "--min-records", "0"], io)).toBe(1);
    expect(err.join("")).toContain('noname.csv line 1: expected a header row with a "name" column');
    expect(err.join("")).toContain("no output written");
    expect(existsSync(outFile)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it.each([
    { case: "no input", args: ["batch"], message: "batch takes exactly one input file" },
    { case: "an unknown extension", args: ["batch", "book.txt"], message: 'expected a .csv or .jsonl input file, received "book.txt"' },
    { case: "a bad --format", args: ["batch", "book.csv", "--format", "xml"], message: '--format: expected csv or jsonl, received "xml"' },
    { case: "a bad --workers", args: ["batch", "book.csv", "--workers", "0"], message: "--workers: expected a whole number from 1 to 64" },
    { case: "a bad --as-of", args: ["batch", "book.csv", "--as-of", "2025-13-01"], message: '--as-of: expected YYYY-MM-DD, received "2025-13-01"' },
    { case: "a bad --profile", args: ["batch", "book.csv", "--profile", "lax"], message: "--profile: expected one of strict, balanced, broad" },
  ])("exits 2 on $case", async ({ args, message }) => {
    const { io, err } = capture();
    expect(await runCli(args, io)).toBe(2);
    expect(err.join("")).toContain(message);
  });

  it("exits 1 on a missing input file", async () => {
    const { io, err } = capture();
    expect(await runCli(["batch", join(dir, "missing.csv")], io)).toBe(1);
    expect(err.join("")).toContain("ENOENT");
  });
});

describe("sanctions-screen batch on the embedded lists", () => {
  it("screens the seed names against the embedded lists by default", async () => {
    const input = join(dir, "seeds.csv");
    writeFileSync(input, "name,country\nArmy Supply Bureau,SY\nBelvneshpromservis,BY\nJake Auchincloss,US\n");
    const { io, out, err } = capture();
    expect(await runCli(["batch", input, "--workers", "1", "--format", "jsonl"], io)).toBe(0);
    const rows = out.join("").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    // The embedded snapshots are stale on the day (their dates are before it): a no-match is not a clear.
    expect(rows.map((r) => r["outcome"])).toEqual(["alert", "alert", "stale-clear"]);
    expect(rows[0]?.["listVersions"]).toMatch(/ofac-sdn@2023-12-28#[0-9a-f]{12}/);
    expect(err.join("")).toMatch(/^sanctions-screen: warning: screening against the embedded snapshots, which are not current: curated 2026-11-22, ofac-sdn 2023-12-28/);
    expect(err.join("")).toMatch(/batch: 3 rows in .*1 stale-clear \(no match on stale lists: not clear\)/);
    // Without a fitting prebuilt index (a fresh checkout before `npm run build`) the index is built once.
  }, 180_000);
});
