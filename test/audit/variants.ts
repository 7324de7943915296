/**
 * Corrupted variants of the real official files (issue 9): every class of damage the audit found,
 * produced the same way for every format in ../shared/data, so that `corrupt-lists.ts` (the
 * rerunnable audit) and `corrupt-lists.test.ts` (the tests) measure the same thing.
 *
 * Files are edited as Latin-1 "binary strings" (one character per byte): the structural patterns
 * are ASCII, so every byte outside the edit stays exactly as published.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { ScreeningError, loadList, type ListFormat, type ListSource, type LoadListOptions } from "../../src";
import { SHARED_DATA } from "../shared-data";

/** How the records of a file are delimited, for cutting and thinning at record boundaries. */
type RecordShape =
  | { readonly kind: "xml"; readonly record: RegExp }
  | { readonly kind: "csv"; readonly delimiter: string; readonly header: boolean; readonly trailer?: string }
  | { readonly kind: "lines" };

/** One real format, its files and where its listing dates and names are. */
export interface FormatCase {
  readonly id: string;
  readonly format: ListFormat;
  /** Files under ../shared/data; the first is the one the variants damage. */
  readonly files: readonly string[];
  /** Encoding of the first file as published. */
  readonly encoding: "ascii" | "utf-8" | "windows-1252";
  readonly shape: RecordShape;
  /** The first listing date's year, as a regex whose group 1 is the year (edited to 2092). */
  readonly listingYear?: RegExp;
  /** The same, for formats where one edit is not enough to reach the record's listing date. */
  readonly futureListing?: (text: string) => string;
  /** Every listing date field, removed (element or attribute) or blanked (column). */
  readonly dropListingDate?: (text: string) => string;
  /** A name inside the first record, with one letter changed. */
  readonly nameFlip: RegExp;
  /** Another format's file to put under this file's name. */
  readonly otherFile: string;
  /**
   * Load options for a trimmed sample below its list's shipped record floor (the original and
   * every variant alike, so the loader itself is measured, not the floor).
   */
  readonly loadOptions?: LoadListOptions;
}

