import { COMMON_ENGLISH_WORDS } from "./common-words.generated";

/**
 * Word tables for token classes. All entries are in compare form (upper-case ASCII, punctuation
 * removed, dotted abbreviations joined: "d.o.o." → "DOO", "S.A." → "SA").
 *
 * Legal forms are grouped in families so that "OOO" and "LLC", or "JSC" and "AO", compare as the
 * same class; a mismatch between families is only a mild signal (sister companies, translated
 * forms). Multi-word forms are matched as phrases, longest first.
 */

/** Legal-form families: the family name is what two names compare on. */
export const LEGAL_FORM_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  // Limited-liability companies, incl. Russian/Belarusian OOO, Kazakh TOO, Ukrainian TOV,
  // Balkan d.o.o., Romance SRL/SARL/LTDA, German GmbH, Polish sp. z o.o., Czech/Slovak s.r.o.
  "limited-liability": [
    "LLC", "LLC.", "OOO", "TOO", "TOV", "DOO", "SRL", "SARL", "SARLU", "LTDA", "GMBH", "SPZOO", "SRO",
    "KFT", "EOOD", "OOD", "JLLC", "ODO", "OY", "LIMITED LIABILITY COMPANY", "LIMITED LIABILITY CO",
    "LIMITED LIABILITY PARTNERSHIP", "OBSHCHESTVO S OGRANICHENNOY OTVETSTVENNOSTYU",
    "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTIU", "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU",
    "TOVARYSTVO Z OBMEZHENOYU VIDPOVIDALNISTYU", "SOCIEDAD DE RESPONSABILIDAD LIMITADA",
    "SOCIETE A RESPONSABILITE LIMITEE", "GESELLSCHAFT MIT BESCHRANKTER HAFTUNG", "SP Z OO",
    // Mexico: S. de R.L. (de C.V.), and the rural production company S.P.R. de R.L. (Ley Agraria),
    // written "S. de P.R. de R.L." too.
    "S DE RL", "S DE RL DE CV", "S DE RL MI", "SOCIEDAD DE RESPONSABILIDAD LIMITADA DE CAPITAL VARIABLE",
    "SPR DE RL", "SPR DE RL DE CV", "S DE PR DE RL", "S DE PR DE RL DE CV",
    "SOCIEDAD DE PRODUCCION RURAL DE RESPONSABILIDAD LIMITADA",
    // A company with a single owner ("AL-AMMAR LLC ONE PERSON COMPANY"; "… ONE-PERSON CO. LTD." is a limited one).
    "ONE PERSON LLC", "ONE PERSON LIMITED LIABILITY COMPANY",
    // China's limited company (有限公司, 有限责任公司) in pinyin, as words or a syllable at a time (a
    // name written in Chinese characters is romanised one character at a time; the joined forms are
    // in the compiled rigour table).
    "YOUXIAN GONGSI", "YOU XIAN GONG SI", "YOUXIAN ZEREN GONGSI", "YOU XIAN ZE REN GONG SI",
  ],
  // Joint-stock companies: JSC/AO and their open/closed/public variants, SA, AG, NV, SpA, PLC.
  "joint-stock": [
    "JSC", "AO", "ZAO", "OAO", "PAO", "OJSC", "CJSC", "PJSC", "PJS", "SA", "SAL", "SAE", "SAS", "AG", "NV",
    "SPA", "PLC", "JSCO", "AAT", "ZAT", "PAT", "PRAT", "ASA", "OYJ", "KK",
    "JOINT STOCK COMPANY", "JOINT STOCK CO", "JOINT STOCK", "JOINTSTOCK", "OPEN JOINT STOCK COMPANY", "CLOSED JOINT STOCK COMPANY",
    "PUBLIC JOINT STOCK COMPANY", "PRIVATE JOINT STOCK COMPANY", "NON PUBLIC JOINT STOCK COMPANY",
    "PRIVATE JSC", "PUBLIC JSC", "OPEN JSC", "CLOSED JSC",
    // Iran's sherkat-e sahami-ye khass / aam (private / public joint-stock company), as OFAC writes them.
    "SAHAMI KHASS", "SAHAMI KHAS", "SAHAMI AAM", "SAHAMI AM",
    "PUBLICLY TRADED COMPANY", "AKTSIONERNOE OBSHCHESTVO", "AKTSIONERNOYE OBSHCHESTVO",
    "OTKRYTOE AKTSIONERNOE OBSHCHESTVO", "OTKRYTOYE AKTSIONERNOYE OBSHCHESTVO",
    "ZAKRYTOE AKTSIONERNOE OBSHCHESTVO", "ZAKRYTOYE AKTSIONERNOYE OBSHCHESTVO",
    "PUBLICHNOE AKTSIONERNOE OBSHCHESTVO", "PUBLICHNOYE AKTSIONERNOYE OBSHCHESTVO",
    "SOCIETE ANONYME", "SOCIEDAD ANONIMA", "AKTIENGESELLSCHAFT", "PUBLIC LIMITED COMPANY",
    // Mexico: the listed S.A.B. de C.V. (sociedad anónima bursátil).
    "SAB DE CV",
    // Venezuela's compañía anónima (written "C.A." after the name: see DOTTED_END_FORMS).
    "COMPANIA ANONIMA",
    // China's joint-stock company (股份有限公司, 股份公司) in pinyin, as words or a syllable at a time.
    "GUFEN YOUXIAN GONGSI", "GU FEN YOU XIAN GONG SI", "GUFEN GONGSI", "GU FEN GONG SI",
  ],
  limited: [
    "LTD", "LIMITED", "PTE", "PTY", "BV", "CO LTD", "COMPANY LIMITED", "PRIVATE LIMITED", "PVT", "PVT LTD",
    "ONE PERSON COMPANY", "ONE PERSON CO LTD", "ONE PERSON COMPANY LIMITED",
  ],
  corporation: ["CORP", "CORPORATION", "INC", "INCORPORATED", "CO", "COMPANY", "CORPORATIVO"],
  // State and municipal unitary enterprises (Russia, Belarus: RUE = republican unitary enterprise).
  "unitary-enterprise": [
    "UE", "RUE", "RUP", "GUP", "FGUP", "MUP", "SUE", "FSUE", "UNITARY ENTERPRISE",
    "REPUBLICAN UNITARY ENTERPRISE", "STATE UNITARY ENTERPRISE", "FEDERAL STATE UNITARY ENTERPRISE",
    "MUNICIPAL UNITARY ENTERPRISE", "UNITARY STATE ENTERPRISE", "FEDERALNOE GOSUDARSTVENNOE UNITARNOE PREDPRIYATIE",
    "GOSUDARSTVENNOE UNITARNOE PREDPRIYATIE",
  ],
  // Mexico's S.P.R. de R.I. (rural production company with unlimited liability) is a partnership's kind.
  partnership: [
    "LP", "LLP", "LIMITED PARTNERSHIP", "KG", "GBR", "OHG", "SPR DE RI", "SPR DE RI DE CV", "S DE PR DE RI",
    "SOCIEDAD DE PRODUCCION RURAL DE RESPONSABILIDAD ILIMITADA",
    // Mexico's sociedad civil (a civil partnership; "S.C." after the name: see DOTTED_END_FORMS).
    "SOCIEDAD CIVIL",
  ],
  "free-zone": ["FZE", "FZCO", "FZC", "FZ LLC", "FZLLC", "DMCC"],
  // Families known only from the compiled rigour legal forms (name-tables.generated.ts).
  cooperative: [],
  "non-profit": [],
};

