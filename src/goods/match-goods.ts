/**
 * Controlled-goods matching: a free-text goods description (and any codes the caller gives) against
 * the sourced catalogue `lists/goods/controlled-items.json`.
 *
 * Contract, in order:
 * 1. Text is NFKC-composed, transliterated to ASCII (so "9П135М Конкурс" reads "9P135M Konkurs"),
 *    lower-cased and cut into alphanumeric tokens; "MiG-23", "MiG 23" and "MiG23" all compare as
 *    the compact form "mig23".
 * 2. Every window of 1–6 consecutive tokens is looked up exactly, then searched with fuse.js (free
 *    text against a small list of aliases). A fuzzy hit needs (a) the same digit runs in window and
 *    alias, so MiG-21 never matches MiG-23 and "240 … missile" never matches "missile"; (b) an alias
 *    longer than five characters (short ones match only exactly: "MAZ" is not "max"); (c) lengths
 *    within 80 % of each other. The aliases are bucketed by digits and length at load, so a search
 *    scans only those it could match. Score = (1 − fuse score) × length ratio, kept at 0.75 or more
 *    and below 1, which is reserved for exact aliases and codes.
 * 3. Per entry the best window wins; a match whose words lie inside a longer match of another entry
 *    is dropped ("MAZ-543 chassis" is not also a plain "MAZ").
 * 4. An entry with an `escalation` (a plain MAZ truck) becomes a conditional munitions match when the
 *    text also contains one of its terms ("military").
 * 5. Codes (USML category, ECCN, Wassenaar ML entry, HS) are matched exactly against the entries'
 *    categories and classified by the catalogue's code rules.
 * Unconfirmed entries and code rules are reported but never decide the goods class.
 */
import anyAscii from "any-ascii";
import Fuse from "fuse.js";
import { InputError, type InputIssue, ListFormatError } from "../errors";
import { contentSha256, inShapeOrder, type GoodsClass } from "../rules";
import type { GoodsCatalogueFile, GoodsCategory } from "./load-goods-catalogue";

/** List id used in the errors of the catalogue loader. */
export const GOODS_CATALOGUE_LIST_ID = "goods-catalogue";

type Row = Record<string, unknown>;
const ENTRY = ["id", "name", "aliases", "class", "controlStatus", "categories", "tags", "generic", "condition", "escalation", "note", "confirmed", "unconfirmed", "sources"];
const CATALOGUE = ["version", "title", "sourceNote", "entries", "codeRules"];

/**
 * The catalogue shipped in the package (`lists/goods/controlled-items.json`) from its parsed JSON,
 * without zod (issue 8: the transaction screener's module graph stays light): the file's own values
 * with the defaults `GoodsCatalogueFileSchema` applies (`tags: []`, `generic: false`) in the schema's
 * key order, then {@link goodsCatalogueFrom}. It does not validate: `test/goods/match-goods.test.ts`
 * requires it to equal `loadGoodsCatalogue` of the same file. A caller's catalogue always goes
 * through `loadGoodsCatalogue`.
 * @example
 * readShippedGoodsCatalogue(controlledItemsJson).sha256 === loadGoodsCatalogue(controlledItemsJson).sha256 //=> true
 */
export function readShippedGoodsCatalogue(json: unknown): GoodsCatalogue {
  const file = json as Row;
  const entries = (file.entries as Row[]).map((e) => inShapeOrder(e, ENTRY, { tags: [], generic: false }));
  return goodsCatalogueFrom(inShapeOrder({ ...file, entries }, CATALOGUE) as unknown as GoodsCatalogueFile, contentSha256(json));
}

/** Whether an entry is controlled outright, only under a condition, or explicitly not controlled. */
export const CONTROL_STATUSES = ["controlled", "conditional", "not-controlled"] as const;
/**
 * An entry's control status.
 * @example
 * const status: ControlStatus = "conditional";
 */
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

/** Which code a caller may give with a goods line. */
export const GOODS_CODE_SCHEMES = ["usml", "eccn", "ml", "hs"] as const;
/**
 * A code scheme a caller may give with a goods line.
 * @example
 * const scheme: GoodsCodeScheme = "eccn";
 */
