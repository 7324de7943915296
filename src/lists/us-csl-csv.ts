/**
 * Driver for the U.S. Consolidated Screening List (CSL) CSV export of trade.gov: one row per
 * party per source list, 29 columns with a header row, multi-value fields `; `-joined.
 *
 * Contracts (checked on the ~2022-05 file: 14,160 rows, 13 sources):
 * - The header must hold exactly the 29 known columns; a missing, renamed or extra column is a
 *   {@link ListFormatError} (an unknown column would be data dropped silently).
 * - `_id` is NOT unique: Treasury rows carry the OFAC entity number, and the same party is on
 *   several Treasury sub-lists (SDN + SSI + CAPTA …), so 14,160 rows hold 14,048 distinct `_id`s.
 *   `(source, _id)` is unique but for one pair, so the record id is `<source code>-<_id>`
 *   (`us-csl:SDN-15487`, `us-csl:EL-d6a68bd3…`). A row that repeats an earlier row's source and
 *   `_id` and differs from it only in `source_list_url` (CAPTA 15268 in the 2022 file) is merged
 *   with a warning; any other repeat is a duplicate-id issue.
 * - `source` must be one of the 13 known sub-lists ({@link CSL_SOURCES}); each programme in
 *   `programs` is one basis (regime US); a row without programmes has one basis.
 * - `start_date` / `end_date` are stated `YYYY-MM-DD` dates; a malformed one is an issue. A
 *   well-formed date with a year outside 1900–2100 (the 2022 file has `0097-06-30` and
 *   `0017-05-26` on Entity List rows) is not a date the list can mean: it is never guessed into
 *   another year and never used as `listedOn`/`endedOn` (a basis with no usable end stays in force,
 *   so the party keeps alerting instead of being silently cleared); the raw text goes to the basis
 *   note and a warning names the row. `strictDates` turns such rows into issues instead.
 * - `type` empty (every BIS and State row) maps to `unknown`; it is never guessed from the name.
 * - The file has no list-level date: `listDateSource` says so, and the newest `start_date` is
 *   reported in the warnings.
 */
import { isCalendarDay } from "../dates";
import { readHeaderTable } from "./read-header-table";
import { InputError, ListFormatError, type RecordIssue } from "../errors";
import { SubjectTypeSchema } from "../model";
import type {
  Address,
  DateValue,
  Designation,
  Identifier,
  IdentifierType,
  LegalBasis,
  LoadedList,
  Name,
  Place,
  Subject,
  SubjectType,
  Vessel,
} from "../model";
import { countryCode } from "./country";
import type { ListLoader, ParsedList } from "./loader";
import { publishedNames } from "../normalize";
import { baseName, sniff, type ListSource } from "./source";

const LIST_ID = "us-csl";

/** The 29 columns of the CSL CSV export, in file order. */
export const CSL_COLUMNS = [
  "_id",
  "source",
  "entity_number",
  "type",
  "programs",
  "name",
  "title",
  "addresses",
  "federal_register_notice",
  "start_date",
  "end_date",
  "standard_order",
  "license_requirement",
  "license_policy",
  "call_sign",
  "vessel_type",
  "gross_tonnage",
  "gross_registered_tonnage",
  "vessel_flag",
  "vessel_owner",
  "remarks",
  "source_list_url",
  "alt_names",
  "citizenships",
  "dates_of_birth",
  "nationalities",
  "places_of_birth",
  "source_information_url",
  "ids",
] as const;
type CslColumn = (typeof CSL_COLUMNS)[number];
type CslRow = Readonly<Record<CslColumn, string>>;

/** One sub-list of the CSL: its short code, the exact `source` value and the agency. */
export interface CslSource {
  readonly code: CslSourceCode;
  /** The `source` column value, e.g. `Entity List (EL) - Bureau of Industry and Security`. */
  readonly source: string;
  /** The list part of `source`, stored as the basis `list`, e.g. `Entity List (EL)`. */
  readonly list: string;
  readonly agency: "Treasury Department" | "Bureau of Industry and Security" | "State Department";
}