/**
 * Two-letter legal forms that are read as such only when written as dotted letters at the end of
 * an organisation's name ("BIBLOS TRAVEL, C.A.", "CONSORCIO NUJOMA, S.C."): undotted, or anywhere
 * else, "CA" and "SC" are name words too often (rigour's tables leave two-letter forms out).
 */
export const DOTTED_END_FORMS: Readonly<Record<string, string>> = {
  // Compañía anónima (Venezuela, Ecuador).
  CA: "joint-stock",
  // Sociedad civil (Mexico), societate comercială (Romania).
  SC: "partnership",
};

/**
 * Abbreviations of generic organisation words, mapped to the full word. Lists and customers
 * abbreviate freely ("LUKOIL OIL COMP", "GUANGZHOU HAIGE COMM GRP"); both sides are expanded.
 */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  COMP: "COMPANY", CMPNY: "COMPANY", CPNY: "COMPANY",
  GRP: "GROUP", GRUPO: "GROUP", GROUPE: "GROUP", GRUPP: "GROUP", GRUPPA: "GROUP", GRUPPY: "GROUP",
  // Pinyin 集团 ("group"), and Russian "national" in its endings (NATIONAL and GROUP are kept as
  // name words, not table symbols: see scripts/build-name-tables.ts).
  JITUAN: "GROUP",
  NATSIONALNY: "NATIONAL", NATSIONALNYY: "NATIONAL", NATSIONALNYI: "NATIONAL", NATSIONALNYJ: "NATIONAL", NATSIONALNIY: "NATIONAL",
  NATSIONALNAYA: "NATIONAL", NATSIONALNOE: "NATIONAL", NATSIONALNOYE: "NATIONAL", NATSIONALNOGO: "NATIONAL", NATSIONALNOY: "NATIONAL",
  KOMPANIYA: "COMPANY", KOMPANIYI: "COMPANY",
  // Persian sherkat ("company"; SHERKATE with the ezafe written on: "SHERKATE SANAYE MADANIYE KAVEH PARS").
  SHERKAT: "COMPANY", SHERKATE: "COMPANY",
  COMM: "COMMUNICATION", COMMS: "COMMUNICATION", COMMUNICATIONS: "COMMUNICATION",
  SRVCES: "SERVICES", SRVCS: "SERVICES", SVCS: "SERVICES", SVC: "SERVICES", SERV: "SERVICES", SERVICE: "SERVICES",
  INTL: "INTERNATIONAL", INTERNATL: "INTERNATIONAL", INTERNAT: "INTERNATIONAL", INTERNACIONAL: "INTERNATIONAL",
  TRDG: "TRADING", TRAD: "TRADING",
  IND: "INDUSTRIES", INDS: "INDUSTRIES", INDUSTRY: "INDUSTRIES", INDUSTRIAL: "INDUSTRIES",
  HLDG: "HOLDING", HLDGS: "HOLDING", HOLDINGS: "HOLDING",
  MFG: "MANUFACTURING", MFRS: "MANUFACTURING",
  TECH: "TECHNOLOGY", TECHNOLOGIES: "TECHNOLOGY", TECHNOL: "TECHNOLOGY",
  DEVT: "DEVELOPMENT", DEVEL: "DEVELOPMENT",
  MGMT: "MANAGEMENT", MGT: "MANAGEMENT",
  ENTPR: "ENTERPRISE", ENTERPRISES: "ENTERPRISE",
  INVT: "INVESTMENT", INVESTMENTS: "INVESTMENT",
  ENGG: "ENGINEERING", ENGRG: "ENGINEERING",
  NATL: "NATIONAL",
  ASSN: "ASSOCIATION", ASSOC: "ASSOCIATION",
  DEPT: "DEPARTMENT",
  BROS: "BROTHERS",
  CTR: "CENTER", CENTRE: "CENTER",
  UNIV: "UNIVERSITY",
  INST: "INSTITUTE",
  MKTG: "MARKETING",
  SYS: "SYSTEMS",
  EXPT: "EXPORT", IMPT: "IMPORT", IMPEX: "IMPORT EXPORT",
  // OFAC's own abbreviations in designated organisations' names ("FLORES DTO", "CHAMS MLO").
  DTO: "DRUG TRAFFICKING ORGANIZATION", MLO: "MONEY LAUNDERING ORGANIZATION",
  // Soviet and Russian enterprise types written as their initials ("NPP SALYUT", "OKB NOVATOR", "NII
  // PLATAN"), read as the English descriptor words the lists translate them with (SCIENTIFIC-PRODUCTION
  // ENTERPRISE SALYUT, NOVATOR EXPERIMENTAL DESIGN BUREAU); the transliterated long forms
  // (NAUCHNO-PROIZVODSTVENNOE PREDPRIYATIE, KONSTRUKTORSKOE BYURO) compare with those words as symbols.
  // Not read: initials that are also something else in the lists or in names (KB: a design bureau, a
  // commercial bank — KB VOSTOCHNY — and a brand's initials — KB LINES LIMITED; NPF: a pension fund; PO,
  // GK, TD, SKB: a surname, two meanings, initials, a bank; NTC). NPO here is nauchno-proizvodstvennoe
  // obedinenie, as in every list name written with it, not a non-profit organisation.
  NPP: "SCIENTIFIC PRODUCTION ENTERPRISE", NPO: "SCIENTIFIC PRODUCTION ASSOCIATION", NPK: "SCIENTIFIC PRODUCTION CORPORATION",
  NII: "SCIENTIFIC RESEARCH INSTITUTE", TSNII: "CENTRAL SCIENTIFIC RESEARCH INSTITUTE", VNII: "ALL RUSSIAN SCIENTIFIC RESEARCH INSTITUTE",
  OKB: "EXPERIMENTAL DESIGN BUREAU", TSKB: "CENTRAL DESIGN BUREAU",
  NTTS: "SCIENTIFIC TECHNICAL CENTER",
  ELEC: "ELECTRONICS", ELECTRONIC: "ELECTRONICS", ELECTR: "ELECTRONICS", ELECT: "ELECTRIC",
  CHEM: "CHEMICAL", CHEMS: "CHEMICALS",
  CONSTR: "CONSTRUCTION", CONSTRN: "CONSTRUCTION",
  MFR: "MANUFACTURING", MANUF: "MANUFACTURING", MANUFG: "MANUFACTURING",
  EQUIP: "EQUIPMENT", EQPT: "EQUIPMENT",
  DISTR: "DISTRIBUTION", DISTRIB: "DISTRIBUTION", DISTRIBN: "DISTRIBUTION",
  PHARM: "PHARMACEUTICAL", PHARMA: "PHARMACEUTICAL",
  TRANSP: "TRANSPORT", TRANSPT: "TRANSPORT",
  LOGISTIC: "LOGISTICS",
  SOLUTION: "SOLUTIONS",
  PRODUCT: "PRODUCTS",
  SYSTEM: "SYSTEMS",
};

