/**
 * EU Consolidated Financial Sanctions List (FSF), XML 1.1 layout: root `<export generationDate>`
 * in namespace `http://eu.europa.ec/fpi/fsd/export`, one `<sanctionEntity>` per subject.
 *
 * Contract:
 * - sourceId is `sanctionEntity@logicalId`, the FSF's record key. `euReferenceNumber` (EU.xxxx.yy)
 *   is not used: the only file at hand repeats one (EU.4009.74), and in that file the two entities
 *   share logicalId 5468 too, so it fails the load as a duplicate id (fail closed; see the
 *   tests). euReferenceNumber and unitedNationId are kept in remarks; unitedNationId also links
 *   the UN record in `sameAs` (`un-sc:<ref>`).
 * - `designationDate` is the stated listing date. Each `<regulation>` gives one basis: programme,
 *   act number (authority), and the act's publication / entry-into-force dates in the citation.
 * - Names: the first strong Latin-script nameAlias is primary; `strong="false"` → weak-alias;
 *   non-Latin names are flagged originalScript with their detected script; nameLanguage → lang.
 * - Per-item `regulationSummary` elements (which act added a name or address) are not mapped;
 *   unknown elements and attributes are kept in remarks and counted in warnings.
 */
import { isValidAsOf } from "../dates";
import type { RecordIssue } from "../errors";
import { ListFormatError } from "../errors";
import type { Address, DateValue, Designation, Identifier, IdentifierType, LegalBasis, Name, Place, SubjectType } from "../model";
import { countryCode } from "./country";
import { detectScript } from "./detect-script";
import type { ListLoader, ParsedList } from "./loader";
import { countElements, flattenXml, parseXmlDocument, unknownKeys, xmlAttr, xmlChildren, xmlTexts, type XmlNode } from "./parse-xml-document";
import { baseName, sniff, type ListSource, countWarning, tallyWarnings } from "./source";

const LIST_ID = "eu-fsf";

const SUBJECT_TYPES: Readonly<Record<string, SubjectType>> = { person: "person", enterprise: "organization" };

const ENTITY_KEYS = new Set([
  "@_designationDate",
  "@_designationDetails",
  "@_unitedNationId",
  "@_euReferenceNumber",
  "@_logicalId",
  "regulation",
  "subjectType",
  "nameAlias",
  "citizenship",
  "birthdate",
  "identification",
  "address",
  "remark",
]);
/** Attributes every item carries that need no mapping. */
const COMMON_ITEM_KEYS = ["@_regulationLanguage", "@_logicalId", "regulationSummary", "remark"];
const NAME_KEYS = new Set([
  ...COMMON_ITEM_KEYS,
  "@_firstName",
  "@_middleName",
  "@_lastName",
  "@_wholeName",
  "@_function",
  "@_gender",
  "@_title",
  "@_nameLanguage",
  "@_strong",
]);
const CITIZENSHIP_KEYS = new Set([...COMMON_ITEM_KEYS, "@_region", "@_countryIso2Code", "@_countryDescription"]);
const BIRTH_KEYS = new Set([
  ...COMMON_ITEM_KEYS,
  "@_circa",
  "@_calendarType",
  "@_city",
  "@_zipCode",
  "@_birthdate",
  "@_dayOfMonth",
  "@_monthOfYear",
  "@_year",
  "@_yearRangeFrom",
  "@_yearRangeTo",
  "@_region",
  "@_place",
  "@_countryIso2Code",
  "@_countryDescription",
]);
const IDENTIFICATION_KEYS = new Set([
  ...COMMON_ITEM_KEYS,
  "@_diplomatic",
  "@_knownExpired",
  "@_knownFalse",
  "@_reportedLost",
  "@_revokedByIssuer",
  "@_issuedBy",
  "@_latinNumber",
  "@_nameOnDocument",
  "@_number",
  "@_region",
  "@_countryIso2Code",
  "@_countryDescription",
  "@_identificationTypeCode",
  "@_identificationTypeDescription",
  "@_issueDate",
  "@_validFrom",
  "@_validTo",
]);
const ADDRESS_KEYS = new Set([
  ...COMMON_ITEM_KEYS,
  "@_city",
  "@_street",
  "@_poBox",
  "@_zipCode",
  "@_region",
  "@_place",
  "@_asAtListingTime",
  "@_countryIso2Code",
  "@_countryDescription",
]);
const REGULATION_KEYS = new Set([
  "@_regulationType",
  "@_organisationType",
  "@_publicationDate",
  "@_entryIntoForceDate",
  "@_numberTitle",
  "@_programme",
  "@_logicalId",
  "publicationUrl",
]);

