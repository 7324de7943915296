/** The data folders of the tests (see test/shared-data.ts); no vitest import, so the global setup can use it. */
import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(here, "..");

/** The real official files (read-only): `$SANCTIONS_DATA_DIR`, else `../shared/data` beside the repository. */
export const SHARED_DATA = resolve(REPO, process.env["SANCTIONS_DATA_DIR"] || "../shared/data");
/** The name-matching evaluation set: `$SANCTIONS_EVAL_DIR`, else `eval/` beside the data folder. */
export const EVAL_DIR = resolve(REPO, process.env["SANCTIONS_EVAL_DIR"] || join(SHARED_DATA, "../eval"));
/** The shared domain notes (DOMAIN.md) beside the data folder. */
export const DOMAIN_NOTES = join(SHARED_DATA, "../DOMAIN.md");
export const FIXTURES = resolve(here, "fixtures");
/** `SANCTIONS_REQUIRE_DATA=1`: tests over the full files run (and fail) even when the files are absent. */
export const REQUIRE_DATA = process.env["SANCTIONS_REQUIRE_DATA"] === "1";

/** Paths under the data folder (or absolute paths, e.g. under EVAL_DIR) that do not exist. */
export function missingData(paths: readonly string[]): string[] {
  return paths.map((p) => (isAbsolute(p) ? p : join(SHARED_DATA, p))).filter((p) => !existsSync(p));
}