/**
 * Generic organisation words (after abbreviation expansion): they describe a business, never
 * identify it, so they weigh little and alone never make a match.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set([
  "GROUP", "INTERNATIONAL", "TRADING", "TRADE", "SERVICES", "INDUSTRIES", "HOLDING", "ENTERPRISE",
  "COMMUNICATION", "TECHNOLOGY", "MANUFACTURING", "DEVELOPMENT", "INVESTMENT", "MANAGEMENT",
  "SYSTEMS", "SOLUTIONS", "GLOBAL", "GENERAL", "CONSULTING", "PRODUCTS", "ENGINEERING", "IMPORT",
  "EXPORT", "NATIONAL", "ASSOCIATION", "CENTER", "MARKETING", "TRANSPORT", "ELECTRONICS",
  "LOGISTICS", "WORLDWIDE", "HOLDINGS", "VENTURES", "PARTNERS", "AGENCY", "FIRM", "CONCERN",
  "ORGANIZATION", "ORGANISATION", "FOUNDATION", "ESTABLISHMENT", "FACTORY", "PLANT", "SHIPPING",
  "COMMERCIAL", "INDUSTRIAL", "SCIENTIFIC", "PRODUCTION", "RESEARCH", "OFFICE", "BUREAU",
  // Transliterated Russian/Belarusian generic words of enterprise names.
  "PREDPRIYATIE", "PREDPRIYATIYE", "NAUCHNO", "NAUCHNOE", "NAUCHNOYE", "PROIZVODSTVENNOE", "PROIZVODSTVENNOYE",
  "OBEDINENIE", "OBYEDINENIYE", "GOSUDARSTVENNOE", "GOSUDARSTVENNOYE", "FEDERALNOE", "FEDERALNOYE", "ZAVOD",
  "KONTSERN", "TSENTR", "INSTITUT", "BYURO", "KONSTRUKTORSKOE", "KONSTRUKTORSKOYE", "KHOLDING",
]);

/**
 * Words of long (transliterated) legal-form phrases. Lists spell these phrases loosely
 * ("OBSCHESTVO S OGRANICHENNOI OTVESTVENNOSTYU"), so each word is also recognised alone, and
 * words of seven or more letters within one edit (two from ten letters) of one of these are too. The family is the one
 * the word implies ("" for words common to several families).
 */
