export * from "./page-style";
export * from "./page-script";
export * from "./render-analyst-page";