/** Short codes of the 13 CSL sub-lists (CAPTA is written `CAP`, NS-MBS `NS-MBS List` in the file). */
export type CslSourceCode =
  | "SDN"
  | "EL"
  | "DTC"
  | "DPL"
  | "SSI"
  | "UVL"
  | "ISN"
  | "PLC"
  | "MEU"
  | "CMIC"
  | "CAPTA"
  | "NS-MBS"
  | "FSE";

function cslSource(code: CslSourceCode, source: string): CslSource {
  const cut = source.lastIndexOf(" - ");
  return {
    code,
    source,
    list: source.slice(0, cut),
    agency: source.slice(cut + 3) as CslSource["agency"],
  };
}

/**
 * The 13 sub-lists the CSL CSV carries, as they are written in its `source` column.
 * @example
 * CSL_SOURCES.find((s) => s.code === "EL")?.list //=> "Entity List (EL)"
 */
export const CSL_SOURCES: readonly CslSource[] = [
  cslSource("SDN", "Specially Designated Nationals (SDN) - Treasury Department"),
  cslSource("EL", "Entity List (EL) - Bureau of Industry and Security"),
  cslSource("DTC", "ITAR Debarred (DTC) - State Department"),
  cslSource("DPL", "Denied Persons List (DPL) - Bureau of Industry and Security"),
  cslSource("SSI", "Sectoral Sanctions Identifications List (SSI) - Treasury Department"),
  cslSource("UVL", "Unverified List (UVL) - Bureau of Industry and Security"),
  cslSource("ISN", "Nonproliferation Sanctions (ISN) - State Department"),
  cslSource("PLC", "Palestinian Legislative Council List (PLC) - Treasury Department"),
  cslSource("MEU", "Military End User (MEU) List - Bureau of Industry and Security"),
  cslSource("CMIC", "Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department"),
  cslSource("CAPTA", "Capta List (CAP) - Treasury Department"),
  cslSource("NS-MBS", "Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department"),
  cslSource("FSE", "Foreign Sanctions Evaders (FSE) - Treasury Department"),
];

/**
 * Codes of the sub-lists not published by Treasury (BIS and State). Treasury's own lists are
 * loaded from OFAC's files; note that DPL is also published on its own as `dpl.txt`.
 * @example
 * CSL_NON_TREASURY_CODES //=> ["EL", "DTC", "DPL", "UVL", "ISN", "MEU"]
 */
export const CSL_NON_TREASURY_CODES: readonly CslSourceCode[] = CSL_SOURCES.filter(
  (s) => s.agency !== "Treasury Department",
).map((s) => s.code);

const SOURCE_BY_TEXT = new Map(CSL_SOURCES.map((s) => [s.source, s]));
const SOURCE_BY_LIST = new Map(CSL_SOURCES.map((s) => [s.list, s]));
const SOURCE_BY_CODE = new Map(CSL_SOURCES.map((s) => [s.code, s]));

/**
 * The CSL sub-list code of a record loaded by this driver, read from its bases' `list`.
 * @example
 * cslSourceCode(list.records.find((r) => r.sourceId === "SDN-15487")!) //=> "SDN"
 */
export function cslSourceCode(record: Pick<Designation, "bases">): CslSourceCode | undefined {
  for (const basis of record.bases) {
    const source = basis.list === undefined ? undefined : SOURCE_BY_LIST.get(basis.list);
    if (source) return source.code;
  }
  return undefined;
}

/**
 * Keeps only the records of the given CSL sub-lists, with the record count and type counts of
 * the result and a warning saying what was kept; throws {@link InputError} for an unknown code.
 * @example
 * filterCslSources(loadList(csl), ["EL", "DTC", "UVL", "ISN", "MEU"]).metadata.recordCount //=> 3163
 */
