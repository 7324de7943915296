/**
 * Feature `name.legal-form` / `name.legal-form-mismatch`: legal forms compared as a class
 * ("OOO" ~ "LLC", "JSC" ~ "AO"). Agreement adds nothing (legal forms never identify a company);
 * different families are a mild signal against (sister companies, or a translation); a form
 * missing on either side is not evidence.
 */
import type { NameAlgorithm } from "./algorithm";
import type { Reason } from "./reason";

/**
 * Compares the legal-form families of a query and a list name; undefined when either has none.
 * @example
 * legalFormReason(["limited-liability"], ["joint-stock"], NAMES_V2)?.feature //=> "name.legal-form-mismatch"
 */
export function legalFormReason(query: readonly string[], candidate: readonly string[], alg: NameAlgorithm): Reason | undefined {
  if (query.length === 0 || candidate.length === 0) return undefined;
  const shared = query.filter((f) => candidate.includes(f));
  if (shared.length > 0) {
    return { feature: "name.legal-form", score: 1, weight: 0, query: query.join(", "), candidate: candidate.join(", "), detail: `legal forms agree (${shared.join(", ")})` };
  }
  return {
    feature: "name.legal-form-mismatch",
    score: 1,
    weight: -alg.legalFormMismatchPenalty,
    query: query.join(", "),
    candidate: candidate.join(", "),
    detail: `legal form ${query.join(", ")} vs ${candidate.join(", ")}`,
  };
}
