/**
 * Coverage: which of the caller's regimes the loaded lists can alert for. A regime is covered when
 * at least one loaded list holds a confirmed legal basis of that regime (an EU basis comes from the
 * EU FSF list, a UK one from the UK Sanctions List or the ConList, …). A jurisdiction with no such
 * list can never produce an alert, so every screen and transaction names it: an EU-only caller
 * screening against U.S. and UN lists must not read the empty answer as an EU clear.
 */
import type { Regime } from "../model";

/** The list that carries each regime's designations, for the hint. */
export const LIST_FOR_REGIME: Readonly<Record<Regime, string>> = {
  US: "ofac-sdn (OFAC SDN)",
  EU: "eu-fsf (EU Financial Sanctions Files)",
  UK: "uk-fcdo (FCDO UK Sanctions List)",
  UN: "un-sc (UN Security Council Consolidated List)",
};

/**
 * A requested jurisdiction no loaded list covers.
 * @example
 * createScreener({ lists: [ofacSdn] }).screen({ name: "x", asOf: "2026-01-02", jurisdictions: ["EU"] }).coverageGaps[0]?.regime //=> "EU"
 */
export interface CoverageGap {
  readonly regime: Regime;
  readonly detail: string;
}

/**
 * Regime → the list ids holding a confirmed basis of it.
 * @example
 * regimesCovered([ofacSdn, unSc]).get("EU") //=> undefined
 */
export function regimesCovered(
  lists: readonly { readonly metadata: { readonly listId: string }; readonly records: readonly { readonly bases: readonly { readonly regime: Regime; readonly confirmed?: boolean }[] }[] }[],
): Map<Regime, string[]> {
  const covered = new Map<Regime, string[]>();
  for (const list of lists) {
    const regimes = new Set<Regime>();
    for (const record of list.records) for (const b of record.bases) if (b.confirmed !== false) regimes.add(b.regime);
    for (const regime of regimes) covered.set(regime, [...(covered.get(regime) ?? []), list.metadata.listId]);
  }
  return covered;
}

/**
 * The requested jurisdictions no loaded list covers, each explained.
 * @example
 * coverageGaps(["US", "EU"], new Map([["US", ["ofac-sdn"]]]), ["ofac-sdn"])[0]?.regime //=> "EU"
 */
export function coverageGaps(jurisdictions: readonly Regime[], covered: ReadonlyMap<Regime, readonly string[]>, listIds: readonly string[]): CoverageGap[] {
  return [...new Set(jurisdictions)]
    .filter((regime) => (covered.get(regime) ?? []).length === 0)
    .map((regime) => ({
      regime,
      detail: `${regime} not covered: no loaded list carries ${regime} designations (loaded: ${listIds.join(", ")}), so no ${regime} designation can alert; load ${LIST_FOR_REGIME[regime]}`,
    }));
}
