import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const probe = join(dirname(fileURLToPath(import.meta.url)), "tz-probe.ts");

/** Runs the probe in a fresh Node process (tsx loader) with the machine time zone set to `tz`. */
function runProbe(tz: string): Record<string, unknown> {
  const result = spawnSync(process.execPath, ["--import", "tsx", probe], {
    env: { ...process.env, TZ: tz },
    encoding: "utf8",
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`probe failed under TZ=${tz}: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

const expected = {
  intervals: [
    { start: "1970-03-01", end: "1970-03-31" },
    { start: "2024-02-01", end: "2024-02-29" },
    { start: "2023-02-01", end: "2023-02-28" },
    { start: "1900-02-01", end: "1900-02-28" },
    { start: "0050-02-01", end: "0050-02-28" },
    { start: "2018-11-01", end: "2018-11-30" },
    { start: "2024-03-10", end: "2024-03-10" },
    { start: "2024-11-03", end: "2024-11-03" },
    { start: "1970-01-01", end: "1970-12-31" },
    { start: "2018-11-04", end: "2018-11-04" },
  ],
  circa: [
    { start: "2023-02-28", end: "2025-02-28" },
    { start: "2017-11-04", end: "2020-02-28" },
    { start: "1968-01-01", end: "1970-12-31" },
  ],
  valid: [true, false, true, true, false, true],
  compare: -1,
  days: ["2026-02-27", "2026-02-27"],
  statuses: ["not-yet-listed", "in-force", "in-force", "ended"],
  partial: ["not-yet-listed", "uncertain", "in-force"],
  listDate: ["uncertain", "in-force"],
  designation: "ended",
};

// Tokyo is ahead of UTC, Los Angeles behind it (a UTC-midnight bug shows there as the day before),
// São Paulo had DST starting at local midnight (2018-11-04 00:00 does not exist there).
describe.each(["Asia/Tokyo", "America/Los_Angeles", "America/Sao_Paulo", "UTC"])("under TZ=%s", (tz) => {
  it("date-only values never shift with the machine's time zone", () => {
    const out = runProbe(tz);
    expect(out.tz).toBe(tz);
    expect({ ...out, tz: undefined }).toEqual({ ...expected, tz: undefined });
  });
});
