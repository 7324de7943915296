/**
 * OFAC programme tags → legal authority and sub-list, shared by the legacy CSV and Enhanced XML
 * drivers.
 *
 * The authority table lists only tags whose instrument is certain. It comes from OFAC's own naming
 * (a tag ending in `-EO13662` names its Executive Order) and from the programme pages on
 * ofac.treasury.gov. A tag missing from the table gets no authority. The loaders never guess one.
 */

/**
 * Well-known OFAC programme tags and the instrument(s) they are made under. Tags of the form
 * `<NAME>-EO<number>` are derived by {@link ofacProgramAuthority} and not repeated here.
 */
const PROGRAM_AUTHORITIES: Readonly<Record<string, string>> = {
  // Non-proliferation: WMD proliferators and their supporters.
  NPWMD: "E.O. 13382",
  // Global terrorism.
  SDGT: "E.O. 13224",
  // Iranian Financial Sanctions Regulations (CISADA / NDAA 2012 s. 1245 / IFCA implementation).
  IFSR: "Iranian Financial Sanctions Regulations, 31 CFR 561",
  // CISADA section 104 (correspondent/payable-through account sanctions) under 31 CFR 561.
  "561-RELATED": "CISADA; Iranian Financial Sanctions Regulations, 31 CFR 561",
  // Syria: the four Syria emergency orders (Syrian Sanctions Regulations, 31 CFR 542).
  SYRIA: "E.O. 13338; E.O. 13572; E.O. 13573; E.O. 13582",
  "SYRIA-CAESAR": "Caesar Syria Civilian Protection Act of 2019",
  BELARUS: "E.O. 13405",
  // Global Magnitsky (E.O. 13818 implements the Global Magnitsky Act).
  GLOMAG: "E.O. 13818",
  MAGNIT: "Sergei Magnitsky Rule of Law Accountability Act of 2012",
  // Narcotics: Kingpin Act and the Colombia narcotics order.
  SDNTK: "Foreign Narcotics Kingpin Designation Act",
  SDNT: "E.O. 12978",
  FTO: "Immigration and Nationality Act, section 219",
  TCO: "E.O. 13581",
  CYBER2: "E.O. 13694, as amended by E.O. 13757",
  IRAN: "E.O. 13599",
  "IRAN-HR": "E.O. 13553",
  "IRAN-TRA": "E.O. 13628",
  "IRAN-CON-ARMS-EO": "E.O. 13949",
  "HRIT-IR": "E.O. 13606",
  "HRIT-SY": "E.O. 13606",
  IFCA: "Iran Freedom and Counter-Proliferation Act of 2012",
  ISA: "Iran Sanctions Act of 1996",
  "CAATSA - IRAN": "Countering America's Adversaries Through Sanctions Act",
  "CAATSA - RUSSIA": "Countering America's Adversaries Through Sanctions Act",
  "DPRK-NKSPEA": "North Korea Sanctions and Policy Enhancement Act of 2016",
  DPRK2: "E.O. 13687",
  DPRK3: "E.O. 13722",
  DPRK4: "E.O. 13810",
  CUBA: "Cuban Assets Control Regulations, 31 CFR 515",
  BALKANS: "E.O. 13219, as amended by E.O. 13304",
  CAR: "E.O. 13667",
  DARFUR: "E.O. 13400",
  DRCONGO: "E.O. 13413",
  IRAQ2: "E.O. 13315",
  IRAQ3: "E.O. 13438",
  LEBANON: "E.O. 13441",
  LIBYA2: "E.O. 13566",
  LIBYA3: "E.O. 13726",
  SOMALIA: "E.O. 13536",
  "SOUTH SUDAN": "E.O. 13664",
  YEMEN: "E.O. 13611",
  ZIMBABWE: "E.O. 13288",
  NICARAGUA: "E.O. 13851",
  "NICARAGUA-NHRAA": "Nicaragua Human Rights and Anticorruption Act of 2018",
  VENEZUELA: "E.O. 13692",
  HIFPAA: "Hizballah International Financing Prevention Amendments Act of 2018",
  UHRPA: "Uyghur Human Rights Policy Act of 2020",
  // Palestinian Legislative Council members: OFAC's own wording in CONS_ENHANCED.XML.
  "NS-PLC": "General License 4 under E.O. 13224",
  "FSE-IR": "E.O. 13608",
  "FSE-SY": "E.O. 13608",
  "CMIC-EO13959": "E.O. 13959, as amended by E.O. 14032",
  "BPI-RUSSIA-EO14024": "E.O. 14024",
};

