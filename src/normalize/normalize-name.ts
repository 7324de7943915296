/**
 * One normalisation pipeline for list names and queries. Step order (the order matters):
 *
 * 1. NFKC: composes decomposed accents ("He\u0301le\u0300ne" → "Hélène") and folds compatibility
 *    forms (full-width "ＡＢＣ", ligatures, mathematical letters). Never NFKD: it would split "й"
 *    into "и" + breve before Cyrillic transliteration.
 * 2. Invisible characters removed (zero-width, bidi controls, soft hyphen, variation selectors);
 *    control characters and emoji become spaces (strip-controls.ts).
 * 3. Lookalikes: in a word mixing Latin with Cyrillic or Greek, minority letters with a lookalike
 *    in the majority script are replaced ("Рromsvyazbank" → "Promsvyazbank") (fold-lookalikes.ts).
 * 4. Transliteration per script run with any-ascii; abjad words also get a consonant skeleton;
 *    Han/Hangul syllables become separate pieces; unromanisable characters are reported
 *    (transliterate.ts).
 * 5. Case folding to upper case.
 * 6. Punctuation: dotted abbreviations joined ("S.A." → "SA", "d.o.o." → "DOO"), apostrophes
 *    removed without a break ("JAZA'IRI" → "JAZAIRI"), "&" → "AND", every other non-alphanumeric
 *    character separates tokens ("AL-QAIDA" → "AL QAIDA").
 * 7. Tokens and classes: multi-word legal forms matched as phrases (longest first); generic
 *    abbreviations expanded ("COMM GRP" → "COMMUNICATION GROUP"); each token classed as legal,
 *    honorific, stop, particle, initial, number, generic or word (classes depend on the subject
 *    type: persons have no legal forms, organisations no honorifics or initials). Legal forms and honorifics
 *    are not compared as name tokens. If nothing but those is left, everything is compared as words.
 *
 * The display form is the input after steps 1–2 with whitespace collapsed; the compare form is the
 * token texts joined by one space.
 */
import { foldLookalikes } from "./fold-lookalikes";
import { latinSkeleton } from "./skeleton";
import { stripControls } from "./strip-controls";
import { LEGAL_FORM_PHRASES, TITLE_PHRASES } from "./name-tables.generated";
import { NUMBER_WORDS } from "./number-words";
import { ABBREVIATIONS, DOTTED_END_FORMS, englishSingular, PLACE_PHRASES, PLACE_WORDS, GENERIC_WORDS, HONORIFICS, LEGAL_FORM_FAMILIES, LEGAL_WORDS, PARTICLES, STOP_WORDS } from "./token-tables";
import { transliterate, type Untransliterable } from "./transliterate";

/** What a token is, which decides whether and how much it counts. */
export type TokenClass = "word" | "generic" | "place" | "stop" | "particle" | "initial" | "number" | "legal" | "honorific";

/** Which word tables apply: persons (honorifics), organisations (legal forms, generic words), other, or any (queries of unknown type). */
export type NameContext = "person" | "organization" | "other" | "any";

/** One token of a normalised name. */
export interface NameToken {
  /** Compare form: upper-case ASCII letters and digits. */
  readonly text: string;
  readonly cls: TokenClass;
  /** True when the token comes from an abjad script (Arabic, Hebrew, Syriac): compared by skeleton. */
  readonly abjad: boolean;
  /** Consonant skeleton (see skeleton.ts); "" for numbers. */
  readonly skeleton: string;
  /** Legal-form family for `legal` tokens, e.g. `limited-liability`. */
  readonly legalFamily?: string;
  /**
   * The spelling before a rewrite that changed the token: digits read as letters ("PR0M" →
   * "PROM"), a number word read as its number ("FIRST" → "1").
   */
  readonly source?: string;
  /**
   * A word of a place written in two words ("HONG KONG"): it weighs as the word it is (a company may
   * be named after it), and the caller adding it costs what an added place word does.
   */
  readonly place?: true;
}

/** Why a name cannot be screened. */
export interface UnscreenableReason {
  readonly code: "EMPTY" | "NO_COMPARABLE_TOKENS" | "UNROMANISABLE_SCRIPT";
  readonly message: string;
}

