/**
 * The trade desk on Node (`@hono/node-server`), screening against the embedded lists with the
 * prebuilt name index the package ships (a cold start of about two seconds instead of a rebuild).
 *
 *   npx tsx examples/hono-trade-desk/server.ts      # then POST a trade to http://127.0.0.1:8788/trades/screen
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { serve } from "@hono/node-server";
import { createDefaultScreener, embeddedGoodsCatalogue, embeddedRulePack } from "sanctions-screen/lists";
import { createTradeDeskApp } from "./app";

const index = new Uint8Array(readFileSync(createRequire(import.meta.url).resolve("sanctions-screen/lists/compiled/name-index.bin")));
const app = createTradeDeskApp({ screener: createDefaultScreener({ index }), rulePack: embeddedRulePack(), goods: embeddedGoodsCatalogue() });

serve({ fetch: app.fetch, port: Number(process.env["PORT"] ?? 8788), hostname: "127.0.0.1" }, (info) => {
  console.log(`trade desk on http://127.0.0.1:${info.port}/trades/screen`);
});
