// Eval adapter for the shared name-matching harness (../shared/eval/README.md), using the library.
//
// Run from the repository root (tsx lets this plain-ESM file import the TypeScript sources):
//   node --import tsx ../shared/eval/evaluate.mjs --adapter test/eval/adapter.mjs --queries ../shared/eval/dev/
//
// Entities are mapped into the library's model by test/eval/designations.ts (one LoadedList per
// eval list). The alert threshold is the default (balanced) profile's. `search` returns the
// library's ranking (`screener.rank`, name score only: the harness passes no type, country or
// date) down to a name score of 0.3 — like the fuse.js baseline, which ranks down to its loose
// match threshold — so that recall@k measures the ranking; miss and false-positive rates are
// measured at the alert threshold. EVAL_MIN_SCORE changes the ranking floor (e.g. 0.8, the
// balanced review threshold, for what a reviewer sees in the product).
import { InputError } from "../../src/errors.ts";
import { createScreener, PROFILES } from "../../src/screen/index.ts";
import { NAMES_V2 } from "../../src/score/index.ts";
import { evalIdOf, toLoadedLists } from "./designations.ts";

const profile = PROFILES.balanced;
const RANK_FLOOR = process.env.EVAL_MIN_SCORE === undefined ? 0.3 : Number(process.env.EVAL_MIN_SCORE);
export const name = `sanctions-screen names-v2 (profile balanced, alert >= ${profile.threshold}, ranked from ${RANK_FLOOR})`;
export const threshold = process.env.EVAL_THRESHOLD === undefined ? profile.threshold : Number(process.env.EVAL_THRESHOLD);
/** The balanced profile's review threshold: run the harness with EVAL_THRESHOLD set to it for "flagged" (alert or review). */
export const reviewThreshold = profile.reviewThreshold;

export async function build(entities) {
  // EVAL_ALG (JSON) overrides algorithm parameters while tuning; reported numbers never use it.
  const algorithm = process.env.EVAL_ALG === undefined ? NAMES_V2 : { ...NAMES_V2, ...JSON.parse(process.env.EVAL_ALG), id: "names-v2-tuning" };
  const screener = createScreener({ lists: toLoadedLists(entities), profile: "balanced", algorithm });
  const minScore = RANK_FLOOR;
  return {
    search(query) {
      try {
        return screener.rank(query, { minScore, limit: 10 }).map((m) => ({ id: evalIdOf({ list: m.list, sourceId: m.recordId }), score: m.score }));
      } catch (e) {
        // A name the library refuses (empty, too long) is screened as nothing found here; the
        // harness counts it as a miss, which is what it is.
        if (e instanceof InputError) return [];
        throw e;
      }
    },
  };
}
