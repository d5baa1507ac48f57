import { describe, expect, it } from "vitest";
import { safeRedirect } from "./guard.server";

describe("safeRedirect", () => {
  it("keeps paths on this site", () => {
    expect(safeRedirect("/people?country=GR#top")).toBe("/people?country=GR#top");
    expect(safeRedirect("/networks/abc")).toBe("/networks/abc");
  });

  it("refuses anything a browser could take to another site", () => {
    for (const target of [
      "//evil.example/",
      "/\t/evil.example/x",
      "/\n/evil.example",
      "/\\evil.example",
      "/..//evil.example",
      "/.//evil.example",
      "/%2e%2e//evil.example",
      "/a/../..//evil.example",
      "/%2F/evil.example",
      "/%5Cevil.example",
      "%2F%2Fevil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      " /people",
      "",
      undefined,
      42,
    ]) {
      expect(safeRedirect(target), String(target)).toBe("/");
    }
  });
});
