/**
 * Vitest global setup: says once, at the start of the run, whether the tests over the full official
 * files and the evaluation set run or are skipped, and fails the run when `SANCTIONS_REQUIRE_DATA=1`
 * and a folder is missing (CI must not go green on skipped tests).
 */
import { DOMAIN_NOTES, EVAL_DIR, REQUIRE_DATA, SHARED_DATA, missingData } from "./data-paths";

export default function setup(): void {
  const missing = missingData([SHARED_DATA, EVAL_DIR, DOMAIN_NOTES]);
  if (missing.length === 0) return;
  const list = missing.map((p) => `  - ${p}`).join("\n");
  if (REQUIRE_DATA) {
    throw new Error(`SANCTIONS_REQUIRE_DATA=1 but these are missing:\n${list}\nSet SANCTIONS_DATA_DIR (official files) and SANCTIONS_EVAL_DIR (evaluation set), see README "Tests".`);
  }
  console.warn(
    `\nsanctions-screen tests: not found, so the tests over the full official files / evaluation set are SKIPPED ` +
      `(their titles say "[skipped: … not found]"); the fixtures in test/fixtures/ still run:\n${list}\n` +
      `Set SANCTIONS_DATA_DIR=<official files> and SANCTIONS_EVAL_DIR=<evaluation set> to run them; ` +
      `SANCTIONS_REQUIRE_DATA=1 turns the skips into a failure.\n`,
  );
}
