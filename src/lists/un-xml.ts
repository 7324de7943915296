/**
 * UN Security Council Consolidated List, XML (`CONSOLIDATED_LIST`, schema
 * https://www.un.org/sc/resources/sc-sanctions.xsd): one record per INDIVIDUAL / ENTITY.
 *
 * Contract:
 * - sourceId is `REFERENCE_NUMBER` (e.g. `QDi.001`): the committee's permanent reference, unique
 *   across the file (checked on the 2026-02-27 file: 1,003 distinct values; DATAID is unique too
 *   but is a database key, kept in remarks). A repeated reference fails the load (duplicate id)
 *   rather than falling back to DATAID, so ids stay stable between vintages. Some references carry
 *   a trailing space in the file ("KPe.033 "); values are trimmed.
 * - Primary name is FIRST_NAME…FOURTH_NAME joined; `NAME_ORIGINAL_SCRIPT` and the aliases are
 *   split into single names (`A; B` lists, `Name (原名)`, mixed scripts) with their script.
 * - Alias QUALITY: Good / a.k.a. → alias, Low → weak-alias, f.k.a. → former.
 * - `LISTED_ON` is the stated listing date; the UN publishes no delisting date (a delisted record
 *   is absent from the next file).
 * - Anything the mapping does not know is kept in `remarks` and counted in `warnings`.
 */
import { isValidAsOf } from "../dates";
import type { RecordIssue } from "../errors";
import { ListFormatError } from "../errors";
import type { Address, DateValue, Designation, Identifier, IdentifierType, LegalBasis, Name, Place, SubjectType } from "../model";
import { countryCode } from "./country";
import { splitNameVariants } from "./detect-script";
import type { ListLoader, ParsedList } from "./loader";
import {
  flattenXml,
  parseXmlDocument,
  unknownKeys,
  xmlAttr,
  xmlChildren,
  xmlFirst,
  xmlTexts,
  type XmlNode,
} from "./parse-xml-document";
import { baseName, sniff, type ListSource, countWarning, tallyWarnings } from "./source";

const LIST_ID = "un-sc";

/**
 * Sanctions committee resolutions by `UN_LIST_TYPE`. The file names the committee's list, not the
 * resolution, so this table is the library's mapping (from the committees' pages on un.org):
 * Al-Qaida is the ISIL (Da'esh) and Al-Qaida Committee under resolutions 1267 (1999), 1989 (2011)
 * and 2253 (2015); Somalia is the committee created by 751 (1992), renamed by 2713 (2023).
 * Iran is resolved by {@link iranAuthority} because it changed twice.
 */
const AUTHORITY_BY_LIST_TYPE: Readonly<Record<string, string>> = {
  "Al-Qaida": "UNSCR 1267/1989/2253",
  Taliban: "UNSCR 1988",
  DPRK: "UNSCR 1718",
  Iraq: "UNSCR 1518",
  DRC: "UNSCR 1533",
  Libya: "UNSCR 1970",
  Somalia: "UNSCR 751/2713",
  CAR: "UNSCR 2127",
  Yemen: "UNSCR 2140",
  Haiti: "UNSCR 2653",
  GB: "UNSCR 2048",
  Sudan: "UNSCR 1591",
  SouthSudan: "UNSCR 2206",
};

/**
 * The Iran list is the 1737 (2006) Committee's list until implementation day of resolution 2231
 * (2016-01-16), the 2231 list until the snapback of 2025-09-28, and the restored 1737 list after.
 */
function iranAuthority(listDate: string | undefined): string | undefined {
  if (listDate === undefined) return undefined;
  const day = listDate.slice(0, 10);
  if (day < "2016-01-16" || day >= "2025-09-28") return "UNSCR 1737";
  return "UNSCR 2231";
}

const KIND_BY_QUALITY: Readonly<Record<string, Name["kind"]>> = {
  good: "alias",
  "a.k.a.": "alias",
  low: "weak-alias",
  "f.k.a.": "former",
};

