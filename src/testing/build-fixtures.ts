import { finalizeList } from "../lists";
import type { Designation, LoadedList, NameKind, Regime, SubjectType } from "../model";
import { createScreener, type Screener, type ScreenerOptions } from "../screen";

/**
 * A designation of a test list, in a few fields; everything else takes a neutral default.
 * @example
 * const acme: DesignationFixture = { id: "acme", names: ["ACME MACHINE TOOLS LLC", { value: "ACME MT", kind: "weak-alias" }], programs: ["NPWMD"], listedOn: "2020-03-01" };
 * buildDesignation(acme).subject.names[0]?.value //=> "ACME MACHINE TOOLS LLC"
 */
export interface DesignationFixture {
  /** The record's id on its list (`sourceId`): the record is `<listId>:<id>`. */
  readonly id: string;
  /** The first is the primary name, the others aliases; `{ value, kind }` for another kind (`weak-alias`, `former`). */
  readonly names: readonly (string | { readonly value: string; readonly kind: NameKind })[];
  /** Default `organization`. */
  readonly type?: SubjectType;
  /** Programme tags, one legal basis each; default one basis `FIXTURE`. */
  readonly programs?: readonly string[];
  /** Regime of every basis; default `US`. */
  readonly regime?: Regime;
  /** Stated listing day of every basis (`YYYY[-MM[-DD]]`); without it the basis is in force on any day. */
  readonly listedOn?: string;
  /** Stated end day of every basis (delisted from then on). */
  readonly endedOn?: string;
  readonly identifiers?: Designation["subject"]["identifiers"];
  readonly birthDates?: Designation["subject"]["birthDates"];
  readonly nationalities?: readonly string[];
}

/**
 * Options of {@link buildFixtureList}.
 * @example
 * buildFixtureList([{ id: "acme", names: ["ACME TRADING LLC"] }], { listId: "my-book", listDate: "2026-01-01" }).metadata.listId //=> "my-book"
 */
export interface BuildFixtureListOptions {
  /** Kebab-case list id; default `fixtures`. */
  readonly listId?: string;
  /** The list's date (`YYYY-MM-DD`), when the fixture stands for a dated publication. */
  readonly listDate?: string;
}

const stated = (date: string) => ({ date, certainty: "stated" as const, bound: "exact" as const, source: "test fixture" });

/**
 * The designation record a fixture describes, on list `listId`.
 * @example
 * buildDesignation({ id: "acme", names: ["ACME TRADING LLC"] }).id //=> "fixtures:acme"
 */
export function buildDesignation(fixture: DesignationFixture, listId = "fixtures"): Designation {
  const programs = fixture.programs ?? ["FIXTURE"];
  return {
    id: `${listId}:${fixture.id}`,
    list: listId,
    sourceId: fixture.id,
    subject: {
      type: fixture.type ?? "organization",
      names: fixture.names.map((n, i) => (typeof n === "string" ? { value: n, kind: i === 0 ? "primary" : "alias" } : { value: n.value, kind: n.kind })),
      ...(fixture.identifiers === undefined ? {} : { identifiers: fixture.identifiers }),
      ...(fixture.birthDates === undefined ? {} : { birthDates: fixture.birthDates }),
      ...(fixture.nationalities === undefined ? {} : { nationalities: [...fixture.nationalities] }),
    },
    bases: programs.map((program) => ({
      regime: fixture.regime ?? "US",
      program,
      ...(fixture.listedOn === undefined ? {} : { listedOn: stated(fixture.listedOn) }),
      ...(fixture.endedOn === undefined ? {} : { endedOn: stated(fixture.endedOn) }),
    })),
  };
}

/**
 * A loaded list of fixture designations, validated like any official list: an invalid field or a
 * repeated id throws `ListFormatError` naming it. Its sha256 is that of the records' JSON.
 * @example
 * buildFixtureList([{ id: "acme", names: ["ACME TRADING LLC"] }]).metadata.recordCount //=> 1
 */
export function buildFixtureList(fixtures: readonly DesignationFixture[], options: BuildFixtureListOptions = {}): LoadedList {
  const listId = options.listId ?? "fixtures";
  const records = fixtures.map((f) => buildDesignation(f, listId));
  return finalizeList(
    {
      records,
      ...(options.listDate === undefined ? {} : { listDate: options.listDate }),
      listDateSource: options.listDate === undefined ? "test fixture without a list date" : "test fixture",
      issues: [],
      warnings: [],
    },
    [{ name: `${listId}.fixture.json`, data: JSON.stringify(records) }],
    { listId, format: "curated-json", publisher: "test fixture", title: `Test fixture ${listId}` },
  );
}

/**
 * A screener over fixture designations (one list), for unit tests of a team's own counterparties;
 * pass `today` (or `asOf` per screen) so results do not depend on the clock; the list is dated
 * `listDate`, or `today` when not given (so it is current, not stale, on that day).
 * @example
 * createFixtureScreener([{ id: "acme", names: ["ACME TRADING LLC"] }], { today: "2026-01-01" }).screen({ name: "Acme Trading" }).outcome //=> "alert"
 */
export function createFixtureScreener(
  fixtures: readonly DesignationFixture[],
  options: Omit<ScreenerOptions, "lists"> & BuildFixtureListOptions = {},
): Screener {
  const { listId, listDate: given, ...screenerOptions } = options;
  // A team's own fixture list is current on the test's day: without a list date it would count as
  // stale (a clear would be `stale-clear`).
  const listDate = given ?? screenerOptions.today;
  const list = buildFixtureList(fixtures, { ...(listId === undefined ? {} : { listId }), ...(listDate === undefined ? {} : { listDate }) });
  return createScreener({ ...screenerOptions, lists: [list] });
}
