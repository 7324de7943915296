export * from "./evaluate-ownership";