export type GoodsCodeScheme = (typeof GOODS_CODE_SCHEMES)[number];

/** One alias of an entry in the compact form the index compares. */
export interface GoodsAliasRecord {
  readonly entryId: string;
  readonly alias: string;
  readonly compact: string;
  readonly digits: string;
}

/**
 * A fuzzy text index over catalogue aliases (fuse.js inside; only this shape is public, so the
 * library's types do not depend on fuse.js).
 */
export interface GoodsTextIndex {
  search(pattern: string): readonly { readonly item: GoodsAliasRecord; readonly score?: number }[];
}

/**
 * A loaded catalogue: the validated file, its content sha256 and the alias indexes.
 * @example
 * const catalogue: GoodsCatalogue = loadGoodsCatalogue(JSON.parse(readFileSync("lists/goods/controlled-items.json", "utf8")));
 * catalogue.entries.length > 0 //=> true; catalogue.sha256.length //=> 64
 */
export interface GoodsCatalogue extends GoodsCatalogueFile {
  readonly sha256: string;
  readonly aliasRecords: readonly GoodsAliasRecord[];
  /** Compact alias → its records, for exact matches without a fuzzy search. */
  readonly exactIndex: ReadonlyMap<string, readonly GoodsAliasRecord[]>;
  /**
   * fuse.js indexes keyed `<digit runs>#<window length>`, each holding only the aliases a window of
   * that length and those digits may match (same digits, length within the ratio, longer than a
   * short alias), so one search scans a handful of aliases instead of all of them.
   */
  readonly fuzzyIndexes: ReadonlyMap<string, GoodsTextIndex>;
  /** Longest compact alias: windows longer than it allows are not searched. */
  readonly maxAliasLength: number;
}

interface Token {
  readonly text: string;
  /** The token as written in the description (for the explanation). */
  readonly original: string;
  /** Offsets of the original run in the NFKC-composed description. */
  readonly start: number;
  readonly end: number;
}

/** Splits text into lower-case ASCII alphanumeric tokens, keeping what the caller wrote. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.normalize("NFKC").matchAll(/[\p{L}\p{N}]+/gu)) {
    const ascii = anyAscii(m[0]).toLowerCase();
    for (const part of ascii.match(/[a-z0-9]+/g) ?? []) {
      tokens.push({ text: part, original: m[0], start: m.index, end: m.index + m[0].length });
    }
  }
  return tokens;
}

/** Compact comparison form: tokens joined without separators. */
function compactForm(text: string): string {
  return tokenize(text)
    .map((t) => t.text)
    .join("");
}

/** Digit runs in order, e.g. "9p135m" → "9|135"; equal runs are required for a match. */
function digitRuns(compact: string): string {
  return (compact.match(/[0-9]+/g) ?? []).join("|");
}

const MAX_WINDOW = 6;
const SHORT_ALIAS = 5;
const MIN_LENGTH_RATIO = 0.8;
const MIN_SCORE = 0.75;

/**
 * The catalogue from its validated file: cross-entry checks (unique ids, confirmed/unconfirmed,
 * conditions, aliases with letters), compiled code rules and the alias index; `sha256` is the
 * content hash of the file as given. `loadGoodsCatalogue` validates first; the shipped file is read
 * through {@link readShippedGoodsCatalogue}.
 * @example
 * goodsCatalogueFrom(GoodsCatalogueFileSchema.parse(json), contentSha256(json)).entries.length //=> 15
 */
