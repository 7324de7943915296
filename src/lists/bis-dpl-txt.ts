/**
 * Driver for the BIS Denied Persons List in its official tab-separated text form (`dpl.txt`):
 * quoted fields, a header row, one row per (name, address) of a denial order.
 *
 * Contracts (checked on the 2022-09 file: 581 rows → 486 records):
 * - The header must hold exactly the 12 known columns; anything else is a {@link ListFormatError}.
 * - The file has no id column. A denial order published for one name at several addresses is
 *   several rows with the same Name, Effective_Date and FR_Citation (76 such groups in 2022, e.g.
 *   "MANSOUR ZADEH" at 4 addresses); those rows become ONE record with several addresses. The
 *   record id is the first 16 hex digits of sha256 over `NAME|Effective_Date|FR_Citation`, name
 *   upper-cased and whitespace collapsed, so it is stable across files as long as the order is
 *   not re-dated or re-cited. Different names of the same party (the DPL lists aliases as their
 *   own rows, unlinked) stay separate records: the file does not say they are the same party.
 *   Rows identical to an earlier row (2 pairs in 2022) are kept once, with a warning.
 * - Effective_Date (MM/DD/YYYY) → `listedOn`, Expiration_Date → `endedOn`, both stated; a
 *   malformed or non-existent date is an issue. Rows of one group that differ in
 *   Expiration_Date or Standard_Order give one basis each.
 * - Implausible dates: a well-formed date whose year is outside 1900–2100 (the 2022 file has
 *   Last_Update `0222-05-18`, `2922-09-01`, `3017-08-22`) is never corrected by guessing. In
 *   Effective_Date/Expiration_Date it is left out of `listedOn`/`endedOn` (so the denial stays
 *   in force: the party keeps alerting rather than being silently cleared), its raw text goes to
 *   the basis note and a warning names the row; in Last_Update it is kept as text in the address
 *   note and ignored for the list date. `strictDates` makes each of these an issue instead.
 * - List date: the newest plausible Last_Update (`listDateSource` "newest Last_Update").
 * - Subject type is `unknown`: the file does not say whether a party is a person or a firm.
 */
import { isCalendarDay } from "../dates";
import { readHeaderTable } from "./read-header-table";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { ListFormatError, type RecordIssue } from "../errors";
import type { Address, DatedFact, Designation, LegalBasis, Name } from "../model";
import type { ListLoader, ParsedList } from "./loader";
import { publishedNames } from "../normalize";
import { baseName, sniff, type ListSource } from "./source";

const LIST_ID = "bis-dpl";

/** The 12 columns of `dpl.txt`, in file order. */
export const DPL_COLUMNS = [
  "Name",
  "Street_Address",
  "City",
  "State",
  "Country",
  "Postal_Code",
  "Effective_Date",
  "Expiration_Date",
  "Standard_Order",
  "Last_Update",
  "Action",
  "FR_Citation",
] as const;
type DplColumn = (typeof DPL_COLUMNS)[number];
type DplRow = Readonly<Record<DplColumn, string>>;

/** Options of {@link createBisDplTxtLoader}. */
export interface BisDplTxtLoaderOptions {
  /**
   * Refuse rows with an implausible date (a year outside 1900–2100) in Effective_Date,
   * Expiration_Date or Last_Update instead of keeping them with the date left out. Default false.
   */
  readonly strictDates?: boolean;
}

const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2100;

function squash(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

/**
 * Stable DPL record id: 16 hex digits of sha256 over the upper-cased name, the effective date
 * and the Federal Register citation (whitespace collapsed).
 * @example
 * dplRecordId("MANSOUR ZADEH", "08/10/2017", "82 F.R. 39105 8/17/2017") //=> "d586105b35393e02"
 */
export function dplRecordId(name: string, effectiveDate: string, citation: string): string {
  return bytesToHex(sha256(new TextEncoder().encode(groupKey(name, effectiveDate, citation)))).slice(0, 16);
}

/** The grouping key; the citation loses all whitespace ("81 F.R.45276" = "81 F.R. 45276"). */
function groupKey(name: string, effectiveDate: string, citation: string): string {
  return `${squash(name).toUpperCase()}|${effectiveDate.trim()}|${citation.replace(/\s+/g, "")}`;
}

type DateCheck =
  | { readonly kind: "empty" }
  | { readonly kind: "ok"; readonly date: string }
  | { readonly kind: "implausible"; readonly raw: string }
  | { readonly kind: "invalid"; readonly raw: string };

/** `MM/DD/YYYY` (Effective/Expiration) or `YYYY-MM-DD` (Last_Update) → ISO day. */
function checkDate(raw: string, layout: "mdy" | "iso"): DateCheck {
  const text = raw.trim();
  if (text === "") return { kind: "empty" };
  const m = layout === "mdy" ? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text) : /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return { kind: "invalid", raw: text };
  const [year, month, day] = layout === "mdy" ? [m[3], m[1], m[2]] : [m[1], m[2], m[3]];
  if (!isCalendarDay(Number(year), Number(month), Number(day))) return { kind: "invalid", raw: text };
  if (Number(year) < EARLIEST_YEAR || Number(year) > LATEST_YEAR) return { kind: "implausible", raw: text };
  return { kind: "ok", date: `${year}-${month}-${day}` };
}

