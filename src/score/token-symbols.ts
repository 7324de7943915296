/**
 * Symbols: spellings that tables (not edits) say are the same word. A token's symbols are
 * `O:<id>` for an organisation descriptor word in any language (KOMPANIYA, COMPANIA → `O:CO`;
 * rigour `org_symbols`) and `N:<group>` for a nickname and the given names it stands for
 * (BILL, WILLIAM → `N:BILL`; rigour `person_nick` and Slavic diminutives: SASHA, ALEKSANDR), and
 * `R:<group>` for one Korean or Chinese surname in several romanisation systems (CHONG, JEONG) or
 * one Arabic given name in Somali orthography and its Latin spellings (MAXAMED, MOHAMED; MOHD),
 * `S:<name>` for one East Slavic given name in its Russian, Ukrainian and Belarusian forms (IGOR,
 * IHOR, IHAR), and `P:M:<name>` / `P:F:<name>` for a man's or a woman's patronymic made from such a
 * name in any of them (IHOROVYCH, IGOREVICH, IHARAVICH; IVANIVNA, IVANOVNA, IVANAUNA). Two tokens
 * sharing a symbol compare as `symbol` with `symbolSimilarity` (a nickname's with
 * `nicknameSimilarity`); the candidate index keys each symbol ("Y" family).
 */
import { EAST_SLAVIC_NAMES, NICKNAMES, ORG_SYMBOLS, PATRONYMIC_STEMS, ROMANISED_NAMES } from "../normalize";

const NONE: readonly string[] = Object.freeze([]);

/**
 * The symbols of a compare-form token (empty for most tokens).
 * @example
 * tokenSymbols("BILL") //=> ["N:BILL"]
 * tokenSymbols("KOMPANIYA") //=> ["O:CO"]
 */
export function tokenSymbols(text: string): readonly string[] {
  return (SYMBOLS ?? buildSymbols()).get(text) ?? adjectiveSymbols(text) ?? patronymicSymbols(text);
}

// A Russian adjective's ending is romanised in many ways (-ий: IY, II, IJ, I, Y; -ый: YY, YI, YJ, Y;
// -ая: AYA, AJA; -ое: OE, OYE, OJE; -ого: OGO; -ые/-ие: YE, IE; -ых/-их: YKH, IKH): a descriptor
// word the tables know in one form (KHIMICHESKIY ~ CHEMICAL) has the table's symbols in the others
// (KHIMICHESKII, KHIMICHESKAYA). Table words are read with the Slavic endings only (an English
// word's -Y or -I is not one: COMPANY, not COMPAN+Y); tokens with those or a bare -Y or -I.
// Longest first: a word's stem is what is left after the longest ending it has (KHIMICHESKII:
// KHIMICHESK + II, not KHIMICHESKI + I), for table words and tokens alike.
const TABLE_ENDINGS = ["AYA", "AJA", "OYE", "OJE", "OGO", "YKH", "IKH", "IY", "YY", "II", "YI", "IJ", "YJ", "OE", "YE", "IE"];
// A token's ending may also be the stressed -ой (OY, OI, OJ: NEFTYANOY), which no table word shows.
const TOKEN_ENDINGS = [...TABLE_ENDINGS, "OY", "OI", "OJ", "Y", "I"];
const MIN_STEM = 5;
let ADJECTIVE_STEMS: Map<string, readonly string[]> | undefined;

/** The stem left after the longest of `endings` (at least MIN_STEM letters), or undefined. */
function adjectiveStem(text: string, endings: readonly string[]): string | undefined {
  for (const ending of endings) if (text.length - ending.length >= MIN_STEM && text.endsWith(ending)) return text.slice(0, -ending.length);
  return undefined;
}

/**
 * The organisation symbols of a Russian adjective the tables know in another romanised ending, or
 * undefined.
 * @example
 * adjectiveSymbols("KHIMICHESKII") //=> ["O:CHEMICAL"]
 * adjectiveSymbols("SALYUTY") //=> undefined
 */
export function adjectiveSymbols(text: string): readonly string[] | undefined {
  // Every ending ends in one of these letters (Y 89, I 73, J 74, A 65, E 69, O 79, H 72).
  const last = text.charCodeAt(text.length - 1);
  if (last !== 89 && last !== 73 && last !== 74 && last !== 65 && last !== 69 && last !== 79 && last !== 72) return undefined;
  const stem = adjectiveStem(text, TOKEN_ENDINGS);
  if (stem === undefined) return undefined;
  if (ADJECTIVE_STEMS === undefined) buildSymbols();
  return (ADJECTIVE_STEMS as Map<string, readonly string[]>).get(stem) ?? relationalSymbols(stem);
}