const RECORD_KEYS = new Set([
  "DATAID",
  "VERSIONNUM",
  "FIRST_NAME",
  "SECOND_NAME",
  "THIRD_NAME",
  "FOURTH_NAME",
  "UN_LIST_TYPE",
  "REFERENCE_NUMBER",
  "LISTED_ON",
  "NAME_ORIGINAL_SCRIPT",
  "GENDER",
  "COMMENTS1",
  "DESIGNATION",
  "TITLE",
  "NATIONALITY",
  "LIST_TYPE",
  "LAST_DAY_UPDATED",
  "INDIVIDUAL_ALIAS",
  "ENTITY_ALIAS",
  "INDIVIDUAL_ADDRESS",
  "ENTITY_ADDRESS",
  "INDIVIDUAL_DATE_OF_BIRTH",
  "INDIVIDUAL_PLACE_OF_BIRTH",
  "INDIVIDUAL_DOCUMENT",
  "SORT_KEY",
  "SORT_KEY_LAST_MOD",
]);
const ALIAS_KEYS = new Set(["QUALITY", "ALIAS_NAME", "NOTE", "DATE_OF_BIRTH", "CITY_OF_BIRTH", "COUNTRY_OF_BIRTH"]);
const ADDRESS_KEYS = new Set(["STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY", "NOTE"]);
const DOB_KEYS = new Set(["TYPE_OF_DATE", "DATE", "YEAR", "FROM_YEAR", "TO_YEAR", "NOTE"]);
const POB_KEYS = new Set(["STREET", "CITY", "STATE_PROVINCE", "COUNTRY", "NOTE"]);
const DOCUMENT_KEYS = new Set([
  "TYPE_OF_DOCUMENT",
  "TYPE_OF_DOCUMENT2",
  "NUMBER",
  "ISSUING_COUNTRY",
  "COUNTRY_OF_ISSUE",
  "CITY_OF_ISSUE",
  "DATE_OF_ISSUE",
  "NOTE",
]);

const MONTHS: Readonly<Record<string, string>> = {
  jan: "01",
  feb: "02",
  mar: "03",
  apr: "04",
  may: "05",
  jun: "06",
  jul: "07",
  aug: "08",
  sep: "09",
  oct: "10",
  nov: "11",
  dec: "12",
};
const MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";

/** Per-file state: issues, warning tallies and the facts every record needs. */
interface Context {
  readonly listId: string;
  readonly file: string;
  readonly listDate: string | undefined;
  readonly issues: RecordIssue[];
  readonly tally: Map<string, number>;
}

function warn(ctx: Context, message: string): void {
  countWarning(ctx.tally, message);
}

function isYear(value: string): boolean {
  return /^\d{4}$/.test(value);
}

/** ISO code for a UN country name, or undefined ("former Soviet Union" stays text: no current code). */
function unCountryCode(name: string): string | undefined {
  return countryCode(name);
}

function countryFields(name: string | undefined): { country?: string; countryName?: string } {
  if (name === undefined) return {};
  const code = unCountryCode(name);
  return code === undefined ? { countryName: name } : { country: code };
}

function issue(ctx: Context, recordId: string, field: string, expected: string, received: string | undefined): void {
  ctx.issues.push({ recordId, field, expected, received: received === undefined ? "nothing" : JSON.stringify(received) });
}