export const LEGAL_WORDS: Readonly<Record<string, string>> = {
  OBSHCHESTVO: "", OBSHESTVO: "", OBSCHESTVO: "", TOVARYSTVO: "", TAVARYSTVA: "", TOVARISHCHESTVO: "",
  OGRANICHENNOY: "limited-liability", OGRANICHENNOI: "limited-liability", OTVETSTVENNOSTYU: "limited-liability",
  OTVETSTVENNOSTIU: "limited-liability", OBMEZHENOYU: "limited-liability", VIDPOVIDALNISTYU: "limited-liability",
  AKTSIONERNOE: "joint-stock", AKTSIONERNOYE: "joint-stock", AKTSYYANERNAYE: "joint-stock", AKTSIONERNE: "joint-stock",
  OTKRYTOE: "joint-stock", OTKRYTOYE: "joint-stock", ZAKRYTOE: "joint-stock", ZAKRYTOYE: "joint-stock",
  ADKRYTAYE: "joint-stock", PUBLICHNOE: "joint-stock", PUBLICHNOYE: "joint-stock", AKTSIONERNAYA: "joint-stock",
  UNITARNOE: "unitary-enterprise", UNITARNOYE: "unitary-enterprise",
};

/** Words that join other words in organisation names; compared, but weigh almost nothing. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  "THE", "OF", "AND", "FOR", "IN", "ON", "AT", "TO", "BY", "WITH", "AN", "ET", "UND",
]);

/**
 * Name particles (Arabic al-/el-/bin/ibn/abu/abd and sun-letter forms, European van/von/de/da…):
 * they are compared, but weigh little and may be glued to the next word ("AL QAIDA" ~ "ALQAIDA").
 */