export function goodsCatalogueFrom(file: GoodsCatalogueFile, sha256: string): GoodsCatalogue {
  const issues: { recordId?: string; field: string; expected: string; received: string }[] = [];
  const ids = new Set<string>();
  file.entries.forEach((e, i) => {
    if (ids.has(e.id)) issues.push({ recordId: e.id, field: `entries.${i}.id`, expected: "a unique id", received: e.id });
    ids.add(e.id);
    if (e.confirmed === (e.unconfirmed !== undefined)) {
      issues.push({ recordId: e.id, field: `entries.${i}.unconfirmed`, expected: "a reason exactly when confirmed is false", received: String(e.unconfirmed) });
    }
    if (e.controlStatus === "conditional" && e.condition === undefined) {
      issues.push({ recordId: e.id, field: `entries.${i}.condition`, expected: "a condition for a conditional entry", received: "undefined" });
    }
    e.aliases.forEach((a, j) => {
      if (compactForm(a).length === 0) issues.push({ recordId: e.id, field: `entries.${i}.aliases.${j}`, expected: "letters or digits", received: a });
    });
  });
  file.codeRules.forEach((r, i) => {
    try {
      new RegExp(r.pattern);
    } catch {
      issues.push({ field: `codeRules.${i}.pattern`, expected: "a regular expression", received: r.pattern });
    }
    if (r.confirmed === (r.unconfirmed !== undefined)) {
      issues.push({ field: `codeRules.${i}.unconfirmed`, expected: "a reason exactly when confirmed is false", received: String(r.unconfirmed) });
    }
  });
  if (issues.length > 0) throw new ListFormatError(GOODS_CATALOGUE_LIST_ID, issues, { summary: `${issues.length} inconsistent entries` });
  const aliasRecords: GoodsAliasRecord[] = file.entries.flatMap((e) =>
    [e.name, ...e.aliases].map((alias) => {
      const compact = compactForm(alias);
      return { entryId: e.id, alias, compact, digits: digitRuns(compact) };
    }),
  );
  const exactIndex = new Map<string, GoodsAliasRecord[]>();
  for (const rec of aliasRecords) exactIndex.set(rec.compact, [...(exactIndex.get(rec.compact) ?? []), rec]);
  const maxAliasLength = Math.max(...aliasRecords.map((r) => r.compact.length));
  const buckets = new Map<string, GoodsAliasRecord[]>();
  for (const rec of aliasRecords) {
    if (rec.compact.length <= SHORT_ALIAS) continue;
    const min = Math.ceil(rec.compact.length * MIN_LENGTH_RATIO);
    const max = Math.floor(rec.compact.length / MIN_LENGTH_RATIO);
    for (let len = Math.max(min, SHORT_ALIAS + 1); len <= max; len++) {
      const key = `${rec.digits}#${len}`;
      buckets.set(key, [...(buckets.get(key) ?? []), rec]);
    }
  }
  const fuzzyIndexes = new Map<string, GoodsTextIndex>();
  for (const [key, recs] of buckets) {
    fuzzyIndexes.set(
      key,
      new Fuse(recs, {
        keys: ["compact"],
        includeScore: true,
        // A fuse score above 0.25 can never reach the 0.75 match score below.
        threshold: 1 - MIN_SCORE,
        ignoreLocation: true,
        ignoreFieldNorm: true,
        isCaseSensitive: true,
        minMatchCharLength: 2,
      }),
    );
  }
  return { ...file, sha256, aliasRecords, exactIndex, fuzzyIndexes, maxAliasLength };
}

/** Codes the caller gives with a goods line; each is optional. */
export interface GoodsCodes {
  readonly usml?: string;
  readonly eccn?: string;
  readonly ml?: string;
  readonly hs?: string;
}

/** One explained goods match. */
export interface GoodsMatch {
  readonly entryId: string;
  readonly name: string;
  readonly class: GoodsClass;
  readonly controlStatus: ControlStatus;
  readonly categories: readonly GoodsCategory[];
  readonly tags: readonly string[];
  readonly confirmed: boolean;
  readonly generic: boolean;
  /** Similarity in [0, 1]; 1 for an exact alias or code. */
  readonly score: number;
  readonly matchedBy: "alias" | "code";
  /** For alias matches: the alias and the description's words that matched it, with their token span. */
  readonly alias?: string;
  /** The matched stretch of the description as written, e.g. "AGS-17", and its words. */
  readonly text?: string;
  readonly words?: readonly string[];
  readonly span?: readonly [number, number];
  /** For code matches. */
  readonly code?: { readonly scheme: GoodsCodeScheme; readonly value: string };
  /** For escalated matches: the context term found in the description. */
  readonly escalatedBy?: string;
  readonly condition?: string;
  readonly note: string;
  readonly detail: string;
  readonly sources: readonly string[];
}