/**
 * A name in display and compare form, with its classified tokens.
 * @example
 * const n: NormalizedName = normalizeName("Müller-Lüdenscheidt GmbH");
 * n.display //=> "Müller-Lüdenscheidt GmbH"
 * n.tokens.length > 0 //=> true
 */
export interface NormalizedName {
  readonly input: string;
  /** The word tables applied. */
  readonly context: NameContext;
  readonly display: string;
  readonly compare: string;
  readonly tokens: readonly NameToken[];
  /** Non-Latin scripts seen in the input. */
  readonly scripts: readonly string[];
  /** Characters that could not be romanised (dropped from comparison, never guessed). */
  readonly untransliterable: readonly Untransliterable[];
  /** Set when nothing comparable is left: such a name must not be screened as clear. */
  readonly unscreenable?: UnscreenableReason;
}

/** Options of {@link normalizeName}. */
export interface NormalizeNameOptions {
  /** Word tables to apply; default `any`. */
  readonly context?: NameContext;
}

const LEGAL_PHRASES = new Map<string, string>();
/** Longest legal phrase (in words) starting with a given word. */
const LEGAL_FIRST_WORDS = new Map<string, number>();
function addLegalPhrase(key: string, family: string): void {
  if (LEGAL_PHRASES.has(key)) return;
  LEGAL_PHRASES.set(key, family);
  const words = key.split(" ");
  const first = words[0] as string;
  LEGAL_FIRST_WORDS.set(first, Math.max(LEGAL_FIRST_WORDS.get(first) ?? 0, words.length));
}
// The project's own families first, then the compiled rigour legal forms (spelled-out forms in
// many languages: "AKTIENGESELLSCHAFT", "SOCIETATE CU RASPUNDERE LIMITATA", "OBSHCHESTVO S …").
for (const [family, forms] of Object.entries(LEGAL_FORM_FAMILIES)) for (const form of forms) addLegalPhrase(form.replace(/\./g, ""), family);
for (const [phrase, family] of Object.entries(LEGAL_FORM_PHRASES)) addLegalPhrase(phrase, family);

/** The first words of two-word places (a name's word pairs are looked up only from one of them). */
const PLACE_PHRASE_FIRST = new Set([...PLACE_PHRASES].map((p) => p.split(" ")[0] as string));

/** Title phrases (rigour's person-name prefixes), by first word: longest phrase length. */
const TITLES = new Set(TITLE_PHRASES);
const TITLE_FIRST_WORDS = new Map<string, number>();
for (const t of TITLE_PHRASES) {
  const words = t.split(" ");
  TITLE_FIRST_WORDS.set(words[0] as string, Math.max(TITLE_FIRST_WORDS.get(words[0] as string) ?? 0, words.length));
}

/** Number of leading raw tokens that form title phrases ("HIS EXCELLENCY PRESIDENT …"). */
function leadingTitles(raw: readonly RawToken[]): number {
  let at = 0;
  for (;;) {
    const t = raw[at];
    const longest = t === undefined || t.abjad ? undefined : TITLE_FIRST_WORDS.get(t.text);
    if (longest === undefined) return at;
    let matched = 0;
    for (let n = Math.min(longest, raw.length - at); n >= 1; n--) {
      if (TITLES.has(raw.slice(at, at + n).map((r) => r.text).join(" "))) {
        matched = n;
        break;
      }
    }
    // A title is dropped only when a name follows it ("PRESIDENT" alone stays a word).
    if (matched === 0 || at + matched >= raw.length) return at;
    at += matched;
  }
}

/** The legal-phrase words by their first letter's code (a misspelling keeps the first letter). */
const LEGAL_WORDS_BY_INITIAL = new Map<number, string[]>();
for (const w of Object.keys(LEGAL_WORDS)) {
  const list = LEGAL_WORDS_BY_INITIAL.get(w.charCodeAt(0));
  if (list === undefined) LEGAL_WORDS_BY_INITIAL.set(w.charCodeAt(0), [w]);
  else list.push(w);
}
// Legal words that only qualify a form (open, closed, public joint-stock).
const LEGAL_QUALIFIERS = new Set(["OTKRYTOE", "OTKRYTOYE", "ZAKRYTOE", "ZAKRYTOYE", "ADKRYTAYE", "PUBLICHNOE", "PUBLICHNOYE"]);

