/**
 * The rule pack shipped in the package (`lists/rules/rule-pack.json`) read without zod, so that the
 * transaction screener's module graph stays light (issue 8, cold start): the file's own values with
 * the defaults and renames `RulePackFileSchema` applies (a window's `fromBound: "exact"`,
 * `extraterritorial: false`, empty `excludes`/`excludesCountries`, `info` read as `clear`), in the
 * schema's key order, then the same cross-row checks and content hash as `loadRulePack`. It does not
 * validate: `test/rules/shipped-rule-pack.test.ts` requires the result to equal `loadRulePack` of the
 * same file, byte for byte as JSON. A pack from a caller always goes through `loadRulePack`.
 */
import { ListFormatError, type RecordIssue } from "../errors";
import { contentSha256 } from "./canonical-json";
import type { RulePack, RulePackFile } from "./rule-pack-schema";
import { rowGroups } from "./row-groups";

/** List id used in the errors of the rule-pack loader. */
export const RULE_PACK_LIST_ID = "rule-pack";

/**
 * Cross-row checks zod cannot express: unique ids, overlay targets, unconfirmed reasons.
 * @example
 * crossCheckRulePack(RulePackFileSchema.parse(json)) //=> []
 */
export function crossCheckRulePack(file: RulePackFile): RecordIssue[] {
  const issues: RecordIssue[] = [];
  const seen = new Set<string>();
  const groups = rowGroups(file);
  for (const [group, rows] of groups) {
    rows.forEach((row, i) => {
      if (seen.has(row.id)) {
        issues.push({ recordId: row.id, field: `${group}.${i}.id`, expected: "an id unique in the pack", received: row.id });
      }
      seen.add(row.id);
      if (!row.confirmed && row.unconfirmed === undefined) {
        issues.push({
          recordId: row.id,
          field: `${group}.${i}.unconfirmed`,
          expected: "a reason for a row with confirmed: false",
          received: "undefined",
        });
      }
      if (row.confirmed && row.unconfirmed !== undefined) {
        issues.push({
          recordId: row.id,
          field: `${group}.${i}.confirmed`,
          expected: "confirmed: false for a row with an unconfirmed reason",
          received: "true",
        });
      }
    });
  }
  const ruleIds = new Set(file.rules.map((r) => r.id));
  file.overlays.forEach((o, i) => {
    o.appliesTo.forEach((target, j) => {
      if (!ruleIds.has(target)) {
        issues.push({ recordId: o.id, field: `overlays.${i}.appliesTo.${j}`, expected: "the id of a rule in the pack", received: target });
      }
    });
  });
  return issues;
}

type Row = Record<string, unknown>;

/**
 * The keys of `row` in `order` (then any others), with `defaults` for the absent ones: zod's output
 * object (the shipped rule pack and goods catalogue are read without zod, equal to the validated load).
 * @example
 * Object.keys(inShapeOrder({ b: 1, a: 2 }, ["a", "b"])) //=> ["a", "b"]
 */
export function inShapeOrder(row: Row, order: readonly string[], defaults: Row = {}): Row {
  const out: Row = {};
  for (const key of order) {
    const value = row[key] ?? defaults[key];
    if (value !== undefined) out[key] = value;
  }
  for (const key of Object.keys(row)) if (!(key in out)) out[key] = row[key];
  return out;
}

const PROVENANCE = ["confirmed", "unconfirmed", "source", "domain", "note"] as const;
const WINDOW = ["from", "fromBound", "to", "endedBy", "endSource", "note"];
const RULE = ["id", "kind", "regime", "authority", "title", "programme", "countries", "roles", "goodsClasses", "severity", "extraterritorial", "window", "measure", ...PROVENANCE];
const OVERLAY = ["id", "kind", "regime", "authority", "title", "appliesTo", "window", "scope", "authorises", "excludes", "excludesBlockedParties", "excludesCountries", "downgradeTo", ...PROVENANCE];
const FLAG = ["id", "programme", "regime", "authority", "title", "severity", "extraterritorial", "window", "finding", ...PROVENANCE];
const EVENT = ["id", "date", "title", "handledBy", ...PROVENANCE];
const DOMAIN_ROW = ["date", "text"];
const FILE = ["version", "title", "sourceDocument", "rules", "overlays", "programmeFlags", "events"];

const clearForInfo = (s: unknown): unknown => (s === "info" ? "clear" : s);
const windowOf = (w: unknown): Row => inShapeOrder(w as Row, WINDOW, { fromBound: "exact" });
function withProvenance(row: Row): Row {
  const out: Row = { ...row, domain: inShapeOrder(row.domain as Row, DOMAIN_ROW) };
  if (row.window !== undefined) out.window = windowOf(row.window);
  return out;
}

/**
 * The shipped rule pack from its parsed JSON, without zod (see the module header); throws
 * `ListFormatError` when its rows are inconsistent, as `loadRulePack` does.
 * @example
 * readShippedRulePack(rulePackJson).sha256 === loadRulePack(rulePackJson).sha256 //=> true
 */
export function readShippedRulePack(json: unknown): RulePack {
  const file = json as Row;
  const rows = (key: string): Row[] => (file[key] as Row[]).map(withProvenance);
  const parsed = inShapeOrder(
    {
      ...file,
      rules: rows("rules").map((r) => inShapeOrder({ ...r, severity: clearForInfo(r.severity) }, RULE, { extraterritorial: false })),
      overlays: rows("overlays").map((o) => inShapeOrder({ ...o, downgradeTo: clearForInfo(o.downgradeTo) }, OVERLAY, { excludes: [], excludesCountries: [] })),
      programmeFlags: rows("programmeFlags").map((f) => inShapeOrder({ ...f, severity: clearForInfo(f.severity) }, FLAG, { extraterritorial: false })),
      events: rows("events").map((e) => inShapeOrder(e, EVENT)),
    },
    FILE,
  ) as unknown as RulePackFile;
  const issues = crossCheckRulePack(parsed);
  if (issues.length > 0) {
    throw new ListFormatError(RULE_PACK_LIST_ID, issues, { summary: `${issues.length} inconsistent row${issues.length === 1 ? "" : "s"}` });
  }
  return { ...parsed, sha256: contentSha256(json) };
}
