export * from "./run-cli";
export * from "./read-list-files";
export * from "./inspect-list";
