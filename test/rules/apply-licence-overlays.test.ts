import { describe, expect, it } from "vitest";
import { applyLicenceOverlays, evaluateCountryRules, type RuleFinding } from "../../src/rules";
import { PACK } from "./rule-pack-helpers";

const syria = (asOf: string, extra: { blockedPartyInvolved?: boolean; partyCountries?: string[] } = {}) =>
  evaluateCountryRules({
    pack: PACK,
    asOf,
    jurisdictions: ["US"],
    countries: [{ code: "SY", role: "destination" }],
    goodsClasses: ["other"],
    ...extra,
  });
const byId = (findings: readonly RuleFinding[], id: string) => {
  const f = findings.find((x) => x.ruleId === id);
  if (!f) throw new Error(`no finding ${id}`);
  return f;
};

describe("general licences downgrade, never delete", () => {
  it("GL 25 (from 2025-05-23) downgrades the Government-of-Syria finding to review when no blocked party is involved", () => {
    const f = byId(syria("2025-06-01", { blockedPartyInvolved: false }), "us-syria-eo13582");
    expect(f).toMatchObject({ decision: "review", overlays: expect.arrayContaining([expect.objectContaining({ from: "alert", to: "review" })]) });
    const gl25 = f.overlays.find((o) => o.licenceId === "ofac-syria-gl-25");
    expect(gl25).toMatchObject({ applied: true, effect: "downgrade", from: "alert", to: "review" });
    expect(gl25?.excludes.join(" ")).toContain("SDNs");
    expect(f.summary).toContain("OFAC Syria General License 25 downgrades alert to review");
  });

  it("GL 25 is named but not applied when a blocked party is involved, or when nobody said", () => {
    const blocked = byId(syria("2025-06-10", { blockedPartyInvolved: true }), "us-syria-eo13582");
    const unknown = byId(syria("2025-06-10"), "us-syria-eo13582");
    for (const f of [blocked, unknown]) {
      const gl25 = f.overlays.find((o) => o.licenceId === "ofac-syria-gl-25");
      expect(gl25?.applied).toBe(false);
    }
    expect(blocked.overlays.find((o) => o.licenceId === "ofac-syria-gl-25")?.reason).toContain("involves a blocked party");
    expect(unknown.overlays.find((o) => o.licenceId === "ofac-syria-gl-25")?.reason).toContain("did not state");
  });

  it("GL 24 runs 2025-01-06 → 2025-07-07 (half-open) and says what it authorises", () => {
    expect(byId(syria("2025-01-05"), "us-syria-eo13582").overlays).toEqual([]);
    const f = byId(syria("2025-01-06"), "us-syria-eo13582");
    expect(f.decision).toBe("review");
    expect(f.overlays.map((o) => o.licenceId)).toEqual(["ofac-syria-gl-24"]);
    expect(f.overlays[0]?.authorises).toContain("personal remittances");
    // The BIS export ban (E.O. 13338) is not an OFAC SySR prohibition: GL 24 does not touch it.
    expect(byId(syria("2025-01-06"), "us-syria-eo13338")).toMatchObject({ decision: "alert", overlays: [] });
  });

  it("overlays do not bear on an ended rule", () => {
    const f = byId(syria("2025-07-02", { blockedPartyInvolved: false }), "us-syria-eo13582");
    expect(f).toMatchObject({ status: "ended", overlays: [], decision: "clear" });
  });

  it("the Caesar suspension excludes Russia and Iran", () => {
    const plain = byId(syria("2025-12-01"), "us-caesar-act");
    expect(plain.decision).toBe("clear");
    const withRussia = byId(syria("2025-12-01", { partyCountries: ["RU"] }), "us-caesar-act");
    expect(withRussia.decision).toBe("review");
    expect(withRussia.overlays.find((o) => o.licenceId === "us-caesar-suspension-2025-11")?.reason).toContain("RU");
  });

  it("the unconfirmed Caesar repeal is named but never downgrades", () => {
    const f = byId(syria("2026-06-01", { blockedPartyInvolved: false }), "us-caesar-act");
    expect(f.decision).toBe("review");
    const repeal = f.overlays.find((o) => o.licenceId === "us-caesar-repeal");
    expect(repeal).toMatchObject({ applied: false, confirmed: false });
    expect(repeal?.reason).toContain("effective date");
  });

  it("is idempotent and keeps every finding", () => {
    const once = syria("2025-06-01", { blockedPartyInvolved: false });
    const twice = applyLicenceOverlays(once, { pack: PACK, asOf: "2025-06-01", blockedPartyInvolved: false, countries: ["SY"] });
    expect(twice).toEqual(once);
    const none = applyLicenceOverlays(once, { pack: PACK, asOf: "2025-06-01", blockedPartyInvolved: true, countries: ["SY"] });
    expect(none.map((f) => f.ruleId)).toEqual(once.map((f) => f.ruleId));
    // GL 25 drops out with a blocked party; GL 24 (scope-limited, no SDN exclusion encoded) still holds it at review.
    const f = byId(none, "us-syria-eo13582");
    expect(f.overlays.map((o) => [o.licenceId, o.applied])).toEqual([
      ["ofac-syria-gl-24", true],
      ["ofac-syria-gl-25", false],
    ]);
    expect(f.decision).toBe("review");
  });
});
