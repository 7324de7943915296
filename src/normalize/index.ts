export * from "./normalize-name";
export * from "./skeleton";
export * from "./strip-controls";
export * from "./fold-lookalikes";
export * from "./transliterate";
export * from "./token-tables";
export * from "./number-words";
export * from "./name-tables.generated";
