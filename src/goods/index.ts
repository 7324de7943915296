/**
 * Controlled-goods matching: the sourced goods catalogue (`lists/goods/controlled-items.json`), its
 * loader and `matchGoods` for free-text goods descriptions and codes. The only fuse.js user.
 */
export * from "./match-goods";
export * from "./load-goods-catalogue";