// Edit distance up to a small bound (cheap early exit); enough for legal-word spelling variants.
function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return false;
    prev = cur;
  }
  return (prev[b.length] as number) <= max;
}

/** The legal-phrase word a (possibly misspelt) word is, or undefined. */
function legalWord(text: string): string | undefined {
  if (LEGAL_WORDS[text] !== undefined) return text;
  if (text.length < 7) return undefined;
  // One edit below ten letters, two from ten: "OTKRITIE" (a bank's name) is two edits from
  // "OTKRYTOE" (open joint-stock) and must stay a name.
  const max = text.length >= 10 ? 2 : 1;
  for (const w of LEGAL_WORDS_BY_INITIAL.get(text.charCodeAt(0)) ?? []) if (withinEdits(text, w, max)) return w;
  return undefined;
}

/** The family of a (possibly misspelt) legal-phrase word, or undefined. */
function legalWordFamily(text: string): string | undefined {
  const w = legalWord(text);
  return w === undefined ? undefined : LEGAL_WORDS[w];
}

const DOTTED = /(?<![A-Z0-9])((?:[A-Z]\.)+[A-Z])\.?(?![A-Z0-9])/g;
const APOSTROPHES = /['`\u2018\u2019\u02bc\u02bb\u00b4]/g;
const NON_ALNUM = /[^A-Z0-9\u0001]+/g;
// The Persian ezafe written onto a word with a hyphen ("SHERKAT-E SARMAYEGOZARI-E PARDIS", "SHAHR-E
// KORD", "TAKHASSOSI-YE OMRAN") links it to the next word; it is no word of the name: spellings with
// and without it compare alike. -E after a consonant or I, -YE after a vowel: after another vowel,
// "-E" is the word's own letter (TOSE-E, TOSE'E, TOSEE: development).
const EZAFE = /(?<=[A-Z](?:[B-DF-HJ-NP-TV-Z]|I))-E(?![A-Z0-9])|(?<=[A-Z][AEIOUY])-YE(?![A-Z0-9])/g;
const DIGIT = /[0-9]/;
/**
 * "And" in Spanish, French, German (an organisation's name: see classify). Not the Portuguese and
 * Italian E: a Persian word's own E is often written apart (TOSE-E, development).
 */
const CONJUNCTIONS: ReadonlySet<string> = new Set(["Y", "ET", "UND"]);

interface RawToken {
  text: string;
  abjad: boolean;
  skeleton?: string;
  article?: boolean;
  source?: string;
  /** Written as dotted letters ("A.G.", "S.A."): initials of a person, or an abbreviation. */
  dotted?: boolean;
}

// Marks a dotted abbreviation through the punctuation step (a character NON_ALNUM keeps).
const DOTTED_MARK = "\u0001";

// Digits typed for letters inside a word ("BELVNESHPR0MSERVIS", "L1UKASHENKO"): read as the
// letter they look like. Only digits with letters on both sides, in words of three or more letters,
// so that "A320", "MI 17" or "GENAVA 12" stay numbers.
const LEET: Readonly<Record<string, string>> = { "0": "O", "1": "I", "3": "E", "4": "A", "5": "S", "7": "T", "8": "B" };
const LEET_WORD = /^[A-Z]+(?:[0134578]+[A-Z]+)+$/;

function readDigitsAsLetters(w: string): string {
  if (!LEET_WORD.test(w)) return w;
  let letters = 0;
  for (const ch of w) if (ch >= "A" && ch <= "Z") letters++;
  // A digit next to the letter it looks like is that letter typed twice ("L1UKASHENKO": L, not I).
  return letters >= 3 ? w.replace(/[0-9]/g, (d, at: number) => (d === "1" && (w[at - 1] === "L" || w[at + 1] === "L") ? "L" : (LEET[d] as string))) : w;
}

// A piece of letters and digits only: none of splitPiece's rewrites applies (most pieces).
const PLAIN_PIECE = /^[A-Za-z0-9]+$/;

// Import/export written as a slashed pair, as Chinese trading companies' names do ("GOLDEN SUN I/E
// DALIAN CO., LTD."): read as the two words (each keeps what was written).
const SLASHED_WORDS: Readonly<Record<string, string>> = { "I/E": "IMPORT EXPORT", "IMP/EXP": "IMPORT EXPORT" };

function splitPiece(text: string, into: RawToken[], abjad: boolean, skeleton: string | undefined, article?: boolean): void {
  const upper = text.toUpperCase();
  const slashed = abjad ? undefined : SLASHED_WORDS[upper];
  if (slashed !== undefined) {
    for (const w of slashed.split(" ")) into.push({ text: w, abjad: false, source: upper });
    return;
  }
  const words = PLAIN_PIECE.test(text)
    ? [upper]
    : upper
        .replace(DOTTED, (m) => `${DOTTED_MARK}${m.replace(/\./g, "")}`)
        .replace(APOSTROPHES, "")
        .replace(EZAFE, "")
        .replace(/&/g, " AND ")
        .replace(NON_ALNUM, " ")
        .split(" ")
        .filter((w) => w.length > 0);
  for (const marked of words) {
    const dotted = marked.startsWith(DOTTED_MARK);
    const word = dotted ? marked.slice(DOTTED_MARK.length) : marked;
    const w = abjad ? word : readDigitsAsLetters(word);
    const number = abjad ? undefined : NUMBER_WORDS[w];
    const raw: RawToken = { text: number ?? w, abjad };
    if (w !== word) raw.source = word;
    else if (number !== undefined) raw.source = word;
    // The abjad skeleton belongs to the whole word; it stays only when punctuation did not split it.
    if (skeleton !== undefined && words.length === 1) raw.skeleton = skeleton;
    if (article) raw.article = true;
    if (dotted) raw.dotted = true;
    into.push(raw);
  }
}

// The singular of an English plural that is a generic word ("DEVELOPMENTS", "FACTORIES",
// "AGENCIES"), or undefined: a plural describes a business as the singular does.
function genericSingular(text: string): string | undefined {
  if (text.length < 5 || GENERIC_WORDS.has(text)) return undefined;
  return englishSingular(text, genericWord);
}

// The generic word a spelling is (after abbreviation expansion), or undefined.
function genericWord(text: string): string | undefined {
  const word = ABBREVIATIONS[text] ?? text;
  return GENERIC_WORDS.has(word) ? word : undefined;
}

function expandAbbreviations(raw: RawToken[]): RawToken[] {
  const out: RawToken[] = [];
  for (const t of raw) {
    const full = t.abjad ? undefined : (ABBREVIATIONS[t.text] ?? genericSingular(t.text));
    if (full === undefined) out.push(t);
    else if (!full.includes(" ") && full !== t.text) out.push({ text: full, abjad: false, source: t.source ?? t.text });
    // Each word of a phrase keeps what was written ("KB read as DESIGN BUREAU" in the reasons).
    else for (const w of full.split(" ")) out.push({ text: w, abjad: false, source: t.source ?? t.text });
  }
  return out;
}

function classify(input: RawToken[], context: NameContext): NameToken[] {
  let raw = input;
  const tokens: NameToken[] = [];
  const orgLike = context === "organization" || context === "any";
  const personLike = context === "person" || context === "any";
  // Dotted letters are a person's initials ("A.G. LUKASHENKO") in a person's name, and at the start
  // of an untyped name that has no legal form; elsewhere an abbreviation ("S.A.", "D.O.O.", and
  // "M.A.T.S.A. S.A. DE C.V.", an organisation's name).
  const initialsFirst = context === "any" && raw.length > 1 && raw[0]?.dotted === true && !hasLegalForm(raw, 1);
  raw = raw.flatMap((t, i) =>
    t.dotted === true && (context === "person" || (initialsFirst && i === 0)) ? [...t.text].map((ch): RawToken => ({ text: ch, abjad: false })) : [t],
  );
  const titles = personLike ? leadingTitles(raw) : 0;
  for (let i = 0; i < titles; i++) tokens.push(makeToken(raw[i] as RawToken, "honorific"));
  for (let i = titles; i < raw.length; i++) {
    const t = raw[i] as RawToken;
    const endForm = orgLike && t.dotted === true && i > titles && i === raw.length - 1 ? DOTTED_END_FORMS[t.text] : undefined;
    if (endForm !== undefined) {
      tokens.push({ text: t.text, cls: "legal", abjad: false, skeleton: "", legalFamily: endForm });
      continue;
    }
    if (orgLike && !t.abjad && LEGAL_FIRST_WORDS.has(t.text)) {
      const found = legalPhraseAt(raw, i);
      const family = found.family;
      let matched = found.matched;
      // A form of single letters only ("A G", "S A") is a legal form at the end of a name, not
      // at its start, where it is a person's initials ("A. G. LUKASHENKO").
      if (matched > 0 && (i === 0 || i + matched < raw.length) && raw.slice(i, i + matched).every((r) => r.text.length === 1)) matched = 0;
      if (matched > 0) {
        const text = raw
          .slice(i, i + matched)
          .map((r) => r.text)
          .join(" ");
        tokens.push({ text, cls: "legal", abjad: false, skeleton: "", legalFamily: family });
        i += matched - 1;
        continue;
      }
    }
    const word = orgLike && !t.abjad ? legalWord(t.text) : undefined;
    // "Open", "closed" and "public" qualify a joint-stock form: they are legal words only beside
    // another ("OTKRYTOE AKTSIONERNOE OBSHCHESTVO"); alone they may be a name ("OTKRYTIE FAKTORING",
    // the Otkritie bank's factoring arm, one edit from OTKRYTOE).
    const wordFamily = word === undefined || (LEGAL_QUALIFIERS.has(word) && !(legalBefore(tokens) || legalAt(raw, i + 1))) ? undefined : LEGAL_WORDS[word];
    if (wordFamily !== undefined) {
      tokens.push({ text: t.text, cls: "legal", abjad: false, skeleton: "", ...(wordFamily ? { legalFamily: wordFamily } : {}) });
      continue;
    }
    tokens.push(makeToken(t, classOf(t, context, personLike, orgLike)));
  }
  // An untyped name with a legal form is an organisation's: its single letters are words, not a
  // person's initials ("J AND P ADVERTISING, S.A. DE C.V." as "J & P ADVERTISING, S.A. DE C.V."),
  // and in an organisation's name a conjunction of another language between two words is AND, as &
  // is ("SAABF Y COMPANIA" ~ "SAABF & COMPANIA", "DUPONT ET FILS", "MUELLER UND SOHN").
  const organisation = context === "organization" || (context === "any" && tokens.some((t) => t.cls === "legal"));
  if (organisation) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as NameToken;
      if (i > 0 && i + 1 < tokens.length && !t.abjad && CONJUNCTIONS.has(t.text) && t.cls !== "legal") {
        tokens[i] = makeToken({ text: "AND", abjad: false, source: t.source ?? t.text }, "stop");
      } else if (t.cls === "initial") tokens[i] = { ...t, cls: "word" };
    }
  }
  // "OBSHCHESTVO S OGRANICHENNOY …": a single letter between legal words belongs to the form.
  for (let i = 1; i + 1 < tokens.length; i++) {
    const t = tokens[i] as NameToken;
    if (t.text.length === 1 && tokens[i - 1]?.cls === "legal" && tokens[i + 1]?.cls === "legal") tokens[i] = { ...t, cls: "legal", skeleton: "" };
  }
  if (orgLike) {
    // A place written in two words ("HSJ ELECTRONIC HONG KONG LIMITED"): the caller adding it costs
    // what an added place word does, but its words weigh as the words they are, since companies are
    // named after such places too ("HONG KONG ELECTRONICS KISH CO").
    for (let i = 0; i + 1 < tokens.length; i++) {
      const a = tokens[i] as NameToken;
      const b = tokens[i + 1] as NameToken;
      if (PLACE_PHRASE_FIRST.has(a.text) && (a.cls === "word" || a.cls === "place") && (b.cls === "word" || b.cls === "place") && PLACE_PHRASES.has(`${a.text} ${b.text}`)) {
        if (a.cls === "word") tokens[i] = { ...a, place: true };
        if (b.cls === "word") tokens[i + 1] = { ...b, place: true };
      }
    }
    // A compound entry's parent organisation (marker included) and a successor clause are list
    // wording, not the name: their words weigh as stop words.
    weighAsStopWords(tokens, 0, compoundParentEnd(tokens));
    const clause = successorClause(tokens);
    if (clause !== undefined) weighAsStopWords(tokens, clause.from, clause.to);
    markEchoAcronyms(tokens);
  }
  const comparable = tokens.some((t) => t.cls !== "legal" && t.cls !== "honorific" && t.cls !== "stop");
  if (!comparable && tokens.length > 0) {
    // "THE COMPANY", "SHEIKH": nothing but class words; compare them as words rather than not at all.
    return tokens.flatMap((t) =>
      t.text.split(" ").map((w) => ({ text: w, cls: DIGIT.test(w) ? "number" : "word", abjad: t.abjad, skeleton: t.abjad ? t.skeleton : latinSkeleton(w) }) as NameToken),
    );
  }
  return tokens;
}