export const PARTICLES: ReadonlySet<string> = new Set([
  "AL", "EL", "UL", "AS", "AD", "AR", "AZ", "AT", "ASH", "ADH", "AN", "ET", "ES", "ER", "EZ", "EN",
  "BIN", "BINT", "IBN", "BEN", "BENT", "ABU", "ABOU", "ABD", "ABDUL", "ABDEL", "ABDAL", "UMM", "OUM",
  "BA", "BOU",
  "VAN", "VON", "DER", "DEN", "DE", "DA", "DI", "DO", "DOS", "DAS", "DEL", "DELLA", "DELA", "LA", "LE",
  "LOS", "LAS", "DU", "DES", "MC", "MAC", "ST", "SAN", "SANTA",
]);

/**
 * Honorifics, titles and generational suffixes: dropped from person names (lists and customers
 * add or omit them at will: "MAZHAR, Maulana Hakim Mohammad").
 */
export const HONORIFICS: ReadonlySet<string> = new Set([
  "MR", "MRS", "MS", "MISS", "DR", "PROF", "PROFESSOR", "SIR", "DAME", "MADAME", "MME", "MLLE",
  "MONSIEUR", "HERR", "FRAU", "SENOR", "SENORA", "SHEIKH", "SHAIKH", "SHAYKH", "SHEIK", "SHK",
  "MAULANA", "MAULAWI", "MAWLAWI", "MAULVI", "MOULVI", "MAWLAVI", "MAULAVI", "MOLAVI", "MOLANA",
  "MULLAH", "MULLA", "MOLLAH", "HAJI", "HAJJI", "HADJI", "ALHAJI", "ALHAJ", "HAJ", "QARI", "HAFIZ",
  "AYATOLLAH", "HOJATOLESLAM", "JR", "SR", "II", "III", "IV", "ESQ",
]);

