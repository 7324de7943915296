/**
 * UK HM Treasury / OFSI Consolidated List of Financial Sanctions Targets, CSV ("ConList",
 * `sanctionsconlist.csv` / `ConList.csv`).
 *
 * Contract:
 * - Line 1 is `Last Updated,DD/MM/YYYY` (the list date); line 2 is the header. Two layouts are
 *   known: the 2018 one (29 columns) and the later one that adds `Name Non-Latin Script`,
 *   `Non-Latin Script Type`, `Non-Latin Script Language`, `Passport Number`, `National
 *   Identification Number`, `NI Details`, `Alias Quality` and `UK Sanctions List Date Designated`.
 *   The layout is read from the header; an unknown column or a missing required one fails the load.
 * - Bytes that are valid UTF-8 are read as UTF-8, otherwise as Windows-1252 (the 2018 file has
 *   0x91/0x92 curly quotes).
 * - One row is one name variant (and, when a subject has several dates of birth, one row per
 *   date); rows are grouped by `Group ID`, the record's sourceId.
 * - `Alias Type` Prime Alias → primary (one per group; a group without one takes its first row's
 *   name and the load warns), AKA → alias, FKA → former; `Alias Quality` Low → weak-alias.
 * - Each regime of a group is one basis (regime "UK", programme = Regime) listed on its own
 *   `Listed On` date; when rows of one regime disagree, the earliest date is kept and the others
 *   are named in the basis note.
 * - Free-text passport / NI details (2018 layout) are kept in remarks, not parsed into numbers.
 */
import { isCalendarDay } from "../dates";
import type { RecordIssue } from "../errors";
import { parseCsv } from "./parse-csv";
import { ListFormatError } from "../errors";
import type { Address, DateValue, Designation, Identifier, LegalBasis, Name, Place, SubjectType } from "../model";
import { countryCode } from "./country";
import { detectScript } from "./detect-script";
import type { ListLoader, ParsedList } from "./loader";
import { baseName, decodeText, isValidUtf8, sniff, type ListSource, countWarning, tallyWarnings } from "./source";

const LIST_ID = "uk-ofsi";

const NAME_COLUMNS = ["Name 1", "Name 2", "Name 3", "Name 4", "Name 5"] as const;
const ADDRESS_COLUMNS = ["Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6"] as const;

const LAYOUT_2018 = [
  "Name 6",
  ...NAME_COLUMNS,
  "Title",
  "DOB",
  "Town of Birth",
  "Country of Birth",
  "Nationality",
  "Passport Details",
  "NI Number",
  "Position",
  ...ADDRESS_COLUMNS,
  "Post/Zip Code",
  "Country",
  "Other Information",
  "Group Type",
  "Alias Type",
  "Regime",
  "Listed On",
  "Last Updated",
  "Group ID",
] as const;

const LAYOUT_NON_LATIN = [
  "Name 6",
  ...NAME_COLUMNS,
  "Title",
  "Name Non-Latin Script",
  "Non-Latin Script Type",
  "Non-Latin Script Language",
  "DOB",
  "Town of Birth",
  "Country of Birth",
  "Nationality",
  "Passport Number",
  "Passport Details",
  "National Identification Number",
  "NI Details",
  "Position",
  ...ADDRESS_COLUMNS,
  "Post/Zip Code",
  "Country",
  "Other Information",
  "Group Type",
  "Alias Type",
  "Alias Quality",
  "Regime",
  "Listed On",
  "UK Sanctions List Date Designated",
  "Last Updated",
  "Group ID",
] as const;

type Column = (typeof LAYOUT_2018)[number] | (typeof LAYOUT_NON_LATIN)[number];

const REQUIRED: readonly Column[] = ["Name 6", "Group Type", "Alias Type", "Regime", "Listed On", "Group ID"];

const SUBJECT_TYPES: Readonly<Record<string, SubjectType>> = { individual: "person", entity: "organization", ship: "vessel" };

const KIND_BY_ALIAS_TYPE: Readonly<Record<string, Name["kind"]>> = {
  "prime alias": "primary",
  "primary name": "primary",
  aka: "alias",
  alias: "alias",
  "primary name variation": "alias",
  fka: "former",
};

