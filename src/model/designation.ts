import { z } from "zod";
import { DatedFactSchema } from "./dates";
import { SubjectSchema } from "./subject";
import { REGIMES } from "./vocabulary";

/**
 * The four regimes a caller can say apply to it.
 * @example
 * RegimeSchema.options //=> ["US", "EU", "UK", "UN"]
 * RegimeSchema.safeParse("CH").success //=> false
 */
export const RegimeSchema = z.enum(REGIMES);
/**
 * One of the four regimes a caller can say apply to it.
 * @example
 * const mine: Regime[] = ["EU", "UK"];
 * screener.screen({ name: "Belvneshpromservice", asOf: "2013-03-01", jurisdictions: mine }).outcome //=> "clear"
 */
export type Regime = z.infer<typeof RegimeSchema>;

/**
 * One legal basis of a designation: the authority and programme it is made under and its dated
 * window. A designation is in force while any of its bases is.
 * @example
 * LegalBasisSchema.parse({ regime: "US", authority: "E.O. 13382", program: "NPWMD",
 *   listedOn: { date: "2012-09-19", certainty: "stated", bound: "exact", source: "…" } })
 */
export const LegalBasisSchema = z
  .object({
    regime: RegimeSchema,
    /** Legal instrument, e.g. `E.O. 13382`, `Reg. (EU) 2012/36`, `UNSCR 1267`. */
    authority: z.string().min(1).optional(),
    /** Publisher's programme tag, e.g. `NPWMD`, `SYRIA`, `BELARUS-EO14038`, `Iran`. */
    program: z.string().min(1).optional(),
    /** Sub-list of a consolidated publication, e.g. `Entity List`, `SSI`, `SDN List`. */
    list: z.string().min(1).optional(),
    listedOn: DatedFactSchema.optional(),
    endedOn: DatedFactSchema.optional(),
    /** Measures the basis imposes, e.g. `Block`, `Reject`, `asset freeze`, `denial of export privileges`. */
    measures: z.array(z.string().min(1)).default([]),
    /** Export-control licence requirement / review policy (CSL Entity List, DPL). */
    licenceRequirement: z.string().optional(),
    licencePolicy: z.string().optional(),
    /** Federal Register / Official Journal citation. */
    citation: z.string().optional(),
    /** Curator's or publisher's note, e.g. "basis ended by revocation of the programme (inferred)". */
    note: z.string().optional(),
    /** False for a curated basis whose facts are not confirmed: shown, never used to alert. */
    confirmed: z.boolean().default(true),
  })
  .strict();
/**
 * One legal basis as a loader maps it (the input of {@link LegalBasisSchema}).
 * @example
 * const basis: LegalBasis = { regime: "US", authority: "E.O. 13382", program: "NPWMD",
 *   listedOn: { date: "2012-09-19", certainty: "stated", bound: "exact", source: "State Department" } };
 */
export type LegalBasis = z.input<typeof LegalBasisSchema>;
export type NormalizedLegalBasis = z.output<typeof LegalBasisSchema>;

/** Stable list ids of the formats the library reads. */
export const ListIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected a kebab-case list id");
/**
 * A kebab-case list id, e.g. `ofac-sdn`, `un-sc`.
 * @example
 * const id: ListId = "ofac-sdn-2023-03-21";
 * loadList(sources, { listId: id }).metadata.listId //=> "ofac-sdn-2023-03-21" (two vintages side by side)
 */
export type ListId = z.infer<typeof ListIdSchema>;

/**
 * A designation record: a stable id `<list>:<source id>`, the designated subject, the dated legal
 * bases, remarks and a link back to the publisher's record.
 * @example
 * DesignationSchema.parse({ id: "ofac-sdn:15487", list: "ofac-sdn", sourceId: "15487",
 *   subject: { type: "organization", names: [{ value: "BELVNESHPROMSERVICE", kind: "primary" }] },
 *   bases: [{ regime: "US", program: "NPWMD" }] }).id //=> "ofac-sdn:15487"
 */
export const DesignationSchema = z
  .object({
    id: z.string().min(3),
    list: ListIdSchema,
    sourceId: z.string().min(1),
    subject: SubjectSchema,
    bases: z.array(LegalBasisSchema).min(1),
    remarks: z.array(z.string()).default([]),
    /** Publisher's page or API address for this record, when it has one. */
    sourceUrl: z.string().optional(),
    /** Ids of records on other lists that designate the same subject (curated links). */
    sameAs: z.array(z.string()).default([]),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.id !== `${d.list}:${d.sourceId}`) {
      ctx.addIssue({ code: "custom", path: ["id"], message: `expected "${d.list}:${d.sourceId}", received "${d.id}"` });
    }
  });
/**
 * One designation as a loader maps it (the input of {@link DesignationSchema}).
 * @example
 * const d: Designation = { id: "ofac-sdn:15487", list: "ofac-sdn", sourceId: "15487",
 *   subject: { type: "organization", names: [{ value: "BELVNESHPROMSERVICE", kind: "primary" }] },
 *   bases: [{ regime: "US", authority: "E.O. 13382", program: "NPWMD" }] };
 * DesignationSchema.parse(d).bases[0]?.confirmed //=> true
 */
export type Designation = z.input<typeof DesignationSchema>;
/**
 * A designation after validation: every defaulted array present.
 * @example
 * const record: DesignationRecord | undefined = loadList([source]).records[0];
 * record?.bases[0]?.measures //=> [] (defaults applied)
 */
export type DesignationRecord = z.output<typeof DesignationSchema>;
