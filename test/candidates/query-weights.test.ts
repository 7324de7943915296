/**
 * Query word weights: an Arabic-script word weighs as common as its closest readings in the lists
 * (its Latin spellings where the lists do not write it in Arabic script), not as a word the lists
 * never use.
 */
import { describe, expect, it } from "vitest";
import { buildNameIndex, queryUnits } from "../../src/candidates";
import { normalizeName } from "../../src/normalize";
import { handMade } from "../screen/fixtures";

// Twenty records whose names use AHMAD (a common word here) and one with a rare surname; the
// Arabic-script names are never indexed in their own script.
const records = [
  ...Array.from({ length: 20 }, (_, i) => handMade({ id: `ahmad-${i}`, type: "person", names: [`AHMAD ${["KARIMI", "NOURI", "SALEHI", "RAHIMI", "TEHRANI"][i % 5]} ${String.fromCharCode(65 + i)}${"ZXQVW"[i % 5]}OR`] })),
  handMade({ id: "zubaidi", type: "person", names: ["ZUBAIDI QADIR"] }),
  ...Array.from({ length: 30 }, (_, i) => handMade({ id: `other-${i}`, type: "organization", names: [`COMPANY ${String.fromCharCode(65 + (i % 26))}${i} TRADING`] })),
];
const index = buildNameIndex(records);
const weightOf = (name: string, at = 0): number => queryUnits(index, normalizeName(name)).units[at]?.weight ?? Number.NaN;

describe("query word weights", () => {
  it("weighs an Arabic-script word like its commonest closest Latin reading", () => {
    const latin = weightOf("AHMAD");
    const arabic = weightOf("أحمد");
    expect(latin).toBeLessThan(1);
    expect(arabic).toBeCloseTo(latin, 6);
  });

  it("keeps a rare Arabic-script word heavy, and a word without a reading at full weight", () => {
    expect(weightOf("زبيدي")).toBeGreaterThan(weightOf("أحمد"));
    expect(weightOf("شمشوني")).toBe(1);
  });

  it("takes the lists' own Arabic-script form as the closest reading where they have one", () => {
    const withScript = buildNameIndex([...records, handMade({ id: "ahmad-arabic", type: "person", names: ["AHMAD JAFARI", ["أحمد جعفري", "alias"]] })]);
    const arabic = queryUnits(withScript, normalizeName("أحمد")).units[0]?.weight ?? Number.NaN;
    const latin = queryUnits(withScript, normalizeName("AHMAD")).units[0]?.weight ?? Number.NaN;
    expect(arabic).toBeGreaterThan(latin);
  });
});
