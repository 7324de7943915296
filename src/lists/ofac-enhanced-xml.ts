/**
 * OFAC Enhanced XML driver (`CONS_ENHANCED.XML`, and `SDN_ENHANCED.XML` in the same schema,
 * namespace `https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML`).
 *
 * Mapping contract:
 * - list date: `publicationInfo/dataAsOf`;
 * - list id: `ofac-sdn` when the file is `SDN_ENHANCED*.XML`, or its publication filter names only
 *   the SDN List, or (with no filter) every entity is on the SDN List and none on the Consolidated
 *   List; otherwise `ofac-cons`. A caller-chosen list id always wins;
 * - one legal basis per list membership (`sanctionsList`, with `datePublished` as a stated, exact
 *   `listedOn`) and programme. The file does not say which programme belongs to which list, so
 *   tags that belong to one non-SDN list by nature (`NS-PLC`, `UKRAINE-EO13662` → SSI, `CMIC-*`,
 *   `FSE-*`, `561-Related` → CAPTA) go there, and the other tags go to the remaining lists (SDN List,
 *   Menu-Based, …). When that is still ambiguous, the basis is repeated per list with a note. The
 *   `Consolidated List` membership is the union publication, not a designation: it becomes a basis
 *   only when an entity has no other membership, otherwise a remark;
 * - `legalAuthorities` are paired with programmes by shared order numbers and keywords
 *   (`Executive Order 13662 (Ukraine)` ↔ `UKRAINE-EO13662`); `sanctionsTypes` become measures
 *   of the matching programme, while `Block` goes to SDN List bases and other generic types to
 *   non-SDN bases;
 * - names: primary / A.K.A. → alias / F.K.A. → former / N.K.A. → alias, `isLowQuality` → weak
 *   alias; translations in a non-Latin script are names with `originalScript` and an ISO 15924
 *   `script` (an original-script form of the primary name is an alias, as in the UN driver);
 * - features and identity documents map to the subject. Whatever has no model field
 *   (relationships, `Secondary sanctions risk:`, `Target Type`, directive texts, unknown
 *   elements) is kept in `remarks` and counted in `warnings`. Internal keys (`identityId`, element
 *   ids, `refId`s, `versionId`) are not kept.
 */
import { ListFormatError, type RecordIssue } from "../errors";
import type { Address, DateValue, Designation, Identifier, LegalBasis, Name, Place, Subject, SubjectType, Vessel } from "../model";
import { detectScript } from "./detect-script";
import type { ListLoader, ParseContext, ParsedList } from "./loader";
import { ofacNonSdnListOfProgram, ofacProgramAuthority, ofacProgramForQualifier } from "./ofac-programs";
import { ofacCountryCode, ofacIdentifierType, parseOfacDateValue } from "./ofac-remarks";
import { flattenXml, parseXmlDocument, unknownKeys, xmlAttr, xmlChildren, xmlFirst, xmlText, type XmlNode } from "./parse-xml-document";
import { sniff, type ListSource } from "./source";

const DEFAULT_LIST_ID = "ofac-cons";
const SDN_LIST_ID = "ofac-sdn";
const NAMESPACE = "sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML";
const SDN_LIST = "SDN List";
const CONSOLIDATED_LIST = "Consolidated List";

const ENTITY_TYPES: Readonly<Record<string, SubjectType>> = {
  individual: "person",
  entity: "organization",
  vessel: "vessel",
  aircraft: "aircraft",
};

/** OFAC's SCRIPT reference values carry `code`; some are names ("Latin", "Hebrew"), not ISO 15924. */
const SCRIPT_CODES: Readonly<Record<string, string>> = {
  latin: "Latn",
  cyrillic: "Cyrl",
  arabic: "Arab",
  armenian: "Armn",
  "chinese simplified": "Hans",
  "chinese traditional": "Hant",
  georgian: "Geor",
  greek: "Grek",
  hangul: "Hang",
  hebrew: "Hebr",
  japanese: "Jpan",
  korean: "Kore",
};

const KNOWN = {
  entity: new Set(["@_id", "generalInfo", "sanctionsLists", "sanctionsPrograms", "sanctionsTypes", "legalAuthorities", "names", "addresses", "features", "identityDocuments", "relationships"]),
  generalInfo: new Set(["identityId", "entityType", "remarks"]),
  name: new Set(["@_id", "isPrimary", "aliasType", "isLowQuality", "translations"]),
  nameTranslation: new Set(["@_id", "isPrimary", "script", "formattedFirstName", "formattedLastName", "formattedFullName", "nameParts"]),
  address: new Set(["@_id", "country", "translations"]),
  addressTranslation: new Set(["@_id", "isPrimary", "script", "addressParts"]),
  feature: new Set(["@_id", "type", "versionId", "value", "valueRefId", "valueDate", "isPrimary", "reliability", "comments"]),
  document: new Set(["@_id", "type", "name", "documentNumber", "isValid", "issuingAuthority", "issuingLocation", "issuingCountry"]),
  relationship: new Set(["@_id", "type", "relatedEntity", "quality"]),
};

interface ReferenceValue {
  readonly type: string;
  readonly value: string;
  readonly isoCode?: string;
  readonly code?: string;
}