// Words that introduce the listed body after the organisation it belongs to, in the U.S. Entity
// List's compound entries ("… 13TH RESEARCH INSTITUTE (CETC 13). SUBORDINATE INSTITUTION - TONGHUI
// ELECTRONICS", "HUAWEI TECHNOLOGIES CO., LTD. (HUAWEI). AFFILIATED ENTITY: …", "… (PAEC), AND
// SUBORDINATE ENTITY NATIONAL INSTITUTE OF LASERS AND OPTRONICS"). Two words each: the marker is
// the two tokens before `compoundParentEnd`.
const PARENT_MARKERS: readonly (readonly [string, string])[] = [
  ["SUBORDINATE", "INSTITUTION"], ["SUBORDINATE", "INSTITUTIONS"], ["SUBORDINATE", "ENTITY"], ["SUBORDINATE", "ENTITIES"],
  ["AFFILIATED", "ENTITY"], ["AFFILIATED", "ENTITIES"],
];

/**
 * In a compound Entity List entry, the number of leading tokens that name the parent organisation,
 * marker included ("… SUBORDINATE INSTITUTION", "… AFFILIATED ENTITY"); 0 for other names. The
 * marker must follow at least one word and be followed by the listed body's name.
 * @example
 * compoundParentEnd(normalizeName("CETC 13. Subordinate Institution - Tonghui Electronics").tokens) //=> 4
 */
