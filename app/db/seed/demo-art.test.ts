import { describe, expect, it } from "vitest";
import { coverSvg, portraitSvg, randomFrom } from "./demo-art";

describe("demo art", () => {
  it("draws the same picture for the same key, and another for another key", () => {
    expect(portraitSvg("aoife-byrne")).toBe(portraitSvg("aoife-byrne"));
    expect(portraitSvg("aoife-byrne")).not.toBe(portraitSvg("jurgen-weber"));
    expect(coverSvg("cork", "local")).toBe(coverSvg("cork", "local"));
    expect(coverSvg("cork", "local")).not.toBe(coverSvg("cork", "online"));
  });

  it("writes well-formed SVG of the sizes the pages use", () => {
    for (const svg of [
      portraitSvg("x"),
      coverSvg("y", "local"),
      coverSvg("y", "online"),
      coverSvg("y", "cross_border"),
    ]) {
      expect(svg.startsWith("<svg")).toBe(true);
      expect(svg).not.toMatch(/NaN|undefined/);
      expect(svg.match(/</g)?.length).toBeGreaterThan(3);
    }
    expect(portraitSvg("x")).toContain('viewBox="0 0 256 256"');
    expect(coverSvg("y", "online")).toContain('viewBox="0 0 1200 300"');
  });

  it("spreads its random numbers over [0, 1)", () => {
    const random = randomFrom("spread");
    const values = Array.from({ length: 1000 }, random);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.filter((v) => v < 0.5).length).toBeGreaterThan(400);
  });
});