/** How a code the caller gave is classified by the catalogue's code rules. */
export interface GoodsCodeFinding {
  readonly scheme: GoodsCodeScheme;
  readonly value: string;
  readonly class?: GoodsClass | undefined;
  readonly controlStatus?: ControlStatus | undefined;
  readonly confirmed: boolean;
  readonly detail: string;
  readonly sources: readonly string[];
}

/** Reason of a goods result, in the style of a hit's reasons. */
export interface GoodsReason {
  readonly feature: "goods.alias" | "goods.code" | "goods.escalation" | "goods.not-controlled" | "goods.unconfirmed" | "goods.none";
  readonly detail: string;
  readonly score?: number;
  readonly query?: string;
  readonly candidate?: string;
}

/**
 * The explained result of {@link matchGoods}.
 * @example
 * const m: GoodsMatchResult = matchGoods("AGS-17 automatic grenade launchers", catalogue);
 * m.class //=> "munitions"
 * m.controlStatus //=> "controlled"
 */
export interface GoodsMatchResult {
  readonly description: string;
  /** Most sensitive class decided by confirmed controlled or conditional matches; `other` when none. */
  readonly class: GoodsClass;
  /**
   * `controlled` if a confirmed controlled match decides the class, else `conditional`;
   * `unconfirmed` when only unconfirmed entries matched (shown, deciding nothing: a person should
   * look); `not-controlled` when only not-controlled entries or codes matched; `no-match`.
   */
  readonly controlStatus: ControlStatus | "unconfirmed" | "no-match";
  readonly matches: readonly GoodsMatch[];
  readonly codes: readonly GoodsCodeFinding[];
  readonly reasons: readonly GoodsReason[];
  readonly catalogueVersion: string;
  readonly summary: string;
}

function normalizeCode(scheme: GoodsCodeScheme, raw: string, issues: InputIssue[]): string | undefined {
  const value = raw.trim().toUpperCase();
  const fail = (expected: string) => {
    issues.push({ path: `codes.${scheme}`, expected, received: JSON.stringify(raw), message: `unreadable ${scheme} code` });
    return undefined;
  };
  switch (scheme) {
    case "usml": {
      const m = /^(?:USML\s*)?(?:CAT(?:EGORY|\.)?\s*)?([IVX]+)(?:\s*\(.*\))?$/.exec(value);
      return m?.[1] ?? fail("a USML category in Roman numerals, e.g. IV or Cat. IV");
    }
    case "eccn": {
      if (value === "EAR99") return value;
      const m = /^([0-9][A-E][0-9]{3})((?:\.[A-Z0-9]+)*)$/.exec(value);
      return m ? `${m[1]}${(m[2] ?? "").toLowerCase()}` : fail("an ECCN such as 0A501 or 6A003.b.4, or EAR99");
    }
    case "ml": {
      const m = /^ML\s*([0-9]{1,2})((?:\.[A-Z0-9]+)*)$/.exec(value);
      return m ? `ML${m[1]}${(m[2] ?? "").toLowerCase()}` : fail("a Wassenaar ML entry such as ML4 or ML6.a");
    }
    case "hs": {
      const digits = value.replace(/[\s.]/g, "");
      return /^[0-9]{2,10}$/.test(digits) ? digits : fail("an HS code of 2–10 digits, e.g. 8710 or 9301.10");
    }
  }
}

/** Base of a code for comparison with entry categories: `6A003.b.4` → `6A003`, `ML6.a` stays. */
function codeMatchesCategory(scheme: GoodsCodeScheme, value: string, category: GoodsCategory): boolean {
  switch (scheme) {
    case "usml":
      return category.scheme === "USML" && category.code === value;
    case "eccn":
      return category.scheme === "ECCN" && category.code.slice(0, 5).toUpperCase() === value.slice(0, 5);
    case "ml": {
      if (category.scheme !== "WA-ML") return false;
      const base = (c: string) => c.split(".")[0];
      return category.code === value || base(category.code) === base(value);
    }
    case "hs":
      return category.scheme === "HS" && (value.startsWith(category.code) || category.code.startsWith(value));
  }
}

