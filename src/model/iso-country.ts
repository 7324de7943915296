/**
 * ISO 3166-1 alpha-2: the 249 officially assigned codes (ISO 3166 Maintenance Agency, as of 2024;
 * the last change was South Sudan, SS, in 2011), plus `XK` (Kosovo), a user-assigned code the EU,
 * UK and OFAC lists use. Caller input is checked against this table, not just "two capitals":
 * `UK`, `EL`, `YU` and other reserved or withdrawn codes are refused, with the code to use instead.
 */

/** Every assigned ISO 3166-1 alpha-2 code. */
export const ISO_3166_1_ALPHA2: ReadonlySet<string> = new Set(
  (
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
    "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
    "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
    "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
    "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
    "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
    "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"
  ).split(" "),
);

/** User-assigned codes accepted besides ISO's own, and why. */
export const ACCEPTED_USER_ASSIGNED_CODES: Readonly<Record<string, string>> = {
  XK: "Kosovo (user-assigned; used by the EU, UK and OFAC lists)",
};

/**
 * Codes people write that are not ISO 3166-1 codes, and the code to use instead.
 * Sources: ISO 3166 Maintenance Agency (reserved and withdrawn codes); the EU's Interinstitutional
 * Style Guide (EL, UK).
 */
const HINTS: Readonly<Record<string, string>> = {
  UK: 'the United Kingdom is "GB" (UK is only reserved in ISO 3166-1)',
  EL: 'Greece is "GR" (EL is the EU\'s own abbreviation)',
  EU: 'the EU is not a country; name the regime in jurisdictions: ["EU"]',
  UN: 'the UN is not a country; name the regime in jurisdictions: ["UN"]',
  YU: 'Yugoslavia (withdrawn): use "RS" (Serbia), "ME" (Montenegro) or another successor',
  CS: 'Serbia and Montenegro (withdrawn 2006): use "RS" or "ME"',
  SU: 'the USSR (withdrawn): use "RU" or another successor',
  ZR: 'Zaire (withdrawn 1997): use "CD"',
  TP: 'East Timor (withdrawn 2002): use "TL"',
  BU: 'Burma (withdrawn 1989): use "MM"',
  DD: 'the GDR (withdrawn 1990): use "DE"',
  AN: 'the Netherlands Antilles (withdrawn 2010): use "CW", "SX" or "BQ"',
};

/**
 * Whether a code is an assigned ISO 3166-1 alpha-2 code (or an accepted user-assigned one, `XK`).
 * @example
 * isIsoCountryCode("GB") //=> true
 * isIsoCountryCode("UK") //=> false
 */
export function isIsoCountryCode(code: string): boolean {
  return ISO_3166_1_ALPHA2.has(code) || Object.hasOwn(ACCEPTED_USER_ASSIGNED_CODES, code);
}

/**
 * What to write instead of a code that is not ISO 3166-1, when it is a known mistake.
 * @example
 * isoCountryCodeHint("UK") //=> 'the United Kingdom is "GB" (UK is only reserved in ISO 3166-1)'
 * isoCountryCodeHint("gb") //=> 'codes are upper case: "GB"'
 */
export function isoCountryCodeHint(value: string): string | undefined {
  const upper = value.trim().toUpperCase();
  if (upper !== value && isIsoCountryCode(upper)) return `codes are upper case: "${upper}"`;
  return HINTS[upper];
}
