/**
 * The result contract as zod schemas: a name screen's result, a hit, a transaction's result, a
 * finding and the replay envelope, every object strict (an undocumented field fails). They are the
 * source of the published JSON Schema (`schema/*.json`, `npm run schema`) and are checked against
 * real results in the tests. The library never imports this module: results are built by plain
 * code and only described here, so zod stays off the load path of result building.
 *
 * Each schema is checked against its TypeScript type at compile time (`conforms` below): what the
 * schema accepts is assignable to the type, so a field renamed or retyped in one place and not the
 * other fails `tsc`; a field the type adds and the schema lacks fails the strict parse of real
 * results (test/schema/result-schemas.test.ts).
 */
import { z } from "zod";
import { LegalBasisSchema, NameKindSchema, RegimeSchema, SubjectTypeSchema, IdentifierTypeSchema, DatedFactSchema } from "../model";
import { ControlStatusSchema, GoodsCategorySchema, GoodsCodeSchemeSchema } from "../goods";
import { CountryRoleSchema, CountryRuleKindSchema, GoodsClassSchema, OverlayKindSchema } from "../rules";
import { RESULT_SCHEMA_VERSION } from "../screen";
import { PartyRoleSchema } from "./input-schemas";
import type { DesignationAssessment, Hit, HitRecord } from "../explain";
import type { NameMatchResult, ResultEnvelope, ScreenResult, TransactionFinding, TransactionResult } from "../screen";
import type { RuleFinding } from "../rules";

/** The words of an overall result, shared by a name screen and a transaction. */
export const OutcomeSchema = z
  .enum(["alert", "review", "clear", "stale-clear", "unscreenable"])
  .describe("Overall result of a name screen or a transaction: alert > unscreenable > review > clear; stale-clear is a clear on a list too old to trust that day.");

/** A hit's decision (the outcome's words a single matched record can take). */
export const HitDecisionSchema = z
  .enum(["alert", "review", "clear"])
  .describe("The hit's one decision: the name match with the designation's status on the day applied; clear = shown, never counted.");

/** A transaction finding's decision. */
export const FindingDecisionSchema = z
  .enum(["alert", "unscreenable", "review", "clear"])
  .describe("The finding's one decision; clear findings are shown and never raise the outcome.");

/** A rule finding's decision (after window status, confirmation and licence overlays). */
export const RuleDecisionSchema = z.enum(["alert", "review", "clear"]);

const ProfileSchema = z.enum(["strict", "balanced", "broad", "custom"]).describe("Threshold profile, or custom when thresholds were given.");

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");

/** One reason of a hit or a screen: a stable feature id, the values compared and a rendered detail. */
export const ReasonSchema = z.strictObject({
  feature: z.string().describe("Stable dotted feature id, e.g. name.fuzzy, dob.year-mismatch, name.decision, designation.in-force."),
  score: z.number(),
  weight: z.number(),
  query: z.string().optional(),
  candidate: z.string().optional(),
  detail: z.string(),
});

const AlignedTokensSchema = z.strictObject({
  query: z.string(),
  candidate: z.string(),
  similarity: z.number(),
  how: z.enum(["exact", "fuzzy", "phonetic", "skeleton", "initial", "translit", "symbol", "acronym", "adjective"]),
});

const HitRecordSchema = z.strictObject({
  id: z.string().describe("Record id <list>:<source id>."),
  list: z.string(),
  sourceId: z.string(),
  type: SubjectTypeSchema,
  names: z.array(z.strictObject({ value: z.string(), kind: NameKindSchema })),
  bases: z.array(LegalBasisSchema),
  sourceUrl: z.string().optional(),
});

const BasisStatusReasonSchema = z.strictObject({
  code: z.enum(["listed", "listed-date-unknown", "not-yet-listed", "ended", "listing-uncertain", "end-uncertain", "unconfirmed"]),
  detail: z.string(),
  date: z.string().optional(),
  certainty: DatedFactSchema.shape.certainty.optional(),
  bound: DatedFactSchema.shape.bound.optional(),
});

const BasisStatusValueSchema = z.enum(["in-force", "not-yet-listed", "ended", "uncertain"]);

const DesignationAssessmentSchema = z.strictObject({
  asOf: Day,
  jurisdictions: z.array(RegimeSchema),
  status: z.union([BasisStatusValueSchema, z.literal("out-of-jurisdiction")]),
  bases: z.array(
    z.strictObject({
      regime: RegimeSchema,
      program: z.string().optional(),
      authority: z.string().optional(),
      list: z.string().optional(),
      inJurisdiction: z.boolean(),
      confirmed: z.boolean(),
      status: BasisStatusValueSchema,
      reason: BasisStatusReasonSchema,
      datesFrom: z.string().optional(),
    }),
  ),
  reason: ReasonSchema,
  linked: z.array(z.string()),
});

