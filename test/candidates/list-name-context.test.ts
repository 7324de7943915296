import { describe, expect, it } from "vitest";
import { normalizeListName } from "../../src/candidates";

describe("normalizeListName", () => {
  it("reads an untyped record's name as an organisation's when its own words say so", () => {
    expect(normalizeListName("Harbour Crest Aviation Services FZC", "unknown").context).toBe("organization");
    expect(normalizeListName("Kestrel Optics Technology Co., Ltd.", "unknown").context).toBe("organization");
    // No legal form or descriptor word: both readings stay open; a rank is no descriptor.
    expect(normalizeListName("MARTHA CHANG", "unknown").context).toBe("any");
    expect(normalizeListName("General Tomas Varga", "unknown").context).toBe("any");
  });

  it("keeps the publisher's type when there is one", () => {
    expect(normalizeListName("Nomura Holdings", "person").context).toBe("person");
    expect(normalizeListName("Kestrel", "organization").context).toBe("organization");
    expect(normalizeListName("Sea Kestrel Shipping", "vessel").context).toBe("other");
  });
});
