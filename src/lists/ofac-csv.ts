/**
 * OFAC legacy CSV driver: the SDN set (`sdn.csv` + `alt.csv`, `add.csv`, `sdn_comments.csv`) and
 * the non-SDN Consolidated set (`cons_prim.csv` + `cons_alt.csv`, `cons_add.csv`,
 * `cons_comments.csv`).
 *
 * Format quirks (https://ofac.treasury.gov/sdn-list-data-formats-data-schemas):
 * - headerless, fixed column counts (12 / 5 / 6 / 2); a row with another count is a broken file;
 * - `-0- ` (with a trailing space) marks an empty field;
 * - CRLF line ends (re-saved comments files may use LF) and a trailing 0x1A (DOS EOF) byte;
 * - Remarks are cut at 1,000 characters; the rest is in the comments file, continuing
 *   mid-word, so the two are joined with no separator;
 * - no list date and no designation dates: `listDateSource` says so, and bases get a `listedOn`
 *   only from a `Listing Date (…)` remark.
 *
 * Contract: every child row must point at an ent_num of the main file (fail closed); without the
 * child files the main file still loads, with a warning naming what is missing.
 */
import { parseCsv } from "./parse-csv";
import { ListFormatError, type RecordIssue } from "../errors";
import type { Address, Designation, Identifier, LegalBasis, Name, Subject, SubjectType, Vessel } from "../model";
import type { ListLoader, ParseContext, ParsedList } from "./loader";
import { ofacNonSdnListOfProgram, ofacProgramAuthority, splitOfacPrograms } from "./ofac-programs";
import { ofacCountryCode, ofacPersonNameParts, ofacValue, parseOfacRemarks, type OfacProgramDate } from "./ofac-remarks";
import { baseName, decodeText, firstInvalidUtf8Offset, isValidUtf8, sniff, sourceBytes, type ListSource } from "./source";

type Role = "main" | "alt" | "add" | "comments";
type CsvSet = "sdn" | "cons";

const DEFAULT_LIST_ID = "ofac-sdn";
const CONS_LIST_ID = "ofac-cons";

/** OFAC cuts Remarks at this length and continues them in the comments file. */
const REMARKS_LIMIT = 1000;

const FILE_ROLES: Readonly<Record<string, { role: Role; set: CsvSet }>> = {
  "sdn.csv": { role: "main", set: "sdn" },
  "alt.csv": { role: "alt", set: "sdn" },
  "add.csv": { role: "add", set: "sdn" },
  "sdn_comments.csv": { role: "comments", set: "sdn" },
  "cons_prim.csv": { role: "main", set: "cons" },
  "cons_alt.csv": { role: "alt", set: "cons" },
  "cons_add.csv": { role: "add", set: "cons" },
  "cons_comments.csv": { role: "comments", set: "cons" },
};

const COLUMNS: Readonly<Record<Role, readonly string[]>> = {
  main: ["ent_num", "SDN_Name", "SDN_Type", "Program", "Title", "Call_Sign", "Vess_type", "Tonnage", "GRT", "Vess_flag", "Vess_owner", "Remarks"],
  alt: ["ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks"],
  add: ["ent_num", "add_num", "address", "city_state_postal", "country", "add_remarks"],
  comments: ["ent_num", "remarks_overflow"],
};

const SDN_TYPES: Readonly<Record<string, SubjectType>> = {
  individual: "person",
  vessel: "vessel",
  aircraft: "aircraft",
};

/** alt.csv alt_type → name kind: OFAC's alt.csv aliases are strong; f.k.a. is a former name. */
const ALT_KINDS: Readonly<Record<string, Name["kind"]>> = { aka: "alias", fka: "former", nka: "alias" };

function roleOf(name: string): { role: Role; set: CsvSet } | undefined {
  const base = baseName(name);
  const known = FILE_ROLES[base];
  if (known) return known;
  // Dated copies of the main SDN file, as scrapers store them: sdn-2024-05-03.csv.
  if (/^sdn[-_]\d{4}-\d{2}-\d{2}\.csv$/.test(base)) return { role: "main", set: "sdn" };
  return undefined;
}

interface CsvRow {
  readonly fields: string[];
  readonly line: number;
}

/**
 * Every OFAC legacy CSV file ends with the DOS end-of-file byte 0x1A (measured: all 10 files of the
 * 2023-12-28, 2024-05-02/03 SDN and the Consolidated sets and every history snapshot). A file cut at a
 * row boundary is still valid CSV; the missing marker is the only sign it is incomplete (issue 9).
 */
