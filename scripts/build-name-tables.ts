/**
 * Compiles the rigour name tables (MIT, `../shared/data/reference/rigour/`) into the library's own
 * compact tables, `src/normalize/name-tables.generated.ts`, and copies the licence notice to
 * `lists/reference/NOTICE` (shipped in the package). Run when the reference tables change:
 *
 *   npx tsx scripts/build-name-tables.ts [path/to/rigour]
 *
 * What is taken, in compare form (NFKC, romanised, upper-case, dotted abbreviations joined,
 * punctuation as spaces):
 * - `stopwords.yml` PERSON_NAME_PREFIXES → `TITLE_PHRASES` (titles dropped before a person's name);
 * - `org_types.yml` aliases with a generic tag the matcher knows → `LEGAL_FORM_PHRASES` (phrase → family);
 * - `symbols.yml` org_symbols and org_domains → `ORG_SYMBOLS` (descriptor or sector word → symbol ids:
 *   KOMPANIYA ~ COMPANY, ALMAZ ~ DIAMOND), plus the project's own table of descriptor words in other
 *   languages (ZAVOD ~ PLANT, NAFT ~ OIL);
 * - `symbols.yml` person_nick → `NICKNAMES` (spelling → nickname groups), plus the project's own
 *   table of Russian and Ukrainian diminutives (SASHA ~ ALEKSANDR).
 * Entries that would turn a name word into a class word are left out (see `KEEP_AS_NAME`).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import anyAscii from "any-ascii";
import { parse } from "yaml";
import { PLACE_WORDS } from "../src/normalize/token-tables";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE = resolve(process.argv[2] ?? join(ROOT, "../shared/data/reference/rigour"));

function compareForm(s: string): string {
  return anyAscii(String(s).normalize("NFKC"))
    .toUpperCase()
    .replace(/(?<![A-Z0-9])((?:[A-Z]\.)+[A-Z])\.?(?![A-Z0-9])/g, (m) => m.replace(/\./g, ""))
    .replace(/['`]/g, "")
    .replace(/&/g, " AND ")
    .replace(/[^A-Z0-9]+/g, " ")
    .trim();
}

// Words that stay name words even where a table lists them: particles of Arabic and European
// names, stop words, short words that are given names or common name tokens, and sector spellings
// that are also a personal name or a brand (CHANG: a Chinese surname and pinyin for factory).
const KEEP_AS_NAME = new Set([
  "AL", "EL", "AS", "AD", "AR", "AZ", "AT", "AN", "ET", "ES", "ER", "EN", "DE", "DA", "DI", "DO", "DU", "LA", "LE", "BIN", "IBN",
  "BEN", "ABU", "ABD", "UMM", "VAN", "VON", "DER", "DEN", "THE", "OF", "AND", "FOR", "IN", "ON", "TO", "BY", "MA", "AB", "OY",
  "HE", "HA", "SE", "SI", "SU", "KA", "KO", "NA", "NO", "OU", "SO", "TA", "TE", "TI", "UN", "UNO", "YA", "YE", "YO", "IS", "IT",
  "AM", "MY", "ME", "WE", "US", "AI", "AK", "SHA", "SAD", "MOO", "ANO", "SIA", "KOR", "ONG", "CIA", "TAA", "TDA", "SAK", "GENERAL", "PRIVATE", "STATE", "NATIONAL", "UNION", "BANK", "TRUST", "FUND", "GROUP",
  "CHANG", "ISLAM", "HIRA", "HIRE", "SOLA", "TAKI", "INTEL", "ROYAL", "PODER", "POLIS",
]);

// rigour's generic legal-form tags → the matcher's families (src/normalize/token-tables.ts).
const FAMILY: Readonly<Record<string, string>> = {
  LLC: "limited-liability",
  JSC: "joint-stock",
  SOE: "unitary-enterprise",
  LP: "partnership",
  LLP: "partnership",
  GP: "partnership",
  COOP: "cooperative",
  NGO: "non-profit",
};

const read = (file: string): unknown => parse(readFileSync(join(SOURCE, file), "utf8"), { uniqueKeys: false });

// Titles: a phrase is dropped only at the start of a name (see normalize-name.ts).
const stop = read("stopwords.yml") as Record<string, string[]>;
const titles = new Set<string>();
for (const p of stop.PERSON_NAME_PREFIXES ?? []) {
  const c = compareForm(p);
  if (c.length > 1 && !KEEP_AS_NAME.has(c)) titles.add(c);
}

// Legal forms with a known generic family.
const orgTypes = read("org_types.yml") as { types: { display?: string; compare?: string; generic?: string; aliases?: string[] }[] };
const legal: Record<string, string> = {};
for (const t of orgTypes.types) {
  const family = t.generic === undefined ? undefined : FAMILY[t.generic];
  if (family === undefined) continue;
  for (const a of [t.display, t.compare, ...(t.aliases ?? [])]) {
    if (a === undefined || a === null) continue;
    const c = compareForm(a);
    // Single words of fewer than three letters are too often name words ("YU", "GO", "PT").
    if ((!c.includes(" ") && c.length < 3) || KEEP_AS_NAME.has(c) || /^[0-9 ]+$/.test(c)) continue;
    if (legal[c] === undefined) legal[c] = family;
  }
}

// Organisation descriptor words: every spelling of one symbol compares as the same word. A word
// may carry several symbols (BUREAU: office and bureau). Words that stay name words (above) get no
// symbol: giving GROUP, STATE, NATIONAL, GENERAL, UNION, TRUST, FUND or BANK theirs was measured on the
// dev set to find no variant more (BANK: two more unrelated companies flagged), at the cost of a key
// shared by thousands of names.
const symbols = read("symbols.yml") as Record<string, Record<string, string[]>>;
const orgSymbols: Record<string, string[]> = {};
const addOrgSymbol = (form: string, id: string): void => {
  const c = compareForm(form);
  // Single words only (the matcher compares words).
  if (c.length < 3 || c.includes(" ") || KEEP_AS_NAME.has(c)) return;
  const list = (orgSymbols[c] ??= []);
  if (!list.includes(id)) list.push(id);
};
for (const [id, forms] of Object.entries(symbols.org_symbols ?? {})) for (const f of forms ?? []) addOrgSymbol(f, id.toUpperCase());
// The project's own addition: descriptor words that organisation names in the lists are written
// with, in the romanisations they appear in (Russian, Persian, Arabic, Turkish, Chinese pinyin) and
// in Western European languages, where the rigour table has no entry. General vocabulary of
// company, plant and institute names, not taken from any list name.
const DESCRIPTORS: Readonly<Record<string, readonly string[]>> = {
  CO: ["SHERKAT", "SHERKATE", "SHARIKAT", "SHARIKA", "SIRKETI"],
  INDUSTRY: ["SANATI", "SANAYE", "SANAYEH", "SANAYIE", "SANAYII", "PROMYSHLENNYY", "PROMYSHLENNAYA", "PROMYSHLENNOE", "PROMYSHLENNOGO", "GONGYE"],
  KOMBINAT: ["COMBINE", "COMBINAT"],
  PLANT: ["PLANT", "FACTORY", "WORKS", "ZAVOD", "ZAVODA", "ZAVODY", "FABRIKA", "FABRIK", "FABRICA", "FABRYKA", "USINE", "KARKHANEH", "KARKHANE", "KARKHANA", "GONGCHANG"],
  ENGINEERING: ["ENGINEERING", "INGENIERIA", "INGENIERIE", "INGEGNERIA", "ENGENHARIA", "INZHENERNYY", "INZHENERNAYA", "INZHENERNOE", "INZHINIRING", "MOHANDESI", "MUHENDISLIK", "GONGCHENG"],
  SHIPPING: ["SHIPPING", "SHPG", "KESHTIRANI", "NAVIERA", "SUDOKHODNAYA", "SUDOKHODNOE", "SUDOKHODSTVO", "HAIYUN", "CHUANWU"],
  SCIENTIFIC: ["SCIENTIFIC", "NAUCHNO", "NAUCHNYY", "NAUCHNAYA", "NAUCHNOE", "NAUCHNYKH", "ELMI", "CIENTIFICO", "CIENTIFICA", "SCIENTIFIQUE", "WISSENSCHAFTLICHE", "KEXUE", "SCIENCES", "NAUK", "NAUKI"],
  RESEARCH: ["RESEARCH", "ISSLEDOVATELSKIY", "ISSLEDOVATELSKII", "ISSLEDOVATELSKIJ", "ISSLEDOVATELSKY", "ISSLEDOVATELSKOE", "ISSLEDOVATELSKAYA", "ISSLEDOVATELSKOGO", "TAHGHIGHAT", "TAHQIQAT", "PAZHOOHESH", "PAZHUHESH", "INVESTIGACION", "RECHERCHE", "FORSCHUNG", "YANJIU"],
  PRODUCTION: ["PRODUCTION", "PROIZVODSTVENNOE", "PROIZVODSTVENNAYA", "PROIZVODSTVENNYY", "PROIZVODSTVENNOGO", "PROIZVODSTVO", "TOLID", "TOLIDI", "PRODUCCION", "SHENGCHAN"],
  // Soviet enterprise types' words (KONSTRUKTORSKOE BYURO ~ DESIGN BUREAU, OPYTNOE ~ EXPERIMENTAL,
  // TSENTRALNYI ~ CENTRAL, NAUCHNO-TEKHNICHESKII TSENTR ~ SCIENTIFIC TECHNICAL CENTER).
  DESIGN: ["KONSTRUKTORSKOE", "KONSTRUKTORSKOYE", "KONSTRUKTORSKOGO", "KONSTRUKTORSKAYA", "KONSTRUKTORSKIY", "KONSTRUKTORSKII"],
  EXPERIMENTAL: ["EXPERIMENTAL", "OPYTNO", "OPYTNOE", "OPYTNOYE", "OPYTNOGO", "OPYTNYY", "OPYTNYI"],
  CENTRAL: ["TSENTRALNY", "TSENTRALNYY", "TSENTRALNYI", "TSENTRALNYJ", "TSENTRALNOE", "TSENTRALNOYE", "TSENTRALNOGO", "TSENTRALNAYA"],
  TECH: ["TEKHNICHESKII", "TEKHNICHESKIY", "TEKHNICHESKY", "TEKHNICHESKOE", "TEKHNICHESKOGO", "TEKHNICHESKAYA", "TEKHNOLOGIYA", "TEKHNOLOGII", "TEKHNOLOGIY"],
  // The four directions in Russian and Persian/Arabic romanisations (SEVERNAYA ALMAZNAYA ~ NORTH
  // DIAMOND, KAVEH SHARGH ~ KAVEH EAST, KASHTIRANI-E JONOUB ~ SOUTH SHIPPING).
  NORTH: ["NORTH", "NORTHERN", "SEVERNY", "SEVERNYY", "SEVERNYI", "SEVERNAYA", "SEVERNOE", "SEVERNOYE", "SEVERNOGO", "SHOMAL", "SHOMALI", "SHAMALI"],
  SOUTH: ["SOUTH", "SOUTHERN", "YUZHNY", "YUZHNYY", "YUZHNYI", "YUZHNAYA", "YUZHNOE", "YUZHNOYE", "YUZHNOGO", "JONOUB", "JONOUBI", "JONUB", "JONUBI", "JANUB", "JANUBI"],
  EAST: ["EAST", "EASTERN", "VOSTOCHNY", "VOSTOCHNYY", "VOSTOCHNYI", "VOSTOCHNAYA", "VOSTOCHNOE", "VOSTOCHNOYE", "VOSTOCHNOGO", "SHARGH", "SHARGHI", "SHARQ", "SHARQI"],
  WEST: ["WEST", "WESTERN", "ZAPADNY", "ZAPADNYY", "ZAPADNYI", "ZAPADNAYA", "ZAPADNOE", "ZAPADNOYE", "ZAPADNOGO", "GHARB", "GHARBI"],
  // Persian company words (SIMAN SEPAHAN ~ SEPAHAN CEMENT, SHERKAT-E SARMAYEGOZARI-E PARDIS ~ PARDIS
  // INVESTMENT COMPANY, KHADAMAT ~ SERVICES, GOSTARESH ~ DEVELOPMENT); not MADANI (mining, and a surname).
  CEMENT: ["CEMENT", "SIMAN", "SIMANE", "CIMENT", "CEMENTO", "CEMENTOS", "CIMENTO", "ZEMENT"],
  INVESTMENT: ["INVESTMENT", "SARMAYEGOZARI", "SARMAYEHGOZARI", "INVESTITSIONNAYA", "INVESTITSIONNOE", "INVESTITSIONNYY", "INVERSIONES", "INVESTISSEMENT", "YATIRIM", "YATIRIMLARI"],
  SERVICE: ["KHADAMAT", "KHADAMATI"],
  DEV: ["GOSTARESH", "GOSTARESHE", "GHOSTARESH", "GHOSTARESHE", "FAZHAN"],
  // Turkish trade words (DIS TICARET ~ FOREIGN TRADE, ITHALAT IHRACAT ~ IMPORT EXPORT, PAZARLAMA ~
  // MARKETING, NAKLIYAT ~ TRANSPORT).
  FOREIGN: ["FOREIGN", "DIS"],
  IMPORT: ["ITHALAT"],
  EXPORT: ["IHRACAT"],
  MARKETING: ["PAZARLAMA", "SBYTOVOE", "SBYTOVAYA", "SBYTOVOY", "SBYTOVOGO"],
  AUTOMATION: ["AUTOMATION", "AVTOMATIZATSIYA", "AVTOMATIZATSII", "AVTOMATIKA", "AUTOMATIZACION", "AUTOMATISIERUNG"],
  AVIATION: ["AVIATION", "AIRCRAFT", "AVIATSIONNYY", "AVIATSIONNAYA", "AVIATSIONNOE", "AVIATSIYA", "AVIATSII", "AVIACION", "HAVACILIK", "HAVAPEYMAYI", "HANGTIAN"],
  MACHINERY: ["MACHINERY", "MACHINES", "MASHINY", "MASHIN", "MAQUINARIA", "JIXIE", "MAKINA", "MAKINE", "MAKINALARI"],
  CONSTRUCTION: ["CONSTRUCTION", "STROITELNAYA", "STROITELNOE", "STROITELSTVO", "SAKHTEMAN", "SAKHTEMANI", "CONSTRUCCION", "INSAAT", "JIANSHE"],
  OIL: ["OIL", "NEFT", "NEFTI", "NAFT", "NAFTI", "PETROLEO", "PETROLE", "SHIYOU", "NEFTEKHIMICHESKIY", "NEFTEKHIMICHESKAYA", "NEFTEKHIMICHESKOE", "NEFTEKHIMICHESKOGO"],
  STEEL: ["STEEL", "STAL", "FOULAD", "FULAD", "ACERO", "ACIER"],
  INSURANCE: ["INSURANCE", "STRAKHOVAYA", "STRAKHOVOE", "STRAKHOVANIYA", "STRAKHOVANIE", "BIMEH", "SEGUROS", "ASSURANCE", "ASSURANCES", "VERSICHERUNG", "SIGORTA"],
  EXCHANGE: ["EXCHANGE", "SARAFI", "SARRAFI", "SARAFY"],
  TRANSPORT: ["NAGHL", "NAKLIYAT", "NAKLIYE", "TRANSPORT", "TRANSPORTATION", "TRANSPORTNAYA", "TRANSPORTNOE", "TRANSPORTE", "TRASPORTI"],
  UNIVERSITY: ["UNIVERSITY", "UNIVERSITET", "UNIVERSIDAD", "UNIVERSITE", "UNIVERSITAT", "UNIVERSITA", "DANESHGAH", "DAXUE"],
  CENTER: ["MARKAZ", "MARKAZI"],
  ORG: ["SAZMAN", "SAZEMAN"],
  FDN: ["BONYAD"],
  COOP: ["TAAVON", "TAAVONI"],
  TRADE: ["BAZARGANI"],
  MGMT: ["UPRAVLYAYUSHCHAYA", "UPRAVLYAYUSHCHEY", "MODIRIYAT"],
  // "People's" in the names of parties, armies and republics (LUGANSK PEOPLE'S REPUBLIC ~ LUGANSKAYA
  // NARODNAYA RESPUBLIKA, EJERCITO REVOLUCIONARIO POPULAR); not HALK, KHALQ or SHAABI, which are
  // also names of banks and people.
  // Russian words of enterprise and bank names that an English name translates (MEZHDUNARODNYI ~
  // INTERNATIONAL, ENERGETICHESKII ~ ENERGY,
  // KRAEVOI ~ REGIONAL, NOVYI ~ NEW, GRAZHDANSKOI ~ CIVIL, ZOLOTO ~ GOLD, MEDNAYA ~ COPPER,
  // REMONTNYI ~ REPAIR, METALLURGICHESKII ~ METALLURGICAL, TORGOVYI DOM ~ TRADING HOUSE); an
  // adjective's other endings follow from one form (token-symbols.ts).
  INTL: ["MEZHDUNARODNYY", "MEZHDUNARODNAYA", "MEZHDUNARODNOE", "MEZHDUNARODNOGO"],
  ENERGY: ["ENERGETICHESKIY", "ENERGETICHESKAYA", "ENERGETICHESKOE", "ENERGETICHESKOGO"],
  REGION: ["KRAEVOY", "KRAEVAYA", "KRAEVOE", "KRAEVOGO", "OBLASTNOY", "OBLASTNAYA", "OBLASTNOE", "OBLASTNOGO"],
  NEW: ["NEW", "NOVY", "NOVYY", "NOVYI", "NOVAYA", "NOVOE", "NOVOYE", "NOVOGO", "NOVYE", "NOVYKH"],
  CIVIL: ["CIVIL", "GRAZHDANSKIY", "GRAZHDANSKAYA", "GRAZHDANSKOE", "GRAZHDANSKOGO", "GRAZHDANSKOY"],
  GOLD: ["GOLD", "ZOLOTO", "ZOLOTAYA", "ZOLOTOE", "ZOLOTOY", "ZOLOTOGO"],
  COPPER: ["COPPER", "MEDNYY", "MEDNAYA", "MEDNOE", "MEDNOGO"],
  REPAIR: ["REPAIR", "REMONTNYY", "REMONTNAYA", "REMONTNOE", "REMONTNOGO", "REMONT"],
  METALLURGICAL: ["METALLURGICAL", "METALLURGICHESKIY", "METALLURGICHESKAYA", "METALLURGICHESKOE", "METALLURGICHESKOGO"],
  HOUSE: ["HOUSE", "DOM"],
  // Turkish and Russian words of consulting, food and drug companies (DANISMANLIK, KONSALTING; GIDA; ILAC).
  CONSULTING: ["CONSULTING", "CONSULTANCY", "DANISMANLIK", "KONSALTING"],
  FOOD: ["FOOD", "FOODS", "GIDA"],
  PHARMACEUTICAL: ["PHARMACEUTICAL", "PHARMACEUTICALS", "ILAC"],
  // Plurals and romanisations the tables leave out (TECHNOLOGY ~ KEJI ~ TEKHNOLOGII, ELECTRONICS ~
  // DIANZI ~ ELEKTRONIKA, MARITIME ~ MARINE ~ DARYAI ~ MORSKOY) and pinyin company words (ZHIZAO
  // manufacturing, KONGGU holding; HANGTIAN aerospace and FAZHAN development above; JITUAN is
  // GROUP in token-tables.ts, GROUP being kept as a name word here).
  ELECTRONIC: ["ELECTRONICS", "ELEKTRONIKA", "ELEKTRONIKI", "ELEKTRONNYY", "ELEKTRONNAYA", "ELEKTRONNOE", "ELEKTRONNOGO"],
  LOGISTICS: ["LOGISTICS"],
  MARITIME: ["MARITIME", "DARYAI", "DARYAEI", "MORSKOY", "MORSKAYA", "MORSKOE", "MORSKOGO"],
  MANUFACTURING: ["ZHIZAO"],
  HOLDING: ["KONGGU"],
  RUSSIA: ["RUSSIA", "RUSSIAN", "ROSSIYA", "ROSSII", "ROSSIYSKIY", "ROSSIYSKAYA", "ROSSIYSKOE", "ROSSIYSKOGO", "ROSSIISKII", "ROSSISKI", "ROSSISKAYA", "ROSSISKOE", "ROSSISKOGO", "ROSSISKOI", "RUSSKIY", "RUSSKAYA", "RUSSKOE", "RUSSKOGO"],
  CRIMEA: ["CRIMEA", "CRIMEAN", "KRYM", "KRYMA", "KRYMSKIY", "KRYMSKAYA", "KRYMSKOE", "KRYMSKOGO"],
  AIRLINE: ["AIRLINES", "AVIAKOMPANIYA", "AVIAKOMPANII"],
  ENTERPRISE: ["PREDPRIYATIYE", "PIDPRYEMSTVO", "PRADPRYEMSTVA"],
  MILITARY: ["MILITARY", "VOENNYY", "VOENNAYA", "VOENNOE", "VOENNOGO", "VOENNO"],
  PHYSICS: ["PHYSICS", "FIZIKA", "FIZIKI"],
  OPTICAL: ["OPTICAL", "OPTICS", "OPTIKA", "OPTIKO", "OPTICHESKIY", "OPTICHESKAYA", "OPTICHESKOE", "OPTICHESKOGO"],
  SAVINGS: ["SAVINGS", "SBEREGATELNYY", "SBEREGATELNAYA", "SBEREGATELNOE", "SBEREGATELNOGO"],
  PIPE: ["PIPE", "PIPES", "TRUBNYY", "TRUBNAYA", "TRUBNOE", "TRUBNOGO"],
  BUDGETARY: ["BUDGETARY", "BYUDZHETNYY", "BYUDZHETNAYA", "BYUDZHETNOE", "BYUDZHETNOGO"],
  DEFENCE: ["OBORONA", "OBORONY"],
  EDUCATION: ["EDUCATIONAL", "OBRAZOVATELNYY", "OBRAZOVATELNAYA", "OBRAZOVATELNOE", "OBRAZOVATELNOGO", "OBRAZOVANIYA"],
  SECURITY: ["OKHRANA", "OKHRANY", "OKHRANNYY", "OKHRANNAYA", "OKHRANNOE", "OKHRANNOGO"],
  PEOPLE: ["PEOPLE", "PEOPLES", "POPULAR", "POPULAIRE", "POPOLARE", "NARODNY", "NARODNYY", "NARODNAYA", "NARODNOE", "NARODNOGO", "NARODNOY", "NARODNAJA", "LAIKOS", "LAIKI"],
};
for (const [id, forms] of Object.entries(DESCRIPTORS)) for (const f of forms) addOrgSymbol(f, id);

// Sector words (symbols.yml org_domains: DIAMOND ~ ALMAZ ~ ELMAS, ELECTRONICS ~ ELEKTRONIKA), each
// sector's spellings one symbol. Not taken: the entries that are one organisation's names rather
// than a sector (AL-QAEDA, HEZBOLLAH, IRGC, CCP, PLA, CIA; a spelling must match on its own letters,
// and HEZBOLLAH does), enterprise-type abbreviations (SKB, OKB, NPP, NBCO: acronyms the matcher reads
// as acronyms), BANK (measured: BANCO ~ BANKASI flags unrelated banks, see KEEP_AS_NAME), a spelling
// that holds another spelling of its sector (TATNEFT holds NEFT: a company, not a word; measured:
// keeping those that begin with one, PETROLEUM, flagged unrelated companies), spellings under four
// letters (romanised abjad such as ZYT, SKR: too short to be one word), and spellings that are also
// a country (MALI: financial in Persian) or a common personal name or brand (in KEEP_AS_NAME,
// which addOrgSymbol leaves out: CHANG, ISLAM, HIRA, SOLA, TAKI; INTEL).
const NOT_A_SECTOR = new Set(["alqaeda", "hezbollah", "irgc", "pla", "ccp", "cia", "skb", "npp", "snco", "nbco", "bank"]);
for (const [id, forms] of Object.entries(symbols.org_domains ?? {})) {
  if (NOT_A_SECTOR.has(id)) continue;
  const spellings = (forms ?? []).map(compareForm);
  for (const c of spellings) {
    if (c.length < 4 || PLACE_WORDS.has(c)) continue;
    if (spellings.some((o) => o.length >= 3 && c.length > o.length && c.includes(o) && !c.includes(" "))) continue;
    addOrgSymbol(c, id.toUpperCase());
  }
}

// Nicknames: every spelling in a group (a nickname and the given names it stands for) gets the
// group's symbol; a spelling in several groups ("ALEX": Alexander, Alexandra) gets each.
const groups: Record<string, string[]> = {};
for (const [id, forms] of Object.entries(symbols.person_nick ?? {})) groups[id.toUpperCase()] = (forms ?? []).map(compareForm);
// The project's own addition: Russian and Ukrainian diminutives, which the lists' subjects are
// often called by ("SASHA" for Aleksandr). Given names in their common romanisations.
const SLAVIC: Readonly<Record<string, readonly string[]>> = {
  SASHA: ["SASHA", "ALEXANDER", "ALEKSANDR", "ALEXANDR", "OLEKSANDR", "ALIAKSANDR"],
  VOLODYA: ["VOLODYA", "VOVA", "VLADIMIR", "VOLODYMYR", "ULADZIMIR"],
  DIMA: ["DIMA", "DMITRY", "DMITRIY", "DMITRI", "DMYTRO"],
  MISHA: ["MISHA", "MIKHAIL", "MYKHAILO"],
  KOLYA: ["KOLYA", "NIKOLAI", "NIKOLAY", "MYKOLA"],
  SERYOZHA: ["SERYOZHA", "SEREZHA", "SERGEY", "SERGEI", "SERHIY"],
  ZHENYA: ["ZHENYA", "YEVGENY", "EVGENY", "YEVGENIY", "EVGENIY"],
  KOSTYA: ["KOSTYA", "KONSTANTIN", "KOSTIANTYN"],
  LYOSHA: ["LYOSHA", "ALEXEI", "ALEKSEI", "ALEKSEY", "OLEKSIY"],
  PASHA: ["PASHA", "PAVEL", "PAVLO"],
  SLAVA: ["SLAVA", "VYACHESLAV", "VIACHESLAV", "YAROSLAV", "STANISLAV"],
  YURA: ["YURA", "YURI", "YURIY", "IURII"],
  VANYA: ["VANYA", "IVAN"],
  TOLYA: ["TOLYA", "ANATOLY", "ANATOLIY", "ANATOLII"],
};
for (const [id, forms] of Object.entries(SLAVIC)) groups[`RU-${id}`] = [...forms];
// The project's own addition: the same Korean and Chinese surnames in different romanisation
// systems (McCune-Reischauer, Revised, popular; Wade-Giles, pinyin), which differ by more than
// an edit or two ("CHONG" / "JEONG", "CHIANG" / "JIANG", "HSI" / "XI").
const ROMANISED: Readonly<Record<string, readonly string[]>> = {
  PARK: ["PARK", "PAK", "BAK"],
  // 백 is another surname than 박 (Park): Baek, Paek, Paik.
  BAEK: ["BAEK", "PAEK", "PAIK", "BAIK"],
  LEE: ["LEE", "RI", "YI", "RHEE", "LI"],
  CHOI: ["CHOI", "CHOE", "CHWE"],
  JEONG: ["JEONG", "CHONG", "JUNG", "CHUNG", "JONG", "CHEONG"],
  // 전: Jeon (Revised), Chon (McCune-Reischauer without the breve), Jon (the DPRK's lists), Chun, Jun.
  JEON: ["JEON", "CHON", "JON", "CHUN", "JUN"],
  KIM: ["KIM", "GIM"],
  KWON: ["KWON", "GWON"],
  KANG: ["KANG", "GANG"],
  JO: ["JO", "CHO", "JOH"],
  YUN: ["YUN", "YOON"],
  JANG: ["JANG", "CHANG"],
  RYU: ["RYU", "RYOO", "YU", "YOO"],
  JIANG: ["JIANG", "CHIANG"],
  XI: ["XI", "HSI"],
  ZHOU: ["ZHOU", "CHOU"],
  ZHANG: ["ZHANG", "CHANG"],
  ZHAO: ["ZHAO", "CHAO"],
  ZHENG: ["ZHENG", "CHENG"],
  XU: ["XU", "HSU"],
  XIE: ["XIE", "HSIEH"],
  QIAN: ["QIAN", "CHIEN"],
  CAI: ["CAI", "TSAI"],
  CAO: ["CAO", "TSAO"],
  GUO: ["GUO", "KUO"],
  JIN: ["JIN", "CHIN"],
};
// The project's own addition: Arabic given names in Somali orthography (X for ح, C for ع, long
// vowels doubled: MAXAMED, XASAN, CABDI, CUMAR), as the UN and OFAC list Somali subjects, with their
// common Latin spellings; and MOHD, MUHD, MHD, the abbreviations of MUHAMMAD in Malaysian and South
// Asian names. Whole words only: C and X are other letters in other languages (CALI, Somali for ALI,
// is also a city; left out).
const ORTHOGRAPHIC: Readonly<Record<string, readonly string[]>> = {
  MUHAMMAD: ["MUHAMMAD", "MUHAMMED", "MOHAMMAD", "MOHAMMED", "MOHAMAD", "MOHAMED", "MUHAMAD", "MAHAMED", "MAXAMED", "MAXAMMED", "MOHD", "MUHD", "MHD"],
  MAHMUD: ["MAHMUD", "MAHMOUD", "MAHMOOD", "MOHAMUD", "MAXAMUUD", "MAXAMUD"],
  HASAN: ["HASAN", "HASSAN", "HASAAN", "XASAN", "XASSAN", "XASAAN"],
  HUSAYN: ["HUSAYN", "HUSSEIN", "HUSEIN", "HUSSAIN", "HUSAIN", "HUSEEN", "XUSEEN", "XUSEN", "XUSSEIN"],
  ABDI: ["ABDI", "CABDI"],
  ABDULLAHI: ["ABDULLAHI", "ABDULAHI", "ABDULLAH", "ABDALLAH", "CABDULLAAHI", "CABDULAAHI", "CABDULLAHI", "CABDULLAH", "CABDULLAAH"],
  ABDULLE: ["ABDULLE", "CABDULLE"],
  ABDIRAHMAN: ["ABDIRAHMAN", "ABDURAHMAN", "ABDURRAHMAN", "ABDULRAHMAN", "CABDIRAXMAAN", "CABDIRAHMAAN", "CABDIRAXMAN", "CABDIRAHMAN"],
  ABDULQADIR: ["ABDULQADIR", "ABDULKADIR", "ABDIQADIR", "ABDIKADIR", "CABDULQAADIR", "CABDIQAADIR", "CABDULKADIR"],
  UMAR: ["UMAR", "OMAR", "OMER", "CUMAR"],
  UTHMAN: ["UTHMAN", "OTHMAN", "OSMAN", "USMAN", "OSMAAN", "CISMAAN", "CISMAN"],
  ISA: ["ISA", "ISSA", "EISA", "CIISE", "CIISA"],
  AHMAD: ["AHMAD", "AHMED", "AXMED", "AXMAD"],
  HIRSI: ["HIRSI", "HERSI", "XIRSI"],
  FARAH: ["FARAH", "FAARAH", "FAARAX"],
  HAJI: ["HAJI", "HAJJI", "HADJI", "XAAJI", "XAJI"],
  // Common Arabic and Persian given names in the spellings of Arabic, Persian, Turkish and French
  // romanisations (رضا REZA, RIZA, RIDA; يوسف YUSUF, YOUSSEF; مصطفى MUSTAFA, MOSTAFA, MUSTAPHA …).
  RIDA: ["RIDA", "RIDHA", "REDA", "REZA", "RIZA"],
  YUSUF: ["YUSUF", "YOUSUF", "YOUSEF", "YOUSSEF", "YUSEF", "YOUSIF", "YUSIF", "YOSEF"],
  MUSTAFA: ["MUSTAFA", "MOSTAFA", "MUSTAPHA", "MOSTAPHA", "MUSTAFAH"],
  IBRAHIM: ["IBRAHIM", "EBRAHIM", "IBRAHEEM", "IBRAGIM"],
  KHALID: ["KHALID", "KHALED", "KHALEED"],
  MAHDI: ["MAHDI", "MEHDI", "MEHDY"],
  NASIR: ["NASIR", "NASSER", "NASER", "NASSIR"],
  SALIH: ["SALIH", "SALEH"],
  YASIN: ["YASIN", "YASSIN", "YASSINE", "YASEEN"],
  HAFIZ: ["HAFIZ", "HAFEZ", "HAFEEZ"],
};
const romanised: Record<string, string[]> = {};
for (const table of [ROMANISED, ORTHOGRAPHIC]) for (const [id, forms] of Object.entries(table)) for (const f of forms) (romanised[f] ??= []).push(id);

// The project's own addition: East Slavic given names in their Russian, Ukrainian and Belarusian
// forms and the common romanisations of each (IGOR, IHOR, IHAR; GENNADIY, HENNADIY, HENADZ). One
// person's name is written in each on different lists (the EU and the UK romanise Ukrainian and
// Belarusian names from those languages, OFAC often from Russian; German lists write JEWGENI and
// ALEXEJ), and the forms differ by more than an edit or two. These are the same name, not nicknames.
// Marked † are women's names (no patronymic is made from them).
const EAST_SLAVIC: Readonly<Record<string, readonly string[]>> = {
  ALEKSANDR: ["ALEKSANDR", "ALEXANDR", "ALEXANDER", "OLEKSANDR", "ALIAKSANDR", "ALYAKSANDR", "ALIAKSANDAR"],
  ALEKSEY: ["ALEKSEY", "ALEKSEI", "ALEXEI", "ALEXEY", "ALEKSEJ", "ALEXEJ", "OLEKSIY", "OLEKSII", "OLEKSIJ", "ALIAKSEI", "ALYAKSEI", "ALIAKSEJ"],
  ANATOLY: ["ANATOLY", "ANATOLIY", "ANATOLII", "ANATOLIJ", "ANATOL"],
  ANDREY: ["ANDREY", "ANDREI", "ANDREJ", "ANDRIY", "ANDRII", "ANDRIJ"],
  ANTON: ["ANTON"],
  ARKADY: ["ARKADY", "ARKADIY", "ARKADII", "ARKADZ"],
  ARTEM: ["ARTEM", "ARTYOM", "ARTSIOM", "ARTSEM", "ARTEMIY"],
  BOGDAN: ["BOGDAN", "BOHDAN", "BAHDAN"],
  BORIS: ["BORIS", "BORYS", "BARYS"],
  DANIIL: ["DANIIL", "DANIL", "DANYLO", "DANILA"],
  DENIS: ["DENIS", "DENYS", "DZIANIS", "DZYANIS"],
  DMITRY: ["DMITRY", "DMITRIY", "DMITRII", "DMITRI", "DMITRIJ", "DMYTRO", "DZMITRY", "DZMITRIY", "DZMITRYI"],
  EDUARD: ["EDUARD", "EDVARD"],
  EVGENY: ["EVGENY", "EVGENIY", "EVGENII", "EVGENI", "JEWGENI", "JEWGENIJ", "YEVGENY", "YEVGENIY", "YEVGENII", "YEVHEN", "YEVHENIY", "YAUHEN", "IAUHEN"],
  FEDOR: ["FEDOR", "FYODOR", "FEDIR", "FIODAR"],
  GENNADY: ["GENNADY", "GENNADIY", "GENNADII", "GENNADI", "GENNADIJ", "GENADY", "GENADIY", "HENNADIY", "HENNADII", "HENNADY", "HENADZ", "HENADZI"],
  GEORGIY: ["GEORGIY", "GEORGY", "GEORGII", "HEORHIY", "HEORHII"],
  GLEB: ["GLEB", "HLIB", "HLEB"],
  GRIGORY: ["GRIGORY", "GRIGORIY", "GRIGORII", "HRYHORIY", "HRYHORII", "HRIHORIY", "RYHOR"],
  IGOR: ["IGOR", "IHOR", "IHAR"],
  ILYA: ["ILYA", "ILIA", "ILLIA", "ILLYA"],
  IOSIF: ["IOSIF", "YOSYP", "YOSIF"],
  IVAN: ["IVAN"],
  KIRILL: ["KIRILL", "KIRIL", "KYRYLO", "KIRYL"],
  KONSTANTIN: ["KONSTANTIN", "KOSTIANTYN", "KOSTYANTYN", "KANSTANTSIN"],
  LEONID: ["LEONID", "LEONYD", "LEANID", "LIEANID"],
  MAKSIM: ["MAKSIM", "MAXIM", "MAKSYM"],
  MIKHAIL: ["MIKHAIL", "MYKHAILO", "MYKHAYLO", "MIKHAILO"],
  NIKITA: ["NIKITA", "MYKYTA", "MIKITA"],
  NIKOLAY: ["NIKOLAY", "NIKOLAI", "NIKOLAJ", "MYKOLA", "MIKALAI", "MIKALAJ", "MIKOLA"],
  OLEG: ["OLEG", "OLEH", "ALEH"],
  PAVEL: ["PAVEL", "PAVLO", "PAVAL"],
  PYOTR: ["PYOTR", "PETR", "PIOTR", "PETRO", "PIATRO", "PYATRO"],
  RODION: ["RODION", "RADZIVON"],
  ROMAN: ["ROMAN"],
  ROSTISLAV: ["ROSTISLAV", "ROSTYSLAV", "RASTSISLAU"],
  RUSLAN: ["RUSLAN"],
  SEMYON: ["SEMYON", "SEMEN", "SEMION", "SIAMION"],
  SERGEY: ["SERGEY", "SERGEI", "SERGEJ", "SERGII", "SERHIY", "SERHII", "SERHIJ", "SIARHEI", "SIARHEJ"],
  STANISLAV: ["STANISLAV", "STANYSLAV", "STANISLAU"],
  STEPAN: ["STEPAN", "STSIAPAN"],
  TIMOFEY: ["TIMOFEY", "TIMOFEI", "TYMOFIY", "TSIMAFEI"],
  VADIM: ["VADIM", "VADYM", "VADZIM"],
  VALENTIN: ["VALENTIN", "VALENTYN", "VALIANTSIN"],
  VALERY: ["VALERY", "VALERIY", "VALERII", "VALERI", "VALERIJ"],
  VASILY: ["VASILY", "VASILIY", "VASILII", "VASILI", "VASYL", "VASIL"],
  VIKTOR: ["VIKTOR", "VICTOR", "VIKTAR"],
  VITALY: ["VITALY", "VITALIY", "VITALII", "VITALI", "VITALIJ"],
  VLADIMIR: ["VLADIMIR", "VOLODYMYR", "ULADZIMIR", "VLADZIMIR"],
  VLADISLAV: ["VLADISLAV", "VLADYSLAV", "ULADZISLAU"],
  VYACHESLAV: ["VYACHESLAV", "VIACHESLAV", "VYACHASLAU", "VIACHASLAU"],
  YAKOV: ["YAKOV", "YAKIV", "YAKAU", "IAKOV"],
  YAROSLAV: ["YAROSLAV", "JAROSLAV", "YARASLAU"],
  YEGOR: ["YEGOR", "EGOR", "YAHOR"],
  YURIY: ["YURIY", "YURI", "YURII", "IURII", "YURIJ", "YURY", "JURIJ"],
  "†ALEKSANDRA": ["ALEKSANDRA", "ALEXANDRA", "OLEKSANDRA", "ALIAKSANDRA", "ALYAKSANDRA"],
  "†EKATERINA": ["EKATERINA", "YEKATERINA", "KATERYNA", "KATSIARYNA", "KATSYARYNA"],
  "†ELENA": ["ELENA", "YELENA", "OLENA", "ALENA", "ALYONA", "ALIONA"],
  "†EVGENIYA": ["EVGENIYA", "EVGENIA", "YEVGENIYA", "YEVHENIYA", "YAUHENIYA"],
  "†GALINA": ["GALINA", "HALINA", "HALYNA"],
  "†IRINA": ["IRINA", "IRYNA"],
  "†LYUDMILA": ["LYUDMILA", "LUDMILA", "LIUDMILA", "LIUDMYLA", "LYUDMYLA"],
  "†NADEZHDA": ["NADEZHDA", "NADIYA", "NADZEYA"],
  "†NATALYA": ["NATALYA", "NATALIA", "NATALIYA", "NATALLIA", "NATALLYA"],
  "†OLGA": ["OLGA", "OLHA", "VOLHA", "VOLGA"],
  "†SVETLANA": ["SVETLANA", "SVITLANA", "SVIATLANA", "SVYATLANA"],
  "†TATYANA": ["TATYANA", "TATIANA", "TETIANA", "TETYANA", "TATSIANA"],
  "†VALENTINA": ["VALENTINA", "VALENTYNA", "VALIANTSINA"],
  "†YULIYA": ["YULIYA", "YULIA", "IULIIA", "YULIJA"],
};
const eastSlavic: Record<string, string[]> = {};
// A patronymic is a man's name and a suffix (IHOROVYCH, IGOREVICH, IHARAVICH; IVANIVNA): the
// stems it can be made from, each form with a final vowel or -IY/-II dropped (MYKOLA-YOVYCH,
// NIKOLA-EVICH, GENNAD-IEVICH, PAVL-OVYCH).
const patronymicStems: Record<string, string[]> = {};
for (const [key, forms] of Object.entries(EAST_SLAVIC)) {
  const id = key.replace("†", "");
  // A name with one form (IVAN) needs no symbol: it is only there to make patronymics (IVANOVNA).
  if (forms.length > 1) for (const f of forms) (eastSlavic[f] ??= []).push(id);
  if (key.startsWith("†")) continue;
  for (const f of forms) {
    for (const stem of new Set([f, f.replace(/(?:IY|II|IJ|YI)$/, ""), f.replace(/[AEIOUYJ]$/, "")])) {
      if (stem.length < 3) continue;
      const list = (patronymicStems[stem] ??= []);
      if (!list.includes(id)) list.push(id);
    }
  }
}
const nicknames: Record<string, string[]> = {};
for (const [id, forms] of Object.entries(groups)) {
  for (const f of forms) {
    if (f.length < 2 || f.includes(" ")) continue;
    const list = (nicknames[f] ??= []);
    if (!list.includes(id)) list.push(id);
  }
}

// A nickname stands for every form of its name: ALEX and SASHA for ALIAKSANDR as for ALEXANDER,
// DIMA for DZMITRY as for DMITRY.
for (const forms of Object.values(EAST_SLAVIC)) {
  const ids = [...new Set(forms.flatMap((f) => nicknames[f] ?? []))];
  if (ids.length === 0) continue;
  for (const f of forms) {
    const list = (nicknames[f] ??= []);
    for (const id of ids) if (!list.includes(id)) list.push(id);
  }
}

const sorted = <T>(o: Record<string, T>): Record<string, T> => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k] as T]));
const out = `// Generated by scripts/build-name-tables.ts from the rigour name tables (MIT, see lists/reference/NOTICE).
// Do not edit: run \`npx tsx scripts/build-name-tables.ts\`.
/* eslint-disable */

