/**
 * Writing-system detection and name-variant splitting shared by the list drivers.
 *
 * Scripts are ISO 15924 codes read from the Unicode `Script` property of the letters (marks,
 * digits and punctuation do not count). Han mixed with Hangul is `Kore`, Han or Kana mixed with
 * Kana is `Jpan`; any other mix is reported by {@link splitScriptRuns} as separate runs.
 */

const SCRIPTS: readonly (readonly [code: string, pattern: RegExp])[] = [
  ["Latn", /\p{Script=Latin}/u],
  ["Cyrl", /\p{Script=Cyrillic}/u],
  ["Arab", /\p{Script=Arabic}/u],
  ["Hani", /\p{Script=Han}/u],
  ["Hang", /\p{Script=Hangul}/u],
  ["Hira", /\p{Script=Hiragana}/u],
  ["Kana", /\p{Script=Katakana}/u],
  ["Grek", /\p{Script=Greek}/u],
  ["Hebr", /\p{Script=Hebrew}/u],
  ["Syrc", /\p{Script=Syriac}/u],
  ["Thaa", /\p{Script=Thaana}/u],
  ["Deva", /\p{Script=Devanagari}/u],
  ["Beng", /\p{Script=Bengali}/u],
  ["Guru", /\p{Script=Gurmukhi}/u],
  ["Gujr", /\p{Script=Gujarati}/u],
  ["Taml", /\p{Script=Tamil}/u],
  ["Telu", /\p{Script=Telugu}/u],
  ["Knda", /\p{Script=Kannada}/u],
  ["Mlym", /\p{Script=Malayalam}/u],
  ["Sinh", /\p{Script=Sinhala}/u],
  ["Thai", /\p{Script=Thai}/u],
  ["Laoo", /\p{Script=Lao}/u],
  ["Khmr", /\p{Script=Khmer}/u],
  ["Mymr", /\p{Script=Myanmar}/u],
  ["Tibt", /\p{Script=Tibetan}/u],
  ["Mong", /\p{Script=Mongolian}/u],
  ["Geor", /\p{Script=Georgian}/u],
  ["Armn", /\p{Script=Armenian}/u],
  ["Ethi", /\p{Script=Ethiopic}/u],
];

const LETTER = /\p{L}/u;
const ONLY_LATIN_OR_NON_LETTERS = /^[\p{Script=Latin}\P{L}]*$/u;
/** Scripts that combine into one writing system (Korean, Japanese) instead of splitting a name. */
const CJK = new Set(["Hani", "Hang", "Hira", "Kana"]);

/** ISO 15924 code of one letter, or `Zyyy` (common) when the table does not know it. */
function letterScript(char: string): string {
  for (const [code, pattern] of SCRIPTS) if (pattern.test(char)) return code;
  return "Zyyy";
}

/** Folds a set of CJK scripts into one code: Hangul (+Han) → Hang/Kore, Kana (+Han) → Jpan. */
function foldCjk(codes: ReadonlySet<string>): string {
  if (codes.has("Hira") || codes.has("Kana")) return "Jpan";
  if (codes.has("Hang")) return codes.has("Hani") ? "Kore" : "Hang";
  return "Hani";
}

/** Script class used for run splitting: every CJK script is one class. */
function scriptClass(code: string): string {
  return CJK.has(code) ? "CJK" : code;
}

/**
 * The ISO 15924 code of the letters of `text`: the single script they use, `Kore` / `Jpan` for
 * Korean / Japanese mixes, the majority script for any other mix, `undefined` without letters.
 * @example
 * detectScript("صدام حسين التكريتي") //=> "Arab"
 * detectScript("Ахмед Чатаев") //=> "Cyrl"
 * detectScript("朝鲜联合机械贸易会社") //=> "Hani"
 */
export function detectScript(text: string): string | undefined {
  if (ONLY_LATIN_OR_NON_LETTERS.test(text)) return LETTER.test(text) ? "Latn" : undefined;
  const counts = new Map<string, number>();
  for (const char of text) {
    if (!LETTER.test(char)) continue;
    const code = letterScript(char);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  if (counts.size === 0) return undefined;
  const codes = new Set(counts.keys());
  if ([...codes].every((c) => CJK.has(c))) return foldCjk(codes);
  let best: string | undefined;
  let bestCount = -1;
  for (const [code, count] of counts) {
    if (count > bestCount) {
      best = code;
      bestCount = count;
    }
  }
  return best === "Zyyy" ? undefined : best;
}

/**
 * True when `text` has letters and all of them are Latin (or it has none).
 * @example
 * isLatinText("Müller") //=> true
 */
export function isLatinText(text: string): boolean {
  return ONLY_LATIN_OR_NON_LETTERS.test(text);
}

/**
 * Splits text whose words are written in different scripts into one run per script, keeping
 * word order; CJK scripts stay together.
 * @example
 * splitScriptRuns("Agha Jan Alizai اغا جان عالیزی") //=> ["Agha Jan Alizai", "اغا جان عالیزی"]
 */
export function splitScriptRuns(text: string): string[] {
  if (isLatinText(text)) return [text.trim()].filter((t) => t !== "");
  const runs: { cls: string | undefined; words: string[] }[] = [];
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const script = detectScript(word);
    const cls = script === undefined ? undefined : scriptClass(script);
    const last = runs[runs.length - 1];
    // Words without letters (digits, "-", "&") stay with the run before them.
    if (last && (cls === undefined || last.cls === undefined || last.cls === cls)) {
      last.words.push(word);
      last.cls ??= cls;
    } else {
      runs.push({ cls, words: [word] });
    }
  }
  return runs.map((r) => r.words.join(" "));
}

