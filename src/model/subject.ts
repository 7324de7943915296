import { z } from "zod";
import { DateValueSchema } from "./dates";
import { IDENTIFIER_TYPES, SUBJECT_TYPES } from "./vocabulary";

/** What kind of party a record designates. */
export const SubjectTypeSchema = z.enum(SUBJECT_TYPES);
/**
 * What a designation names: a person, an organization, a vessel, an aircraft, or unknown.
 * @example
 * const type: SubjectType = "organization";
 * screener.screen({ name: "Army Supply Bureau", type }).hits[0]?.record.type //=> "organization"
 */
export type SubjectType = z.infer<typeof SubjectTypeSchema>;

/** ISO 3166-1 alpha-2 code, upper case (plus `XK` Kosovo, used by publishers). */
export const CountryCodeSchema = z.string().regex(/^[A-Z]{2}$/, "expected ISO 3166-1 alpha-2 code");
/**
 * An ISO 3166-1 alpha-2 country code, upper case.
 * @example
 * const country: CountryCode = "BY";
 * screener.screen({ name: "Belvneshpromservis", country }).hits[0]?.reasons.some((r) => r.feature === "country.match") //=> true
 */
export type CountryCode = z.infer<typeof CountryCodeSchema>;

/**
 * The role a name plays in a record. `weak-alias` is OFAC's "weak a.k.a." and UN quality "Low":
 * scored below strong aliases. `former` is f.k.a.
 */
export const NameKindSchema = z.enum(["primary", "alias", "weak-alias", "former"]);
/**
 * The kind of a name on a list: primary, alias, weak alias, former.
 * @example
 * const kind: NameKind = "weak-alias";
 * screener.screen({ name: "Shahraz" }).hits[0]?.nameKind //=> "primary"
 */
export type NameKind = z.infer<typeof NameKindSchema>;

/**
 * One name of a subject as the publisher wrote it.
 * @example
 * NameSchema.parse({ value: "БЕЛВНЕШПРОМСЕРВИС", kind: "alias", originalScript: true, script: "Cyrl" })
 */
export const NameSchema = z
  .object({
    value: z.string().min(1),
    kind: NameKindSchema,
    /** True for a name in the subject's own (non-Latin) script, e.g. UN `NAME_ORIGINAL_SCRIPT`. */
    originalScript: z.boolean().default(false),
    /** ISO 15924 script code when the source or detection says, e.g. `Cyrl`, `Arab`. */
    script: z.string().regex(/^[A-Z][a-z]{3}$/).optional(),
    /** Language code when the source says (EU `nameAlias@nameLanguage`). */
    lang: z.string().optional(),
    /** Name parts when the source gives them separately (UN FIRST_NAME…, UK Name 1–6). */
    parts: z
      .object({
        given: z.array(z.string()).optional(),
        family: z.array(z.string()).optional(),
        patronymic: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
/**
 * One name of a subject (the input of {@link NameSchema}).
 * @example
 * const name: Name = { value: "ARMY SUPPLY BUREAU", kind: "primary" };
 */
export type Name = z.input<typeof NameSchema>;
/** A name after validation (defaults applied). */
export type NameRecord = z.output<typeof NameSchema>;

/** Kinds of identifiers; `other` keeps the publisher's own label in `label`. */
export const IdentifierTypeSchema = z.enum(IDENTIFIER_TYPES);
/**
 * The kinds of identifier the model knows.
 * @example
 * const t: IdentifierType = "imo";
 * screener.screen({ name: "Shahraz", identifiers: [{ type: t, value: "9187629" }] });
 */
export type IdentifierType = z.infer<typeof IdentifierTypeSchema>;

/**
 * A document or registry number. `label` keeps the publisher's own wording ("Cedula No.",
 * "Digital Currency Address - XBT").
 */
export const IdentifierSchema = z
  .object({
    type: IdentifierTypeSchema,
    value: z.string().min(1),
    label: z.string().optional(),
    country: CountryCodeSchema.optional(),
    /** Country as the publisher wrote it when it could not be mapped to a code. */
    countryName: z.string().optional(),
    issued: DateValueSchema.optional(),
    expires: DateValueSchema.optional(),
    note: z.string().optional(),
  })
  .strict();
/**
 * One identifier of a subject (the input of {@link IdentifierSchema}).
 * @example
 * const imo: Identifier = { type: "imo", value: "9187629", label: "IMO" };
 */
export type Identifier = z.infer<typeof IdentifierSchema>;

/** A postal address; `country` is the ISO code when known, `countryName` the publisher's text. */
export const AddressSchema = z
  .object({
    full: z.string().optional(),
    street: z.string().optional(),
    city: z.string().optional(),
    region: z.string().optional(),
    postalCode: z.string().optional(),
    country: CountryCodeSchema.optional(),
    countryName: z.string().optional(),
    note: z.string().optional(),
  })
  .strict();
export type Address = z.infer<typeof AddressSchema>;

/** A place of birth (free text plus country when known). */
export const PlaceSchema = z
  .object({ place: z.string().optional(), country: CountryCodeSchema.optional(), countryName: z.string().optional() })
  .strict();
export type Place = z.infer<typeof PlaceSchema>;

/** Vessel particulars from OFAC/CSL vessel rows. */
export const VesselSchema = z
  .object({
    callSign: z.string().optional(),
    vesselType: z.string().optional(),
    tonnage: z.string().optional(),
    grossRegisteredTonnage: z.string().optional(),
    flag: z.string().optional(),
    owner: z.string().optional(),
  })
  .strict();
export type Vessel = z.infer<typeof VesselSchema>;

/**
 * Who or what is designated: the identity, kept apart from the dated legal bases of the
 * designation (shared/STYLE.md).
 */
export const SubjectSchema = z
  .object({
    type: SubjectTypeSchema,
    names: z.array(NameSchema).min(1),
    identifiers: z.array(IdentifierSchema).default([]),
    birthDates: z.array(DateValueSchema).default([]),
    birthPlaces: z.array(PlaceSchema).default([]),
    nationalities: z.array(z.union([CountryCodeSchema, z.string().min(1)])).default([]),
    citizenships: z.array(z.union([CountryCodeSchema, z.string().min(1)])).default([]),
    addresses: z.array(AddressSchema).default([]),
    gender: z.enum(["male", "female"]).optional(),
    titles: z.array(z.string()).default([]),
    positions: z.array(z.string()).default([]),
    vessel: VesselSchema.optional(),
    /** Date an organisation was established, when the source gives it. */
    established: DateValueSchema.optional(),
  })
  .strict();
/**
 * The subject of a designation (the input of {@link SubjectSchema}).
 * @example
 * const vessel: Subject = { type: "vessel", names: [{ value: "SHAHRAZ", kind: "primary" }], identifiers: [{ type: "imo", value: "9187629" }] };
 */
export type Subject = z.input<typeof SubjectSchema>;
export type NormalizedSubject = z.output<typeof SubjectSchema>;