interface Context {
  readonly listId: string;
  readonly fileName: string;
  readonly refs: ReadonlyMap<string, ReferenceValue>;
  readonly issues: RecordIssue[];
  readonly warningCounts: Map<string, number>;
}

function warn(ctx: Context, message: string): void {
  ctx.warningCounts.set(message, (ctx.warningCounts.get(message) ?? 0) + 1);
}

/** A real calendar date `YYYY-MM-DD` (OFAC appends `T00:00:00` in some fields). */
function isoDate(text: string | undefined): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T00:00:00(?:\.0+)?)?$/.exec(text ?? "");
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `valueDate` (fromDateBegin … toDateEnd) as the narrowest partial date or a range. */
function valueDateOf(node: XmlNode): DateValue | "invalid" | undefined {
  const vd = xmlChildren(node, "valueDate")[0];
  if (!vd) return undefined;
  const fromText = xmlFirst(vd, "fromDateBegin");
  const toText = xmlFirst(vd, "toDateEnd") ?? xmlFirst(vd, "toDateBegin") ?? fromText;
  const from = isoDate(fromText);
  const to = isoDate(toText);
  if (from === undefined || to === undefined || from > to) return "invalid";
  const circa = xmlFirst(vd, "isApproximate") === "true";
  if (circa) return { from, to, circa: true };
  if (from === to) return from;
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  if (fy === ty && fm === 1 && fd === 1 && tm === 12 && td === 31) return String(fy);
  if (fy === ty && fm === tm && fd === 1 && td === lastDayOfMonth(ty, tm)) return from.slice(0, 7);
  return { from, to };
}

/** Text value of a feature, its date (text first, then `valueDate`), and an issue for a bad `valueDate`. */
function featureDate(ctx: Context, recordId: string, node: XmlNode, type: string): DateValue | undefined {
  const structured = valueDateOf(node);
  if (structured === "invalid") {
    const vd = xmlChildren(node, "valueDate")[0] ?? {};
    ctx.issues.push({
      recordId,
      field: `feature[${type}].valueDate`,
      expected: "fromDateBegin ≤ toDateEnd, both YYYY-MM-DD",
      received: JSON.stringify(`${xmlFirst(vd, "fromDateBegin") ?? ""} … ${xmlFirst(vd, "toDateEnd") ?? ""}`),
    });
    return undefined;
  }
  const text = xmlFirst(node, "value");
  return (text === undefined ? undefined : parseOfacDateValue(text)) ?? structured;
}

/** ISO code of a `refId`-linked country, else the country text mapped, else undefined. */
function countryOf(ctx: Context, node: XmlNode | undefined): { code?: string; name?: string } {
  if (!node) return {};
  const name = xmlText(node);
  const ref = xmlAttr(node, "refId");
  const iso = ref === undefined ? undefined : ctx.refs.get(ref)?.isoCode;
  const code = iso !== undefined && /^[A-Z]{2}$/.test(iso) ? iso : ofacCountryCode(name);
  return { ...(code ? { code } : {}), ...(name ? { name } : {}) };
}

function scriptOf(ctx: Context, node: XmlNode | undefined, value: string): string | undefined {
  if (!node) return detectScript(value);
  const ref = xmlAttr(node, "refId");
  const code = ref === undefined ? undefined : ctx.refs.get(ref)?.code;
  if (code !== undefined && /^[A-Z][a-z]{3}$/.test(code)) return code;
  return SCRIPT_CODES[(xmlText(node) ?? "").toLowerCase()] ?? detectScript(value);
}

/** Informative tokens of a programme, authority or sanctions-type text, for pairing them. */
function tokens(text: string): Set<string> {
  const stop = new Set(["eo", "e.o.", "executive", "order", "under", "of", "the", "and", "act", "section", "sec", "for", "information"]);
  return new Set(
    text
      .toLowerCase()
      .replace(/\beo(\d{5})\b/g, "eo $1")
      .split(/[^a-z0-9]+/)
      .filter((t) => t !== "" && !stop.has(t) && (!/^\d+$/.test(t) || t.length >= 3)),
  );
}

function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const t of a) if (b.has(t)) n++;
  return n;
}

/** The tokens a programme tag is known by: the tag itself and its instrument from the shared table. */
function programTokens(tag: string): Set<string> {
  return tokens(`${tag} ${ofacProgramAuthority(tag) ?? ""}`);
}

/**
 * Pairs each programme with the legal authority sharing the most informative tokens (greedy, best
 * pairs first; ties go to the closer text). Unpaired authorities are returned for the remarks.
 */
function pairAuthorities(programs: readonly string[], authorities: readonly string[]): { byProgram: Map<string, string>; unpaired: string[] } {
  const candidates: { program: string; authority: string; score: number; closeness: number }[] = [];
  for (const program of programs) {
    const pt = programTokens(program);
    for (const authority of authorities) {
      const at = tokens(authority);
      const score = sharedCount(pt, at);
      if (score > 0) candidates.push({ program, authority, score, closeness: score / (pt.size + at.size - score) });
    }
  }
  candidates.sort((a, b) => b.score - a.score || b.closeness - a.closeness);
  const byProgram = new Map<string, string>();
  const used = new Set<string>();
  for (const c of candidates) {
    if (byProgram.has(c.program) || used.has(c.authority)) continue;
    byProgram.set(c.program, c.authority);
    used.add(c.authority);
  }
  return { byProgram, unpaired: authorities.filter((a) => !used.has(a)) };
}

