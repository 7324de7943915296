export * from "./dates";
export * from "./subject";
export * from "./designation";
export * from "./list";
export * from "./iso-country";
export * from "./vocabulary";
