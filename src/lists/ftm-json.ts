/**
 * Driver for FollowTheMoney (FtM) entity exports as OpenSanctions publishes them
 * (`entities.ftm.json`): one JSON object per line, `{id, schema, caption, properties: {name:
 * [values]}, datasets, target, first_seen, last_seen, …}`. This is derived data (CC BY-NC), not
 * an official list: records cite OpenSanctions, and each basis names the dataset it came from.
 *
 * Contracts:
 * - Every line must be a JSON object with a string `id`, a string `schema` and `properties`
 *   whose values are arrays of strings; a line that is not (a truncated file, a stray line) is a
 *   {@link ListFormatError} naming the line. Entity ids must be unique across the input files.
 * - Subjects are the schemata Person, Company, Organization, PublicBody, LegalEntity, Vessel and
 *   Airplane; everything else (Sanction, Address, Passport, Identification, Ownership, Family,
 *   Directorship, …) is linked data, mapped into the subjects it points at or counted in the
 *   warnings. The record id is the FtM id (`opensanctions:NK-…`).
 * - Bases come from `Sanction` entities (`entity` → subject): `country` us/gb/eu/un → regime
 *   US/UK/EU/UN, `authority`, `program` (else `programId`), `provisions` → measures, earliest
 *   `startDate` (else earliest `listingDate`) → stated `listedOn`, latest `endDate` → stated
 *   `endedOn`, the Sanction's dataset ids → basis `list`, the rest → basis note. A Sanction of any
 *   other country (ch, ua, jp, …) is kept as a remark on the subject, never as a basis.
 * - A subject that is a `target` but has no such Sanction for a regime still gets one basis per
 *   official-list dataset it belongs to ({@link FTM_DATASET_REGIMES}: `eu_fsf` → EU, …), without
 *   programme or dates, with a note saying it rests on dataset membership. Sample exports carry
 *   targets without their Sanction entities (yente's `t1` has none at all).
 * - A subject with neither is NOT loaded (it is not designated under a regime this library
 *   screens); each is named in the warnings, never dropped silently. Properties the model has no
 *   place for (firstName, createdAt, …) are counted in one warning.
 * - List date: the newest entity `last_seen` (the export does not state its own date).
 */
import { isCalendarDay } from "../dates";
import { ListFormatError, type RecordIssue } from "../errors";
import type {
  Address,
  DateValue,
  Designation,
  Identifier,
  IdentifierType,
  LegalBasis,
  Name,
  NameKind,
  Place,
  Regime,
  SubjectType,
  Vessel,
} from "../model";
import type { ListLoader, ParsedList } from "./loader";
import { baseName, decodeText, sniff, type ListSource } from "./source";

const LIST_ID = "opensanctions";

/** FtM schemata that are designated parties, and their subject type. */
const SUBJECT_SCHEMATA: Readonly<Record<string, SubjectType>> = {
  Person: "person",
  Company: "organization",
  Organization: "organization",
  PublicBody: "organization",
  // LegalEntity is FtM's parent of Person and Organization: the export does not say which.
  LegalEntity: "unknown",
  Vessel: "vessel",
  Airplane: "aircraft",
};

/** Sanction `country` values that name a regime this library screens. */
const COUNTRY_REGIMES: Readonly<Record<string, Regime>> = { us: "US", gb: "UK", eu: "EU", un: "UN" };

/**
 * OpenSanctions datasets that republish an official US/EU/UK/UN list; membership of a target in
 * one of them is a basis when the export has no Sanction entity for that regime.
 * @example
 * FTM_DATASET_REGIMES.eu_fsf //=> "EU"
 */
export const FTM_DATASET_REGIMES: Readonly<Record<string, Regime>> = {
  us_ofac_sdn: "US",
  us_ofac_cons: "US",
  us_trade_csl: "US",
  us_bis_denied: "US",
  eu_fsf: "EU",
  eu_journal_sanctions: "EU",
  eu_travel_bans: "EU",
  eu_sanctions_map: "EU",
  gb_hmt_sanctions: "UK",
  gb_fcdo_sanctions: "UK",
  un_sc_sanctions: "UN",
};

