/**
 * The goods catalogue's zod schemas and its loader for a caller's catalogue file (validated, then
 * built by `goodsCatalogueFrom`). Kept apart from `./match-goods` so that matching, and the shipped
 * catalogue, never load zod (issue 8).
 */
import { z } from "zod";
import { ListFormatError } from "../errors";
import { contentSha256, GoodsClassSchema, zodIssuesToRecordIssues } from "../rules";
import { CONTROL_STATUSES, GOODS_CATALOGUE_LIST_ID, GOODS_CODE_SCHEMES, goodsCatalogueFrom, type GoodsCatalogue } from "./match-goods";

/** Whether an entry is controlled outright, only under a condition, or explicitly not controlled. */
export const ControlStatusSchema = z.enum(CONTROL_STATUSES);

/**
 * A control-list category of an entry: `WA-ML` (Wassenaar Munitions List), `WA-DU` (Wassenaar
 * dual-use category), `USML`, `ECCN`, `UN-Register`, `HS`.
 * @example
 * GoodsCategorySchema.parse({ scheme: "WA-ML", code: "ML4", label: "Bombs, torpedoes, rockets, missiles…" })
 */
export const GoodsCategorySchema = z
  .object({
    scheme: z.enum(["WA-ML", "WA-DU", "USML", "ECCN", "UN-Register", "HS"]),
    code: z.string().min(1),
    label: z.string().min(1),
    /** Part of the item the category covers, e.g. `ammunition` for ML3 of a grenade launcher. */
    appliesTo: z.string().min(1).optional(),
  })
  .strict();
export type GoodsCategory = z.infer<typeof GoodsCategorySchema>;

// Where a row comes from, on entries and code rules alike (an unconfirmed row says why).
const GOODS_PROVENANCE = {
  confirmed: z.boolean(),
  unconfirmed: z.string().min(1).optional(),
  sources: z.array(z.string().min(1)).min(1),
};

/**
 * One catalogue entry: names, class, control status, categories, note and sources.
 * @example
 * GoodsEntrySchema.parse(catalogueJson.entries[0]).id //=> "konkurs-9p135m"
 */
export const GoodsEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected a kebab-case id"),
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).min(1),
    class: GoodsClassSchema,
    controlStatus: ControlStatusSchema,
    categories: z.array(GoodsCategorySchema),
    tags: z.array(z.string().min(1)).default([]),
    /** True for a generic description ("anti-tank guided missile"): a named designation outranks it. */
    generic: z.boolean().default(false),
    /** For `conditional` entries: the condition under which the categories apply. */
    condition: z.string().min(1).optional(),
    /** Context words that turn a not-controlled match into a conditional one ("military" MAZ trucks). */
    escalation: z
      .object({
        terms: z.array(z.string().min(1)).min(1),
        class: GoodsClassSchema,
        controlStatus: ControlStatusSchema,
        categories: z.array(GoodsCategorySchema),
        condition: z.string().min(1),
      })
      .strict()
      .optional(),
    note: z.string().min(1),
    ...GOODS_PROVENANCE,
  })
  .strict();
export type GoodsEntry = z.output<typeof GoodsEntrySchema>;

/** Which code a caller may give with a goods line. */
export const GoodsCodeSchemeSchema = z.enum(GOODS_CODE_SCHEMES);

/**
 * A rule classifying a code by pattern (first matching rule of a scheme wins), e.g. any USML
 * category is munitions; `EAR99` is not controlled.
 */
export const GoodsCodeRuleSchema = z
  .object({
    scheme: GoodsCodeSchemeSchema,
    pattern: z.string().min(1),
    class: GoodsClassSchema,
    controlStatus: ControlStatusSchema,
    detail: z.string().min(1),
    ...GOODS_PROVENANCE,
  })
  .strict();
export type GoodsCodeRule = z.output<typeof GoodsCodeRuleSchema>;

/** The catalogue file `lists/goods/controlled-items.json`. */
export const GoodsCatalogueFileSchema = z
  .object({
    version: z.string().regex(/^\d{4}-\d{2}-\d{2}\.\d+$/, "expected YYYY-MM-DD.N"),
    title: z.string().min(1),
    sourceNote: z.string().min(1),
    entries: z.array(GoodsEntrySchema).min(1),
    codeRules: z.array(GoodsCodeRuleSchema),
  })
  .strict();
export type GoodsCatalogueFile = z.output<typeof GoodsCatalogueFileSchema>;

/**
 * Validates the catalogue (parsed JSON or its text), compiles its code rules and builds the fuse.js
 * alias index; fails closed with a {@link ListFormatError}.
 * @example
 * loadGoodsCatalogue(controlledItemsJson).entries.length //=> 15
 */
export function loadGoodsCatalogue(input: unknown): GoodsCatalogue {
  let data: unknown = input;
  if (typeof input === "string") {
    try {
      data = JSON.parse(input);
    } catch (cause) {
      throw new ListFormatError(
        GOODS_CATALOGUE_LIST_ID,
        [{ field: "(file)", expected: "JSON", received: cause instanceof Error ? cause.message : String(cause) }],
        { cause, summary: "file is not valid JSON" },
      );
    }
  }
  const parsed = GoodsCatalogueFileSchema.safeParse(data);
  if (!parsed.success) {
    const issues = zodIssuesToRecordIssues(data, parsed.error.issues);
    throw new ListFormatError(GOODS_CATALOGUE_LIST_ID, issues, { cause: parsed.error, summary: `${issues.length} invalid fields` });
  }
  return goodsCatalogueFrom(parsed.data, contentSha256(data));
}
