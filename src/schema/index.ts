/**
 * The published contract: result and input schemas (zod) and the JSON Schema files generated from
 * them (`schema/<name>.json`, shipped as `sanctions-screen/schema/<name>.json`). Not imported by the
 * library's entry points.
 */
import type { z } from "zod";
import { BatchResponseSchema, HitSchema, ResultEnvelopeSchema, ScreenResultSchema, TransactionFindingSchema, TransactionResultSchema } from "./result-schemas";
import { BatchRequestSchema, ScreenInputSchema, ScreenRequestSchema, TransactionSchema } from "./input-schemas";

export * from "./result-schemas";
export * from "./input-schemas";

/** One published JSON Schema: file name, title, the zod schema it is generated from, and which side (output: results; input: requests). */
export interface PublishedSchema {
  readonly file: string;
  readonly title: string;
  readonly description: string;
  readonly schema: z.ZodType;
  readonly io: "input" | "output";
}

/**
 * Every published JSON Schema, in file order.
 * @example
 * PUBLISHED_SCHEMAS.map((s) => s.file)[0] //=> "screen-result.json"
 */
export const PUBLISHED_SCHEMAS: readonly PublishedSchema[] = [
  { file: "screen-result.json", title: "ScreenResult", description: "The result of screener.screen() and of POST /screen.", schema: ScreenResultSchema, io: "output" },
  { file: "hit.json", title: "Hit", description: "One explained hit of a screen result.", schema: HitSchema, io: "output" },
  { file: "transaction-result.json", title: "TransactionResult", description: "The result of screenTransaction() and of POST /transactions/screen.", schema: TransactionResultSchema, io: "output" },
  { file: "finding.json", title: "TransactionFinding", description: "One finding of a transaction result.", schema: TransactionFindingSchema, io: "output" },
  { file: "envelope.json", title: "ResultEnvelope", description: "The replay envelope of every screen and transaction result.", schema: ResultEnvelopeSchema, io: "output" },
  { file: "batch-response.json", title: "BatchResponse", description: "The body of a POST /screen/batch response.", schema: BatchResponseSchema, io: "output" },
  { file: "screen-input.json", title: "ScreenInput", description: "The input of screener.screen().", schema: ScreenInputSchema, io: "input" },
  { file: "transaction-input.json", title: "TransactionInput", description: "The input of screenTransaction() (the body of POST /transactions/screen with the default transaction screening).", schema: TransactionSchema, io: "input" },
  { file: "screen-request.json", title: "ScreenRequest", description: "The body of POST /screen.", schema: ScreenRequestSchema, io: "input" },
  { file: "batch-request.json", title: "BatchRequest", description: "The body of POST /screen/batch.", schema: BatchRequestSchema, io: "input" },
];
