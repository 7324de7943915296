/**
 * Curated designations: a JSON file of hand-checked records that no official file states in full
 * (e.g. designation dates OFAC's legacy CSV does not carry), each dated fact citing its source.
 *
 * File format `sanctions-screen/curated@1` ({@link CuratedListFileSchema}):
 * `{ format, listId, title, listDate, sources: [{ id, citation, url?, note? }], records: Designation[] }`.
 * Contract (fail closed, every problem reported at once):
 * - the file is one JSON document with `format` first (detection reads the first bytes);
 * - every record is a valid Designation whose `list` is the file's `listId`;
 * - every `listedOn` / `endedOn` cites, in `source`, the id of one of the file's `sources`; an
 *   unknown or missing id fails the load. Loaded records carry the rendered citation instead of
 *   the id, so a hit can quote it without the file;
 * - anything unconfirmed says so: `confirmed: false` on the basis, or the fact's note.
 */
import { z } from "zod";
import { ListFormatError, valueAt, type RecordIssue } from "../errors";
import { isValidAsOf } from "../dates";
import { DesignationSchema, ListIdSchema, type DatedFact, type DesignationRecord } from "../model";
import { describeRecordValue } from "./finalize-list";
import type { ListLoader, ParseContext, ParsedList } from "./loader";
import { baseName, decodeText, sniff, type ListSource } from "./source";

/** Format tag of version 1 of the curated file. */
export const CURATED_FORMAT = "sanctions-screen/curated@1";

const DEFAULT_LIST_ID = "curated";

/**
 * One cited source of a curated file.
 * @example
 * CuratedSourceSchema.parse({ id: "fr-2025-12506", citation: "E.O. 14312, FR Doc. 2025-12506" }).id //=> "fr-2025-12506"
 */
export const CuratedSourceSchema = z
  .object({
    /** Kebab-case id that facts cite in their `source`. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected a kebab-case source id"),
    /** Full citation: publisher, document, file and field, date. */
    citation: z.string().min(1),
    /** Address as given by the citation's source (kept verbatim, not checked). */
    url: z.string().min(1).optional(),
    note: z.string().optional(),
  })
  .strict();
export type CuratedSource = z.infer<typeof CuratedSourceSchema>;

const FACT_KEYS = ["listedOn", "endedOn"] as const;

/**
 * The curated file: envelope, sources and records, with the cross-checks (record list ids,
 * unique source ids, every dated fact citing a known source).
 * @example
 * CuratedListFileSchema.safeParse(JSON.parse(text)).success //=> true
 */
export const CuratedListFileSchema = z
  .object({
    format: z.literal(CURATED_FORMAT),
    listId: ListIdSchema,
    title: z.string().min(1),
    /** Day the curators last checked the file, `YYYY-MM-DD`. */
    listDate: z.string().refine(isValidAsOf, "expected YYYY-MM-DD"),
    description: z.string().optional(),
    sources: z.array(CuratedSourceSchema).min(1),
    records: z.array(DesignationSchema),
  })
  .strict()
  .superRefine((file, ctx) => {
    const ids = new Set<string>();
    file.sources.forEach((source, i) => {
      if (ids.has(source.id)) ctx.addIssue({ code: "custom", path: ["sources", i, "id"], message: "a unique source id" });
      ids.add(source.id);
    });
    file.records.forEach((record, r) => {
      if (record.list !== file.listId) {
        ctx.addIssue({ code: "custom", path: ["records", r, "list"], message: `"${file.listId}" (the file's listId)` });
      }
      record.bases.forEach((basis, b) => {
        for (const key of FACT_KEYS) {
          const fact = basis[key];
          if (fact === undefined) continue;
          if (fact.source === undefined) {
            ctx.addIssue({ code: "custom", path: ["records", r, "bases", b, key, "source"], message: "the id of one of the file's sources" });
          } else if (!ids.has(fact.source)) {
            ctx.addIssue({ code: "custom", path: ["records", r, "bases", b, key, "source"], message: "the id of one of the file's sources" });
          }
        }
      });
    });
  });
