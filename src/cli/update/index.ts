export * from "./sources";
export * from "./download-file";
export * from "./list-set";
export * from "./resolve-eu-fsf";
export * from "./installed-set";
export * from "./set-snapshot";
