/**
 * One-line summaries rendered from a hit's data, never written by hand:
 *
 *   Alert: "Nicolas Maduro" matches OFAC SDN 22790 "MADURO MOROS, Nicolas" (primary; 0.89 ≥ 0.88); type person.
 *   Review: "J Smith" resembles BIS DPL 9146fb19af "SAMMY SMITH" (primary; 0.80 < 0.88, review from 0.78); born 1970, as given (year).
 *
 *   Clear: "Belvneshpromservis" matches OFAC SDN 15487 "BELVNESHPROMSERVICE" (primary; 0.98 ≥ 0.90); designated later on 2012-09-19: …
 *
 * The first clause comes from the `name.fuzzy` reason; every other reason with a non-zero weight,
 * and the `designation.*` reason (weight 0: it explains, it does not score), adds its `detail`, in order.
 */
import type { Reason } from "../score";
import type { HitDecision } from "./hit";

/** What a summary is rendered from. */
export interface SummaryInput {
  /** The hit's decision (the summary's head); the name clause compares `score` with `threshold`. */
  readonly decision: HitDecision;
  readonly list: string;
  readonly recordId: string;
  readonly name: string;
  readonly nameKind: string;
  readonly score: number;
  readonly threshold: number;
  readonly reviewThreshold: number;
  readonly reasons: readonly Reason[];
}

/**
 * Display label of a list id: `ofac-sdn` → `OFAC SDN`.
 * @example
 * listLabel("uk-hmt") //=> "UK HMT"
 */
export function listLabel(list: string): string {
  return list.toUpperCase().replace(/-/g, " ");
}

/**
 * Renders a hit's one-line summary from its data.
 * @example
 * renderSummary({ decision: "alert", list: "ofac-sdn", recordId: "15487", name: "BELVNESHPROMSERVICE", nameKind: "primary",
 *   score: 0.98, threshold: 0.88, reviewThreshold: 0.78, reasons: [{ feature: "name.fuzzy", score: 0.98, weight: 1,
 *   query: "Belvneshpromservis", candidate: "BELVNESHPROMSERVICE", detail: "" }] })
 * //=> 'Alert: "Belvneshpromservis" matches OFAC SDN 15487 "BELVNESHPROMSERVICE" (primary; 0.98 ≥ 0.88).'
 */
export function renderSummary(hit: SummaryInput): string {
  const nameReason = hit.reasons.find((r) => r.feature === "name.fuzzy");
  const query = nameReason?.query ?? "";
  const nameDecision = hit.score >= hit.threshold ? "alert" : "review";
  const verb = nameDecision === "alert" ? "matches" : "resembles";
  const head = hit.decision === "alert" ? "Alert" : hit.decision === "review" ? "Review" : "Clear";
  const d = digits(hit.score, hit.threshold);
  const cmp =
    nameDecision === "alert"
      ? `${hit.score.toFixed(d)} ≥ ${hit.threshold.toFixed(d)}`
      : `${hit.score.toFixed(d)} < ${hit.threshold.toFixed(d)}, review from ${hit.reviewThreshold.toFixed(2)}`;
  const rest = hit.reasons
    .filter((r) => r.feature !== "name.fuzzy" && (r.weight !== 0 || r.feature.startsWith("designation.")))
    .map((r) => r.detail);
  const tail = rest.length > 0 ? `; ${rest.join("; ")}` : "";
  return `${head}: "${query}" ${verb} ${listLabel(hit.list)} ${hit.recordId} "${hit.name}" (${hit.nameKind}; ${cmp})${tail}.`;
}

// Two decimals, or more when two decimals would print a score equal to a threshold it is below.
function digits(score: number, threshold: number): number {
  for (const d of [2, 3, 4]) if (score.toFixed(d) !== threshold.toFixed(d) || score === threshold) return d;
  return 6;
}