function requireEndOfFileMarker(listId: string, source: ListSource, bytes: Uint8Array): void {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d || bytes[end - 1] === 0x20)) end--;
  if (end > 0 && bytes[end - 1] === 0x1a) return;
  const tail = new TextDecoder().decode(bytes.subarray(Math.max(0, bytes.length - 24)));
  throw new ListFormatError(
    listId,
    [{ field: baseName(source.name), expected: "the end-of-file byte 0x1A that ends every OFAC CSV file", received: `a file ending ${JSON.stringify(tail)} (${bytes.length} bytes)` }],
    { summary: `${baseName(source.name)} is incomplete (cut short?)` },
  );
}

/** Parses one headerless OFAC CSV file, failing closed on bad quoting or a wrong column count. */
function readCsv(listId: string, source: ListSource, role: Role, warnings: string[]): CsvRow[] {
  const bytes = sourceBytes(source);
  requireEndOfFileMarker(listId, source, bytes);
  // The files are ASCII; older OFAC exports were Windows-1252, so fall back to it, never to lossy
  // UTF-8, and never silently: the switch is a warning naming the first byte that forced it (and a
  // file mixing UTF-8 with Windows-1252 is refused by decodeText).
  const utf8 = typeof source.data === "string" || isValidUtf8(bytes);
  if (!utf8) warnings.push(`${baseName(source.name)}: not valid UTF-8 (first at byte offset ${firstInvalidUtf8Offset(bytes)}); read as Windows-1252`);
  const text = decodeText(listId, source, utf8 ? "utf-8" : "windows-1252");
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, { skipEmptyLines: true }).map((r) => ({ record: r.fields, info: { lines: r.line } }));
  } catch (cause) {
    const line = typeof (cause as { lines?: unknown }).lines === "number" ? (cause as { lines: number }).lines : undefined;
    throw new ListFormatError(
      listId,
      [
        {
          field: baseName(source.name),
          expected: "well-formed CSV (closed quotes)",
          received: cause instanceof Error ? cause.message : String(cause),
          ...(line === undefined ? {} : { line }),
        },
      ],
      { cause, summary: `${baseName(source.name)} is not valid CSV` },
    );
  }
  const columns = COLUMNS[role];
  const issues: RecordIssue[] = [];
  const rows: CsvRow[] = [];
  for (const { record, info } of records) {
    if (record.length !== columns.length) {
      issues.push({
        ...(record[0] ? { recordId: record[0].trim() } : {}),
        field: baseName(source.name),
        expected: `${columns.length} fields (${columns.join(", ")})`,
        received: `${record.length} field${record.length === 1 ? "" : "s"}`,
        line: info.lines,
      });
      continue;
    }
    rows.push({ fields: record, line: info.lines });
  }
  if (issues.length > 0) {
    throw new ListFormatError(listId, issues, { summary: `${baseName(source.name)} has rows with the wrong number of columns` });
  }
  return rows;
}

/** First record of a file, for detection: parses only the first line. */
function firstRecordLength(source: ListSource): number | undefined {
  const head = sniff(source).replace(/^\uFEFF/, "");
  const firstLine = head.split(/\r?\n/)[0] ?? "";
  try {
    return parseCsv(firstLine)[0]?.fields.length;
  } catch {
    return undefined;
  }
}

interface Draft {
  readonly sourceId: string;
  readonly line: number;
  readonly fields: string[];
  readonly type: SubjectType;
  readonly altNames: Name[];
  readonly addresses: Address[];
  readonly extraRemarks: string[];
  overflow: string;
  hasOverflow: boolean;
}

function addressOf(fields: string[]): Address | undefined {
  const street = ofacValue(fields[2]);
  const city = ofacValue(fields[3]);
  const countryText = ofacValue(fields[4]);
  const note = ofacValue(fields[5]);
  if (street === undefined && city === undefined && countryText === undefined && note === undefined) return undefined;
  const code = ofacCountryCode(countryText);
  const full = [street, city, countryText].filter((p) => p !== undefined).join(", ");
  return {
    ...(full ? { full } : {}),
    ...(street ? { street } : {}),
    // OFAC's second column is "City/State/Province/Postal Code" in one field ("Minsk 220099").
    ...(city ? { city } : {}),
    ...(code ? { country: code } : {}),
    ...(countryText ? { countryName: countryText } : {}),
    ...(note ? { note } : {}),
  };
}

function nameOf(value: string, kind: Name["kind"], type: SubjectType): Name {
  const parts = type === "person" ? ofacPersonNameParts(value) : undefined;
  return parts ? { value, kind, parts } : { value, kind };
}

