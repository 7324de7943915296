/**
 * The calendar helpers replaced date-fns 4's `getDaysInMonth` and `addYears` on the load path
 * (issue 8); they must answer exactly as date-fns does: every month of years 0–9999, and the days a
 * year shift clamps, in this process's time zone and in zones on both sides of Greenwich (a child
 * process each, the zone being fixed at process start).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareWithDateFns } from "./calendar-probe";

const probe = join(import.meta.dirname, "calendar-probe.ts");

describe("calendar helpers equal date-fns", () => {
  it("in this process's time zone", () => {
    const { checks, mismatches } = compareWithDateFns();
    expect(mismatches).toEqual([]);
    expect(checks).toBeGreaterThan(120_000);
  });

  it.each(["America/Los_Angeles", "Asia/Tokyo", "America/Sao_Paulo"])("TZ=%s", (tz) => {
    const run = spawnSync(process.execPath, ["--import", "tsx", probe], { env: { ...process.env, TZ: tz }, encoding: "utf8", timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const { checks, mismatches } = JSON.parse(run.stdout) as { checks: number; mismatches: string[] };
    expect(mismatches).toEqual([]);
    expect(checks).toBeGreaterThan(120_000);
  });
});
