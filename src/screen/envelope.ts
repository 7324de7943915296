/**
 * The replay envelope carried by every screening and transaction result: what produced the result
 * (library version, algorithm, profile and an options hash), for which day, and on which data (each
 * list's id, date and sha256; the rule pack and goods catalogue versions and sha256). Two results
 * with the same envelope and the same input are byte-identical as JSON: nothing in a result depends
 * on a clock, a random source or object identity.
 */
import { contentSha256 } from "../rules";
import type { Regime } from "../model";
import { LIBRARY } from "./library-version";

/**
 * Version of the result contract (the field names and words of screen and transaction results,
 * published as JSON Schema in `sanctions-screen/schema/*.json`). 2: one `decision` per hit and
 * finding, `outcome` for screens and transactions, `clear` instead of `info`. Results of 0.1.0 carry
 * no `schemaVersion`: they are version 1.
 * @example
 * RESULT_SCHEMA_VERSION //=> 2
 */
export const RESULT_SCHEMA_VERSION = 2;

/** One list as used by a screen. */
export interface EnvelopeList {
  readonly id: string;
  readonly date?: string;
  readonly sha256: string;
  readonly recordCount: number;
}

/** A versioned data set other than a list (rule pack, goods catalogue). */
export interface EnvelopeDataSet {
  readonly version: string;
  readonly sha256: string;
}

/**
 * Provenance of one result, enough to reproduce it.
 * @example
 * const e: ResultEnvelope = screener.screen({ name: "Army Supply Bureau", asOf: "2018-06-01" }).envelope;
 * e.schemaVersion //=> 2
 * e.lists.map((l) => l.id) //=> ["ofac-sdn", "un-sc", …]
 */
export interface ResultEnvelope {
  /** Version of the result contract ({@link RESULT_SCHEMA_VERSION}); changes only with a breaking change. */
  readonly schemaVersion: typeof RESULT_SCHEMA_VERSION;
  readonly library: { readonly name: string; readonly version: string };
  readonly algorithm: { readonly id: string; readonly version: string };
  readonly profile: string;
  /** sha256 of the canonical JSON of `options` (sorted keys, no whitespace). */
  readonly optionsHash: string;
  /** The options hashed, echoed so that a reader can check the hash. */
  readonly options: Readonly<Record<string, unknown>>;
  readonly asOf: string;
  readonly jurisdictions: readonly Regime[];
  readonly lists: readonly EnvelopeList[];
  readonly rulePack?: EnvelopeDataSet;
  readonly goodsCatalogue?: EnvelopeDataSet;
}

/** What {@link buildEnvelope} needs. */
export interface BuildEnvelopeInput {
  readonly algorithm: string;
  readonly profile: string;
  readonly options: Readonly<Record<string, unknown>>;
  /** `contentSha256(options)` when the caller computed it once (a screener's options never change). */
  readonly optionsHash?: string;
  readonly asOf: string;
  readonly jurisdictions: readonly Regime[];
  readonly lists: readonly { readonly listId: string; readonly listDate?: string; readonly sha256: string; readonly recordCount: number }[];
  readonly rulePack?: EnvelopeDataSet;
  readonly goodsCatalogue?: EnvelopeDataSet;
}

/**
 * Splits an algorithm id such as `names-v2` into id and version (`v1`); an id without a `-vN`
 * suffix has version `unversioned`.
 * @example
 * algorithmVersion("names-v2") //=> { id: "names-v2", version: "v2" }
 */
export function algorithmVersion(id: string): { id: string; version: string } {
  const m = /-(v\d+(?:\.\d+)*)$/.exec(id);
  return { id, version: m?.[1] ?? "unversioned" };
}

/**
 * Builds the replay envelope of a result (plain JSON, deterministic).
 * @example
 * buildEnvelope({ algorithm: "names-v2", profile: "balanced", options: { threshold: 0.9 }, asOf: "2018-06-01",
 *   jurisdictions: ["US"], lists: [] }).optionsHash.length //=> 64
 */
export function buildEnvelope(input: BuildEnvelopeInput): ResultEnvelope {
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    library: { name: LIBRARY.name, version: LIBRARY.version },
    algorithm: algorithmVersion(input.algorithm),
    profile: input.profile,
    optionsHash: input.optionsHash ?? contentSha256(input.options),
    options: input.options,
    asOf: input.asOf,
    jurisdictions: [...input.jurisdictions],
    lists: input.lists.map((l) => ({
      id: l.listId,
      ...(l.listDate === undefined ? {} : { date: l.listDate }),
      sha256: l.sha256,
      recordCount: l.recordCount,
    })),
    ...(input.rulePack ? { rulePack: { version: input.rulePack.version, sha256: input.rulePack.sha256 } } : {}),
    ...(input.goodsCatalogue ? { goodsCatalogue: { version: input.goodsCatalogue.version, sha256: input.goodsCatalogue.sha256 } } : {}),
  };
}
