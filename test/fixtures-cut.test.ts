/**
 * Fixtures cut from the shared files stay cuts of them: every line of a cut is a line of its source
 * (same bytes), and a whole-file copy is identical. Runs when the shared files are there.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { DOMAIN_NOTES, FIXTURES, SHARED_DATA, itWithData } from "./shared-data";

const lines = (path: string): string[] => readFileSync(path, "latin1").split("\n").filter((l) => l !== "");

const CUTS = [
  { fixture: "ofac-sdn-history/sdn-history.csv", source: join(SHARED_DATA, "ofac-sdn/history/sdn-history.csv") },
  { fixture: "ofac-sdn-history/program-changes.csv", source: join(SHARED_DATA, "ofac-sdn/history/program-changes.csv") },
  { fixture: "curated-json/ofac/sdn-2024-05-03.csv", source: join(SHARED_DATA, "ofac-sdn/2024-05-03/sdn.csv") },
  { fixture: "curated-json/ofac/alt-2023-12-28.csv", source: join(SHARED_DATA, "ofac-sdn/2023-12-28/alt.csv") },
];
const COPIES = [
  { fixture: "ofac-sdn-history/snapshot-index.csv", source: join(SHARED_DATA, "ofac-sdn/history/snapshot-index.csv") },
  { fixture: "domain/DOMAIN.md", source: DOMAIN_NOTES },
];

for (const { fixture, source } of CUTS) {
  itWithData(`test/fixtures/${fixture} is a cut of ${source}, in file order`, [source], () => {
    const all = lines(source);
    const cut = lines(join(FIXTURES, fixture));
    expect(cut.length).toBeGreaterThan(1);
    const at = cut.map((l) => all.indexOf(l));
    expect(at.filter((i) => i < 0), "lines not in the source").toEqual([]);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
}

for (const { fixture, source } of COPIES) {
  itWithData(`test/fixtures/${fixture} is a copy of ${source}`, [source], () => {
    expect(readFileSync(join(FIXTURES, fixture))).toEqual(readFileSync(source));
  });
}
