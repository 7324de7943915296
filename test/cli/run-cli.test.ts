import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) }, out, err };
}

describe("runCli", () => {
  it("prints usage and exits 2 without a command", async () => {
    const { io, out } = capture();
    expect(await runCli([], io)).toBe(2);
    expect(out.join("")).toContain("lists inspect");
  });
  it("exits 2 on an unknown command, naming it", async () => {
    const { io, err } = capture();
    expect(await runCli(["frobnicate"], io)).toBe(2);
    expect(err.join("")).toContain('unknown command "frobnicate"');
  });
  it("exits 2 on a bad --format, naming the allowed ones", async () => {
    const { io, err } = capture();
    expect(await runCli(["lists", "inspect", "x.csv", "--format", "nope"], io)).toBe(2);
    expect(err.join("")).toContain("--format: expected one of");
  });
  it("exits 1 on a missing file", async () => {
    const { io, err } = capture();
    expect(await runCli(["lists", "inspect", "/nonexistent/sdn.csv"], io)).toBe(1);
    expect(err.join("")).toContain("ENOENT");
  });
});
