/**
 * The dated rule pack: country programmes and embargoes, general licences (overlays that downgrade a
 * finding, never delete it), secondary-sanctions programme flags, and the DOMAIN.md events that are
 * handled elsewhere or not encoded. Every row cites the source column of the shared DOMAIN.md table
 * verbatim; rows marked "?" there carry `confirmed: false` and an `unconfirmed` reason, and are shown
 * but never used to alert (or, for an overlay, to downgrade).
 *
 * Windows are half-open on ISO `YYYY-MM-DD` strings: a row is in force on D when `from <= D` and
 * `D < to` (the same rule as a legal basis: "listed on or before D and not ended on or before D").
 */
import { z } from "zod";
import { RegimeSchema } from "../model";
import { COUNTRY_ROLES, GOODS_CLASSES, isIsoDate } from "./rule-vocabulary";

/**
 * A calendar day `YYYY-MM-DD` (no partial dates: a rule's effective day is always known or bounded).
 * @example
 * IsoDateSchema.parse("2025-07-01") //=> "2025-07-01"
 */
export const IsoDateSchema = z.string().refine(isIsoDate, "expected a calendar date YYYY-MM-DD");
export type IsoDate = z.infer<typeof IsoDateSchema>;

/** Where a country sits on the route of the goods. */
export const CountryRoleSchema = z.enum(COUNTRY_ROLES);
export type CountryRole = z.infer<typeof CountryRoleSchema>;

/** Goods class as the catalogue decides it: Munitions List, dual-use list, or anything else. */
export const GoodsClassSchema = z.enum(GOODS_CLASSES);
export type GoodsClass = z.infer<typeof GoodsClassSchema>;

/**
 * How severe a row's finding is, in the result vocabulary: `alert` stops a deal, `review` needs a
 * person, `clear` is shown only (never raises an outcome). Packs written before result schema 2 say
 * `info` for `clear`; it is read as `clear`.
 */
export const SeveritySchema = z.enum(["alert", "review", "clear", "info"]).transform((s): "alert" | "review" | "clear" => (s === "info" ? "clear" : s));
/**
 * A rule row's severity as read (`info` already turned into `clear`): the words of a finding's decision.
 * @example
 * const s: Severity = pack.rules[0]?.severity ?? "clear"; //=> "review"
 * pack.rules.some((r) => r.severity === "alert") //=> true
 */
export type Severity = z.output<typeof SeveritySchema>;

/**
 * The effective window of a row. `from` absent = a standing rule whose start is not encoded;
 * `fromBound: "on-or-before"` = the row is known to be in force on `from` but its start is not
 * sourced (a date before `from` gives `review`, never a silent clear); `to` is the first day the row
 * is no longer in force.
 * @example
 * RuleWindowSchema.parse({ from: "2004-05-11", to: "2025-07-01", endedBy: "E.O. 14312" })
 */
export const RuleWindowSchema = z
  .object({
    from: IsoDateSchema.optional(),
    fromBound: z.enum(["exact", "on-or-before"]).default("exact"),
    to: IsoDateSchema.optional(),
    /** Instrument that ended the row, e.g. `E.O. 14312`. */
    endedBy: z.string().min(1).optional(),
    /** DOMAIN.md source column of the row that ended this one, verbatim. */
    endSource: z.string().min(1).optional(),
    /** Why a bound is what it is, e.g. "180 days counted from 2025-11-10; end day not stated". */
    note: z.string().min(1).optional(),
  })
  .strict()
  .refine((w) => w.from === undefined || w.to === undefined || w.from < w.to, {
    message: "expected from < to",
    path: ["to"],
  });
export type RuleWindow = z.output<typeof RuleWindowSchema>;

/** Pointer back to the DOMAIN.md row: its date column and rule text, verbatim or abridged. */
export const DomainRowSchema = z
  .object({ date: z.string().min(1), text: z.string().min(1) })
  .strict();

const RowIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected a kebab-case id");

