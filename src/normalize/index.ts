export * from "./normalize-name";
export * from "./skeleton";
export * from "./strip-controls";
export * from "./fold-lookalikes";
export * from "./transliterate";
export * from "./token-tables";