interface Membership {
  readonly list: string;
  readonly datePublished?: string;
}

/** Builds the bases of one entity: list memberships × programmes, with authorities and measures. */
function buildBases(
  ctx: Context,
  recordId: string,
  memberships: readonly Membership[],
  programs: readonly string[],
  authorities: readonly string[],
  types: readonly string[],
  remarks: string[],
): LegalBasis[] {
  const designating = memberships.filter((m) => m.list !== CONSOLIDATED_LIST);
  const lists = designating.length > 0 ? designating : memberships;
  for (const m of memberships) {
    if (m.list === CONSOLIDATED_LIST && designating.length > 0) {
      remarks.push(`${CONSOLIDATED_LIST}: published ${m.datePublished ?? "(no date)"} (sanctionsList@datePublished)`);
    }
  }

  // Programme → lists.
  const assigned = new Map<string, Membership[]>();
  const claimed = new Set<string>();
  for (const program of programs) {
    const natural = ofacNonSdnListOfProgram(program);
    const membership = natural === undefined ? undefined : lists.find((m) => m.list === natural);
    if (membership) {
      assigned.set(program, [membership]);
      claimed.add(membership.list);
    }
  }
  const open = lists.filter((m) => !claimed.has(m.list));
  let ambiguous = false;
  for (const program of programs) {
    if (assigned.has(program)) continue;
    if (open.length === 0) {
      assigned.set(program, []);
    } else {
      assigned.set(program, open);
      if (open.length > 1) ambiguous = true;
    }
  }
  if (ambiguous) warn(ctx, "entities whose programme-to-list pairing is not stated: one basis per candidate list, with a note");

  const { byProgram, unpaired } = pairAuthorities(programs, authorities);
  for (const authority of unpaired) remarks.push(`Legal authority not paired with a programme: ${authority}`);
  if (unpaired.length > 0) warn(ctx, "legal authorities not paired with a programme, kept in remarks");

  // sanctionsTypes → programmes (by shared tokens) or generic (Block/Reject).
  const typeTargets = new Map<string, string[]>();
  const generic: string[] = [];
  for (const type of types) {
    const tt = tokens(type);
    const matches = programs.filter((p) => sharedCount(programTokens(p), tt) > 0 || sharedCount(tokens(byProgram.get(p) ?? ""), tt) > 0);
    if (matches.length === 0) generic.push(type);
    else typeTargets.set(type, matches);
  }

  const bases: (LegalBasis & { measures: string[] })[] = [];
  const basisFor = (membership: Membership | undefined, program: string | undefined, note: string | undefined): void => {
    const authority = program === undefined ? undefined : (byProgram.get(program) ?? ofacProgramAuthority(program));
    const date = membership?.datePublished;
    bases.push({
      regime: "US",
      ...(program === undefined ? {} : { program }),
      ...(authority === undefined ? {} : { authority }),
      ...(membership === undefined ? {} : { list: membership.list }),
      ...(date === undefined
        ? {}
        : { listedOn: { date, certainty: "stated", bound: "exact", source: `${ctx.fileName} sanctionsList@datePublished` } }),
      measures: program === undefined ? [] : types.filter((t) => typeTargets.get(t)?.includes(program)),
      ...(note === undefined ? {} : { note }),
    });
  };
  for (const program of programs) {
    const targets = assigned.get(program) ?? [];
    if (targets.length === 0) {
      basisFor(undefined, program, "no list membership of this entity fits the programme");
      continue;
    }
    for (const m of targets) basisFor(m, program, targets.length > 1 ? `programme-to-list pairing not stated in the file; candidate lists: ${targets.map((t) => t.list).join(", ")}` : undefined);
  }
  for (const m of lists) {
    if (!bases.some((b) => b.list === m.list)) basisFor(m, undefined, "no programme of this entity is specific to this list");
  }
  // Generic measures: Block is what the SDN List imposes; the others (Reject, …) are non-SDN.
  for (const type of generic) {
    const isBlock = /^block$/i.test(type);
    let targets = bases.filter((b) => (isBlock ? b.list === SDN_LIST : b.list !== SDN_LIST));
    if (targets.length === 0) targets = bases;
    for (const b of targets) if (!b.measures.includes(type)) b.measures.push(type);
  }
  if (bases.length === 0) {
    ctx.issues.push({ recordId, field: "sanctionsLists", expected: "at least one list membership or programme", received: "none" });
  }
  return bases;
}

function nameValue(translation: XmlNode): string | undefined {
  const full = xmlFirst(translation, "formattedFullName");
  if (full !== undefined) return full;
  const parts = xmlChildren(xmlChildren(translation, "nameParts")[0] ?? {}, "namePart").map((p) => xmlFirst(p, "value"));
  const joined = parts.filter((p) => p !== undefined).join(" ");
  return joined === "" ? undefined : joined;
}

