/**
 * A counterparty-fixture suite as a team would write it: its book of counterparties, each with the
 * outcome the team expects, screened against the embedded lists on a fixed day; plus its own
 * internal watchlist as a fixture list. When a list update or a library upgrade changes an outcome,
 * the failing matcher prints the explanation (every hit's summary) in the test output.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Screener, ScreenInput } from "sanctions-screen";
import { createDefaultScreener } from "sanctions-screen/lists";
import { createFixtureScreener, screeningMatchers, type ScreeningMatchers } from "sanctions-screen/testing";

declare module "vitest" {
  interface Assertion<T> extends ScreeningMatchers<T> {}
}
expect.extend(screeningMatchers);

interface Counterparty {
  readonly key: string;
  readonly input: ScreenInput;
  readonly expect: "alert" | "clear" | "unscreenable";
  readonly record?: string;
}
const book = JSON.parse(readFileSync(new URL("./counterparties.json", import.meta.url), "utf8")) as { asOf: string; counterparties: Counterparty[] };

let screener: Screener;
beforeAll(() => {
  // From the list-set snapshot the package ships (loaded by itself): no index build in the test run.
  screener = createDefaultScreener({ today: book.asOf });
});

describe("our counterparties against the embedded lists", () => {
  it.each(book.counterparties)("$key $input.name: $expect", (cp) => {
    const result = screener.screen(cp.input);
    if (cp.expect === "alert") expect(result).toAlertOn(cp.record as string);
    // The embedded snapshots are never current: "no record matched" is a stale clear against them
    // (against an installed, current set it is a clear).
    else if (cp.expect === "clear") expect(result).toStaleClear();
    else expect(result).toBeUnscreenable();
  });
});

describe("our internal watchlist", () => {
  const watchlist = createFixtureScreener(
    [
      { id: "wl-17", names: ["KESTREL FREIGHT FZE", "KESTREL LOGISTICS"], programs: ["INTERNAL-HOLD"], listedOn: "2025-06-01" },
      { id: "wl-18", type: "person", names: ["OKONKWO, Chidi"], programs: ["INTERNAL-HOLD"], birthDates: ["1975"] },
    ],
    { listId: "watchlist", today: book.asOf },
  );

  it("holds the freight forwarder under either name, not before it was added", () => {
    expect(watchlist.screen({ name: "Kestrel Freight FZE" })).toAlertOn("watchlist:wl-17");
    expect(watchlist.screen({ name: "Kestrel Logistics" })).toAlertOn("watchlist:wl-17");
    expect(watchlist.screen({ name: "Kestrel Freight FZE", asOf: "2025-01-01" })).not.toAlertOn("watchlist:wl-17");
  });

  it("does not hold an unrelated company", () => {
    expect(watchlist.screen({ name: "Falcon Freight GmbH" })).toClear();
  });
});
