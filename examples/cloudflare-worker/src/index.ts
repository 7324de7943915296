/**
 * A Cloudflare Worker serving the screening handler (`sanctions-screen/handler`) over a subset of
 * the embedded lists: an isolate has 128 MB, too little for all seven (see the README, "Deploying").
 * The screener is created on the first request of each isolate; `API_KEY` (a secret:
 * `npx wrangler secret put API_KEY`) protects every route but /health.
 */
import unSc from "sanctions-screen/lists/compiled/un-sc.json" with { type: "json" };
import curated from "sanctions-screen/lists/compiled/curated.json" with { type: "json" };
import { createScreeningHandler, type ScreeningHandler } from "sanctions-screen/handler";
import { expandCompiledList, type CompiledList } from "sanctions-screen/lists";
import { createScreener } from "sanctions-screen";

export interface Env {
  readonly API_KEY?: string;
}

let handler: ScreeningHandler | undefined;

export default {
  fetch(request: Request, env: Env): Promise<Response> {
    handler ??= createScreeningHandler({
      screener: createScreener({ lists: [curated, unSc].map((l) => expandCompiledList(l as CompiledList)) }),
      ...(env.API_KEY ? { apiKey: env.API_KEY } : {}),
    });
    return handler(request);
  },
};