/** Every real format in ../shared/data that a loader on this branch reads. */
export const FORMAT_CASES: readonly FormatCase[] = [
  {
    id: "ofac-sdn (legacy CSV set)",
    format: "ofac-csv",
    files: ["sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"].map((f) => `ofac-sdn/2023-12-28/${f}`),
    encoding: "ascii",
    shape: { kind: "csv", delimiter: ",", header: false, trailer: "\u001a" },
    // 18669's remark is whole in sdn.csv (others continue in sdn_comments.csv, which wins).
    listingYear: /^18669,[^\n]*?Listing Date \([^)]*\): \d{1,2} \w{3} (\d{4})/m,
    nameFlip: /^\d+,"(A)/m,
    otherFile: "ofac-cons/cons_prim.csv",
  },
  {
    id: "ofac-cons (legacy CSV set)",
    format: "ofac-csv",
    files: ["cons_prim.csv", "cons_alt.csv", "cons_add.csv", "cons_comments.csv"].map((f) => `ofac-cons/${f}`),
    encoding: "ascii",
    shape: { kind: "csv", delimiter: ",", header: false, trailer: "\u001a" },
    listingYear: /Listing Date \([^)]*\): \d{1,2} \w{3} (\d{4})/,
    nameFlip: /^\d+,"(\w)/m,
    otherFile: "ofac-sdn/2023-12-28/sdn.csv",
  },
  {
    id: "ofac-cons (Enhanced XML)",
    format: "ofac-enhanced-xml",
    files: ["ofac-cons/CONS_ENHANCED.XML"],
    encoding: "utf-8",
    shape: { kind: "xml", record: /<entity [\s\S]*?<\/entity>\s*/g },
    listingYear: /datePublished="(\d{4})/,
    dropListingDate: (t) => t.replace(/ datePublished="[^"]*"/g, ""),
    nameFlip: /<formattedFullName>(\w)/,
    otherFile: "un-consolidated/consolidated.xml",
  },
  {
    id: "un-sc (consolidated XML)",
    format: "un-xml",
    files: ["un-consolidated/consolidated.xml"],
    encoding: "utf-8",
    shape: { kind: "xml", record: /<(INDIVIDUAL|ENTITY)>[\s\S]*?<\/\1>\s*/g },
    listingYear: /<LISTED_ON>(\d{4})/,
    dropListingDate: (t) => t.replace(/\s*<LISTED_ON>[^<]*<\/LISTED_ON>/g, ""),
    nameFlip: /<FIRST_NAME>(\w)/,
    otherFile: "eu-fsf/sample_eu_fsf_2026-08-05.xml",
  },
  {
    id: "uk-ofsi (HMT ConList CSV)",
    format: "uk-ofsi-csv",
    files: ["uk-hmt/sanctionsconlist.csv"],
    encoding: "windows-1252",
    shape: { kind: "csv", delimiter: ",", header: true },
    // A group's rows each give Listed On and the earliest is kept: every row of the first group.
    futureListing: (t) => {
      const gid = /,\d\d\/\d\d\/\d{4},\d\d\/\d\d\/\d{4},(\d+)\r?\n/.exec(t)?.[1];
      return t.replace(new RegExp(`(,\\d\\d/\\d\\d/)\\d{4}(,\\d\\d/\\d\\d/\\d{4},${gid}\\r?\\n)`, "g"), "$12092$2");
    },
    dropListingDate: (t) => t.replace(/,\d\d\/\d\d\/\d{4}(,\d\d\/\d\d\/\d{4},\d+\r?\n)/g, ",$1"),
    // Line 1 is "Last Updated", line 2 the header: the first name of line 3.
    nameFlip: /^[^\n]*\n[^\n]*\n\s*(\w)/,
    otherFile: "us-csl/consolidated.csv",
  },
  {
    id: "eu-fsf (FSF XML sample)",
    format: "eu-fsf-xml",
    files: ["eu-fsf/sample_eu_fsf_2026-08-05.xml"],
    encoding: "utf-8",
    shape: { kind: "xml", record: /<sanctionEntity [\s\S]*?<\/sanctionEntity>\s*/g },
    listingYear: /designationDate="(\d{4})/,
    dropListingDate: (t) => t.replace(/ designationDate="[^"]*"/g, ""),
    nameFlip: /wholeName="(\w)/,
    otherFile: "un-consolidated/consolidated.xml",
  },
  {
    id: "uk-fcdo (UK Sanctions List XML sample)",
    format: "uk-fcdo-xml",
    files: ["uk-fcdo/sample_uk_sanctions.xml"],
    encoding: "utf-8",
    shape: { kind: "xml", record: /<Designation>[\s\S]*?<\/Designation>\s*/g },
    listingYear: /<DateDesignated>\d\d\/\d\d\/(\d{4})/,
    dropListingDate: (t) => t.replace(/\s*<DateDesignated>[^<]*<\/DateDesignated>/g, ""),
    nameFlip: /<Name1>(\w)/,
    otherFile: "un-consolidated/consolidated.xml",
  },
  {
    // A record is a DistinctParty; its SanctionsEntry stays, so a thinned file has orphan entries.
    id: "ofac-sdn (advanced XML sample)",
    format: "ofac-advanced-xml",
    files: ["ofac-advanced/sample_sdn_advanced.xml"],
    encoding: "utf-8",
    shape: { kind: "xml", record: /<DistinctParty [\s\S]*?<\/DistinctParty>\s*/g },
    listingYear: /<EntryEvent [^>]*>\s*<Comment\s*\/>\s*<Date [^>]*>\s*<Year>(\d{4})/,
    dropListingDate: (t) => t.replace(/\s*<EntryEvent [\s\S]*?<\/EntryEvent>/g, ""),
    nameFlip: /<NamePartValue [^>]*>(\w)/,
    otherFile: "ofac-cons/CONS_ENHANCED.XML",
    // 4 parties, below the ofac-sdn floor (7,200): a full file is held to it.
    loadOptions: { minRecordCount: 0 },
  },
  {
    id: "us-csl (CSL CSV)",
    format: "us-csl-csv",
    files: ["us-csl/consolidated.csv"],
    encoding: "utf-8",
    shape: { kind: "csv", delimiter: ",", header: true },
    // start_date is the 10th column; the first row carrying one.
    listingYear: /\n(?:[^,\n]*,){9}(\d{4})-\d\d-\d\d,/,
    nameFlip: /\n(?:[^,\n]*,){5}(\w)/,
    otherFile: "uk-hmt/sanctionsconlist.csv",
  },
  {
    id: "bis-dpl (DPL TXT)",
    format: "bis-dpl-txt",
    files: ["us-csl/dpl.txt"],
    encoding: "ascii",
    shape: { kind: "csv", delimiter: "\t", header: true },
    listingYear: /\n(?:"[^"\n]*"\t){6}"\d\d\/\d\d\/(\d{4})"/,
    dropListingDate: (t) => t.replace(/(\n(?:"[^"\n]*"\t){6})"\d\d\/\d\d\/\d{4}"/g, '$1""'),
    nameFlip: /\n"\s*(\w)/,
    otherFile: "us-csl/consolidated.csv",
  },
  {
    id: "opensanctions (FtM JSON lines)",
    format: "ftm-json",
    files: ["opensanctions/zala.entities.ftm.json"],
    encoding: "utf-8",
    shape: { kind: "lines" },
    // The EU sanction of the one loaded subject (only US/EU/UK/UN sanctions become bases).
    listingYear: /"id": "eu-fsf-[^\n]*?"startDate": \["(\d{4})-\d\d-\d\d"\]/,
    nameFlip: /"caption": "(\w)/,
    otherFile: "un-consolidated/consolidated.xml",
  },
];

/** Classes of damage, in report order. */
export const VARIANT_CLASSES = [
  "truncated mid-file",
  "truncated at a record boundary",
  "half the records removed",
  "listing date in the future",
  "listing date field dropped",
  "UTF-8 encoded twice",
  "two encodings mixed",
  "another list's file",
  "empty file",
  "UTF-16 file",
  "one letter of a name changed",
] as const;
export type VariantClass = (typeof VARIANT_CLASSES)[number];

/** The one class no checksum-less format can catch: a changed letter still makes a valid file. */
export const UNCATCHABLE: ReadonlySet<VariantClass> = new Set(["one letter of a name changed"]);

/** The day the audit pretends the files were retrieved (after every file's own date). */
export const RETRIEVED_ON = "2026-12-01";

const bin = (bytes: Uint8Array): string => Buffer.from(bytes).toString("latin1");
const unbin = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, "latin1"));

