/**
 * Which official files make the embedded default lists, and the documented build steps applied to
 * them. Every step is recorded in the compiled snapshot's `build.steps`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  CSL_NON_TREASURY_CODES,
  applyObservedDates,
  filterCslSources,
  parseSdnHistory,
  type CslSourceCode,
} from "../src/lists";
import type { ListFormat, LoadedList } from "../src/model";

export interface EmbeddedListSpec {
  readonly format: ListFormat;
  readonly listId?: string;
  /** Paths relative to the data folder (or the repository when `fromRepo`). */
  readonly files: readonly string[];
  readonly fromRepo?: boolean;
  readonly transform?: (list: LoadedList, ctx: { dataDir: string; root: string }) => { list: LoadedList; steps: string[] };
}

/** Sets a list date the file does not carry, saying where it comes from. */
function withSnapshotDate(list: LoadedList, listDate: string, why: string): LoadedList {
  return { ...list, metadata: { ...list.metadata, listDate, listDateSource: why } };
}

// The CSL also republishes Treasury's lists (SDN, SSI, …); those come from OFAC's own files, and DPL
// from BIS's newer dpl.txt, so only the State and Commerce sub-lists are kept from the CSL.
const CSL_EMBEDDED_CODES: readonly CslSourceCode[] = CSL_NON_TREASURY_CODES.filter((c) => c !== "DPL");

export const EMBEDDED_LIST_SPECS: readonly EmbeddedListSpec[] = [
  { format: "curated-json", files: ["lists/curated/seed-designations.json"], fromRepo: true },
  {
    format: "ofac-csv",
    files: ["ofac-sdn/2023-12-28/sdn.csv", "ofac-sdn/2023-12-28/alt.csv", "ofac-sdn/2023-12-28/add.csv", "ofac-sdn/2023-12-28/sdn_comments.csv"],
    transform: (loaded, { dataDir }) => {
      const read = (f: string) => readFileSync(join(dataDir, "ofac-sdn/history", f), "utf8");
      const history = parseSdnHistory(read("sdn-history.csv"), {
        programChangesCsv: read("program-changes.csv"),
        snapshotIndexCsv: read("snapshot-index.csv"),
      });
      const dated = withSnapshotDate(
        loaded,
        "2023-12-28",
        "snapshot date: OFAC sdn.csv as scraped 2023-12-28T18:43:24Z (shared/data/ofac-sdn/PROVENANCE.md); the legacy CSV carries no list date",
      );
      const observed = applyObservedDates(dated.records, history, { listDate: "2023-12-28" });
      const c = observed.counts;
      return {
        list: { metadata: { ...dated.metadata, warnings: [...dated.metadata.warnings, ...observed.warnings] }, records: observed.records },
        steps: [
          "listDate set to the scrape date 2023-12-28 (not in the file)",
          `observed dates from ofac-sdn/history (2021-08-18..2024-05-03): ${c.listedOnAdded} listedOn added (${c.listedOnFirstSnapshotBound} only 'on or before 2021-08-18'), ${c.endedOnAdded} endedOn, ${c.recordsNotInHistory} records not in history`,
        ],
      };
    },
  },
  { format: "ofac-enhanced-xml", listId: "ofac-cons", files: ["ofac-cons/CONS_ENHANCED.XML"] },
  { format: "un-xml", files: ["un-consolidated/consolidated.xml"] },
  { format: "uk-ofsi-csv", files: ["uk-hmt/sanctionsconlist.csv"] },
  {
    format: "us-csl-csv",
    files: ["us-csl/consolidated.csv"],
    transform: (loaded) => ({
      list: withSnapshotDate(
        filterCslSources(loaded, CSL_EMBEDDED_CODES),
        "2022-05-16",
        "snapshot date: gzip mtime of the CSL export, 2022-05-16 (shared/data/us-csl/PROVENANCE.md); the CSV carries no list date",
      ),
      steps: [`kept CSL sources ${CSL_EMBEDDED_CODES.join(", ")} (Treasury lists come from OFAC's files, DPL from dpl.txt)`, "listDate set to the export date 2022-05-16 (not in the file)"],
    }),
  },
  { format: "bis-dpl-txt", files: ["us-csl/dpl.txt"] },
];
