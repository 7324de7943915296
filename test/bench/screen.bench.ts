/**
 * `npm run bench`: screening over the full evaluation set (20,993 subjects, ~51k names). The
 * complete measurement (percentiles, build and prebuilt-load times, heap, fuse.js ratio) is
 * test/bench/screen-bench.mjs; this file keeps a few representative queries under vitest bench.
 */
import { bench, describe } from "vitest";
import { createScreener } from "../../src/screen";
import { evalLists } from "../eval/designations";

const lists = evalLists();
const screener = createScreener({ lists, today: "2026-11-22" });
const prebuilt = screener.exportIndex();

describe("screen() over the evaluation set", () => {
  bench("company, exact (Belvneshpromservice)", () => {
    screener.screen({ name: "BELVNESHPROMSERVICE RUE" });
  });
  bench("person, reordered (Nicolas Maduro)", () => {
    screener.screen({ name: "Nicolas Maduro" });
  });
  bench("person, typo (ABDULAH ANSHORI)", () => {
    screener.screen({ name: "ABDULAH ANSHORI" });
  });
  bench("negative (Jennifer L. McClellan)", () => {
    screener.screen({ name: "Jennifer L. McClellan" });
  });
  bench("common tokens (Mohammed Ali Hassan)", () => {
    screener.screen({ name: "Mohammed Ali Hassan" });
  });
  bench("Arabic script (صدام حسين التكريتي)", () => {
    screener.screen({ name: "صدام حسين التكريتي" });
  });
});

describe("index", () => {
  bench("load the prebuilt index", () => {
    createScreener({ lists, index: prebuilt });
  }, { iterations: 5 });
});
