// Reads a dump of dump-scores.mjs and prints, per kind and tier, the share flagged at the alert
// and at the review threshold (positives: an accepted record at or above it; negatives: any
// record), recall@1, and the precision of alerts over the dev set.
//
//   node test/eval/summarize-scores.mjs /tmp/scores.jsonl 0.9 0.8
const [file = "/tmp/scores.jsonl", alertArg = "0.9", reviewArg = "0.8"] = process.argv.slice(2);
import { readFileSync } from "node:fs";
const alert = Number(alertArg);
const review = Number(reviewArg);
const rows = readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const stats = new Map();
const bump = (k, f) => {
  if (!stats.has(k)) stats.set(k, { n: 0, at1: 0, alert: 0, flag: 0, pos: true });
  f(stats.get(k));
};
let tpAlerts = 0;
let fpAlerts = 0;
for (const r of rows) {
  const pos = r.expect !== null;
  for (const k of [r.kind, ...(r.tier ? [`${r.kind}/${r.tier}`] : [])]) {
    bump(k, (s) => {
      s.n++;
      s.pos = pos;
      if (pos) {
        if (r.rank === 1) s.at1++;
        if (r.best >= alert) s.alert++;
        if (r.best >= review) s.flag++;
      } else {
        if (r.other >= alert) s.alert++;
        if (r.other >= review) s.flag++;
      }
    });
  }
  // Alert precision: every alerted record of a query is a true or a false alert.
  if (pos && r.tier !== "unrelated" && r.best >= alert) tpAlerts++;
  if (r.other >= alert && !(pos && r.rank === 1 && r.best >= r.other)) fpAlerts++;
}
const pct = (x) => `${(100 * x).toFixed(1).padStart(5)}%`;
const keys = [...stats.keys()].sort((a, b) => Number(stats.get(b).pos) - Number(stats.get(a).pos) || a.localeCompare(b));
console.log(`alert >= ${alert}, review >= ${review}`);
for (const k of keys) {
  const s = stats.get(k);
  if (s.pos) console.log(`${k.padEnd(30)} ${String(s.n).padStart(5)}  R@1 ${pct(s.at1 / s.n)}  alert ${pct(s.alert / s.n)}  flagged ${pct(s.flag / s.n)}`);
  else console.log(`${k.padEnd(30)} ${String(s.n).padStart(5)}  alert ${pct(s.alert / s.n)}  flagged ${pct(s.flag / s.n)}`);
}
const pos = rows.filter((r) => r.expect !== null);
console.log(`overall R@1 ${pct(pos.filter((r) => r.rank === 1).length / pos.length)}  alert precision (queries with a wrong record alerting above the right one count as false) ${pct(tpAlerts / (tpAlerts + fpAlerts))} (${tpAlerts} true, ${fpAlerts} false)`);