function read(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(SHARED_DATA, file)));
}

/** The raw text of each record (and the header), from csv-parse's own reading of the file. */
function csvRecords(text: string, delimiter: string): { raws: string[]; tail: string } {
  const rows = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, raw: true, skip_empty_lines: false }) as unknown as { raw: string }[];
  const raws = rows.map((r) => r.raw);
  const used = raws.join("").length;
  return { raws, tail: text.slice(used) };
}

/** The records of a file as [head, records, tail] in the binary string. */
function split(text: string, shape: RecordShape): { head: string; records: string[]; tail: string } {
  if (shape.kind === "xml") {
    const matches = [...text.matchAll(shape.record)];
    const first = matches[0]?.index ?? 0;
    const last = matches.at(-1);
    const end = last === undefined ? first : (last.index ?? 0) + last[0].length;
    // Only records between the first and the last (XML sections such as INDIVIDUALS/ENTITIES keep their tags).
    return { head: text.slice(0, first), records: matches.map((m) => m[0]), tail: text.slice(end) };
  }
  if (shape.kind === "lines") {
    const lines = text.split(/(?<=\n)/);
    return { head: "", records: lines, tail: "" };
  }
  const body = shape.trailer && text.includes(shape.trailer) ? text.slice(0, text.lastIndexOf(shape.trailer)) : text;
  const trailer = text.slice(body.length);
  const { raws, tail } = csvRecords(body, shape.delimiter);
  const head = shape.header ? (raws.shift() ?? "") : "";
  return { head, records: raws, tail: tail + trailer };
}

/** Joins XML records keeping any text between them that is not a record (section tags). */
function thinXml(text: string, shape: { record: RegExp }, keep: (i: number) => boolean): string {
  let i = -1;
  return text.replace(shape.record, (m) => (keep(++i) ? m : ""));
}

/** Offset of group 1 of the first match. */
function groupStart(re: RegExp, text: string): number | undefined {
  const m = new RegExp(re.source, `${re.flags.replace("g", "")}d`).exec(text);
  return m?.indices?.[1]?.[0];
}

const doubleEncode = (utf8Bytes: Uint8Array): Uint8Array => new Uint8Array(Buffer.from(Buffer.from(utf8Bytes).toString("latin1"), "utf8"));

/** The file's text as proper UTF-8 bytes (a Windows-1252 file converted). */
function asUtf8(c: FormatCase, bytes: Uint8Array): Uint8Array {
  if (c.encoding !== "windows-1252") return bytes;
  return new Uint8Array(Buffer.from(new TextDecoder("windows-1252").decode(bytes), "utf8"));
}

/**
 * The damaged first file for one class, or undefined when the class does not apply to the format
 * (with the reason).
 */