// A Russian relational adjective is a noun, a suffix and an ending (ALMAZ-N-AYA "diamond", NEFT-YAN-OY
// "oil", STAL-N-OY "steel"): an adjective whose noun (four letters or more) is a descriptor or sector
// word of the tables takes the noun's organisation symbols (SEVERNAYA ALMAZNAYA KOMPANIYA ~ NORTH
// DIAMOND COMPANY). Found lists are kept per stem (no list made per token).
const RELATIONAL_SUFFIXES = ["YAN", "AN", "N", "OV", "EV"];
const MIN_NOUN = 4;
const RELATIONAL = new Map<string, readonly string[]>();

function relationalSymbols(stem: string): readonly string[] | undefined {
  const kept = RELATIONAL.get(stem);
  if (kept !== undefined) return kept;
  for (const suffix of RELATIONAL_SUFFIXES) {
    if (stem.length - suffix.length < MIN_NOUN || !stem.endsWith(suffix)) continue;
    const symbols = (SYMBOLS as Map<string, readonly string[]>).get(stem.slice(0, -suffix.length));
    if (symbols === undefined) continue;
    const orgs = Object.freeze(symbols.filter((x) => x.startsWith("O:")));
    if (orgs.length === 0) continue;
    // Only nouns of the tables have entries: the map stays as small as their adjectives.
    RELATIONAL.set(stem, orgs);
    return orgs;
  }
  return undefined;
}

// A Russian adjective of a place or a thing is its noun, -SK- and an ending (MINSK-IY "of Minsk",
// PENZ-ENSK-IY "of Penza", MYTISHCH-INSK-IY "of Mytishchi", KALUZH-SK-IY "of Kaluga", MOSKOV-SK-IY
// "of Moscow", AZOV-SK-IY, MOR-SK-OY "of the sea"). No table of places: the noun is read from the
// adjective's letters (its stems below) and compared with the other word's stem (nounStem).
const ADJECTIVE_CACHE = new Map<string, readonly string[]>();
const ADJECTIVE_CACHE_SIZE = 16384;
const LINKS = ["EN", "IN", "OV", "EV"];

/**
 * The stems a word's noun may have when the word is an -SK- adjective (empty for any other word):
 * the adjective less its ending (a place in -SK: MINSK), less -SK too, and less a linking -EN-, -IN-,
 * -OV- or -EV- before it; a final ZH is G in the noun (KALUZH: KALUGA, VOLZH: VOLGA), a final OV may
 * be V (MOSKOV: MOSKVA), a final labial may be followed by L (YAROSLAV: YAROSLAVL). Stems have three
 * letters or more.
 * @example
 * adjectiveNounStems("PENZENSKIY") //=> ["PENZENSK", "PENZEN", "PENZ"]
 * adjectiveNounStems("PENZA") //=> []
 */
export function adjectiveNounStems(text: string): readonly string[] {
  // Every ending ends in one of these letters (Y 89, I 73, J 74, A 65, E 69, O 79, H 72).
  const last = text.charCodeAt(text.length - 1);
  if (last !== 89 && last !== 73 && last !== 74 && last !== 65 && last !== 69 && last !== 79 && last !== 72) return NONE;
  // Six letters at least (a five-letter stem and an ending), -SK- among them: most words stop here,
  // uncached (the cache keeps adjectives and near misses only).
  if (text.length < 6 || !text.includes("SK")) return NONE;
  const kept = ADJECTIVE_CACHE.get(text);
  if (kept !== undefined) return kept;
  const stem = adjectiveStem(text, TOKEN_ENDINGS);
  let stems: readonly string[] = NONE;
  if (stem !== undefined && stem.endsWith("SK") && /^[A-Z]+$/.test(stem)) {
    const found: string[] = [stem];
    const base = stem.slice(0, -2);
    const add = (c: string): void => {
      if (c.length < 3 || found.includes(c)) return;
      found.push(c);
      if (c.endsWith("ZH")) add(`${c.slice(0, -2)}G`);
      if (c.endsWith("OV") && c.length >= 5) add(`${c.slice(0, -2)}V`);
      // A noun's L after a labial is dropped before -SK- (YAROSLAVL: YAROSLAVSKIY).
      if (c.length >= 5 && /[BPVMF]$/.test(c)) add(`${c}L`);
    };
    add(base);
    for (const link of LINKS) if (base.endsWith(link)) add(base.slice(0, -link.length));
    stems = Object.freeze(found);
  }
  if (ADJECTIVE_CACHE.size >= ADJECTIVE_CACHE_SIZE) ADJECTIVE_CACHE.clear();
  ADJECTIVE_CACHE.set(text, stems);
  return stems;
}

