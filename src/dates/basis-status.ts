/**
 * Whether a legal basis is in force on a day. Contract:
 *
 * - in force on D when listed on or before D and not ended on or before D (ended on D = not in
 *   force on D);
 * - a partial date is the interval it covers; an `on-or-before X` date is any day up to X (or from
 *   `notBefore`), an `on-or-after X` date any day from X on;
 * - when the facts cannot tell (D inside a partial date, before an upper bound, after a lower
 *   bound) the status is `uncertain`, to review: never a silent clear;
 * - no listing date: in force from the list's date, listing date unknown (uncertain before it);
 * - a basis with `confirmed: false` is reported but never `in-force`.
 */
import { InputError } from "../errors";
import type { DatedFact, LegalBasis } from "../model";
import { calendarDayOf, isValidAsOf, partialDateToInterval } from "./partial-date";

export type BasisStatusValue = "in-force" | "not-yet-listed" | "ended" | "uncertain";

/** Stable codes of {@link BasisStatusReason}. */
export type BasisStatusCode =
  | "listed"
  | "listed-date-unknown"
  | "not-yet-listed"
  | "ended"
  | "listing-uncertain"
  | "end-uncertain"
  | "unconfirmed";

/** Why a basis has its status: a stable code, a sentence, and the deciding fact's date. */
export interface BasisStatusReason {
  readonly code: BasisStatusCode;
  readonly detail: string;
  readonly date?: string;
  readonly certainty?: DatedFact["certainty"];
  readonly bound?: DatedFact["bound"];
}

export interface BasisStatus {
  readonly status: BasisStatusValue;
  readonly reason: BasisStatusReason;
}

/** The basis fields the status reads. */
export type BasisDates = Pick<LegalBasis, "listedOn" | "endedOn" | "confirmed" | "program" | "authority" | "list">;

type Happened = "yes" | "no" | "maybe";

/** Whether the event a fact dates had happened by the end of day `asOf`. */
function happenedBy(fact: DatedFact, asOf: string, path: string): Happened {
  const { start, end } = partialDateToInterval(fact.date, `${path}.date`);
  if (fact.bound === "on-or-after") return asOf < start ? "no" : "maybe";
  if (asOf >= end) return "yes";
  if (fact.bound === "exact") return asOf < start ? "no" : "maybe";
  // on-or-before: only an upper bound, unless the window's start is known.
  if (fact.notBefore !== undefined && asOf < partialDateToInterval(fact.notBefore, `${path}.notBefore`).start) return "no";
  return "maybe";
}

function describeFact(fact: DatedFact): string {
  const when = fact.bound === "on-or-before" ? `on or before ${fact.date}` : fact.bound === "on-or-after" ? `on or after ${fact.date}` : fact.date;
  const window = fact.notBefore === undefined ? "" : `, not before ${fact.notBefore}`;
  return `${when} (${fact.certainty}${window})`;
}

function label(basis: BasisDates): string {
  if (basis.program) return `[${basis.program}]`;
  return basis.authority ?? basis.list ?? "basis";
}

function factReason(code: BasisStatusCode, detail: string, fact: DatedFact): BasisStatusReason {
  return { code, detail, date: fact.date, certainty: fact.certainty, bound: fact.bound };
}

function requireAsOf(asOf: string): void {
  if (!isValidAsOf(asOf)) {
    throw new InputError([{ path: "asOf", expected: "YYYY-MM-DD", received: JSON.stringify(asOf), message: "expected a calendar day" }]);
  }
}