function namePartsOf(translation: XmlNode): Name["parts"] | undefined {
  const given: string[] = [];
  const family: string[] = [];
  const patronymic: string[] = [];
  for (const part of xmlChildren(xmlChildren(translation, "nameParts")[0] ?? {}, "namePart")) {
    const type = xmlFirst(part, "type");
    const value = xmlFirst(part, "value");
    if (value === undefined) continue;
    if (type === "Last Name") family.push(value);
    else if (type === "First Name" || type === "Middle Name") given.push(value);
    else if (type === "Patronymic") patronymic.push(value);
  }
  if (given.length + family.length + patronymic.length === 0) return undefined;
  return {
    ...(given.length > 0 ? { given } : {}),
    ...(family.length > 0 ? { family } : {}),
    ...(patronymic.length > 0 ? { patronymic } : {}),
  };
}

function readNames(ctx: Context, recordId: string, entity: XmlNode, type: SubjectType, remarks: string[]): Name[] {
  const names: Name[] = [];
  const push = (n: Name): void => {
    if (!names.some((x) => x.value === n.value && x.kind === n.kind)) names.push(n);
  };
  for (const name of xmlChildren(xmlChildren(entity, "names")[0] ?? {}, "name")) {
    const extra = unknownKeys(name, KNOWN.name);
    if (extra.length > 0) {
      remarks.push(`name: ${flattenXml(Object.fromEntries(extra.map((k) => [k, name[k]])))}`);
      warn(ctx, `unknown name elements kept in remarks (${extra.join(", ")})`);
    }
    const isPrimary = xmlFirst(name, "isPrimary") === "true";
    const aliasType = xmlFirst(name, "aliasType");
    const lowQuality = xmlFirst(name, "isLowQuality") === "true";
    let kind: Name["kind"];
    if (isPrimary) kind = "primary";
    else if (aliasType === undefined || aliasType === "A.K.A." || aliasType === "N.K.A.") kind = lowQuality ? "weak-alias" : "alias";
    else if (aliasType === "F.K.A.") kind = "former";
    else {
      ctx.issues.push({ recordId, field: "names.name.aliasType", expected: "A.K.A., F.K.A. or N.K.A.", received: JSON.stringify(aliasType) });
      continue;
    }
    const translations = xmlChildren(xmlChildren(name, "translations")[0] ?? {}, "translation");
    // The primary translation first: it is the Latin form OFAC lists the name under.
    const ordered = [...translations].sort((a, b) => Number(xmlFirst(b, "isPrimary") === "true") - Number(xmlFirst(a, "isPrimary") === "true"));
    for (const translation of ordered) {
      const extraT = unknownKeys(translation, KNOWN.nameTranslation);
      if (extraT.length > 0) {
        remarks.push(`name translation: ${flattenXml(Object.fromEntries(extraT.map((k) => [k, translation[k]])))}`);
        warn(ctx, `unknown name translation elements kept in remarks (${extraT.join(", ")})`);
      }
      const value = nameValue(translation);
      if (value === undefined) continue;
      const script = scriptOf(ctx, xmlChildren(translation, "script")[0], value);
      const original = script !== undefined && script !== "Latn";
      const parts = type === "person" ? namePartsOf(translation) : undefined;
      push({
        value,
        // An original-script form of the primary name is an alias of it (one primary per record).
        kind: original && kind === "primary" ? "alias" : kind,
        ...(original ? { originalScript: true, script } : {}),
        ...(parts && !original ? { parts } : {}),
      });
    }
  }
  if (!names.some((n) => n.kind === "primary")) {
    ctx.issues.push({ recordId, field: "names", expected: "a primary name", received: names.length === 0 ? "no names" : "only aliases" });
  }
  return names;
}

