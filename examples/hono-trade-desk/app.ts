/**
 * A trade-desk backend endpoint on Hono: `POST /trades/screen` takes a trade (parties, goods,
 * route, date) and answers the transaction outcome from `screenTransaction`, with every finding
 * explained. A bad trade is a 400 naming each bad field; nothing is logged.
 */
import { Hono } from "hono";
import { InputError, screenTransaction, type GoodsCatalogue, type RulePack, type Screener } from "sanctions-screen";

/** What the desk screens against: names, the dated rule pack and the goods catalogue. */
export interface TradeDesk {
  readonly screener: Screener;
  readonly rulePack: RulePack;
  readonly goods: GoodsCatalogue;
}

export function createTradeDeskApp(desk: TradeDesk): Hono {
  const app = new Hono();
  app.post("/trades/screen", async (c) => {
    let trade: unknown;
    try {
      trade = await c.req.json();
    } catch {
      return c.json({ error: "expected a JSON trade" }, 400);
    }
    try {
      const result = screenTransaction(trade as Parameters<typeof screenTransaction>[0], desk);
      // The desk blocks on alert, queues a review, books a clear; the result says why.
      return c.json({ outcome: result.outcome, deciding: result.deciding, findings: result.findings.map((f) => ({ decision: f.decision, summary: f.summary })), result });
    } catch (error) {
      if (error instanceof InputError) return c.json({ error: error.message, issues: error.issues }, 400);
      throw error;
    }
  });
  return app;
}