/** One name found in a publisher's name field, with its detected script. */
export interface NameVariant {
  readonly value: string;
  /** ISO 15924 code of the variant's letters, when it has letters. */
  readonly script?: string;
  /** True when the letters are not Latin (the subject's own script). */
  readonly originalScript: boolean;
}

/** Splits on `;` outside parentheses. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of text) {
    if (char === "(") depth++;
    else if (char === ")") depth = Math.max(0, depth - 1);
    if (char === separator && depth === 0) {
      parts.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

/** Annotations publishers put in a name field that are not names (UN "(original script)"). */
const ANNOTATION = /^original script$/i;
const ORIGINAL_SCRIPT_PREFIX = /^(?:in\s+\p{L}+\s+script|original script)\s*:\s*/iu;

/** Splits one `;`-free part into the text outside parentheses and the top-level groups. */
function extractGroups(part: string): { outside: string; groups: string[] } | undefined {
  let depth = 0;
  let outside = "";
  let group = "";
  const groups: string[] = [];
  for (const char of part) {
    if (char === "(") {
      if (depth > 0) group += char;
      else outside += "\u0000";
      depth++;
    } else if (char === ")") {
      if (depth === 0) return undefined; // unbalanced: leave the text alone
      depth--;
      if (depth > 0) group += char;
      else {
        groups.push(group);
        group = "";
      }
    } else if (depth > 0) {
      group += char;
    } else {
      outside += char;
    }
  }
  if (depth !== 0) return undefined;
  // Each group left a NUL placeholder in `outside`, so kept groups go back where they were.
  return { outside, groups };
}

function clean(text: string): string {
  return text
    .replace(/\s+/g, " ")
    // A stray ")" opening a field is a publisher typo (UN QDi.327 ") Abdelrahman …").
    .replace(/^[\s,;:)]+|[\s,;:]+$/g, "")
    .trim();
}

/**
 * Splits a publisher's name field that holds several names into single names: `A; B` lists,
 * a transliteration with its original-script form in parentheses (`Jin Tiesan (金铁三)`), a list
 * in parentheses (`حسن غول (Hassan Ghul; Hassan Gul)`), an `original script:` marker, UN's
 * `a) … b) …` enumerations, and words in two scripts side by side. Parentheses in the same script
 * that hold no list (`Tahrir al-Sham (HTS)`) stay part of the name.
 * @example
 * splitNameVariants("Jin Tiesan (金铁三)").map((v) => v.value) //=> ["Jin Tiesan", "金铁三"]
 * splitNameVariants("Azim Adhajani; Azim Agha-Jani").map((v) => v.value) //=> ["Azim Adhajani", "Azim Agha-Jani"]
 */
export function splitNameVariants(raw: string): NameVariant[] {
  const out: NameVariant[] = [];
  const seen = new Set<string>();
  const push = (value: string): void => {
    const v = clean(value);
    if (v === "" || ANNOTATION.test(v) || seen.has(v)) return;
    seen.add(v);
    const script = detectScript(v);
    out.push({ value: v, ...(script === undefined ? {} : { script }), originalScript: script !== undefined && script !== "Latn" });
  };
  // "… b) M. Javad …": an enumeration letter with a lone ")" separates names like ";".
  const text = clean(raw).replace(/(^|\s)[a-z]\)\s+/g, "; ");
  for (const part of splitTopLevel(text, ";")) visit(clean(part).replace(ORIGINAL_SCRIPT_PREFIX, ""), push);
  return out;
}

function visit(part: string, push: (value: string) => void): void {
  if (part === "") return;
  const extracted = extractGroups(part);
  if (!extracted || extracted.groups.length === 0) {
    for (const run of splitScriptRuns(part)) push(run);
    return;
  }
  const outsideText = extracted.outside.replace(/\u0000/g, " ");
  const outsideScript = detectScript(outsideText);
  const kept: string[] = [];
  const separate: string[] = [];
  for (const group of extracted.groups) {
    const inner = clean(group);
    const innerScript = detectScript(inner);
    if (ANNOTATION.test(inner)) {
      kept.push("");
    } else if (
      outsideScript === undefined ||
      ORIGINAL_SCRIPT_PREFIX.test(inner) ||
      splitTopLevel(inner, ";").length > 1 ||
      (innerScript !== undefined && scriptClass(innerScript) !== scriptClass(outsideScript))
    ) {
      // A different script or a list: these are other names of the subject.
      separate.push(inner.replace(ORIGINAL_SCRIPT_PREFIX, ""));
      kept.push("");
    } else {
      kept.push(`(${group})`);
    }
  }
  let index = 0;
  const main = extracted.outside.replace(/\u0000/g, () => {
    const g = kept[index++] ?? "";
    return g === "" ? " " : g;
  });
  for (const run of splitScriptRuns(clean(main))) push(run);
  for (const inner of separate) for (const sub of splitTopLevel(inner, ";")) visit(clean(sub), push);
}
