/**
 * Where the tests find their data. Small fixtures cut from the official files live in
 * `test/fixtures/` and always run. The full official files and the name-matching evaluation set
 * live outside the repository (read-only, see README "Tests"):
 *
 * - `SANCTIONS_DATA_DIR` — the official files; default `../shared/data` beside the repository.
 * - `SANCTIONS_EVAL_DIR` — the evaluation set; default `eval/` beside the data folder.
 *
 * Tests over those files are declared with `describeWithData` / `itWithData` (or `skipWithoutData`
 * for suites read at the top of a file): when a file is absent they are skipped, with the missing
 * path in their title. `SANCTIONS_REQUIRE_DATA=1` (set by `.ci/run`) never skips them, so a missing
 * file fails the run instead (see also test/data-setup.ts).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, it } from "vitest";
import type { ListSource } from "../src";
import { FIXTURES, REQUIRE_DATA, SHARED_DATA, missingData } from "./data-paths";

export { DOMAIN_NOTES, EVAL_DIR, FIXTURES, REQUIRE_DATA, SHARED_DATA, missingData } from "./data-paths";

/** Why a test over `paths` is skipped, or undefined when it runs (files present, or data required). */
export function skipWithoutData(...paths: string[]): string | undefined {
  const missing = missingData(paths);
  if (missing.length === 0 || REQUIRE_DATA) return undefined;
  const shown = relative(process.cwd(), missing[0] as string) || missing[0];
  return `[skipped: ${shown} not found; set SANCTIONS_DATA_DIR / SANCTIONS_EVAL_DIR, see README "Tests"]`;
}

/** `describe` over the full official files: skipped, with the missing path in its title, when they are absent. */
export function describeWithData(title: string, paths: readonly string[], body: () => void): void {
  const skip = skipWithoutData(...paths);
  if (skip === undefined) describe(title, body);
  else describe.skip(`${title} ${skip}`, body);
}

/** `it` over the full official files: skipped, with the missing path in its title, when they are absent. */
export function itWithData(title: string, paths: readonly string[], body: () => unknown, timeout?: number): void {
  const skip = skipWithoutData(...paths);
  if (skip === undefined) it(title, body, timeout);
  else it.skip(`${title} ${skip}`, body);
}

/** Reads files under the data folder as list sources (bytes, as a loader receives them). */
export function sharedSources(...relativePaths: string[]): ListSource[] {
  return relativePaths.map((p) => ({ name: p, data: new Uint8Array(readFileSync(join(SHARED_DATA, p))) }));
}

/** Reads files under test/fixtures as list sources. */
export function fixtureSources(...relativePaths: string[]): ListSource[] {
  return relativePaths.map((p) => ({ name: p, data: new Uint8Array(readFileSync(join(FIXTURES, p))) }));
}

export function listDir(relative: string): string[] {
  return readdirSync(join(SHARED_DATA, relative));
}