export type CuratedListFile = z.output<typeof CuratedListFileSchema>;

/**
 * The text a loaded fact carries for a source: its citation, then its address.
 * @example
 * renderCuratedSource({ id: "x", citation: "U.S. State Dept., 2012-09-19", url: "state.gov/a" }) //=> "U.S. State Dept., 2012-09-19 (state.gov/a)"
 */
export function renderCuratedSource(source: CuratedSource): string {
  return source.url === undefined ? source.citation : `${source.citation} (${source.url})`;
}



/**
 * Validates a parsed curated file, throwing {@link ListFormatError} with every problem found.
 * @example
 * parseCuratedFile("curated", JSON.parse(text)).records.length //=> 4
 */
export function parseCuratedFile(listId: string, data: unknown): CuratedListFile {
  const result = CuratedListFileSchema.safeParse(data);
  if (result.success) return result.data;
  const issues: RecordIssue[] = result.error.issues.map((issue) => {
    const path = issue.path;
    const recordId = path[0] === "records" && typeof path[1] === "number" ? valueAt(data, ["records", path[1], "sourceId"]) : undefined;
    return {
      ...(typeof recordId === "string" ? { recordId } : {}),
      field: path.join(".") || "(root)",
      expected: issue.message.replace(/^Invalid input: /, ""),
      received: describeRecordValue(valueAt(data, path)),
    };
  });
  throw new ListFormatError(listId, issues, { summary: "invalid curated file" });
}

function renderFact(fact: DatedFact, sources: ReadonlyMap<string, CuratedSource>): DatedFact {
  const source = fact.source === undefined ? undefined : sources.get(fact.source);
  // The schema has already refused unknown ids; this keeps the record unchanged if called alone.
  return source === undefined ? fact : { ...fact, source: renderCuratedSource(source) };
}

function isCuratedSource(source: ListSource): boolean {
  return baseName(source.name).endsWith(".json") && /^\s*\{\s*"format"\s*:\s*"sanctions-screen\/curated@/.test(sniff(source, 512));
}

/**
 * Driver for curated JSON files (`sanctions-screen/curated@1`), e.g. the shipped
 * `lists/curated/seed-designations.json`.
 * @example
 * loadList([{ name: "seed-designations.json", data: text }]).records[0]?.id //=> "curated:belvneshpromservice"
 */
export const curatedJsonLoader: ListLoader = {
  format: "curated-json",
  listId: DEFAULT_LIST_ID,
  publisher: "sanctions-screen curators",
  title: "Curated designations",
  detect: (sources) => sources.length === 1 && sources.every(isCuratedSource),
  parse(sources: readonly ListSource[], context: ParseContext): ParsedList {
    const [source] = sources;
    if (source === undefined || sources.length !== 1) {
      throw new ListFormatError(context.listId, [{ field: "sources", expected: "exactly one curated JSON file", received: `${sources.length} files` }]);
    }
    const text = decodeText(context.listId, source);
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (cause) {
      throw new ListFormatError(
        context.listId,
        [{ field: source.name, expected: "one JSON document", received: cause instanceof Error ? cause.message : String(cause) }],
        { cause, summary: "file is not valid JSON" },
      );
    }
    const file = parseCuratedFile(context.listId, data);
    const sourcesById = new Map(file.sources.map((s) => [s.id, s]));
    // A caller-given list id (loadList option) restamps the records; otherwise the file's own id holds.
    const listId = context.listId === DEFAULT_LIST_ID ? file.listId : context.listId;
    const records = file.records.map(
      (record): DesignationRecord => ({
        ...record,
        id: `${listId}:${record.sourceId}`,
        list: listId,
        bases: record.bases.map((basis) => ({
          ...basis,
          ...(basis.listedOn === undefined ? {} : { listedOn: renderFact(basis.listedOn, sourcesById) }),
          ...(basis.endedOn === undefined ? {} : { endedOn: renderFact(basis.endedOn, sourcesById) }),
        })),
      }),
    );
    return { records, listDate: file.listDate, listDateSource: `${baseName(source.name)} listDate (curators' check date)`, issues: [], warnings: [] };
  },
};