/** One explained hit (contract version 2: exactly one `decision`). */
export const HitSchema = z.strictObject({
  list: z.string(),
  recordId: z.string(),
  name: z.string(),
  nameKind: NameKindSchema,
  score: z.number().min(0).max(1),
  threshold: z.number(),
  reviewThreshold: z.number(),
  decision: HitDecisionSchema,
  designation: DesignationAssessmentSchema.optional(),
  profile: z.string(),
  algorithm: z.string(),
  asOf: Day.optional(),
  alignment: z.array(AlignedTokensSchema),
  reasons: z.array(ReasonSchema),
  summary: z.string(),
  record: HitRecordSchema,
});

const EnvelopeDataSetSchema = z.strictObject({ version: z.string(), sha256: z.string() });

/** The replay envelope of every screen and transaction result. */
export const ResultEnvelopeSchema = z.strictObject({
  schemaVersion: z.literal(RESULT_SCHEMA_VERSION).describe("Version of this result contract."),
  library: z.strictObject({ name: z.string(), version: z.string() }),
  algorithm: z.strictObject({ id: z.string(), version: z.string() }),
  profile: z.string(),
  optionsHash: z.string().regex(/^[0-9a-f]{64}$/),
  options: z.record(z.string(), z.unknown()),
  asOf: Day,
  jurisdictions: z.array(RegimeSchema),
  lists: z.array(z.strictObject({ id: z.string(), date: z.string().optional(), sha256: z.string(), recordCount: z.number().int() })),
  rulePack: EnvelopeDataSetSchema.optional(),
  goodsCatalogue: EnvelopeDataSetSchema.optional(),
});

const QueryIdentifierSchema = z.strictObject({ type: IdentifierTypeSchema.optional(), value: z.string(), country: z.string().optional() });

const NearMissSchema = z.strictObject({
  id: z.string(),
  list: z.string(),
  recordId: z.string(),
  name: z.string(),
  score: z.number(),
  reviewThreshold: z.number(),
  detail: z.string(),
});

/** The fields of a name-match result (`screener.matchName`), which a screen result extends. */
const nameMatchShape = {
  query: z.strictObject({
    name: z.string(),
    display: z.string(),
    compare: z.string(),
    type: SubjectTypeSchema.optional(),
    country: z.string().optional(),
    dateOfBirth: z.string().optional(),
    identifiers: z.array(QueryIdentifierSchema).optional(),
  }),
  unscreenable: z.boolean(),
  hits: z.array(HitSchema),
  hitCount: z.number().int(),
  alertCount: z.number().int(),
  reasons: z.array(ReasonSchema),
  asOf: Day.optional(),
  nearMiss: NearMissSchema.optional(),
};

/** A name-match result (`screener.matchName`: names only, no date rules). */
export const NameMatchResultSchema = z.strictObject(nameMatchShape);

const ListFreshnessSchema = z.strictObject({
  listId: z.string(),
  listDate: z.string().optional(),
  ageDays: z.number().int().optional(),
  maxAgeDays: z.number(),
  stale: z.boolean(),
  detail: z.string(),
});

const CoverageGapSchema = z.strictObject({ regime: RegimeSchema, detail: z.string() });

const ListProvenanceSchema = z.strictObject({ listId: z.string(), sha256: z.string(), listDate: z.string().optional(), recordCount: z.number().int() });

const screenShape = {
  ...nameMatchShape,
  outcome: OutcomeSchema,
  asOf: Day,
  jurisdictions: z.array(RegimeSchema),
  reviewCount: z.number().int(),
  clearCount: z.number().int().describe("Matched records whose hit is clear: not in force on asOf or outside the jurisdictions."),
  profile: ProfileSchema,
  threshold: z.number(),
  reviewThreshold: z.number(),
  algorithm: z.string(),
  lists: z.array(ListProvenanceSchema),
  stale: z.boolean(),
  freshness: z.array(ListFreshnessSchema),
  coverageGaps: z.array(CoverageGapSchema),
};

/** The result of `screener.screen` (and of `POST /screen`). */
export const ScreenResultSchema = z.strictObject({ ...screenShape, envelope: ResultEnvelopeSchema });

/** One finding of a transaction (contract version 2: exactly one `decision`). */
export const TransactionFindingSchema = z.strictObject({
  id: z.string().describe("Stable id, e.g. party.0.ofac-sdn:15487, rule.us-syria-eo13338, leg.1.retransfer."),
  kind: z.enum(["party", "rule", "programme-flag", "goods", "retransfer", "kyc", "ownership"]),
  decision: FindingDecisionSchema,
  asOf: Day,
  parties: z.array(z.number().int()).optional(),
  legs: z.array(z.number().int()).optional(),
  goods: z.array(z.number().int()).optional(),
  ruleId: z.string().optional(),
  recordId: z.string().optional(),
  detail: z.string(),
  summary: z.string(),
});

