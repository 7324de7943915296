import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { ListSource } from "../lists";

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