interface WindowHit {
  entryId: string;
  alias: string;
  score: number;
  start: number;
  end: number;
}

function aliasHits(tokens: readonly Token[], catalogue: GoodsCatalogue): WindowHit[] {
  const best = new Map<string, WindowHit>();
  const keep = (rec: GoodsAliasRecord, score: number, start: number, end: number) => {
    const prev = best.get(rec.entryId);
    // Best score wins; ties prefer the longer window, then the earlier one, for stable output.
    if (
      !prev ||
      score > prev.score ||
      (score === prev.score && end - start > prev.end - prev.start) ||
      (score === prev.score && end - start === prev.end - prev.start && start < prev.start)
    ) {
      best.set(rec.entryId, { entryId: rec.entryId, alias: rec.alias, score, start, end });
    }
  };
  const longest = catalogue.maxAliasLength / MIN_LENGTH_RATIO;
  for (let start = 0; start < tokens.length; start++) {
    let compact = "";
    for (let end = start + 1; end <= Math.min(tokens.length, start + MAX_WINDOW); end++) {
      compact += tokens[end - 1]?.text ?? "";
      if (compact.length > longest) break;
      for (const rec of catalogue.exactIndex.get(compact) ?? []) keep(rec, 1, start, end);
      if (compact.length <= SHORT_ALIAS) continue;
      const index = catalogue.fuzzyIndexes.get(`${digitRuns(compact)}#${compact.length}`);
      if (!index) continue;
      for (const result of index.search(compact)) {
        const rec = result.item;
        if (rec.compact === compact) continue;
        const ratio = Math.min(rec.compact.length, compact.length) / Math.max(rec.compact.length, compact.length);
        const score = Math.round((1 - (result.score ?? 1)) * ratio * 1000) / 1000;
        if (score >= MIN_SCORE) keep(rec, Math.min(score, 0.999), start, end);
      }
    }
  }
  // A match nested inside a longer match of another entry is the same words read less specifically.
  const hits = [...best.values()];
  return hits.filter(
    (h) =>
      !hits.some(
        (o) => o !== h && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start,
      ),
  );
}

const CLASS_RANK: Readonly<Record<GoodsClass, number>> = { munitions: 2, "dual-use": 1, other: 0 };

function renderCategories(categories: readonly GoodsCategory[]): string {
  return categories.length === 0
    ? "no control-list category"
    : categories.map((c) => `${c.scheme} ${c.code}${c.appliesTo ? ` (${c.appliesTo})` : ""}`).join(", ");
}

/**
 * Matches a goods description (and optional USML / ECCN / ML / HS codes) against the catalogue,
 * returning explained matches: which entry, which words matched which alias, the score, and the
 * class the goods fall in.
 * @example
 * matchGoods("240 anti-tank guided missile launchers 9P135M Konkurs", catalogue).matches[0]
 * //=> { entryId: "konkurs-9p135m", alias: "9P135M Konkurs", words: ["9P135M", "Konkurs"], score: 1, categories: [ML4, USML IV], … }
 */