function readAddresses(ctx: Context, entity: XmlNode, remarks: string[]): Address[] {
  const out: Address[] = [];
  for (const address of xmlChildren(xmlChildren(entity, "addresses")[0] ?? {}, "address")) {
    const extra = unknownKeys(address, KNOWN.address);
    if (extra.length > 0) {
      remarks.push(`address: ${flattenXml(Object.fromEntries(extra.map((k) => [k, address[k]])))}`);
      warn(ctx, `unknown address elements kept in remarks (${extra.join(", ")})`);
    }
    const country = countryOf(ctx, xmlChildren(address, "country")[0]);
    const translations = xmlChildren(xmlChildren(address, "translations")[0] ?? {}, "translation");
    const ordered = [...translations].sort((a, b) => Number(xmlFirst(b, "isPrimary") === "true") - Number(xmlFirst(a, "isPrimary") === "true"));
    let emitted = false;
    for (const translation of ordered) {
      const extraT = unknownKeys(translation, KNOWN.addressTranslation);
      if (extraT.length > 0) {
        remarks.push(`address translation: ${flattenXml(Object.fromEntries(extraT.map((k) => [k, translation[k]])))}`);
        warn(ctx, `unknown address translation elements kept in remarks (${extraT.join(", ")})`);
      }
      const street: string[] = [];
      let city: string | undefined;
      const region: string[] = [];
      let postalCode: string | undefined;
      const all: string[] = [];
      for (const part of xmlChildren(xmlChildren(translation, "addressParts")[0] ?? {}, "addressPart")) {
        const type = xmlFirst(part, "type");
        const value = xmlFirst(part, "value");
        if (value === undefined) continue;
        all.push(value);
        if (type === "ADDRESS1" || type === "ADDRESS2" || type === "ADDRESS3") street.push(value);
        else if (type === "CITY") city = city === undefined ? value : `${city}, ${value}`;
        else if (type === "STATE/PROVINCE" || type === "REGION") region.push(value);
        else if (type === "POSTAL CODE") postalCode = value;
        else {
          remarks.push(`address part ${type ?? "(untyped)"}: ${value}`);
          warn(ctx, "address parts of an unknown type kept in remarks");
        }
      }
      if (all.length === 0) continue;
      const scriptNode = xmlChildren(translation, "script")[0];
      const script = scriptOf(ctx, scriptNode, all.join(" "));
      emitted = true;
      out.push({
        full: [...all, ...(country.name ? [country.name] : [])].join(", "),
        ...(street.length > 0 ? { street: street.join(", ") } : {}),
        ...(city ? { city } : {}),
        ...(region.length > 0 ? { region: region.join(", ") } : {}),
        ...(postalCode ? { postalCode } : {}),
        ...(country.code ? { country: country.code } : {}),
        ...(country.name ? { countryName: country.name } : {}),
        ...(script !== undefined && script !== "Latn" ? { note: `${xmlText(scriptNode) ?? script} script` } : {}),
      });
    }
    // An address with only a country (OFAC's "Region: Gaza", "Russia") is still a location.
    if (!emitted && (country.code || country.name)) {
      out.push({ ...(country.name ? { full: country.name } : {}), ...(country.code ? { country: country.code } : {}), ...(country.name ? { countryName: country.name } : {}) });
    }
  }
  return out;
}

/** Vessel features as OFAC's XML formats name them (Enhanced and Advanced; the SDN file has them, CONS has none). */
export const VESSEL_FEATURES: Readonly<Record<string, keyof Vessel>> = {
  "vessel call sign": "callSign",
  "vessel type": "vesselType",
  "vessel flag": "flag",
  "vessel owner": "owner",
  "vessel tonnage": "tonnage",
  "vessel gross registered tonnage": "grossRegisteredTonnage",
  "vessel grt": "grossRegisteredTonnage",
};

/** Feature types read into identifiers, by their OFAC label (see `ofacIdentifierType`). */
const IDENTIFIER_FEATURES = /^(Website|Email Address|SWIFT\/BIC|BIK \(RU\)|ISIN|Equity Ticker|Phone Number|Telephone|Fax|MMSI|IMO|Vessel Call Sign|Aircraft .*(Serial|Tail|Construction) Number.*|Digital Currency Address - \S+)$/;

interface SubjectFacts {
  readonly identifiers: Identifier[];
  readonly birthDates: DateValue[];
  readonly birthPlaces: Place[];
  readonly nationalities: string[];
  readonly citizenships: string[];
  gender?: "male" | "female";
  established?: DateValue;
  readonly vessel: Vessel;
  /** `Listing Date (…)` / `Effective Date (…)` features, to note on the matching basis. */
  readonly programDates: { readonly program: string; readonly text: string }[];
}

