/**
 * UK Sanctions List (FCDO), XML (`<Designations>` of `<Designation>`), published at
 * https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml. Since 2026-01-28 it is the UK's
 * only list: OFSI's ConList (see `uk-ofsi-csv.ts`) was frozen that day.
 *
 * Contract:
 * - list date: `<DateGenerated>` (DD/MM/YYYY); every date in the file is DD/MM/YYYY.
 * - sourceId is `UniqueID` (`AFG0006`, `BEL0107`): the FCDO's permanent reference. `OFSIGroupID`
 *   (absent for ships) links the ConList record of the same subject (`sameAs uk-ofsi:<id>`);
 *   `UNReferenceNumber` links the UN record when its kind letter matches the subject
 *   (i = individual, e = entity), as in the other drivers.
 * - names: `Name1…Name5` are given names, `Name6` the family name (or an entity's whole name).
 *   `NameType` Primary Name → primary (one per record; extra ones become aliases and the load
 *   warns), Primary Name Variation and Alias → alias, `AliasStrength` Low quality → weak-alias.
 *   `NonLatinNames` are aliases in their own script.
 * - one basis (regime UK) per record: `RegimeName` is the authority (the regulations), its short
 *   form the programme; `DateDesignated` is the stated listing date; `SanctionsImposed` the
 *   measures. There is no delisting field: a delisted designation is gone from the next file.
 * - dates of birth: `12/05/1958`, `dd/mm/1945` (placeholder day and month) and `1946` are read
 *   at the precision given; anything else fails the load.
 * - anything the mapping does not know is kept in `remarks` and counted in `warnings`.
 */
import { isCalendarDay } from "../dates";
import { ListFormatError, type RecordIssue } from "../errors";
import type { Address, DateValue, Designation, Identifier, LegalBasis, Name, Place, SubjectType, Vessel } from "../model";
import { countryCode } from "./country";
import { detectScript } from "./detect-script";
import type { ListLoader, ParsedList } from "./loader";
import { flattenXml, parseXmlDocument, unknownKeys, xmlChildren, xmlFirst, xmlTexts, type XmlNode } from "./parse-xml-document";
import { baseName, sniff, type ListSource, countWarning, tallyWarnings } from "./source";

const LIST_ID = "uk-fcdo";

const SUBJECT_TYPES: Readonly<Record<string, SubjectType>> = { individual: "person", entity: "organization", ship: "vessel" };

const KIND_BY_NAME_TYPE: Readonly<Record<string, Name["kind"]>> = {
  "primary name": "primary",
  "primary name variation": "alias",
  alias: "alias",
};

const DESIGNATION_KEYS = new Set([
  "LastUpdated",
  "DateDesignated",
  "UniqueID",
  "OFSIGroupID",
  "UNReferenceNumber",
  "Names",
  "NonLatinNames",
  "Titles",
  "RegimeName",
  "IndividualEntityShip",
  "DesignationSource",
  "SanctionsImposed",
  "SanctionsImposedIndicators",
  "OtherInformation",
  "UKStatementofReasons",
  "Addresses",
  "PhoneNumbers",
  "EmailAddresses",
  "Websites",
  "IndividualDetails",
  "EntityDetails",
  "ShipDetails",
]);
const NAME_KEYS = new Set(["Name1", "Name2", "Name3", "Name4", "Name5", "Name6", "NameType", "AliasStrength"]);
const ADDRESS_KEYS = new Set(["AddressLine1", "AddressLine2", "AddressLine3", "AddressLine4", "AddressLine5", "AddressLine6", "AddressPostalCode", "AddressCountry"]);
const INDIVIDUAL_KEYS = new Set(["DOBs", "Nationalities", "Genders", "Positions", "PassportDetails", "NationalIdentifierDetails", "BirthDetails"]);
const ENTITY_KEYS = new Set(["TypeOfEntities", "BusinessRegistrationNumbers", "ParentCompanies", "Subsidiaries"]);
const SHIP_KEYS = new Set([
  "IMONumbers",
  "CurrentOwnerOperators",
  "CurrentBelievedFlagOfShips",
  "PreviousFlags",
  "TypeOfShipDetails",
  "TonnageOfShipDetails",
  "LengthOfShipDetails",
]);