/**
 * Legal authority of an OFAC programme tag, or `undefined` when it is not certain.
 * @example
 * ofacProgramAuthority("NPWMD") //=> "E.O. 13382"
 * ofacProgramAuthority("BELARUS-EO14038") //=> "E.O. 14038"
 * ofacProgramAuthority("IRGC") //=> undefined
 */
export function ofacProgramAuthority(tag: string): string | undefined {
  const known = PROGRAM_AUTHORITIES[tag.toUpperCase()];
  if (known) return known;
  // OFAC names programmes created by one order after it: `RUSSIA-EO14024`, `BURMA-EO14014`.
  const eo = /-EO(\d{5})$/.exec(tag);
  return eo ? `E.O. ${eo[1]}` : undefined;
}

/**
 * Non-SDN sub-lists a programme tag belongs to without doubt. Other tags (e.g. `RUSSIA-EO14024`)
 * appear on the SDN List and on the Menu-Based list alike, so their sub-list cannot be told from
 * the tag alone.
 */
const NON_SDN_LIST_OF_PROGRAM: readonly (readonly [RegExp, string])[] = [
  [/^NS-PLC$/, "Non-SDN Palestinian Legislative Council List"],
  [/^UKRAINE-EO13662$/, "Sectoral Sanctions Identifications List"],
  [/^CMIC-/, "Non-SDN CMIC List"],
  [/^FSE-/, "FSE List"],
  [/^561-Related$/i, "CAPTA List"],
];

/**
 * The non-SDN sub-list a programme tag belongs to when the tag alone says so.
 * @example
 * ofacNonSdnListOfProgram("NS-PLC") //=> "Non-SDN Palestinian Legislative Council List"
 * ofacNonSdnListOfProgram("RUSSIA-EO14024") //=> undefined
 */
export function ofacNonSdnListOfProgram(tag: string): string | undefined {
  return NON_SDN_LIST_OF_PROGRAM.find(([pattern]) => pattern.test(tag))?.[1];
}

/**
 * Splits OFAC's Program field (`SYRIA] [NPWMD] [IFSR`, the outer brackets stripped by OFAC) into tags.
 * @example
 * splitOfacPrograms("SYRIA] [NPWMD] [IFSR") //=> ["SYRIA", "NPWMD", "IFSR"]
 */
export function splitOfacPrograms(field: string): string[] {
  return field
    .split(/\]\s*\[/)
    .map((tag) => tag.replace(/^\s*\[|\]\s*$/g, "").trim())
    .filter((tag) => tag !== "");
}

/**
 * The programme tag, among `programs`, that a remark or feature qualifier such as
 * `EO 14024 Directive 2` or `CMIC` refers to; `undefined` when none or several match.
 * @example
 * ofacProgramForQualifier("EO 14024 Directive 2", ["UKRAINE-EO13662", "RUSSIA-EO14024"]) //=> "RUSSIA-EO14024"
 */
export function ofacProgramForQualifier(qualifier: string, programs: readonly string[]): string | undefined {
  const eo = /\bE\.?O\.?\s*(\d{5})\b/i.exec(qualifier)?.[1];
  const word = qualifier.trim().split(/\s+/)[0]?.toUpperCase();
  const matches = programs.filter((tag) => {
    if (eo !== undefined) return tag.includes(`EO${eo}`) || (ofacProgramAuthority(tag) ?? "").includes(eo);
    return word !== undefined && word !== "" && tag.toUpperCase().split(/[-\s]/).includes(word);
  });
  return matches.length === 1 ? matches[0] : undefined;
}
