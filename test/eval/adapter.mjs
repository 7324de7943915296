// Eval adapter for the shared name-matching harness (../shared/eval/README.md), using the library.
//
// Run from the repository root (tsx lets this plain-ESM file import the TypeScript sources):
//   node --import tsx ../shared/eval/evaluate.mjs --adapter test/eval/adapter.mjs --queries ../shared/eval/dev/
//
// Entities are mapped into the library's model by test/eval/designations.ts (one LoadedList per
// eval list). The alert threshold is the default (balanced) profile's. `search` returns the
// library's ranking (`screener.rank`) down to the profile's review threshold — what a reviewer
// would see — or down to EVAL_MIN_SCORE when that variable is set (for exploring recall).
import { InputError } from "../../src/errors.ts";
import { createScreener, PROFILES } from "../../src/screen/index.ts";
import { NAMES_V1 } from "../../src/score/index.ts";
import { evalIdOf, toLoadedLists } from "./designations.ts";

const profile = PROFILES.balanced;
export const name = `sanctions-screen names-v1 (profile balanced, alert >= ${profile.threshold}, ranked from ${process.env.EVAL_MIN_SCORE ?? profile.reviewThreshold})`;
export const threshold = process.env.EVAL_THRESHOLD === undefined ? profile.threshold : Number(process.env.EVAL_THRESHOLD);

export async function build(entities) {
  // EVAL_ALG (JSON) overrides algorithm parameters while tuning; reported numbers never use it.
  const algorithm = process.env.EVAL_ALG === undefined ? NAMES_V1 : { ...NAMES_V1, ...JSON.parse(process.env.EVAL_ALG), id: "names-v1-tuning" };
  const screener = createScreener({ lists: toLoadedLists(entities), profile: "balanced", algorithm });
  const minScore = process.env.EVAL_MIN_SCORE === undefined ? screener.reviewThreshold : Number(process.env.EVAL_MIN_SCORE);
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
