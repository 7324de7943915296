/**
 * Validation of `createScreener` options (typed `InputError` naming the field).
 */
import { z } from "zod";
import { InputError, inputIssuesFromZod } from "../errors";
import { RegimeSchema } from "../model";
import { DEFAULT_MAX_NAME_LENGTH, DEFAULT_MAX_NAME_WORDS, IsoDaySchema } from "./screen-input";

/**
 * Work budget of one screen, in work units fitted to CPU time (about one posting read each: the
 * postings and texts its search reads, each candidate's bound and pair tests, its pairs, and
 * WORK_PER_MATCH per record found; see `SearchNamesOptions.budget`). The costliest dev-set query
 * needs 1,954,271 (broad profile with date-of-birth and country bonuses, embedded lists); any input
 * needing more, such as dozens of common words or initials in one name, stops within one step of
 * the budget and is answered `unscreenable`, never `clear`. README "Bounded work" states what this
 * means in CPU time (test/bench/work-budget.mjs).
 * @example
 * DEFAULT_SEARCH_BUDGET //=> 2250000
 * createScreener({ lists, searchBudget: DEFAULT_SEARCH_BUDGET / 2 }); // stricter for an exposed endpoint
 */
export const DEFAULT_SEARCH_BUDGET = 2_250_000;

const OptionsSchema = z.object({
  lists: z.array(z.object({ metadata: z.object({ listId: z.string(), sha256: z.string() }).loose(), records: z.array(z.unknown()) }).loose()).min(1, "expected at least one list"),
  profile: z.enum(["strict", "balanced", "broad"]).optional(),
  threshold: z.number().gt(0).lte(1).optional(),
  reviewThreshold: z.number().gt(0).lte(1).optional(),
  maxHits: z.number().int().min(1).max(1000).optional(),
  maxNameLength: z.number().int().min(16).max(100_000).optional(),
  maxNameWords: z.number().int().min(4).max(1000).optional(),
  searchBudget: z.number().int().min(1000).max(100_000_000).optional(),
  index: z.instanceof(Uint8Array).optional(),
  algorithm: z.object({ id: z.string().min(1) }).loose().optional(),
  today: IsoDaySchema.optional(),
  jurisdictions: z.array(RegimeSchema).min(1).max(4).optional(),
  freshness: z
    .object({ maxAgeDays: z.record(z.string(), z.number().int("expected a whole number of days").min(0)).optional(), snapshot: z.boolean().optional() })
    .strict()
    .optional(),
});

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
  const r = OptionsSchema.safeParse(options);
  if (!r.success) {
    throw new InputError(inputIssuesFromZod(r.error, options));
  }
  return { maxHits: r.data.maxHits ?? 10, maxNameLength: r.data.maxNameLength ?? DEFAULT_MAX_NAME_LENGTH, maxNameWords: r.data.maxNameWords ?? DEFAULT_MAX_NAME_WORDS, searchBudget: r.data.searchBudget ?? DEFAULT_SEARCH_BUDGET };
}

