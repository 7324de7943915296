/**
 * A reason: one feature's contribution to a hit's score. The score of a hit is the sum of
 * `score × weight` over its reasons, clamped to [0, 1] (see {@link combineReasons}).
 */

/** One feature's evidence, showing both values it compared. */
export interface Reason {
  /** Stable dotted feature id, e.g. `name.fuzzy`, `dob.year-mismatch`. */
  readonly feature: string;
  /** Similarity or presence of the feature in [0, 1]. */
  readonly score: number;
  /** Contribution per unit of score; negative for evidence against. */
  readonly weight: number;
  /** The caller's value, when the feature compares one. */
  readonly query?: string;
  /** The list record's value, when the feature compares one. */
  readonly candidate?: string;
  /** One readable sentence fragment, e.g. "birth year 1970 vs 1971". */
  readonly detail: string;
}

/**
 * Combines reasons into a score in [0, 1]: Σ score × weight, clamped.
 * @example
 * combineReasons([{ feature: "name.fuzzy", score: 0.93, weight: 1, detail: "" },
 *   { feature: "dob.year-mismatch", score: 1, weight: -0.05, detail: "" }]) //=> 0.88
 */
export function combineReasons(reasons: readonly Reason[]): number {
  let s = 0;
  for (const r of reasons) s += r.score * r.weight;
  return Math.min(1, Math.max(0, Math.round(s * 1e6) / 1e6));
}
