import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors";
import type { Regime } from "../../src/model";
import {
  type CountryRole,
  evaluateCountryRules,
  type EvaluateCountryRulesOptions,
  type GoodsClass,
  type RuleFinding,
} from "../../src/rules";
import { PACK } from "./rule-pack-helpers";

const run = (o: Partial<EvaluateCountryRulesOptions> & { asOf: string }) =>
  evaluateCountryRules({
    pack: PACK,
    jurisdictions: ["US"],
    countries: [{ code: "SY", role: "destination" }],
    goodsClasses: ["other"],
    ...o,
  });
const byId = (findings: readonly RuleFinding[], id: string) => {
  const f = findings.find((x) => x.ruleId === id);
  if (!f) throw new Error(`no finding ${id} in ${findings.map((x) => x.ruleId).join(", ")}`);
  return f;
};

describe("U.S. Syria programme around its revocation (MAZ trucks to Damascus)", () => {
  it("2018: the export ban and the Government-of-Syria blocking alert", () => {
    const findings = run({ asOf: "2018-03-01" });
    expect(findings[0]?.decision).toBe("alert");
    const ban = byId(findings, "us-syria-eo13338");
    expect(ban).toMatchObject({ decision: "alert", status: "in-force", regime: "US", confirmed: true });
    expect(ban.summary).toMatchInlineSnapshot(
      `"Alert: [US] U.S. Syria export ban (E.O. 13338) in force on 2018-03-01 since 2004-05-11, until 2025-07-01; destination SY; goods other; programme [SYRIA]."`,
    );
    expect(byId(findings, "us-syria-eo13582").decision).toBe("alert");
    expect(ban.source).toBe("jewishvirtuallibrary.org/jsource/US-Israel/syriaorder.html");
  });

  it("2026-01-15: the programme is shown as ended on 2025-07-01 by E.O. 14312, not alerting", () => {
    const findings = run({ asOf: "2026-01-15" });
    const ban = byId(findings, "us-syria-eo13338");
    expect(ban).toMatchObject({ decision: "clear", status: "ended" });
    expect(ban.reasons.find((r) => r.feature === "rule.severity")).toMatchObject({ severity: "alert", detail: "row severity alert when in force and confirmed; ended on the day: clear before licence overlays" });
    expect(ban.summary).toContain("ended on 2025-07-01 (E.O. 14312");
    expect(ban.reasons.find((r) => r.feature === "rule.window")).toMatchObject({ to: "2025-07-01", asOf: "2026-01-15" });
    expect(findings.some((f) => f.decision === "alert")).toBe(false);
    // What is still in force is explained: BIS licence requirement and the SST designation.
    expect(byId(findings, "bis-syria-2025").decision).toBe("review");
    expect(byId(findings, "us-syria-sst").decision).toBe("review");
  });

  it("the window is half-open: in force on 2025-06-30, ended on 2025-07-01", () => {
    expect(byId(run({ asOf: "2025-06-30" }), "us-syria-eo13338").status).toBe("in-force");
    expect(byId(run({ asOf: "2025-07-01" }), "us-syria-eo13338").status).toBe("ended");
    expect(byId(run({ asOf: "2004-05-10" }), "us-syria-eo13338").status).toBe("not-yet");
    expect(byId(run({ asOf: "2004-05-11" }), "us-syria-eo13338").status).toBe("in-force");
  });

  it("a start known only as 'on or before' gives review before it, never a silent clear", () => {
    const bis = byId(run({ asOf: "2018-03-01" }), "bis-syria-2025");
    expect(bis).toMatchObject({ status: "uncertain", decision: "review" });
    expect(bis.summary).toContain("known in force on or before 2025-09-02");
  });
});

