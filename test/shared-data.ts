import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ListSource } from "../src";

/** `../shared/data` beside the repository: the real official files (read-only). */
export const SHARED_DATA = resolve(dirname(fileURLToPath(import.meta.url)), "../../shared/data");
export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), "fixtures");

/** Reads files under ../shared/data as list sources (bytes, as a loader receives them). */
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