/**
 * A noun's stem for {@link adjectiveNounStems}: less a final YA or one final vowel (PENZA: PENZ,
 * ROSSIYA: ROSSI, MYTISHCHI: MYTISHCH; MINSK and KAZAN as they are).
 * @example
 * nounStem("KALUGA") //=> "KALUG"
 */
export function nounStem(text: string): string {
  if (text.endsWith("YA")) return text.slice(0, -2);
  return /[AEIOUY]$/.test(text) ? text.slice(0, -1) : text;
}

/** The endings {@link nounStem} takes off: a stem and one of these spell every noun it stands for. */
export const NOUN_ENDINGS: readonly string[] = Object.freeze(["", "A", "E", "I", "O", "U", "Y", "YA"]);
/** Shortest noun an -SK- adjective pairs with ({@link isAdjectiveOf}). */
export const MIN_ADJECTIVE_NOUN = 4;

/**
 * Whether `adjective` is an -SK- adjective of the noun `noun` (four letters or more, not an -SK-
 * adjective itself): MINSKIY of MINSK, PENZENSKAYA of PENZA, KALUZHSKIY of KALUGA.
 * @example
 * isAdjectiveOf("KOSTROMSKAYA", "KOSTROMA") //=> true
 * isAdjectiveOf("KALUZHSKIY", "KALUGA") //=> true
 */
export function isAdjectiveOf(adjective: string, noun: string): boolean {
  if (noun.length < MIN_ADJECTIVE_NOUN) return false;
  const stems = adjectiveNounStems(adjective);
  return stems.length > 0 && adjectiveNounStems(noun).length === 0 && stems.includes(nounStem(noun));
}

// Patronymic endings, Russian, Ukrainian and Belarusian, in their common romanisations (English,
// French -ITCH, German -WITSCH): a man's (-OVICH, -EVICH, -OVYCH, -YOVYCH, -AVICH, -OWITSCH) and a
// woman's (-OVNA, -EVNA, -IVNA, -AUNA, -AWNA, -OWNA).
const MALE_ENDINGS = ["OVICH", "EVICH", "IEVICH", "YEVICH", "JEVICH", "OVYCH", "EVYCH", "IOVYCH", "YOVYCH", "AVICH", "IAVICH", "EVITCH", "OVITCH", "OWITSCH", "EWITSCH", "JEWITSCH", "IEWITSCH"];
const FEMALE_ENDINGS = ["OVNA", "EVNA", "IEVNA", "YEVNA", "IVNA", "YIVNA", "IIVNA", "AUNA", "EUNA", "IEUNA", "AWNA", "EWNA", "IEWNA", "AVNA", "OWNA", "JEWNA"];
const PATRONYMICS = new Map<string, readonly string[]>();
const PATRONYMIC_CACHE_SIZE = 16384;

/**
 * The symbols of a patronymic made from a name in the East Slavic table: `P:M:<name>` for a man's,
 * `P:F:<name>` for a woman's (empty for any other token).
 * @example
 * patronymicSymbols("MYKOLAYOVYCH") //=> ["P:M:NIKOLAY"]
 * patronymicSymbols("NIKOLAEVNA") //=> ["P:F:NIKOLAY"]
 */