interface Context {
  readonly listId: string;
  readonly file: string;
  readonly issues: RecordIssue[];
  readonly tally: Map<string, number>;
}

function warn(ctx: Context, message: string): void {
  countWarning(ctx.tally, message);
}

/** A date attribute that must be `YYYY-MM-DD` when present; a bad one is an issue. */
function dateAttr(ctx: Context, recordId: string, node: XmlNode, name: string, where: string): string | undefined {
  const value = xmlAttr(node, name);
  if (value === undefined) return undefined;
  if (isValidAsOf(value)) return value;
  ctx.issues.push({ recordId, field: `${where}@${name}`, expected: "YYYY-MM-DD", received: JSON.stringify(value) });
  return undefined;
}

/** FSF country: ISO code unless "00" (unknown); otherwise the description as text. */
function countryFields(node: XmlNode): { country?: string; countryName?: string } {
  const iso = xmlAttr(node, "countryIso2Code");
  const description = xmlAttr(node, "countryDescription");
  if (iso !== undefined && /^[A-Z]{2}$/.test(iso)) return { country: iso };
  if (description === undefined || /^unknown$/i.test(description)) return {};
  const code = countryCode(description);
  return code === undefined ? { countryName: description } : { country: code };
}

/** Unknown attributes or children of an item, as "name=value" text, counted in warnings. */
function leftovers(ctx: Context, node: XmlNode, known: ReadonlySet<string>, element: string): string | undefined {
  const extra = unknownKeys(node, known).filter((k) => flattenXml(node[k]) !== "");
  if (extra.length === 0) return undefined;
  warn(ctx, `unknown ${element} fields kept in remarks (${extra.map((k) => k.replace(/^@_/, "@")).join(", ")})`);
  return extra.map((k) => `${k.replace(/^@_/, "")}=${flattenXml(node[k])}`).join("; ");
}

function remarksOf(node: XmlNode): string[] {
  return xmlTexts(node, "remark");
}

function mapBirth(ctx: Context, id: string, node: XmlNode, remarks: string[]): { date?: DateValue; place?: Place } {
  const circa = xmlAttr(node, "circa") === "true";
  const full = dateAttr(ctx, id, node, "birthdate", "birthdate");
  const year = xmlAttr(node, "year");
  const month = xmlAttr(node, "monthOfYear");
  const day = xmlAttr(node, "dayOfMonth");
  const rangeFrom = xmlAttr(node, "yearRangeFrom");
  const rangeTo = xmlAttr(node, "yearRangeTo");
  let date: DateValue | undefined;
  if (full !== undefined) {
    date = full;
  } else if (year !== undefined) {
    if (!/^\d{4}$/.test(year)) {
      ctx.issues.push({ recordId: id, field: "birthdate@year", expected: "YYYY", received: JSON.stringify(year) });
    } else if (month !== undefined && /^\d{1,2}$/.test(month) && Number(month) >= 1 && Number(month) <= 12) {
      const ym = `${year}-${month.padStart(2, "0")}`;
      const ymd = day !== undefined && /^\d{1,2}$/.test(day) ? `${ym}-${day.padStart(2, "0")}` : undefined;
      date = ymd !== undefined && isValidAsOf(ymd) ? ymd : ym;
    } else {
      date = year;
    }
  } else if (rangeFrom !== undefined && rangeTo !== undefined && /^\d{4}$/.test(rangeFrom) && /^\d{4}$/.test(rangeTo) && rangeFrom <= rangeTo) {
    date = { from: rangeFrom, to: rangeTo };
  } else if (rangeFrom !== undefined || rangeTo !== undefined) {
    ctx.issues.push({ recordId: id, field: "birthdate@yearRangeFrom/To", expected: "two years, from ≤ to", received: `${rangeFrom ?? ""}–${rangeTo ?? ""}` });
  }
  if (date !== undefined && circa) date = typeof date === "string" ? { from: date, to: date, circa: true } : { ...date, circa: true };
  const calendar = xmlAttr(node, "calendarType");
  if (calendar !== undefined && calendar !== "GREGORIAN") remarks.push(`Birth date in ${calendar} calendar: ${flattenXml(node)}`);
  // city="-" is the FSF's "no city".
  const parts = [xmlAttr(node, "place"), xmlAttr(node, "city"), xmlAttr(node, "region"), xmlAttr(node, "zipCode")].filter(
    (p): p is string => p !== undefined && p !== "-",
  );
  const country = countryFields(node);
  const place: Place | undefined =
    parts.length > 0 || country.country !== undefined || country.countryName !== undefined ? { ...(parts.length > 0 ? { place: parts.join(", ") } : {}), ...country } : undefined;
  for (const r of remarksOf(node)) remarks.push(`Birth date: ${r}`);
  const extra = leftovers(ctx, node, BIRTH_KEYS, "birthdate");
  if (extra !== undefined) remarks.push(`Birth date: ${extra}`);
  return { ...(date === undefined ? {} : { date }), ...(place === undefined ? {} : { place }) };
}