/** `Non-Latin Script Language` as written by OFSI → ISO 639-1. */
const LANGUAGE_CODES: Readonly<Record<string, string>> = {
  arabic: "ar",
  persian: "fa",
  farsi: "fa",
  russian: "ru",
  ukrainian: "uk",
  belarusian: "be",
  chinese: "zh",
  korean: "ko",
  japanese: "ja",
  pashto: "ps",
  urdu: "ur",
  georgian: "ka",
  armenian: "hy",
  burmese: "my",
  hebrew: "he",
};

interface Row {
  readonly line: number;
  readonly get: (column: Column) => string;
}

interface Context {
  readonly listId: string;
  readonly file: string;
  readonly issues: RecordIssue[];
  readonly tally: Map<string, number>;
}

function warn(ctx: Context, message: string): void {
  countWarning(ctx.tally, message);
}

function clean(value: string | undefined): string {
  if (value === undefined || value === "") return "";
  const trimmed = value.trim();
  // Most cells are already clean; the regex pass is only for the ones with inner runs of space.
  return /\s\s|[\t\n\r\f\v\u00a0]/.test(trimmed) ? trimmed.replace(/\s+/g, " ") : trimmed;
}

/** `DD/MM/YYYY` → `YYYY-MM-DD`, or undefined when it is not a real date. */
function ukDate(value: string): string | undefined {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isCalendarDay(y, mo, d) ? `${m[3]}-${m[2]}-${m[1]}` : undefined;
}

/**
 * A UK date of birth with `00` for unknown parts: `00/00/1970` → `1970`, `00/09/1962` → `1962-09`.
 * A day without a month (`10/00/1983`) keeps the year and says so in `note`.
 */
function ukBirthDate(value: string): { date?: string; note?: string } {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  if (!m || m[3] === "0000") return {};
  const [dd, mm, yyyy] = [m[1] ?? "", m[2] ?? "", m[3] ?? ""];
  if (mm === "00") return dd === "00" ? { date: yyyy } : { date: yyyy, note: `DOB ${value}: day without month, kept as year ${yyyy}` };
  if (Number(mm) > 12) return {};
  if (dd === "00") return { date: `${yyyy}-${mm}` };
  return isCalendarDay(Number(yyyy), Number(mm), Number(dd)) ? { date: `${yyyy}-${mm}-${dd}` } : {};
}

/** Splits OFSI's enumerations "(1) German (2) Moroccan" / "1) Saudi Arabia 2) Qatar". */
function splitEnumerated(text: string): string[] {
  if (!/(^|\s)\(?\d{1,2}\)\s*/.test(text)) return [text];
  return text
    .split(/(?:^|\s)\(?\d{1,2}\)\s*/)
    .map((p) => clean(p).replace(/[,;.]$/, ""))
    .filter((p) => p !== "");
}

/** "Pakistan (location as at May 2008)" → country code or text, plus the parenthesised note. */
function countryWithNote(text: string): { country?: string; countryName?: string; note?: string } {
  const m = /^(.*?)\s*\((.*)\)\s*$/.exec(text);
  const name = clean(m ? m[1] : text);
  const note = m ? clean(m[2]) : undefined;
  const code = name ? countryCode(name) : undefined;
  if (code === undefined) return { countryName: text };
  return { country: code, ...(note ? { note } : {}) };
}

function pushUnique<T>(list: T[], value: T): void {
  const key = JSON.stringify(value);
  if (!list.some((x) => JSON.stringify(x) === key)) list.push(value);
}

function rowName(row: Row): { value: string; given: string[]; family: string } {
  const given = NAME_COLUMNS.map((c) => clean(row.get(c))).filter((p) => p !== "");
  const family = clean(row.get("Name 6"));
  return { value: [...given, family].filter((p) => p !== "").join(" "), given, family };
}

