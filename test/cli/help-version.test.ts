/**
 * `help` and `--version` answer without loading the embedded lists: the lists module is replaced by
 * one that throws when imported, and only `screen` (the control) reaches it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { runCli } from "../../src/cli/run-cli";

const imported = vi.hoisted(() => ({ embedded: false }));
vi.mock("../../src/embedded", () => {
  imported.embedded = true;
  throw new Error("the embedded lists were loaded");
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) }, out, err };
}

const packageVersion = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

describe("help and --version load no list", () => {
  it.each(["help", "--help", "-h"])("%s prints every command's usage and exits 0", async (word) => {
    const { io, out } = capture();
    expect(await runCli([word], io)).toBe(0);
    for (const command of ["screen <name>", "lists inspect", "batch", "serve", "lists update", "lists diff", "--version"]) expect(out.join("")).toContain(command);
    expect(imported.embedded).toBe(false);
  });

  it.each(["--version", "-v", "version"])("%s prints the package version", async (word) => {
    const { io, out } = capture();
    expect(await runCli([word], io)).toBe(0);
    expect(out.join("")).toBe(`${packageVersion}\n`);
    expect(imported.embedded).toBe(false);
  });

  it("loads the lists only to run a command that screens (the test can fail)", async () => {
    const { io } = capture();
    await expect(runCli(["screen", "Army Supply Bureau"], io)).rejects.toThrow();
    expect(imported.embedded).toBe(true);
  });
});
