/**
 * The rule pack's closed vocabularies and its date check as plain values, without zod: the schemas
 * of `./rule-pack-schema` are built from them, and the evaluation code (on the transaction
 * screener's load path, issue 8) reads them directly.
 */
import { isCalendarDay } from "../dates/partial-date";

/**
 * True when `value` is a real calendar day written `YYYY-MM-DD` (2025-02-30 is not).
 * @example
 * isIsoDate("2024-02-29") //=> true
 */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
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
