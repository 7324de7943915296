/**
 * The trade desk on Node (`@hono/node-server`), screening against the embedded lists from the
 * list-set snapshot the package ships (`createDefaultScreener()` loads it by itself: no JSON parsed,
 * no index built at start).
 *
 *   npx tsx examples/hono-trade-desk/server.ts      # then POST a trade to http://127.0.0.1:8788/trades/screen
 */
import { serve } from "@hono/node-server";
import { createDefaultScreener, embeddedGoodsCatalogue, embeddedRulePack } from "sanctions-screen/lists";
import { createTradeDeskApp } from "./app";

const app = createTradeDeskApp({ screener: createDefaultScreener(), rulePack: embeddedRulePack(), goods: embeddedGoodsCatalogue() });

serve({ fetch: app.fetch, port: Number(process.env["PORT"] ?? 8788), hostname: "127.0.0.1" }, (info) => {
  console.log(`trade desk on http://127.0.0.1:${info.port}/trades/screen`);
});
