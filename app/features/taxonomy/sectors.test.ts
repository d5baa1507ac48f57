import { describe, expect, it } from "vitest";
import { sectorFromWords, sectorName, sectorOptions } from "./vocabulary.server";

describe("sectors in plain words", () => {
  it("names a division without its code", () => {
    expect(sectorName("10", "en")).toBe("Manufacture of food products");
    expect(sectorOptions("en").some((o) => /\d/.test(o.label))).toBe(false);
    expect(sectorOptions("en")).toHaveLength(88);
  });

  it("finds the division from its words in any language, or its code", () => {
    expect(sectorFromWords("  manufacture of  FOOD products ")).toBe("10");
    expect(sectorFromWords(sectorName("10", "el"))).toBe("10");
    expect(sectorFromWords("47")).toBe("47");
    expect(sectorFromWords("10 · Manufacture of food products")).toBe("10");
    expect(sectorFromWords("04")).toBeUndefined();
    expect(sectorFromWords("bakery of dreams")).toBeUndefined();
    expect(sectorFromWords("")).toBeUndefined();
  });
});
