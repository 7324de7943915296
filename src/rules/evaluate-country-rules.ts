/**
 * Country rules for one transaction date. Contract:
 * 1. A rule is considered only when its regime is one of the caller's jurisdictions, or when it is
 *    extraterritorial (secondary sanctions reach non-U.S. persons whatever their own regime).
 * 2. It matches when a route country plays one of its roles and a goods class is one of its classes.
 * 3. Severity: the row's severity when in force and confirmed; `review` when `asOf` falls before a
 *    start known only as "on or before" (never a silent clear); `clear` when ended, not yet in force,
 *    or unconfirmed (reported, never used to alert).
 * 4. Overlays in force on `asOf` are then named and may downgrade (see `applyLicenceOverlays`).
 * 5. A requested jurisdiction with no rule at all in the pack yields a `clear` coverage-gap finding,
 *    so an empty answer is never mistaken for a clear.
 */
import { InputError, type InputIssue } from "../errors";
import { type Regime, REGIMES } from "../model";
import { applyLicenceOverlays } from "./apply-licence-overlays";
import type { CountryRole, CountryRule, GoodsClass, RulePack, Severity } from "./rule-pack-schema";
import { COUNTRY_ROLES, GOODS_CLASSES, isIsoDate } from "./rule-vocabulary";
import { capSeverity, type RuleFinding, type RuleReason, renderRuleSummary, sortFindings } from "./rule-finding";
import { describeWindow, windowStatus } from "./window-status";

const isOneOf = (words: readonly string[], value: unknown): boolean => typeof value === "string" && words.includes(value);

/** Input of {@link evaluateCountryRules}. */
export interface EvaluateCountryRulesOptions {
  readonly pack: RulePack;
  /** The transaction (or leg) date, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** Regimes that apply to the caller. */
  readonly jurisdictions: readonly Regime[];
  readonly countries: readonly { readonly code: string; readonly role: CountryRole }[];
  /** Classes of the goods on the deal (from the catalogue); pass `["other"]` when nothing matched. */
  readonly goodsClasses: readonly GoodsClass[];
  /** See {@link LicenceOverlayContext.blockedPartyInvolved}. */
  readonly blockedPartyInvolved?: boolean;
  /** Countries of the parties, added to the route countries for overlay exclusions. */
  readonly partyCountries?: readonly string[];
}

/**
 * Validates the caller's date, jurisdictions, countries and goods classes; throws {@link InputError}
 * naming every bad field.
 * @example
 * validateRuleInput({ asOf: "2025-13-01", jurisdictions: ["US"] })
 * //=> throws InputError "invalid input; asOf: expected a calendar date YYYY-MM-DD, received \"2025-13-01\""
 */
export function validateRuleInput(input: {
  asOf: unknown;
  jurisdictions: unknown;
  countries?: unknown;
  goodsClasses?: unknown;
}): void {
  const issues: InputIssue[] = [];
  const bad = (path: string, expected: string, received: unknown, message: string) =>
    issues.push({ path, expected, received: JSON.stringify(received) ?? String(received), message });
  if (typeof input.asOf !== "string" || !isIsoDate(input.asOf)) {
    bad("asOf", "a calendar date YYYY-MM-DD", input.asOf, "asOf must be the transaction date");
  }
  if (!Array.isArray(input.jurisdictions) || input.jurisdictions.length === 0) {
    bad("jurisdictions", "a non-empty list of US, EU, UK, UN", input.jurisdictions, "name the regimes that apply");
  } else {
    input.jurisdictions.forEach((j, i) => {
      if (!isOneOf(REGIMES, j)) bad(`jurisdictions.${i}`, "US, EU, UK or UN", j, "unknown regime");
    });
  }
  if (input.countries !== undefined) {
    if (!Array.isArray(input.countries)) bad("countries", "a list of { code, role }", input.countries, "not a list");
    else {
      input.countries.forEach((c: unknown, i) => {
        const o = (c ?? {}) as { code?: unknown; role?: unknown };
        if (typeof o.code !== "string" || !/^[A-Z]{2}$/.test(o.code)) {
          bad(`countries.${i}.code`, "ISO 3166-1 alpha-2 code", o.code, "unknown country code");
        }
        if (!isOneOf(COUNTRY_ROLES, o.role)) {
          bad(`countries.${i}.role`, "origin, transit or destination", o.role, "unknown role");
        }
      });
    }
  }
  if (input.goodsClasses !== undefined) {
    if (!Array.isArray(input.goodsClasses) || input.goodsClasses.length === 0) {
      bad("goodsClasses", "a non-empty list of munitions, dual-use, other", input.goodsClasses, "say what the goods are");
    } else {
      input.goodsClasses.forEach((g, i) => {
        if (!isOneOf(GOODS_CLASSES, g)) bad(`goodsClasses.${i}`, "munitions, dual-use or other", g, "unknown class");
      });
    }
  }
  if (issues.length > 0) throw new InputError(issues);
}