/** Reads one INDIVIDUAL_DATE_OF_BIRTH into date values; unreadable notes go to remarks. */
function mapBirthDate(ctx: Context, ref: string, node: XmlNode, remarks: string[]): DateValue[] {
  const type = (xmlFirst(node, "TYPE_OF_DATE") ?? "").toUpperCase();
  const date = xmlFirst(node, "DATE");
  const year = xmlFirst(node, "YEAR");
  const fromYear = xmlFirst(node, "FROM_YEAR");
  const toYear = xmlFirst(node, "TO_YEAR");
  let note = xmlFirst(node, "NOTE");
  if (!["", "EXACT", "APPROXIMATELY", "BETWEEN"].includes(type)) {
    issue(ctx, ref, "INDIVIDUAL_DATE_OF_BIRTH.TYPE_OF_DATE", "EXACT, APPROXIMATELY or BETWEEN", type);
    return [];
  }
  let circa = type === "APPROXIMATELY";
  if (note !== undefined && /^approximately\.?$/i.test(note)) {
    circa = true;
    note = undefined;
  }
  const values: DateValue[] = [];
  const point = (d: string): DateValue => (circa ? { from: d, to: d, circa: true } : d);
  if (date !== undefined) {
    if (!isValidAsOf(date)) issue(ctx, ref, "INDIVIDUAL_DATE_OF_BIRTH.DATE", "YYYY-MM-DD", date);
    else values.push(point(date));
  }
  if (year !== undefined) {
    if (!isYear(year)) {
      issue(ctx, ref, "INDIVIDUAL_DATE_OF_BIRTH.YEAR", "YYYY", year);
    } else {
      // "Sep." beside YEAR 1958 is the month of that year.
      const month = note === undefined ? undefined : new RegExp(`^${MONTH}$`, "i").exec(note)?.[1];
      if (month !== undefined) note = undefined;
      values.push(point(month === undefined ? year : `${year}-${MONTHS[month.toLowerCase()]}`));
    }
  }
  if (fromYear !== undefined || toYear !== undefined) {
    if (fromYear === undefined || toYear === undefined || !isYear(fromYear) || !isYear(toYear) || fromYear > toYear) {
      issue(ctx, ref, "INDIVIDUAL_DATE_OF_BIRTH.FROM_YEAR/TO_YEAR", "two years, FROM ≤ TO", `${fromYear ?? ""}–${toYear ?? ""}`);
    } else {
      values.push(circa ? { from: fromYear, to: toYear, circa: true } : { from: fromYear, to: toYear });
    }
  }
  if (note !== undefined && values.length === 0) {
    // The UN writes some dates only as text: "Nov. 1973", "Between Aug. and Sep. 1977".
    const monthYear = new RegExp(`^(?:(\\d{1,2})\\s+)?${MONTH}\\s+(\\d{4})$`, "i").exec(note);
    const between = new RegExp(`^between\\s+${MONTH}\\s+and\\s+${MONTH}\\s+(\\d{4})$`, "i").exec(note);
    if (monthYear) {
      const [, day, mon, y] = monthYear;
      const ym = `${y}-${MONTHS[(mon ?? "").toLowerCase()]}`;
      const full = day === undefined ? ym : `${ym}-${day.padStart(2, "0")}`;
      if (day === undefined || isValidAsOf(full)) {
        values.push(point(full));
        note = undefined;
      }
    } else if (between) {
      const [, m1, m2, y] = between;
      values.push({ from: `${y}-${MONTHS[(m1 ?? "").toLowerCase()]}`, to: `${y}-${MONTHS[(m2 ?? "").toLowerCase()]}` });
      note = undefined;
    }
  }
  if (note !== undefined) {
    const read = values.map((v) => (typeof v === "string" ? v : `${v.from}–${v.to}`)).join(", ");
    remarks.push(`Date of birth${read ? ` ${read}` : ""}${type ? ` (${type})` : ""}: ${note}`);
    if (values.length === 0) warn(ctx, "date-of-birth notes that are not dates kept in remarks (e.g. Hijri dates, ages)");
  }
  return values;
}

function mapPlace(node: XmlNode): Place | undefined {
  const street = xmlFirst(node, "STREET");
  const city = xmlFirst(node, "CITY");
  const region = xmlFirst(node, "STATE_PROVINCE");
  const note = xmlFirst(node, "NOTE");
  const parts = [street, city, region].filter((p): p is string => p !== undefined);
  const unique = parts.filter((p, i) => parts.indexOf(p) === i);
  let place = unique.join(", ");
  if (note !== undefined) place = place ? `${place} (${note})` : note;
  const country = countryFields(xmlFirst(node, "COUNTRY"));
  if (!place && country.country === undefined && country.countryName === undefined) return undefined;
  return { ...(place ? { place } : {}), ...country };
}

