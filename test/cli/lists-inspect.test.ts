import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli";
import { FIXTURES, SHARED_DATA, describeWithData } from "../shared-data";

async function inspect(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(["lists", "inspect", ...args], { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, out: out.join(""), err: err.join("") };
}

const scratch = mkdtempSync(join(tmpdir(), "inspect-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of a real file cut to `fraction` of its bytes (cut mid-record), in a scratch folder. */
function truncatedCopy(relative: string, fraction = 0.5): string {
  const bytes = readFileSync(join(SHARED_DATA, relative));
  const path = join(scratch, `${Math.random().toString(36).slice(2)}-${basename(relative)}`);
  writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length * fraction)));
  return path;
}

describe("sanctions-screen lists inspect on the fixtures cut from the official files", () => {
  it.each([
    { file: "ofac-csv/sdn.csv", format: "ofac-csv", listId: "ofac-sdn", count: 38, listDate: null, files: 4 },
    { file: "ofac-enhanced-xml/CONS_ENHANCED.XML", format: "ofac-enhanced-xml", listId: "ofac-cons", count: 24, listDate: "2025-01-10", files: 1 },
    { file: "un-xml/consolidated.small.xml", format: "un-xml", listId: "un-sc", count: 23, listDate: "2026-02-27", files: 1 },
    { file: "uk-ofsi-csv/conlist-2018.small.csv", format: "uk-ofsi-csv", listId: "uk-ofsi", count: 8, listDate: "2018-04-13", files: 1 },
    { file: "us-csl-csv/consolidated.small.csv", format: "us-csl-csv", listId: "us-csl", count: 28, listDate: null, files: 1 },
    { file: "bis-dpl-txt/dpl.small.txt", format: "bis-dpl-txt", listId: "bis-dpl", count: 8, listDate: "2022-09-01", files: 1 },
    { file: "eu-fsf-xml/eu-fsf.small.xml", format: "eu-fsf-xml", listId: "eu-fsf", count: 6, listDate: "2020-04-15", files: 1 },
  ])("detects and reads $file ($format, $count records)", async ({ file, format, listId, count, listDate, files }) => {
    // Excerpts: below the shipped record floors by design.
    const { code, out, err } = await inspect(join(FIXTURES, file), "--min-records", "0");
    expect(err).toBe("");
    expect(code).toBe(0);
    const summary = JSON.parse(out);
    expect(summary).toMatchObject({ format, listId, recordCount: count });
    expect(summary.listDate === null ? null : summary.listDate.slice(0, 10)).toBe(listDate);
    expect(summary.files).toHaveLength(files);
    expect(summary.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("exits 1 with a clear message on a truncated copy", async () => {
    const path = join(scratch, "consolidated.xml");
    const bytes = readFileSync(join(FIXTURES, "un-xml/consolidated.small.xml"));
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const { code, out, err } = await inspect(path);
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err).toMatch(/^sanctions-screen: LIST_FORMAT: /);
  });
});

/** Every official file the tests below read. */
const REAL_FILES = [
  ...["sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"].map((f) => `ofac-sdn/2023-12-28/${f}`),
  "ofac-sdn/2024-05-03/sdn.csv",
  "ofac-cons/cons_prim.csv",
  "ofac-cons/CONS_ENHANCED.XML",
  "un-consolidated/consolidated.xml",
  "uk-hmt/sanctionsconlist.csv",
  "uk-hmt/sample_hmt_excerpt.csv",
  "eu-fsf/sample_eu_fsf_excerpt.xml",
  "us-csl/consolidated.csv",
  "us-csl/dpl.txt",
  "opensanctions/zala.entities.ftm.json",
];

describeWithData("sanctions-screen lists inspect on the real official files", REAL_FILES, () => {
  it("reads the OFAC SDN CSV set with its siblings: 13,821 records, sha256", async () => {
    const { code, out } = await inspect(join(SHARED_DATA, "ofac-sdn/2023-12-28/sdn.csv"));
    expect(code).toBe(0);
    const summary = JSON.parse(out);
    expect(summary).toMatchObject({ listId: "ofac-sdn", format: "ofac-csv", recordCount: 13_821, listDate: null });
    expect(summary.countsByType).toMatchObject({ person: 6_646, organization: 6_033, vessel: 764, aircraft: 378 });
    expect(summary.files.map((f: { name: string }) => basename(f.name))).toEqual(["sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"]);
    expect(summary.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(summary.listDateSource).toMatch(/legacy CSV/i);
  });

  it.each([
    { file: "ofac-cons/cons_prim.csv", format: "ofac-csv", count: 442, listDate: null },
    { file: "ofac-cons/CONS_ENHANCED.XML", format: "ofac-enhanced-xml", count: 443, listDate: "2025-01-10" },
    { file: "un-consolidated/consolidated.xml", format: "un-xml", count: 1_003, listDate: "2026-02-27" },
    { file: "uk-hmt/sanctionsconlist.csv", format: "uk-ofsi-csv", count: 2_106, listDate: "2018-04-13" },
    { file: "uk-hmt/sample_hmt_excerpt.csv", format: "uk-ofsi-csv", count: undefined, listDate: "2020-04-27", args: ["--min-records", "0"] },
    { file: "us-csl/consolidated.csv", format: "us-csl-csv", count: 14_159, listDate: null },
    { file: "us-csl/dpl.txt", format: "bis-dpl-txt", count: 483, listDate: "2022-09-02" },
    { file: "opensanctions/zala.entities.ftm.json", format: "ftm-json", count: undefined, listDate: undefined },
  ])("detects and reads $file ($format)", async ({ file, format, count, listDate, args }) => {
    const { code, out, err } = await inspect(join(SHARED_DATA, file), ...(args ?? []));
    expect(err).toBe("");
    expect(code).toBe(0);
    const summary = JSON.parse(out);
    expect(summary.format).toBe(format);
    if (count !== undefined) expect(summary.recordCount).toBe(count);
    else expect(summary.recordCount).toBeGreaterThan(0);
    if (listDate !== undefined) expect(summary.listDate === null ? null : summary.listDate.slice(0, 10)).toBe(listDate);
    expect(summary.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses an excerpt below the list's shipped record floor unless --min-records says so", async () => {
    const { code, err } = await inspect(join(SHARED_DATA, "uk-hmt/sample_hmt_excerpt.csv"));
    expect(code).toBe(1);
    expect(err).toMatch(/LIST_BELOW_FLOOR: uk-ofsi: too few records for a complete list; expected at least 1600 .*received 6/);
  });

  it.each([
    "ofac-sdn/2024-05-03/sdn.csv",
    "ofac-cons/CONS_ENHANCED.XML",
    "un-consolidated/consolidated.xml",
    "uk-hmt/sanctionsconlist.csv",
    "eu-fsf/sample_eu_fsf_excerpt.xml",
    "us-csl/consolidated.csv",
    "us-csl/dpl.txt",
    "opensanctions/zala.entities.ftm.json",
  ])("a truncated copy of %s exits non-zero with a clear message", async (file) => {
    const { code, out, err } = await inspect(truncatedCopy(file));
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err).toMatch(/^sanctions-screen: LIST_(FORMAT|EMPTY|COUNT_DROP): /);
  });

  it("refuses a count drop against --previous-count unless allowed", async () => {
    const dir = mkdtempSync(join(scratch, "sdn-"));
    copyFileSync(join(SHARED_DATA, "ofac-sdn/2024-05-03/sdn.csv"), join(dir, "sdn.csv"));
    const refused = await inspect(join(dir, "sdn.csv"), "--previous-count", "20000");
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("LIST_COUNT_DROP");
    const allowed = await inspect(join(dir, "sdn.csv"), "--previous-count", "20000", "--allow-count-drop");
    expect(allowed.code).toBe(0);
  });
});
