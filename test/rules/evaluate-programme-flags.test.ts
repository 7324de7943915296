import { describe, expect, it } from "vitest";
import { evaluateProgrammeFlags, listUnconfirmedRows } from "../../src/rules";
import { PACK } from "./rule-pack-helpers";

describe("evaluateProgrammeFlags", () => {
  it("[IFSR] raises a correspondent-account risk review for a bank, whatever the caller's jurisdiction", () => {
    for (const jurisdictions of [["US"], ["EU"]] as const) {
      const [f, ...rest] = evaluateProgrammeFlags({ pack: PACK, asOf: "2013-03-01", jurisdictions: [...jurisdictions], programmes: ["NPWMD", "IFSR"] });
      expect(rest).toEqual([]);
      expect(f).toMatchObject({ ruleId: "us-ifsr-correspondent-risk", regime: "US", decision: "review", kind: "programme-flag" });
      expect(f?.summary).toContain("correspondent-account risk");
      expect(f?.reasons.map((r) => r.feature)).toEqual(["rule.window", "programme.flag", "rule.severity", "rule.extraterritorial"]);
    }
  });

  it.each([["[IFSR]"], ["ifsr"], [" IFSR "]])("reads the tag written as %j", (tag) => {
    expect(evaluateProgrammeFlags({ pack: PACK, asOf: "2020-01-01", jurisdictions: ["US"], programmes: [tag] })).toHaveLength(1);
  });

  it("raises nothing for tags without a flag", () => {
    expect(evaluateProgrammeFlags({ pack: PACK, asOf: "2020-01-01", jurisdictions: ["US"], programmes: ["NPWMD", "SYRIA"] })).toEqual([]);
  });
});

describe("listUnconfirmedRows", () => {
  it("lists exactly the rows DOMAIN.md marks with '?', each with its reason", () => {
    const rows = listUnconfirmedRows(PACK);
    expect(rows.map((r) => r.id)).toEqual([
      "eu-syria-arms-export-ban-now",
      "us-caesar-repeal",
      "seed-designations-2012-09-19",
      "army-supply-bureau-npwmd-after-2025",
    ]);
    for (const r of rows) expect(r.reason).toMatch(/\?/);
  });
});
