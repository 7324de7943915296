/**
 * Validation of `createScreener` options (typed `InputError` naming the field).
 */
import { InputError, inputIssuesFrom } from "../errors";
import { array, boolean, check, instanceOf, number, object, oneOf, record, string, type Check } from "../validate";
import { DEFAULT_MAX_NAME_LENGTH, DEFAULT_MAX_NAME_WORDS, isoDayCheck, jurisdictionsCheck } from "./screen-input";

/**
 * Work budget of one screen, in work units fitted to CPU time (about 4–7 ns each on the reference
 * machine: the postings and texts its search reads, each candidate's bound and pair tests, its pairs,
 * and WORK_PER_MATCH per record found; see `SearchNamesOptions.budget`). The costliest dev-set query
 * needs 1,471,803 at the broad profile with the name alone (the next costliest 766,515); a date of
 * birth or a country given makes it cheaper, whatever their values (each record is searched from the
 * minimum its own evidence allows: search-floors.ts; 1,346,046 at its worst country, 1,086,616 at its
 * worst birth year). Any
 * input needing more, such as dozens of common words or initials in one name, stops within one step
 * of the budget and is answered `unscreenable`, never `clear`. README "Bounded work" states what this
 * means in CPU time (test/bench/work-budget.mjs).
 * @example
 * DEFAULT_SEARCH_BUDGET //=> 1650000
 * createScreener({ lists, searchBudget: DEFAULT_SEARCH_BUDGET / 2 }); // stricter for an exposed endpoint
 */
export const DEFAULT_SEARCH_BUDGET = 1_650_000;

/** The options `createScreener` validates (`ScreenerOptionsSchema` in `src/schema`, held to it by a test). */
export const screenerOptionsCheck: Check = object(
  {
    lists: [
      array(object({ metadata: [object({ listId: [string()], sha256: [string()] }, "loose")], records: [array(() => undefined)] }, "loose"), {
        min: [1, "expected at least one list"],
      }),
    ],
    profile: [oneOf(["strict", "balanced", "broad"]), "optional"],
    threshold: [number({ gt: 0, max: 1 }), "optional"],
    reviewThreshold: [number({ gt: 0, max: 1 }), "optional"],
    maxHits: [number({ int: true, min: 1, max: 1000 }), "optional"],
    maxNameLength: [number({ int: true, min: 16, max: 100_000 }), "optional"],
    maxNameWords: [number({ int: true, min: 4, max: 1000 }), "optional"],
    searchBudget: [number({ int: true, min: 1000, max: 100_000_000 }), "optional"],
    index: [instanceOf(Uint8Array), "optional"],
    algorithm: [object({ id: [string({ min: 1 })] }, "loose"), "optional"],
    today: [isoDayCheck, "optional"],
    jurisdictions: [jurisdictionsCheck, "optional"],
    freshness: [
      object({ maxAgeDays: [record(number({ int: "expected a whole number of days", min: 0 })), "optional"], snapshot: [boolean(), "optional"] }, "strict"),
      "optional",
    ],
  },
  "loose",
);

/** Validated options with defaults. */
export interface ParsedScreenerOptions {
  readonly maxHits: number;
  readonly maxNameLength: number;
  readonly maxNameWords: number;
  readonly searchBudget: number;
}

/**
 * Validates screener options; throws `InputError` naming each bad option.
 * @example
 * parseScreenerOptions({ lists: [] }) // throws InputError: invalid input; lists: expected at least one list, received array of 0
 */
export function parseScreenerOptions(options: unknown): ParsedScreenerOptions {
  const issues = check(screenerOptionsCheck, options);
  if (issues.length > 0) throw new InputError(inputIssuesFrom(issues, options));
  const o = options as { maxHits?: number; maxNameLength?: number; maxNameWords?: number; searchBudget?: number };
  return { maxHits: o.maxHits ?? 10, maxNameLength: o.maxNameLength ?? DEFAULT_MAX_NAME_LENGTH, maxNameWords: o.maxNameWords ?? DEFAULT_MAX_NAME_WORDS, searchBudget: o.searchBudget ?? DEFAULT_SEARCH_BUDGET };
}