function underlyingStatus(basis: BasisDates, asOf: string, listDay: string | undefined): BasisStatus {
  const name = label(basis);
  const { listedOn, endedOn } = basis;
  let listed: Happened;
  let listing: BasisStatusReason;
  if (listedOn) {
    listed = happenedBy(listedOn, asOf, "listedOn");
    const when = describeFact(listedOn);
    listing =
      listed === "yes"
        ? factReason("listed", `${name} listed ${when}, open as of ${asOf}`, listedOn)
        : listed === "no"
          ? factReason("not-yet-listed", `${name} listed ${when}: not yet listed on ${asOf}`, listedOn)
          : factReason("listing-uncertain", `${name} listed ${when}: cannot tell whether it was listed on ${asOf}`, listedOn);
  } else if (listDay === undefined || asOf >= listDay) {
    listed = "yes";
    listing = {
      code: "listed-date-unknown",
      detail:
        listDay === undefined
          ? `${name} on the list, listing date unknown, taken as open on ${asOf}`
          : `${name} in force as of the list's date ${listDay}, listing date unknown`,
      ...(listDay === undefined ? {} : { date: listDay }),
    };
  } else {
    listed = "maybe";
    listing = {
      code: "listing-uncertain",
      detail: `${name} on the list of ${listDay}, listing date unknown: cannot tell whether it was listed on ${asOf}`,
      date: listDay,
    };
  }
  if (listed === "no") return { status: "not-yet-listed", reason: listing };

  const ended = endedOn ? happenedBy(endedOn, asOf, "endedOn") : "no";
  if (endedOn && ended === "yes") {
    return { status: "ended", reason: factReason("ended", `${name} ended ${describeFact(endedOn)}, not in force on ${asOf}`, endedOn) };
  }
  if (listed === "maybe") return { status: "uncertain", reason: listing };
  if (endedOn && ended === "maybe") {
    return {
      status: "uncertain",
      reason: factReason("end-uncertain", `${name} ended ${describeFact(endedOn)}: cannot tell whether it was still in force on ${asOf}`, endedOn),
    };
  }
  return { status: "in-force", reason: listing };
}

/**
 * The status of one legal basis on day `asOf`, with the reason; `listDate` is the date of the list
 * the basis was read from, used when the basis has no listing date.
 * @example
 * basisStatusOn({ regime: "US", program: "SYRIA",
 *   listedOn: { date: "2012-09-19", certainty: "stated", bound: "exact" },
 *   endedOn: { date: "2025-07-01", certainty: "inferred", bound: "exact" } }, "2025-07-01").status //=> "ended"
 */
export function basisStatusOn(basis: BasisDates, asOf: string, listDate?: string): BasisStatus {
  requireAsOf(asOf);
  return basisStatusOnDay(basis, asOf, listDate === undefined ? undefined : calendarDayOf(listDate, "listDate"));
}

/**
 * {@link basisStatusOn} without re-checking its days: `asOf` is a valid `YYYY-MM-DD` and `listDay`
 * a calendar day (`calendarDayOf`) or undefined, both checked once by the caller (a screen checks
 * its `asOf` once, not once per basis of every matched record).
 * @example
 * basisStatusOnDay({ regime: "UN", listedOn: { date: "2010", certainty: "stated", bound: "exact" } }, "2010-06-01", undefined).status //=> "uncertain"
 */
export function basisStatusOnDay(basis: BasisDates, asOf: string, listDay: string | undefined): BasisStatus {
  const status = underlyingStatus(basis, asOf, listDay);
  if (basis.confirmed === false && (status.status === "in-force" || status.status === "uncertain")) {
    return {
      status: "uncertain",
      reason: { ...status.reason, code: "unconfirmed", detail: `unconfirmed (curated, not used to alert): ${status.reason.detail}` },
    };
  }
  return status;
}

/** Status of a designation: its own status, the reason that decided it, and each basis's status. */
export interface DesignationStatus extends BasisStatus {
  readonly bases: readonly BasisStatus[];
}

/**
 * The status of a designation on day `asOf`: in force while any basis is, else uncertain if any
 * basis is, else ended if any basis ended, else not yet listed.
 * @example
 * designationStatusOn(armySupplyBureau, "2026-01-01").status //=> "in-force" (NPWMD open; SYRIA ended 2025-07-01)
 */
export function designationStatusOn(
  designation: { readonly bases: readonly BasisDates[] },
  asOf: string,
  listDate?: string,
): DesignationStatus {
  const bases = designation.bases.map((basis) => basisStatusOn(basis, asOf, listDate));
  const pick = (status: BasisStatusValue) => bases.find((b) => b.status === status);
  const decided = pick("in-force") ?? pick("uncertain") ?? pick("ended") ?? pick("not-yet-listed");
  if (!decided) {
    throw new InputError([{ path: "bases", expected: "at least one basis", received: "[]", message: "a designation has at least one basis" }]);
  }
  return { status: decided.status, reason: decided.reason, bases };
}
