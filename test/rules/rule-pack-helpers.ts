import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadRulePack, type RulePack } from "../../src/rules";

const here = dirname(fileURLToPath(import.meta.url));

/** The shipped rule pack file as text. */
export const RULE_PACK_TEXT = readFileSync(resolve(here, "../../lists/rules/rule-pack.json"), "utf8");

/** The shipped rule pack, loaded. */
export const PACK: RulePack = loadRulePack(RULE_PACK_TEXT);

/** A fresh mutable copy of the rule pack JSON, for fail-closed tests. */
export function packJson(): Record<string, unknown> & { rules: Record<string, unknown>[]; overlays: Record<string, unknown>[] } {
  return JSON.parse(RULE_PACK_TEXT);
}

/**
 * The domain notes the rule pack quotes: a copy of the shared DOMAIN.md in test/fixtures/domain, so
 * the rules tests run on a bare clone (test/fixtures/fixtures-cut.test.ts checks it against the
 * shared file when that is there).
 */
export const DOMAIN_MD = readFileSync(resolve(here, "../fixtures/domain/DOMAIN.md"), "utf8");

/** Rows of the "Dated rules and events" table: date, rule text and source columns, verbatim. */
export function domainRows(): { date: string; text: string; source: string }[] {
  const section = DOMAIN_MD.split("## Dated rules and events")[1]?.split("Seed goods:")[0] ?? "";
  return section
    .split("\n")
    .filter((l) => l.startsWith("| ") && !l.startsWith("| Date") && !l.startsWith("|---"))
    .map((l) => {
      const cells = l.split("|").slice(1, -1).map((c) => c.trim());
      return { date: cells[0] ?? "", text: cells[1] ?? "", source: cells[2] ?? "" };
    });
}
