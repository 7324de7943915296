// Run by date-aware.test.ts in a child process with TZ set: screens names and a transaction on the
// days a designation or programme starts or ends, and prints decisions plus a sha256 of the full
// transaction result (byte-identical replay must hold whatever the machine's time zone).
import { createDefaultScreener, embeddedGoodsCatalogue, embeddedRulePack } from "../../src/embedded";
import { contentSha256 } from "../../src/rules";
import { screenTransaction } from "../../src/screen";

const screener = createDefaultScreener({ lists: ["curated"] });
const decisions = [
  ["Belvneshpromservice", "2012-09-18"],
  ["Belvneshpromservice", "2012-09-19"],
  ["Army Supply Bureau", "2025-06-30"],
  ["Army Supply Bureau", "2025-07-01"],
].map(([name, asOf]) => {
  const r = screener.screen({ name: name as string, asOf: asOf as string, jurisdictions: ["US"] });
  return [r.outcome, r.hits[0]?.designation?.status, r.hits[0]?.designation?.bases.map((b) => `${b.program}:${b.status}`).join(",")];
});
const tx = (date: string) =>
  screenTransaction(
    { date, jurisdictions: ["US"], parties: [{ role: "buyer", name: "Army Supply Bureau" }], goods: [{ description: "MAZ trucks" }], route: { origin: "BY", destination: "SY" } },
    { screener, rulePack: embeddedRulePack(), goods: embeddedGoodsCatalogue() },
  );
const before = tx("2025-06-30");
const after = tx("2025-07-01");
const severity = (r: ReturnType<typeof tx>, id: string) => r.findings.find((f) => f.id === id)?.decision;
process.stdout.write(
  JSON.stringify({
    decisions,
    eo13338: [severity(before, "rule.us-syria-eo13338"), severity(after, "rule.us-syria-eo13338")],
    verdicts: [before.outcome, after.outcome],
    sha256: [contentSha256(before), contentSha256(after), contentSha256(JSON.stringify(after))],
  }),
);