function identifierType(code: string | undefined): IdentifierType {
  switch ((code ?? "").toLowerCase()) {
    case "passport":
      return "passport";
    case "id":
    case "nationalid":
      return "national-id";
    case "fiscalcode":
    case "tin":
      return "tax-id";
    case "regnumber":
    case "companyreg":
      return "registration";
    case "swiftbic":
      return "swift-bic";
    case "imo":
      return "imo";
    default:
      return "other";
  }
}

function mapIdentification(ctx: Context, id: string, node: XmlNode, remarks: string[]): Identifier | undefined {
  const number = xmlAttr(node, "number") ?? xmlAttr(node, "latinNumber");
  const code = xmlAttr(node, "identificationTypeCode");
  const description = xmlAttr(node, "identificationTypeDescription");
  const notes: string[] = [];
  for (const flag of ["diplomatic", "knownExpired", "knownFalse", "reportedLost", "revokedByIssuer"]) {
    if (xmlAttr(node, flag) === "true") notes.push(flag);
  }
  const latin = xmlAttr(node, "latinNumber");
  if (latin !== undefined && latin !== number) notes.push(`latin number ${latin}`);
  for (const [attr, label] of [
    ["issuedBy", "issued by"],
    ["nameOnDocument", "name on document"],
    ["region", "region"],
    ["validFrom", "valid from"],
    ["validTo", "valid to"],
  ] as const) {
    const v = xmlAttr(node, attr);
    if (v !== undefined) notes.push(`${label} ${v}`);
  }
  notes.push(...remarksOf(node));
  const extra = leftovers(ctx, node, IDENTIFICATION_KEYS, "identification");
  if (extra !== undefined) notes.push(extra);
  if (number === undefined) {
    remarks.push(`Identification: ${flattenXml(node)}`);
    warn(ctx, "identifications without a number kept in remarks");
    return undefined;
  }
  const issued = dateAttr(ctx, id, node, "issueDate", "identification");
  return {
    type: identifierType(code),
    value: number,
    ...(description ?? code ? { label: description ?? code } : {}),
    ...countryFields(node),
    ...(issued === undefined ? {} : { issued }),
    ...(notes.length > 0 ? { note: notes.join("; ") } : {}),
  };
}

function mapAddress(ctx: Context, node: XmlNode): Address | undefined {
  const street = [xmlAttr(node, "street"), xmlAttr(node, "poBox")].filter((p): p is string => p !== undefined).join(", ");
  const city = xmlAttr(node, "city");
  const region = xmlAttr(node, "region");
  const place = xmlAttr(node, "place");
  const postalCode = xmlAttr(node, "zipCode");
  const country = countryFields(node);
  const notes = [...remarksOf(node)];
  if (xmlAttr(node, "asAtListingTime") === "true") notes.push("as at listing time");
  const extra = leftovers(ctx, node, ADDRESS_KEYS, "address");
  if (extra !== undefined) notes.push(extra);
  const any = street || city || region || place || postalCode || country.country || country.countryName || notes.length > 0;
  if (!any) return undefined;
  return {
    ...(place === undefined ? {} : { full: place }),
    ...(street ? { street } : {}),
    ...(city === undefined ? {} : { city }),
    ...(region === undefined ? {} : { region }),
    ...(postalCode === undefined ? {} : { postalCode }),
    ...country,
    ...(notes.length > 0 ? { note: notes.join("; ") } : {}),
  };
}

