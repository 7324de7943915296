import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { syncLibraryVersion } from "../../scripts/sync-library-version";

const FILE = readFileSync(new URL("../../src/screen/library-version.ts", import.meta.url), "utf8");
const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string; scripts: Record<string, string> };

describe("npm run version keeps the library version in step with package.json", () => {
  it("writes the new version into the LIBRARY constant and its example", () => {
    const next = syncLibraryVersion(FILE, "0.1.0");
    expect(next).toContain('export const LIBRARY = Object.freeze({ name: "sanctions-screen", version: "0.1.0" });');
    expect(next).toContain('LIBRARY.version //=> "0.1.0"');
    expect(next.split("\n").length).toBe(FILE.split("\n").length);
    expect(syncLibraryVersion(FILE, pkg.version)).toBe(FILE);
  });

  it("refuses a version that is not x.y.z and a file without the constant", () => {
    expect(() => syncLibraryVersion(FILE, "next")).toThrow(/expected x\.y\.z/);
    expect(() => syncLibraryVersion("export const OTHER = 1;", "0.1.0")).toThrow(/expected the LIBRARY constant/);
  });

  it("runs after changeset version, and prepack builds what the tarball ships", () => {
    // Then the API report, which records the version as a literal type.
    expect(pkg.scripts["version"]).toBe("changeset version && tsx scripts/sync-library-version.ts && tsx scripts/api-report.ts");
    expect(pkg.scripts["prepack"]).toBe("npm run build");
  });
});
