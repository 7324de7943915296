/**
 * Date-aware status of a matched record, as of a day and for the caller's jurisdictions. Contract:
 *
 * - a basis counts only when its regime is one of the caller's jurisdictions (default: all four);
 *   bases of other regimes are reported as out of jurisdiction, never alert;
 * - curated records (list `curated`) that name an official record in `sameAs` supply that record's
 *   dates: a confirmed curated basis with the same regime and programme replaces the official
 *   basis's `listedOn`/`endedOn` (curated facts cite their sources; official legacy files carry none);
 * - the record's status is in force while any in-jurisdiction basis is in force (see `src/dates`),
 *   else uncertain, else ended, else not yet listed;
 * - the hit's final decision (`finalDecision` in `src/explain`): name alert + in force → alert; name
 *   alert + uncertain, or name review + in force/uncertain → review; not yet listed, ended or out of
 *   jurisdiction → info (a finding that never alerts, e.g. "designated later on 2012-09-19").
 */
import { basisStatusOnDay, calendarDayOf, type BasisStatusValue } from "../dates";
import type { BasisAssessment, DesignationAssessment } from "../explain";
import type { DesignationRecord, NormalizedLegalBasis, Regime } from "../model";

/** Everything {@link assessDesignation} needs besides the record. */
export interface DesignationContext {
  /** A valid `YYYY-MM-DD`, checked once by the caller (the screen's input or the screener's `today`). */
  readonly asOf: string;
  readonly jurisdictions: readonly Regime[];
  /** List id → list date, for bases without a listing date. */
  readonly listDates: ReadonlyMap<string, string | undefined>;
  /** Official record id → curated records that name it in `sameAs`. */
  readonly curatedLinks: ReadonlyMap<string, readonly DesignationRecord[]>;
}

/** All four regimes, the default jurisdiction set. */
export const ALL_REGIMES: readonly Regime[] = ["US", "EU", "UK", "UN"];

/**
 * Indexes curated records by the official ids they name in `sameAs`.
 * @example
 * curatedLinksOf(records).get("ofac-sdn:15487")?.[0]?.id //=> "curated:belvneshpromservice"
 */
export function curatedLinksOf(records: readonly DesignationRecord[]): Map<string, DesignationRecord[]> {
  const links = new Map<string, DesignationRecord[]>();
  for (const r of records) {
    if (r.list !== "curated") continue;
    for (const id of r.sameAs) {
      const list = links.get(id) ?? [];
      list.push(r);
      links.set(id, list);
    }
  }
  return links;
}

function withCuratedDates(
  basis: NormalizedLegalBasis,
  curated: readonly DesignationRecord[],
): { basis: NormalizedLegalBasis; datesFrom?: string } {
  for (const c of curated) {
    const match = c.bases.find((cb) => cb.regime === basis.regime && cb.program !== undefined && cb.program === basis.program);
    // An unconfirmed curated basis never changes an official record's status, in either direction.
    if (!match || !match.confirmed || (!match.listedOn && !match.endedOn)) continue;
    const { listedOn: _l, endedOn: _e, ...rest } = basis;
    return {
      basis: {
        ...rest,
        ...(match.listedOn ? { listedOn: match.listedOn } : basis.listedOn ? { listedOn: basis.listedOn } : {}),
        ...(match.endedOn ? { endedOn: match.endedOn } : basis.endedOn ? { endedOn: basis.endedOn } : {}),
      },
      datesFrom: c.id,
    };
  }
  return { basis };
}

const ORDER: readonly BasisStatusValue[] = ["in-force", "uncertain", "ended", "not-yet-listed"];

function label(b: BasisAssessment): string {
  return b.program ? `[${b.program}]` : (b.authority ?? b.list ?? "basis");
}

/**
 * The date-aware status of a matched record on `ctx.asOf` for the caller's jurisdictions, with each
 * basis assessed and the deciding reason as a feature.
 * @example
 * assessDesignation(ofac15487, { asOf: "2011-06-01", jurisdictions: ["US"], listDates, curatedLinks }).status
 * //=> "not-yet-listed" (NPWMD designated 2012-09-19, from the linked curated record)
 */
export function assessDesignation(record: DesignationRecord, ctx: DesignationContext): DesignationAssessment {
  const curated = ctx.curatedLinks.get(record.id) ?? [];
  const listDate = ctx.listDates.get(record.list);
  const listDay = listDate === undefined ? undefined : calendarDayOf(listDate, "listDate");
  const bases: BasisAssessment[] = record.bases.map((original) => {
    const { basis, datesFrom } = withCuratedDates(original, curated);
    const s = basisStatusOnDay(basis, ctx.asOf, listDay);
    return {
      regime: basis.regime,
      ...(basis.program === undefined ? {} : { program: basis.program }),
      ...(basis.authority === undefined ? {} : { authority: basis.authority }),
      ...(basis.list === undefined ? {} : { list: basis.list }),
      inJurisdiction: ctx.jurisdictions.includes(basis.regime),
      confirmed: basis.confirmed,
      status: s.status,
      reason: s.reason,
      ...(datesFrom === undefined ? {} : { datesFrom }),
    };
  });
  const relevant = bases.filter((b) => b.inJurisdiction);
  const linked = curated.map((c) => c.id);
  if (relevant.length === 0) {
    const regimes = [...new Set(bases.map((b) => b.regime))].join(", ");
    return {
      asOf: ctx.asOf,
      jurisdictions: ctx.jurisdictions,
      status: "out-of-jurisdiction",
      bases,
      linked,
      reason: {
        feature: "designation.out-of-jurisdiction",
        score: 1,
        weight: 0,
        query: ctx.jurisdictions.join(", "),
        candidate: regimes,
        detail: `designated under ${regimes} only; not a regime you named (${ctx.jurisdictions.join(", ")})`,
      },
    };
  }
  const status = ORDER.find((o) => relevant.some((b) => b.status === o)) as BasisStatusValue;
  const deciding = relevant.filter((b) => b.status === status);
  const first = deciding[0] as BasisAssessment;
  let detail: string;
  if (status === "not-yet-listed") {
    const dates = deciding.map((b) => b.reason.date).filter((d): d is string => d !== undefined).sort();
    detail = `designated later${dates[0] ? ` on ${dates[0]}` : ""}: ${deciding.map((b) => b.reason.detail).join("; ")}`;
  } else if (status === "ended") {
    const dates = deciding.map((b) => b.reason.date).filter((d): d is string => d !== undefined).sort();
    detail = `basis ended${dates.length ? ` on ${dates[dates.length - 1]}` : ""}: ${deciding.map((b) => b.reason.detail).join("; ")}`;
  } else {
    detail = deciding.map((b) => b.reason.detail).join("; ");
  }
  // The other in-jurisdiction bases say what else is known on that day (e.g. [SYRIA] ended 2025-07-01
  // while [NPWMD] stays in force).
  const others = relevant.filter((b) => b.status !== status);
  if (others.length > 0) detail += `; also ${others.map((b) => b.reason.detail).join("; ")}`;
  const notCounted = bases.filter((b) => !b.inJurisdiction);
  if (notCounted.length > 0) detail += `; not counted (outside ${ctx.jurisdictions.join(", ")}): ${notCounted.map(label).join(", ")}`;
  return {
    asOf: ctx.asOf,
    jurisdictions: ctx.jurisdictions,
    status,
    bases,
    linked,
    reason: {
      feature: `designation.${status}`,
      score: 1,
      weight: 0,
      query: ctx.asOf,
      candidate: first.reason.date ?? "no date",
      detail,
    },
  };
}
