import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startScreeningServer, type ScreeningServer } from "../../src/cli/commands/serve";

describe("serve: POST /transactions/screen over real HTTP", () => {
  let server: ScreeningServer;
  beforeAll(async () => {
    server = await startScreeningServer({ port: 0, host: "127.0.0.1" });
  });
  afterAll(() => server?.close());

  const post = (body: unknown) =>
    fetch(`${server.url}/transactions/screen`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  it("screens a whole transaction: MAZ trucks to the Army Supply Bureau, Damascus, 2018 → alert", async () => {
    const res = await post({
      date: "2018-05-01",
      parties: [
        { role: "seller", name: "Minsk Automobile Plant", country: "BY" },
        { role: "buyer", name: "Army Supply Bureau", country: "SY" },
      ],
      goods: [{ description: "MAZ trucks", quantity: 20 }],
      route: { origin: "BY", destination: "SY" },
    });
    expect(res.status).toBe(200);
    const result = (await res.json()) as { outcome: string; envelope: { asOf: string } };
    expect(result.outcome).toBe("alert");
    expect(result.envelope.asOf).toBe("2018-05-01");
  });

  it("answers 400 naming every bad field of a transaction", async () => {
    const res = await post({ date: "2018-02-30", parties: [] });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { issues: { path: string }[] } };
    expect(error.issues.map((i) => i.path)).toEqual(expect.arrayContaining(["date"]));
  });
});