export function makeVariant(c: FormatCase, cls: VariantClass): { bytes: Uint8Array; name?: string } | { notApplicable: string } {
  const original = read(c.files[0] as string);
  const text = bin(original);
  switch (cls) {
    case "truncated mid-file":
      return { bytes: original.subarray(0, Math.floor(original.length / 2)) };
    case "truncated at a record boundary": {
      const { head, records } = split(text, c.shape);
      return { bytes: unbin(head + records.slice(0, Math.floor(records.length / 2)).join("")) };
    }
    case "half the records removed": {
      if (c.shape.kind === "xml") return { bytes: unbin(thinXml(text, c.shape, (i) => i % 2 === 0)) };
      const { head, records, tail } = split(text, c.shape);
      return { bytes: unbin(head + records.filter((_, i) => i % 2 === 0).join("") + tail) };
    }
    case "listing date in the future": {
      if (c.futureListing) return { bytes: unbin(c.futureListing(text)) };
      if (!c.listingYear) return { notApplicable: "the format has no listing date" };
      const at = groupStart(c.listingYear, text);
      if (at === undefined) return { notApplicable: "no listing date found" };
      return { bytes: unbin(`${text.slice(0, at)}2092${text.slice(at + 4)}`) };
    }
    case "listing date field dropped":
      if (!c.dropListingDate) return { notApplicable: "the format does not always carry a listing date (no guard)" };
      return { bytes: unbin(c.dropListingDate(text)) };
    case "UTF-8 encoded twice": {
      const utf8 = asUtf8(c, original);
      if (!utf8.some((b) => b >= 0x80)) return { notApplicable: "ASCII file: encoding it twice changes nothing" };
      return { bytes: doubleEncode(utf8) };
    }
    case "two encodings mixed": {
      const firstHigh = original.findIndex((b) => b >= 0x80);
      if (firstHigh < 0) return { notApplicable: "ASCII file (a stray byte is the name-letter class)" };
      if (c.encoding === "windows-1252") {
        // One character written as UTF-8 inside a Windows-1252 file.
        const ch = new TextDecoder("windows-1252").decode(original.subarray(firstHigh, firstHigh + 1));
        const seq = Buffer.from(ch, "utf8");
        return { bytes: new Uint8Array(Buffer.concat([original.subarray(0, firstHigh), seq, original.subarray(firstHigh + 1)])) };
      }
      // One Latin-1 character written as its single Windows-1252 byte inside a UTF-8 file.
      const t = new TextDecoder().decode(original);
      const idx = [...t].findIndex((ch) => ch.charCodeAt(0) >= 0xa0 && ch.charCodeAt(0) <= 0xff);
      if (idx < 0) return { notApplicable: "no Latin-1 character to re-encode" };
      const chars = [...t];
      const before = Buffer.from(chars.slice(0, idx).join(""), "utf8");
      const after = Buffer.from(chars.slice(idx + 1).join(""), "utf8");
      return { bytes: new Uint8Array(Buffer.concat([before, Buffer.from([(chars[idx] as string).charCodeAt(0)]), after])) };
    }
    case "another list's file":
      return { bytes: read(c.otherFile) };
    case "empty file":
      return { bytes: new Uint8Array(0) };
    case "UTF-16 file": {
      const t = new TextDecoder(c.encoding === "windows-1252" ? "windows-1252" : "utf-8").decode(original);
      return { bytes: new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, "utf16le")])) };
    }
    case "one letter of a name changed": {
      const at = groupStart(c.nameFlip, text);
      if (at === undefined) return { notApplicable: "no name found" };
      const ch = text[at] as string;
      const flipped = ch === "Q" || ch === "q" ? "X" : String.fromCharCode(ch.charCodeAt(0) + 1);
      return { bytes: unbin(`${text.slice(0, at)}${flipped}${text.slice(at + 1)}`) };
    }
  }
}

/** What loading a variant did. */
export type Outcome =
  | { readonly kind: "accepted"; readonly records: number; readonly warnings: readonly string[] }
  | { readonly kind: "typed"; readonly code: string; readonly message: string }
  | { readonly kind: "crash"; readonly message: string };

/** Loads the format's files with the first one replaced, as a caller that names the format does. */
export function loadVariant(c: FormatCase, bytes: Uint8Array, options: LoadListOptions = {}): Outcome {
  const sources: ListSource[] = c.files.map((f, i) => ({ name: f, data: i === 0 ? bytes : read(f) }));
  try {
    const list = loadList(sources, { format: c.format, retrievedOn: RETRIEVED_ON, ...c.loadOptions, ...options });
    return { kind: "accepted", records: list.records.length, warnings: list.metadata.warnings };
  } catch (error) {
    if (error instanceof ScreeningError) return { kind: "typed", code: error.code, message: error.message };
    return { kind: "crash", message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** The original files load (the audit's baseline); returns the record count. */
export function loadOriginal(c: FormatCase): Outcome {
  return loadVariant(c, read(c.files[0] as string));
}
