import type { RulePack } from "./rule-pack-schema";
import { rowGroups } from "./row-groups";

/** One row of the pack that is shown but never used to alert, with why. */
export interface UnconfirmedRow {
  readonly id: string;
  readonly group: "rules" | "overlays" | "programmeFlags" | "events";
  readonly title: string;
  readonly reason: string;
  readonly source: string;
}

/**
 * Lists the rows marked `confirmed: false` (DOMAIN.md "?" rows), so a report can show what the pack
 * knows but does not act on.
 * @example
 * listUnconfirmedRows(pack).map((r) => r.id)
 * //=> ["eu-syria-arms-export-ban-now", "us-caesar-repeal", "seed-designations-2012-09-19", "army-supply-bureau-npwmd-after-2025"]
 */
export function listUnconfirmedRows(pack: RulePack): UnconfirmedRow[] {
  const groups = rowGroups(pack);
  return groups.flatMap(([group, rows]) =>
    rows
      .filter((row) => !row.confirmed)
      .map((row) => ({ id: row.id, group, title: row.title, reason: row.unconfirmed ?? "", source: row.source })),
  );
}