/** Maps the rows of one Group ID to a designation. */
function mapGroup(ctx: Context, groupId: string, rows: readonly Row[], hasColumn: (c: Column) => boolean): Designation | undefined {
  const first = rows[0];
  if (first === undefined) return undefined;
  const issue = (row: Row, field: string, expected: string, received: string): void => {
    ctx.issues.push({ recordId: groupId, line: row.line, field, expected, received: JSON.stringify(received) });
  };
  const issuesBefore = ctx.issues.length;
  const distinct = (column: Column): string[] => {
    const out: string[] = [];
    for (const r of rows) {
      const v = clean(r.get(column));
      if (v !== "" && !out.includes(v)) out.push(v);
    }
    return out;
  };

  // Subject type: one per group.
  const types = distinct("Group Type");
  const typeText = types[0];
  const type = typeText === undefined ? undefined : SUBJECT_TYPES[typeText.toLowerCase()];
  if (types.length > 1) issue(first, "Group Type", "one Group Type per Group ID", types.join(" / "));
  else if (type === undefined) issue(first, "Group Type", "Individual, Entity or Ship", typeText ?? "");

  const remarks: string[] = [];
  const names: Name[] = [];
  const titles = distinct("Title");
  let primary: Name | undefined;
  let extraPrimaries = 0;
  const addName = (name: Name): void => {
    if (!names.some((n) => n.value === name.value && n.kind === name.kind && n.originalScript === name.originalScript)) names.push(name);
  };
  for (const row of rows) {
    const aliasType = clean(row.get("Alias Type"));
    let kind = KIND_BY_ALIAS_TYPE[aliasType.toLowerCase()];
    if (kind === undefined) {
      issue(row, "Alias Type", "Prime Alias, AKA or FKA", aliasType);
      continue;
    }
    const quality = hasColumn("Alias Quality") ? clean(row.get("Alias Quality")) : "";
    if (quality !== "") {
      if (/^low/i.test(quality)) {
        if (kind === "alias") kind = "weak-alias";
      } else if (!/^(good|high)/i.test(quality)) {
        issue(row, "Alias Quality", "Good or Low", quality);
      }
    }
    const { value, given, family } = rowName(row);
    if (value === "") {
      issue(row, "Name 6", "a name in Name 1–6", "");
      continue;
    }
    const script = detectScript(value);
    const original = script !== undefined && script !== "Latn";
    const name: Name = {
      value,
      kind,
      originalScript: original,
      ...(original && script !== undefined ? { script } : {}),
      ...(type === "person" ? { parts: { ...(given.length > 0 ? { given } : {}), ...(family ? { family: [family] } : {}) } } : {}),
    };
    if (kind === "primary") {
      if (primary === undefined) primary = name;
      else if (primary.value !== value) {
        extraPrimaries++;
        addName({ ...name, kind: "alias" });
      }
    } else {
      addName(name);
    }
    if (hasColumn("Name Non-Latin Script")) {
      const nonLatin = clean(row.get("Name Non-Latin Script"));
      if (nonLatin !== "") {
        const detected = detectScript(nonLatin);
        const language = clean(row.get("Non-Latin Script Language"));
        const lang = LANGUAGE_CODES[language.toLowerCase()];
        if (language !== "" && lang === undefined) remarks.push(`Name "${nonLatin}": language ${language}`);
        addName({
          value: nonLatin,
          // The non-Latin form of the prime name is an alias: the primary name stays Latin.
          kind: kind === "primary" ? "alias" : kind,
          originalScript: true,
          ...(detected === undefined ? {} : { script: detected }),
          ...(lang === undefined ? {} : { lang }),
        });
      }
    }
  }
  if (extraPrimaries > 0) warn(ctx, "groups with more than one distinct Prime Alias (extra ones kept as aliases)");
  if (primary === undefined) {
    // No Prime Alias row: the first row's name stands in (OFSI excerpts cut rows this way).
    const fallback = names.find((n) => !n.originalScript) ?? names[0];
    if (fallback !== undefined) {
      primary = { ...fallback, kind: "primary" };
      names.splice(names.indexOf(fallback), 1);
      warn(ctx, "groups without a Prime Alias row (first row's name used as primary)");
    } else if (ctx.issues.length === issuesBefore) {
      issue(first, "Name 6", "a name in Name 1–6", "none");
    }
  }
  if (primary !== undefined) names.unshift(primary);

  // Dates and places of birth.
  const birthDates: DateValue[] = [];
  for (const row of rows) {
    const raw = clean(row.get("DOB"));
    if (raw === "") continue;
    const { date, note } = ukBirthDate(raw);
    if (date === undefined) issue(row, "DOB", "DD/MM/YYYY (00 for unknown day or month)", raw);
    else pushUnique(birthDates, date);
    if (note !== undefined && !remarks.includes(note)) remarks.push(note);
  }
  const birthPlaces: Place[] = [];
  for (const row of rows) {
    const towns = splitEnumerated(clean(row.get("Town of Birth"))).filter((t) => t !== "");
    const countries = splitEnumerated(clean(row.get("Country of Birth"))).filter((c) => c !== "");
    const place = (town: string | undefined, country: string | undefined): Place => {
      const code = country === undefined ? undefined : countryCode(country);
      return {
        ...(town === undefined ? {} : { place: town }),
        ...(country === undefined ? {} : code === undefined ? { countryName: country } : { country: code }),
      };
    };
    if (towns.length === 0) for (const c of countries) pushUnique(birthPlaces, place(undefined, c));
    else if (countries.length === towns.length) towns.forEach((t, i) => pushUnique(birthPlaces, place(t, countries[i])));
    else if (countries.length <= 1) for (const t of towns) pushUnique(birthPlaces, place(t, countries[0]));
    else {
      for (const t of towns) pushUnique(birthPlaces, place(t, undefined));
      for (const c of countries) pushUnique(birthPlaces, place(undefined, c));
    }
  }

  const nationalities: string[] = [];
  for (const n of distinct("Nationality")) for (const part of splitEnumerated(n)) pushUnique(nationalities, countryCode(part) ?? part);

  // Documents: numbered columns in the later layout; free text in the 2018 one.
  const identifiers: Identifier[] = [];
  if (hasColumn("Passport Number")) {
    for (const row of rows) {
      const number = clean(row.get("Passport Number"));
      const details = clean(row.get("Passport Details"));
      if (number !== "") pushUnique(identifiers, { type: "passport", value: number, ...(details ? { note: details } : {}) });
      else if (details !== "" && !remarks.includes(`Passport details: ${details}`)) remarks.push(`Passport details: ${details}`);
    }
  } else {
    for (const d of distinct("Passport Details")) remarks.push(`Passport details: ${d}`);
  }
  if (hasColumn("National Identification Number")) {
    for (const row of rows) {
      const number = clean(row.get("National Identification Number"));
      const details = clean(row.get("NI Details"));
      if (number !== "") pushUnique(identifiers, { type: "national-id", value: number, ...(details ? { note: details } : {}) });
      else if (details !== "" && !remarks.includes(`National identification details: ${details}`)) remarks.push(`National identification details: ${details}`);
    }
  } else {
    for (const d of distinct("NI Number")) remarks.push(`National identification: ${d}`);
  }

  const addresses: Address[] = [];
  for (const row of rows) {
    const lines = ADDRESS_COLUMNS.map((c) => clean(row.get(c))).filter((l) => l !== "");
    const postalCode = clean(row.get("Post/Zip Code"));
    const country = clean(row.get("Country"));
    if (lines.length === 0 && postalCode === "" && country === "") continue;
    pushUnique(addresses, {
      ...(lines.length > 0 ? { full: lines.join(", ") } : {}),
      ...(postalCode ? { postalCode } : {}),
      ...(country ? countryWithNote(country) : {}),
    });
  }

  const positions = distinct("Position");
  const otherInformation = distinct("Other Information");
  remarks.push(...otherInformation);
  // "UN Ref QDe.004", "(UN Ref):QDi.263": the UN record of the same subject. Only a reference of
  // the subject's own kind is linked (i = individual, e = entity): the 2018 file gives the person
  // Hassan Dahir Aweys (Group 6995) "UN Ref: QDe.002", an entity's reference.
  const sameAs: string[] = [];
  const refKind = type === "person" ? "i" : type === "organization" ? "e" : undefined;
  for (const text of otherInformation) {
    for (const m of text.matchAll(/\bUN Ref\)?\s*:?\s*([A-Z]{2}([ie])\.\d{3,})/g)) {
      if (m[2] === refKind) pushUnique(sameAs, `un-sc:${m[1]}`);
      else warn(ctx, "UN references of the other subject kind left unlinked (kept in remarks)");
    }
  }

  // Bases: one per regime, each with its own Listed On.
  const regimes = new Map<string, { listed: Map<string, number>; ukDesignated: string[] }>();
  for (const row of rows) {
    const regime = clean(row.get("Regime"));
    if (regime === "") {
      issue(row, "Regime", "a regime", "");
      continue;
    }
    const entry = regimes.get(regime) ?? { listed: new Map<string, number>(), ukDesignated: [] };
    regimes.set(regime, entry);
    const listedRaw = clean(row.get("Listed On"));
    const listed = ukDate(listedRaw);
    if (listed === undefined) issue(row, "Listed On", "DD/MM/YYYY", listedRaw);
    else entry.listed.set(listed, row.line);
    if (hasColumn("UK Sanctions List Date Designated")) {
      const raw = clean(row.get("UK Sanctions List Date Designated"));
      if (raw !== "") {
        const d = ukDate(raw);
        if (d === undefined) issue(row, "UK Sanctions List Date Designated", "DD/MM/YYYY", raw);
        else if (!entry.ukDesignated.includes(d)) entry.ukDesignated.push(d);
      }
    }
  }
  const bases: LegalBasis[] = [];
  for (const [regime, { listed, ukDesignated }] of regimes) {
    const dates = [...listed.keys()].sort();
    const earliest = dates[0];
    const notes: string[] = [];
    if (dates.length > 1) {
      notes.push(`rows also give Listed On ${dates.slice(1).join(", ")}; the earliest is kept`);
      warn(ctx, "regimes whose rows disagree on Listed On (earliest kept, others in the basis note)");
    }
    if (ukDesignated.length > 0) notes.push(`UK Sanctions List Date Designated ${ukDesignated.sort().join(", ")}`);
    bases.push({
      regime: "UK",
      program: regime,
      ...(earliest === undefined
        ? {}
        : {
            listedOn: {
              date: earliest,
              certainty: "stated" as const,
              bound: "exact" as const,
              source: `${ctx.file} Group ID ${groupId} Listed On (line ${listed.get(earliest) ?? first.line})`,
            },
          }),
      measures: [],
      ...(notes.length > 0 ? { note: notes.join("; ") } : {}),
    });
  }

  const updated = distinct("Last Updated")
    .map((d) => ukDate(d) ?? d)
    .sort();
  if (updated.length > 0) remarks.push(`Last updated: ${updated.join(", ")}`);

  if (type === undefined || primary === undefined || bases.length === 0) return undefined;
  return {
    id: `${ctx.listId}:${groupId}`,
    list: ctx.listId,
    sourceId: groupId,
    subject: { type, names, identifiers, birthDates, birthPlaces, nationalities, addresses, titles, positions },
    bases,
    remarks,
    ...(sameAs.length > 0 ? { sameAs } : {}),
  };
}

