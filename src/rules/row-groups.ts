import type { RulePackFile } from "./rule-pack-schema";

/**
 * The pack's four row groups, each with its name, in file order (internal: the cross-row checks and
 * the list of unconfirmed rows walk them alike).
 * @example
 * rowGroups(pack).map(([group]) => group) //=> ["rules", "overlays", "programmeFlags", "events"]
 */
export function rowGroups(pack: Pick<RulePackFile, "rules" | "overlays" | "programmeFlags" | "events">) {
  return [
    ["rules", pack.rules],
    ["overlays", pack.overlays],
    ["programmeFlags", pack.programmeFlags],
    ["events", pack.events],
  ] as const;
}
