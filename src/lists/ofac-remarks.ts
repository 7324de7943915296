/**
 * OFAC date and Remarks parsing, shared by the legacy CSV and Enhanced XML drivers.
 *
 * OFAC packs most identity facts of a legacy CSV record into its Remarks field: `; `-separated
 * fragments such as `DOB 30 Aug 1954`, `Passport A123 (Iran) issued 01 Jan 2005`,
 * `a.k.a. 'OJSC MAZ'`. {@link parseOfacRemarks} maps the fragments it recognises. Unrecognised
 * fragments are only listed in `unparsed`: the caller keeps the full remark text, so nothing is lost.
 * A fragment is mapped only when the whole fragment matches. A partial guess is worse than text.
 */
import { daysInMonth } from "../dates/calendar";
import type { DateValue, Identifier, IdentifierType, Name, PartialDate, Place } from "../model";
import { countryCode } from "./country";
import { ofacProgramForQualifier } from "./ofac-programs";

/** OFAC spellings that neither CLDR nor the shared alias table know. */
const OFAC_COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  "bosnia-herzegovina": "BA",
  "cabo verde": "CV",
  "north macedonia, the republic of": "MK",
  "north macedonia": "MK",
  "u.k.": "GB",
  // OFAC writes "Palestinian" as a country (addresses, nationality, document issuer).
  "palestinian": "PS",
  "palestinian authority": "PS",
  "region: west bank": "PS",
};

/**
 * ISO code for a country as OFAC writes it: the shared table, then OFAC's forms `X and Y`
 * (CLDR writes `X & Y`), inverted `Man, Isle of`, and a few OFAC-only spellings.
 * @example
 * ofacCountryCode("Bosnia and Herzegovina") //=> "BA"
 * ofacCountryCode("Man, Isle of") //=> "IM"
 */
