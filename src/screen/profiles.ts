/**
 * Screening profiles: documented thresholds on the final score (name score plus secondary
 * evidence). A hit at or above `threshold` is an alert; from `reviewThreshold` up to the threshold
 * it is a review. Calibrated on the shared dev set (test/eval/RESULTS.md):
 *
 * - `strict`: only close names alert — fewest false positives, for high-volume, low-risk flows.
 * - `balanced` (default): names-v2 calibrated here (README "Measured on real variation": alert 0.90,
 *   review from 0.80; alert and flagged shares per kind of variation and negatives).
 * - `broad`: a wider net — more reviews, for high-risk flows and investigations.
 */

/**
 * Profile names.
 * @example
 * const name: ProfileName = "strict";
 * createScreener({ lists, profile: name }).threshold //=> 0.95
 */
export type ProfileName = "strict" | "balanced" | "broad";

/**
 * A profile's thresholds.
 * @example
 * const p: Profile = PROFILES.broad;
 * p.reviewThreshold //=> 0.72
 */
export interface Profile {
  readonly name: ProfileName;
  readonly threshold: number;
  readonly reviewThreshold: number;
}

/** Width of the review band below each profile's threshold. */
export const REVIEW_BAND = 0.1;

/**
 * The built-in profiles.
 * @example
 * PROFILES.strict //=> { name: "strict", threshold: 0.95, reviewThreshold: 0.85 }
 * PROFILES.balanced.threshold //=> 0.9
 */
export const PROFILES: Readonly<Record<ProfileName, Profile>> = Object.freeze({
  strict: { name: "strict", threshold: 0.95, reviewThreshold: 0.85 },
  balanced: { name: "balanced", threshold: 0.9, reviewThreshold: 0.8 },
  broad: { name: "broad", threshold: 0.82, reviewThreshold: 0.72 },
});

/**
 * The default profile.
 * @example
 * DEFAULT_PROFILE //=> "balanced"
 * createScreener({ lists }).profile //=> DEFAULT_PROFILE
 */
export const DEFAULT_PROFILE: ProfileName = "balanced";