/** Per-file state: issues and warning tallies. */
interface Context {
  readonly listId: string;
  readonly file: string;
  readonly issues: RecordIssue[];
  readonly tally: Map<string, number>;
}

function warn(ctx: Context, message: string): void {
  countWarning(ctx.tally, message);
}

function issue(ctx: Context, recordId: string | undefined, field: string, expected: string, received: string | undefined): void {
  ctx.issues.push({ ...(recordId === undefined ? {} : { recordId }), field, expected, received: received === undefined ? "nothing" : JSON.stringify(received) });
}

/** `DD/MM/YYYY` → `YYYY-MM-DD`, or undefined when it is not a real day. */
function ukDay(value: string): string | undefined {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  if (!m) return undefined;
  return isCalendarDay(Number(m[3]), Number(m[2]), Number(m[1])) ? `${m[3]}-${m[2]}-${m[1]}` : undefined;
}

/** A UK date of birth at the precision given: `12/05/1958`, `dd/05/1958`, `dd/mm/1945`, `00/00/1945`, `1946`. */
function ukBirthDate(value: string): string | undefined {
  if (/^\d{4}$/.test(value)) return value;
  const m = /^(\d{2}|dd|00)\/(\d{2}|mm|00)\/(\d{4})$/i.exec(value);
  if (!m) return undefined;
  const [dd, mm, yyyy] = [m[1] ?? "", m[2] ?? "", m[3] ?? ""];
  const knownMonth = /^\d{2}$/.test(mm) && mm !== "00";
  const knownDay = /^\d{2}$/.test(dd) && dd !== "00";
  if (!knownMonth) return knownDay ? undefined : yyyy;
  if (Number(mm) > 12) return undefined;
  if (!knownDay) return `${yyyy}-${mm}`;
  return isCalendarDay(Number(yyyy), Number(mm), Number(dd)) ? `${yyyy}-${mm}-${dd}` : undefined;
}

/** Country code for a country name, else the name as text. */
function countryFields(name: string | undefined): { country?: string; countryName?: string } {
  if (name === undefined) return {};
  const code = countryCode(name);
  return code === undefined ? { countryName: name } : { country: code };
}

/** Texts of `<Group><Item>…</Item></Group>` below `node`. */
function groupTexts(node: XmlNode, group: string, item: string): string[] {
  return xmlChildren(node, group).flatMap((g) => xmlTexts(g, item));
}

function pushUnique<T>(list: T[], value: T): void {
  const key = JSON.stringify(value);
  if (!list.some((x) => JSON.stringify(x) === key)) list.push(value);
}

/** Keeps unknown child elements of `node` in remarks and counts them. */
function keepUnknown(ctx: Context, node: XmlNode, known: ReadonlySet<string>, where: string, remarks: string[]): void {
  for (const key of unknownKeys(node, known)) {
    const text = flattenXml(node[key]);
    if (text === "" || key.startsWith("@_")) continue;
    remarks.push(`${key}: ${text}`);
    warn(ctx, `unknown ${where} elements kept in remarks (${key})`);
  }
}

/**
 * Short programme name from the regulations' title:
 * "The Republic of Belarus (Sanctions) (EU Exit) Regulations 2019" → "Republic of Belarus".
 */
function programOf(regimeName: string): string {
  const m = /^(?:The\s+)?(.+?)\s+\((?:United Nations\s+)?Sanctions\)\s+\(EU Exit\)\s+Regulations(?:\s+\d{4})?$/i.exec(regimeName);
  return m?.[1] ?? regimeName;
}

