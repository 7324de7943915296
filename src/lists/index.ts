export * from "./source";
export * from "./loader";
export * from "./finalize-list";
export * from "./country";
export * from "./registry";
