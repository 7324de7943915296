/**
 * Identifier lookup: records by canonical identifier value, so that a record whose identifier the
 * caller gives is always a candidate, whatever its name scores (an exact identifier match is
 * strong evidence on its own; see src/score/identifier.ts).
 */
import type { DesignationRecord } from "../model";
import { identifierKey, type QueryIdentifier } from "../score";

/** Record indices by canonical identifier value. */
export type IdentifierIndex = ReadonlyMap<string, readonly number[]>;

/**
 * Indexes every identifier of every record by its canonical value.
 * @example
 * buildIdentifierIndex(records).get("9187629") //=> [42]
 */
export function buildIdentifierIndex(records: readonly DesignationRecord[]): IdentifierIndex {
  const out = new Map<string, number[]>();
  records.forEach((r, i) => {
    for (const id of r.subject.identifiers) {
      const key = identifierKey(id.type, id.value);
      if (key.length < 4) continue;
      let arr = out.get(key);
      if (arr === undefined) out.set(key, (arr = []));
      if (arr[arr.length - 1] !== i) arr.push(i);
    }
  });
  return out;
}

/**
 * Records holding any of the caller's identifier values (type and country are checked when scoring).
 * @example
 * recordsWithIdentifiers(index, [{ type: "imo", value: "IMO 9187629" }]) //=> [42]
 */
export function recordsWithIdentifiers(index: IdentifierIndex, identifiers: readonly QueryIdentifier[]): number[] {
  const out = new Set<number>();
  for (const q of identifiers) for (const r of index.get(identifierKey(q.type, q.value)) ?? []) out.add(r);
  return [...out].sort((a, b) => a - b);
}