export function ofacCountryCode(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const t = name.trim();
  if (t === "") return undefined;
  return countryCode(t) ?? OFAC_COUNTRY_ALIASES[t.toLowerCase()];
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * A date as OFAC writes it (`30 Aug 1954`, `Aug 1954`, `1954`) as a partial ISO date, or
 * `undefined` when the text is not such a date (including impossible days like `31 Feb 1970`).
 * @example
 * parseOfacDate("30 Aug 1954") //=> "1954-08-30"
 * parseOfacDate("Jan 1970") //=> "1970-01"
 */
export function parseOfacDate(text: string): PartialDate | undefined {
  const t = text.trim();
  let m = /^(\d{1,2}) ([A-Za-z]{3})[a-z]*\.? (\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS[(m[2] as string).toLowerCase()];
    const year = Number(m[3]);
    const day = Number(m[1]);
    if (month === undefined || day < 1 || day > daysInMonth(year, month)) return undefined;
    return `${m[3]}-${pad(month)}-${pad(day)}`;
  }
  m = /^([A-Za-z]{3})[a-z]*\.? (\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS[(m[1] as string).toLowerCase()];
    return month === undefined ? undefined : `${m[2]}-${pad(month)}`;
  }
  if (/^\d{4}$/.test(t)) return t;
  return undefined;
}

/**
 * An OFAC date of birth or other uncertain date: one date, `circa <date>`, or `<date> to <date>`.
 * @example
 * parseOfacDateValue("circa 1970") //=> { from: "1970", to: "1970", circa: true }
 * parseOfacDateValue("1968 to 1970") //=> { from: "1968", to: "1970" }
 */
export function parseOfacDateValue(text: string): DateValue | undefined {
  let t = text.trim();
  const circa = /^circa\s+/i.test(t);
  if (circa) t = t.replace(/^circa\s+/i, "");
  const range = /^(.+?)\s+to\s+(.+)$/i.exec(t);
  if (range) {
    const from = parseOfacDate(range[1] as string);
    const to = parseOfacDate(range[2] as string);
    if (from === undefined || to === undefined || from > to) return undefined;
    return circa ? { from, to, circa: true } : { from, to };
  }
  const date = parseOfacDate(t);
  if (date === undefined) return undefined;
  return circa ? { from: date, to: date, circa: true } : date;
}

/**
 * Identifier labels OFAC uses (in Remarks and as Enhanced XML document types) → identifier type.
 * The label itself is kept on the identifier; labels not listed fall back to
 * {@link ofacIdentifierType}'s keyword rules.
 */
const IDENTIFIER_LABELS: Readonly<Record<string, IdentifierType>> = {
  "Passport": "passport",
  "Diplomatic Passport": "passport",
  "British National Overseas Passport": "passport",
  "Stateless Person Passport": "passport",
  "Passport Booklet": "passport",
  "Passport Booklet:": "passport",
  "Travel Document Number": "passport",
  "National ID No.": "national-id",
  "Cedula No.": "national-id",
  "C.U.R.P.": "national-id",
  "C.U.R.P. #": "national-id",
  "D.N.I.": "national-id",
  "Identification Number": "national-id",
  "Personal ID Card": "national-id",
  "Electoral Registry No.": "national-id",
  "Credencial electoral": "national-id",
  "National Foreign ID Number": "national-id",
  "SSN": "national-id",
  "Kenyan ID No.": "national-id",
  "Bosnian Personal ID No.": "national-id",
  "Moroccan Personal ID No.": "national-id",
  "Turkish Identification Number": "national-id",
  "Numero de Identidad": "national-id",
  "Citizen's Card Number": "national-id",
  "Tazkira National ID Card": "national-id",
  "CNP (Personal Numerical Code)": "national-id",
  "C.U.I.": "national-id",
  "C.U.I.P.": "national-id",
  "I.F.E.": "national-id",
  "N.I.E.": "national-id",
  "UAE Identification": "national-id",
  "Residency Number": "national-id",
  "Refugee ID Card": "national-id",
  "Stateless Person ID Card": "national-id",
  "Tax ID No.": "tax-id",
  "R.F.C.": "tax-id",
  "R.F.C. #": "tax-id",
  "RFC": "tax-id",
  "NIT #": "tax-id",
  "RUC #": "tax-id",
  "RIF #": "tax-id",
  "V.A.T. Number": "tax-id",
  "Italian Fiscal Code": "tax-id",
  "Fiscal Code": "tax-id",
  "C.U.I.T.": "tax-id",
  "C.I.F.": "tax-id",
  "N.I.F.": "tax-id",
  "US FEIN": "tax-id",
  "RTN": "tax-id",
  "Romanian Tax Registration": "tax-id",
  "Paraguayan tax identification number": "tax-id",
  "Numero Unico de Identificacao Tributaria (NUIT)": "tax-id",
  "Registration Number": "registration",
  "Registration ID": "registration",
  "Business Registration Number": "registration",
  "Business Registration Document #": "registration",
  "Company Number": "registration",
  "UK Company Number": "registration",
  "Commercial Registry Number": "registration",
  "Government Gazette Number": "registration",
  "C.R. No.": "registration",
  "Romanian C.R.": "registration",
  "Chamber of Commerce Number": "registration",
  "Istanbul Chamber of Comm. No.": "registration",
  "Dubai Chamber of Commerce Membership No.": "registration",
  "Folio Mercantil No.": "registration",
  "Matricula Mercantil No": "registration",
  "Trade License No.": "registration",
  "Tourism License No.": "registration",
  "License": "registration",
  "Public Registration Number": "registration",
  "Central Registration System Number": "registration",
  "Legal Entity Number": "registration",
  "LE Number": "registration",
  "Enterprise Number": "registration",
  "Branch Unit Number": "registration",
  "Business Number": "registration",
  "Economic Register Number (CBLS)": "registration",
  "Unified Social Credit Code (USCC)": "registration",
  "United Social Credit Code Certificate (USCCC)": "registration",
  "Certificate of Incorporation Number": "registration",
  "Registration Certificate Number (Dubai)": "registration",
  "Registered Charity No.": "registration",
  "Organization Code": "registration",
  "C.I.N.": "registration",
  "MSB Registration Number": "registration",
  "Chinese Commercial Code": "registration",
  "Russian State Individual Business Registration Number Pattern (OGRNIP)": "registration",
  "Afghan Money Service Provider License Number": "registration",
  "Vessel Registration Identification": "registration",
  "IMO": "imo",
  "MMSI": "mmsi",
  "Vessel Call Sign": "call-sign",
  "Aircraft Manufacturer's Serial Number (MSN)": "aircraft-serial",
  "Aircraft Construction Number (also called L/N or S/N or F/N)": "aircraft-serial",
  "Aircraft Serial Identification": "aircraft-serial",
  "Aircraft Tail Number": "aircraft-tail",
  "Previous Aircraft Tail Number": "aircraft-tail",
  "Aircraft Mode S Transponder Code": "other",
  "SWIFT/BIC": "swift-bic",
  "Email Address": "email",
  "Website": "website",
  "Phone Number": "phone",
  "Telephone": "phone",
  "Telephone No.": "phone",
  "Telephone:": "phone",
  "Fax": "phone",
  "Fax:": "phone",
  "Fax No.": "phone",
  "Driver's License No.": "other",
  "Birth Certificate Number": "other",
  "Cartilla de Servicio Militar Nacional": "other",
  "Military Registration Number": "other",
  "Seafarer's Identification Document": "other",
  "Pilot License Number": "other",
  "Immigration No.": "other",
  "Public Security and Immigration No.": "other",
  "VisaNumberID": "other",
  "SRE Permit No.": "other",
  "Permit Number": "other",
  "Romanian Permanent Resident": "other",
  "File Number": "other",
  "Trademark number": "other",
  "Serial No.": "other",
  "RSIN": "tax-id",
  "Global Intermediary Identification Number": "other",
  "BIK (RU)": "other",
  "ISIN": "other",
  "Equity Ticker": "other",
  "D-U-N-S Number": "registration",
};

/** Identifier labels whose values must not be read as `value (Country)` (URLs, phones, addresses). */
const NO_COUNTRY_TYPES: ReadonlySet<IdentifierType> = new Set(["email", "website", "phone", "crypto-address", "swift-bic"]);

/**
 * Known labels by their first word, each group longest first so `Passport Booklet` wins over
 * `Passport` (a lookup per fragment instead of a scan of every label: Remarks hold 60k fragments).
 */
const LABELS_BY_FIRST_WORD: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const label of Object.keys(IDENTIFIER_LABELS).sort((a, b) => b.length - a.length)) {
    const first = label.split(" ")[0] as string;
    map.set(first, [...(map.get(first) ?? []), `${label} `]);
  }
  return map;
})();

