/**
 * `sanctions-screen/testing`: helpers for a team's own tests of its counterparty fixtures —
 * `expect` matchers for vitest and jest (`toAlertOn`, `toClear`, `toBeUnscreenable`) that print the
 * explanation when they fail, and builders for small designation lists.
 */
export { buildDesignation, buildFixtureList, createFixtureScreener, type BuildFixtureListOptions, type DesignationFixture } from "./build-fixtures";
export { screeningMatchers, type MatcherResult, type ScreeningMatchers, type ScreeningResult } from "./screening-matchers";