/** One parsed FtM entity with the line it was read from. */
interface Entity {
  readonly id: string;
  readonly schema: string;
  readonly caption?: string;
  readonly properties: Readonly<Record<string, readonly string[]>>;
  readonly datasets: readonly string[];
  readonly target?: boolean;
  readonly firstSeen?: string;
  readonly lastSeen?: string;
  readonly lastChange?: string;
  readonly file: string;
  readonly line: number;
}

const TOP_LEVEL_MAPPED = new Set([
  "id",
  "schema",
  "caption",
  "properties",
  "datasets",
  "target",
  "first_seen",
  "last_seen",
  "last_change",
]);

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

function readEntities(
  listId: string,
  sources: readonly ListSource[],
  issues: RecordIssue[],
  unmappedTopLevel: Map<string, number>,
): Entity[] {
  const badLines: RecordIssue[] = [];
  const entities: Entity[] = [];
  for (const source of sources) {
    const file = baseName(source.name);
    const lines = decodeText(listId, source).split(/\r?\n/);
    lines.forEach((text, index) => {
      const line = index + 1;
      if (text.trim() === "") return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (cause) {
        badLines.push({
          field: source.name,
          expected: "one JSON object per line",
          received: cause instanceof Error ? cause.message : "invalid JSON",
          line,
        });
        return;
      }
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        badLines.push({ field: source.name, expected: "a JSON object", received: Array.isArray(value) ? "an array" : String(value), line });
        return;
      }
      const raw = value as Record<string, unknown>;
      if (typeof raw.id !== "string" || raw.id === "" || typeof raw.schema !== "string" || raw.schema === "") {
        badLines.push({ field: source.name, expected: "an entity with string id and schema", received: JSON.stringify(text.slice(0, 60)), line });
        return;
      }
      const props = raw.properties;
      if (props === null || typeof props !== "object" || Array.isArray(props)) {
        badLines.push({ recordId: raw.id, field: "properties", expected: "an object of string arrays", received: JSON.stringify(props), line });
        return;
      }
      const properties: Record<string, string[]> = {};
      for (const [key, values] of Object.entries(props as Record<string, unknown>)) {
        if (!isStringArray(values)) {
          issues.push({ recordId: raw.id, field: `properties.${key}`, expected: "an array of strings", received: JSON.stringify(values).slice(0, 80), line });
          continue;
        }
        properties[key] = values;
      }
      for (const key of Object.keys(raw)) {
        if (!TOP_LEVEL_MAPPED.has(key)) unmappedTopLevel.set(key, (unmappedTopLevel.get(key) ?? 0) + 1);
      }
      entities.push({
        id: raw.id,
        schema: raw.schema,
        ...(typeof raw.caption === "string" ? { caption: raw.caption } : {}),
        properties,
        datasets: isStringArray(raw.datasets) ? raw.datasets : [],
        ...(typeof raw.target === "boolean" ? { target: raw.target } : {}),
        ...(typeof raw.first_seen === "string" ? { firstSeen: raw.first_seen } : {}),
        ...(typeof raw.last_seen === "string" ? { lastSeen: raw.last_seen } : {}),
        ...(typeof raw.last_change === "string" ? { lastChange: raw.last_change } : {}),
        file,
        line,
      });
    });
  }
  if (badLines.length > 0) {
    throw new ListFormatError(listId, badLines, {
      summary: `${badLines.length} line${badLines.length === 1 ? " is" : "s are"} not FtM entities`,
    });
  }
  return entities;
}

// --- values --------------------------------------------------------------------------------

/** FtM dates are ISO prefixes (`2023`, `2023-02`, `2023-02-24`, `2023-02-24T10:00:00`). */
function ftmDate(value: string): string | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ].*)?)?)?$/.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (mo === undefined) return y;
  if (Number(mo) < 1 || Number(mo) > 12) return undefined;
  if (d === undefined) return `${y}-${mo}`;
  return isCalendarDay(Number(y), Number(mo), Number(d)) ? `${y}-${mo}-${d}` : undefined;
}

