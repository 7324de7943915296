/**
 * The fail-closed audit as tests (issue 9): each corrupted variant class over the real files of the
 * quicker formats (the full sweep, with the large SDN, CSL and UK files, is `corrupt-lists.ts`).
 * Every damaged file is a typed rejection, except the documented gaps: a changed letter inside a
 * name (no checksum-less format can catch it), and a list without a shipped record floor (EU and
 * the FCDO UK list, for which only 5-record samples are at hand, and OpenSanctions data sets of any
 * size) thinned at record boundaries. The OFAC advanced sample (4 parties) is audited with the
 * ofac-sdn floor off (`loadOptions` in variants.ts).
 */
import { expect, it } from "vitest";
import { describeWithData } from "../shared-data";
import { FORMAT_CASES, VARIANT_CLASSES, loadOriginal, loadVariant, makeVariant, type VariantClass } from "./variants";

const QUICK = [
  "ofac-cons (legacy CSV set)",
  "un-sc (consolidated XML)",
  "eu-fsf (FSF XML sample)",
  "uk-fcdo (UK Sanctions List XML sample)",
  "ofac-sdn (advanced XML sample)",
  "bis-dpl (DPL TXT)",
  "opensanctions (FtM JSON lines)",
];

/** Damage a format accepts, and why (README "Reliability"). */
const DOCUMENTED_GAPS: Readonly<Record<string, readonly VariantClass[]>> = {
  "eu-fsf (FSF XML sample)": ["half the records removed"],
  // No full FCDO file to measure a floor on (the sample has 5 designations): a thinned file loads.
  "uk-fcdo (UK Sanctions List XML sample)": ["half the records removed"],
  "opensanctions (FtM JSON lines)": ["truncated at a record boundary", "half the records removed"],
};

// Each case damages the real official file: without it (a bare clone) the case is skipped.
for (const c of FORMAT_CASES.filter((f) => QUICK.includes(f.id))) describeWithData(`audit: ${c.id}`, [...c.files, c.otherFile], () => {
  it("loads the original", () => {
    expect(loadOriginal(c).kind).toBe("accepted");
  });
  it.each(VARIANT_CLASSES.map((cls) => ({ cls })))("$cls", ({ cls }) => {
    const variant = makeVariant(c, cls);
    if ("notApplicable" in variant) return; // e.g. an ASCII file encoded twice is unchanged
    const outcome = loadVariant(c, variant.bytes);
    expect(outcome.kind, JSON.stringify(outcome).slice(0, 300)).not.toBe("crash");
    if (cls === "one letter of a name changed" || DOCUMENTED_GAPS[c.id]?.includes(cls)) {
      expect(outcome.kind).toBe("accepted");
      return;
    }
    expect(outcome.kind, JSON.stringify(outcome).slice(0, 300)).toBe("typed");
  });
});

const ukCase = FORMAT_CASES.find((c) => c.id.startsWith("uk-ofsi")) as (typeof FORMAT_CASES)[number];
describeWithData("audit: the UK ConList (Windows-1252) refuses a future listing date and mixed or doubled encodings", ukCase.files, () => {
  const uk = ukCase;
  it.each(["listing date in the future", "UTF-8 encoded twice", "two encodings mixed"] as const)("%s", (cls) => {
    const variant = makeVariant(uk, cls);
    if ("notApplicable" in variant) throw new Error(variant.notApplicable);
    const outcome = loadVariant(uk, variant.bytes);
    expect(outcome).toMatchObject({ kind: "typed", code: "LIST_FORMAT" });
    if (outcome.kind === "typed") expect(outcome.message).toMatch(cls === "listing date in the future" ? /13349 bases\.0\.listedOn: expected a listing date on or before the list date 2018-04-13/ : /at byte offset \d+/);
  });
});
