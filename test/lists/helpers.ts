import { ListFormatError, loadList, type DesignationRecord, type ListSource, type LoadedList, type LoadListOptions } from "../../src";

/** The record with this source id, or a test failure naming it. */
export function byId(list: LoadedList, sourceId: string): DesignationRecord {
  const record = list.records.find((r) => r.sourceId === sourceId);
  if (!record) throw new Error(`no record ${sourceId}`);
  return record;
}

/** The ListFormatError `fn` throws; any other outcome fails the test. */
export function formatError(fn: () => unknown): ListFormatError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ListFormatError) return error;
    throw error;
  }
  throw new Error("expected a ListFormatError");
}

/**
 * `loadList` for excerpts: fixtures cut from the real files hold a few dozen records, below the
 * shipped record floors, so the floor is off (`minRecordCount: 0`) unless a test sets it. The
 * floors themselves are tested on the real files in list-guards.test.ts.
 */
export function loadExcerpt(sources: readonly ListSource[], options: LoadListOptions = {}): LoadedList {
  return loadList(sources, { minRecordCount: 0, ...options });
}
