import type { RecordIssue } from "../errors";
import type { Designation, ListFormat } from "../model";
import type { ListSource } from "./source";

/**
 * What a driver returns before the shared validation, guards and provenance are applied.
 * @example
 * const parsed: ParsedList = unXmlLoader.parse([{ name: "consolidated.xml", data: bytes }], context);
 * parsed.issues.length //=> 0; parsed.listDateSource //=> "CONSOLIDATED_LIST@dateGenerated"
 */
export interface ParsedList {
  /** Records as mapped from the source; validated afterwards by {@link finalizeList}. */
  readonly records: readonly Designation[];
  /** Title of this particular list when the driver reads several (OFAC SDN vs non-SDN); default the driver's. */
  readonly title?: string;
  /** List date read from the file, `YYYY-MM-DD` or ISO timestamp. */
  readonly listDate?: string;
  /** The field it was read from (`CONSOLIDATED_LIST@dateGenerated`) or why there is none. */
  readonly listDateSource: string;
  /** Problems found while mapping; any issue makes the load fail (fail closed). */
  readonly issues: readonly RecordIssue[];
  /** Things the driver kept but could not fully map; reported in the metadata. */
  readonly warnings: readonly string[];
}

/**
 * One driver per official format: raw files in, mapped records out. `detect` decides from file
 * names and first bytes only; `parse` throws {@link ListFormatError} for structural problems
 * (not XML, wrong columns) and returns per-record issues for the rest.
 * @example
 * const loader: ListLoader = getListLoader("un-xml");
 * loader.detect([{ name: "consolidated.xml", data: bytes }]) //=> true
 * loader.listId //=> "un-sc"
 */
export interface ListLoader {
  readonly format: ListFormat;
  /** Default list id of the records this driver produces, e.g. `ofac-sdn`. */
  readonly listId: string;
  readonly publisher: string;
  readonly title: string;
  /** Whether these sources are in this format. */
  detect(sources: readonly ListSource[]): boolean;
  /** Maps the sources to records. `listId` overrides the default (e.g. `ofac-cons` for cons_*.csv). */
  parse(sources: readonly ListSource[], context: ParseContext): ParsedList;
}

export interface ParseContext {
  /** List id to stamp on records; the driver's default unless the caller or the driver refines it. */
  readonly listId: string;
}