function mapRegulation(ctx: Context, id: string, node: XmlNode, listedOn: LegalBasis["listedOn"]): LegalBasis {
  const programme = xmlAttr(node, "programme");
  const numberTitle = xmlAttr(node, "numberTitle");
  const number = numberTitle?.replace(/\s*\(OJ[^)]*\)\s*$/, "");
  const published = dateAttr(ctx, id, node, "publicationDate", "regulation");
  const inForce = dateAttr(ctx, id, node, "entryIntoForceDate", "regulation");
  const url = xmlTexts(node, "publicationUrl")[0];
  const type = [xmlAttr(node, "organisationType"), xmlAttr(node, "regulationType")].filter((p) => p !== undefined).join(" ");
  const citation = [
    numberTitle,
    published === undefined ? undefined : `published ${published}`,
    inForce === undefined ? undefined : `in force ${inForce}`,
    url,
  ]
    .filter((p) => p !== undefined)
    .join(", ");
  const extra = unknownKeys(node, REGULATION_KEYS).filter((k) => flattenXml(node[k]) !== "");
  if (extra.length > 0) warn(ctx, `unknown regulation fields kept in basis notes (${extra.join(", ")})`);
  const note = [
    type ? `latest act on this entry: ${type}` : undefined,
    extra.length > 0 ? extra.map((k) => `${k.replace(/^@_/, "")}=${flattenXml(node[k])}`).join("; ") : undefined,
  ]
    .filter((p) => p !== undefined)
    .join("; ");
  if (programme === undefined) warn(ctx, "regulations without programme");
  return {
    regime: "EU",
    // The FSF's <regulation> is the act that last amended the entry, cited by its number.
    ...(number ? { authority: `Regulation ${number}` } : {}),
    ...(programme === undefined ? {} : { program: programme }),
    ...(listedOn === undefined ? {} : { listedOn }),
    measures: [],
    ...(citation ? { citation } : {}),
    ...(note ? { note } : {}),
  };
}

interface MappedName {
  readonly name?: Name;
  readonly strong: boolean;
  readonly latin: boolean;
  readonly gender?: "male" | "female";
  readonly title?: string;
  readonly position?: string;
}

function mapName(ctx: Context, node: XmlNode, remarks: string[]): MappedName {
  const first = xmlAttr(node, "firstName");
  const middle = xmlAttr(node, "middleName");
  const last = xmlAttr(node, "lastName");
  const whole = xmlAttr(node, "wholeName") ?? [first, middle, last].filter((p) => p !== undefined).join(" ");
  const strong = xmlAttr(node, "strong") !== "false";
  const lang = xmlAttr(node, "nameLanguage");
  const genderCode = xmlAttr(node, "gender");
  const gender: "male" | "female" | undefined = genderCode === "M" ? "male" : genderCode === "F" ? "female" : undefined;
  if (genderCode !== undefined && gender === undefined) remarks.push(`Gender: ${genderCode}`);
  const title = xmlAttr(node, "title");
  const position = xmlAttr(node, "function");
  for (const r of remarksOf(node)) remarks.push(whole ? `Name "${whole}": ${r}` : r);
  const extra = leftovers(ctx, node, NAME_KEYS, "nameAlias");
  if (extra !== undefined) remarks.push(`Name "${whole}": ${extra}`);
  const extras: Pick<MappedName, "gender" | "title" | "position"> = {
    ...(gender === undefined ? {} : { gender }),
    ...(title === undefined ? {} : { title }),
    ...(position === undefined ? {} : { position }),
  };
  if (!whole) return { strong, latin: true, ...extras };
  const script = detectScript(whole);
  const original = script !== undefined && script !== "Latn";
  const given = [first, middle].filter((p): p is string => p !== undefined);
  const parts = given.length > 0 || last !== undefined ? { ...(given.length > 0 ? { given } : {}), ...(last === undefined ? {} : { family: [last] }) } : undefined;
  return {
    name: {
      value: whole,
      kind: strong ? "alias" : "weak-alias",
      originalScript: original,
      ...(original && script !== undefined ? { script } : {}),
      ...(lang === undefined ? {} : { lang: lang.toLowerCase() }),
      ...(parts === undefined ? {} : { parts }),
    },
    strong,
    latin: !original,
    ...extras,
  };
}

