/**
 * The accept list (false-positive suppression). A caller accepts a (subject key, record id) pair with
 * a reason and the content hash of the record as it was reviewed. The acceptance suppresses that hit
 * only while the record's content hash is unchanged; when the publisher changes the record (a new
 * alias, a new basis, an end date) the hit alerts again, with a reason saying the record changed.
 * Acceptances never touch other subjects or other records, and a suppressed hit stays in the result
 * (decision `clear`, with its `acceptance` applied and the hit's own decision in `hit.decision`):
 * nothing is deleted.
 */
import type { z } from "zod";
import { InputError } from "../errors";
import type { AcceptEntrySchema } from "../schema";
import { array, check, object, string, type Check } from "../validate";
import type { Hit, HitDecision } from "../explain";
import { contentSha256 } from "../rules";
import type { Outcome, ScreenResult } from "./create-screener";

/** The messages of a refused accept entry (shared with `AcceptEntrySchema`). */
export const ACCEPT_MESSAGES = {
  recordId: "expected a record id <list>:<source id>",
  recordHash: "expected the record's sha256 (hex) from a hit",
  reason: "expected the reviewer's reason",
} as const;

/** The record id and hash patterns of an acceptance (shared with `AcceptEntrySchema`). */
export const ACCEPT_PATTERNS = { recordId: /^[a-z0-9-]+:.+$/, recordHash: /^[0-9a-f]{64}$/ } as const;

/** An accept list (`z.array(AcceptEntrySchema).max(100_000)`, held to it by `test/validate/accept-list.test.ts`). */
export const acceptListCheck: Check = array(
  object(
    {
      subject: [string({ min: 1 })],
      recordId: [string({ pattern: [ACCEPT_PATTERNS.recordId, ACCEPT_MESSAGES.recordId] })],
      recordHash: [string({ pattern: [ACCEPT_PATTERNS.recordHash, ACCEPT_MESSAGES.recordHash] })],
      reason: [string({ min: [1, ACCEPT_MESSAGES.reason] })],
    },
    "strict",
  ),
  { max: 100_000 },
);

/**
 * One acceptance of the accept list (the output of {@link AcceptEntrySchema}).
 * @example
 * const entry: AcceptEntry = { subject: "c-1", recordId: "ofac-sdn:15487", recordHash: hitRecordHash(hit), reason: "other company, BY registry 190542416" };
 * applyAcceptList("c-1", result, [entry]).outcome //=> "clear"
 */
export type AcceptEntry = z.output<typeof AcceptEntrySchema>;

/**
 * Validates an accept list; throws `InputError` naming each bad entry.
 * @example
 * parseAcceptList([{ subject: "c-1", recordId: "ofac-sdn:1", recordHash: "00", reason: "x" }]) // throws: acceptList.0.recordHash …
 */
export function parseAcceptList(input: unknown): AcceptEntry[] {
  const issues = check(acceptListCheck, input);
  if (issues.length === 0) return input as AcceptEntry[];
  throw new InputError(
    issues.map((i) => ({ path: ["acceptList", ...i.path.map(String)].join("."), expected: i.message.replace(/^expected /i, ""), received: "see path", message: i.message })),
  );
}

/**
 * The content hash of a hit's record (id, type, names, bases, source URL): what an acceptance pins.
 * @example
 * hitRecordHash(hit).length //=> 64
 */
export function hitRecordHash(hit: Pick<Hit, "record">): string {
  return contentSha256(hit.record);
}

/** A hit with the accept list applied. */
export interface ReviewedHit {
  readonly recordId: string;
  readonly recordHash: string;
  /**
   * The decision after the accept list: `clear` when an acceptance applies (`acceptance.applied`),
   * else the hit's own `hit.decision`.
   */
  readonly decision: HitDecision;
  /** The acceptance that suppressed this hit, or that no longer applies because the record changed. */
  readonly acceptance?: {
    readonly applied: boolean;
    readonly reason: string;
    readonly acceptedHash: string;
    readonly detail: string;
  };
  readonly hit: Hit;
}

/** A screen result with the accept list applied for one subject. */
export interface ReviewedScreen {
  readonly subject: string;
  /** The outcome after suppressed hits are set aside. */
  readonly outcome: Outcome;
  readonly hits: readonly ReviewedHit[];
  readonly suppressedCount: number;
}

/**
 * Applies the accept list to one subject's screen: an accepted hit whose record hash is unchanged is
 * set aside (`clear`, its `acceptance` applied); one whose record changed keeps its decision with a reason saying so.
 * Hits beyond the result's shown hits cannot be matched, so they keep counting.
 * @example
 * applyAcceptList("c-1", result, [{ subject: "c-1", recordId: "ofac-sdn:15487", recordHash, reason: "other company" }]).outcome //=> "clear"
 */
export function applyAcceptList(subject: string, result: ScreenResult, acceptList: readonly AcceptEntry[]): ReviewedScreen {
  const mine = acceptList.filter((a) => a.subject === subject);
  let suppressedAlerts = 0;
  let suppressedReviews = 0;
  const hits: ReviewedHit[] = result.hits.map((hit) => {
    const recordHash = hitRecordHash(hit);
    const base = { recordId: hit.record.id, recordHash, hit };
    const entry = mine.find((a) => a.recordId === hit.record.id);
    if (!entry) return { ...base, decision: hit.decision };
    if (entry.recordHash === recordHash) {
      if (hit.decision === "alert") suppressedAlerts++;
      if (hit.decision === "review") suppressedReviews++;
      return {
        ...base,
        decision: "clear",
        acceptance: { applied: true, reason: entry.reason, acceptedHash: entry.recordHash, detail: `accepted for ${subject}: ${entry.reason}; record unchanged (sha256 ${recordHash.slice(0, 12)}…)` },
      };
    }
    return {
      ...base,
      decision: hit.decision,
      acceptance: {
        applied: false,
        reason: entry.reason,
        acceptedHash: entry.recordHash,
        detail: `acceptance for ${subject} no longer applies: record ${hit.record.id} changed since it was accepted (sha256 ${entry.recordHash.slice(0, 12)}… → ${recordHash.slice(0, 12)}…)`,
      },
    };
  });
  const alerts = result.alertCount - suppressedAlerts;
  const reviews = result.reviewCount - suppressedReviews;
  // A clear on stale lists stays distinct after acceptances too.
  const outcome: Outcome = result.unscreenable ? "unscreenable" : alerts > 0 ? "alert" : reviews > 0 ? "review" : result.stale ? "stale-clear" : "clear";
  return { subject, outcome, hits, suppressedCount: suppressedAlerts + suppressedReviews + hits.filter((h) => h.acceptance?.applied === true && h.hit.decision === "clear").length };
}