export function filterCslSources(list: LoadedList, codes: readonly CslSourceCode[]): LoadedList {
  const unknown = codes.filter((c) => !SOURCE_BY_CODE.has(c));
  if (unknown.length > 0) {
    throw new InputError(
      unknown.map((c) => ({
        path: "codes",
        expected: `one of ${CSL_SOURCES.map((s) => s.code).join(", ")}`,
        received: JSON.stringify(c),
        message: "unknown CSL source code",
      })),
    );
  }
  const wanted = new Set<string>(codes);
  const records = list.records.filter((r) => {
    const code = cslSourceCode(r);
    return code !== undefined && wanted.has(code);
  });
  const countsByType = Object.fromEntries(SubjectTypeSchema.options.map((t) => [t, 0])) as Record<SubjectType, number>;
  for (const r of records) countsByType[r.subject.type] += 1;
  return {
    metadata: {
      ...list.metadata,
      recordCount: records.length,
      countsByType,
      warnings: [
        ...list.metadata.warnings,
        `records limited to CSL sources ${codes.join(", ")}: ${records.length} of ${list.records.length} kept`,
      ],
    },
    records,
  };
}

/** Options of {@link createUsCslCsvLoader}. */
export interface UsCslCsvLoaderOptions {
  /**
   * Refuse rows whose `start_date`/`end_date` has an implausible year (outside 1900–2100)
   * instead of keeping them with the date left out. Default false.
   */
  readonly strictDates?: boolean;
}

const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2100;

const MONTHS: Readonly<Record<string, string>> = {
  jan: "01", feb: "02", mar: "03", apr: "04", may: "05", jun: "06",
  jul: "07", aug: "08", sep: "09", oct: "10", nov: "11", dec: "12",
};

/** `23 Dec 1991` / `Dec 1991` / `1991` / `1991-12-23` → partial date, or undefined. */
function partialDateFromText(text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(t);
  if (m) {
    const [, y, mo, d] = m;
    if (mo === undefined) return y;
    if (d === undefined) return Number(mo) >= 1 && Number(mo) <= 12 ? `${y}-${mo}` : undefined;
    return isCalendarDay(Number(y), Number(mo), Number(d)) ? `${y}-${mo}-${d}` : undefined;
  }
  m = /^(?:(\d{1,2}) )?([A-Za-z]{3}) (\d{4})$/.exec(t);
  if (m) {
    const [, d, mon, y] = m;
    const mo = MONTHS[(mon ?? "").toLowerCase()];
    if (mo === undefined) return undefined;
    if (d === undefined) return `${y}-${mo}`;
    const dd = d.padStart(2, "0");
    return isCalendarDay(Number(y), Number(mo), Number(dd)) ? `${y}-${mo}-${dd}` : undefined;
  }
  return undefined;
}

/** CSL date of birth: `1973-03-25`, `1966`, `circa 1970`, `1968 to 1970`. */
function birthDate(text: string): DateValue | undefined {
  const circa = /^circa (\d{4}(?:-\d{2}(?:-\d{2})?)?)$/i.exec(text);
  if (circa?.[1] !== undefined) {
    const d = partialDateFromText(circa[1]);
    return d === undefined ? undefined : { from: d, to: d, circa: true };
  }
  const range = /^(\S+) to (\S+)$/i.exec(text);
  if (range?.[1] !== undefined && range[2] !== undefined) {
    const from = partialDateFromText(range[1]);
    const to = partialDateFromText(range[2]);
    return from === undefined || to === undefined ? undefined : { from, to };
  }
  return partialDateFromText(text);
}