/**
 * The identifier type of an OFAC identifier label: the table of OFAC's own labels first, then
 * keyword rules for labels OFAC adds later; `other` when neither says.
 * @example
 * ofacIdentifierType("Cedula No.") //=> "national-id"
 * ofacIdentifierType("Digital Currency Address - XBT") //=> "crypto-address"
 */
export function ofacIdentifierType(label: string): IdentifierType {
  const known = IDENTIFIER_LABELS[label];
  if (known) return known;
  if (/^Digital Currency Address\b/i.test(label)) return "crypto-address";
  if (/passport/i.test(label)) return "passport";
  if (/\btax\b|fiscal|v\.a\.t\.|\bvat\b/i.test(label)) return "tax-id";
  if (/registration|registry|company|chamber|incorporation|licen[cs]e|enterprise|business|gazette/i.test(label)) return "registration";
  if (/\bID\b|identification|identity|national/i.test(label)) return "national-id";
  return "other";
}

/** A `Listing Date (…)` / `Effective Date (…)` fragment, resolved to a programme tag when possible. */
export interface OfacProgramDate {
  readonly kind: "listing" | "effective";
  /** The parenthesised qualifier, e.g. `EO 14024 Directive 2`, `CMIC`. */
  readonly qualifier: string;
  readonly date: PartialDate;
  /** Programme tag of the record the qualifier refers to. */
  readonly program: string;
  /** The fragment as written. */
  readonly text: string;
}

/** Facts read from an OFAC Remarks text. */
export interface OfacRemarkFacts {
  readonly names: Name[];
  readonly identifiers: Identifier[];
  readonly birthDates: DateValue[];
  readonly birthPlaces: Place[];
  readonly nationalities: string[];
  readonly citizenships: string[];
  gender?: "male" | "female";
  established?: DateValue;
  readonly programDates: OfacProgramDate[];
  /** Fragments mapped to a field. */
  readonly parsed: string[];
  /** Fragments left as text only (they stay in the record's full remark). */
  readonly unparsed: string[];
}

/** Options of {@link parseOfacRemarks}. */
export interface ParseOfacRemarksOptions {
  /** Programme tags of the record, to resolve `Listing Date (EO 14024 …)` to a basis. */
  readonly programs?: readonly string[];
  /** The remark was cut by OFAC's 1,000-character limit: its last fragment is not parsed. */
  readonly truncated?: boolean;
}

/** Splits a remark into `; `-separated fragments, keeping quoted names (`a.k.a. 'A; B'`) whole. */
function splitFragments(text: string): string[] {
  const body = text.trim().replace(/\.$/, "");
  if (body === "") return [];
  // Fragments are joined with "; ", and now and then with a bare ";" ("possibly Palestinian;arrested …").
  const raw = body.split(/;\s*/);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let fragment = raw[i] as string;
    // A quoted alias that contains "; " was split: glue parts until the quote closes.
    if (/^(alt\. )?[afn]\.k\.a\. '/.test(fragment)) {
      while (!/'$/.test(fragment) && i + 1 < raw.length && !/^(alt\. )?[afn]\.k\.a\. '/.test(raw[i + 1] as string)) {
        i++;
        fragment = `${fragment}; ${raw[i] as string}`;
      }
    }
    out.push(fragment.trim());
  }
  return out.filter((f) => f !== "");
}

