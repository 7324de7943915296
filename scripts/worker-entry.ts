/**
 * Entry of the isolate bundle (`scripts/bundle-worker.ts`): the screening handler over the
 * embedded default lists, given the bytes of the list-set snapshot `lists/compiled/snapshot.bin` or a bare
 * prebuilt name index, whose name index it loads (a Worker gets them from a
 * Data/binary module or an asset; a page from `fetch`). Nothing here may need Node.
 */
import { createDefaultScreener } from "../src/embedded";
import { createScreeningHandler, type ScreeningHandler, type ScreeningHandlerOptions } from "../src/handler";

/**
 * The screening handler over the embedded lists, loading the prebuilt index instead of building it
 * (without `index` it builds one: seconds of CPU, only for comparison and local use).
 * @example
 * const handler = createWorkerHandler(new Uint8Array(await (await fetch("/snapshot.bin")).arrayBuffer()));
 * (await handler(new Request("https://x/health"))).status //=> 200
 */
export function createWorkerHandler(index: Uint8Array | undefined, options: Omit<ScreeningHandlerOptions, "screener"> = {}): ScreeningHandler {
  return createScreeningHandler({ ...options, screener: createDefaultScreener(index === undefined ? {} : { index }) });
}