function mapNames(ctx: Context, id: string, node: XmlNode, type: SubjectType | undefined): Name[] {
  const names: Name[] = [];
  let primary: Name | undefined;
  for (const n of xmlChildren(node, "Names").flatMap((g) => xmlChildren(g, "Name"))) {
    const given = ["Name1", "Name2", "Name3", "Name4", "Name5"].map((k) => xmlFirst(n, k)).filter((p): p is string => p !== undefined);
    const family = xmlFirst(n, "Name6");
    const value = [...given, ...(family === undefined ? [] : [family])].join(" ");
    const nameType = xmlFirst(n, "NameType");
    let kind = nameType === undefined ? undefined : KIND_BY_NAME_TYPE[nameType.toLowerCase()];
    if (kind === undefined) {
      issue(ctx, id, "Names.Name.NameType", "Primary Name, Primary Name Variation or Alias", nameType);
      continue;
    }
    const strength = xmlFirst(n, "AliasStrength");
    if (strength !== undefined) {
      if (/^low quality/i.test(strength)) {
        if (kind === "alias") kind = "weak-alias";
      } else if (!/^good quality/i.test(strength)) {
        issue(ctx, id, "Names.Name.AliasStrength", "Good quality a.k.a or Low quality a.k.a", strength);
      }
    }
    if (value === "") {
      issue(ctx, id, "Names.Name.Name6", "a name in Name1…Name6", "");
      continue;
    }
    const extra: string[] = [];
    keepUnknown(ctx, n, NAME_KEYS, "Name", extra);
    if (extra.length > 0) warn(ctx, "names with unknown parts (kept in remarks)");
    const script = detectScript(value);
    const original = script !== undefined && script !== "Latn";
    const name: Name = {
      value,
      kind,
      originalScript: original,
      ...(original && script !== undefined ? { script } : {}),
      ...(type === "person" && (given.length > 0 || family !== undefined)
        ? { parts: { ...(given.length > 0 ? { given } : {}), ...(family === undefined ? {} : { family: [family] }) } }
        : {}),
    };
    if (kind === "primary") {
      if (primary === undefined) {
        primary = name;
        continue;
      }
      if (primary.value === value) continue;
      warn(ctx, "designations with more than one Primary Name (extra ones kept as aliases)");
      pushUnique(names, { ...name, kind: "alias" });
    } else {
      pushUnique(names, name);
    }
  }
  for (const nl of xmlChildren(node, "NonLatinNames").flatMap((g) => xmlChildren(g, "NonLatinName"))) {
    const value = xmlFirst(nl, "NameNonLatinScript");
    if (value === undefined) continue;
    const script = detectScript(value);
    pushUnique(names, { value, kind: "alias", originalScript: true, ...(script === undefined ? {} : { script }) });
  }
  if (primary === undefined) {
    issue(ctx, id, "Names.Name.NameType", "one Primary Name", names.length === 0 ? undefined : "no Primary Name");
    return names;
  }
  return [primary, ...names];
}

function mapAddress(ctx: Context, node: XmlNode, remarks: string[]): Address | undefined {
  const lines = ["AddressLine1", "AddressLine2", "AddressLine3", "AddressLine4", "AddressLine5", "AddressLine6"]
    .map((k) => xmlFirst(node, k))
    .filter((l): l is string => l !== undefined);
  const postalCode = xmlFirst(node, "AddressPostalCode");
  const country = xmlFirst(node, "AddressCountry");
  keepUnknown(ctx, node, ADDRESS_KEYS, "Address", remarks);
  if (lines.length === 0 && postalCode === undefined && country === undefined) return undefined;
  return {
    ...(lines.length > 0 ? { full: lines.join(", ") } : {}),
    ...(postalCode === undefined ? {} : { postalCode }),
    ...countryFields(country),
  };
}

interface IndividualFacts {
  birthDates: DateValue[];
  birthPlaces: Place[];
  nationalities: string[];
  positions: string[];
  identifiers: Identifier[];
  gender?: "male" | "female";
}

