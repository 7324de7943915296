export * from "./errors";
export * from "./model";
export * from "./lists";
export * from "./dates";
export * from "./rules";
export * from "./ownership";