/**
 * Place words that callers add after an organisation's name ("ARMY SUPPLY BUREAU DAMASCUS",
 * "REYCO GMBH GERMANY"): countries (one-word forms) and capitals and trade hubs. In organisation
 * (and untyped) names they weigh like generic words, on both sides: a place says where, not who.
 */
export const PLACE_WORDS: ReadonlySet<string> = new Set([
  // Countries and regions
  "AFGHANISTAN", "ALBANIA", "ALGERIA", "ANGOLA", "ARGENTINA", "ARMENIA", "AUSTRALIA", "AUSTRIA", "AZERBAIJAN", "BAHRAIN",
  "BANGLADESH", "BELARUS", "BELGIUM", "BOLIVIA", "BOSNIA", "BRAZIL", "BULGARIA", "BURMA", "CAMBODIA", "CAMEROON", "CANADA",
  "CHILE", "CHINA", "COLOMBIA", "CONGO", "CROATIA", "CUBA", "CYPRUS", "CZECHIA", "DENMARK", "ECUADOR", "EGYPT", "ERITREA",
  "ESTONIA", "ETHIOPIA", "EUROPE", "FINLAND", "FRANCE", "GEORGIA", "GERMANY", "GHANA", "GREECE", "GUINEA", "HUNGARY", "INDIA",
  "INDONESIA", "IRAN", "IRAQ", "IRELAND", "ISRAEL", "ITALY", "JAPAN", "JORDAN", "KAZAKHSTAN", "KENYA", "KOREA", "KOSOVO",
  "KUWAIT", "KYRGYZSTAN", "LAOS", "LATVIA", "LEBANON", "LIBERIA", "LIBYA", "LITHUANIA", "MALAYSIA", "MALI", "MALTA", "MEXICO",
  "MOLDOVA", "MONGOLIA", "MONTENEGRO", "MOROCCO", "MYANMAR", "NEPAL", "NETHERLANDS", "NICARAGUA", "NIGERIA", "NORWAY", "OMAN",
  "PAKISTAN", "PALESTINE", "PANAMA", "PERU", "PHILIPPINES", "POLAND", "PORTUGAL", "QATAR", "ROMANIA", "RUSSIA", "RWANDA",
  "SERBIA", "SINGAPORE", "SLOVAKIA", "SLOVENIA", "SOMALIA", "SPAIN", "SUDAN", "SWEDEN", "SWITZERLAND", "SYRIA", "TAIWAN",
  "TAJIKISTAN", "TANZANIA", "THAILAND", "TUNISIA", "TURKEY", "TURKIYE", "TURKMENISTAN", "UGANDA", "UKRAINE", "URUGUAY", "USA",
  "UZBEKISTAN", "VENEZUELA", "VIETNAM", "YEMEN", "ZAMBIA", "ZIMBABWE", "UAE", "UK",
  // Nationality adjectives ("SYRIAN ARAB AIR FORCE", "IRANIAN … COMPANY")
  "ARAB", "AFGHAN", "AMERICAN", "BELARUSIAN", "CHINESE", "CUBAN", "EGYPTIAN", "EUROPEAN", "GERMAN", "INDIAN", "IRANIAN",
  "IRAQI", "ISRAELI", "KOREAN", "LEBANESE", "LIBYAN", "PAKISTANI", "PALESTINIAN", "RUSSIAN", "SAUDI", "SUDANESE", "SYRIAN",
  "TURKISH", "UKRAINIAN", "VENEZUELAN", "YEMENI",
  // Capitals and trade hubs
  "ABUJA", "ACCRA", "ADDIS", "ALGIERS", "ALMATY", "AMMAN", "AMSTERDAM", "ANKARA", "ASHGABAT", "ASTANA", "ATHENS", "BAGHDAD",
  "BAKU", "BAMAKO", "BANGKOK", "BASRA", "BEIJING", "BEIRUT", "BELGRADE", "BENGHAZI", "BERLIN", "BISHKEK", "BOGOTA", "BRUSSELS",
  "BUCHAREST", "BUDAPEST", "CAIRO", "CARACAS", "CHENNAI", "CHISINAU", "COLOMBO", "DAMASCUS", "DHAKA", "DOHA", "DUBAI",
  "DUSHANBE", "FRANKFURT", "GAZA", "GENEVA", "GUANGZHOU", "HAMBURG", "HANOI", "HAVANA", "HELSINKI", "HONGKONG", "ISLAMABAD", "ISTANBUL",
  "JAKARTA", "JEDDAH", "KABUL", "KARACHI", "KHARTOUM", "KHARKIV", "KINSHASA", "KYIV", "KIEV", "LAGOS", "LAHORE", "LATAKIA",
  "LIMASSOL", "LONDON", "MADRID", "MANAGUA", "MANILA", "MEXICO", "MILAN", "MINSK", "MOGADISHU", "MOSCOW", "MOSUL", "MUMBAI",
  "MUSCAT", "NAIROBI", "NICOSIA", "PARIS", "PRAGUE", "PYONGYANG", "RIGA", "RIYADH", "ROME", "SANAA", "SEOUL", "SHANGHAI",
  "SHARJAH", "SHENZHEN", "SOFIA", "STOCKHOLM", "TAIPEI", "TASHKENT", "TBILISI", "TEHRAN", "TIANJIN", "TOKYO", "TRIPOLI",
  "TUNIS", "VIENNA", "VILNIUS", "WARSAW", "YEREVAN", "ZURICH",
]);