describe("regimes and jurisdictions", () => {
  const munitionsToSyria = (jurisdictions: Regime[], asOf = "2016-05-01") =>
    run({ asOf, jurisdictions, goodsClasses: ["munitions"] });

  it("EU-only: arms exports to Syria went to national policy in 2013 (review), the 2011 embargo is shown as ended", () => {
    const findings = munitionsToSyria(["EU"]);
    expect(findings.every((f) => f.regime === "EU" || f.kind === "secondary-sanctions")).toBe(true);
    expect(byId(findings, "eu-syria-arms-exports-national").decision).toBe("review");
    expect(byId(findings, "eu-syria-arms-embargo-2011")).toMatchObject({ status: "ended", decision: "clear" });
    expect(findings.some((f) => f.ruleId === "itar-126-1-syria")).toBe(false);
  });

  it("EU in 2012: the EU-wide embargo alerts", () => {
    expect(byId(munitionsToSyria(["EU"], "2012-06-01"), "eu-syria-arms-embargo-2011").decision).toBe("alert");
  });

  it("the unconfirmed 'EU-wide arms-export ban now?' row is reported as clear, never alert", () => {
    const f = byId(munitionsToSyria(["EU"], "2024-01-01"), "eu-syria-arms-export-ban-now");
    expect(f).toMatchObject({ confirmed: false, decision: "clear", status: "in-force" });
    expect(f.reasons.find((r) => r.feature === "rule.severity")).toMatchObject({ severity: "alert" });
    expect(f.summary).toContain("unconfirmed row, not used to alert");
    expect(f.reasons.some((r) => r.feature === "rule.unconfirmed")).toBe(true);
  });

  it("US-only: ITAR §126.1 denial policy alerts on munitions to Syria; EU rows are absent", () => {
    const findings = munitionsToSyria(["US"]);
    expect(byId(findings, "itar-126-1-syria").decision).toBe("alert");
    expect(findings.some((f) => f.regime === "EU")).toBe(false);
  });

  it("UN-only: an explained negative — no UN conventional arms embargo on Syria", () => {
    const findings = munitionsToSyria(["UN"]);
    const none = byId(findings, "un-no-arms-embargo-syria");
    expect(none).toMatchObject({ decision: "clear", kind: "no-embargo", regime: "UN" });
    expect(none.measure).toContain("UNSCR 2118 covers chemical weapons only");
    expect(findings.filter((f) => f.regime === "UN").every((f) => f.decision === "clear")).toBe(true);
  });

  it("UK: the pack has no UK rows, so a coverage-gap finding says so instead of a silent clear", () => {
    const findings = munitionsToSyria(["UK"]);
    const gap = byId(findings, "coverage-uk");
    expect(gap).toMatchObject({ kind: "coverage-gap", decision: "clear", regime: "UK" });
    expect(gap.summary).toContain("No UK rules in the rule pack");
  });

  it("extraterritorial rows (Caesar Act) are evaluated for an EU-only caller", () => {
    const caesar = byId(run({ asOf: "2021-01-01", jurisdictions: ["EU"] }), "us-caesar-act");
    expect(caesar).toMatchObject({ regime: "US", decision: "review" });
    expect(caesar.reasons.some((r) => r.feature === "rule.extraterritorial")).toBe(true);
  });
});

describe("Belarus", () => {
  const toBelarus = (asOf: string, goodsClasses: GoodsClass[], jurisdictions: Regime[] = ["US", "EU"]) =>
    run({ asOf, jurisdictions, countries: [{ code: "BY", role: "destination" }], goodsClasses });

  it("EU arms embargo from 2011-06-20 on munitions; not on 2011-06-19", () => {
    expect(byId(toBelarus("2011-06-20", ["munitions"]), "eu-belarus-arms-embargo").decision).toBe("alert");
    expect(byId(toBelarus("2011-06-19", ["munitions"]), "eu-belarus-arms-embargo")).toMatchObject({
      status: "not-yet",
      decision: "clear",
    });
  });

  it("dual-use: EU review from 2021-06-24, EU ban and BIS controls from 2022-03-02, all CCL from 2022-04-08", () => {
    const d2021 = toBelarus("2021-12-01", ["dual-use"]);
    expect(byId(d2021, "eu-belarus-dual-use-military-2021").decision).toBe("review");
    expect(byId(d2021, "eu-belarus-dual-use-ban-2022").decision).toBe("clear");
    const march = toBelarus("2022-03-15", ["dual-use"]);
    expect(byId(march, "eu-belarus-dual-use-ban-2022").decision).toBe("alert");
    expect(byId(march, "bis-belarus-2022-03").decision).toBe("alert");
    expect(byId(march, "bis-belarus-all-ccl").status).toBe("not-yet");
    const april = toBelarus("2022-04-08", ["dual-use"]);
    expect(byId(april, "bis-belarus-2022-03").status).toBe("ended");
    expect(byId(april, "bis-belarus-all-ccl").decision).toBe("alert");
  });

  it("ITAR §126.1 covers munitions originating in Belarus, not only those destined for it", () => {
    const findings = run({
      asOf: "2015-06-01",
      countries: [
        { code: "BY", role: "origin" },
        { code: "BG", role: "destination" },
      ],
      goodsClasses: ["munitions"],
    });
    const itar = byId(findings, "itar-126-1-belarus");
    expect(itar.decision).toBe("alert");
    expect(itar.matched.countries).toEqual([{ code: "BY", role: "origin" }]);
    // The EU embargo is on exports to Belarus only.
    expect(
      evaluateCountryRules({
        pack: PACK,
        asOf: "2015-06-01",
        jurisdictions: ["EU"],
        countries: [{ code: "BY", role: "origin" }],
        goodsClasses: ["munitions"],
      }).some((f) => f.ruleId === "eu-belarus-arms-embargo"),
    ).toBe(false);
  });

  it("goods class filters rules: office furniture to Belarus raises no arms or dual-use rule", () => {
    const ids = toBelarus("2023-01-01", ["other"]).map((f) => f.ruleId);
    expect(ids).not.toContain("eu-belarus-arms-embargo");
    expect(ids).not.toContain("eu-belarus-dual-use-ban-2022");
    expect(ids).toContain("bis-belarus-meu");
  });
});