/**
 * The `rule.severity` reason: the row's severity when in force and confirmed, and how the window
 * status and confirmation turned it into the finding's decision before overlays.
 * @example
 * severityReason("alert", "clear", "ended", true).detail //=> "row severity alert when in force and confirmed; ended on the day: clear before licence overlays"
 */
export function severityReason(rowSeverity: Severity, decision: Severity, status: RuleFinding["status"], confirmed: boolean): RuleReason {
  const why = !confirmed ? "unconfirmed row" : status === "in-force" ? "in force on the day" : status === "uncertain" ? "start only known as on or before" : `${status} on the day`;
  return { feature: "rule.severity", severity: rowSeverity, detail: `row severity ${rowSeverity} when in force and confirmed; ${why}: ${decision} before licence overlays` };
}

function severityFor(rule: Pick<CountryRule, "severity" | "confirmed">, status: RuleFinding["status"]): Severity {
  if (!rule.confirmed) return "clear";
  if (status === "in-force") return rule.severity;
  if (status === "uncertain") return capSeverity(rule.severity, "review");
  return "clear";
}

/** Builds the finding of one matched country rule before overlays. */
function countryFinding(
  rule: CountryRule,
  asOf: string,
  countries: readonly { code: string; role: CountryRole }[],
  goodsClasses: readonly GoodsClass[],
): RuleFinding {
  const status = windowStatus(rule.window, asOf);
  const severity = severityFor(rule, status);
  const reasons: RuleReason[] = [
    {
      feature: "rule.window",
      asOf,
      ...(rule.window.from === undefined ? {} : { from: rule.window.from }),
      ...(rule.window.to === undefined ? {} : { to: rule.window.to }),
      detail: describeWindow(rule.window, asOf),
    },
    ...countries.map((c) => ({
      feature: "rule.country",
      country: c.code,
      role: c.role,
      detail: `${c.role} ${c.code} is covered (rule roles: ${rule.roles.join(", ")})`,
    })),
    ...goodsClasses.map((g) => ({
      feature: "rule.goods",
      goodsClass: g,
      detail: `goods class ${g} is covered (rule classes: ${rule.goodsClasses.join(", ")})`,
    })),
    { feature: "rule.measure", regime: rule.regime, detail: rule.measure },
    severityReason(rule.severity, severity, status, rule.confirmed),
  ];
  if (rule.extraterritorial) {
    reasons.push({
      feature: "rule.extraterritorial",
      regime: rule.regime,
      detail: `secondary measure of the ${rule.regime} regime: reaches non-${rule.regime} persons, evaluated whatever the caller's jurisdictions`,
    });
  }
  if (!rule.confirmed) {
    reasons.push({ feature: "rule.unconfirmed", detail: `unconfirmed, not used to alert: ${rule.unconfirmed ?? ""}` });
  }
  if (rule.note) reasons.push({ feature: "rule.note", detail: rule.note });
  const finding = {
    ruleId: rule.id,
    kind: rule.kind,
    regime: rule.regime,
    authority: rule.authority,
    title: rule.title,
    decision: severity,
    status,
    confirmed: rule.confirmed,
    asOf,
    window: rule.window,
    matched: { countries, goodsClasses, programmes: rule.programme ? [rule.programme] : [] },
    measure: rule.measure,
    reasons,
    source: rule.source,
    overlays: [],
  };
  return { ...finding, summary: renderRuleSummary(finding) };
}

