export * from "./read-batch-input";
export * from "./batch-result";
export * from "./batch-worker";
export * from "./format-progress";
export * from "./run-batch";