const provenance = {
  confirmed: z.boolean(),
  /** Required when `confirmed` is false: what is unconfirmed and why. */
  unconfirmed: z.string().min(1).optional(),
  /** The DOMAIN.md source column, verbatim. */
  source: z.string().min(1),
  domain: DomainRowSchema,
  note: z.string().min(1).optional(),
};

/** What a country row is, for display and for the transaction assembly. */
export const CountryRuleKindSchema = z.enum([
  "export-embargo",
  "arms-embargo",
  "import-ban",
  "export-control",
  "blocking-programme",
  "list-based-programme",
  "denial-policy",
  "terrorism-designation",
  "secondary-sanctions",
  "sectoral-measures",
  "no-embargo",
]);
export type CountryRuleKind = z.infer<typeof CountryRuleKindSchema>;

/**
 * One country programme or embargo with its regime, countries, route roles, goods classes, window
 * and severity when in force.
 * @example
 * CountryRuleSchema.parse({ id: "itar-126-1-syria", kind: "denial-policy", regime: "US", authority: "22 CFR 126.1(d)(1)",
 *   title: "ITAR denial policy: Syria", countries: ["SY"], roles: ["destination", "origin"], goodsClasses: ["munitions"],
 *   severity: "alert", window: {}, measure: "licences denied", confirmed: true,
 *   source: "customsmobile.com/regulations/22/126.1", domain: { date: "standing", text: "…" } })
 */
export const CountryRuleSchema = z
  .object({
    id: RowIdSchema,
    kind: CountryRuleKindSchema,
    regime: RegimeSchema,
    authority: z.string().min(1),
    title: z.string().min(1),
    /** Programme tag the row corresponds to on the lists, e.g. `SYRIA`. */
    programme: z.string().min(1).optional(),
    countries: z.array(z.string().regex(/^[A-Z]{2}$/, "expected ISO 3166-1 alpha-2 code")).min(1),
    roles: z.array(CountryRoleSchema).min(1),
    goodsClasses: z.array(GoodsClassSchema).min(1),
    severity: SeveritySchema,
    /**
     * True for measures that reach non-U.S. persons (secondary sanctions): evaluated whatever
     * jurisdictions the caller names, because those are exactly the callers exposed.
     */
    extraterritorial: z.boolean().default(false),
    window: RuleWindowSchema,
    /** What the row restricts or authorises, in the source's words where possible. */
    measure: z.string().min(1),
    ...provenance,
  })
  .strict();
export type CountryRule = z.output<typeof CountryRuleSchema>;

/** Kind of overlay: all downgrade; none deletes a finding. */
export const OverlayKindSchema = z.enum(["general-licence", "waiver", "suspension", "repeal"]);
export type OverlayKind = z.infer<typeof OverlayKindSchema>;

/**
 * A general licence, waiver or suspension with a window: while in force it downgrades the findings
 * of the rules it names (to `downgradeTo` at most), names itself in them, and never removes them.
 * @example
 * LicenceOverlaySchema.parse({ id: "ofac-syria-gl-25", kind: "general-licence", regime: "US", authority: "OFAC Syria GL 25",
 *   title: "…", appliesTo: ["us-syria-eo13582"], window: { from: "2025-05-23" }, scope: "…", authorises: ["…"],
 *   excludes: ["…"], excludesBlockedParties: true, downgradeTo: "review", confirmed: true,
 *   source: "clearytradewatch.com (2025/05)", domain: { date: "2025-05-23", text: "…" } })
 */