const NON_LATIN_SCRIPTS: readonly (readonly [string, RegExp])[] = [
  ["Cyrl", /\p{Script=Cyrillic}/u],
  ["Arab", /\p{Script=Arabic}/u],
  ["Hani", /\p{Script=Han}/u],
  ["Hang", /\p{Script=Hangul}/u],
  ["Grek", /\p{Script=Greek}/u],
  ["Hebr", /\p{Script=Hebrew}/u],
  ["Geor", /\p{Script=Georgian}/u],
  ["Armn", /\p{Script=Armenian}/u],
  ["Thai", /\p{Script=Thai}/u],
];
const LATIN_OR_NON_LETTERS = /^[\p{Script=Latin}\P{L}]*$/u;

function nameOf(value: string, kind: NameKind): Name {
  if (LATIN_OR_NON_LETTERS.test(value)) return { value, kind };
  const script = NON_LATIN_SCRIPTS.find(([, pattern]) => pattern.test(value))?.[0];
  return { value, kind, originalScript: true, ...(script === undefined ? {} : { script }) };
}

function countryOrName(value: string): { country: string } | { countryName: string } {
  return /^[a-z]{2}$/i.test(value) ? { country: value.toUpperCase() } : { countryName: value };
}

/** FtM country codes are lower-case ISO codes plus a few of its own (`suhh`, `zz`). */
function countryValue(value: string): string {
  return /^[a-z]{2}$/i.test(value) ? value.toUpperCase() : value;
}

// --- identifiers -----------------------------------------------------------------------------

/** FtM identifier properties → identifier types, most specific first (generic idNumber last). */
const IDENTIFIER_PROPERTIES: readonly (readonly [string, IdentifierType | ((schema: string) => IdentifierType)])[] = [
  ["passportNumber", "passport"],
  ["imoNumber", "imo"],
  ["mmsi", "mmsi"],
  ["callSign", "call-sign"],
  ["serialNumber", (schema) => (schema === "Airplane" ? "aircraft-serial" : "other")],
  ["swiftBic", "swift-bic"],
  ["innCode", "tax-id"],
  ["taxNumber", "tax-id"],
  ["vatCode", "tax-id"],
  ["ogrnCode", "registration"],
  ["okpoCode", "registration"],
  ["leiCode", "registration"],
  ["dunsCode", "registration"],
  ["registrationNumber", (schema) => (schema === "Airplane" ? "aircraft-tail" : "registration")],
  ["kppCode", "other"],
  ["permId", "other"],
  ["uniqueEntityId", "other"],
  ["email", "email"],
  ["website", "website"],
  ["phone", "phone"],
  ["idNumber", (schema) => (schema === "Person" ? "national-id" : "registration")],
];

/** Properties turned into `label: value` remarks. */
const REMARK_PROPERTIES = [
  "notes",
  "summary",
  "description",
  "legalForm",
  "status",
  "sector",
  "classification",
  "dissolutionDate",
  "buildDate",
  "model",
  "manufacturer",
  "topics",
  "sourceUrl",
  "education",
  "religion",
  "ethnicity",
  "political",
  "keywords",
];

/** Properties read elsewhere in {@link mapSubject}. */
const HANDLED_PROPERTIES = new Set([
  ...IDENTIFIER_PROPERTIES.map(([p]) => p),
  ...REMARK_PROPERTIES,
  "name",
  "alias",
  "weakAlias",
  "previousName",
  "abbreviation",
  "birthDate",
  "birthPlace",
  "birthCountry",
  "nationality",
  "citizenship",
  "country",
  "jurisdiction",
  "address",
  "addressEntity",
  "gender",
  "position",
  "title",
  "incorporationDate",
  "flag",
  "type",
  "tonnage",
  "grossRegisteredTonnage",
]);

// --- mapping ---------------------------------------------------------------------------------

