/**
 * `sanctions-screen`: the public API an integrator needs — screeners, list loaders by format,
 * transaction screening, re-screening, the result, input and error types, profiles. Everything else
 * is internal and may change in any release; the surface is recorded in `api/index.api.md` (checked
 * by a test). The embedded lists are in `sanctions-screen/lists`, the HTTP handler in
 * `sanctions-screen/handler`, test helpers in `sanctions-screen/testing`.
 * @example
 * import { createScreener, loadList } from "sanctions-screen";
 * const screener = createScreener({ lists: [loadList([{ name: "consolidated.xml", data: bytes }])] });
 * screener.screen({ name: "Eric Badege", asOf: "2024-01-01" }).outcome; //=> "alert"
 */

// Errors: every failure is one of these, with a code and the fields named.
export { InputError, ListCountError, ListFormatError, ScreeningError } from "./errors";
export type { InputIssue, RecordIssue, ScreeningErrorCode } from "./errors";

// Designation records and lists.
export { DesignationSchema, LoadedListSchema, RegimeSchema, isIsoCountryCode } from "./model";
export type {
  CountryCode,
  DateValue,
  Designation,
  DesignationRecord,
  Identifier,
  IdentifierType,
  LegalBasis,
  ListFormat,
  ListId,
  ListMetadata,
  LoadedList,
  Name,
  NameKind,
  PartialDate,
  Regime,
  Subject,
  SubjectType,
} from "./model";

// Loading official lists from their own formats (bytes in, never the file system or network).
export {
  applyObservedDates,
  applyStatedListingDates,
  bisDplTxtLoader,
  curatedJsonLoader,
  detectListFormat,
  diffLists,
  euFsfXmlLoader,
  ftmJsonLoader,
  getListLoader,
  listLoaders,
  loadList,
  ofacAdvancedXmlLoader,
  ofacCsvLoader,
  ofacEnhancedXmlLoader,
  RECORD_FLOORS,
  ukFcdoXmlLoader,
  ukOfsiCsvLoader,
  unXmlLoader,
  usCslCsvLoader,
} from "./lists";
export type { ListLoader, ListSource, LoadListOptions, ParsedList } from "./lists";

// Screening names, counterparties and transactions.
// The input contract as zod schemas (the library itself validates with hand-written checks held to them).
export { AcceptEntrySchema, ScreenInputSchema, TransactionSchema } from "./schema/input-schemas";
export {
  applyAcceptList,
  createScreener,
  DEFAULT_PROFILE,
  DEFAULT_SEARCH_BUDGET,
  hitRecordHash,
  LIBRARY,
  RESULT_SCHEMA_VERSION,
  parseAcceptList,
  parseScreenInput,
  parseTransaction,
  PROFILES,
  rescreen,
  screenCounterparties,
  screenTransaction,
} from "./screen";
export type {
  AcceptEntry,
  CoverageGap,
  Counterparty,
  CounterpartyOutcome,
  FindingDecision,
  FreshnessOptions,
  ListFreshness,
  NearMiss,
  Outcome,
  OutcomeChange,
  Profile,
  ProfileName,
  RankedMatch,
  RankOptions,
  ResultEnvelope,
  ScreenCounterpartiesOptions,
  Screener,
  ScreenerOptions,
  ScreenInput,
  ScreenResult,
  ScreenTransactionOptions,
  Transaction,
  TransactionFinding,
  TransactionInput,
  TransactionResult,
} from "./screen";

// Explained hits.
export { renderSummary } from "./explain";
export type { DesignationAssessment, Hit, HitDecision, HitRecord } from "./explain";

// Dates, rules, goods and ownership used by transaction screening.
export { designationStatusOn, isValidAsOf } from "./dates";
export { loadRulePack } from "./rules";
export type { RuleFinding, RulePack, Severity } from "./rules";
export { loadGoodsCatalogue, matchGoods } from "./goods";
export type { GoodsCatalogue, GoodsMatchResult } from "./goods";
export { evaluateOwnershipGraph } from "./ownership";

// Name matching: the normalised form a screen compares, and the algorithm's id and parameters.
export { normalizeName } from "./normalize";
export type { NormalizedName } from "./normalize";
export { NAMES_V2 } from "./score";
export type { NameAlgorithm } from "./score";
