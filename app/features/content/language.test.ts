import { describe, expect, it } from "vitest";
import { contentLang, contentLanguageSchema } from "./language";

describe("contentLanguageSchema", () => {
  it("takes the six languages and reads a missing or empty field as not said", () => {
    expect(contentLanguageSchema.parse("el")).toBe("el");
    expect(contentLanguageSchema.parse(undefined)).toBeNull();
    expect(contentLanguageSchema.parse("")).toBeNull();
  });

  it("refuses anything else with a catalogue key", () => {
    for (const value of ["xx", "EL", "el-GR", "english", ["el", "de"], 3]) {
      const parsed = contentLanguageSchema.safeParse(value);
      expect(parsed.success, String(value)).toBe(false);
      expect(parsed.error?.issues[0].message).toBe("content.languageInvalid");
    }
  });
});

describe("contentLang", () => {
  it("marks only a said language that differs from the page's", () => {
    expect(contentLang("el", "en")).toBe("el");
    expect(contentLang("en", "en")).toBeUndefined();
    expect(contentLang(null, "en")).toBeUndefined();
    expect(contentLang("xx", "en")).toBeUndefined();
  });
});