interface MapContext {
  readonly listId: string;
  readonly byId: ReadonlyMap<string, Entity>;
  readonly sanctionsBySubject: ReadonlyMap<string, Entity[]>;
  readonly linkedBySubject: ReadonlyMap<string, Entity[]>;
  readonly issues: RecordIssue[];
  readonly warnings: string[];
  readonly unmapped: Map<string, number>;
  /** `addressEntity` references to entities that are not Addresses of the input. */
  readonly missingAddresses: string[];
  /** Sanctions mapped once each, even when they point at several subjects. */
  readonly sanctionCache: Map<string, { bases: LegalBasis[]; remark?: string }>;
}

function joined(values: readonly string[] | undefined): string | undefined {
  const list = (values ?? []).map((v) => v.trim()).filter((v) => v !== "");
  return list.length === 0 ? undefined : [...new Set(list)].join("; ");
}

/** Checked dates of one property; a value that is not an ISO date is an issue. */
function datesOf(ctx: MapContext, entity: Entity, property: string): string[] {
  const out: string[] = [];
  for (const value of entity.properties[property] ?? []) {
    const date = ftmDate(value);
    if (date === undefined) {
      ctx.issues.push({ recordId: entity.id, field: `${entity.schema}.${property}`, expected: "an ISO date YYYY[-MM[-DD]]", received: JSON.stringify(value), line: entity.line });
    } else {
      out.push(date);
    }
  }
  return out.sort();
}

/** The bases one Sanction gives, or a remark when its country is not a screened regime. */
function mapSanction(ctx: MapContext, sanction: Entity): { bases: LegalBasis[]; remark?: string } {
  const p = sanction.properties;
  const starts = datesOf(ctx, sanction, "startDate");
  const listings = datesOf(ctx, sanction, "listingDate");
  const ends = datesOf(ctx, sanction, "endDate");
  const authority = joined(p.authority);
  const program = joined(p.program) ?? joined(p.programId);
  const listed = starts[0] ?? listings[0];
  const ended = ends[ends.length - 1];
  const countries = [...new Set((p.country ?? []).map((c) => c.toLowerCase()))];
  const regimes = [...new Set(countries.map((c) => COUNTRY_REGIMES[c]).filter((r): r is Regime => r !== undefined))];
  const datasets = sanction.datasets.join(", ");

  const notes = [`OpenSanctions Sanction ${sanction.id}`];
  if (joined(p.program) !== undefined && joined(p.programId) !== undefined) notes.push(`programId ${joined(p.programId)}`);
  if (starts.length > 1) notes.push(`startDate also ${starts.slice(1).join(", ")}`);
  if (listings.length > 0 && (starts.length > 0 || listings.length > 1)) notes.push(`listingDate ${listings.join(", ")}`);
  if (ends.length > 1) notes.push(`endDate also ${ends.slice(0, -1).join(", ")}`);
  for (const key of ["status", "duration", "reason", "summary", "authorityId", "recordId", "unscId", "sourceUrl"]) {
    const text = joined(p[key]);
    if (text !== undefined) notes.push(`${key}: ${text}`);
  }
  const mappedKeys = new Set(["entity", "country", "authority", "program", "programId", "provisions", "startDate", "listingDate", "endDate", "status", "duration", "reason", "summary", "authorityId", "recordId", "unscId", "sourceUrl"]);
  for (const key of Object.keys(p)) if (!mappedKeys.has(key)) ctx.unmapped.set(`Sanction.${key}`, (ctx.unmapped.get(`Sanction.${key}`) ?? 0) + 1);

  if (regimes.length === 0) {
    const parts = [
      `country ${countries.join(", ") || "(none)"}`,
      authority === undefined ? undefined : `authority ${authority}`,
      program === undefined ? undefined : `program ${program}`,
      listed === undefined ? undefined : `listed ${listed}`,
      ended === undefined ? undefined : `ended ${ended}`,
      datasets === "" ? undefined : `dataset ${datasets}`,
    ].filter((x) => x !== undefined);
    return { bases: [], remark: `Sanction not under a US/EU/UK/UN regime (${parts.join("; ")})` };
  }
  const measures = [...new Set((p.provisions ?? []).map((v) => v.trim()).filter((v) => v !== ""))];
  const source = (field: string): string => `${sanction.file} Sanction.${field}`;
  return {
    bases: regimes.map((regime) => ({
      regime,
      ...(authority === undefined ? {} : { authority }),
      ...(program === undefined ? {} : { program }),
      ...(datasets === "" ? {} : { list: datasets }),
      ...(listed === undefined
        ? {}
        : { listedOn: { date: listed, certainty: "stated" as const, bound: "exact" as const, source: source(starts.length > 0 ? "startDate" : "listingDate") } }),
      ...(ended === undefined ? {} : { endedOn: { date: ended, certainty: "stated" as const, bound: "exact" as const, source: source("endDate") } }),
      measures,
      note: notes.join("; "),
    })),
  };
}