function mapEntity(ctx: Context, node: XmlNode): Designation | undefined {
  const logicalId = xmlAttr(node, "logicalId");
  const euRef = xmlAttr(node, "euReferenceNumber");
  if (logicalId === undefined) {
    ctx.issues.push({ ...(euRef === undefined ? {} : { recordId: euRef }), field: "sanctionEntity@logicalId", expected: "a logical id", received: "nothing" });
    return undefined;
  }
  const remarks: string[] = [];
  const typeCode = xmlChildren(node, "subjectType").map((s) => xmlAttr(s, "code"))[0];
  const type = typeCode === undefined ? undefined : SUBJECT_TYPES[typeCode];
  if (type === undefined) {
    ctx.issues.push({ recordId: logicalId, field: "subjectType@code", expected: "person or enterprise", received: typeCode === undefined ? "nothing" : JSON.stringify(typeCode) });
  }

  const names: Name[] = [];
  const titles: string[] = [];
  const positions: string[] = [];
  let gender: "male" | "female" | undefined;
  let primaryIndex = -1;
  for (const n of xmlChildren(node, "nameAlias")) {
    const mapped = mapName(ctx, n, remarks);
    if (mapped.gender !== undefined) {
      if (gender !== undefined && gender !== mapped.gender) remarks.push(`Gender also given as ${mapped.gender}`);
      gender ??= mapped.gender;
    }
    if (mapped.title !== undefined && !titles.includes(mapped.title)) titles.push(mapped.title);
    if (mapped.position !== undefined && !positions.includes(mapped.position)) positions.push(mapped.position);
    if (mapped.name === undefined) continue;
    if (names.some((x) => x.value === mapped.name?.value && x.kind === mapped.name.kind)) continue;
    if (primaryIndex < 0 && mapped.strong && mapped.latin) primaryIndex = names.length;
    names.push(mapped.name);
  }
  // The FSF marks no name as primary: the first strong Latin-script name is used, else the first.
  if (primaryIndex < 0 && names.length > 0) {
    primaryIndex = 0;
    warn(ctx, "entities without a strong Latin-script name (first name used as primary)");
  }
  const primary = names[primaryIndex];
  if (primary === undefined) ctx.issues.push({ recordId: logicalId, field: "nameAlias@wholeName", expected: "at least one name", received: "none" });
  else names[primaryIndex] = { ...primary, kind: "primary" };

  const citizenships: string[] = [];
  for (const c of xmlChildren(node, "citizenship")) {
    const { country, countryName } = countryFields(c);
    const value = country ?? countryName;
    if (value !== undefined && !citizenships.includes(value)) citizenships.push(value);
    for (const r of remarksOf(c)) remarks.push(`Citizenship: ${r}`);
    const region = xmlAttr(c, "region");
    if (region !== undefined) remarks.push(`Citizenship ${value ?? ""}: region ${region}`);
    const extra = leftovers(ctx, c, CITIZENSHIP_KEYS, "citizenship");
    if (extra !== undefined) remarks.push(`Citizenship: ${extra}`);
  }

  const birthDates: DateValue[] = [];
  const birthPlaces: Place[] = [];
  for (const b of xmlChildren(node, "birthdate")) {
    const { date, place } = mapBirth(ctx, logicalId, b, remarks);
    if (date !== undefined && !birthDates.some((d) => JSON.stringify(d) === JSON.stringify(date))) birthDates.push(date);
    if (place !== undefined && !birthPlaces.some((p) => JSON.stringify(p) === JSON.stringify(place))) birthPlaces.push(place);
  }

  const identifiers = xmlChildren(node, "identification")
    .map((i) => mapIdentification(ctx, logicalId, i, remarks))
    .filter((i): i is Identifier => i !== undefined);
  const addresses = xmlChildren(node, "address")
    .map((a) => mapAddress(ctx, a))
    .filter((a): a is Address => a !== undefined);

  const designationDate = dateAttr(ctx, logicalId, node, "designationDate", "sanctionEntity");
  const listedOn =
    designationDate === undefined
      ? undefined
      : { date: designationDate, certainty: "stated" as const, bound: "exact" as const, source: `${ctx.file} sanctionEntity ${logicalId} @designationDate` };
  if (designationDate === undefined) remarks.push("No designationDate in the file");
  const regulations = xmlChildren(node, "regulation");
  const bases = regulations.map((r) => mapRegulation(ctx, logicalId, r, listedOn));
  if (bases.length === 0) {
    warn(ctx, "entities without a regulation (basis has no programme)");
    bases.push({ regime: "EU", ...(listedOn === undefined ? {} : { listedOn }), measures: [] });
  }

  if (euRef !== undefined) remarks.push(`EU reference number ${euRef}`);
  const unId = xmlAttr(node, "unitedNationId");
  if (unId !== undefined) remarks.push(`UN reference ${unId}`);
  const details = xmlAttr(node, "designationDetails");
  if (details !== undefined) remarks.push(`Designation details: ${details}`);
  remarks.push(...remarksOf(node));
  for (const key of unknownKeys(node, ENTITY_KEYS)) {
    const text = flattenXml(node[key]);
    if (text === "") continue;
    remarks.push(`${key.replace(/^@_/, "@")}: ${text}`);
    warn(ctx, `unknown sanctionEntity field ${key.replace(/^@_/, "@")} kept in remarks`);
  }

  if (type === undefined || primary === undefined) return undefined;
  return {
    id: `${ctx.listId}:${logicalId}`,
    list: ctx.listId,
    sourceId: logicalId,
    subject: {
      type,
      names,
      identifiers,
      birthDates,
      birthPlaces,
      citizenships,
      addresses,
      ...(gender === undefined ? {} : { gender }),
      titles,
      positions,
    },
    bases,
    remarks,
    // unitedNationId is the UN SC REFERENCE_NUMBER of the same designation (QDi.232 …).
    // Linked only when the reference's kind letter matches (i = individual, e = entity).
    ...(unId !== undefined && new RegExp(`^[A-Z]{2}${type === "person" ? "i" : "e"}\\.\\d+$`).test(unId) ? { sameAs: [`un-sc:${unId}`] } : {}),
  };
}

