// Audits the false alerts of a dump (test/eval/dump-scores.mjs): how many of the records that alert
// above the expected one are, by the dev set's own data, the same subject listed again on another list
// without an `accept` link — a name identical to one of the expected record's names once case,
// punctuation, word order and common legal-form words are set aside, or the same full date of birth.
// The strict alert precision (summarize-scores.mjs) counts them as false; this prints both.
//
//   node test/eval/precision-audit.mjs /tmp/scores.jsonl [alert=0.9]
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EVAL_DIR } from "./designations.ts";

const [file = "/tmp/scores.jsonl", alertArg = "0.9"] = process.argv.slice(2);
const alert = Number(alertArg);
const rows = readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const data = JSON.parse(readFileSync(join(EVAL_DIR, "designations.json"), "utf8"));
const byId = new Map((data.entities ?? data).map((e) => [e.id, e]));
const LEGAL = /\b(LTD|LLC|CO|JSC|OAO|OOO|AO|PJSC|LIMITED|COMPANY|THE|AND|INC|CORP|CORPORATION)\b/g;
const key = (s) => s.toUpperCase().normalize("NFKD").replace(/[^A-Z0-9 ]/g, " ").replace(LEGAL, " ").split(/\s+/).filter(Boolean).sort().join(" ");
let truePos = 0;
let falsePos = 0;
let duplicates = 0;
for (const r of rows) {
  const pos = r.expect !== null;
  if (pos && r.tier !== "unrelated" && r.best >= alert) truePos++;
  if (!(r.other >= alert && !(pos && r.rank === 1 && r.best >= r.other))) continue;
  falsePos++;
  const e = pos ? byId.get(r.expect) : undefined;
  const o = byId.get(r.otherId);
  if (e === undefined || o === undefined) continue;
  const names = new Set([...e.names, ...(e.weakNames ?? [])].map(key));
  const sameName = [...o.names, ...(o.weakNames ?? [])].some((n) => key(n) !== "" && names.has(key(n)));
  const sameDob = (e.dob ?? []).some((d) => d.length >= 10 && (o.dob ?? []).includes(d));
  if (sameName || sameDob) duplicates++;
}
const pct = (x) => `${(100 * x).toFixed(1)}%`;
console.log(`alerts >= ${alert}: ${truePos} true, ${falsePos} false (strict precision ${pct(truePos / (truePos + falsePos))})`);
console.log(`of the false: ${duplicates} on a record sharing a name or full birth date with the expected one (unlinked duplicates)`);
console.log(`precision with those not counted as false: ${pct(truePos / (truePos + falsePos - duplicates))}`);
