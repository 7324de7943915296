/**
 * The rule pack's closed vocabularies and its date check as plain values, without zod: the schemas
 * of `./rule-pack-schema` are built from them, and the evaluation code (on the transaction
 * screener's load path, issue 8) reads them directly.
 */

/**
 * True when `value` is a real calendar day written `YYYY-MM-DD` (2025-02-30 is not).
 * @example
 * isIsoDate("2024-02-29") //=> true
 */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  return d <= days;
}

/**
 * Where a country sits on the route of the goods (`CountryRoleSchema`).
 * @example
 * COUNTRY_ROLES //=> ["origin", "transit", "destination"]
 */
export const COUNTRY_ROLES = ["origin", "transit", "destination"] as const;

/**
 * Goods class as the catalogue decides it: Munitions List, dual-use list, or anything else (`GoodsClassSchema`).
 * @example
 * GOODS_CLASSES //=> ["munitions", "dual-use", "other"]
 */
export const GOODS_CLASSES = ["munitions", "dual-use", "other"] as const;
