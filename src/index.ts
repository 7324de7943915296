export * from "./errors";
export * from "./model";
export * from "./lists";
export * from "./dates";