function mapIndividual(ctx: Context, id: string, node: XmlNode, remarks: string[]): IndividualFacts {
  const facts: IndividualFacts = { birthDates: [], birthPlaces: [], nationalities: [], positions: [], identifiers: [] };
  for (const raw of groupTexts(node, "DOBs", "DOB")) {
    const date = ukBirthDate(raw);
    if (date === undefined) issue(ctx, id, "IndividualDetails.DOB", "DD/MM/YYYY (dd/mm for unknown parts) or YYYY", raw);
    else pushUnique(facts.birthDates, date);
  }
  for (const n of groupTexts(node, "Nationalities", "Nationality")) pushUnique(facts.nationalities, countryCode(n) ?? n);
  const genders = groupTexts(node, "Genders", "Gender").map((g) => g.toLowerCase());
  for (const g of genders) {
    if (g !== "male" && g !== "female") remarks.push(`Gender: ${g}`);
    else if (facts.gender === undefined) facts.gender = g;
    else if (facts.gender !== g) remarks.push(`Gender also given as ${g}`);
  }
  for (const p of groupTexts(node, "Positions", "Position")) pushUnique(facts.positions, p);
  for (const p of xmlChildren(node, "PassportDetails").flatMap((g) => xmlChildren(g, "Passport"))) {
    const number = xmlFirst(p, "PassportNumber");
    const info = xmlFirst(p, "PassportAdditionalInformation");
    if (number !== undefined) pushUnique(facts.identifiers, { type: "passport", value: number, ...(info === undefined ? {} : { note: info }) });
    else if (info !== undefined) pushUnique(remarks, `Passport: ${info}`);
  }
  for (const n of xmlChildren(node, "NationalIdentifierDetails").flatMap((g) => xmlChildren(g, "NationalIdentifier"))) {
    const number = xmlFirst(n, "NationalIdentifierNumber");
    const info = xmlFirst(n, "NationalIdentifierAdditionalInformation");
    if (number !== undefined) pushUnique(facts.identifiers, { type: "national-id", value: number, ...(info === undefined ? {} : { note: info }) });
    else if (info !== undefined) pushUnique(remarks, `National identifier: ${info}`);
  }
  for (const loc of xmlChildren(node, "BirthDetails").flatMap((g) => xmlChildren(g, "Location"))) {
    const town = xmlFirst(loc, "TownOfBirth");
    const country = xmlFirst(loc, "CountryOfBirth");
    if (town === undefined && country === undefined) continue;
    pushUnique(facts.birthPlaces, { ...(town === undefined ? {} : { place: town }), ...countryFields(country) });
  }
  keepUnknown(ctx, node, INDIVIDUAL_KEYS, "Individual", remarks);
  return facts;
}

function mapEntityDetails(ctx: Context, node: XmlNode, remarks: string[], identifiers: Identifier[]): void {
  for (const t of groupTexts(node, "TypeOfEntities", "TypeOfEntity")) remarks.push(`Type of entity: ${t}`);
  for (const r of groupTexts(node, "BusinessRegistrationNumbers", "BusinessRegistrationNumber")) {
    pushUnique(identifiers, { type: "registration", value: r, label: "Business registration number" });
  }
  for (const p of groupTexts(node, "ParentCompanies", "ParentCompany")) remarks.push(`Parent company: ${p}`);
  for (const s of groupTexts(node, "Subsidiaries", "Subsidiary")) remarks.push(`Subsidiary: ${s}`);
  keepUnknown(ctx, node, ENTITY_KEYS, "Entity", remarks);
}

