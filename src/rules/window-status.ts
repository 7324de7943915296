import type { RuleWindow } from "./rule-pack-schema";

/**
 * Where `asOf` falls against a row's window: `in-force`, `not-yet` (before an exact start),
 * `ended` (on or after `to`), or `uncertain` (before a start that is only known as "on or before").
 */
export type WindowStatus = "in-force" | "not-yet" | "ended" | "uncertain";

/**
 * Status of a window on a day; ISO `YYYY-MM-DD` strings compare correctly as strings, so no date
 * library and no time zone is involved.
 * @example
 * windowStatus({ from: "2004-05-11", fromBound: "exact", to: "2025-07-01" }, "2026-01-15") //=> "ended"
 */
export function windowStatus(window: Pick<RuleWindow, "from" | "fromBound" | "to">, asOf: string): WindowStatus {
  if (window.to !== undefined && asOf >= window.to) return "ended";
  if (window.from !== undefined && asOf < window.from) {
    return window.fromBound === "on-or-before" ? "uncertain" : "not-yet";
  }
  return "in-force";
}

/**
 * One-line description of a window relative to `asOf`, used in reasons and summaries.
 * @example
 * describeWindow({ from: "2004-05-11", fromBound: "exact", to: "2025-07-01", endedBy: "E.O. 14312" }, "2026-01-15")
 * //=> "ended on 2025-07-01 (E.O. 14312); in force 2004-05-11 → 2025-07-01"
 */
export function describeWindow(window: RuleWindow, asOf: string): string {
  const span = `${window.from ?? "standing"} → ${window.to ?? "open"}`;
  switch (windowStatus(window, asOf)) {
    case "ended":
      return `ended on ${window.to}${window.endedBy ? ` (${window.endedBy})` : ""}; in force ${span}`;
    case "not-yet":
      return `takes effect on ${window.from}, after ${asOf}`;
    case "uncertain":
      return `known in force on or before ${window.from}; start not sourced, so ${asOf} is not known to be covered`;
    case "in-force":
      if (window.from === undefined) return `standing rule in force on ${asOf} (no start date encoded)`;
      return `in force on ${asOf} since ${window.from}${window.fromBound === "on-or-before" ? " or earlier" : ""}${
        window.to ? `, until ${window.to}` : ""
      }`;
  }
}