function parseEuFsfXml(sources: readonly ListSource[], listId: string): ParsedList {
  const source = sources[0];
  if (sources.length !== 1 || source === undefined) {
    throw new ListFormatError(listId, [{ field: "sources", expected: "one FSF XML file", received: `${sources.length} files` }], {
      summary: "wrong number of files",
    });
  }
  const doc = parseXmlDocument(listId, source);
  if (doc.rootName !== "export") {
    throw new ListFormatError(listId, [{ field: `${source.name} root element`, expected: "<export> (EU FSF XML 1.1)", received: `<${doc.rootName}>` }], {
      summary: "not an EU FSF XML file",
    });
  }
  const ctx: Context = { listId, file: baseName(source.name), issues: [], tally: new Map() };
  const generationDate = xmlAttr(doc.root, "generationDate");
  if (generationDate !== undefined && !/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(generationDate)) {
    ctx.issues.push({ field: "export@generationDate", expected: "an ISO 8601 date or timestamp", received: JSON.stringify(generationDate) });
  }
  const records: Designation[] = [];
  for (const node of xmlChildren(doc.root, "sanctionEntity")) {
    const record = mapEntity(ctx, node);
    if (record) records.push(record);
  }
  for (const key of unknownKeys(doc.root, new Set(["sanctionEntity"]))) {
    if (!key.startsWith("@_")) warn(ctx, `unknown element export/${key} ignored`);
  }
  const warnings = [...doc.warnings, ...tallyWarnings(ctx.tally)];
  const summaries = countElements(doc.root, "regulationSummary");
  if (summaries > 0) warnings.push(`${summaries} × regulationSummary (the act behind each name, address or document) not mapped`);
  if (generationDate === undefined) warnings.push("export has no generationDate: list date unknown");
  return {
    records,
    ...(generationDate === undefined ? {} : { listDate: generationDate }),
    listDateSource: generationDate === undefined ? "export@generationDate missing" : "export@generationDate",
    issues: ctx.issues,
    warnings,
  };
}

/**
 * Driver for the EU Financial Sanctions Files XML 1.1 (`<export>` of `sanctionEntity`).
 * @example
 * loadList([{ name: "eu_fsf.xml", data: bytes }], { format: "eu-fsf-xml" }).records[0]?.list //=> "eu-fsf"
 */
export const euFsfXmlLoader: ListLoader = {
  format: "eu-fsf-xml",
  listId: LIST_ID,
  publisher: "European Commission (FPI)",
  title: "EU Consolidated Financial Sanctions List",
  detect: (sources) => {
    const head = sources.length === 1 && sources[0] !== undefined ? sniff(sources[0], 2048) : "";
    return /<export[\s>]/.test(head) && (head.includes("fpi/fsd/export") || head.includes("<sanctionEntity"));
  },
  parse: (sources, context) => parseEuFsfXml(sources, context.listId),
};