export function patronymicSymbols(text: string): readonly string[] {
  const last = text.charCodeAt(text.length - 1);
  // Only -…CH and -…NA endings can be patronymics (H 72, A 65).
  if (text.length < 7 || (last !== 72 && last !== 65)) return NONE;
  const cached = PATRONYMICS.get(text);
  if (cached !== undefined) return cached;
  let found: string[] | undefined;
  const collect = (endings: readonly string[], sex: string): void => {
    for (const ending of endings) {
      if (!text.endsWith(ending) || text.length - ending.length < 3) continue;
      // A German romanisation writes W for V (WLADIMIROWITSCH, IWANOWNA).
      const stem = text.slice(0, -ending.length);
      for (const name of PATRONYMIC_STEMS[stem] ?? PATRONYMIC_STEMS[stem.replace(/W/g, "V")] ?? NONE) {
        const symbol = `P:${sex}:${name}`;
        if (found === undefined) found = [symbol];
        else if (!found.includes(symbol)) found.push(symbol);
      }
    }
  };
  if (last === 72) collect(MALE_ENDINGS, "M");
  else collect(FEMALE_ENDINGS, "F");
  const symbols = found === undefined ? NONE : Object.freeze(found);
  if (PATRONYMICS.size >= PATRONYMIC_CACHE_SIZE) PATRONYMICS.clear();
  PATRONYMICS.set(text, symbols);
  return symbols;
}

// The four tables merged once into one map of ready symbol lists (a Map lookup instead of four
// dictionary-object lookups per token, and no list allocated per call).
let SYMBOLS: Map<string, readonly string[]> | undefined;

function buildSymbols(): Map<string, readonly string[]> {
  const map = new Map<string, string[]>();
  const add = (text: string, symbol: string): void => {
    const list = map.get(text);
    if (list === undefined) map.set(text, [symbol]);
    else list.push(symbol);
  };
  // The order of symbols in a list follows the tables: organisation, nicknames, surnames, East Slavic names.
  // (`for … in`, not Object.entries: built on the first screen, whose cold start counts every MB.)
  const stems = new Map<string, string[]>();
  for (const text in ORG_SYMBOLS) {
    const orgs = ORG_SYMBOLS[text] as readonly string[];
    for (const org of orgs) add(text, `O:${org}`);
    // An organisation word's stem, for its other romanised adjective endings (adjectiveSymbols).
    const stem = /^[A-Z]+$/.test(text) ? adjectiveStem(text, TABLE_ENDINGS) : undefined;
    if (stem === undefined) continue;
    let list = stems.get(stem);
    if (list === undefined) stems.set(stem, (list = []));
    for (const org of orgs) if (!list.includes(`O:${org}`)) list.push(`O:${org}`);
  }
  for (const text in NICKNAMES) for (const n of NICKNAMES[text] as readonly string[]) add(text, `N:${n}`);
  for (const text in ROMANISED_NAMES) for (const r of ROMANISED_NAMES[text] as readonly string[]) add(text, `R:${r}`);
  for (const text in EAST_SLAVIC_NAMES) for (const n of EAST_SLAVIC_NAMES[text] as readonly string[]) add(text, `S:${n}`);
  for (const list of map.values()) Object.freeze(list);
  for (const list of stems.values()) Object.freeze(list);
  ADJECTIVE_STEMS = stems;
  SYMBOLS = map;
  return map;
}

/**
 * Whether two symbol lists share a symbol.
 * @example
 * shareSymbol(["N:WILLIAM"], ["N:WILLIAM"]) //=> true
 */
export function shareSymbol(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

/**
 * Which table says two tokens are one word, for the name reason: from the first symbol they share
 * (a table's own word before a nickname); undefined when they share none.
 * @example
 * symbolNote({ symbols: ["N:RU-KOLYA", "S:NIKOLAY"] }, { symbols: ["S:NIKOLAY"] }) //=> "one name in East Slavic forms: NIKOLAY"
 * symbolNote({ symbols: ["O:PLANT"] }, { symbols: ["O:PLANT"] }) //=> "descriptor or sector word: PLANT"
 */
export function symbolNote(a: { readonly symbols: readonly string[] }, b: { readonly symbols: readonly string[] }): string | undefined {
  const shared = a.symbols.filter((x) => b.symbols.includes(x));
  const symbol = shared.find((x) => !x.startsWith("N:")) ?? shared[0];
  if (symbol === undefined) return undefined;
  const [kind, ...rest] = symbol.split(":");
  const id = rest.join(":");
  switch (kind) {
    case "O":
      return `descriptor or sector word: ${id}`;
    case "N":
      return `nickname: ${id.replace(/^RU-/, "")}`;
    case "R":
      return `romanisation: ${id}`;
    case "S":
      return `one name in East Slavic forms: ${id}`;
    case "P":
      return `patronymic, ${id.startsWith("F:") ? "daughter" : "son"} of ${id.slice(2)}`;
    default:
      return `table: ${symbol}`;
  }
}