export function compoundParentEnd(tokens: readonly NameToken[]): number {
  for (let m = 1; m + 1 < tokens.length; m++) {
    const first = (tokens[m] as NameToken).text;
    // Every name is normalised on every screen: a plain test of the marker's first word first.
    if (first !== "SUBORDINATE" && first !== "AFFILIATED") continue;
    const second = (tokens[m + 1] as NameToken).text;
    if (!PARENT_MARKERS.some(([a, b]) => a === first && b === second)) continue;
    const end = m + 2;
    for (let i = end; i < tokens.length; i++) if ((tokens[i] as NameToken).cls !== "legal" && (tokens[i] as NameToken).cls !== "stop") return end;
    return 0;
  }
  return 0;
}

// Tokens [from, to) weigh as stop words (legal forms stay legal forms). In a compound entry the
// words before the marker name the parent organisation, not the listed body, so a spelling of the
// body's own name is not held against the parent's words it leaves out; the Entity List's "… and any
// successor, sub-unit, or subsidiary thereof" (14 entries of the 2022 CSL) says what the listing
// covers, not who, so "ASIA-INVEST LLC" matches "Asia-Invest LLC and any successor, …" as the name it is.
function weighAsStopWords(tokens: NameToken[], from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const t = tokens[i] as NameToken;
    if (t.cls !== "legal") tokens[i] = { ...t, cls: "stop" };
  }
}

