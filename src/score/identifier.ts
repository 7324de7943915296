/**
 * Feature `identifier.match`: an identifier the caller gives (IMO number, passport, registration
 * number…) equal to one of the record's. An exact match is strong evidence and reported as such
 * (the screener always surfaces the record, for review at least, whatever its name scores); it is
 * not proof (watchman forces 1.0 on any ID match, even with another name or issuing country):
 * types must be compatible, issuing countries must agree when both are given, and values shorter
 * than 4 characters are ignored. A different or missing identifier is not evidence against.
 */
import type { Identifier, IdentifierType } from "../model";
import type { Reason } from "./reason";

/** An identifier given by the caller. */
export interface QueryIdentifier {
  readonly type?: IdentifierType | undefined;
  readonly value: string;
  readonly country?: string | undefined;
}

/** Weight of an exact identifier match. */
export const IDENTIFIER_MATCH_WEIGHT = 0.5;

/**
 * Canonical form of an identifier value for comparison: upper-case letters and digits only
 * ("IMO 9187629" and "9187629" differ: the "IMO" prefix is stripped for IMO numbers only).
 * @example
 * identifierKey("imo", "IMO 9187629") //=> "9187629"
 */
export function identifierKey(type: IdentifierType | undefined, value: string): string {
  let v = value.normalize("NFKC").toUpperCase().replace(/[^A-Z0-9]/g, "");
  if (type === "imo" || type === undefined) v = v.replace(/^IMO(?=\d{7}$)/, "");
  return v;
}

function compatible(a: IdentifierType | undefined, b: IdentifierType): boolean {
  if (a === undefined || a === "other" || b === "other" || a === b) return true;
  const docs: IdentifierType[] = ["passport", "national-id", "tax-id", "registration"];
  return docs.includes(a) && docs.includes(b) && (a === "national-id" || b === "national-id");
}

/**
 * The first exact identifier match between the caller's identifiers and a record's; undefined when none.
 * @example
 * identifierReason([{ type: "imo", value: "9187629" }], [{ type: "imo", value: "IMO 9187629" }])?.weight //=> 0.5
 */
export function identifierReason(query: readonly QueryIdentifier[], candidate: readonly Identifier[]): Reason | undefined {
  for (const q of query) {
    const key = identifierKey(q.type, q.value);
    if (key.length < 4) continue;
    for (const c of candidate) {
      if (!compatible(q.type, c.type)) continue;
      if (q.country !== undefined && c.country !== undefined && q.country !== c.country) continue;
      if (identifierKey(c.type, c.value) !== key) continue;
      const label = c.label ?? c.type;
      return {
        feature: "identifier.match",
        score: 1,
        weight: IDENTIFIER_MATCH_WEIGHT,
        query: q.value,
        candidate: c.value,
        detail: `exact ${label} match ${c.value}${c.country ? ` (${c.country})` : ""}: strong evidence`,
      };
    }
  }
  return undefined;
}
