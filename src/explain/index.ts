export * from "./hit";
export * from "./render-summary";
export * from "./name-reason";
export * from "./build-hit";
