import { z } from "zod";
import { DesignationSchema, ListIdSchema } from "./designation";
import { SubjectTypeSchema } from "./subject";

/** File formats the loaders read. */
export const ListFormatSchema = z.enum([
  "ofac-csv",
  "ofac-enhanced-xml",
  "ofac-advanced-xml",
  "un-xml",
  "uk-ofsi-csv",
  "uk-fcdo-xml",
  "eu-fsf-xml",
  "us-csl-csv",
  "bis-dpl-txt",
  "ftm-json",
  "curated-json",
]);
/**
 * The official formats the library reads.
 * @example
 * const format: ListFormat = "un-xml";
 * loadList([{ name: "consolidated.xml", data: bytes }], { format }).metadata.format //=> "un-xml"
 */
export type ListFormat = z.infer<typeof ListFormatSchema>;

/**
 * Provenance of one loaded list. Results cite it: id, publisher, file, the list date read from the
 * file (and which field it came from), record count and the sha256 of the input bytes.
 */
export const ListMetadataSchema = z
  .object({
    listId: ListIdSchema,
    publisher: z.string().min(1),
    title: z.string().min(1),
    format: ListFormatSchema,
    /** Input file names, in the order they were read. */
    sourceFiles: z.array(z.string().min(1)).min(1),
    /** Date the publisher gives the list (YYYY-MM-DD, or full ISO timestamp when it has one). */
    listDate: z.string().optional(),
    /** Where `listDate` was read, e.g. `CONSOLIDATED_LIST@dateGenerated`; or why it is missing. */
    listDateSource: z.string().min(1),
    recordCount: z.number().int().nonnegative(),
    countsByType: z.record(SubjectTypeSchema, z.number().int().nonnegative()),
    /** sha256 (hex) of the input bytes; for multi-file sets, of the files' hashes in order. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** sha256 per input file, same order as `sourceFiles`. */
    fileSha256: z.array(z.string().regex(/^[0-9a-f]{64}$/)),
    /** Notes on what the loader could not map (kept, never dropped silently). */
    warnings: z.array(z.string()).default([]),
  })
  .strict();
/**
 * Provenance of one loaded list (the output of {@link ListMetadataSchema}).
 * @example
 * const meta: ListMetadata = loadList([{ name: "consolidated.xml", data: bytes }]).metadata;
 * meta.listId //=> "un-sc"
 * meta.sha256.length //=> 64
 */
export type ListMetadata = z.infer<typeof ListMetadataSchema>;

/**
 * A validated list: its provenance and its records.
 * @example
 * LoadedListSchema.safeParse(JSON.parse(savedListJson)).success //=> true for a list saved as JSON
 */
export const LoadedListSchema = z.object({ metadata: ListMetadataSchema, records: z.array(DesignationSchema) }).strict();
/**
 * A validated list: provenance and records (the output of {@link LoadedListSchema}).
 * @example
 * const list: LoadedList = loadList([{ name: "consolidated.xml", data: bytes }]);
 * createScreener({ lists: [list] }).lists[0]?.listId //=> "un-sc"
 */
export type LoadedList = {
  readonly metadata: ListMetadata;
  readonly records: readonly z.output<typeof DesignationSchema>[];
};
