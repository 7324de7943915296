import type { LicenceOverlay, RulePack, Severity } from "./rule-pack-schema";
import { capSeverity, type OverlayApplication, type RuleFinding, renderRuleSummary } from "./rule-finding";
import { windowStatus } from "./window-status";

/** What the overlays need to know about the deal beyond the finding itself. */
export interface LicenceOverlayContext {
  readonly pack: RulePack;
  readonly asOf: string;
  /**
   * Whether any party is blocked (a designation in force, or the 50 % rule). Licences that exclude
   * dealings with blocked persons (GL 25) apply only when this is explicitly `false`: unknown fails
   * closed.
   */
  readonly blockedPartyInvolved?: boolean;
  /** Every country the deal touches (route and parties), for overlays such as "except Russia/Iran". */
  readonly countries?: readonly string[];
}

function overlayApplication(
  overlay: LicenceOverlay,
  severity: Severity,
  ctx: LicenceOverlayContext,
): OverlayApplication {
  const base = {
    licenceId: overlay.id,
    kind: overlay.kind,
    authority: overlay.authority,
    title: overlay.title,
    effect: "downgrade" as const,
    from: severity,
    window: overlay.window,
    scope: overlay.scope,
    authorises: overlay.authorises,
    excludes: overlay.excludes,
    confirmed: overlay.confirmed,
    source: overlay.source,
  };
  const notApplied = (reason: string): OverlayApplication => ({ ...base, applied: false, to: severity, reason });
  if (!overlay.confirmed) return notApplied(`unconfirmed row: ${overlay.unconfirmed ?? "not confirmed"}`);
  if (overlay.excludesBlockedParties && ctx.blockedPartyInvolved !== false) {
    return notApplied(
      ctx.blockedPartyInvolved === true
        ? "the deal involves a blocked party, which the licence excludes"
        : "the licence excludes dealings with blocked persons and the caller did not state that none is involved",
    );
  }
  const excluded = overlay.excludesCountries.filter((c) => ctx.countries?.includes(c));
  if (excluded.length > 0) return notApplied(`the deal involves ${excluded.join(", ")}, which the overlay excludes`);
  const to = capSeverity(severity, overlay.downgradeTo);
  return {
    ...base,
    applied: true,
    to,
    reason:
      to === severity
        ? `in force on ${ctx.asOf}; the finding is already at ${severity} or below`
        : `in force on ${ctx.asOf}; applies within its scope: ${overlay.scope}`,
  };
}

/**
 * Names every general licence, waiver or suspension in force on `asOf` in the findings it bears on,
 * and downgrades them when it applies; never removes a finding. Idempotent: it restarts from each
 * finding's decision before overlays (an earlier overlay's `from`).
 * @example
 * const [f] = applyLicenceOverlays(findings, { pack, asOf: "2025-06-01", blockedPartyInvolved: false });
 * f.decision //=> "review"  (was "alert": f.overlays[0].from; f.overlays[0].licenceId === "ofac-syria-gl-25")
 */
export function applyLicenceOverlays(findings: readonly RuleFinding[], ctx: LicenceOverlayContext): RuleFinding[] {
  return findings.map((finding) => {
    const severity0 = finding.overlays[0]?.from ?? finding.decision;
    const relevant =
      finding.status === "in-force"
        ? ctx.pack.overlays.filter(
            (o) => o.appliesTo.includes(finding.ruleId) && windowStatus(o.window, ctx.asOf) === "in-force",
          )
        : [];
    let severity = severity0;
    const overlays = relevant.map((o) => overlayApplication(o, severity0, ctx));
    for (const o of overlays) if (o.applied) severity = capSeverity(severity, o.to);
    const reasons = [
      ...finding.reasons.filter((r) => r.feature !== "licence.overlay"),
      ...overlays.map((o) => ({
        feature: "licence.overlay",
        licenceId: o.licenceId,
        asOf: ctx.asOf,
        detail: o.applied
          ? `${o.authority} (${o.kind}) ${o.from === o.to ? "named" : `downgrades ${o.from} to ${o.to}`}: ${o.reason}`
          : `${o.authority} (${o.kind}) not applied: ${o.reason}`,
      })),
    ];
    const next = { ...finding, decision: severity, overlays, reasons };
    return { ...next, summary: renderRuleSummary(next) };
  });
}