function parseUkOfsiCsv(sources: readonly ListSource[], listId: string): ParsedList {
  const source = sources[0];
  if (sources.length !== 1 || source === undefined) {
    throw new ListFormatError(listId, [{ field: "sources", expected: "one ConList CSV file", received: `${sources.length} files` }], {
      summary: "wrong number of files",
    });
  }
  const warnings: string[] = [];
  let encoding: "utf-8" | "windows-1252" = "utf-8";
  if (typeof source.data !== "string" && !isValidUtf8(source.data)) {
    encoding = "windows-1252";
    warnings.push(`${source.name}: not valid UTF-8; read as Windows-1252`);
  }
  const text = encoding === "utf-8" ? decodeText(listId, source) : decodeText(listId, source, "windows-1252");
  const fail = (field: string, expected: string, received: string, summary: string, line?: number): never => {
    throw new ListFormatError(listId, [{ field, expected, received, ...(line === undefined ? {} : { line }) }], { summary });
  };

  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parseCsv(text, { skipEmptyLines: true, bom: true }).map((r) => ({ record: r.fields, info: { lines: r.line } }));
  } catch (cause) {
    throw new ListFormatError(
      listId,
      [{ field: source.name, expected: "well-formed CSV", received: cause instanceof Error ? cause.message : String(cause) }],
      { cause, summary: "file could not be parsed" },
    );
  }

  const rows = parsed.map((p) => p.record);
  // Line 1: "Last Updated,13/04/2018" (absent in some copies; then the list date is unknown).
  let headerIndex = 0;
  let listDate: string | undefined;
  const firstRow = rows[0] ?? [];
  if (clean(firstRow[0]).toLowerCase() === "last updated") {
    headerIndex = 1;
    const raw = clean(firstRow[1]);
    listDate = ukDate(raw);
    if (listDate === undefined) fail("line 1 Last Updated", "DD/MM/YYYY", JSON.stringify(raw), "list date could not be read", 1);
  } else {
    warnings.push("no 'Last Updated' line before the header: list date unknown");
  }
  const header = (rows[headerIndex] ?? []).map((h) => clean(h));
  const layout: readonly Column[] = header.some((h) => ["Name Non-Latin Script", "Alias Quality", "UK Sanctions List Date Designated"].includes(h))
    ? LAYOUT_NON_LATIN
    : LAYOUT_2018;
  const known = new Set<string>(layout);
  const unknown = header.filter((h) => h !== "" && !known.has(h));
  const missing = REQUIRED.filter((c) => !header.includes(c));
  const duplicated = header.filter((h, i) => h !== "" && header.indexOf(h) !== i);
  if (unknown.length > 0 || missing.length > 0 || duplicated.length > 0) {
    const issues: RecordIssue[] = [
      ...missing.map((c) => ({ line: headerIndex + 1, field: c, expected: "a required ConList column", received: "missing" })),
      ...unknown.map((c) => ({ line: headerIndex + 1, field: c, expected: `a ConList column (${layout === LAYOUT_2018 ? "2018" : "non-Latin"} layout)`, received: "an unknown column" })),
      ...duplicated.map((c) => ({ line: headerIndex + 1, field: c, expected: "each column once", received: "a repeated column" })),
    ];
    throw new ListFormatError(listId, issues, { summary: "header is not a known ConList layout" });
  }
  const index = new Map<string, number>(header.map((h, i) => [h, i]));
  const hasColumn = (c: Column): boolean => index.has(c);

  const ctx: Context = { listId, file: baseName(source.name), issues: [], tally: new Map() };
  if (!/\n$/.test(text)) {
    // Both official files end with a line break; a file cut mid-row does not.
    ctx.issues.push({ line: parsed[parsed.length - 1]?.info.lines ?? 0, field: source.name, expected: "a line break after the last row", received: "a file that ends mid-line (truncated?)" });
  }
  const groups = new Map<string, Row[]>();
  parsed.slice(headerIndex + 1).forEach(({ record: cells, info }) => {
    const line = info.lines;
    if (cells.length !== header.length && !(cells.length > header.length && cells.slice(header.length).every((c) => c === ""))) {
      ctx.issues.push({ line, field: "row", expected: `${header.length} fields`, received: `${cells.length} fields` });
      return;
    }
    const cleaned = cells.map(clean);
    const row: Row = { line, get: (c) => { const at = index.get(c); return at === undefined ? "" : (cleaned[at] ?? ""); } };
    const groupId = clean(row.get("Group ID"));
    if (!/^\d+$/.test(groupId)) {
      ctx.issues.push({ line, field: "Group ID", expected: "a numeric Group ID", received: JSON.stringify(groupId) });
      return;
    }
    const list = groups.get(groupId);
    if (list) list.push(row);
    else groups.set(groupId, [row]);
  });

  const records: Designation[] = [];
  for (const [groupId, groupRows] of groups) {
    const record = mapGroup(ctx, groupId, groupRows, hasColumn);
    if (record) records.push(record);
  }
  warnings.push(...tallyWarnings(ctx.tally));
  return {
    records,
    ...(listDate === undefined ? {} : { listDate }),
    listDateSource: listDate === undefined ? "no 'Last Updated' line" : "line 1 'Last Updated'",
    issues: ctx.issues,
    warnings,
  };
}

/**
 * Driver for the OFSI Consolidated List CSV (2018 layout and the later one with non-Latin names).
 * @example
 * loadList([{ name: "sanctionsconlist.csv", data: bytes }], { format: "uk-ofsi-csv" }).metadata.recordCount //=> 2106
 */
export const ukOfsiCsvLoader: ListLoader = {
  format: "uk-ofsi-csv",
  listId: LIST_ID,
  publisher: "HM Treasury, Office of Financial Sanctions Implementation (OFSI)",
  title: "UK Consolidated List of Financial Sanctions Targets",
  detect: (sources) => {
    const source = sources[0];
    if (sources.length !== 1 || source === undefined) return false;
    const head = sniff(source, 2048);
    return /^\uFEFF?(Last Updated,|Name 6,Name 1,)/.test(head) || /\nName 6,Name 1,/.test(head);
  },
  parse: (sources, context) => parseUkOfsiCsv(sources, context.listId),
};