export function matchGoods(description: string, catalogue: GoodsCatalogue, codes: GoodsCodes = {}): GoodsMatchResult {
  const issues: InputIssue[] = [];
  if (typeof description !== "string") {
    issues.push({ path: "description", expected: "a string", received: typeof description, message: "goods description must be text" });
  } else if (description.length > 2000) {
    issues.push({ path: "description", expected: "at most 2000 characters", received: String(description.length), message: "description too long" });
  }
  const codeValues: { scheme: GoodsCodeScheme; value: string }[] = [];
  for (const scheme of GOODS_CODE_SCHEMES) {
    const raw = codes[scheme];
    if (raw === undefined || raw.trim() === "") continue;
    const value = normalizeCode(scheme, raw, issues);
    if (value !== undefined) codeValues.push({ scheme, value });
  }
  if (issues.length > 0) throw new InputError(issues, issues.some((i) => i.message === "description too long") ? "INPUT_TOO_LONG" : "INVALID_INPUT");

  const entries = new Map(catalogue.entries.map((e) => [e.id, e]));
  const normalized = description.normalize("NFKC");
  const tokens = tokenize(description);
  const tokenSet = new Set(tokens.map((t) => t.text));
  const matches: GoodsMatch[] = [];
  const reasons: GoodsReason[] = [];

  for (const hit of aliasHits(tokens, catalogue)) {
    const entry = entries.get(hit.entryId);
    if (!entry) continue;
    const window = tokens.slice(hit.start, hit.end);
    const words = window.map((t) => t.original).filter((w, i, a) => a.indexOf(w) === i);
    const text = normalized.slice(window[0]?.start ?? 0, window[window.length - 1]?.end ?? 0);
    const term = entry.escalation?.terms.find((t) => tokenSet.has(compactForm(t)));
    const esc = term !== undefined ? entry.escalation : undefined;
    const cls = esc?.class ?? entry.class;
    const status = esc?.controlStatus ?? entry.controlStatus;
    const categories = esc?.categories ?? entry.categories;
    const condition = esc?.condition ?? entry.condition;
    const detail = `"${text}" (tokens ${hit.start + 1}–${hit.end}) matched alias "${hit.alias}" of ${entry.id} (${hit.score.toFixed(2)}): ${cls} ${status}, ${renderCategories(categories)}`;
    matches.push({
      entryId: entry.id,
      name: entry.name,
      class: cls,
      controlStatus: status,
      categories,
      tags: entry.tags,
      confirmed: entry.confirmed,
      generic: entry.generic,
      score: hit.score,
      matchedBy: "alias",
      alias: hit.alias,
      text,
      words,
      span: [hit.start, hit.end],
      ...(term === undefined ? {} : { escalatedBy: term }),
      ...(condition === undefined ? {} : { condition }),
      note: entry.note,
      detail,
      sources: entry.sources,
    });
    reasons.push({ feature: "goods.alias", score: hit.score, query: text, candidate: hit.alias, detail });
    if (term !== undefined) {
      reasons.push({ feature: "goods.escalation", query: term, candidate: entry.id, detail: `"${term}" in the description: ${condition ?? ""}` });
    } else if (status === "not-controlled") {
      reasons.push({ feature: "goods.not-controlled", candidate: entry.id, detail: `${entry.name}: ${entry.note}` });
    }
    if (!entry.confirmed) {
      reasons.push({ feature: "goods.unconfirmed", candidate: entry.id, detail: `${entry.id} unconfirmed, shown but not used: ${entry.unconfirmed ?? ""}` });
    }
  }

  const codeFindings: GoodsCodeFinding[] = [];
  for (const { scheme, value } of codeValues) {
    const rule = catalogue.codeRules.find((r) => r.scheme === scheme && new RegExp(r.pattern).test(value.split(".")[0] ?? value));
    const finding: GoodsCodeFinding = {
      scheme,
      value,
      class: rule?.class,
      controlStatus: rule?.controlStatus,
      confirmed: rule?.confirmed ?? false,
      detail: rule ? `${scheme} ${value}: ${rule.detail}` : `${scheme} ${value}: no code rule in catalogue ${catalogue.version}`,
      sources: rule?.sources ?? [],
    };
    codeFindings.push(finding);
    reasons.push({ feature: "goods.code", query: `${scheme} ${value}`, detail: finding.detail });
    for (const entry of catalogue.entries) {
      const category = entry.categories.find((c) => codeMatchesCategory(scheme, value, c));
      if (!category || matches.some((m) => m.entryId === entry.id && m.matchedBy === "code")) continue;
      const detail = `${scheme} ${value} is category ${category.scheme} ${category.code} of ${entry.id}`;
      matches.push({
        entryId: entry.id,
        name: entry.name,
        class: entry.class,
        controlStatus: entry.controlStatus,
        categories: entry.categories,
        tags: entry.tags,
        confirmed: entry.confirmed,
        generic: entry.generic,
        score: 1,
        matchedBy: "code",
        code: { scheme, value },
        ...(entry.condition === undefined ? {} : { condition: entry.condition }),
        note: entry.note,
        detail,
        sources: entry.sources,
      });
    }
  }

  matches.sort(
    (a, b) =>
      b.score - a.score ||
      Number(a.generic) - Number(b.generic) ||
      CLASS_RANK[b.class] - CLASS_RANK[a.class] ||
      (a.matchedBy === b.matchedBy ? 0 : a.matchedBy === "alias" ? -1 : 1) ||
      (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0),
  );

  // The class is decided only by confirmed matches and code rules that control something.
  const deciding = [
    ...matches.filter((m) => m.confirmed && m.controlStatus !== "not-controlled").map((m) => ({ cls: m.class, status: m.controlStatus })),
    ...codeFindings
      .filter((c) => c.confirmed && c.class !== undefined && c.controlStatus !== undefined && c.controlStatus !== "not-controlled")
      .map((c) => ({ cls: c.class as GoodsClass, status: c.controlStatus as ControlStatus })),
  ];
  let cls: GoodsClass = "other";
  let controlStatus: GoodsMatchResult["controlStatus"] = "no-match";
  if (deciding.length > 0) {
    cls = deciding.reduce<GoodsClass>((acc, d) => (CLASS_RANK[d.cls] > CLASS_RANK[acc] ? d.cls : acc), "other");
    controlStatus = deciding.some((d) => d.cls === cls && d.status === "controlled") ? "controlled" : "conditional";
  } else if (matches.some((m) => !m.confirmed) || codeFindings.some((c) => !c.confirmed && c.class !== undefined)) {
    controlStatus = "unconfirmed";
  } else if (matches.length > 0 || codeFindings.length > 0) {
    controlStatus = "not-controlled";
  }
  if (matches.length === 0 && codeFindings.length === 0) {
    reasons.push({ feature: "goods.none", query: description, detail: `no catalogue entry matched (catalogue ${catalogue.version})` });
  }

  const top = matches.find((m) => m.confirmed && m.controlStatus !== "not-controlled" && m.class === cls);
  const from = (m: GoodsMatch) => (m.text !== undefined ? ` (from "${m.text}")` : m.code ? ` (from ${m.code.scheme} ${m.code.value})` : "");
  const parts: string[] = [];
  if (controlStatus === "no-match") {
    parts.push(`No controlled item recognised in "${description}" (catalogue ${catalogue.version})`);
  } else if (controlStatus === "not-controlled") {
    parts.push(
      `No controlled item: ${[
        ...matches.map((m) => `${m.name} (${m.entryId}) is not controlled${from(m)}`),
        ...codeFindings.map((c) => c.detail),
      ].join("; ")}`,
    );
  } else if (controlStatus === "unconfirmed") {
    const m = matches.find((x) => !x.confirmed);
    parts.push(
      m
        ? `Unconfirmed classification: ${m.name} — ${renderCategories(m.categories)}${from(m)}; not used to decide the class`
        : `Unconfirmed classification: ${codeFindings.map((c) => c.detail).join("; ")}`,
    );
  } else {
    parts.push(
      `${controlStatus === "controlled" ? "Controlled" : "Possibly controlled"} ${cls}: ${
        top ? `${top.name} — ${renderCategories(top.categories)}${from(top)}` : codeFindings.map((c) => c.detail).join("; ")
      }`,
    );
    if (top?.condition && controlStatus === "conditional") parts.push(top.condition);
  }
  // Parts may end in a full stop of their own; the summary adds one.
  const summary = `${parts.map((p) => p.replace(/\.+$/, "")).join("; ")}.`;

  return {
    description,
    class: cls,
    controlStatus,
    matches,
    codes: codeFindings,
    reasons,
    catalogueVersion: catalogue.version,
    summary,
  };
}