/** Label for the most common unmapped fragments: the words before the first digit, quote or colon. */
function fragmentLabel(fragment: string): string {
  const head = fragment.replace(/^alt\. /, "").split(/[\d':]/)[0] ?? "";
  return head.trim().split(/\s+/).slice(0, 4).join(" ") || fragment.slice(0, 20);
}

function buildBases(
  programs: readonly string[],
  set: CsvSet,
  programDates: readonly OfacProgramDate[],
  mainFile: string,
): LegalBasis[] {
  return programs.map((program) => {
    const authority = ofacProgramAuthority(program);
    const list = set === "sdn" ? "SDN List" : (ofacNonSdnListOfProgram(program) ?? "Consolidated List");
    const dates = programDates.filter((d) => d.program === program);
    const listings = dates.filter((d) => d.kind === "listing").sort((a, b) => (a.date < b.date ? -1 : 1));
    const first = listings[0];
    const notes: string[] = [];
    if (set === "cons" && ofacNonSdnListOfProgram(program) === undefined) {
      notes.push("sub-list of the Consolidated List not stated in the legacy CSV");
    }
    if (dates.length > 0) notes.push(`Remarks: ${dates.map((d) => d.text).join("; ")}`);
    return {
      regime: "US",
      program,
      ...(authority ? { authority } : {}),
      list,
      ...(first
        ? {
            listedOn: {
              date: first.date,
              certainty: "stated",
              bound: "exact",
              source: `${mainFile} Remarks "Listing Date (${first.qualifier})"`,
              note: `date of the ${first.qualifier} identification under ${program}; a blocking under the same programme may be later`,
            },
          }
        : {}),
      measures: [],
      ...(notes.length > 0 ? { note: notes.join("; ") } : {}),
    } satisfies LegalBasis;
  });
}

function parseOfacCsv(sources: readonly ListSource[], context: ParseContext): ParsedList {
  const roles = sources.map((s) => ({ source: s, info: roleOf(s.name) }));
  const unknown = roles.filter((r) => r.info === undefined);
  const mains = roles.filter((r) => r.info?.role === "main");
  const set: CsvSet = mains[0]?.info?.set ?? "sdn";
  // A caller-chosen list id wins; otherwise the cons_* set is its own list.
  const listId = context.listId !== DEFAULT_LIST_ID ? context.listId : set === "cons" ? CONS_LIST_ID : DEFAULT_LIST_ID;
  const setIssues: RecordIssue[] = [
    ...unknown.map((r) => ({
      field: r.source.name,
      expected: `one of ${Object.keys(FILE_ROLES).join(", ")}`,
      received: `an unknown file "${baseName(r.source.name)}"`,
    })),
  ];
  if (mains.length !== 1) {
    setIssues.push({ field: "files", expected: "exactly one main file (sdn.csv or cons_prim.csv)", received: `${mains.length}: ${mains.map((m) => m.source.name).join(", ") || "none"}` });
  }
  for (const r of roles) {
    if (r.info && r.info.set !== set) {
      setIssues.push({ field: r.source.name, expected: `a file of the ${set === "sdn" ? "SDN (sdn.csv)" : "non-SDN (cons_*.csv)"} set`, received: `a file of the other set` });
    }
  }
  const seenRoles = new Map<Role, string>();
  for (const r of roles) {
    if (!r.info) continue;
    const before = seenRoles.get(r.info.role);
    if (before !== undefined && r.info.role !== "main") {
      setIssues.push({ field: r.source.name, expected: `one ${r.info.role} file`, received: `a second one after ${before}` });
    }
    seenRoles.set(r.info.role, r.source.name);
  }
  if (setIssues.length > 0) throw new ListFormatError(listId, setIssues, { summary: "not one consistent OFAC legacy CSV set" });

  const mainSource = (mains[0] as (typeof mains)[number]).source;
  const mainFile = baseName(mainSource.name);
  const issues: RecordIssue[] = [];
  const warnings: string[] = [];
  const drafts = new Map<string, Draft>();

  for (const { fields, line } of readCsv(listId, mainSource, "main", warnings)) {
    const sourceId = (fields[0] ?? "").trim();
    if (!/^\d+$/.test(sourceId)) {
      issues.push({ recordId: sourceId, field: `${mainFile} ent_num`, expected: "a positive integer", received: JSON.stringify(fields[0]), line });
      continue;
    }
    const previous = drafts.get(sourceId);
    if (previous) {
      issues.push({ recordId: sourceId, field: `${mainFile} ent_num`, expected: "a unique ent_num", received: `duplicate of line ${previous.line}`, line });
      continue;
    }
    const typeText = ofacValue(fields[2]);
    const type: SubjectType | undefined = typeText === undefined ? "organization" : SDN_TYPES[typeText.toLowerCase()];
    if (type === undefined) {
      issues.push({ recordId: sourceId, field: `${mainFile} SDN_Type`, expected: "individual, vessel, aircraft or -0-", received: JSON.stringify(typeText), line });
      continue;
    }
    drafts.set(sourceId, { sourceId, line, fields, type, altNames: [], addresses: [], extraRemarks: [], overflow: "", hasOverflow: false });
  }

  const childSources = new Map<Role, ListSource>();
  for (const r of roles) if (r.info && r.info.role !== "main") childSources.set(r.info.role, r.source);

  const missing = (["alt", "add", "comments"] as const).filter((role) => !childSources.has(role));
  if (missing.length > 0) {
    const names = missing.map((role) => Object.entries(FILE_ROLES).find(([, v]) => v.role === role && v.set === set)?.[0]);
    const what = missing.map((role) => ({ alt: "aliases", add: "addresses", comments: "overflow remarks (past 1,000 characters)" })[role]);
    warnings.push(`${names.join(", ")} not supplied: ${what.join(", ")} are missing from every record`);
  }

  /** Looks up the parent record of a child row; an unknown ent_num is an issue (fail closed). */
  const parentOf = (file: string, fields: string[], line: number): Draft | undefined => {
    const id = (fields[0] ?? "").trim();
    const draft = drafts.get(id);
    if (!draft) issues.push({ recordId: id, field: `${file} ent_num`, expected: `an ent_num of ${mainFile}`, received: JSON.stringify(id), line });
    return draft;
  };

  const comments = childSources.get("comments");
  if (comments) {
    const file = baseName(comments.name);
    for (const { fields, line } of readCsv(listId, comments, "comments", warnings)) {
      const draft = parentOf(file, fields, line);
      if (!draft) continue;
      // The overflow continues the remark mid-word: join without a separator.
      draft.overflow += fields[1] ?? "";
      draft.hasOverflow = true;
    }
  }
  const alt = childSources.get("alt");
  if (alt) {
    const file = baseName(alt.name);
    for (const { fields, line } of readCsv(listId, alt, "alt", warnings)) {
      const draft = parentOf(file, fields, line);
      if (!draft) continue;
      const kindText = ofacValue(fields[2])?.toLowerCase() ?? "";
      const kind = ALT_KINDS[kindText];
      const value = ofacValue(fields[3]);
      if (kind === undefined || value === undefined) {
        issues.push({
          recordId: draft.sourceId,
          field: kind === undefined ? `${file} alt_type` : `${file} alt_name`,
          expected: kind === undefined ? "aka, fka or nka" : "a name",
          received: JSON.stringify(kind === undefined ? fields[2] : fields[3]),
          line,
        });
        continue;
      }
      draft.altNames.push(nameOf(value, kind, draft.type));
      const altRemark = ofacValue(fields[4]);
      if (altRemark) draft.extraRemarks.push(`${kindText} '${value}': ${altRemark}`);
    }
  }
  const add = childSources.get("add");
  if (add) {
    const file = baseName(add.name);
    for (const { fields, line } of readCsv(listId, add, "add", warnings)) {
      const draft = parentOf(file, fields, line);
      if (!draft) continue;
      const address = addressOf(fields);
      if (address) draft.addresses.push(address);
    }
  }

  let parsedFragments = 0;
  let textFragments = 0;
  const unparsedLabels = new Map<string, number>();
  const cut: string[] = [];
  const records: Designation[] = [];
  for (const draft of drafts.values()) {
    const f = draft.fields;
    const primary = ofacValue(f[1]);
    if (primary === undefined) {
      issues.push({ recordId: draft.sourceId, field: `${mainFile} SDN_Name`, expected: "a name", received: JSON.stringify(f[1]), line: draft.line });
      continue;
    }
    const programs = splitOfacPrograms(ofacValue(f[3]) ?? "");
    if (programs.length === 0) {
      issues.push({ recordId: draft.sourceId, field: `${mainFile} Program`, expected: "at least one program tag", received: JSON.stringify(f[3]), line: draft.line });
      continue;
    }
    const ownRemark = ofacValue(f[11]);
    const remark = ownRemark === undefined ? (draft.hasOverflow ? draft.overflow.trim() : undefined) : (ownRemark + draft.overflow).trim();
    const truncated = (f[11] ?? "").length >= REMARKS_LIMIT && !draft.hasOverflow;
    if (truncated) cut.push(draft.sourceId);
    const facts = parseOfacRemarks(remark ?? "", { programs, truncated });
    parsedFragments += facts.parsed.length;
    textFragments += facts.unparsed.length;
    for (const fragment of facts.unparsed) {
      const label = fragmentLabel(fragment);
      unparsedLabels.set(label, (unparsedLabels.get(label) ?? 0) + 1);
    }

    const seenNames = new Set<string>();
    const names = [nameOf(primary, "primary", draft.type), ...draft.altNames, ...facts.names].filter((n) => {
      // A remark a.k.a. repeating an alt.csv name adds nothing: keep the stronger first one.
      if (seenNames.has(n.value)) return false;
      seenNames.add(n.value);
      return true;
    });

    const callSign = ofacValue(f[5]);
    const vessel: Vessel = {
      ...(callSign ? { callSign } : {}),
      ...(ofacValue(f[6]) ? { vesselType: ofacValue(f[6]) as string } : {}),
      ...(ofacValue(f[7]) ? { tonnage: ofacValue(f[7]) as string } : {}),
      ...(ofacValue(f[8]) ? { grossRegisteredTonnage: ofacValue(f[8]) as string } : {}),
      ...(ofacValue(f[9]) ? { flag: ofacValue(f[9]) as string } : {}),
      ...(ofacValue(f[10]) ? { owner: ofacValue(f[10]) as string } : {}),
    };
    const identifiers: Identifier[] = [
      ...(callSign ? [{ type: "call-sign" as const, value: callSign, label: "Call_Sign" }] : []),
      ...facts.identifiers,
    ];
    const title = ofacValue(f[4]);
    const subject: Subject = {
      type: draft.type,
      names,
      identifiers,
      birthDates: facts.birthDates,
      birthPlaces: facts.birthPlaces,
      nationalities: facts.nationalities,
      citizenships: facts.citizenships,
      addresses: draft.addresses,
      titles: title ? [title] : [],
      ...(facts.gender ? { gender: facts.gender } : {}),
      ...(Object.keys(vessel).length > 0 ? { vessel } : {}),
      ...(facts.established === undefined ? {} : { established: facts.established }),
    };
    records.push({
      id: `${listId}:${draft.sourceId}`,
      list: listId,
      sourceId: draft.sourceId,
      subject,
      bases: buildBases(programs, set, facts.programDates, mainFile),
      remarks: [...(remark ? [remark] : []), ...draft.extraRemarks],
      sourceUrl: `https://sanctionssearch.ofac.treas.gov/Details.aspx?id=${draft.sourceId}`,
    });
  }

  if (cut.length > 0) {
    warnings.push(
      `${cut.length} remark${cut.length === 1 ? " is" : "s are"} ${REMARKS_LIMIT} characters long with no overflow row (ent_num ${cut.join(", ")}): probably cut by OFAC; their last fragment is kept as text only`,
    );
  }
  const total = parsedFragments + textFragments;
  if (total > 0) {
    const top = [...unparsedLabels.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 8)
      .map(([label, n]) => `${label} (${n})`)
      .join(", ");
    warnings.push(
      `Remarks: ${parsedFragments} of ${total} fragments mapped to fields; ${textFragments} kept as remark text only${top ? `, most often: ${top}` : ""}`,
    );
  }
  return {
    records,
    title: set === "cons" ? "OFAC Consolidated (non-SDN) Sanctions List, legacy CSV" : "OFAC Specially Designated Nationals (SDN) List, legacy CSV",
    listDateSource: `none: the list date is not in the legacy CSV format (${mainFile})`,
    issues,
    warnings,
  };
}

/**
 * Driver for OFAC's legacy CSV files (SDN `sdn.csv` set, non-SDN `cons_prim.csv` set).
 * @example
 * loadList([{ name: "sdn.csv", data }, { name: "alt.csv", data: alt }]).metadata.listId //=> "ofac-sdn"
 */
export const ofacCsvLoader: ListLoader = {
  format: "ofac-csv",
  listId: DEFAULT_LIST_ID,
  publisher: "U.S. Treasury, Office of Foreign Assets Control (OFAC)",
  title: "OFAC Specially Designated Nationals (SDN) or Consolidated (non-SDN) List, legacy CSV",
  detect(sources) {
    if (sources.length === 0) return false;
    const roles = sources.map((s) => roleOf(s.name));
    if (roles.some((r) => r === undefined)) return false;
    const mains = sources.filter((_, i) => roles[i]?.role === "main");
    const main = mains[0];
    return mains.length === 1 && main !== undefined && firstRecordLength(main) === COLUMNS.main.length;
  },
  parse: parseOfacCsv,
};