function mapShip(ctx: Context, node: XmlNode, remarks: string[], identifiers: Identifier[]): Vessel {
  for (const imo of groupTexts(node, "IMONumbers", "IMONumber")) {
    // "IMO9562233": the number is the seven digits; the label keeps the publisher's text.
    const digits = /^(?:IMO\s*)?(\d{7})$/i.exec(imo)?.[1];
    pushUnique(identifiers, { type: "imo", value: digits ?? imo, ...(digits === undefined || digits === imo ? {} : { label: imo }) });
  }
  const owners = groupTexts(node, "CurrentOwnerOperators", "CurrentOwnerOperator");
  const flags = groupTexts(node, "CurrentBelievedFlagOfShips", "CurrentBelievedFlagOfShip");
  const types = groupTexts(node, "TypeOfShipDetails", "TypeOfShip");
  const tonnage = groupTexts(node, "TonnageOfShipDetails", "TonnageOfShip");
  for (const f of groupTexts(node, "PreviousFlags", "PreviousFlag")) remarks.push(`Previous flag: ${f}`);
  for (const l of groupTexts(node, "LengthOfShipDetails", "LengthOfShip")) remarks.push(`Length of ship: ${l}`);
  if (owners.length > 1) remarks.push(`Current owners/operators: ${owners.join("; ")}`);
  if (flags.length > 1) remarks.push(`Current believed flags: ${flags.join("; ")}`);
  keepUnknown(ctx, node, SHIP_KEYS, "Ship", remarks);
  return {
    ...(owners[0] === undefined ? {} : { owner: owners[0] }),
    ...(flags[0] === undefined ? {} : { flag: flags[0] }),
    ...(types.length > 0 ? { vesselType: types.join("; ") } : {}),
    ...(tonnage.length > 0 ? { tonnage: tonnage.join("; ") } : {}),
  };
}

/** Measures from `SanctionsImposed` ("Asset freeze|Travel Ban"), else from the true indicators. */
function measuresOf(ctx: Context, id: string, node: XmlNode): string[] {
  const imposed = (xmlFirst(node, "SanctionsImposed") ?? "")
    .split("|")
    .map((m) => m.trim())
    .filter((m) => m !== "");
  const fromIndicators: string[] = [];
  for (const indicators of xmlChildren(node, "SanctionsImposedIndicators")) {
    for (const key of unknownKeys(indicators, new Set())) {
      if (key.startsWith("@_")) continue;
      const value = xmlFirst(indicators, key);
      if (value !== "true" && value !== "false") {
        issue(ctx, id, `SanctionsImposedIndicators.${key}`, "true or false", value);
        continue;
      }
      // "DirectorDisqualificationSanction" → "Director Disqualification Sanction"
      if (value === "true") fromIndicators.push(key.replace(/([a-z])([A-Z])/g, "$1 $2"));
    }
  }
  return imposed.length > 0 ? imposed : fromIndicators;
}

