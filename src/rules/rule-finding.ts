import type { Regime } from "../model";
import type { CountryRole, CountryRuleKind, GoodsClass, OverlayKind, RuleWindow, Severity } from "./rule-pack-schema";
import type { WindowStatus } from "./window-status";

/**
 * One reason of a rule finding: a stable feature id, the data it compared, and a rendered detail.
 * Data fields are present when they apply (e.g. `country` and `role` for `rule.country`).
 */
export interface RuleReason {
  readonly feature: string;
  readonly detail: string;
  readonly asOf?: string;
  readonly from?: string;
  readonly to?: string;
  readonly country?: string;
  readonly role?: CountryRole;
  readonly goodsClass?: GoodsClass;
  readonly programme?: string;
  readonly regime?: Regime;
  readonly licenceId?: string;
  /** `rule.severity`: the row's severity when in force and confirmed. */
  readonly severity?: Severity;
}

/** How one licence, waiver or suspension bears on a finding. It never removes the finding. */
export interface OverlayApplication {
  readonly licenceId: string;
  readonly kind: OverlayKind;
  readonly authority: string;
  readonly title: string;
  readonly effect: "downgrade";
  /** False when the overlay is named but did not change the decision (see `reason`). */
  readonly applied: boolean;
  /** The finding's decision before overlays, and after this one. */
  readonly from: Severity;
  readonly to: Severity;
  readonly window: RuleWindow;
  readonly scope: string;
  readonly authorises: readonly string[];
  readonly excludes: readonly string[];
  readonly confirmed: boolean;
  readonly reason: string;
  readonly source: string;
}

/** The kind of a finding: a country-rule kind, a programme flag, or a jurisdiction the pack does not cover. */
export type RuleFindingKind = CountryRuleKind | "programme-flag" | "coverage-gap";

/**
 * A finding of the rule pack for one transaction date: which row, under which regime, its decision,
 * whether it is in force on `asOf`, why it matched, and which overlays bear on it. The decision
 * before overlays is each overlay's `from` (or `decision` when no overlay bears on it); the row's own
 * severity is the `rule.severity` reason.
 * @example
 * const f: RuleFinding | undefined = desk.screen(tx).rules.find((r) => r.ruleId === "us-syria-eo13338");
 * f?.decision //=> "alert"
 * f?.status //=> "in-force"
 */
export interface RuleFinding {
  readonly ruleId: string;
  readonly kind: RuleFindingKind;
  readonly regime: Regime;
  readonly authority: string;
  readonly title: string;
  /** The finding's decision on `asOf`: window status, confirmation and licence overlays applied. */
  readonly decision: Severity;
  readonly status: WindowStatus;
  readonly confirmed: boolean;
  readonly asOf: string;
  readonly window: RuleWindow;
  readonly matched: {
    readonly countries: readonly { readonly code: string; readonly role: CountryRole }[];
    readonly goodsClasses: readonly GoodsClass[];
    readonly programmes: readonly string[];
  };
  readonly measure: string;
  readonly reasons: readonly RuleReason[];
  readonly source: string;
  readonly overlays: readonly OverlayApplication[];
  readonly summary: string;
}

const RANK: Readonly<Record<Severity, number>> = { alert: 2, review: 1, clear: 0 };

/**
 * Orders severities: positive when `a` is more severe than `b`.
 * @example
 * compareSeverity("alert", "review") > 0 //=> true
 */
export function compareSeverity(a: Severity, b: Severity): number {
  return RANK[a] - RANK[b];
}

/**
 * The less severe of two severities (used by overlays, which cap a finding).
 * @example
 * capSeverity("alert", "review") //=> "review"
 */
export function capSeverity(severity: Severity, cap: Severity): Severity {
  return compareSeverity(severity, cap) > 0 ? cap : severity;
}

/**
 * Sorts findings most severe first, then by regime and rule id, so output is stable byte for byte.
 * @example
 * sortFindings(findings)[0].decision //=> "alert"
 */
export function sortFindings<T extends Pick<RuleFinding, "decision" | "regime" | "ruleId">>(findings: readonly T[]): T[] {
  return [...findings].sort(
    (a, b) =>
      compareSeverity(b.decision, a.decision) ||
      (a.regime < b.regime ? -1 : a.regime > b.regime ? 1 : 0) ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

const CAPITAL: Readonly<Record<Severity, string>> = { alert: "Alert", review: "Review", clear: "Clear" };

/**
 * Renders a finding's one-line summary from its data and reasons (never hand-written).
 * @example
 * renderRuleSummary(finding)
 * //=> "Alert: [US] U.S. Syria export ban (E.O. 13338) in force on 2018-03-01 since 2004-05-11, until 2025-07-01; destination SY; goods munitions."
 */
export function renderRuleSummary(finding: Omit<RuleFinding, "summary">): string {
  const windowReason = finding.reasons.find((r) => r.feature === "rule.window");
  const parts: string[] = [
    `${CAPITAL[finding.decision]}: [${finding.regime}] ${finding.title} (${finding.authority})${
      windowReason ? ` ${windowReason.detail}` : ""
    }`,
  ];
  if (finding.matched.countries.length > 0) {
    parts.push(finding.matched.countries.map((c) => `${c.role} ${c.code}`).join(", "));
  }
  if (finding.matched.goodsClasses.length > 0) parts.push(`goods ${finding.matched.goodsClasses.join(", ")}`);
  if (finding.matched.programmes.length > 0) parts.push(`programme [${finding.matched.programmes.join("] [")}]`);
  for (const o of finding.overlays) {
    parts.push(
      o.applied
        ? `${o.authority} downgrades ${o.from} to ${o.to}`
        : `${o.authority} named, not applied: ${o.reason}`,
    );
  }
  if (!finding.confirmed) parts.push("unconfirmed row, not used to alert");
  // Parts may quote source sentences that end in a full stop; the summary adds its own.
  return `${parts.map((p) => p.replace(/\.+$/, "")).join("; ")}.`;
}