/** The explained negative for a jurisdiction the pack has no rows for. */
function coverageGap(pack: RulePack, regime: Regime, asOf: string): RuleFinding {
  const finding = {
    ruleId: `coverage-${regime.toLowerCase()}`,
    kind: "coverage-gap" as const,
    regime,
    authority: `rule pack ${pack.version}`,
    title: `No ${regime} rules in the rule pack`,
    decision: "clear" as const,
    status: "in-force" as const,
    confirmed: true,
    asOf,
    window: { fromBound: "exact" as const },
    matched: { countries: [], goodsClasses: [], programmes: [] },
    measure: `The rule pack ${pack.version} encodes no ${regime} country rules: no ${regime} country finding is not a clear.`,
    reasons: [
      {
        feature: "rule.coverage",
        regime,
        detail: `rule pack ${pack.version} (sha256 ${pack.sha256.slice(0, 12)}…) has no ${regime} rows; ${regime} country measures were not evaluated`,
      },
    ],
    source: pack.sourceDocument,
    overlays: [],
  };
  return { ...finding, summary: renderRuleSummary(finding) };
}

/**
 * Evaluates the rule pack's country programmes and embargoes for the route and goods of a deal on
 * `asOf`, under the caller's jurisdictions, and applies the licence overlays in force.
 * @example
 * evaluateCountryRules({ pack, asOf: "2018-03-01", jurisdictions: ["US"],
 *   countries: [{ code: "SY", role: "destination" }], goodsClasses: ["other"] })
 *   .map((f) => [f.ruleId, f.decision])
 * //=> [["us-syria-eo13338", "alert"], ["us-syria-eo13582", "alert"], ["us-caesar-act", "review"], …]
 */
export function evaluateCountryRules(options: EvaluateCountryRulesOptions): RuleFinding[] {
  validateRuleInput(options);
  const { pack, asOf, jurisdictions, countries, goodsClasses } = options;
  const findings: RuleFinding[] = [];
  for (const rule of pack.rules) {
    if (!rule.extraterritorial && !jurisdictions.includes(rule.regime)) continue;
    const matchedCountries = dedupeCountries(
      countries.filter((c) => rule.countries.includes(c.code) && rule.roles.includes(c.role)),
    );
    if (matchedCountries.length === 0) continue;
    const matchedGoods = [...new Set(goodsClasses)].filter((g) => rule.goodsClasses.includes(g));
    if (matchedGoods.length === 0) continue;
    findings.push(countryFinding(rule, asOf, matchedCountries, matchedGoods));
  }
  for (const regime of [...new Set(jurisdictions)]) {
    if (!pack.rules.some((r) => r.regime === regime)) findings.push(coverageGap(pack, regime, asOf));
  }
  const overlaid = applyLicenceOverlays(findings, {
    pack,
    asOf,
    ...(options.blockedPartyInvolved === undefined ? {} : { blockedPartyInvolved: options.blockedPartyInvolved }),
    countries: [...countries.map((c) => c.code), ...(options.partyCountries ?? [])],
  });
  return sortFindings(overlaid);
}

function dedupeCountries(
  countries: readonly { code: string; role: CountryRole }[],
): { code: string; role: CountryRole }[] {
  const seen = new Set<string>();
  const out: { code: string; role: CountryRole }[] = [];
  for (const c of countries) {
    const key = `${c.role}:${c.code}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ code: c.code, role: c.role });
    }
  }
  return out;
}
