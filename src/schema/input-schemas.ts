/**
 * The input contract: the zod schemas the library validates input with (`ScreenInputSchema`,
 * `TransactionSchema`), reused as they are, and the handler's request bodies built from them. Like
 * `./result-schemas`, only the JSON Schema script and the tests import this module.
 */
import { z } from "zod";
import { ScreenInputSchema, TransactionSchema } from "../screen";

const ProfileNameSchema = z.enum(["strict", "balanced", "broad"]).describe("Threshold profile; default the endpoint's.");

/** The body of `POST /screen`: a screen input and, optionally, a profile. */
export const ScreenRequestSchema = ScreenInputSchema.extend({ profile: ProfileNameSchema.optional() }).strict();

/** The body of `POST /screen/batch`: subjects screened with one list version (and `asOf`, `profile` for all). */
export const BatchRequestSchema = z.strictObject({
  subjects: z.array(ScreenRequestSchema).min(1).describe("At most the endpoint's maxBatch subjects (default 100)."),
  profile: ProfileNameSchema.optional(),
  asOf: ScreenInputSchema.shape.asOf,
});

export { ScreenInputSchema, TransactionSchema };