function splitMulti(value: string): string[] {
  return value
    .split("; ")
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

/** Collapses the line breaks and runs of spaces a few names and addresses carry. */
function clean(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

// --- ids: "[country, ][expiry, ][issued, ]number, type" -------------------------------------
// The export writes the fields of each id in alphabetical key order (country, expiration_date,
// issue_date, number, type), leaving empty ones out: with two dates the first is the expiry
// (e.g. "JO, 2014-08-30, 2009-08-31, K475336, Passport"); with one date the file does not say
// which it is, so it is kept in the identifier note instead of being guessed.

/** `type` values that are statements about the party rather than identifiers (→ remarks). */
const STATEMENT_TYPES = new Set([
  "Target Type",
  "Aircraft Model",
  "Aircraft Operator",
  "Aircraft Manufacture Date",
  "Issuer Name",
  "Former Vessel Flag",
  "Other Vessel Flag",
  "Other Vessel Type",
  "Nationality of Registration",
  "Registration Country",
  "Executive Order 14024 Directive Information",
]);

function isStatementType(type: string): boolean {
  return (
    STATEMENT_TYPES.has(type) ||
    /[:-]$/.test(type) ||
    /^(Listing Date|Effective Date|Purchase\/Sales For Divestment Date) \(/.test(type)
  );
}

/** Publisher id labels → identifier types, first match wins (order matters: "C.U.I.T." is a tax id). */
const IDENTIFIER_TYPES: readonly (readonly [RegExp, IdentifierType])[] = [
  [/^Digital Currency Address/, "crypto-address"],
  [/^SWIFT\/BIC$/, "swift-bic"],
  [/^Email Address$/, "email"],
  [/^Website$/, "website"],
  [/^Phone Number$/, "phone"],
  [/^MMSI$/, "mmsi"],
  [/Call Sign$/, "call-sign"],
  [/Tail Number$/, "aircraft-tail"],
  [/^Aircraft (Manufacturer's Serial Number|Construction Number|Serial Identification)/, "aircraft-serial"],
  [/Passport|Travel Document/, "passport"],
  [/Tax|tax|R\.F\.C\.|^RFC$|^NIT #$|^RUC #$|^RIF #$|V\.A\.T\.|Fiscal|FEIN|C\.U\.I\.T\.|C\.I\.F\.|NUIT|^RSIN$|^RTN$/, "tax-id"],
  [
    /National ID|National Foreign ID|Cedula|C\.U\.R\.P\.|D\.N\.I\.|Personal ID|Identification Number|ID Card|ID No\.|Identidad|C\.U\.I\.|Citizen's Card|I\.F\.E\.|Credencial electoral|Electoral Registry|CNP|^SSN$|N\.I\.E\.|UAE Identification|Residency Number|Permanent Resident|Birth Certificate|Immigration No\.|Driver's License|Seafarer/,
    "national-id",
  ],
  [
    /Registration|Registry|Company Number|Business Number|Enterprise Number|Incorporation|Chamber of Comm|Folio Mercantil|Matricula Mercantil|C\.R\. No\.|Romanian C\.R\.|Social Credit Code|Government Gazette|Legal Entity Number|D-U-N-S|Branch Unit Number|LE Number|File Number|Charity|Trade License|^License$/,
    "registration",
  ],
];

interface IdsMapping {
  identifiers: Identifier[];
  remarks: string[];
  gender?: "male" | "female";
  established?: DateValue;
}

function mapIds(raw: string): IdsMapping {
  const out: IdsMapping = { identifiers: [], remarks: [] };
  for (const item of splitMulti(raw)) {
    const segments = item.split(", ");
    const type = (segments.pop() ?? "").trim();
    if (segments.length === 0) {
      out.remarks.push(item);
      continue;
    }
    if (isStatementType(type)) {
      const value = segments.join(", ");
      out.remarks.push(/[:-]$/.test(type) ? `${type} ${value}` : `${type}: ${value}`);
      continue;
    }
    if (type === "Gender") {
      const g = segments.join(", ").toLowerCase();
      if ((g === "male" || g === "female") && out.gender === undefined) out.gender = g;
      else out.remarks.push(`Gender: ${segments.join(", ")}`);
      continue;
    }
    if (type === "Organization Established Date") {
      const d = partialDateFromText(segments.join(", "));
      if (d !== undefined && out.established === undefined) out.established = d;
      else out.remarks.push(`Organization Established Date: ${segments.join(", ")}`);
      continue;
    }
    let country: string | undefined;
    if (segments.length >= 2 && /^[A-Z]{2}$/.test(segments[0] ?? "")) country = segments.shift();
    const dates: string[] = [];
    while (segments.length >= 2 && /^\d{4}-\d{2}-\d{2}$/.test(segments[0] ?? "")) dates.push(segments.shift() ?? "");
    let value = segments.join(", ").trim();
    let idType: IdentifierType = IDENTIFIER_TYPES.find(([pattern]) => pattern.test(type))?.[1] ?? "other";
    if (type === "Vessel Registration Identification") {
      const imo = /^IMO (\d{7})$/.exec(value);
      if (imo?.[1] !== undefined) {
        idType = "imo";
        value = imo[1];
      }
    }
    const identifier: Identifier = {
      type: idType,
      value,
      label: type,
      ...(country === undefined ? {} : { country }),
    };
    if (dates.length === 2) {
      identifier.expires = dates[0] as string;
      identifier.issued = dates[1] as string;
    } else if (dates.length === 1) {
      identifier.note = `date ${dates[0]} (issue or expiry: the CSV does not say which)`;
    } else if (dates.length > 2) {
      identifier.note = `dates ${dates.join(", ")}`;
    }
    out.identifiers.push(identifier);
  }
  return out;
}

// --- rows → records -----------------------------------------------------------------------

const SUBJECT_TYPES: Readonly<Record<string, SubjectType>> = {
  Individual: "person",
  Entity: "organization",
  Vessel: "vessel",
  Aircraft: "aircraft",
  "": "unknown",
};

interface RowContext {
  readonly row: CslRow;
  readonly line: number;
  readonly fileName: string;
  readonly listId: string;
  readonly strictDates: boolean;
  readonly issues: RecordIssue[];
  readonly warnings: string[];
}

/** A stated date of the row, or a note when its year cannot be meant. */
function statedDate(
  ctx: RowContext,
  sourceId: string,
  column: "start_date" | "end_date",
): { date?: string; note?: string } {
  const raw = ctx.row[column].trim();
  if (raw === "") return {};
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (!m || !isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]))) {
    ctx.issues.push({ recordId: sourceId, field: column, expected: "a YYYY-MM-DD date that exists", received: JSON.stringify(raw), line: ctx.line });
    return {};
  }
  const year = Number(m[1]);
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
    if (ctx.strictDates) {
      ctx.issues.push({ recordId: sourceId, field: column, expected: `a year from ${EARLIEST_YEAR} to ${LATEST_YEAR}`, received: JSON.stringify(raw), line: ctx.line });
      return {};
    }
    ctx.warnings.push(
      `line ${ctx.line} ${sourceId}: ${column} "${raw}" is not a plausible date; kept as text in the basis note, not used as a ${column === "start_date" ? "listing" : "end"} date`,
    );
    return { note: `${column} "${raw}" as published: not a plausible date, not used` };
  }
  return { date: raw };
}

function mapRow(ctx: RowContext, source: CslSource): Designation | undefined {
  const { row } = ctx;
  const sourceId = `${source.code}-${row._id.trim()}`;
  const type = SUBJECT_TYPES[row.type.trim()];
  if (type === undefined) {
    ctx.issues.push({ recordId: sourceId, field: "type", expected: "Individual, Entity, Vessel, Aircraft or empty", received: JSON.stringify(row.type), line: ctx.line });
    return undefined;
  }
  const primary = clean(row.name);
  if (primary === "") {
    ctx.issues.push({ recordId: sourceId, field: "name", expected: "a name", received: '""', line: ctx.line });
    return undefined;
  }
  const names: Name[] = [];
  const asPublished: string[] = [];
  const seenNames = new Set<string>();
  const addName = (value: string, kind: Name["kind"]): void => {
    if (seenNames.has(value)) return;
    seenNames.add(value);
    names.push({ value, kind });
  };
  // A name that carries others ("X (f.k.a. Y)", "X a.k.a. Y"): each part is a name of its own.
  const addPublished = (value: string, kind: "primary" | "alias"): void => {
    const published = publishedNames(value, kind);
    if (published.carried) asPublished.push(`Name as published: ${value}`);
    for (const n of published.names) addName(n.value, n.kind);
  };
  addPublished(primary, "primary");
  for (const alias of splitMulti(row.alt_names).map(clean)) addPublished(alias, "alias");

  const ids = mapIds(row.ids);
  const remarks = [...splitMulti(row.remarks), ...ids.remarks, ...asPublished];

  const birthDates: DateValue[] = [];
  for (const text of splitMulti(row.dates_of_birth)) {
    const value = birthDate(text);
    if (value === undefined) {
      remarks.push(`Date of birth (as published): ${text}`);
      ctx.warnings.push(`line ${ctx.line} ${sourceId}: date of birth "${text}" not understood; kept in remarks`);
    } else {
      birthDates.push(value);
    }
  }
  const birthPlaces: Place[] = splitMulti(row.places_of_birth).map((place) => {
    const code = countryCode(place.split(", ").pop());
    return { place, ...(code === undefined ? {} : { country: code }) };
  });
  const addresses: Address[] = splitMulti(row.addresses).map((text) => {
    const full = clean(text);
    // The export joins street, city, state, postal code and country with ", " and leaves
    // empty parts out, so only the trailing ISO country code can be read back with certainty.
    const last = full.split(", ").pop() ?? "";
    return { full, ...(/^[A-Z]{2}$/.test(last) ? { country: last } : {}) };
  });

  const vessel: Vessel = {};
  if (row.call_sign.trim()) vessel.callSign = row.call_sign.trim();
  if (row.vessel_type.trim()) vessel.vesselType = row.vessel_type.trim();
  if (row.gross_tonnage.trim()) vessel.tonnage = row.gross_tonnage.trim();
  if (row.gross_registered_tonnage.trim()) vessel.grossRegisteredTonnage = row.gross_registered_tonnage.trim();
  if (row.vessel_flag.trim()) vessel.flag = row.vessel_flag.trim();
  if (row.vessel_owner.trim()) vessel.owner = row.vessel_owner.trim();

  const subject: Subject = {
    type,
    names,
    identifiers: ids.identifiers,
    birthDates,
    birthPlaces,
    nationalities: splitMulti(row.nationalities),
    citizenships: splitMulti(row.citizenships),
    addresses,
    positions: row.title.trim() ? [row.title.trim()] : [],
    ...(ids.gender === undefined ? {} : { gender: ids.gender }),
    ...(ids.established === undefined ? {} : { established: ids.established }),
    ...(Object.keys(vessel).length > 0 ? { vessel } : {}),
  };

  const start = statedDate(ctx, sourceId, "start_date");
  const end = statedDate(ctx, sourceId, "end_date");
  const fileName = baseName(ctx.fileName);
  const notes = [start.note, end.note];
  if (row.standard_order.trim()) notes.push(`standard_order: ${row.standard_order.trim()}`);
  const note = notes.filter((n) => n !== undefined).join("; ");
  const template: LegalBasis = {
    regime: "US",
    list: source.list,
    ...(start.date === undefined
      ? {}
      : { listedOn: { date: start.date, certainty: "stated" as const, bound: "exact" as const, source: `${fileName} start_date` } }),
    ...(end.date === undefined
      ? {}
      : { endedOn: { date: end.date, certainty: "stated" as const, bound: "exact" as const, source: `${fileName} end_date` } }),
    // DPL rows are denial orders; the other sub-lists do not state their measures in the file.
    measures: source.code === "DPL" ? ["denial of export privileges"] : [],
    ...(row.license_requirement.trim() ? { licenceRequirement: row.license_requirement.trim() } : {}),
    ...(row.license_policy.trim() ? { licencePolicy: row.license_policy.trim() } : {}),
    ...(row.federal_register_notice.trim() ? { citation: row.federal_register_notice.trim() } : {}),
    ...(note === "" ? {} : { note }),
  };
  const programs = splitMulti(row.programs);
  // ISN "programmes" are the statutes themselves (E.O. 13382, INKSNA, …): also the authority.
  const bases: LegalBasis[] =
    programs.length === 0
      ? [template]
      : programs.map((program) => ({ ...template, program, ...(source.code === "ISN" ? { authority: program } : {}) }));

  if (row.entity_number.trim() && row.entity_number.trim() !== row._id.trim()) {
    remarks.push(`entity_number: ${row.entity_number.trim()}`);
  }
  if (row.source_list_url.trim()) remarks.push(`source_list_url: ${row.source_list_url.trim()}`);

  return {
    id: `${ctx.listId}:${sourceId}`,
    list: ctx.listId,
    sourceId,
    subject,
    bases,
    remarks,
    ...(row.source_information_url.trim() ? { sourceUrl: row.source_information_url.trim() } : {}),
  };
}

/** Reads the header and rows, failing closed on CSV syntax and on missing or unknown columns. */
function readRows(listId: string, source: ListSource): { rows: { row: CslRow; line: number }[] } {
  return { rows: readHeaderTable(listId, source, { columns: CSL_COLUMNS, what: "CSV", columnSet: "the 29 CSL columns" }) };
}

function sameExceptSourceListUrl(a: CslRow, b: CslRow): boolean {
  return CSL_COLUMNS.every((c) => c === "source_list_url" || a[c] === b[c]);
}

/**
 * Builds a CSL driver; `strictDates` refuses implausible start/end dates instead of keeping the
 * row with the date left out.
 * @example
 * const strict = createUsCslCsvLoader({ strictDates: true });
 * strict.parse(sources, { listId: "us-csl" }).issues.length //=> 3 (the 0097/0017 Entity List dates)
 */
export function createUsCslCsvLoader(options: UsCslCsvLoaderOptions = {}): ListLoader {
  const strictDates = options.strictDates ?? false;
  return {
    format: "us-csl-csv",
    listId: LIST_ID,
    publisher: "U.S. International Trade Administration (trade.gov)",
    title: "Consolidated Screening List",
    detect(sources) {
      if (sources.length !== 1) return false;
      const [only] = sources;
      if (!only) return false;
      const head = sniff(only, 1024).replace(/^\uFEFF/, "");
      const firstLine = head.split(/\r?\n/, 1)[0] ?? "";
      return firstLine.startsWith("_id,source,") || (firstLine.includes("source_information_url") && firstLine.includes("_id"));
    },
    parse(sources, context): ParsedList {
      const listId = context.listId;
      if (sources.length !== 1 || !sources[0]) {
        throw new ListFormatError(listId, [{ field: "sources", expected: "exactly one CSL CSV file", received: `${sources.length} files` }]);
      }
      const file = sources[0];
      const { rows } = readRows(listId, file);
      const issues: RecordIssue[] = [];
      const warnings: string[] = [];
      const records: Designation[] = [];
      const firstByKey = new Map<string, { row: CslRow; line: number; record: Designation }>();
      let newestStart: { date: string; line: number; id: string } | undefined;
      for (const { row, line } of rows) {
        const source = SOURCE_BY_TEXT.get(row.source.trim());
        if (!source) {
          issues.push({
            ...(row._id.trim() ? { recordId: row._id.trim() } : {}),
            field: "source",
            expected: "one of the 13 known CSL sources",
            received: JSON.stringify(row.source),
            line,
          });
          continue;
        }
        if (!row._id.trim()) {
          issues.push({ field: "_id", expected: "a record id", received: '""', line });
          continue;
        }
        const key = `${source.code}-${row._id.trim()}`;
        const earlier = firstByKey.get(key);
        if (earlier) {
          if (sameExceptSourceListUrl(earlier.row, row)) {
            // The 2022 export lists CAPTA 15268 twice, once without source_list_url.
            const url = row.source_list_url.trim();
            if (url && !earlier.record.remarks?.includes(`source_list_url: ${url}`)) {
              earlier.record.remarks = [...(earlier.record.remarks ?? []), `source_list_url: ${url}`];
            }
            warnings.push(`line ${line} ${key}: repeats line ${earlier.line} (same source and _id, differs only in source_list_url); merged`);
          } else {
            issues.push({ recordId: key, field: "_id", expected: "a unique (source, _id) pair", received: `duplicate of line ${earlier.line}`, line });
          }
          continue;
        }
        const record = mapRow({ row, line, fileName: file.name, listId, strictDates, issues, warnings }, source);
        if (!record) continue;
        firstByKey.set(key, { row, line, record });
        records.push(record);
        const start = record.bases[0]?.listedOn?.date;
        if (start !== undefined && (newestStart === undefined || start > newestStart.date)) newestStart = { date: start, line, id: key };
      }
      warnings.unshift(
        newestStart === undefined
          ? "no list date in the file and no start_date in any row"
          : `newest start_date: ${newestStart.date} (line ${newestStart.line}, ${newestStart.id}); the file has no list date`,
      );
      return {
        records,
        listDateSource: "none: the CSL CSV has no list-level date field (newest start_date is in the warnings)",
        issues,
        warnings,
      };
    },
  };
}

/**
 * The CSL CSV driver with default options.
 * @example
 * usCslCsvLoader.listId //=> "us-csl"
 */
export const usCslCsvLoader: ListLoader = createUsCslCsvLoader();
