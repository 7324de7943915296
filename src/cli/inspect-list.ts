import { loadList, type ListSource, type LoadListOptions } from "../lists";
import type { ListFormat } from "../model";

/** The JSON summary `lists inspect` prints. */
export interface ListSummary {
  readonly listId: string;
  readonly format: ListFormat;
  readonly publisher: string;
  readonly title: string;
  readonly listDate: string | null;
  readonly listDateSource: string;
  readonly recordCount: number;
  readonly countsByType: Readonly<Record<string, number>>;
  readonly sha256: string;
  readonly files: readonly { readonly name: string; readonly sha256: string }[];
  readonly warnings: readonly string[];
}

/**
 * Loads a list (fail closed) and summarises its provenance.
 * @example
 * inspectList(readListFiles("sdn.csv")).recordCount //=> 13821
 */
export function inspectList(sources: readonly ListSource[], options: LoadListOptions = {}): ListSummary {
  const { metadata } = loadList(sources, options);
  return {
    listId: metadata.listId,
    format: metadata.format,
    publisher: metadata.publisher,
    title: metadata.title,
    listDate: metadata.listDate ?? null,
    listDateSource: metadata.listDateSource,
    recordCount: metadata.recordCount,
    countsByType: metadata.countsByType,
    sha256: metadata.sha256,
    files: metadata.sourceFiles.map((name, i) => ({ name, sha256: metadata.fileSha256[i] ?? "" })),
    warnings: metadata.warnings,
  };
}