function mapAddress(node: XmlNode): Address | undefined {
  const street = xmlFirst(node, "STREET");
  const city = xmlFirst(node, "CITY");
  const region = xmlFirst(node, "STATE_PROVINCE");
  const postalCode = xmlFirst(node, "ZIP_CODE");
  const note = xmlFirst(node, "NOTE");
  const country = countryFields(xmlFirst(node, "COUNTRY"));
  const hasParts = [street, city, region, postalCode, country.country, country.countryName].some((v) => v !== undefined);
  if (!hasParts && note === undefined) return undefined;
  return {
    ...(street === undefined ? {} : { street }),
    ...(city === undefined ? {} : { city }),
    ...(region === undefined ? {} : { region }),
    ...(postalCode === undefined ? {} : { postalCode }),
    ...country,
    // A NOTE alone is the address as free text ("Office …, Peshawar, Pakistan").
    ...(note === undefined ? {} : hasParts ? { note } : { full: note }),
  };
}

function documentType(type: string | undefined, type2: string | undefined): IdentifierType {
  const detail = (type2 ?? "").toLowerCase();
  if (/passport/.test(detail)) return "passport";
  if (/ration card|birth certificate|student|voter|social security|military|residential|certificate of/.test(detail)) return "other";
  const main = (type ?? "").toLowerCase();
  if (/passport|pasaporte|passeport/.test(main)) return "passport";
  if (/national identification/.test(main)) return "national-id";
  return "other";
}

/** Maps one INDIVIDUAL_DOCUMENT; a document without NUMBER is kept as a remark. */
function mapDocument(ctx: Context, ref: string, node: XmlNode, remarks: string[]): Identifier | undefined {
  const type = xmlFirst(node, "TYPE_OF_DOCUMENT");
  const type2 = xmlFirst(node, "TYPE_OF_DOCUMENT2");
  const number = xmlFirst(node, "NUMBER");
  const issuing = xmlFirst(node, "ISSUING_COUNTRY");
  const countryOfIssue = xmlFirst(node, "COUNTRY_OF_ISSUE");
  const city = xmlFirst(node, "CITY_OF_ISSUE");
  const issued = xmlFirst(node, "DATE_OF_ISSUE");
  const note = xmlFirst(node, "NOTE");
  if ([type, type2, number, issuing, countryOfIssue, city, issued, note].every((v) => v === undefined)) return undefined;
  if (number === undefined) {
    remarks.push(`Document: ${flattenXml(node)}`);
    warn(ctx, "documents without NUMBER kept in remarks");
    return undefined;
  }
  const notes: string[] = [];
  if (countryOfIssue !== undefined && countryOfIssue !== issuing) notes.push(`country of issue: ${countryOfIssue}`);
  if (city !== undefined) notes.push(`issued in ${city}`);
  if (issued !== undefined && !isValidAsOf(issued)) issue(ctx, ref, "INDIVIDUAL_DOCUMENT.DATE_OF_ISSUE", "YYYY-MM-DD", issued);
  if (note !== undefined) notes.push(note);
  const label = [type, type2].filter((t): t is string => t !== undefined && !/^(number|no\.?):?$/i.test(t)).join(" / ");
  return {
    type: documentType(type, type2),
    value: number,
    ...(label ? { label } : {}),
    ...countryFields(issuing ?? countryOfIssue),
    ...(issued !== undefined && isValidAsOf(issued) ? { issued } : {}),
    ...(notes.length > 0 ? { note: notes.join("; ") } : {}),
  };
}

function pushName(names: Name[], name: Name): void {
  if (names.some((n) => n.value === name.value && n.kind === name.kind && (n.originalScript ?? false) === (name.originalScript ?? false))) return;
  names.push(name);
}

