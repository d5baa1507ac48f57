import { describe, expect, it } from "vitest";
import { isNewcomer } from "./first-visit";

describe("isNewcomer", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  it("greets someone who signed up a moment ago as new", () => {
    expect(isNewcomer(new Date("2026-12-01T11:59:00Z"), now)).toBe(true);
  });
  it("greets someone who signed up yesterday as returning", () => {
    expect(isNewcomer(new Date("2026-11-30T11:00:00Z"), now)).toBe(false);
  });
});