function readRows(listId: string, source: ListSource): { row: DplRow; line: number }[] {
  return readHeaderTable(listId, source, { columns: DPL_COLUMNS, delimiter: "\t", what: "tab-separated text with quoted fields", columnSet: "the 12 DPL columns" });
}

interface Group {
  readonly id: string;
  readonly rows: { row: DplRow; line: number }[];
}

/**
 * Builds a DPL driver; `strictDates` refuses implausible dates instead of keeping the row with
 * the date left out.
 * @example
 * createBisDplTxtLoader({ strictDates: true }).parse(sources, { listId: "bis-dpl" }).issues.length //=> 3
 */
export function createBisDplTxtLoader(options: BisDplTxtLoaderOptions = {}): ListLoader {
  const strictDates = options.strictDates ?? false;
  return {
    format: "bis-dpl-txt",
    listId: LIST_ID,
    publisher: "U.S. Department of Commerce, Bureau of Industry and Security",
    title: "Denied Persons List",
    detect(sources) {
      if (sources.length !== 1 || !sources[0]) return false;
      const firstLine = sniff(sources[0], 1024).replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
      const cells = firstLine.split("\t").map((c) => c.trim().replace(/^"|"$/g, ""));
      return cells[0] === "Name" && cells.includes("Effective_Date") && cells.includes("FR_Citation");
    },
    parse(sources, context): ParsedList {
      const listId = context.listId;
      if (sources.length !== 1 || !sources[0]) {
        throw new ListFormatError(listId, [{ field: "sources", expected: "exactly one dpl.txt file", received: `${sources.length} files` }]);
      }
      const file = sources[0];
      const fileName = baseName(file.name);
      const rows = readRows(listId, file);
      const issues: RecordIssue[] = [];
      const warnings: string[] = [];

      const groups = new Map<string, Group>();
      const keyById = new Map<string, string>();
      const seenRows = new Map<string, number>();
      for (const entry of rows) {
        const { row, line } = entry;
        if (squash(row.Name) === "") {
          issues.push({ field: "Name", expected: "a name", received: '""', line });
          continue;
        }
        const exact = JSON.stringify(DPL_COLUMNS.map((c) => row[c]));
        const earlier = seenRows.get(exact);
        if (earlier !== undefined) {
          warnings.push(`line ${line}: identical to line ${earlier}; kept once`);
          continue;
        }
        seenRows.set(exact, line);
        const key = groupKey(row.Name, row.Effective_Date, row.FR_Citation);
        const id = dplRecordId(row.Name, row.Effective_Date, row.FR_Citation);
        const otherKey = keyById.get(id);
        if (otherKey !== undefined && otherKey !== key) {
          // Two different denials with the same 64-bit id prefix: refuse rather than merge them.
          issues.push({ recordId: id, field: "id", expected: "a unique derived record id", received: `collision between "${otherKey}" and "${key}"`, line });
          continue;
        }
        keyById.set(id, key);
        const group = groups.get(key) ?? { id, rows: [] };
        group.rows.push(entry);
        groups.set(key, group);
      }

      let newest: string | undefined;
      const records: Designation[] = [];
      for (const group of groups.values()) {
        const record = mapGroup(group, { listId, fileName, strictDates, issues, warnings });
        if (!record) continue;
        records.push(record);
      }
      for (const { row, line } of rows) {
        const updated = checkDate(row.Last_Update, "iso");
        if (updated.kind === "ok" && (newest === undefined || updated.date > newest)) newest = updated.date;
        if (updated.kind === "invalid") {
          issues.push({ field: "Last_Update", expected: "a YYYY-MM-DD date that exists", received: JSON.stringify(updated.raw), line });
        }
      }
      return {
        records,
        ...(newest === undefined ? {} : { listDate: newest }),
        listDateSource: newest === undefined ? "none: no row has a plausible Last_Update" : "newest Last_Update",
        issues,
        warnings,
      };
    },
  };
}

interface GroupContext {
  readonly listId: string;
  readonly fileName: string;
  readonly strictDates: boolean;
  readonly issues: RecordIssue[];
  readonly warnings: string[];
}