/** Person-name titles and prefixes, compare form (stopwords.yml PERSON_NAME_PREFIXES). */
export const TITLE_PHRASES: readonly string[] = ${JSON.stringify([...titles].sort())};

/** Legal-form phrases, compare form → family (org_types.yml, generic tags the matcher knows). */
export const LEGAL_FORM_PHRASES: Readonly<Record<string, string>> = ${JSON.stringify(sorted(legal))};

/** Korean and Chinese surnames and Arabic given names in Somali orthography, compare form → the romanisation groups they belong to (the project's table). */
export const ROMANISED_NAMES: Readonly<Record<string, readonly string[]>> = ${JSON.stringify(sorted(romanised))};

/** East Slavic given names, compare form → the name they are a Russian, Ukrainian or Belarusian form of (the project's table). */
export const EAST_SLAVIC_NAMES: Readonly<Record<string, readonly string[]>> = ${JSON.stringify(sorted(eastSlavic))};

/** Stems a patronymic is made from (IHOR in IHOROVYCH, NIKOLA in NIKOLAEVICH), compare form → names (men's names of EAST_SLAVIC_NAMES). */
export const PATRONYMIC_STEMS: Readonly<Record<string, readonly string[]>> = ${JSON.stringify(sorted(patronymicStems))};

/** Organisation descriptor and sector words, compare form → symbol ids (symbols.yml org_symbols and org_domains, plus the project's descriptor table). */
export const ORG_SYMBOLS: Readonly<Record<string, readonly string[]>> = ${JSON.stringify(sorted(orgSymbols))};

/** Given names and nicknames, compare form → the groups they belong to (symbols.yml person_nick, plus Slavic diminutives). */
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = ${JSON.stringify(sorted(nicknames))};
`;
writeFileSync(join(ROOT, "src/normalize/name-tables.generated.ts"), out);
mkdirSync(join(ROOT, "lists/reference"), { recursive: true });
copyFileSync(join(SOURCE, "LICENSE"), join(ROOT, "lists/reference/NOTICE"));
console.log(`titles ${titles.size}, legal forms ${Object.keys(legal).length}, org symbols ${Object.keys(orgSymbols).length}, nicknames ${Object.keys(nicknames).length}, East Slavic name forms ${Object.keys(eastSlavic).length}, patronymic stems ${Object.keys(patronymicStems).length}`);