const ReviewedHitSchema = z.strictObject({
  recordId: z.string(),
  recordHash: z.string(),
  decision: HitDecisionSchema.describe("The decision after the accept list: clear when an acceptance applies, else hit.decision."),
  acceptance: z.strictObject({ applied: z.boolean(), reason: z.string(), acceptedHash: z.string(), detail: z.string() }).optional(),
  hit: HitSchema,
});

const PartyScreenSchema = z.strictObject({
  index: z.number().int(),
  key: z.string(),
  role: z.union([PartyRoleSchema, z.literal("owner")]),
  name: z.string(),
  leg: z.number().int().optional(),
  asOf: Day,
  outcome: OutcomeSchema.describe("The party's outcome after the accept list."),
  blocked: z.boolean(),
  hits: z.array(ReviewedHitSchema),
  screen: z.strictObject(screenShape).describe("The party's date-aware screen, without its envelope (the transaction's covers it)."),
});

const GoodsMatchSchema = z.strictObject({
  entryId: z.string(),
  name: z.string(),
  class: GoodsClassSchema,
  controlStatus: ControlStatusSchema,
  categories: z.array(GoodsCategorySchema),
  tags: z.array(z.string()),
  confirmed: z.boolean(),
  generic: z.boolean(),
  score: z.number(),
  matchedBy: z.enum(["alias", "code"]),
  alias: z.string().optional(),
  text: z.string().optional(),
  words: z.array(z.string()).optional(),
  span: z.tuple([z.number().int(), z.number().int()]).optional(),
  code: z.strictObject({ scheme: GoodsCodeSchemeSchema, value: z.string() }).optional(),
  escalatedBy: z.string().optional(),
  condition: z.string().optional(),
  note: z.string(),
  detail: z.string(),
  sources: z.array(z.string()),
});

const GoodsMatchResultSchema = z.strictObject({
  description: z.string(),
  class: GoodsClassSchema,
  controlStatus: z.union([ControlStatusSchema, z.enum(["unconfirmed", "no-match"])]),
  matches: z.array(GoodsMatchSchema),
  codes: z.array(
    z.strictObject({
      scheme: GoodsCodeSchemeSchema,
      value: z.string(),
      class: GoodsClassSchema.optional(),
      controlStatus: ControlStatusSchema.optional(),
      confirmed: z.boolean(),
      detail: z.string(),
      sources: z.array(z.string()),
    }),
  ),
  reasons: z.array(
    z.strictObject({
      feature: z.enum(["goods.alias", "goods.code", "goods.escalation", "goods.not-controlled", "goods.unconfirmed", "goods.none"]),
      detail: z.string(),
      score: z.number().optional(),
      query: z.string().optional(),
      candidate: z.string().optional(),
    }),
  ),
  catalogueVersion: z.string(),
  summary: z.string(),
});

const GoodsLineResultSchema = z.strictObject({
  index: z.number().int(),
  leg: z.number().int().optional(),
  quantity: z.number().optional(),
  match: GoodsMatchResultSchema,
});

const RuleWindowOutSchema = z.strictObject({
  from: Day.optional(),
  fromBound: z.enum(["exact", "on-or-before"]),
  to: Day.optional(),
  endedBy: z.string().optional(),
  endSource: z.string().optional(),
  note: z.string().optional(),
});

const RuleReasonSchema = z.strictObject({
  feature: z.string(),
  detail: z.string(),
  asOf: Day.optional(),
  from: Day.optional(),
  to: Day.optional(),
  country: z.string().optional(),
  role: CountryRoleSchema.optional(),
  goodsClass: GoodsClassSchema.optional(),
  programme: z.string().optional(),
  regime: RegimeSchema.optional(),
  licenceId: z.string().optional(),
  severity: RuleDecisionSchema.optional().describe("rule.severity: the row's severity when in force and confirmed."),
});

const OverlayApplicationSchema = z.strictObject({
  licenceId: z.string(),
  kind: OverlayKindSchema,
  authority: z.string(),
  title: z.string(),
  effect: z.literal("downgrade"),
  applied: z.boolean(),
  from: RuleDecisionSchema.describe("The finding's decision before overlays."),
  to: RuleDecisionSchema,
  window: RuleWindowOutSchema,
  scope: z.string(),
  authorises: z.array(z.string()),
  excludes: z.array(z.string()),
  confirmed: z.boolean(),
  reason: z.string(),
  source: z.string(),
});

