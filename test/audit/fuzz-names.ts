/**
 * Fuzzed names against the screener (issue 9 audit): `npx tsx test/audit/fuzz-names.ts [--count N]
 * [--lists curated,un-sc,…] [--seed S]`. Every name is screened; anything thrown that is not the
 * library's typed `ScreeningError` counts as an untyped exception. Prints the count, the untyped
 * exceptions (first few), and the slowest names with their times.
 */
import { parseArgs } from "node:util";
import fc from "fast-check";
import { ScreeningError } from "../../src";
import { createDefaultScreener } from "../../src/embedded";

const { values } = parseArgs({ options: { count: { type: "string" }, lists: { type: "string" }, seed: { type: "string" } } });
const count = Number(values.count ?? 100_000);
const lists = (values.lists ?? "curated,un-sc,bis-dpl").split(",");
const seed = Number(values.seed ?? 20261206);

// Names as hostile callers write them: any Unicode, list-like words, one-letter tokens, controls,
// marks and spaces of every kind, long runs.
const piece = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.constantFrom("ARMY", "SUPPLY", "BUREAU", "Belvneshpromservice", "AL", "QAIDA", "Eric", "Badege", "LTD", "OOO", "bin", "al-", "Мария", "محمد", "金"),
  fc.constantFrom("\u0000", "\u0007", "\t", "\n", "\u00a0", "\u200b", "\u202e", "\u0301", "\ufeff", "\u3000", "-", ".", ",", "'", " "),
  fc.string({ unit: fc.constantFrom("a", "b", "c", " "), minLength: 1, maxLength: 130 }),
);
const nameArb = fc.array(piece, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(" "));

const started = performance.now();
const screener = createDefaultScreener({ lists });
console.log(`screener over ${lists.join(", ")}: ${screener.stats.records} records, built in ${Math.round(performance.now() - started)} ms`);

const names = fc.sample(nameArb, { numRuns: count, seed });
let typed = 0;
const untyped: { name: string; error: string }[] = [];
const slowest: { name: string; ms: number }[] = [];
const outcomes: Record<string, number> = {};
for (const name of names) {
  const t = performance.now();
  try {
    const r = screener.screen({ name, asOf: "2024-01-01" });
    outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  } catch (error) {
    if (error instanceof ScreeningError) typed++;
    else untyped.push({ name, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
  const ms = performance.now() - t;
  if (slowest.length < 5 || ms > (slowest.at(-1)?.ms ?? 0)) {
    slowest.push({ name, ms });
    slowest.sort((a, b) => b.ms - a.ms);
    slowest.length = Math.min(slowest.length, 5);
  }
}
console.log(`${names.length} names: ${JSON.stringify(outcomes)}, ${typed} typed refusals (ScreeningError), ${untyped.length} untyped exceptions`);
for (const u of untyped.slice(0, 5)) console.log(`  untyped: ${JSON.stringify(u.name).slice(0, 120)} → ${u.error}`);
for (const s of slowest) console.log(`  ${s.ms.toFixed(1)} ms  ${JSON.stringify(s.name).slice(0, 120)}`);
process.exitCode = untyped.length > 0 ? 1 : 0;