function readFeatures(ctx: Context, recordId: string, entity: XmlNode, programs: readonly string[], remarks: string[]): SubjectFacts {
  const facts: SubjectFacts = { identifiers: [], birthDates: [], birthPlaces: [], nationalities: [], citizenships: [], vessel: {}, programDates: [] };
  for (const feature of xmlChildren(xmlChildren(entity, "features")[0] ?? {}, "feature")) {
    const extra = unknownKeys(feature, KNOWN.feature);
    if (extra.length > 0) {
      remarks.push(`feature: ${flattenXml(Object.fromEntries(extra.map((k) => [k, feature[k]])))}`);
      warn(ctx, `unknown feature elements kept in remarks (${extra.join(", ")})`);
    }
    const type = xmlFirst(feature, "type") ?? "";
    const value = xmlFirst(feature, "value");
    const comments = xmlFirst(feature, "comments");
    const reliability = xmlFirst(feature, "reliability");
    const note = [comments, reliability === undefined || reliability === "Confirmed" ? undefined : `reliability: ${reliability}`]
      .filter((n) => n !== undefined)
      .join("; ");
    const asRemark = (): void => {
      remarks.push(`${type}${/[:\-]$/.test(type) ? "" : ":"} ${value ?? ""}${note ? ` (${note})` : ""}`.trim());
      warn(ctx, `features without a model field kept in remarks: ${type}`);
    };
    const lower = type.toLowerCase();
    const valueRef = xmlFirst(feature, "valueRefId");

    if (type === "Birthdate") {
      const date = featureDate(ctx, recordId, feature, type);
      if (date === undefined) asRemark();
      else facts.birthDates.push(date);
    } else if (type === "Place of Birth") {
      if (value === undefined) continue;
      const parts = value.split(",").map((p) => p.trim());
      const code = ofacCountryCode(parts[parts.length - 1]);
      facts.birthPlaces.push(code ? { place: value, country: code } : { place: value });
    } else if (type === "Nationality Country" || type === "Nationality of Registration" || type === "Citizenship Country") {
      const ref = valueRef === undefined ? undefined : ctx.refs.get(valueRef);
      const code = ref?.isoCode !== undefined && /^[A-Z]{2}$/.test(ref.isoCode) ? ref.isoCode : ofacCountryCode(value);
      const item = code ?? value;
      if (item === undefined) continue;
      (type === "Citizenship Country" ? facts.citizenships : facts.nationalities).push(item);
    } else if (type === "Gender") {
      if (value === "Male" || value === "Female") facts.gender = value === "Male" ? "male" : "female";
      else asRemark();
    } else if (type === "Organization Established Date") {
      const date = featureDate(ctx, recordId, feature, type);
      if (date === undefined) asRemark();
      else if (facts.established === undefined) facts.established = date;
      else if (JSON.stringify(facts.established) !== JSON.stringify(date)) asRemark();
    } else if (/^(Listing|Effective) Date \((.+)\):?$/.test(type)) {
      const qualifier = /\((.+)\)/.exec(type)?.[1] ?? "";
      const date = featureDate(ctx, recordId, feature, type);
      const program = ofacProgramForQualifier(qualifier, programs);
      const dateText = date === undefined ? (value ?? "") : typeof date === "string" ? date : `${date.from} to ${date.to}`;
      if (program === undefined) asRemark();
      else facts.programDates.push({ program, text: `${type.replace(/:$/, "")}: ${dateText}` });
    } else if (VESSEL_FEATURES[lower] !== undefined && value !== undefined) {
      facts.vessel[VESSEL_FEATURES[lower]] = value;
      if (lower === "vessel call sign") facts.identifiers.push({ type: "call-sign", value, label: type });
    } else if (IDENTIFIER_FEATURES.test(type) && value !== undefined) {
      const idType = ofacIdentifierType(type);
      facts.identifiers.push({ type: idType, value: idType === "imo" ? value.replace(/^IMO\s*/, "") : value, label: type, ...(note ? { note } : {}) });
    } else {
      asRemark();
    }
  }
  return facts;
}

function readDocuments(ctx: Context, recordId: string, entity: XmlNode, remarks: string[]): Identifier[] {
  const out: Identifier[] = [];
  for (const doc of xmlChildren(xmlChildren(entity, "identityDocuments")[0] ?? {}, "identityDocument")) {
    const extra = unknownKeys(doc, KNOWN.document);
    if (extra.length > 0) {
      remarks.push(`identity document: ${flattenXml(doc)}`);
      warn(ctx, `unknown identity document elements kept in remarks (${extra.join(", ")})`);
    }
    const label = xmlFirst(doc, "type");
    let value = xmlFirst(doc, "documentNumber");
    if (label === undefined || value === undefined) {
      ctx.issues.push({ recordId, field: "identityDocument", expected: "a type and a documentNumber", received: JSON.stringify(flattenXml(doc)) });
      continue;
    }
    let type = ofacIdentifierType(label);
    if (label === "Vessel Registration Identification" && /^IMO \d{7}$/.test(value)) {
      type = "imo";
      value = value.slice(4);
    }
    const country = countryOf(ctx, xmlChildren(doc, "issuingCountry")[0]);
    const authority = xmlFirst(doc, "issuingAuthority");
    const location = xmlFirst(doc, "issuingLocation");
    const notes = [
      authority === undefined ? undefined : `issuing authority: ${authority}`,
      location === undefined || location === country.name ? undefined : `issued in: ${location}`,
      xmlFirst(doc, "isValid") === "false" ? "marked not valid by OFAC" : undefined,
    ].filter((n) => n !== undefined);
    out.push({
      type,
      value,
      label,
      ...(country.code ? { country: country.code } : country.name ? { countryName: country.name } : {}),
      ...(notes.length > 0 ? { note: notes.join("; ") } : {}),
    });
  }
  return out;
}

function readRelationships(ctx: Context, entity: XmlNode, remarks: string[]): void {
  for (const rel of xmlChildren(xmlChildren(entity, "relationships")[0] ?? {}, "relationship")) {
    const extra = unknownKeys(rel, KNOWN.relationship);
    const related = xmlChildren(rel, "relatedEntity")[0];
    const quality = xmlFirst(rel, "quality");
    const id = related === undefined ? undefined : xmlAttr(related, "entityId");
    remarks.push(
      `${xmlFirst(rel, "type") ?? "Related to"}: ${xmlText(related) ?? "(unnamed)"}${id === undefined ? "" : ` (entity ${id})`}${quality === undefined ? "" : ` [${quality}]`}${extra.length > 0 ? `; ${flattenXml(Object.fromEntries(extra.map((k) => [k, rel[k]])))}` : ""}`,
    );
    warn(ctx, "relationships kept in remarks (no model field)");
  }
}

