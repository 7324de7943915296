import { z } from "zod";
import { PARTIAL_DATE_PATTERN } from "./vocabulary";

/**
 * A calendar date at the precision the source gives: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 * A partial date stands for the whole interval it covers (see `src/dates`).
 * @example
 * PartialDateSchema.parse("1970-03") //=> "1970-03"
 */
export const PartialDateSchema = z
  .string()
  .regex(PARTIAL_DATE_PATTERN, "expected YYYY[-MM[-DD]]");
/**
 * A date as precise as the source: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 * @example
 * const born: PartialDate = "1962";
 * screener.screen({ name: "Nicolas Maduro", dateOfBirth: born });
 */
export type PartialDate = z.infer<typeof PartialDateSchema>;

/**
 * A date of birth or other uncertain date: one partial date, or an inclusive range of them
 * (OFAC "circa 1970", "1968 to 1970"; UN "BETWEEN").
 * @example
 * DateValueSchema.parse({ from: "1968", to: "1970" }) //=> { from: "1968", to: "1970" }
 */
export const DateValueSchema = z.union([
  PartialDateSchema,
  z.object({ from: PartialDateSchema, to: PartialDateSchema, circa: z.boolean().optional() }).strict(),
]);
/**
 * A date as lists give it: a partial date, or a range with an optional `circa`.
 * @example
 * const exact: DateValue = "1962-11-23";
 * const range: DateValue = { from: "1960", to: "1962", circa: true };
 */
export type DateValue = z.infer<typeof DateValueSchema>;

/**
 * How sure a date is: `stated` by the publisher in the record, `observed` from list snapshots
 * (the record was first/last seen on that date), or `inferred` by the curator from other facts.
 */
export const DateCertaintySchema = z.enum(["stated", "observed", "inferred"]);
export type DateCertainty = z.infer<typeof DateCertaintySchema>;

/**
 * A dated fact about a designation, with how sure it is, which side of the date is known, and where
 * it comes from.
 * @example
 * DatedFactSchema.parse({ date: "2021-08-18", certainty: "observed", bound: "on-or-before", source: "OFAC SDN snapshots" })
 */
export const DatedFactSchema = z
  .object({
    date: PartialDateSchema,
    certainty: DateCertaintySchema,
    /** `exact`: the event happened on `date`; `on-or-before` / `on-or-after`: only a bound is known. */
    bound: z.enum(["exact", "on-or-before", "on-or-after"]),
    /**
     * Earliest day the event can have happened, when a window is known rather than a day: e.g. a
     * removal seen between the last snapshot still showing the row and the first without it.
     */
    notBefore: PartialDateSchema.optional(),
    /** Citation: file and field, URL, or document. */
    source: z.string().min(1).optional(),
    note: z.string().optional(),
  })
  .strict();
export type DatedFact = z.infer<typeof DatedFactSchema>;