function variantNames(raw: string, kind: Name["kind"], forceOriginal = false): Name[] {
  return splitNameVariants(raw).map((v) => {
    const original = forceOriginal || v.originalScript;
    return {
      value: v.value,
      kind,
      originalScript: original,
      ...(original && v.script !== undefined ? { script: v.script } : {}),
    };
  });
}

/** Maps one INDIVIDUAL or ENTITY element to a designation (undefined when it has no usable id). */
function mapRecord(ctx: Context, node: XmlNode, type: SubjectType): Designation | undefined {
  const dataId = xmlFirst(node, "DATAID");
  const ref = xmlFirst(node, "REFERENCE_NUMBER");
  if (ref === undefined) {
    ctx.issues.push({ ...(dataId === undefined ? {} : { recordId: `DATAID ${dataId}` }), field: "REFERENCE_NUMBER", expected: "a reference number", received: "nothing" });
    return undefined;
  }
  const remarks: string[] = [];
  const names: Name[] = [];

  const nameParts = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"].map((k) => xmlFirst(node, k)).filter((p): p is string => p !== undefined);
  const primaryVariants = splitNameVariants(nameParts.join(" "));
  const [first, ...others] = primaryVariants;
  if (first === undefined) {
    issue(ctx, ref, "FIRST_NAME", "a name", undefined);
  } else {
    // The UN does not say which part is the family name: FIRST_NAME is kept as given, the later
    // parts in order as family (for "ERIC BADEGE" that is right; for patronymic names it is a guess).
    const [given, ...rest] = nameParts;
    names.push({
      value: first.value,
      kind: "primary",
      originalScript: first.originalScript,
      ...(first.originalScript && first.script !== undefined ? { script: first.script } : {}),
      ...(type === "person" && given !== undefined && others.length === 0 ? { parts: { given: [given], ...(rest.length > 0 ? { family: rest } : {}) } } : {}),
    });
    // "COMPAGNIE AERIENNE DES GRANDS LACS (CAGL) ; GREAT LAKES BUSINESS COMPANY (GLBC)": the first
    // name is the primary, the others are aliases.
    for (const v of others) {
      pushName(names, { value: v.value, kind: "alias", originalScript: v.originalScript, ...(v.originalScript && v.script !== undefined ? { script: v.script } : {}) });
    }
  }
  // NAME_ORIGINAL_SCRIPT is the publisher's original-script form, flagged as such even in the one
  // record where it is Latin ("JAMAAH ANSHARUT DAULAH").
  for (const raw of xmlTexts(node, "NAME_ORIGINAL_SCRIPT")) for (const n of variantNames(raw, "alias", true)) pushName(names, n);

  const birthDates: DateValue[] = [];
  const birthPlaces: Place[] = [];
  const addDate = (d: DateValue): void => {
    if (!birthDates.some((x) => JSON.stringify(x) === JSON.stringify(d))) birthDates.push(d);
  };
  const addPlace = (p: Place): void => {
    if (!birthPlaces.some((x) => JSON.stringify(x) === JSON.stringify(p))) birthPlaces.push(p);
  };

  for (const aliasKey of ["INDIVIDUAL_ALIAS", "ENTITY_ALIAS"]) {
    for (const alias of xmlChildren(node, aliasKey)) {
      const raw = xmlFirst(alias, "ALIAS_NAME");
      const quality = xmlFirst(alias, "QUALITY");
      const extra = unknownKeys(alias, ALIAS_KEYS);
      if (extra.length > 0) {
        remarks.push(`${aliasKey}: ${flattenXml(alias)}`);
        warn(ctx, `unknown ${aliasKey} elements kept in remarks (${extra.join(", ")})`);
      }
      if (raw === undefined) {
        // Nothing to keep: an empty <ALIAS_NAME/> (with or without QUALITY) is the UN's empty alias.
        if (quality !== undefined) warn(ctx, `${aliasKey} with QUALITY but no ALIAS_NAME (skipped)`);
        continue;
      }
      let kind: Name["kind"] = "alias";
      if (quality === undefined) {
        warn(ctx, "aliases without QUALITY read as strong aliases");
      } else {
        const mapped = KIND_BY_QUALITY[quality.toLowerCase()];
        if (mapped === undefined) issue(ctx, ref, `${aliasKey}.QUALITY`, "Good, Low, a.k.a. or f.k.a.", quality);
        else kind = mapped;
      }
      // "Safia Farkash Mohammed Al-Hadad, born 1 Jan. 1953 (Oman passport …)": the name ends at
      // ", born"; the whole text is kept in remarks.
      const born = /^(.*?),\s*born\b/i.exec(raw);
      if (born?.[1] !== undefined) remarks.push(`Alias "${raw}"`);
      for (const n of variantNames(born?.[1] ?? raw, kind)) pushName(names, n);
      const note = xmlFirst(alias, "NOTE");
      const scriptNote = note === undefined ? undefined : /\bscript\s*:\s*(.+)$/i.exec(note)?.[1];
      if (scriptNote !== undefined) {
        // "in Arabic script: شركة الكوثر": the note is another name of the subject.
        for (const n of variantNames(scriptNote, kind, true)) pushName(names, n);
      }
      if (note !== undefined) remarks.push(`Alias "${raw}": ${note}`);
      // Some aliases carry their own date and place of birth (false identities).
      const aliasDob = xmlFirst(alias, "DATE_OF_BIRTH");
      const cityOfBirth = xmlFirst(alias, "CITY_OF_BIRTH");
      const countryOfBirth = xmlFirst(alias, "COUNTRY_OF_BIRTH");
      if (aliasDob !== undefined) {
        if (isValidAsOf(aliasDob) || isYear(aliasDob)) addDate(aliasDob);
        else issue(ctx, ref, `${aliasKey}.DATE_OF_BIRTH`, "YYYY-MM-DD or YYYY", aliasDob);
      }
      if (cityOfBirth !== undefined || countryOfBirth !== undefined) {
        addPlace({ ...(cityOfBirth === undefined ? {} : { place: cityOfBirth }), ...countryFields(countryOfBirth) });
      }
      if (aliasDob !== undefined || cityOfBirth !== undefined || countryOfBirth !== undefined) {
        remarks.push(`Alias "${raw}": born ${[aliasDob, cityOfBirth, countryOfBirth].filter((v) => v !== undefined).join(", ")}`);
      }
    }
  }

  for (const dob of xmlChildren(node, "INDIVIDUAL_DATE_OF_BIRTH")) {
    const extra = unknownKeys(dob, DOB_KEYS);
    if (extra.length > 0) {
      remarks.push(`INDIVIDUAL_DATE_OF_BIRTH: ${flattenXml(dob)}`);
      warn(ctx, `unknown INDIVIDUAL_DATE_OF_BIRTH elements kept in remarks (${extra.join(", ")})`);
    }
    for (const d of mapBirthDate(ctx, ref, dob, remarks)) addDate(d);
  }
  for (const pob of xmlChildren(node, "INDIVIDUAL_PLACE_OF_BIRTH")) {
    const extra = unknownKeys(pob, POB_KEYS);
    if (extra.length > 0) {
      remarks.push(`INDIVIDUAL_PLACE_OF_BIRTH: ${flattenXml(pob)}`);
      warn(ctx, `unknown INDIVIDUAL_PLACE_OF_BIRTH elements kept in remarks (${extra.join(", ")})`);
    }
    const place = mapPlace(pob);
    if (place) addPlace(place);
  }

  const identifiers: Identifier[] = [];
  for (const doc of xmlChildren(node, "INDIVIDUAL_DOCUMENT")) {
    const extra = unknownKeys(doc, DOCUMENT_KEYS);
    if (extra.length > 0) {
      remarks.push(`INDIVIDUAL_DOCUMENT: ${flattenXml(doc)}`);
      warn(ctx, `unknown INDIVIDUAL_DOCUMENT elements kept in remarks (${extra.join(", ")})`);
    }
    const id = mapDocument(ctx, ref, doc, remarks);
    if (id) identifiers.push(id);
  }

  const addresses: Address[] = [];
  for (const key of ["INDIVIDUAL_ADDRESS", "ENTITY_ADDRESS"]) {
    for (const a of xmlChildren(node, key)) {
      const extra = unknownKeys(a, ADDRESS_KEYS);
      if (extra.length > 0) {
        remarks.push(`${key}: ${flattenXml(a)}`);
        warn(ctx, `unknown ${key} elements kept in remarks (${extra.join(", ")})`);
      }
      const address = mapAddress(a);
      if (address) addresses.push(address);
    }
  }

  const values = (key: string): string[] => xmlChildren(node, key).flatMap((n) => xmlTexts(n, "VALUE"));
  const nationalities = values("NATIONALITY").map((n) => unCountryCode(n) ?? n);
  const titles = values("TITLE");
  const positions = values("DESIGNATION");
  const listTypes = values("LIST_TYPE");

  const genderText = xmlFirst(node, "GENDER");
  let gender: "male" | "female" | undefined;
  if (genderText !== undefined) {
    if (/^male$/i.test(genderText)) gender = "male";
    else if (/^female$/i.test(genderText)) gender = "female";
    else remarks.push(`Gender: ${genderText}`);
  }

  const comments = xmlFirst(node, "COMMENTS1");
  if (comments !== undefined) remarks.push(comments);
  const updated = values("LAST_DAY_UPDATED");
  if (updated.length > 0) remarks.push(`Last updated: ${updated.join(", ")}`);
  remarks.push(`UN DATAID ${dataId ?? "(none)"}${xmlFirst(node, "VERSIONNUM") === undefined ? "" : `, version ${xmlFirst(node, "VERSIONNUM")}`}`);
  for (const key of ["SORT_KEY", "SORT_KEY_LAST_MOD"]) {
    const v = xmlFirst(node, key);
    if (v !== undefined) remarks.push(`${key}: ${v}`);
  }
  for (const key of unknownKeys(node, RECORD_KEYS)) {
    const text = flattenXml(node[key]);
    if (text === "") continue;
    remarks.push(`${key}: ${text}`);
    warn(ctx, `unknown element ${key} kept in remarks`);
  }

  const program = xmlFirst(node, "UN_LIST_TYPE");
  if (program === undefined) warn(ctx, "records without UN_LIST_TYPE (basis has no programme)");
  const authority = program === undefined ? undefined : program === "Iran" ? iranAuthority(ctx.listDate) : AUTHORITY_BY_LIST_TYPE[program];
  if (program !== undefined && authority === undefined) warn(ctx, `UN_LIST_TYPE "${program}" has no known resolution (authority left empty)`);

  const listedRaw = xmlFirst(node, "LISTED_ON");
  // A few LISTED_ON values carry a time-zone offset (xs:date "2015-03-27-04:00"); the date is kept.
  const listed = listedRaw === undefined ? undefined : /^(\d{4}-\d{2}-\d{2})(Z|[+-]\d{2}:\d{2})?$/.exec(listedRaw);
  if (listedRaw === undefined) warn(ctx, "records without LISTED_ON");
  else if (!listed || !isValidAsOf(listed[1] ?? "")) issue(ctx, ref, "LISTED_ON", "YYYY-MM-DD", listedRaw);

  const basis: LegalBasis = {
    regime: "UN",
    ...(authority === undefined ? {} : { authority }),
    ...(program === undefined ? {} : { program }),
    ...(listTypes[0] === undefined ? {} : { list: listTypes.join("; ") }),
    ...(listed?.[1] !== undefined && isValidAsOf(listed[1])
      ? {
          listedOn: {
            date: listed[1],
            certainty: "stated" as const,
            bound: "exact" as const,
            source: `${ctx.file} ${ref} LISTED_ON`,
            ...(listed[2] === undefined ? {} : { note: `published as "${listedRaw}" (with a time-zone offset)` }),
          },
        }
      : {}),
    measures: [],
  };

  return {
    id: `${ctx.listId}:${ref}`,
    list: ctx.listId,
    sourceId: ref,
    subject: {
      type,
      names,
      identifiers,
      birthDates,
      birthPlaces,
      nationalities,
      addresses,
      ...(gender === undefined ? {} : { gender }),
      titles,
      positions,
    },
    bases: [basis],
    remarks,
  };
}