function readEntity(ctx: Context, entity: XmlNode, index: number): Designation | undefined {
  const sourceId = xmlAttr(entity, "id");
  const recordId = sourceId ?? `entity #${index + 1}`;
  if (sourceId === undefined || !/^\d+$/.test(sourceId)) {
    ctx.issues.push({ recordId, field: "entity@id", expected: "a numeric entity id", received: JSON.stringify(sourceId) });
    return undefined;
  }
  const remarks: string[] = [];
  const extra = unknownKeys(entity, KNOWN.entity);
  if (extra.length > 0) {
    remarks.push(...extra.map((k) => `${k}: ${flattenXml(entity[k])}`));
    warn(ctx, `unknown entity elements kept in remarks (${extra.join(", ")})`);
  }
  const general = xmlChildren(entity, "generalInfo")[0] ?? {};
  const extraG = unknownKeys(general, KNOWN.generalInfo);
  if (extraG.length > 0) {
    remarks.push(...extraG.map((k) => `${k}: ${flattenXml(general[k])}`));
    warn(ctx, `unknown generalInfo elements kept in remarks (${extraG.join(", ")})`);
  }
  const typeText = xmlFirst(general, "entityType");
  const type = typeText === undefined ? undefined : ENTITY_TYPES[typeText.toLowerCase()];
  if (type === undefined) {
    ctx.issues.push({ recordId, field: "generalInfo.entityType", expected: "Individual, Entity, Vessel or Aircraft", received: JSON.stringify(typeText) });
    return undefined;
  }
  const generalRemark = xmlFirst(general, "remarks");
  if (generalRemark !== undefined) remarks.unshift(generalRemark);

  const memberships: Membership[] = [];
  for (const list of xmlChildren(xmlChildren(entity, "sanctionsLists")[0] ?? {}, "sanctionsList")) {
    const name = xmlText(list);
    const publishedText = xmlAttr(list, "datePublished");
    const published = isoDate(publishedText);
    if (name === undefined) {
      ctx.issues.push({ recordId, field: "sanctionsList", expected: "a list name", received: "an empty element" });
      continue;
    }
    if (publishedText !== undefined && published === undefined) {
      ctx.issues.push({ recordId, field: `sanctionsList[${name}]@datePublished`, expected: "YYYY-MM-DD", received: JSON.stringify(publishedText) });
      continue;
    }
    memberships.push({ list: name, ...(published === undefined ? {} : { datePublished: published }) });
  }
  const textsOf = (group: string, item: string): string[] =>
    xmlChildren(xmlChildren(entity, group)[0] ?? {}, item)
      .map(xmlText)
      .filter((t): t is string => t !== undefined);
  const programs = [...new Set(textsOf("sanctionsPrograms", "sanctionsProgram"))];
  const authorities = [...new Set(textsOf("legalAuthorities", "legalAuthority"))];
  const types = [...new Set(textsOf("sanctionsTypes", "sanctionsType"))];

  const names = readNames(ctx, recordId, entity, type, remarks);
  const facts = readFeatures(ctx, recordId, entity, programs, remarks);
  const documents = readDocuments(ctx, recordId, entity, remarks);
  const addresses = readAddresses(ctx, entity, remarks);
  readRelationships(ctx, entity, remarks);
  const bases = buildBases(ctx, recordId, memberships, programs, authorities, types, remarks);
  for (const pd of facts.programDates) {
    const targets = bases.filter((b) => b.program === pd.program);
    for (const b of targets) b.note = b.note === undefined ? pd.text : `${b.note}; ${pd.text}`;
  }

  const subject: Subject = {
    type,
    names,
    identifiers: [...documents, ...facts.identifiers],
    birthDates: facts.birthDates,
    birthPlaces: facts.birthPlaces,
    nationalities: [...new Set(facts.nationalities)],
    citizenships: [...new Set(facts.citizenships)],
    addresses,
    ...(facts.gender ? { gender: facts.gender } : {}),
    ...(Object.keys(facts.vessel).length > 0 ? { vessel: facts.vessel } : {}),
    ...(facts.established === undefined ? {} : { established: facts.established }),
  };
  return {
    id: `${ctx.listId}:${sourceId}`,
    list: ctx.listId,
    sourceId,
    subject,
    bases,
    remarks,
    sourceUrl: `https://sanctionssearch.ofac.treas.gov/Details.aspx?id=${sourceId}`,
  };
}

/** The file's own name as written (case kept), for citations. */
function fileLabel(name: string): string {
  const parts = name.split(/[\\/]/);
  return parts[parts.length - 1] ?? name;
}

function chooseListId(context: ParseContext, source: ListSource, filterLists: readonly string[], entities: readonly XmlNode[]): string {
  if (context.listId !== DEFAULT_LIST_ID) return context.listId;
  if (/^sdn_enhanced/i.test(fileLabel(source.name))) return SDN_LIST_ID;
  if (filterLists.length > 0) return filterLists.every((l) => l === SDN_LIST) ? SDN_LIST_ID : DEFAULT_LIST_ID;
  const listsOf = (e: XmlNode): string[] =>
    xmlChildren(xmlChildren(e, "sanctionsLists")[0] ?? {}, "sanctionsList")
      .map(xmlText)
      .filter((t): t is string => t !== undefined);
  const sdnOnly = entities.length > 0 && entities.every((e) => listsOf(e).includes(SDN_LIST) && !listsOf(e).includes(CONSOLIDATED_LIST));
  return sdnOnly ? SDN_LIST_ID : DEFAULT_LIST_ID;
}

