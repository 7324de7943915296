import type { Hit } from "../explain";
import type { DatedFact, LegalBasis } from "../model";
import type { ScreenResult } from "../screen";

function fact(f: DatedFact | undefined): string {
  if (!f) return "date unknown";
  const bound = f.bound === "on-or-before" ? "on or before " : f.bound === "on-or-after" ? "on or after " : "";
  return `${bound}${f.date} (${f.certainty})`;
}

function basisLine(b: LegalBasis): string {
  const what = [b.regime, b.program, b.authority ? `(${b.authority})` : undefined, b.list ? `— ${b.list}` : undefined]
    .filter(Boolean)
    .join(" ");
  const ended = b.endedOn ? `; ended ${fact(b.endedOn)}` : "";
  const unconfirmed = b.confirmed === false ? " [unconfirmed: never alerts]" : "";
  return `${what}: listed ${fact(b.listedOn)}${ended}${unconfirmed}`;
}

function hitBlock(hit: Hit, rank: number): string {
  const lines = [
    `${rank}. ${hit.decision.toUpperCase()} ${hit.score.toFixed(2)}  ${hit.list} ${hit.recordId}  "${hit.name}" (${hit.nameKind}, ${hit.record.type})`,
  ];
  if (hit.alignment.length > 0) {
    lines.push(`   tokens: ${hit.alignment.map((a) => `${a.query} ↔ ${a.candidate} ${a.similarity.toFixed(2)}`).join(", ")}`);
  }
  for (const r of hit.reasons) {
    if (r.feature.startsWith("designation.")) continue;
    lines.push(`   ${r.feature} ${r.weight >= 0 ? "+" : ""}${(r.score * r.weight).toFixed(2)}: ${r.detail}`);
  }
  if (hit.designation) {
    lines.push(`   designation on ${hit.designation.asOf} (${hit.designation.jurisdictions.join(", ")}): ${hit.designation.status}`);
    for (const b of hit.designation.bases) {
      const where = b.inJurisdiction ? "" : " [outside your jurisdictions]";
      const from = b.datesFrom ? ` [dates from ${b.datesFrom}]` : "";
      lines.push(`   basis ${b.status}${where}: ${b.reason.detail}${from}`);
    }
  } else {
    for (const b of hit.record.bases) lines.push(`   basis: ${basisLine(b)}`);
  }
  if (hit.record.sourceUrl) lines.push(`   record: ${hit.record.sourceUrl}`);
  lines.push(`   ${hit.summary}`);
  return lines.join("\n");
}

/**
 * Renders a screen result for a reader: outcome, explained hits, list versions.
 * @example
 * renderScreenResult(result) //=> 'ALERT  "Belvneshpromservis LLC" …'
 */
export function renderScreenResult(result: ScreenResult): string {
  const head = `${result.outcome.toUpperCase()}  "${result.query.name}"  (as of ${result.asOf}, ${result.jurisdictions.join("/")}; profile ${result.profile}, alert ≥ ${result.threshold.toFixed(2)}, review ≥ ${result.reviewThreshold.toFixed(2)}, ${result.algorithm})`;
  // Staleness comes first: a clear on old lists must never read as a clean clear.
  const stale = result.freshness.filter((f) => f.stale);
  const parts = stale.length > 0 ? [`STALE LISTS on ${result.asOf}: ${stale.map((f) => f.detail).join("; ")}; install current lists with \`sanctions-screen lists update\``, head] : [head];
  for (const gap of result.coverageGaps) parts.push(`  NOT COVERED: ${gap.detail}`);
  for (const r of result.reasons) parts.push(`  ${r.feature}: ${r.detail}`);
  if (result.hits.length === 0 && result.outcome !== "unscreenable") parts.push("  no record at or above the review threshold");
  if (result.nearMiss !== undefined) parts.push(`  near miss (not a hit): ${result.nearMiss.detail}`);
  result.hits.forEach((h, i) => parts.push(hitBlock(h, i + 1)));
  if (result.hitCount > result.hits.length) parts.push(`  … ${result.hitCount - result.hits.length} more hits (use --max-hits)`);
  if (result.clearCount > 0 && result.outcome === "clear") parts.push(`  clear on ${result.asOf}, with ${result.clearCount} matched record(s) above that do not count that day`);
  if (result.outcome === "stale-clear") parts.push(`  not a clear: no record matched, but ${stale.length} list(s) are stale on ${result.asOf} (above)`);
  parts.push(
    `lists: ${result.lists.map((l) => `${l.listId} ${l.listDate?.slice(0, 10) ?? "undated"} (${l.recordCount} records, sha256 ${l.sha256.slice(0, 12)}…)`).join("; ")}`,
  );
  return `${parts.join("\n")}\n`;
}
