import type { z } from "zod";
import { ListFormatError, valueAt, type RecordIssue } from "../errors";
import { contentSha256 } from "./canonical-json";
import { type RulePack, RulePackFileSchema } from "./rule-pack-schema";
import { crossCheckRulePack, RULE_PACK_LIST_ID } from "./shipped-rule-pack";



/**
 * Turns zod issues into record issues ("where: expected X, received Y") naming the row id when the
 * path points into a row.
 * @example
 * zodIssuesToRecordIssues(json, error.issues)[0]
 * //=> { recordId: "us-syria-eo13338", field: "rules.1.window.from", expected: "a calendar date YYYY-MM-DD", received: '"2004-02-30"' }
 */
export function zodIssuesToRecordIssues(input: unknown, issues: readonly z.core.$ZodIssue[]): RecordIssue[] {
  return issues.map((issue) => {
    const path = issue.path.map(String);
    const row = valueAt(input, issue.path.slice(0, 2));
    const id = row !== null && typeof row === "object" ? (row as Record<string, unknown>).id : undefined;
    // zod's own messages read "Invalid input: expected string, received number"; keep the expectation.
    const m = /expected (.*?)(?:, received .*)?$/.exec(issue.message);
    const expected = issue.code === "unrecognized_keys" ? `no unknown field (${issue.message})` : (m?.[1] ?? issue.message);
    const raw = issue.code === "unrecognized_keys" ? issue.keys.join(", ") : JSON.stringify(valueAt(input, issue.path));
    const received = raw ?? "undefined";
    return {
      ...(path.length >= 2 && typeof id === "string" ? { recordId: id } : {}),
      field: path.join(".") || "(root)",
      expected,
      received: received.length > 80 ? `${received.slice(0, 77)}…` : received,
    };
  });
}

/**
 * Validates a rule pack (parsed JSON or its text) and computes its content sha256; fails closed with
 * a {@link ListFormatError} naming every bad row.
 * @example
 * const pack = loadRulePack(rulePackJson);
 * pack.version //=> "2026-11-22.1"
 * pack.sha256.length //=> 64
 */
export function loadRulePack(input: unknown): RulePack {
  let data: unknown = input;
  if (typeof input === "string" || input instanceof Uint8Array) {
    try {
      // Invalid UTF-8 fails closed like invalid JSON: a damaged pack is never half-read.
      const text = typeof input === "string" ? input : new TextDecoder("utf-8", { fatal: true }).decode(input);
      data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (cause) {
      throw new ListFormatError(
        RULE_PACK_LIST_ID,
        [{ field: "(file)", expected: "JSON", received: cause instanceof Error ? cause.message : String(cause) }],
        { cause, summary: "file is not valid JSON" },
      );
    }
  }
  const parsed = RulePackFileSchema.safeParse(data);
  if (!parsed.success) {
    const issues = zodIssuesToRecordIssues(data, parsed.error.issues);
    throw new ListFormatError(RULE_PACK_LIST_ID, issues, {
      cause: parsed.error,
      summary: `${issues.length} invalid field${issues.length === 1 ? "" : "s"}`,
    });
  }
  const issues = crossCheckRulePack(parsed.data);
  if (issues.length > 0) {
    throw new ListFormatError(RULE_PACK_LIST_ID, issues, {
      summary: `${issues.length} inconsistent row${issues.length === 1 ? "" : "s"}`,
    });
  }
  return { ...parsed.data, sha256: contentSha256(data) };
}
