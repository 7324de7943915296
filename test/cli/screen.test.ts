import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli";

async function screen(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(["screen", ...args], { stdout: (t) => out.push(t), stderr: (t) => err.push(t), today: "2026-11-22" });
  return { code, out: out.join(""), err: err.join("") };
}

describe("sanctions-screen screen (the main job, embedded lists)", () => {
  it("prints readable explained hits, with the designation status on the as-of day", async () => {
    const { code, out } = await screen("Belvneshpromservis LLC", "--as-of", "2013-03-01");
    expect(code).toBe(0);
    expect(out).toMatch(/^ALERT {2}"Belvneshpromservis LLC" {2}\(as of 2013-03-01/);
    expect(out).toContain("ofac-sdn 15487");
    expect(out).toContain("BELVNESHPROMSERVIS ↔ BELVNESHPROMSERVICE");
    expect(out).toContain("[NPWMD] listed 2012-09-19 (stated), open as of 2013-03-01");
    expect(out).toMatch(/lists: curated .*ofac-sdn 2023-12-28 \(13821 records, sha256 [0-9a-f]{12}…\)/);
  });

  it("--json prints the result object; before the designation it is clear with a finding; --fail-on", async () => {
    const { code, out } = await screen("Belvneshpromservis", "--as-of", "2011-06-01", "--json", "--fail-on", "review");
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result).toMatchObject({ outcome: "clear", asOf: "2011-06-01", clearCount: 1 });
    expect(result.hits[0]).toMatchObject({ list: "ofac-sdn", recordId: "15487", decision: "clear" });
    expect(result.hits[0]?.reasons.find((r: { feature: string }) => r.feature === "name.decision")?.detail).toMatch(/^name alone: alert/);
    expect(result.hits[0].summary).toContain("designated later on 2012-09-19");
    const alert = await screen("Army Supply Bureau", "--json", "--fail-on", "alert", "--country", "sy");
    expect(alert.code).toBe(3);
    expect(JSON.parse(alert.out)).toMatchObject({ outcome: "alert", asOf: "2026-11-22" });
  });

  it("on the embedded snapshots today, says first that they are stale; a no-match is stale-clear; --fail-on stale exits 3", async () => {
    const { code, out, err } = await screen("Zyxwv Qutsr Ponml", "--fail-on", "stale");
    expect(code).toBe(3);
    // stderr: which lists, and that they are not current; stdout: the staleness before the outcome.
    expect(err.split("\n")[0]).toMatch(/^sanctions-screen: warning: screening against the embedded snapshots, which are not current: curated 2026-11-22, ofac-sdn 2023-12-28, .*uk-ofsi 2018-04-13/);
    const lines = out.split("\n");
    expect(lines[0]).toMatch(/^STALE LISTS on 2026-11-22: .*ofac-sdn dated 2023-12-28 is 1060 days old on 2026-11-22 \(an embedded snapshot, not current\)/);
    expect(lines[1]).toMatch(/^STALE-CLEAR {2}"Zyxwv Qutsr Ponml"/);
    expect(out).toContain("not a clear: no record matched, but 6 list(s) are stale on 2026-11-22");
  }, 240_000);
  it("says a digits-only name is unscreenable by name and how to pass it as an identifier", async () => {
    const text = await screen("12", "--as-of", "2024-01-01");
    expect(text.code).toBe(0);
    // Stale embedded lists are named first (on any day after their dates); then the outcome.
    expect(text.out).toMatch(/^UNSCREENABLE/m);
    expect(text.out).toContain('name "12" has no letters, only digits');
    expect(text.out).toContain("--id type:12");
    const json = JSON.parse((await screen("12", "--json")).out);
    expect(json).toMatchObject({ outcome: "unscreenable", hits: [] });
  });

  it("refuses bad options with exit 2 and a bad input field with exit 1, naming it", async () => {
    expect((await screen()).code).toBe(2);
    expect((await screen("x", "--profile", "loose")).err).toContain("--profile: expected one of strict, balanced, broad");
    const bad = await screen("Army Supply Bureau", "--as-of", "2026-02-30");
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("asOf: expected a calendar day YYYY-MM-DD");
  });
});
