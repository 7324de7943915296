import type { Regime } from "../model";
import { severityReason, validateRuleInput } from "./evaluate-country-rules";
import type { RulePack, Severity } from "./rule-pack-schema";
import { capSeverity, type RuleFinding, type RuleReason, renderRuleSummary, sortFindings } from "./rule-finding";
import { describeWindow, windowStatus } from "./window-status";

/** Input of {@link evaluateProgrammeFlags}. */
export interface EvaluateProgrammeFlagsOptions {
  readonly pack: RulePack;
  readonly asOf: string;
  readonly jurisdictions: readonly Regime[];
  /** Programme tags of the designations a party matched and that are in force on `asOf`, e.g. `["NPWMD", "IFSR"]`. */
  readonly programmes: readonly string[];
}

/** Publishers write tags as `[IFSR]`, `IFSR` or `ifsr`; compare them bare and upper-case. */
function normalizeTag(tag: string): string {
  return tag.replace(/[[\]]/g, "").trim().toUpperCase();
}

/**
 * Raises the findings a designation's programme tags bring on their own, e.g. `[IFSR]`: foreign
 * financial institutions dealing with the party face correspondent-account risk. Extraterritorial
 * flags are evaluated whatever the caller's jurisdictions.
 * @example
 * evaluateProgrammeFlags({ pack, asOf: "2013-03-01", jurisdictions: ["EU"], programmes: ["NPWMD", "IFSR"] })[0].ruleId
 * //=> "us-ifsr-correspondent-risk"
 */
export function evaluateProgrammeFlags(options: EvaluateProgrammeFlagsOptions): RuleFinding[] {
  validateRuleInput({ asOf: options.asOf, jurisdictions: options.jurisdictions });
  const { pack, asOf, jurisdictions } = options;
  const tags = new Set(options.programmes.map(normalizeTag));
  const findings: RuleFinding[] = [];
  for (const flag of pack.programmeFlags) {
    if (!tags.has(normalizeTag(flag.programme))) continue;
    if (!flag.extraterritorial && !jurisdictions.includes(flag.regime)) continue;
    const status = windowStatus(flag.window, asOf);
    let severity: Severity = "clear";
    if (flag.confirmed && status === "in-force") severity = flag.severity;
    else if (flag.confirmed && status === "uncertain") severity = capSeverity(flag.severity, "review");
    const reasons: RuleReason[] = [
      {
        feature: "rule.window",
        asOf,
        ...(flag.window.from === undefined ? {} : { from: flag.window.from }),
        ...(flag.window.to === undefined ? {} : { to: flag.window.to }),
        detail: describeWindow(flag.window, asOf),
      },
      {
        feature: "programme.flag",
        programme: flag.programme,
        regime: flag.regime,
        detail: `designation tagged [${flag.programme}]: ${flag.finding}`,
      },
      severityReason(flag.severity, severity, status, flag.confirmed),
    ];
    if (flag.extraterritorial) {
      reasons.push({
        feature: "rule.extraterritorial",
        regime: flag.regime,
        detail: `secondary measure of the ${flag.regime} regime: reaches non-${flag.regime} persons, evaluated whatever the caller's jurisdictions`,
      });
    }
    if (!flag.confirmed) {
      reasons.push({ feature: "rule.unconfirmed", detail: `unconfirmed, not used to alert: ${flag.unconfirmed ?? ""}` });
    }
    const finding = {
      ruleId: flag.id,
      kind: "programme-flag" as const,
      regime: flag.regime,
      authority: flag.authority,
      title: flag.title,
      decision: severity,
      status,
      confirmed: flag.confirmed,
      asOf,
      window: flag.window,
      matched: { countries: [], goodsClasses: [], programmes: [flag.programme] },
      measure: flag.finding,
      reasons,
      source: flag.source,
      overlays: [],
    };
    findings.push({ ...finding, summary: renderRuleSummary(finding) });
  }
  return sortFindings(findings);
}
