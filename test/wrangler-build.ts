/**
 * Wrangler's esbuild settings for a module Worker, shared by the tests that bundle a Worker (the
 * example, the handler in workerd, all lists in workerd): ESM, the workerd/worker/browser
 * conditions, no Node platform (a Node builtin anywhere fails the build).
 */
import type { BuildOptions } from "esbuild";

export const WRANGLER_BUILD = {
  bundle: true,
  format: "esm",
  platform: "neutral",
  conditions: ["workerd", "worker", "browser"],
  mainFields: ["module", "main"],
  target: "es2022",
} as const satisfies BuildOptions;
