/**
 * The fail-closed audit (issue 9), rerunnable: every corrupted variant class over every real format
 * in ../shared/data, loaded as a caller that names the format does; counts accepted-bad, typed
 * rejections and crashes. `npx tsx test/audit/corrupt-lists.ts [--json]`.
 *
 * "accepted-bad" is a damaged file that loaded. The one class no checksum-less format can catch —
 * a changed letter inside a name still makes a valid file — is counted apart as "accepted
 * (uncatchable)". "n/a" is a class that cannot apply to a format (an ASCII file encoded twice is
 * unchanged).
 */
import { FORMAT_CASES, UNCATCHABLE, VARIANT_CLASSES, loadOriginal, loadVariant, makeVariant, type Outcome, type VariantClass } from "./variants";

interface Row {
  readonly format: string;
  readonly cls: VariantClass | "original";
  readonly result: "accepted (original)" | "accepted-bad" | "accepted (uncatchable)" | "typed rejection" | "crash" | "n/a";
  readonly detail: string;
  readonly ms: number;
}

const rows: Row[] = [];
for (const c of FORMAT_CASES) {
  const t0 = performance.now();
  const base = loadOriginal(c);
  rows.push({ format: c.id, cls: "original", result: base.kind === "accepted" ? "accepted (original)" : base.kind === "typed" ? "typed rejection" : "crash", detail: describe(base), ms: performance.now() - t0 });
  for (const cls of VARIANT_CLASSES) {
    const started = performance.now();
    let variant;
    try {
      variant = makeVariant(c, cls);
    } catch (error) {
      rows.push({ format: c.id, cls, result: "n/a", detail: `variant could not be made: ${(error as Error).message}`, ms: 0 });
      continue;
    }
    if ("notApplicable" in variant) {
      rows.push({ format: c.id, cls, result: "n/a", detail: variant.notApplicable, ms: 0 });
      continue;
    }
    const outcome = loadVariant(c, variant.bytes);
    const result: Row["result"] =
      outcome.kind === "typed" ? "typed rejection" : outcome.kind === "crash" ? "crash" : UNCATCHABLE.has(cls) ? "accepted (uncatchable)" : "accepted-bad";
    rows.push({ format: c.id, cls, result, detail: describe(outcome), ms: performance.now() - started });
  }
}

function describe(o: Outcome): string {
  if (o.kind === "accepted") return `${o.records} records${o.warnings.length ? `; ${o.warnings.length} warning(s): ${o.warnings[0]?.slice(0, 100)}` : ""}`;
  return `${o.kind === "typed" ? o.code : "CRASH"}: ${o.message.slice(0, 160)}`;
}

if (process.argv.includes("--json")) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  for (const r of rows) console.log(`${r.format.padEnd(32)} ${r.cls.padEnd(32)} ${r.result.padEnd(24)} ${String(Math.round(r.ms)).padStart(6)} ms  ${r.detail}`);
  const variants = rows.filter((r) => r.cls !== "original");
  const count = (k: Row["result"]) => variants.filter((r) => r.result === k).length;
  console.log(
    `\n${FORMAT_CASES.length} formats × ${VARIANT_CLASSES.length} classes = ${variants.length} variants: ` +
      `${count("typed rejection")} typed rejections, ${count("accepted-bad")} accepted-bad, ${count("accepted (uncatchable)")} accepted (uncatchable: a name letter), ` +
      `${count("crash")} crashes, ${count("n/a")} n/a; originals: ${rows.filter((r) => r.result === "accepted (original)").length}/${FORMAT_CASES.length} load`,
  );
  for (const r of variants.filter((v) => v.result === "accepted-bad" || v.result === "crash")) console.log(`  ${r.result}: ${r.format} / ${r.cls}: ${r.detail}`);
}
