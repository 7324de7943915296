export * from "./partial-date";
export * from "./basis-status";