function addressFromEntity(entity: Entity): Address {
  const p = entity.properties;
  const first = (key: string): string | undefined => p[key]?.map((v) => v.trim()).find((v) => v !== "");
  const fulls = [...new Set((p.full ?? []).map((v) => v.trim()).filter((v) => v !== ""))];
  const street = first("street") ?? first("postOfficeBox");
  const country = first("country");
  const notes: string[] = [];
  if (fulls.length > 1) notes.push(`also written: ${fulls.slice(1).join(" | ")}`);
  if (first("street") !== undefined && first("postOfficeBox") !== undefined) notes.push(`P.O. box: ${first("postOfficeBox")}`);
  for (const key of ["street", "city", "postalCode", "region"]) {
    const extra = [...new Set(p[key] ?? [])].slice(1);
    if (extra.length > 0) notes.push(`${key} also: ${extra.join(" | ")}`);
  }
  return {
    ...(fulls[0] === undefined ? {} : { full: fulls[0] }),
    ...(street === undefined ? {} : { street }),
    ...(first("city") === undefined ? {} : { city: first("city") as string }),
    ...(first("region") === undefined ? {} : { region: first("region") as string }),
    ...(first("postalCode") === undefined ? {} : { postalCode: first("postalCode") as string }),
    ...(country === undefined ? {} : countryOrName(country)),
    ...(notes.length === 0 ? {} : { note: notes.join("; ") }),
  };
}