function parseOfacEnhancedXml(sources: readonly ListSource[], context: ParseContext): ParsedList {
  const source = sources[0];
  if (sources.length !== 1 || source === undefined) {
    throw new ListFormatError(context.listId, [{ field: "files", expected: "one Enhanced XML file", received: `${sources.length} files` }], {
      summary: "not one OFAC Enhanced XML file",
    });
  }
  const doc = parseXmlDocument(context.listId, source);
  if (doc.rootName !== "sanctionsData") {
    throw new ListFormatError(context.listId, [{ field: `${source.name} root element`, expected: "sanctionsData", received: doc.rootName }], {
      summary: "not an OFAC Enhanced XML file",
    });
  }
  const root = doc.root;
  const publication = xmlChildren(root, "publicationInfo")[0] ?? {};
  const filterLists = xmlChildren(xmlChildren(xmlChildren(publication, "filters")[0] ?? {}, "sanctionsLists")[0] ?? {}, "sanctionsList")
    .map(xmlText)
    .filter((t): t is string => t !== undefined);
  const entitiesNode = xmlChildren(root, "entities")[0];
  const entities = entitiesNode === undefined ? [] : xmlChildren(entitiesNode, "entity");
  const listId = chooseListId(context, source, filterLists, entities);

  const dataAsOf = xmlFirst(publication, "dataAsOf");
  let listDate: string | undefined;
  if (dataAsOf !== undefined) {
    const m = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(dataAsOf);
    if (!m || isoDate(m[1]) === undefined) {
      throw new ListFormatError(listId, [{ field: "publicationInfo/dataAsOf", expected: "YYYY-MM-DD[Thh:mm:ss]", received: JSON.stringify(dataAsOf) }], {
        summary: "list date is not a date",
      });
    }
    // Midnight without a zone is a plain date in OFAC's exports.
    listDate = m[2] === undefined || /^T00:00:00(\.0+)?$/.test(m[2]) ? m[1] : dataAsOf;
  }
  if (entitiesNode === undefined) {
    throw new ListFormatError(listId, [{ field: `${source.name} entities`, expected: "an <entities> element", received: "none" }], {
      summary: "not an OFAC Enhanced XML file",
    });
  }

  const refs = new Map<string, ReferenceValue>();
  for (const ref of xmlChildren(xmlChildren(root, "referenceValues")[0] ?? {}, "referenceValue")) {
    const id = xmlAttr(ref, "refId");
    if (id === undefined) continue;
    const isoCode = xmlFirst(ref, "isoCode");
    const code = xmlFirst(ref, "code");
    refs.set(id, { type: xmlFirst(ref, "type") ?? "", value: xmlFirst(ref, "value") ?? "", ...(isoCode ? { isoCode } : {}), ...(code ? { code } : {}) });
  }
  const ctx: Context = { listId, fileName: fileLabel(source.name), refs, issues: [], warningCounts: new Map() };
  const extraRoot = unknownKeys(root, new Set(["@_xmlns:xsi", "@_xmlns:xsd", "@_xsi:schemaLocation", "@_xmlns", "@_schemaLocation", "publicationInfo", "referenceValues", "featureTypes", "entities"]));
  const warnings = [...doc.warnings];
  if (extraRoot.length > 0) warnings.push(`top-level elements not read: ${extraRoot.join(", ")}`);

  const records: Designation[] = [];
  entities.forEach((entity, index) => {
    const record = readEntity(ctx, entity, index);
    if (record) records.push(record);
  });
  for (const [message, count] of [...ctx.warningCounts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    warnings.push(`${message} (${count}×)`);
  }
  return {
    records,
    title: listId === "ofac-sdn" ? "OFAC Specially Designated Nationals (SDN) List, Enhanced XML" : "OFAC Consolidated (non-SDN) Sanctions List, Enhanced XML",
    ...(listDate === undefined ? {} : { listDate }),
    listDateSource: listDate === undefined ? "none: publicationInfo/dataAsOf is missing" : "publicationInfo/dataAsOf",
    issues: ctx.issues,
    warnings,
  };
}

/**
 * Driver for OFAC's Enhanced XML (`CONS_ENHANCED.XML`, `SDN_ENHANCED.XML`).
 * @example
 * loadList([{ name: "CONS_ENHANCED.XML", data }]).metadata.listDate //=> "2025-01-10"
 */
export const ofacEnhancedXmlLoader: ListLoader = {
  format: "ofac-enhanced-xml",
  listId: DEFAULT_LIST_ID,
  publisher: "U.S. Treasury, Office of Foreign Assets Control (OFAC)",
  title: "OFAC Consolidated (non-SDN) or SDN List, Enhanced XML",
  detect(sources) {
    if (sources.length !== 1 || sources[0] === undefined) return false;
    const head = sniff(sources[0]);
    return /<sanctionsData[\s>]/.test(head) && head.includes(NAMESPACE);
  },
  parse: parseOfacEnhancedXml,
};