/** `value (Country) issued <date> expires <date>` after an identifier label. */
const ID_TAIL = /^(.+?)(?: \(([^()]+)\))?(?: issued ([^()]+?))?(?: expires ([^()]+?))?$/;

interface IdentifierOptions {
  /** Accept the `(…)` as a country only when it maps to a code (generic labels). */
  readonly requireCountryCode: boolean;
}

function buildIdentifier(label: string, rest: string, options: IdentifierOptions): Identifier | undefined {
  const type = ofacIdentifierType(label);
  if (NO_COUNTRY_TYPES.has(type)) {
    return /\S/.test(rest) ? { type, value: rest.trim(), label } : undefined;
  }
  const m = ID_TAIL.exec(rest.trim());
  if (!m) return undefined;
  let value = (m[1] as string).trim();
  const inParens = m[2];
  const issuedText = m[3];
  const expiresText = m[4];
  const issued = issuedText === undefined ? undefined : parseOfacDateValue(issuedText);
  const expires = expiresText === undefined ? undefined : parseOfacDateValue(expiresText);
  if ((issuedText !== undefined && issued === undefined) || (expiresText !== undefined && expires === undefined)) return undefined;
  let country: string | undefined;
  let note: string | undefined;
  if (inParens !== undefined) {
    country = ofacCountryCode(inParens);
    if (country === undefined) {
      if (options.requireCountryCode) return undefined;
      // Not a country OFAC spells: sometimes an issuing city ("(Cali)", "(Stuttgart)"). Keep it as
      // written in the note rather than guess that it is a country.
      note = `(${inParens.trim()})`;
    }
  }
  if (type === "imo" || (label === "Vessel Registration Identification" && /^IMO \d{7}$/.test(value))) {
    value = value.replace(/^IMO /, "");
    return { type: "imo", value, label, ...(country ? { country } : {}) };
  }
  if (value === "") return undefined;
  return {
    type,
    value,
    label,
    ...(country ? { country } : {}),
    ...(note ? { note } : {}),
    ...(issued === undefined ? {} : { issued }),
    ...(expires === undefined ? {} : { expires }),
  };
}

