/**
 * Maps the evaluation set `../shared/eval/designations.json` (20,993 entities from OFAC SDN/CONS,
 * UN, UK HMT, US CSL and BIS DPL) into the library's model, one `LoadedList` per eval list id.
 * Used by the matching tests, the eval adapter and the benchmark, until the real loaders land.
 *
 * Mapping: `names[0]` → primary, `names[1..]` → alias, `weakNames` → weak-alias; type `entity` →
 * organization; `dob` "A..B" → a { from, to } range; programs → one legal basis each (regime by
 * publisher); `listedOn`/`effective` → basis listedOn, `expires` → endedOn. Ids keep the source id
 * and lower-case the list: `OFAC-SDN:15487` → `ofac-sdn:15487`.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { EVAL_DIR } from "../data-paths";
import { publishedNames } from "../../src/normalize";
import type { DateValue, DesignationRecord, LoadedList, NameKind, Regime, SubjectType } from "../../src/model";

/** The evaluation set folder: `$SANCTIONS_EVAL_DIR`, else `../shared/eval` beside the repository. */
export { EVAL_DIR };
/** The evaluation set file the tests over it need (they skip without it, see test/shared-data.ts). */
export const EVAL_FILES = [join(EVAL_DIR, "designations.json")];

/** One entity of designations.json. */
export interface EvalEntity {
  readonly id: string;
  readonly list: string;
  readonly type: string;
  readonly names: readonly string[];
  readonly weakNames?: readonly string[];
  readonly programs?: readonly string[];
  readonly dob?: readonly string[];
  readonly listedOn?: string;
  readonly effective?: string;
  readonly expires?: string;
}

const PARTIAL = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

function regimeOf(list: string): Regime {
  if (list === "UN") return "UN";
  if (list.startsWith("UK")) return "UK";
  if (list.startsWith("EU")) return "EU";
  return "US";
}

function typeOf(type: string): SubjectType {
  switch (type) {
    case "person":
      return "person";
    case "entity":
      return "organization";
    case "vessel":
      return "vessel";
    case "aircraft":
      return "aircraft";
    default:
      return "unknown";
  }
}

/**
 * `EVAL_UNTYPED=1`: CSL and DPL records untyped, as the library's own loaders read those files (the
 * evaluation set guesses their type from the name); a measurement of the library as shipped.
 */
const UNTYPED_GUESSES = process.env.EVAL_UNTYPED === "1";

/** Model list id of an eval list id: `OFAC-SDN` → `ofac-sdn`. */
export function modelListId(evalList: string): string {
  return evalList.toLowerCase();
}

/** Eval id of a model record id: `ofac-sdn:15487` → `OFAC-SDN:15487`. */
export function evalIdOf(record: { readonly list: string; readonly sourceId: string }): string {
  return `${record.list.toUpperCase()}:${record.sourceId}`;
}

/** Maps one eval entity to a designation record. */
export function toDesignation(e: EvalEntity): DesignationRecord {
  const colon = e.id.indexOf(":");
  const list = modelListId(e.list);
  const sourceId = e.id.slice(colon + 1);
  const remarks: string[] = [];
  const birthDates: DateValue[] = [];
  for (const d of e.dob ?? []) {
    const [from, to] = d.split("..");
    if (to !== undefined && from !== undefined && PARTIAL.test(from) && PARTIAL.test(to)) birthDates.push({ from, to });
    else if (PARTIAL.test(d)) birthDates.push(d);
    else remarks.push(`unparsed date of birth: ${d}`);
  }
  // CSL and DPL names that carry others ("X (f.k.a. Y)") are split as the library's loaders split them.
  const carriesNames = e.list.startsWith("CSL") || e.list === "BIS-DPL";
  const names: { value: string; kind: NameKind; originalScript: boolean }[] = [];
  const addName = (value: string, kind: NameKind): void => {
    if (!names.some((n) => n.value === value)) names.push({ value, kind, originalScript: false });
  };
  e.names.forEach((value, i) => {
    const kind = i === 0 ? "primary" : "alias";
    if (!carriesNames) return addName(value, kind);
    const published = publishedNames(value, kind);
    if (published.carried) remarks.push(`Name as published: ${value}`);
    for (const n of published.names) addName(n.value, n.kind);
  });
  for (const value of e.weakNames ?? []) addName(value, "weak-alias");
  const listed = e.listedOn ?? e.effective;
  const listedOn = listed === undefined ? undefined : { date: listed, certainty: "stated" as const, bound: "exact" as const, source: "designations.json" };
  const endedOn = e.expires === undefined ? undefined : { date: e.expires, certainty: "stated" as const, bound: "exact" as const, source: "designations.json expires" };
  const programs = e.programs && e.programs.length > 0 ? e.programs : [undefined];
  const bases = programs.map((program) => ({
    regime: regimeOf(e.list),
    ...(program === undefined ? {} : { program }),
    ...(listedOn === undefined ? {} : { listedOn }),
    ...(endedOn === undefined ? {} : { endedOn }),
    measures: [],
    confirmed: true,
  }));
  return {
    id: `${list}:${sourceId}`,
    list,
    sourceId,
    subject: {
      type: UNTYPED_GUESSES && (e.list.startsWith("CSL") || e.list === "BIS-DPL") ? "unknown" : typeOf(e.type),
      names,
      identifiers: [],
      birthDates,
      birthPlaces: [],
      nationalities: [],
      citizenships: [],
      addresses: [],
      titles: [],
      positions: [],
    },
    bases,
    remarks,
    sameAs: [],
  };
}

/**
 * Groups eval entities into loaded lists (one per eval list id, in first-seen order).
 * @example
 * toLoadedLists(readEvalEntities()).length //=> 10
 */
export function toLoadedLists(entities: readonly EvalEntity[]): LoadedList[] {
  const byList = new Map<string, EvalEntity[]>();
  for (const e of entities) {
    let arr = byList.get(e.list);
    if (arr === undefined) byList.set(e.list, (arr = []));
    arr.push(e);
  }
  return [...byList].map(([list, ents]) => {
    const records = ents.map(toDesignation);
    const sha = createHash("sha256").update(JSON.stringify(ents)).digest("hex");
    const countsByType: Record<SubjectType, number> = { person: 0, organization: 0, vessel: 0, aircraft: 0, unknown: 0 };
    for (const r of records) countsByType[r.subject.type] += 1;
    return {
      metadata: {
        listId: modelListId(list),
        publisher: list,
        title: `${list} (evaluation set)`,
        format: "curated-json" as const,
        sourceFiles: ["designations.json"],
        listDateSource: "evaluation set of mixed vintages (shared/eval/README.md)",
        recordCount: records.length,
        countsByType,
        sha256: sha,
        fileSha256: [sha],
        warnings: [],
      },
      records,
    };
  });
}

/** Reads `designations.json` (or another file of the same shape) and returns its entities. */
export function readEvalEntities(file = resolve(EVAL_DIR, "designations.json")): EvalEntity[] {
  const parsed = JSON.parse(readFileSync(file, "utf8")) as { entities?: EvalEntity[] } | EvalEntity[];
  return Array.isArray(parsed) ? parsed : (parsed.entities ?? []);
}

let cached: LoadedList[] | undefined;

/** The whole evaluation set as loaded lists (parsed once per process). */
export function evalLists(): LoadedList[] {
  cached ??= toLoadedLists(readEvalEntities());
  return cached;
}