function mapSubject(ctx: MapContext, entity: Entity, type: SubjectType): Designation | undefined {
  const p = entity.properties;
  for (const key of Object.keys(p)) {
    if (!HANDLED_PROPERTIES.has(key)) ctx.unmapped.set(`${entity.schema}.${key}`, (ctx.unmapped.get(`${entity.schema}.${key}`) ?? 0) + 1);
  }

  // Names: the caption (OpenSanctions' display name) is primary, then every other spelling.
  const names: Name[] = [];
  const seen = new Set<string>();
  const push = (value: string, kind: NameKind): void => {
    const v = value.replace(/\s+/g, " ").trim();
    if (v === "" || seen.has(v)) return;
    seen.add(v);
    names.push(nameOf(v, kind));
  };
  const caption = entity.caption?.trim();
  const allNames = p.name ?? [];
  push(caption && caption !== "" ? caption : (allNames[0] ?? ""), "primary");
  if (names.length === 0) {
    ctx.issues.push({ recordId: entity.id, field: `${entity.schema}.name`, expected: "a name or caption", received: "none", line: entity.line });
    return undefined;
  }
  for (const v of allNames) push(v, "alias");
  for (const v of p.alias ?? []) push(v, "alias");
  for (const v of p.weakAlias ?? []) push(v, "weak-alias");
  for (const v of p.abbreviation ?? []) push(v, "weak-alias");
  for (const v of p.previousName ?? []) push(v, "former");

  // Identifiers: specific properties first; generic idNumber values already seen are skipped.
  const identifiers: Identifier[] = [];
  const seenValues = new Set<string>();
  for (const [property, kind] of IDENTIFIER_PROPERTIES) {
    for (const raw of p[property] ?? []) {
      let value = raw.trim();
      if (value === "" || seenValues.has(value)) continue;
      const idType = typeof kind === "function" ? kind(entity.schema) : kind;
      if (idType === "imo") value = value.replace(/^IMO\s*/i, "");
      seenValues.add(raw.trim());
      identifiers.push({ type: idType, value, label: property });
    }
  }

  const remarks: string[] = [];
  const addresses: Address[] = [];
  for (const ref of p.addressEntity ?? []) {
    const target = ctx.byId.get(ref);
    if (!target || target.schema !== "Address") {
      ctx.missingAddresses.push(`${entity.id} → ${ref}`);
      remarks.push(`addressEntity ${ref} (not in the input)`);
      continue;
    }
    addresses.push(addressFromEntity(target));
  }
  const fulls = new Set(addresses.map((a) => a.full?.toLowerCase()));
  for (const text of p.address ?? []) {
    const full = text.replace(/\s+/g, " ").trim();
    if (full === "" || fulls.has(full.toLowerCase())) continue;
    fulls.add(full.toLowerCase());
    addresses.push({ full });
  }
  // FtM `country` / `jurisdiction` are countries linked to the party; kept as country-only addresses.
  for (const [property, note] of [["country", "country linked to the party (FtM country)"], ["jurisdiction", "jurisdiction (FtM jurisdiction)"]] as const) {
    for (const value of p[property] ?? []) {
      const c = countryOrName(value.trim());
      if ("country" in c && addresses.some((a) => a.country === c.country)) continue;
      addresses.push({ ...c, note });
    }
  }

  // Linked documents (Passport, Identification) held by this subject.
  for (const linked of ctx.linkedBySubject.get(entity.id) ?? []) {
    const lp = linked.properties;
    const numbers = [...(lp.number ?? []), ...(lp.passportNumber ?? [])].map((v) => v.trim()).filter((v) => v !== "");
    if (numbers.length === 0) {
      remarks.push(`${linked.schema} ${linked.id} without a number`);
      continue;
    }
    const issued = datesOf(ctx, linked, "startDate")[0];
    const expires = datesOf(ctx, linked, "endDate")[0];
    const country = lp.country?.[0];
    for (const number of numbers) {
      if (seenValues.has(number)) continue;
      seenValues.add(number);
      identifiers.push({
        type: linked.schema === "Passport" ? "passport" : "national-id",
        value: number,
        label: `${linked.schema}.number`,
        ...(country === undefined ? {} : countryOrName(country)),
        ...(issued === undefined ? {} : { issued }),
        ...(expires === undefined ? {} : { expires }),
      });
    }
  }

  const birthDates: DateValue[] = datesOf(ctx, entity, "birthDate");
  const birthPlaces: Place[] = [
    ...(p.birthPlace ?? []).map((place) => ({ place })),
    ...(p.birthCountry ?? []).map((c) => countryOrName(c)),
  ];
  let gender: "male" | "female" | undefined;
  for (const g of p.gender ?? []) {
    const v = g.toLowerCase();
    if ((v === "male" || v === "female") && gender === undefined) gender = v;
    else remarks.push(`gender: ${g}`);
  }
  const established = datesOf(ctx, entity, "incorporationDate");
  if (established.length > 1) remarks.push(`incorporationDate also: ${established.slice(1).join(", ")}`);

  const vessel: Vessel = {};
  if (type === "vessel") {
    const one = (key: string): string | undefined => joined(p[key]);
    if (one("callSign") !== undefined) vessel.callSign = one("callSign") as string;
    if (one("type") !== undefined) vessel.vesselType = one("type") as string;
    if (one("tonnage") !== undefined) vessel.tonnage = one("tonnage") as string;
    if (one("grossRegisteredTonnage") !== undefined) vessel.grossRegisteredTonnage = one("grossRegisteredTonnage") as string;
    if (one("flag") !== undefined) vessel.flag = one("flag") as string;
  } else {
    for (const key of ["type", "flag", "tonnage", "grossRegisteredTonnage"]) {
      const text = joined(p[key]);
      if (text !== undefined) remarks.push(`${key}: ${text}`);
    }
  }

  for (const key of REMARK_PROPERTIES) {
    for (const value of p[key] ?? []) {
      const text = value.trim();
      if (text === "") continue;
      remarks.push(key === "notes" || key === "summary" || key === "description" ? text : `${key}: ${text}`);
    }
  }
  if (entity.datasets.length > 0) remarks.push(`OpenSanctions datasets: ${entity.datasets.join(", ")}`);
  const seenAt = [
    entity.firstSeen === undefined ? undefined : `first seen ${entity.firstSeen}`,
    entity.lastSeen === undefined ? undefined : `last seen ${entity.lastSeen}`,
    entity.lastChange === undefined ? undefined : `last changed ${entity.lastChange}`,
  ].filter((x) => x !== undefined);
  if (seenAt.length > 0) remarks.push(`OpenSanctions ${seenAt.join(", ")}`);

  // Bases: the subject's Sanctions first, then dataset membership for regimes they leave out.
  const bases: LegalBasis[] = [];
  for (const sanction of ctx.sanctionsBySubject.get(entity.id) ?? []) {
    const mapped = ctx.sanctionCache.get(sanction.id) ?? mapSanction(ctx, sanction);
    ctx.sanctionCache.set(sanction.id, mapped);
    bases.push(...mapped.bases);
    if (mapped.remark !== undefined) remarks.push(mapped.remark);
  }
  const isTarget = entity.target ?? (p.topics ?? []).includes("sanction");
  if (isTarget) {
    const covered = new Set(bases.map((b) => b.regime));
    for (const dataset of entity.datasets) {
      const regime = FTM_DATASET_REGIMES[dataset];
      if (regime === undefined || covered.has(regime)) continue;
      bases.push({
        regime,
        list: dataset,
        measures: [],
        note: `listed in OpenSanctions dataset ${dataset}; the export has no Sanction entity for this regime, so no programme or dates`,
      });
    }
  }
  if (bases.length === 0) return undefined;

  return {
    id: `${ctx.listId}:${entity.id}`,
    list: ctx.listId,
    sourceId: entity.id,
    subject: {
      type,
      names,
      identifiers,
      birthDates,
      birthPlaces,
      nationalities: (p.nationality ?? []).map(countryValue),
      citizenships: (p.citizenship ?? []).map(countryValue),
      addresses,
      titles: [...(p.title ?? [])],
      positions: [...(p.position ?? [])],
      ...(gender === undefined ? {} : { gender }),
      ...(established[0] === undefined ? {} : { established: established[0] }),
      ...(Object.keys(vessel).length > 0 ? { vessel } : {}),
    },
    bases,
    remarks,
    sourceUrl: `https://www.opensanctions.org/entities/${encodeURIComponent(entity.id)}/`,
  };
}