/**
 * Where a name's "any successor, sub-unit, or subsidiary thereof" clause is (token indices, `to`
 * exclusive), or undefined; it must follow the name.
 * @example
 * successorClause(normalizeName("Asia-Invest LLC and any successor, sub-unit, or subsidiary thereof").tokens) //=> { from: 4, to: 11 }
 */
export function successorClause(tokens: readonly NameToken[]): { from: number; to: number } | undefined {
  let any = -1;
  for (let i = 1; i + 1 < tokens.length && any < 0; i++) if ((tokens[i] as NameToken).text === "ANY" && (tokens[i + 1] as NameToken).text === "SUCCESSOR") any = i;
  if (any < 0) return undefined;
  for (let i = any + 2; i < tokens.length && i <= any + 8; i++) if ((tokens[i] as NameToken).text === "THEREOF") return { from: any, to: i + 1 };
  return undefined;
}

const ECHO = /^[A-Z]{3,8}$/;

// A name's own initials written beside it ("HIGH TECHNOLOGIES LTD (HTL)", "PAKISTAN ATOMIC ENERGY
// COMMISSION (PAEC)") repeat the name rather than add to it: such a word weighs as a generic word,
// so a spelling of the name without it (or with another) loses little. A word is read as the
// name's initials when its letters are, in order, the initials of other words of the name (legal
// forms included, stop words and particles not), beginning with the name's first word.
function markEchoAcronyms(tokens: NameToken[]): void {
  const initials: string[] = [];
  const owner: number[] = [];
  tokens.forEach((t, i) => {
    if (t.abjad || t.cls === "stop" || t.cls === "particle" || t.cls === "honorific") return;
    for (const w of t.text.split(" ")) {
      initials.push(w.charAt(0));
      owner.push(i);
    }
  });
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as NameToken;
    if (t.cls !== "word" || t.abjad || !ECHO.test(t.text)) continue;
    let p = 0;
    let first = true;
    for (let k = 0; k < initials.length && p < t.text.length; k++) {
      if (owner[k] === i) continue;
      if (first && initials[k] !== t.text.charAt(0)) break;
      first = false;
      if (initials[k] === t.text.charAt(p)) p++;
    }
    if (p === t.text.length) tokens[i] = { ...t, cls: "generic" };
  }
}