export const LicenceOverlaySchema = z
  .object({
    id: RowIdSchema,
    kind: OverlayKindSchema,
    regime: RegimeSchema,
    authority: z.string().min(1),
    title: z.string().min(1),
    /** Rule ids this overlay can downgrade. */
    appliesTo: z.array(RowIdSchema).min(1),
    window: RuleWindowSchema,
    scope: z.string().min(1),
    authorises: z.array(z.string().min(1)).min(1),
    excludes: z.array(z.string().min(1)).default([]),
    /** True when dealings with blocked persons (SDNs) stay prohibited: then a blocked party voids it. */
    excludesBlockedParties: z.boolean(),
    /** Countries whose involvement voids the overlay, e.g. the Caesar suspension "except Russia/Iran". */
    excludesCountries: z.array(z.string().regex(/^[A-Z]{2}$/, "expected ISO 3166-1 alpha-2 code")).default([]),
    /** Most severe level a finding keeps under this overlay. */
    downgradeTo: z.enum(["review", "clear", "info"]).transform((s): "review" | "clear" => (s === "info" ? "clear" : s)),
    ...provenance,
  })
  .strict();
export type LicenceOverlay = z.output<typeof LicenceOverlaySchema>;

/**
 * A programme tag on a designation that brings its own finding, e.g. `IFSR`: foreign financial
 * institutions dealing with the party face correspondent-account risk.
 * @example
 * ProgrammeFlagSchema.parse({ id: "us-ifsr-secondary", programme: "IFSR", regime: "US", authority: "31 CFR 561",
 *   title: "…", severity: "review", extraterritorial: true, window: {}, finding: "…", confirmed: true,
 *   source: "…", domain: { date: "glossary", text: "…" } })
 */
export const ProgrammeFlagSchema = z
  .object({
    id: RowIdSchema,
    programme: z.string().min(1),
    regime: RegimeSchema,
    authority: z.string().min(1),
    title: z.string().min(1),
    severity: SeveritySchema,
    extraterritorial: z.boolean().default(false),
    window: RuleWindowSchema,
    /** The finding the flag raises, e.g. correspondent-account risk for foreign banks. */
    finding: z.string().min(1),
    ...provenance,
  })
  .strict();
export type ProgrammeFlag = z.output<typeof ProgrammeFlagSchema>;

/**
 * A DOMAIN.md row that is not a country rule, overlay or flag: kept so that no row is dropped
 * silently, with where it is handled (designation records, `src/ownership`, or not encoded).
 * @example
 * RuleEventSchema.parse({ id: "ofac-50-percent-rule", date: "2014-08-13", title: "…", handledBy: "src/ownership",
 *   confirmed: true, source: "lexology.com (g=356e1d00…)", domain: { date: "2014-08-13", text: "…" } })
 */
export const RuleEventSchema = z
  .object({
    id: RowIdSchema,
    date: IsoDateSchema.optional(),
    title: z.string().min(1),
    handledBy: z.string().min(1),
    ...provenance,
  })
  .strict();
export type RuleEvent = z.output<typeof RuleEventSchema>;

/**
 * The rule pack file `lists/rules/rule-pack.json`.
 * @example
 * RulePackFileSchema.parse(json).version //=> "2026-11-22.1"
 */
export const RulePackFileSchema = z
  .object({
    version: z.string().regex(/^\d{4}-\d{2}-\d{2}\.\d+$/, "expected YYYY-MM-DD.N"),
    title: z.string().min(1),
    /** Where the rows come from (the shared DOMAIN.md), and how sources are cited. */
    sourceDocument: z.string().min(1),
    rules: z.array(CountryRuleSchema).min(1),
    overlays: z.array(LicenceOverlaySchema),
    programmeFlags: z.array(ProgrammeFlagSchema),
    events: z.array(RuleEventSchema),
  })
  .strict();
export type RulePackFile = z.output<typeof RulePackFileSchema>;

/**
 * A loaded rule pack: the validated file plus the sha256 of its canonical JSON.
 * @example
 * const pack: RulePack = loadRulePack(readFileSync("lists/rules/rule-pack.json", "utf8"));
 * pack.version //=> "2026-11-22.1"
 * pack.sha256.length //=> 64
 */
export interface RulePack extends RulePackFile {
  /** Hex sha256 of the canonical JSON (sorted keys, no whitespace) of the file as given. */
  readonly sha256: string;
}