function mapDesignation(ctx: Context, node: XmlNode, index: number): Designation | undefined {
  const id = xmlFirst(node, "UniqueID");
  if (id === undefined) {
    ctx.issues.push({ recordId: `Designation #${index + 1}`, field: "UniqueID", expected: "a unique id", received: "nothing" });
    return undefined;
  }
  const issuesBefore = ctx.issues.length;
  const remarks: string[] = [];
  const typeText = xmlFirst(node, "IndividualEntityShip");
  const type = typeText === undefined ? undefined : SUBJECT_TYPES[typeText.toLowerCase()];
  if (type === undefined) issue(ctx, id, "IndividualEntityShip", "Individual, Entity or Ship", typeText);

  const names = mapNames(ctx, id, node, type);
  const titles = groupTexts(node, "Titles", "Title");
  const identifiers: Identifier[] = [];
  const addresses: Address[] = [];
  for (const a of xmlChildren(node, "Addresses").flatMap((g) => xmlChildren(g, "Address"))) {
    const address = mapAddress(ctx, a, remarks);
    if (address !== undefined) pushUnique(addresses, address);
  }
  for (const p of groupTexts(node, "PhoneNumbers", "PhoneNumber")) pushUnique(identifiers, { type: "phone", value: p });
  for (const e of groupTexts(node, "EmailAddresses", "EmailAddress")) pushUnique(identifiers, { type: "email", value: e });
  for (const w of groupTexts(node, "Websites", "Website")) pushUnique(identifiers, { type: "website", value: w });

  const individual = xmlChildren(node, "IndividualDetails").flatMap((g) => xmlChildren(g, "Individual"));
  const facts: IndividualFacts = { birthDates: [], birthPlaces: [], nationalities: [], positions: [], identifiers: [] };
  for (const i of individual) {
    const f = mapIndividual(ctx, id, i, remarks);
    for (const d of f.birthDates) pushUnique(facts.birthDates, d);
    for (const p of f.birthPlaces) pushUnique(facts.birthPlaces, p);
    for (const n of f.nationalities) pushUnique(facts.nationalities, n);
    for (const p of f.positions) pushUnique(facts.positions, p);
    for (const x of f.identifiers) pushUnique(identifiers, x);
    if (facts.gender === undefined && f.gender !== undefined) facts.gender = f.gender;
  }
  for (const e of xmlChildren(node, "EntityDetails").flatMap((g) => xmlChildren(g, "Entity"))) mapEntityDetails(ctx, e, remarks, identifiers);
  let vessel: Vessel | undefined;
  for (const s of xmlChildren(node, "ShipDetails").flatMap((g) => xmlChildren(g, "Ship"))) vessel = { ...vessel, ...mapShip(ctx, s, remarks, identifiers) };

  const regimeName = xmlFirst(node, "RegimeName");
  if (regimeName === undefined) issue(ctx, id, "RegimeName", "the regime's regulations", undefined);
  const designatedRaw = xmlFirst(node, "DateDesignated");
  const designated = designatedRaw === undefined ? undefined : ukDay(designatedRaw);
  if (designatedRaw !== undefined && designated === undefined) issue(ctx, id, "DateDesignated", "DD/MM/YYYY", designatedRaw);
  if (designatedRaw === undefined) {
    remarks.push("No DateDesignated in the file");
    warn(ctx, "designations without DateDesignated (basis has no listing date)");
  }
  const source = xmlFirst(node, "DesignationSource");
  const basis: LegalBasis = {
    regime: "UK",
    ...(regimeName === undefined ? {} : { authority: regimeName, program: programOf(regimeName) }),
    ...(designated === undefined
      ? {}
      : { listedOn: { date: designated, certainty: "stated" as const, bound: "exact" as const, source: `${ctx.file} Designation ${id} DateDesignated` } }),
    measures: measuresOf(ctx, id, node),
    ...(source === undefined ? {} : { note: `designation source: ${source.split("|").join(", ")}` }),
  };

  const lastUpdatedRaw = xmlFirst(node, "LastUpdated");
  if (lastUpdatedRaw !== undefined) {
    const lastUpdated = ukDay(lastUpdatedRaw);
    if (lastUpdated === undefined) issue(ctx, id, "LastUpdated", "DD/MM/YYYY", lastUpdatedRaw);
    else remarks.push(`Last updated: ${lastUpdated}`);
  }
  const groupId = xmlFirst(node, "OFSIGroupID");
  const unRef = xmlFirst(node, "UNReferenceNumber");
  if (groupId !== undefined) remarks.push(`OFSI Group ID ${groupId}`);
  if (unRef !== undefined) remarks.push(`UN reference ${unRef}`);
  const other = xmlFirst(node, "OtherInformation");
  if (other !== undefined) remarks.push(other);
  const reasons = xmlFirst(node, "UKStatementofReasons");
  if (reasons !== undefined) remarks.push(`UK statement of reasons: ${reasons}`);
  keepUnknown(ctx, node, DESIGNATION_KEYS, "Designation", remarks);

  const sameAs: string[] = [];
  if (groupId !== undefined) {
    if (/^\d+$/.test(groupId)) sameAs.push(`uk-ofsi:${groupId}`);
    else issue(ctx, id, "OFSIGroupID", "a numeric OFSI group id", groupId);
  }
  const refKind = type === "person" ? "i" : type === "organization" ? "e" : undefined;
  if (unRef !== undefined && refKind !== undefined && new RegExp(`^[A-Z]{2}${refKind}\\.\\d+$`).test(unRef)) sameAs.push(`un-sc:${unRef}`);

  if (type === undefined || names[0]?.kind !== "primary" || ctx.issues.length > issuesBefore) return undefined;
  return {
    id: `${ctx.listId}:${id}`,
    list: ctx.listId,
    sourceId: id,
    subject: {
      type,
      names,
      identifiers,
      birthDates: facts.birthDates,
      birthPlaces: facts.birthPlaces,
      nationalities: facts.nationalities,
      addresses,
      ...(facts.gender === undefined ? {} : { gender: facts.gender }),
      titles,
      positions: facts.positions,
      ...(vessel === undefined ? {} : { vessel }),
    },
    bases: [basis],
    remarks,
    ...(sameAs.length > 0 ? { sameAs } : {}),
  };
}

