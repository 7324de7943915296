/**
 * The embedded rule pack and goods catalogue (`lists/rules/rule-pack.json`,
 * `lists/goods/controlled-items.json`), imported as JSON modules through the package self-reference
 * like the embedded lists, and a transaction screener over the embedded lists.
 */
import rulePackJson from "sanctions-screen/lists/rules/rule-pack.json" with { type: "json" };
import goodsJson from "sanctions-screen/lists/goods/controlled-items.json" with { type: "json" };
import { readShippedGoodsCatalogue, type GoodsCatalogue } from "../goods";
import type { Regime } from "../model";
import { readShippedRulePack, type RulePack } from "../rules";
import { screenTransaction, type AcceptEntry, type Screener, type TransactionInput, type TransactionResult } from "../screen";

/**
 * The embedded dated rule pack (checked to equal `loadRulePack` of the same file by the tests, read
 * here without zod).
 * @example
 * embeddedRulePack().version //=> "2026-11-22.1"
 */
export function embeddedRulePack(): RulePack {
  return readShippedRulePack(rulePackJson);
}

/**
 * The embedded controlled-goods catalogue, indexed (checked to equal `loadGoodsCatalogue` of the same
 * file by the tests, read here without zod).
 * @example
 * embeddedGoodsCatalogue().entries.length //=> 15
 */
export function embeddedGoodsCatalogue(): GoodsCatalogue {
  return readShippedGoodsCatalogue(goodsJson);
}

/**
 * Options of {@link createTransactionScreener}.
 * @example
 * const options: TransactionScreenerOptions = { screener: createDefaultScreener(), jurisdictions: ["EU", "UK"], acceptList: [] };
 * createTransactionScreener(options).rulePack.version //=> "2026-11-22.1"
 */
export interface TransactionScreenerOptions {
  readonly screener: Screener;
  /** Default: the embedded rule pack. */
  readonly rulePack?: RulePack;
  /** Default: the embedded goods catalogue. */
  readonly goods?: GoodsCatalogue;
  readonly jurisdictions?: readonly Regime[];
  readonly acceptList?: readonly AcceptEntry[];
}

/**
 * A screener of whole transactions bound to a name screener, a rule pack and a goods catalogue.
 * @example
 * const desk: TransactionScreener = createDefaultTransactionScreener({ jurisdictions: ["US"] });
 * desk.screen({ date: "2018-06-01", parties: [{ role: "buyer", name: "Army Supply Bureau" }], goods: [], route: { origin: "BY", destination: "SY" } }).outcome //=> "alert"
 */
export interface TransactionScreener {
  screen(tx: TransactionInput): TransactionResult;
  /** The name screener parties are screened with. */
  readonly screener: Screener;
  readonly rulePack: RulePack;
  readonly goods: GoodsCatalogue;
}

/**
 * Binds a name screener to the embedded (or given) rule pack and goods catalogue.
 * @example
 * createTransactionScreener({ screener: createDefaultScreener() }).screen(tx).outcome //=> "alert"
 */
export function createTransactionScreener(options: TransactionScreenerOptions): TransactionScreener {
  const rulePack = options.rulePack ?? embeddedRulePack();
  const goods = options.goods ?? embeddedGoodsCatalogue();
  return {
    screener: options.screener,
    rulePack,
    goods,
    screen: (tx) =>
      screenTransaction(tx, {
        screener: options.screener,
        rulePack,
        goods,
        ...(options.jurisdictions === undefined ? {} : { jurisdictions: options.jurisdictions }),
        ...(options.acceptList === undefined ? {} : { acceptList: options.acceptList }),
      }),
  };
}
