export * from "./profiles";
export * from "./screen-input";
export * from "./screener-options";
export * from "./create-screener";