/** A rule pack finding (country rule, programme flag or coverage gap) of a transaction. */
export const RuleFindingSchema = z.strictObject({
  ruleId: z.string(),
  kind: z.union([CountryRuleKindSchema, z.enum(["programme-flag", "coverage-gap"])]),
  regime: RegimeSchema,
  authority: z.string(),
  title: z.string(),
  decision: RuleDecisionSchema,
  status: z.enum(["in-force", "not-yet", "ended", "uncertain"]),
  confirmed: z.boolean(),
  asOf: Day,
  window: RuleWindowOutSchema,
  matched: z.strictObject({
    countries: z.array(z.strictObject({ code: z.string(), role: CountryRoleSchema })),
    goodsClasses: z.array(GoodsClassSchema),
    programmes: z.array(z.string()),
  }),
  measure: z.string(),
  reasons: z.array(RuleReasonSchema),
  source: z.string(),
  overlays: z.array(OverlayApplicationSchema),
  summary: z.string(),
  leg: z.number().int().optional(),
});

const OwnershipResultSchema = z.strictObject({
  entity: z.string(),
  blocked: z.boolean(),
  evaluated: z.boolean(),
  listed: z.boolean(),
  aggregatePercent: z.number(),
  threshold: z.literal(50),
  paths: z.array(z.strictObject({ chain: z.array(z.string()), percents: z.array(z.number()), percent: z.number() })),
  reasons: z.array(
    z.strictObject({
      feature: z.enum(["ownership.listed", "ownership.path", "ownership.aggregate", "ownership.unblocked-owner", "ownership.no-edges", "ownership.not-evaluated"]),
      detail: z.string(),
      owner: z.string().optional(),
      percent: z.number().optional(),
    }),
  ),
  summary: z.string(),
});

const OwnershipJoinSchema = z.strictObject({
  name: z.string(),
  how: z.enum(["exact", "matcher", "possible", "ambiguous", "none"]),
  party: z.number().int().optional(),
  partyName: z.string().optional(),
  score: z.number().optional(),
  detail: z.string(),
});

/** The result of `screenTransaction` (and of `POST /transactions/screen`). */
export const TransactionResultSchema = z.strictObject({
  transactionId: z.string().optional(),
  date: Day,
  jurisdictions: z.array(RegimeSchema),
  outcome: OutcomeSchema,
  stale: z.boolean(),
  freshness: z.array(ListFreshnessSchema),
  coverageGaps: z.array(CoverageGapSchema),
  deciding: z.array(z.string()).describe("Ids of the findings whose decision is the outcome."),
  findings: z.array(TransactionFindingSchema),
  parties: z.array(PartyScreenSchema),
  goods: z.array(GoodsLineResultSchema),
  rules: z.array(RuleFindingSchema),
  ownership: z.strictObject({
    evaluated: z.boolean(),
    detail: z.string(),
    owners: z.array(PartyScreenSchema),
    results: z.array(OwnershipResultSchema),
    joins: z.array(OwnershipJoinSchema),
    notes: z.array(z.string()),
  }),
  summary: z.string(),
  envelope: ResultEnvelopeSchema,
});

/** One result of `POST /screen/batch`: a screen result without `lists` (given once for the batch). */
export const BatchItemResultSchema = ScreenResultSchema.omit({ lists: true });

/** The body of a `POST /screen/batch` response. */
export const BatchResponseSchema = z.strictObject({
  count: z.number().int(),
  outcomes: z.strictObject({ alert: z.number().int(), review: z.number().int(), clear: z.number().int(), "stale-clear": z.number().int(), unscreenable: z.number().int() }),
  lists: z.array(ListProvenanceSchema),
  results: z.array(BatchItemResultSchema),
});

// Compile-time conformance: what each schema accepts is assignable to the library's type.
// `Loose` lets an optional property hold `undefined` (zod's optional output) under exactOptionalPropertyTypes.
type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];
type Loose<T> = T extends readonly (infer U)[] ? readonly Loose<U>[] : T extends object ? { [K in keyof T]: Loose<T[K]> | (K extends OptionalKeys<T> ? undefined : never) } : T;
type Conforms<S extends z.ZodType, T> = [z.output<S>] extends [Loose<T>] ? true : false;
type Check<T extends true> = T;
/** @internal Fails to compile when a schema and its type drift apart. */
export type ConformanceChecks = [
  Check<Conforms<typeof HitSchema, Hit>>,
  Check<Conforms<typeof HitRecordSchema, HitRecord>>,
  Check<Conforms<typeof DesignationAssessmentSchema, DesignationAssessment>>,
  Check<Conforms<typeof ResultEnvelopeSchema, ResultEnvelope>>,
  Check<Conforms<typeof NameMatchResultSchema, NameMatchResult>>,
  Check<Conforms<typeof ScreenResultSchema, ScreenResult>>,
  Check<Conforms<typeof TransactionFindingSchema, TransactionFinding>>,
  Check<Conforms<typeof RuleFindingSchema, RuleFinding>>,
  Check<Conforms<typeof TransactionResultSchema, TransactionResult>>,
];