/** Schemata whose entities are mapped into the subject they point at, and through which property. */
const LINKED_HOLDER: Readonly<Record<string, string>> = { Passport: "holder", Identification: "holder" };

function countLabel(counts: ReadonlyMap<string, number>): string {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, n]) => `${k} ×${n}`)
    .join(", ");
}

const MAX_NAMED_SUBJECTS = 25;

/**
 * The FtM JSON-lines driver for OpenSanctions exports.
 * @example
 * ftmJsonLoader.parse([{ name: "entities.ftm.json", data }], { listId: "opensanctions" }).records.length //=> 9
 */
export const ftmJsonLoader: ListLoader = {
  format: "ftm-json",
  listId: LIST_ID,
  publisher: "OpenSanctions (FollowTheMoney export)",
  title: "OpenSanctions entities",
  detect(sources) {
    if (sources.length === 0) return false;
    return sources.every((source) => {
      const head = sniff(source, 4096).replace(/^\uFEFF/, "").trimStart();
      return head.startsWith("{") && /"schema"\s*:/.test(head) && /"properties"\s*:|"id"\s*:/.test(head);
    });
  },
  parse(sources, context): ParsedList {
    const listId = context.listId;
    const issues: RecordIssue[] = [];
    const warnings: string[] = [];
    const unmappedTopLevel = new Map<string, number>();
    const entities = readEntities(listId, sources, issues, unmappedTopLevel);

    const byId = new Map<string, Entity>();
    for (const entity of entities) {
      const earlier = byId.get(entity.id);
      if (earlier) {
        issues.push({ recordId: entity.id, field: "id", expected: "a unique entity id", received: `duplicate of ${earlier.file} line ${earlier.line}`, line: entity.line });
        continue;
      }
      byId.set(entity.id, entity);
    }

    const sanctionsBySubject = new Map<string, Entity[]>();
    const linkedBySubject = new Map<string, Entity[]>();
    const otherSchemata = new Map<string, number>();
    for (const entity of byId.values()) {
      if (SUBJECT_SCHEMATA[entity.schema] !== undefined || entity.schema === "Address") continue;
      const holderProperty = entity.schema === "Sanction" ? "entity" : LINKED_HOLDER[entity.schema];
      if (holderProperty === undefined) {
        otherSchemata.set(entity.schema, (otherSchemata.get(entity.schema) ?? 0) + 1);
        continue;
      }
      const refs = entity.properties[holderProperty] ?? [];
      if (refs.length === 0) warnings.push(`${entity.schema} ${entity.id} (line ${entity.line}) names no ${holderProperty}; not used`);
      for (const ref of refs) {
        const subject = byId.get(ref);
        if (!subject || SUBJECT_SCHEMATA[subject.schema] === undefined) {
          warnings.push(`${entity.schema} ${entity.id} (line ${entity.line}) points at ${ref}, which is not a subject in the input; not used`);
          continue;
        }
        const target = entity.schema === "Sanction" ? sanctionsBySubject : linkedBySubject;
        target.set(ref, [...(target.get(ref) ?? []), entity]);
      }
    }

    const ctx: MapContext = { listId, byId, sanctionsBySubject, linkedBySubject, issues, warnings, unmapped: new Map(), missingAddresses: [], sanctionCache: new Map() };
    const records: Designation[] = [];
    const skipped: string[] = [];
    let newestSeen: string | undefined;
    for (const entity of byId.values()) {
      if (entity.lastSeen !== undefined && (newestSeen === undefined || entity.lastSeen > newestSeen)) newestSeen = entity.lastSeen;
      const type = SUBJECT_SCHEMATA[entity.schema];
      if (type === undefined) continue;
      const issuesBefore = issues.length;
      const record = mapSubject(ctx, entity, type);
      if (record) records.push(record);
      else if (issues.length === issuesBefore) {
        skipped.push(`${entity.id} (${entity.schema} "${entity.caption ?? ""}"${entity.target === false ? ", not a target" : ""})`);
      }
    }

    if (skipped.length > 0) {
      const shown = skipped.slice(0, MAX_NAMED_SUBJECTS).join("; ");
      const more = skipped.length > MAX_NAMED_SUBJECTS ? `; … ${skipped.length - MAX_NAMED_SUBJECTS} more` : "";
      warnings.push(`${skipped.length} subject${skipped.length === 1 ? "" : "s"} without any US/EU/UK/UN sanction or official-list dataset, not loaded: ${shown}${more}`);
    }
    if (ctx.missingAddresses.length > 0) {
      // Sample exports keep the subjects but not every Address they point at.
      const shown = ctx.missingAddresses.slice(0, MAX_NAMED_SUBJECTS).join("; ");
      const more = ctx.missingAddresses.length > MAX_NAMED_SUBJECTS ? `; … ${ctx.missingAddresses.length - MAX_NAMED_SUBJECTS} more` : "";
      warnings.push(`${ctx.missingAddresses.length} addressEntity reference${ctx.missingAddresses.length === 1 ? "" : "s"} to entities not in the input, kept as remarks: ${shown}${more}`);
    }
    if (otherSchemata.size > 0) warnings.push(`linked entities not mapped (relationships are not part of a designation): ${countLabel(otherSchemata)}`);
    if (ctx.unmapped.size > 0) warnings.push(`properties not mapped: ${countLabel(ctx.unmapped)}`);
    if (unmappedTopLevel.size > 0) warnings.push(`entity fields not mapped: ${countLabel(unmappedTopLevel)}`);

    return {
      records,
      ...(newestSeen === undefined ? {} : { listDate: newestSeen }),
      listDateSource: newestSeen === undefined ? "none: no entity has last_seen" : "newest entity last_seen (the export states no list date)",
      issues,
      warnings,
    };
  },
};
