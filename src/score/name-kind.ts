/**
 * Feature `name.weak-alias`: a match on a weak alias (OFAC "weak a.k.a.", UN low-quality alias)
 * counts less than one on a primary name or strong alias. Publishers flag these names as too broad
 * to screen on alone.
 */
import type { NameKind } from "../model";
import type { NameAlgorithm } from "./algorithm";
import type { Reason } from "./reason";

/**
 * The reason for the kind of the matched list name; undefined for primary names, strong aliases and former names.
 * @example
 * nameKindReason("weak-alias", "ABU AHMAD", NAMES_V2)?.weight //=> -0.08
 */
export function nameKindReason(kind: NameKind, name: string, alg: NameAlgorithm): Reason | undefined {
  if (kind !== "weak-alias") return undefined;
  return { feature: "name.weak-alias", score: 1, weight: -alg.weakAliasPenalty, candidate: name, detail: `matched a weak alias` };
}
