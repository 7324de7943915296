import { ListFormatError } from "../errors";
import type { ListFormat, LoadedList } from "../model";
import { bisDplTxtLoader } from "./bis-dpl-txt";
import { curatedJsonLoader } from "./curated-json";
import { euFsfXmlLoader } from "./eu-fsf-xml";
import { finalizeList, type LoadListOptions } from "./finalize-list";
import { ftmJsonLoader } from "./ftm-json";
import type { ListLoader } from "./loader";
import { ofacCsvLoader } from "./ofac-csv";
import { ofacAdvancedXmlLoader } from "./ofac-advanced-xml";
import { ofacEnhancedXmlLoader } from "./ofac-enhanced-xml";
import type { ListSource } from "./source";
import { ukFcdoXmlLoader } from "./uk-fcdo-xml";
import { ukOfsiCsvLoader } from "./uk-ofsi-csv";
import { unXmlLoader } from "./un-xml";
import { usCslCsvLoader } from "./us-csl-csv";

/**
 * Every driver, in detection order (most specific first).
 * @example
 * listLoaders.map((l) => l.format) //=> ["ofac-enhanced-xml", "ofac-advanced-xml", "un-xml", …]
 * listLoaders.find((l) => l.detect(sources))?.listId //=> "un-sc"
 */
export const listLoaders: readonly ListLoader[] = [
  ofacEnhancedXmlLoader,
  ofacAdvancedXmlLoader,
  unXmlLoader,
  euFsfXmlLoader,
  ukFcdoXmlLoader,
  ofacCsvLoader,
  ukOfsiCsvLoader,
  usCslCsvLoader,
  bisDplTxtLoader,
  ftmJsonLoader,
  curatedJsonLoader,
];

/**
 * The driver for a format id.
 * @example
 * getListLoader("un-xml").listId //=> "un-sc"
 */
export function getListLoader(format: ListFormat): ListLoader {
  const loader = listLoaders.find((l) => l.format === format);
  if (!loader) throw new ListFormatError(format, [{ field: "format", expected: "a known list format", received: format }]);
  return loader;
}

/**
 * Detects the format of a set of files from their names and first bytes.
 * @example
 * detectListFormat([{ name: "consolidated.xml", data: xml }]) //=> "un-xml"
 */
export function detectListFormat(sources: readonly ListSource[]): ListFormat {
  const loader = listLoaders.find((l) => l.detect(sources));
  if (!loader) {
    throw new ListFormatError(
      "unknown",
      [{ field: sources.map((s) => s.name).join(", ") || "(no files)", expected: `one of ${listLoaders.map((l) => l.format).join(", ")}`, received: "a file no driver recognises" }],
      { summary: "format not recognised" },
    );
  }
  return loader.format;
}

/**
 * The formats each official list is published in. A caller who names one of these lists gets a
 * typed error for a file of another format, never that other list under the name it asked for.
 */
export const OFFICIAL_LIST_FORMATS: Readonly<Record<string, readonly ListFormat[]>> = {
  "ofac-sdn": ["ofac-csv", "ofac-enhanced-xml", "ofac-advanced-xml"],
  "ofac-cons": ["ofac-csv", "ofac-enhanced-xml", "ofac-advanced-xml"],
  "un-sc": ["un-xml"],
  "uk-ofsi": ["uk-ofsi-csv"],
  "uk-fcdo": ["uk-fcdo-xml"],
  "eu-fsf": ["eu-fsf-xml"],
  "us-csl": ["us-csl-csv"],
  "bis-dpl": ["bis-dpl-txt"],
};

/**
 * Issue 9: when the caller names the format (or an official list id), a file that another driver
 * recognises is refused instead of being read as the list the caller asked for.
 */
function refuseOtherList(sources: readonly ListSource[], options: LoadListOptions, format: ListFormat): void {
  const named = options.format !== undefined ? `format ${options.format}` : options.listId !== undefined ? `list ${options.listId}` : undefined;
  if (named === undefined) return;
  const allowed = options.format !== undefined ? [options.format] : OFFICIAL_LIST_FORMATS[options.listId ?? ""];
  if (allowed === undefined) return; // a caller's own label (e.g. "ofac-sdn-2024-05"): the detected format stands
  if (allowed.some((f) => getListLoader(f).detect(sources))) return;
  const other = listLoaders.find((l) => l.detect(sources));
  if (other === undefined && options.format !== undefined) return; // nobody recognises it: the driver reports what is wrong
  throw new ListFormatError(
    options.listId ?? getListLoader(format).listId,
    [
      {
        field: sources.map((s) => s.name).join(", ") || "(no files)",
        expected: `a ${allowed.join(" or ")} file (${named} was asked for)`,
        received: other === undefined ? "a file no driver recognises" : `a ${other.format} file (${other.listId})`,
      },
    ],
    { summary: "file of another list or format" },
  );
}

/**
 * Loads an official list from its own published files, validated and failing closed: any invalid
 * record, a duplicate id, an empty list or a count drop beyond the guard throws a typed error.
 * @example
 * const list = loadList([{ name: "consolidated.xml", data: bytes }]);
 * list.metadata.recordCount //=> 1003
 */
export function loadList(sources: readonly ListSource[], options: LoadListOptions = {}): LoadedList {
  const format = options.format ?? detectListFormat(sources);
  const loader = getListLoader(format);
  refuseOtherList(sources, options, format);
  const listId = options.listId ?? loader.listId;
  let parsed;
  try {
    parsed = loader.parse(sources, { listId });
  } catch (error) {
    if (error instanceof ListFormatError) throw error;
    throw new ListFormatError(
      listId,
      [{ field: sources.map((s) => s.name).join(", "), expected: `a readable ${format} file`, received: error instanceof Error ? error.message : String(error) }],
      { cause: error, summary: "file could not be parsed" },
    );
  }
  const finalListId = options.listId ?? parsed.records[0]?.list ?? listId;
  return finalizeList(parsed, sources, { listId: finalListId, format, publisher: loader.publisher, title: parsed.title ?? loader.title }, options);
}