function parseUnXml(sources: readonly ListSource[], listId: string): ParsedList {
  const source = sources[0];
  if (sources.length !== 1 || source === undefined) {
    throw new ListFormatError(listId, [{ field: "sources", expected: "one consolidated.xml file", received: `${sources.length} files` }], {
      summary: "wrong number of files",
    });
  }
  const doc = parseXmlDocument(listId, source);
  if (doc.rootName !== "CONSOLIDATED_LIST" || (doc.root["INDIVIDUALS"] === undefined && doc.root["ENTITIES"] === undefined)) {
    throw new ListFormatError(
      listId,
      [{ field: `${source.name} root element`, expected: "<CONSOLIDATED_LIST> with <INDIVIDUALS> and <ENTITIES>", received: `<${doc.rootName}>` }],
      { summary: "not a UN Security Council consolidated list" },
    );
  }
  const dateGenerated = xmlAttr(doc.root, "dateGenerated");
  const issues: RecordIssue[] = [];
  const ctx: Context = {
    listId,
    file: baseName(source.name),
    listDate: dateGenerated,
    issues,
    tally: new Map(),
  };
  if (dateGenerated !== undefined && !/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(dateGenerated)) {
    issues.push({ field: "CONSOLIDATED_LIST@dateGenerated", expected: "an ISO 8601 date or timestamp", received: JSON.stringify(dateGenerated) });
  }
  const records: Designation[] = [];
  const groups: readonly [string, string, SubjectType][] = [
    ["INDIVIDUALS", "INDIVIDUAL", "person"],
    ["ENTITIES", "ENTITY", "organization"],
  ];
  for (const [groupKey, itemKey, type] of groups) {
    for (const group of xmlChildren(doc.root, groupKey)) {
      for (const key of unknownKeys(group, new Set([itemKey]))) warn(ctx, `unknown element ${groupKey}/${key} ignored`);
      for (const node of xmlChildren(group, itemKey)) {
        const record = mapRecord(ctx, node, type);
        if (record) records.push(record);
      }
    }
  }
  for (const key of unknownKeys(doc.root, new Set(["INDIVIDUALS", "ENTITIES"]))) {
    if (!key.startsWith("@_")) warn(ctx, `unknown element CONSOLIDATED_LIST/${key} ignored`);
  }
  const warnings = [...doc.warnings, ...tallyWarnings(ctx.tally)];
  if (dateGenerated === undefined) warnings.push("CONSOLIDATED_LIST has no dateGenerated: list date unknown");
  return {
    records,
    ...(dateGenerated === undefined ? {} : { listDate: dateGenerated }),
    listDateSource: dateGenerated === undefined ? "CONSOLIDATED_LIST@dateGenerated missing" : "CONSOLIDATED_LIST@dateGenerated",
    issues,
    warnings,
  };
}

/**
 * Driver for the UN Security Council Consolidated List XML (`consolidated.xml`).
 * @example
 * loadList([{ name: "consolidated.xml", data: bytes }], { format: "un-xml" }).metadata.recordCount //=> 1003
 */
export const unXmlLoader: ListLoader = {
  format: "un-xml",
  listId: LIST_ID,
  publisher: "United Nations Security Council",
  title: "UN Security Council Consolidated List",
  detect: (sources) => sources.length === 1 && sources[0] !== undefined && /<CONSOLIDATED_LIST[\s>/]/.test(sniff(sources[0], 2048)),
  parse: (sources, context) => parseUnXml(sources, context.listId),
};
