export * from "./key-table";
export * from "./name-index";
export * from "./explain-name-match";
export * from "./identifier-index";
export * from "./serialize";
export * from "./snapshot-file";
