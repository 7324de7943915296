import { ListFormatError, type DesignationRecord, type LoadedList } from "../../src";

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