function parseUkFcdoXml(sources: readonly ListSource[], listId: string): ParsedList {
  const source = sources[0];
  if (sources.length !== 1 || source === undefined) {
    throw new ListFormatError(listId, [{ field: "sources", expected: "one UK Sanctions List XML file", received: `${sources.length} files` }], {
      summary: "wrong number of files",
    });
  }
  const doc = parseXmlDocument(listId, source);
  if (doc.rootName !== "Designations") {
    throw new ListFormatError(listId, [{ field: `${source.name} root element`, expected: "<Designations> (UK Sanctions List XML)", received: `<${doc.rootName}>` }], {
      summary: "not a UK Sanctions List XML file",
    });
  }
  const generatedRaw = xmlFirst(doc.root, "DateGenerated");
  const listDate = generatedRaw === undefined ? undefined : ukDay(generatedRaw);
  if (generatedRaw !== undefined && listDate === undefined) {
    throw new ListFormatError(listId, [{ field: "Designations/DateGenerated", expected: "DD/MM/YYYY", received: JSON.stringify(generatedRaw) }], {
      summary: "list date could not be read",
    });
  }
  const ctx: Context = { listId, file: baseName(source.name), issues: [], tally: new Map() };
  const records: Designation[] = [];
  xmlChildren(doc.root, "Designation").forEach((node, i) => {
    const record = mapDesignation(ctx, node, i);
    if (record) records.push(record);
  });
  for (const key of unknownKeys(doc.root, new Set(["DateGenerated", "Designation"]))) {
    if (!key.startsWith("@_")) warn(ctx, `unknown element Designations/${key} ignored`);
  }
  const warnings = [...doc.warnings, ...tallyWarnings(ctx.tally)];
  if (listDate === undefined) warnings.push("no DateGenerated: list date unknown");
  return {
    records,
    ...(listDate === undefined ? {} : { listDate }),
    listDateSource: listDate === undefined ? "Designations/DateGenerated missing" : "Designations/DateGenerated",
    issues: ctx.issues,
    warnings,
  };
}

/**
 * Driver for the FCDO UK Sanctions List XML (`<Designations>`), the UK list since 2026-01-28.
 * @example
 * loadList([{ name: "UK-Sanctions-List.xml", data: bytes }]).metadata.listDateSource //=> "Designations/DateGenerated"
 */
export const ukFcdoXmlLoader: ListLoader = {
  format: "uk-fcdo-xml",
  listId: LIST_ID,
  publisher: "Foreign, Commonwealth & Development Office (FCDO)",
  title: "UK Sanctions List",
  detect: (sources) => {
    const head = sources.length === 1 && sources[0] !== undefined ? sniff(sources[0], 2048) : "";
    return /<Designations[\s>]/.test(head) && /<(DateGenerated|Designation)>/.test(head);
  },
  parse: (sources, context) => parseUkFcdoXml(sources, context.listId),
};