/**
 * Places written in two words, each of which alone is no place ("HONG KONG", "SAUDI ARABIA"; a
 * word that is, such as KOREA, is one already): in organisation names the caller adding one costs
 * what an added place word does (see NameToken.place).
 */
export const PLACE_PHRASES: ReadonlySet<string> = new Set([
  "HONG KONG", "SAUDI ARABIA", "SOUTH AFRICA", "NEW ZEALAND", "SRI LANKA", "COSTA RICA", "EL SALVADOR", "PUERTO RICO",
  "UNITED KINGDOM", "UNITED STATES", "CZECH REPUBLIC", "DOMINICAN REPUBLIC", "KUALA LUMPUR", "NEW DELHI", "TEL AVIV",
  "BUENOS AIRES", "SAO PAULO", "CAPE TOWN", "ST PETERSBURG", "SAINT PETERSBURG", "ADDIS ABABA", "PHNOM PENH", "ULAN BATOR",
]);

// Compares the word at [start, end) of `s` with `w`, as Array#sort ordered the table (code units).
function compareWordAt(s: string, start: number, end: number, w: string): number {
  const n = Math.min(end - start, w.length);
  for (let i = 0; i < n; i++) {
    const d = s.charCodeAt(start + i) - w.charCodeAt(i);
    if (d !== 0) return d;
  }
  return end - start - w.length;
}