// The longest legal-form phrase starting at raw token i (0 words when none).
function legalPhraseAt(raw: readonly RawToken[], i: number): { matched: number; family: string } {
  const longest = LEGAL_FIRST_WORDS.get((raw[i] as RawToken).text) ?? 0;
  for (let n = Math.min(longest, raw.length - i); n >= 1; n--) {
    const phrase = raw
      .slice(i, i + n)
      .map((r) => r.text)
      .join(" ");
    const family = LEGAL_PHRASES.get(phrase);
    if (family !== undefined) return { matched: n, family };
  }
  return { matched: 0, family: "" };
}

// Whether the tokens so far end in a legal word (or a legal word and a single letter: "OBSHCHESTVO S").
function legalBefore(tokens: readonly NameToken[]): boolean {
  const last = tokens[tokens.length - 1];
  if (last?.cls === "legal") return true;
  return last !== undefined && last.text.length === 1 && tokens[tokens.length - 2]?.cls === "legal";
}

// Whether raw token `i` is a legal word (spelt exactly or nearly) or starts a legal phrase, or is a
// single letter before one ("… S OGRANICHENNOI").
function legalAt(raw: readonly RawToken[], i: number): boolean {
  const t = raw[i];
  if (t === undefined || t.abjad) return false;
  if (t.text.length === 1) return legalAt(raw, i + 1) && raw[i + 1]?.text.length !== 1;
  return legalWordFamily(t.text) !== undefined || (LEGAL_FIRST_WORDS.has(t.text) && legalPhraseAt(raw, i).matched > 0);
}

// Whether a name holds a legal form from raw token `from` on (an organisation's name, whatever its
// type says; the leading dotted letters themselves do not count: "A.G. LUKASHENKO", "S.A. AHMED").
function hasLegalForm(raw: readonly RawToken[], from: number): boolean {
  for (let i = from; i < raw.length; i++) {
    const t = raw[i] as RawToken;
    if (t.abjad) continue;
    if (LEGAL_FIRST_WORDS.has(t.text) && legalPhraseAt(raw, i).matched > 0) return true;
    const word = legalWord(t.text);
    // "Open", "closed", "public" alone are no legal form (see LEGAL_QUALIFIERS in classify).
    if (word !== undefined && (!LEGAL_QUALIFIERS.has(word) || legalAt(raw, i + 1) || (i > from && legalAt(raw, i - 1)))) return true;
  }
  return false;
}

