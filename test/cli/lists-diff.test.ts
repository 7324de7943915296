import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli";
import type { ListDiff } from "../../src/lists";
import { SHARED_DATA, itWithData } from "../shared-data";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) }, out, err };
}

const MAY2 = join(SHARED_DATA, "ofac-sdn/2024-05-02/sdn.csv");
const MAY3 = join(SHARED_DATA, "ofac-sdn/2024-05-03/sdn.csv");

describe("sanctions-screen lists diff", () => {
  itWithData("prints the 8 OFAC rows removed on 2024-05-03 as text", [MAY2, MAY3], async () => {
    const { io, out } = capture();
    expect(await runCli(["lists", "diff", MAY2, MAY3], io)).toBe(0);
    const lines = out.join("").trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ofac-sdn \(undated\) \(14973 records, sha256 [0-9a-f]{12}\) → ofac-sdn \(undated\) \(14965 records, sha256 [0-9a-f]{12}\)$/);
    expect(lines[1]).toBe("0 added, 8 removed, 0 changed, 14965 unchanged");
    expect(lines.slice(2)).toEqual([
      '- 38556 "EMPEROR AVIATION LTD" (organization)',
      '- 38557 "9H-AMN" (aircraft)',
      '- 38558 "9H-ARK" (aircraft)',
      '- 38559 "9H-EAA" (aircraft)',
      '- 38560 "9H-MAO" (aircraft)',
      '- 38563 "9H-SIS" (aircraft)',
      '- 38565 "9H-SSK" (aircraft)',
      '- 38566 "9H-TIO" (aircraft)',
    ]);
  });

  const before = join(SHARED_DATA, "ofac-sdn/history/snapshots/sdn-2022-02-24.csv");
  const after = join(SHARED_DATA, "ofac-sdn/history/snapshots/sdn-2022-02-25.csv");
  itWithData("shows each changed field of a history snapshot pair, and JSON with --json", [before, after], async () => {
    const text = capture();
    expect(await runCli(["lists", "diff", before, after], text.io)).toBe(0);
    const body = text.out.join("");
    expect(body).toMatch(/^91 added, 0 removed, \d+ changed, \d+ unchanged$/m);
    // SECHIN gained the E.O. 14024 programme that day (program-changes.csv).
    expect(body).toMatch(/^~ 16692 "SECHIN, Igor Ivanovich" \(person\): bases,.*\n(?: {4}.*\n)*? {4}bases: \+ \[RUSSIA-EO14024, E\.O\. 14024\]$/m);
    const json = capture();
    expect(await runCli(["lists", "diff", before, after, "--json"], json.io)).toBe(0);
    const d = JSON.parse(json.out.join("")) as ListDiff;
    expect(d.added).toHaveLength(91);
    const sechin = d.changed.find((c) => c.sourceId === "16692");
    expect(sechin?.fields.find((f) => f.field === "bases")?.added).toEqual([expect.objectContaining({ program: "RUSSIA-EO14024" })]);
  }, 120_000);

  itWithData("exits 1 with the loader's message when a side is not a valid list", [MAY2, MAY3], async () => {
    const dir = mkdtempSync(join(tmpdir(), "lists-diff-"));
    const broken = join(dir, "sdn.csv");
    const bytes = readFileSync(MAY3);
    writeFileSync(broken, bytes.subarray(0, 5000));
    const { io, err } = capture();
    expect(await runCli(["lists", "diff", MAY2, broken, "--format", "ofac-csv"], io)).toBe(1);
    expect(err.join("")).toMatch(/^sanctions-screen: LIST_FORMAT: ofac-sdn: /);
  });

  it.each([
    { case: "one file", args: ["lists", "diff", "a.csv"], message: "lists diff takes exactly two files" },
    { case: "a bad --format", args: ["lists", "diff", "a.csv", "b.csv", "--format", "pdf"], message: '--format: expected one of ofac-csv' },
  ])("exits 2 on $case", async ({ args, message }) => {
    const { io, err } = capture();
    expect(await runCli(args, io)).toBe(2);
    expect(err.join("")).toContain(message);
  });
});