// Where the words of each two-letter prefix lie in the table: [start, end) character ranges at
// 2·k and 2·k+1 for prefix k (26·first + second letter), made on first use (2,704 bytes, one scan).
let prefixRanges: Int32Array | undefined;

function prefixKey(s: string, at: number): number {
  const a = s.charCodeAt(at) - 65;
  const b = s.charCodeAt(at + 1) - 65;
  return a >= 0 && a < 26 && b >= 0 && b < 26 ? a * 26 + b : -1;
}

function rangesOf(s: string): Int32Array {
  const ranges = new Int32Array(26 * 26 * 2);
  let i = 0;
  while (i < s.length) {
    while (i < s.length && s.charCodeAt(i) <= 32) i++;
    if (i >= s.length) break;
    const start = i;
    while (i < s.length && s.charCodeAt(i) > 32) i++;
    const k = prefixKey(s, start);
    if (k < 0) continue;
    if (ranges[2 * k + 1] === 0) ranges[2 * k] = start;
    ranges[2 * k + 1] = i;
  }
  return ranges;
}

// Binary search of the sorted, white-space separated word table within the word's prefix range, in
// place: no set of ten thousand strings is made (the table is asked while the embedded lists'
// names are explained, on cold start).
function tableHas(s: string, w: string): boolean {
  const k = w.length < 2 ? -1 : prefixKey(w, 0);
  if (k < 0) return false;
  prefixRanges ??= rangesOf(s);
  let lo = prefixRanges[2 * k] as number;
  let hi = prefixRanges[2 * k + 1] as number;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    // The word holding `mid` (lo is always at a word start or a separator), or the next one.
    let start = mid;
    while (start > lo && s.charCodeAt(start - 1) > 32) start--;
    while (start < hi && s.charCodeAt(start) <= 32) start++;
    if (start >= hi) {
      hi = mid;
      continue;
    }
    let end = start;
    while (end < s.length && s.charCodeAt(end) > 32) end++;
    const c = compareWordAt(s, start, end, w);
    if (c === 0) return true;
    if (c < 0) lo = end;
    else hi = start;
  }
  return false;
}

/**
 * Whether a word (compare form) is an everyday English word of five letters or more, or the plural
 * of one (SCOWL sizes 10 and 20: scripts/build-common-words.ts). An organisation's name word that
 * is not one is distinctive (BENEATHCO, LUMINOR, not TARGET or ARROW; see `genericAfterDistinctive`
 * in the name algorithm). Asked of list names' words, and of a query's descriptor and sector words.
 * @example
 * commonEnglishWord("ARROWS") //=> true
 */
export function commonEnglishWord(text: string): boolean {
  return tableHas(COMMON_ENGLISH_WORDS, text) || englishSingular(text, inCommonTable) === true;
}

const inCommonTable = (word: string): true | undefined => (tableHas(COMMON_ENGLISH_WORDS, word) ? true : undefined);

/**
 * The first reading of an English plural as its singular that `look` accepts — …IES as …Y, then
 * without -S, then without -ES — or undefined (also for a word not ending in S). `look` is called
 * with each reading in turn (no array per word: every query word may ask).
 * @example
 * englishSingular("FACTORIES", (w) => (w === "FACTORY" ? w : undefined)) //=> "FACTORY"
 */
export function englishSingular<T>(text: string, look: (singular: string) => T | undefined): T | undefined {
  if (!text.endsWith("S")) return undefined;
  const y = text.endsWith("IES") ? look(`${text.slice(0, -3)}Y`) : undefined;
  if (y !== undefined) return y;
  return look(text.slice(0, -1)) ?? (text.endsWith("ES") ? look(text.slice(0, -2)) : undefined);
}
