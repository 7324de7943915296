/**
 * Validation of `createScreeningHandler` options, by the checks of `src/validate` (no zod on the
 * handler's load path, issue 8). `ScreeningHandlerOptionsSchema` (src/schema) states the same contract
 * in zod; `test/validate/handler-options.test.ts` holds the two together.
 */
import type { ValidationIssue } from "../errors";
import type { Screener } from "../screen";
import { array, boolean, custom, number, object, string, type Check } from "../validate";

const isFunction = (v: unknown): boolean => typeof v === "function";

/** A base path such as `/api` (shared with `ScreeningHandlerOptionsSchema`). */
export const BASE_PATH_PATTERN = /^(\/[\w.~-]+)+$/;
/** The message of a refused base path. */
export const BASE_PATH_MESSAGE = "expected a path such as /api, without a trailing slash";

const functionMessage = "expected a function";
const optionalFunction = custom((v) => v === undefined || isFunction(v), functionMessage);
const nonEmptyKey = string({ min: [1, "expected a non-empty key"] });
const keyList = array(nonEmptyKey, { min: 1 });

/**
 * `apiKey`: a key or a list of keys, as zod's union of the two reports it — the one branch's issues
 * when the value has that branch's shape, else one `invalid_union` ("Invalid input").
 */
const apiKeyCheck: Check = (value, path, issues) => {
  if (typeof value === "string") return nonEmptyKey(value, path, issues);
  const found: ValidationIssue[] = [];
  if (Array.isArray(value)) keyList(value, path, found);
  if (Array.isArray(value) && !found.some((i) => i.code === "invalid_type")) issues.push(...found);
  else issues.push({ code: "invalid_union", path: [...path], message: "Invalid input" });
};

/** The handler's options (`ScreeningHandlerOptionsSchema` in `src/schema`, held to it by a test). */
export const screeningHandlerOptionsCheck: Check = object(
  {
    screener: [
      custom((v) => v !== null && typeof v === "object" && isFunction((v as Screener).screen) && Array.isArray((v as Screener).lists), "expected a Screener from createScreener"),
    ],
    screenerFor: [optionalFunction, "optional"],
    apiKey: [apiKeyCheck, "optional"],
    maxBodyBytes: [number({ int: true, min: 256, max: 64 * 1024 * 1024 }), "optional"],
    maxBatch: [number({ int: true, min: 1, max: 10_000 }), "optional"],
    maxNameWords: [number({ int: true, min: 1, max: 1_000 }), "optional"],
    maxBatchWords: [number({ int: true, min: 1, max: 10_000_000 }), "optional"],
    maxWordsInFlight: [number({ int: true, min: 1, max: 10_000_000 }), "optional"],
    maxBatchMs: [number({ int: true, min: 1, max: 3_600_000 }), "optional"],
    screenTransaction: [optionalFunction, "optional"],
    now: [optionalFunction, "optional"],
    timeZone: [string({ min: 1 }), "optional"],
    analystPage: [boolean(), "optional"],
    basePath: [string({ pattern: [BASE_PATH_PATTERN, BASE_PATH_MESSAGE] }), "optional"],
    onError: [optionalFunction, "optional"],
  },
  "loose",
);


