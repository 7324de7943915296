import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const probe = join(dirname(fileURLToPath(import.meta.url)), "date-aware.probe.ts");

function runProbe(tz: string): { decisions: unknown[]; eo13338: unknown[]; verdicts: unknown[]; sha256: string[] } {
  const result = spawnSync(process.execPath, ["--import", "tsx", probe], { env: { ...process.env, TZ: tz }, encoding: "utf8", timeout: 90_000 });
  if (result.status !== 0) throw new Error(`probe failed under TZ=${tz}: ${result.stderr}`);
  return JSON.parse(result.stdout) as ReturnType<typeof runProbe>;
}

// Tokyo is ahead of UTC and Los Angeles behind it: a date-only value parsed as local time shows up
// there as the day before or after, which would move a designation or a programme end by a day.
describe("date-aware screening does not depend on the machine's time zone", () => {
  const results = new Map<string, ReturnType<typeof runProbe>>();
  it.each(["UTC", "Asia/Tokyo", "America/Los_Angeles"])("TZ=%s", (tz) => {
    const out = runProbe(tz);
    results.set(tz, out);
    expect(out.decisions).toEqual([
      ["clear", "not-yet-listed", "NPWMD:not-yet-listed,IFSR:not-yet-listed"],
      ["alert", "in-force", "NPWMD:in-force,IFSR:uncertain"],
      ["alert", "in-force", expect.stringContaining("SYRIA:in-force")],
      ["alert", "in-force", expect.stringContaining("SYRIA:ended")],
    ]);
    // E.O. 13338 is in force on 2025-06-30 and ended on 2025-07-01 (E.O. 14312).
    expect(out.eo13338).toEqual(["alert", "clear"]);
    expect(out.verdicts).toEqual(["alert", "alert"]);
    if (tz !== "UTC") expect(out.sha256).toEqual(results.get("UTC")?.sha256);
  }, 120_000);
});
