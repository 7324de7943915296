export * from "./run-cli";
export * from "./command";
export * from "./read-list-files";
export * from "./inspect-list";
export * from "./prebuilt-index";