function mapGroup(group: Group, ctx: GroupContext): Designation | undefined {
  const { id } = group;
  const names: Name[] = [];
  const addresses: Address[] = [];
  const remarks: string[] = [];
  const bases: LegalBasis[] = [];
  const basisKeys = new Map<string, LegalBasis>();
  const basisNotes = new Map<LegalBasis, string[]>();
  let failed = false;

  for (const { row, line } of group.rows) {
    const name = squash(row.Name);
    // A name that carries another ("PEARL (A.K.A. NEI-CHIEN CHU) LI"): each part is a name of its own.
    const published = publishedNames(name, names.length === 0 ? "primary" : "alias");
    if (published.carried && !remarks.includes(`Name as published: ${name}`)) remarks.push(`Name as published: ${name}`);
    for (const n of published.names) if (!names.some((x) => x.value === n.value)) names.push(n);

    const effective = checkDate(row.Effective_Date, "mdy");
    const expiration = checkDate(row.Expiration_Date, "mdy");
    const updated = checkDate(row.Last_Update, "iso");
    const notes: string[] = [];
    const dateFact = (check: DateCheck, column: "Effective_Date" | "Expiration_Date"): DatedFact | undefined => {
      if (check.kind === "empty") {
        if (column === "Effective_Date") {
          ctx.issues.push({ recordId: id, field: column, expected: "MM/DD/YYYY", received: '""', line });
          failed = true;
        }
        return undefined;
      }
      if (check.kind === "invalid") {
        ctx.issues.push({ recordId: id, field: column, expected: "an MM/DD/YYYY date that exists", received: JSON.stringify(check.raw), line });
        failed = true;
        return undefined;
      }
      if (check.kind === "implausible") {
        if (ctx.strictDates) {
          ctx.issues.push({ recordId: id, field: column, expected: `a year from ${EARLIEST_YEAR} to ${LATEST_YEAR}`, received: JSON.stringify(check.raw), line });
          failed = true;
        } else {
          ctx.warnings.push(`line ${line} ${id}: ${column} "${check.raw}" is not a plausible date; kept as text in the basis note, not used`);
          notes.push(`${column} "${check.raw}" as published: not a plausible date, not used`);
        }
        return undefined;
      }
      return { date: check.date, certainty: "stated", bound: "exact", source: `${ctx.fileName} ${column}` };
    };
    const listedOn = dateFact(effective, "Effective_Date");
    const endedOn = dateFact(expiration, "Expiration_Date");

    let updateNote: string | undefined;
    if (updated.kind === "ok") updateNote = `Last_Update ${updated.date}`;
    else if (updated.kind === "implausible") {
      if (ctx.strictDates) {
        ctx.issues.push({ recordId: id, field: "Last_Update", expected: `a year from ${EARLIEST_YEAR} to ${LATEST_YEAR}`, received: JSON.stringify(updated.raw), line });
        failed = true;
      } else {
        ctx.warnings.push(`line ${line} ${id}: Last_Update "${updated.raw}" is not a plausible date; kept as text, not used for the list date`);
      }
      updateNote = `Last_Update "${updated.raw}" as published (not a plausible date)`;
    }
    // invalid Last_Update is reported once per row by the caller.

    const standardOrder = row.Standard_Order.trim();
    const basisKey = JSON.stringify([listedOn?.date, endedOn?.date, notes, standardOrder]);
    let basis = basisKeys.get(basisKey);
    if (!basis) {
      basis = {
        regime: "US",
        list: "Denied Persons List",
        ...(listedOn ? { listedOn } : {}),
        ...(endedOn ? { endedOn } : {}),
        measures: ["denial of export privileges"],
        ...(squash(row.FR_Citation) ? { citation: squash(row.FR_Citation) } : {}),
      };
      // Standard_Order N: the order's terms differ from the standard denial order; read the order.
      basisNotes.set(basis, [...notes, ...(standardOrder ? [`Standard_Order ${standardOrder}`] : [])]);
      basisKeys.set(basisKey, basis);
      bases.push(basis);
    }
    const action = squash(row.Action);
    const noteParts = basisNotes.get(basis) ?? [];
    if (action && !noteParts.includes(`Action: ${action}`)) noteParts.push(`Action: ${action}`);

    const street = squash(row.Street_Address);
    const city = squash(row.City);
    const region = squash(row.State);
    const postalCode = squash(row.Postal_Code);
    const country = squash(row.Country);
    const full = [street, city, region, postalCode, country].filter((p) => p !== "").join(", ");
    if (full === "") {
      if (updateNote) remarks.push(updateNote);
      continue;
    }
    const address: Address = {
      full,
      ...(street ? { street } : {}),
      ...(city ? { city } : {}),
      ...(region ? { region } : {}),
      ...(postalCode ? { postalCode } : {}),
      ...(country ? (/^[A-Z]{2}$/.test(country) ? { country } : { countryName: country }) : {}),
      ...(updateNote ? { note: updateNote } : {}),
    };
    addresses.push(address);
  }
  if (failed) return undefined;
  for (const basis of bases) {
    const parts = basisNotes.get(basis) ?? [];
    if (parts.length > 0) basis.note = parts.join("; ");
  }
  return {
    id: `${ctx.listId}:${id}`,
    list: ctx.listId,
    sourceId: id,
    subject: { type: "unknown", names, addresses },
    bases,
    remarks,
  };
}

/**
 * The DPL text driver with default options.
 * @example
 * bisDplTxtLoader.listId //=> "bis-dpl"
 */
export const bisDplTxtLoader: ListLoader = createBisDplTxtLoader();
