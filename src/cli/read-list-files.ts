import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { ListSource, LoadListOptions } from "../lists";
import { UsageError } from "./command";

/** Sibling files OFAC publishes beside a main legacy CSV; picked up when present next to it. */
const OFAC_SIBLINGS: Readonly<Record<string, readonly string[]>> = {
  "sdn.csv": ["alt.csv", "add.csv", "sdn_comments.csv"],
  "cons_prim.csv": ["cons_alt.csv", "cons_add.csv", "cons_comments.csv"],
};

/**
 * Reads a list file from disk as sources, adding the OFAC legacy CSV siblings that sit beside it
 * (`sdn.csv` → `alt.csv`, `add.csv`, `sdn_comments.csv`), matched case-insensitively.
 * @example
 * readListFiles("../shared/data/ofac-sdn/2023-12-28/sdn.csv").map((s) => s.name)
 * //=> [".../sdn.csv", ".../alt.csv", ".../add.csv", ".../sdn_comments.csv"]
 */
export function readListFiles(path: string): ListSource[] {
  const sources: ListSource[] = [{ name: path, data: new Uint8Array(readFileSync(path)) }];
  const base = basename(path);
  const siblings = OFAC_SIBLINGS[base.toLowerCase()] ?? [];
  const upper = base === base.toUpperCase();
  for (const sibling of siblings) {
    const candidate = join(dirname(path), upper ? sibling.toUpperCase() : sibling);
    if (existsSync(candidate)) sources.push({ name: candidate, data: new Uint8Array(readFileSync(candidate)) });
  }
  return sources;
}

/**
 * The load options every command that reads `--list` files adds: `--min-records N` (the record
 * floor; default the list's shipped floor, 0 for an excerpt) and the day the CLI runs as the
 * retrieval day, so record dates of lists without a date of their own are checked too (issue 9).
 * @example
 * listFileOptions("0", "2026-12-06") //=> { minRecordCount: 0, retrievedOn: "2026-12-06" }
 */
export function listFileOptions(minRecords: string | undefined, today: string | undefined): Pick<LoadListOptions, "minRecordCount" | "retrievedOn"> {
  let minRecordCount: number | undefined;
  if (minRecords !== undefined) {
    minRecordCount = Number(minRecords);
    if (!Number.isInteger(minRecordCount) || minRecordCount < 0) throw new UsageError(`--min-records: expected a whole number ≥ 0, received "${minRecords}"`);
  }
  return { ...(minRecordCount === undefined ? {} : { minRecordCount }), ...(today === undefined ? {} : { retrievedOn: today }) };
}