describe("input validation", () => {
  it.each([
    { case: "bad date", o: { asOf: "2025-13-01" }, path: "asOf" },
    { case: "empty jurisdictions", o: { asOf: "2025-01-01", jurisdictions: [] }, path: "jurisdictions" },
    { case: "unknown regime", o: { asOf: "2025-01-01", jurisdictions: ["CH" as Regime] }, path: "jurisdictions.0" },
    { case: "lower-case country", o: { asOf: "2025-01-01", countries: [{ code: "sy", role: "destination" as const }] }, path: "countries.0.code" },
    { case: "unknown role", o: { asOf: "2025-01-01", countries: [{ code: "SY", role: "via" as CountryRole }] }, path: "countries.0.role" },
    { case: "no goods class", o: { asOf: "2025-01-01", goodsClasses: [] }, path: "goodsClasses" },
  ])("$case → InputError at $path", ({ o, path }) => {
    let error: unknown;
    try {
      run(o);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues.map((i) => i.path)).toContain(path);
  });
});

describe("invariants", () => {
  const regimes: Regime[] = ["US", "EU", "UK", "UN"];
  const dateArb = fc
    .date({ min: new Date("1975-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const countryArb = fc.constantFrom("SY", "BY", "BG", "US", "SA", "RU");
  const roleArb = fc.constantFrom<CountryRole>("origin", "transit", "destination");
  const goodsArb = fc.uniqueArray(fc.constantFrom<GoodsClass>("munitions", "dual-use", "other"), { minLength: 1 });
  const jurisdictionsArb = fc.uniqueArray(fc.constantFrom(...regimes), { minLength: 1 });
  const countriesArb = fc.array(fc.record({ code: countryArb, role: roleArb }), { maxLength: 4 });

  test.prop([dateArb, jurisdictionsArb, countriesArb, goodsArb])(
    "an unconfirmed row never alerts and every finding has a summary and a window reason",
    (asOf, jurisdictions, countries, goodsClasses) => {
      for (const f of evaluateCountryRules({ pack: PACK, asOf, jurisdictions, countries, goodsClasses })) {
        if (!f.confirmed) expect(f.decision).toBe("clear");
        if (f.status !== "in-force" && f.status !== "uncertain") expect(f.decision).toBe("clear");
        expect(f.summary.length).toBeGreaterThan(10);
        if (f.kind !== "coverage-gap") expect(f.reasons.some((r) => r.feature === "rule.window")).toBe(true);
      }
    },
  );

  test.prop([dateArb, jurisdictionsArb, fc.constantFrom(...regimes), countriesArb, goodsArb])(
    "adding a jurisdiction never removes a rule finding",
    (asOf, jurisdictions, extra, countries, goodsClasses) => {
      const ids = (j: Regime[]) =>
        evaluateCountryRules({ pack: PACK, asOf, jurisdictions: j, countries, goodsClasses })
          .filter((f) => f.kind !== "coverage-gap")
          .map((f) => f.ruleId);
      const more = new Set(ids([...new Set([...jurisdictions, extra])]));
      for (const id of ids(jurisdictions)) expect(more.has(id)).toBe(true);
    },
  );

  test.prop([dateArb, jurisdictionsArb, countriesArb, goodsArb])(
    "is deterministic and sorted most severe first",
    (asOf, jurisdictions, countries, goodsClasses) => {
      const a = evaluateCountryRules({ pack: PACK, asOf, jurisdictions, countries, goodsClasses });
      const b = evaluateCountryRules({ pack: PACK, asOf, jurisdictions, countries, goodsClasses });
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      const rank = { alert: 2, review: 1, clear: 0 };
      for (let i = 1; i < a.length; i++) expect(rank[a[i - 1]!.decision]).toBeGreaterThanOrEqual(rank[a[i]!.decision]);
    },
  );
});