function classOf(t: RawToken, context: NameContext, personLike: boolean, orgLike: boolean): TokenClass {
  if (t.article) return "particle";
  if (DIGIT.test(t.text)) return "number";
  if (personLike && HONORIFICS.has(t.text)) return "honorific";
  if (context !== "person" && STOP_WORDS.has(t.text)) return "stop";
  if (PARTICLES.has(t.text)) return "particle";
  // Single letters are initials of person names; in organisation names they are abbreviations
  // ("B S COMPANY", "R AND D") and only match themselves.
  if (t.text.length === 1) return personLike ? "initial" : "word";
  if (orgLike && GENERIC_WORDS.has(t.text)) return "generic";
  if (orgLike && PLACE_WORDS.has(t.text)) return "place";
  return "word";
}

function makeToken(t: RawToken, cls: TokenClass): NameToken {
  const skeleton = cls === "number" ? "" : (t.skeleton ?? latinSkeleton(t.text));
  return { text: t.text, cls, abjad: t.abjad, skeleton, ...(t.source === undefined ? {} : { source: t.source }) };
}

// Combining marks left after NFKC on a Latin letter ("v\u0301" has no precomposed form): the base
// letter is what a reader sees and what the lists spell.
const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu;
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

function describeUnscreenable(input: string, untransliterable: readonly Untransliterable[]): UnscreenableReason {
  if (input.trim() === "") return { code: "EMPTY", message: "name is empty" };
  if (untransliterable.length > 0) {
    const scripts = untransliterable.map((u) => `${u.script} (${u.count} character${u.count === 1 ? "" : "s"}, e.g. "${u.example}")`).join(", ");
    return { code: "UNROMANISABLE_SCRIPT", message: `no romanisation for ${scripts}; nothing comparable is left` };
  }
  return { code: "NO_COMPARABLE_TOKENS", message: "no letters or digits to compare after removing symbols, emoji and invisible characters" };
}

/**
 * Normalises a name to its display form, compare form and classified tokens (steps in the module header).
 * @example
 * normalizeName("Muñoz").compare //=> "MUNOZ"
 * normalizeName("SIS d.o.o.").tokens.map((t) => t.cls) //=> ["word", "legal"]
 */
export function normalizeName(input: string, options: NormalizeNameOptions = {}): NormalizedName {
  const context = options.context ?? "any";
  // Printable ASCII (most names): NFKC, the invisible and control characters, lookalike letters of
  // other scripts and combining marks cannot occur.
  const ascii = PRINTABLE_ASCII.test(input);
  const display = (ascii ? input : stripControls(input.normalize("NFKC"))).replace(/\s+/gu, " ").trim();
  const folded = ascii ? display : foldLookalikes(display).replace(LATIN_MARKS, "$1");
  const { pieces, scripts, untransliterable } = transliterate(folded);
  let raw: RawToken[] = [];
  for (const p of pieces) {
    if (p.kind === "abjad") splitPiece(p.text, raw, true, p.skeleton, p.article);
    else if (p.kind === "syllable") splitPiece(p.text, raw, false, undefined);
    else splitPiece(p.text, raw, false, undefined);
  }
  // Hebrew/Syriac abjad words have no Arabic skeleton: take the Latin skeleton of the romanisation.
  raw = raw.map((r) => (r.abjad && r.skeleton === undefined ? { ...r, skeleton: latinSkeleton(r.text) } : r));
  if (context !== "person") raw = expandAbbreviations(raw);
  const tokens = classify(raw, context);
  const compare = tokens.map((t) => t.text).join(" ");
  const base = { input, context, display, compare, tokens, scripts, untransliterable };
  if (tokens.length === 0) return { ...base, unscreenable: describeUnscreenable(input, untransliterable) };
  return base;
}
