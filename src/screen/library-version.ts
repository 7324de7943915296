/**
 * The library's version, written here rather than read from package.json at run time: core code
 * must run on edge runtimes (no file system, no JSON import of package.json). A test
 * (`test/screen/envelope.test.ts`) fails when it drifts from package.json, so a release bump must
 * update both.
 */

/**
 * Package name and version carried in every result envelope.
 * @example
 * LIBRARY.version //=> "0.1.0"
 */
export const LIBRARY = Object.freeze({ name: "sanctions-screen", version: "0.1.0" });
