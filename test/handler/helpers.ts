/**
 * Shared set-up of the handler tests: a small real screener (the curated seed records and the UN
 * list, about a thousand records: built in about a second) and request helpers.
 */
import { loadEmbeddedLists } from "../../src/embedded";
import { expect } from "vitest";
import type { LoadedList } from "../../src/model";
import { createScreener, type ProfileName, type Screener } from "../../src/screen";

let lists: LoadedList[] | undefined;
let index: Uint8Array | undefined;

/** A screener over the curated seed records and the UN list; the index is built once per test file. */
export function smallScreener(profile: ProfileName = "balanced"): Screener {
  lists ??= loadEmbeddedLists({ lists: ["curated", "un-sc"] });
  if (index === undefined) {
    const first = createScreener({ lists, profile });
    index = first.exportIndex();
    return first;
  }
  return createScreener({ lists, profile, index });
}

export const ORIGIN = "http://screening.test";

/** A JSON POST request. */
export function post(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** A request without a body. */
export function get(path: string, method = "GET", headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}${path}`, { method, headers });
}

/** The JSON error body of an error response. */
export interface ErrorJson {
  error: { status: number; code: string; message: string; issues?: { path: string; expected: string; received: string; message: string }[] };
}

/** Reads a response as JSON (any type: tests check shapes themselves). */
export async function json<T = ErrorJson>(response: Response): Promise<T> {
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  return (await response.json()) as T;
}

/**
 * A request body stream of `chunks` chunks of `size` bytes that counts how many were pulled, for
 * proving a handler stopped reading (a 413 that consumed the whole upload would pull them all).
 */
export function countingStream(chunks: number, size: number): { stream: ReadableStream<Uint8Array>; pulled: () => number; cancelled: () => boolean } {
  let pulled = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += 1;
      controller.enqueue(new Uint8Array(size).fill(0x20));
      if (pulled >= chunks) controller.close();
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, pulled: () => pulled, cancelled: () => cancelled };
}