/** Reads one identifier fragment (without `alt. `), by known label or the generic label rule. */
function parseIdentifierFragment(fragment: string): Identifier | undefined {
  const crypto = /^(Digital Currency Address - [A-Za-z0-9]+) (\S+)$/.exec(fragment);
  if (crypto) return { type: "crypto-address", value: crypto[2] as string, label: crypto[1] as string };
  // The longest known label decides; a value it cannot read stays text (no retry with a shorter
  // label, which would swallow part of the label into the value).
  const candidates = LABELS_BY_FIRST_WORD.get(fragment.slice(0, fragment.indexOf(" ")));
  const label = candidates?.find((l) => fragment.startsWith(l));
  if (label !== undefined) return buildIdentifier(label.trimEnd(), fragment.slice(label.length), { requireCountryCode: false });
  // Generic rule for labels OFAC adds later: words without digits, a value with a digit and a
  // country OFAC writes in parentheses. Positions ("Member of Parliament for X (Kenya)") have no
  // digit and stay text.
  const generic = /^([A-Za-z][A-Za-z.'#:/&()\- ]*?) ((?=[^()]*\d)[^()]+?) \(([^()]+)\)(?: issued [^()]+?)?(?: expires [^()]+?)?$/.exec(fragment);
  if (generic && !/\d/.test(generic[1] as string) && ofacCountryCode(generic[3]) !== undefined) {
    const genericLabel = (generic[1] as string).trim();
    return buildIdentifier(genericLabel, fragment.slice(genericLabel.length + 1), { requireCountryCode: true });
  }
  return undefined;
}

function placeOf(text: string): Place {
  const place = text.trim();
  const parts = place.split(",").map((p) => p.trim());
  const country = ofacCountryCode(parts[parts.length - 1]);
  return country ? { place, country } : { place };
}

/**
 * Reads the facts OFAC packs into a Remarks text. Every fragment ends up in `parsed` or
 * `unparsed`; the caller keeps the whole text as the record's remark.
 * @example
 * parseOfacRemarks("DOB 30 Aug 1954; alt. DOB 31 Aug 1954; nationality Belarus; Gender Male.").birthDates
 * //=> ["1954-08-30", "1954-08-31"]
 */
export function parseOfacRemarks(text: string, options: ParseOfacRemarksOptions = {}): OfacRemarkFacts {
  const facts: OfacRemarkFacts = {
    names: [],
    identifiers: [],
    birthDates: [],
    birthPlaces: [],
    nationalities: [],
    citizenships: [],
    programDates: [],
    parsed: [],
    unparsed: [],
  };
  const fragments = splitFragments(text);
  const lastIndex = fragments.length - 1;
  fragments.forEach((fragment, index) => {
    // The last fragment of a remark cut at 1,000 characters may itself be cut: never read it.
    const ok = !(options.truncated && index === lastIndex) && readFragment(fragment, facts, options);
    (ok ? facts.parsed : facts.unparsed).push(fragment);
  });
  return facts;
}

function readFragment(fragment: string, facts: OfacRemarkFacts, options: ParseOfacRemarksOptions): boolean {
  const alt = /^alt\. /.test(fragment);
  const body = alt ? fragment.slice(5) : fragment;
  let m: RegExpExecArray | null;

  if ((m = /^DOB (.+)$/.exec(body))) {
    const date = parseOfacDateValue(m[1] as string);
    if (date === undefined) return false;
    facts.birthDates.push(date);
    return true;
  }
  if ((m = /^POB (.+)$/.exec(body))) {
    facts.birthPlaces.push(placeOf(m[1] as string));
    return true;
  }
  // "Nationality of Registration" is an organisation's or vessel's country of registration.
  if ((m = /^(nationality|citizen|Nationality of Registration) (.+)$/.exec(body))) {
    const name = (m[2] as string).trim();
    const code = ofacCountryCode(name);
    // "possibly Palestinian" and the like are hedged: keep them as text, not as a nationality.
    if (code === undefined && !/^[A-Z][A-Za-z' .,-]*$/.test(name)) return false;
    (m[1] === "citizen" ? facts.citizenships : facts.nationalities).push(code ?? name);
    return true;
  }
  if ((m = /^Gender (Male|Female)$/.exec(body))) {
    const gender = m[1] === "Male" ? "male" : "female";
    if (facts.gender !== undefined && facts.gender !== gender) return false;
    facts.gender = gender;
    return true;
  }
  if (!alt && (m = /^([afn])\.k\.a\. '(.+)'$/.exec(body))) {
    // Remarks aliases are OFAC's "weak" aliases; f.k.a. is a former name.
    facts.names.push({ value: (m[2] as string).trim(), kind: m[1] === "f" ? "former" : "weak-alias" });
    return true;
  }
  if ((m = /^Organization Established Date (.+)$/.exec(body))) {
    const date = parseOfacDateValue(m[1] as string);
    // One field in the model: the first date wins, later ones stay text.
    if (date === undefined || facts.established !== undefined) return false;
    facts.established = date;
    return true;
  }
  if ((m = /^(Listing|Effective) Date \((.+?)\):? (.+)$/.exec(body))) {
    const date = parseOfacDate(m[3] as string);
    const program = ofacProgramForQualifier(m[2] as string, options.programs ?? []);
    if (date === undefined || program === undefined) return false;
    facts.programDates.push({ kind: m[1] === "Listing" ? "listing" : "effective", qualifier: m[2] as string, date, program, text: fragment });
    return true;
  }
  const id = parseIdentifierFragment(body);
  if (id) {
    facts.identifiers.push(id);
    return true;
  }
  return false;
}

/**
 * A legacy CSV field with OFAC's empty marker removed: `-0-` (written `-0- `) means no value.
 * @example
 * ofacValue("-0- ") //=> undefined
 * ofacValue(" Minsk ") //=> "Minsk"
 */
export function ofacValue(field: string | undefined): string | undefined {
  if (field === undefined) return undefined;
  const t = field.trim();
  return t === "" || t === "-0-" ? undefined : t;
}

/**
 * Name parts of an OFAC person name `FAMILY, Given Names` (one comma); none for other shapes.
 * @example
 * ofacPersonNameParts("LUKASHENKA, Alyaksandr Ryhorovich") //=> { family: ["LUKASHENKA"], given: ["Alyaksandr Ryhorovich"] }
 */
export function ofacPersonNameParts(name: string): { family: string[]; given: string[] } | undefined {
  const parts = name.split(",");
  if (parts.length !== 2) return undefined;
  const family = (parts[0] as string).trim();
  const given = (parts[1] as string).trim();
  if (family === "" || given === "") return undefined;
  return { family: [family], given: [given] };
}
