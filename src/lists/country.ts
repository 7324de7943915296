/**
 * Country names as publishers write them → ISO 3166-1 alpha-2. The base table comes from the
 * runtime's own CLDR data (`Intl.DisplayNames`, present in Node, browsers and edge isolates); the
 * aliases below cover publisher spellings CLDR does not use.
 */

// Former states (USSR, Yugoslavia, Serbia and Montenegro) are deliberately absent: no successor code
// is right for every place of birth, so they stay text.
const PUBLISHER_ALIASES: Readonly<Record<string, string>> = {
  "burma": "MM",
  "russia": "RU",
  "russian federation": "RU",
  "iran": "IR",
  "iran (islamic republic of)": "IR",
  "syria": "SY",
  "syrian arab republic": "SY",
  "north korea": "KP",
  "korea, north": "KP",
  "korea north": "KP",
  "democratic people's republic of korea": "KP",
  "korea, democratic people's republic of": "KP",
  "dprk": "KP",
  "south korea": "KR",
  "korea, south": "KR",
  "korea, republic of": "KR",
  "republic of korea": "KR",
  "laos": "LA",
  "lao people's democratic republic": "LA",
  "vietnam": "VN",
  "viet nam": "VN",
  "moldova": "MD",
  "republic of moldova": "MD",
  "tanzania": "TZ",
  "united republic of tanzania": "TZ",
  "bolivia": "BO",
  "venezuela": "VE",
  "congo, democratic republic of the": "CD",
  "democratic republic of the congo": "CD",
  "congo (democratic republic)": "CD",
  "congo, republic of the": "CG",
  "republic of the congo": "CG",
  "congo": "CG",
  "cote d'ivoire": "CI",
  "cote d ivoire": "CI",
  "ivory coast": "CI",
  "macedonia": "MK",
  "the former yugoslav republic of macedonia": "MK",
  "czech republic": "CZ",
  "turkey": "TR",
  "türkiye": "TR",
  "turkiye": "TR",
  "united kingdom": "GB",
  "uk": "GB",
  "great britain": "GB",
  "united states": "US",
  "united states of america": "US",
  "usa": "US",
  "us": "US",
  "uae": "AE",
  "united arab emirates": "AE",
  "west bank": "PS",
  "gaza": "PS",
  "palestinian territories": "PS",
  "palestine": "PS",
  "occupied palestinian territory": "PS",
  "kosovo": "XK",
  "region: crimea": "UA",
  "crimea": "UA",
  "region: gaza": "PS",
  "region: kurdistan region": "IQ",
  "region: northern mali": "ML",
  "brunei": "BN",
  "cape verde": "CV",
  "micronesia": "FM",
  "micronesia, federated states of": "FM",
  "swaziland": "SZ",
  "eswatini": "SZ",
  "the bahamas": "BS",
  "bahamas, the": "BS",
  "the gambia": "GM",
  "gambia, the": "GM",
  "holy see": "VA",
  "vatican city": "VA",
  "hong kong": "HK",
  "macau": "MO",
  "macao": "MO",
  "taiwan": "TW",
  "st. kitts and nevis": "KN",
  "saint kitts and nevis": "KN",
  "st. lucia": "LC",
  "st. vincent and the grenadines": "VC",
  "saint vincent and the grenadines": "VC",
  "netherlands antilles": "CW",
  "curacao": "CW",
  "sint maarten": "SX",
  "british virgin islands": "VG",
  "virgin islands, british": "VG",
  "east timor": "TL",
  "timor-leste": "TL",
  "belarus": "BY",
  "byelorussia": "BY",
  // UN official names
  "united kingdom of great britain and northern ireland": "GB",
  "state of palestine": "PS",
  "china, hong kong special administrative region": "HK",
  "china, macao special administrative region": "MO",
  "wallis and futuna islands": "WF",
  "cabo verde": "CV",
};

function fold(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

/** Deprecated and grouping codes CLDR still names ("DD" Germany, "EU", "UN"): never a country's code. */
const NOT_COUNTRIES: ReadonlySet<string> = new Set(["DD", "YU", "CS", "ZR", "TP", "BU", "SU", "FX", "NT", "QO", "EU", "EZ", "UN", "ZZ", "XA", "XB", "QU"]);

let table: Map<string, string> | undefined;

function buildTable(): Map<string, string> {
  const map = new Map<string, string>();
  const display = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  const A = 65;
  const names: [string, string][] = [];
  for (let i = 0; i < 26; i++) {
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(A + i, A + j);
      const name = display.of(code);
      if (name && name !== code && !NOT_COUNTRIES.has(code)) names.push([fold(name), code]);
    }
  }
  for (const [folded, code] of names) map.set(folded, code);
  // CLDR writes "Bosnia & Herzegovina" and "Myanmar (Burma)"; publishers write "and" and "Myanmar".
  // Variants never override an exact name ("Germany (East)" must not take "germany").
  for (const [folded, code] of names) {
    for (const variant of [folded.replace(/ & /g, " and "), folded.replace(/\s*\([^)]*\)/g, "")]) {
      if (!map.has(variant)) map.set(variant, code);
    }
  }
  for (const [name, code] of Object.entries(PUBLISHER_ALIASES)) map.set(fold(name), code);
  return map;
}

let codes: Set<string> | undefined;

/**
 * ISO 3166-1 alpha-2 code for a country name as a publisher writes it, or `undefined`.
 * @example
 * countryCode("Belarus") //=> "BY"
 * countryCode("Korea, North") //=> "KP"
 * countryCode("Bosnia and Herzegovina") //=> "BA"
 */
export function countryCode(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const trimmed = name.trim();
  table ??= buildTable();
  codes ??= new Set(table.values());
  if (/^[A-Z]{2}$/.test(trimmed)) return codes.has(trimmed) ? trimmed : undefined;
  const folded = fold(trimmed);
  const direct = table.get(folded);
  if (direct !== undefined) return direct;
  // Inverted forms: "Man, Isle of", "Korea, Republic of".
  const inverted = /^([^,]+),\s*([^,]+)$/.exec(folded);
  return inverted ? table.get(`${inverted[2] as string} ${inverted[1] as string}`) : undefined;
}

/**
 * English name of an ISO country code, for display.
 * @example
 * countryName("SY") //=> "Syria"
 */
export function countryName(code: string): string {
  return new Intl.DisplayNames(["en"], { type: "region", fallback: "code" }).of(code) ?? code;
}
