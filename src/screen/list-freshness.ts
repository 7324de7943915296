/**
 * Staleness is a finding, never a silent clear. Every screen carries each list's age on its as-of
 * day. A list is **stale** on day D when:
 *
 * - its list date is more than its publisher's maximum age before D (table below, or the caller's
 *   `maxAgeDays`), or
 * - it has no list date at all (its age cannot be known), or
 * - it is an embedded snapshot (`snapshot: true`) and D is after its date: a snapshot shipped in
 *   the package is never current.
 *
 * A list dated after D is not stale for D (the date-aware rules read its dated bases back to D).
 * When any list is stale, a screen with no alert and no review is not `clear` but `stale-clear`:
 * nothing matched, on lists too old to trust. Alerts and reviews keep their outcome and carry the
 * same `stale` flag.
 */
import { calendarDayOf } from "../dates";

/**
 * Default maximum age in days per list, from how often each publisher updates (see the README):
 * OFAC publishes on business days (3 days covers a weekend); the UN, the EU, the FCDO and trade.gov
 * regenerate their files at least weekly as designations change; BIS amends the DPL by Federal
 * Register notice, rarely. The OFSI ConList was frozen on 2026-01-28 (replaced by the UK Sanctions
 * List), so it is stale from then on whatever its date ({@link FROZEN_LISTS}).
 */
export const DEFAULT_MAX_AGE_DAYS: Readonly<Record<string, number>> = {
  "ofac-sdn": 3,
  "ofac-cons": 3,
  "un-sc": 7,
  "eu-fsf": 7,
  "uk-fcdo": 7,
  "uk-ofsi": 7,
  "us-csl": 7,
  "bis-dpl": 30,
  curated: 90,
};

/** Maximum age of a list the table does not name. */
export const DEFAULT_MAX_AGE_DAYS_OTHER = 7;

/** Lists their publisher stopped updating: stale on and after the day they froze. */
export const FROZEN_LISTS: Readonly<Record<string, { readonly since: string; readonly why: string }>> = {
  "uk-ofsi": { since: "2026-01-28", why: "OFSI froze the ConList on 2026-01-28; the UK list is now the FCDO UK Sanctions List (uk-fcdo)" },
};

/**
 * Options of the freshness rule (`createScreener({ freshness })`).
 * @example
 * createScreener({ lists: [ofacSdn], freshness: { maxAgeDays: { "ofac-sdn": 7 } } });
 * createScreener({ lists: shippedSnapshots, freshness: { snapshot: true } });
 */
export interface FreshnessOptions {
  /** Maximum age in days per list id, over {@link DEFAULT_MAX_AGE_DAYS}. */
  readonly maxAgeDays?: Readonly<Record<string, number>>;
  /** The lists are shipped snapshots (the embedded lists): stale on any day after their date. */
  readonly snapshot?: boolean;
}

/**
 * One list's age on the as-of day.
 * @example
 * screener.freshnessOn("2026-12-06")[0] //=> { listId: "ofac-sdn", listDate: "2026-12-01", ageDays: 5, maxAgeDays: 3, stale: true, detail: "…" }
 */
export interface ListFreshness {
  readonly listId: string;
  /** The list's date (day), when it has one. */
  readonly listDate?: string;
  /** Days from the list date to the as-of day (negative when the list is newer than that day). */
  readonly ageDays?: number;
  /** The maximum age that applies to this list. */
  readonly maxAgeDays: number;
  readonly stale: boolean;
  /** Why, in words: "2023-12-28, 1074 days before 2026-12-06 (max 3 for ofac-sdn)". */
  readonly detail: string;
}

const DAY_MS = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * Each list's age on `asOf` and whether it is stale (see the module contract).
 * @example
 * assessListFreshness([{ listId: "ofac-sdn", listDate: "2026-12-01" }], "2026-12-06")[0]
 * //=> { listId: "ofac-sdn", listDate: "2026-12-01", ageDays: 5, maxAgeDays: 3, stale: true, detail: "ofac-sdn dated 2026-12-01 is 5 days old on 2026-12-06 (max 3)" }
 */
export function assessListFreshness(
  lists: readonly { readonly listId: string; readonly listDate?: string | undefined }[],
  asOf: string,
  options: FreshnessOptions = {},
): ListFreshness[] {
  return lists.map((list): ListFreshness => {
    const maxAgeDays = options.snapshot ? 0 : (options.maxAgeDays?.[list.listId] ?? DEFAULT_MAX_AGE_DAYS[list.listId] ?? DEFAULT_MAX_AGE_DAYS_OTHER);
    if (list.listDate === undefined) {
      return { listId: list.listId, maxAgeDays, stale: true, detail: `${list.listId} has no list date: its age on ${asOf} is unknown` };
    }
    const listDate = calendarDayOf(list.listDate, "listDate");
    const ageDays = daysBetween(listDate, asOf);
    const frozen = FROZEN_LISTS[list.listId];
    const base = { listId: list.listId, listDate, ageDays, maxAgeDays };
    if (frozen !== undefined && asOf >= frozen.since) {
      return { ...base, stale: true, detail: `${list.listId} dated ${listDate} is a frozen list on ${asOf}: ${frozen.why}` };
    }
    if (ageDays <= maxAgeDays) {
      const when = ageDays < 0 ? `${-ageDays} day${ageDays === -1 ? "" : "s"} after ${asOf}` : `${ageDays} day${ageDays === 1 ? "" : "s"} old on ${asOf}`;
      return { ...base, stale: false, detail: `${list.listId} dated ${listDate} is ${when} (max ${maxAgeDays})` };
    }
    const why = options.snapshot ? "an embedded snapshot, not current" : `max ${maxAgeDays}`;
    return { ...base, stale: true, detail: `${list.listId} dated ${listDate} is ${ageDays} day${ageDays === 1 ? "" : "s"} old on ${asOf} (${why})` };
  });
}
