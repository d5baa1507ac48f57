import { describe, expect, it } from "vitest";
import { normaliseWebsite } from "./website";

describe("normaliseWebsite", () => {
  it.each([
    ["example.com", "https://example.com"],
    ["  www.bakery.ie/shop ", "https://www.bakery.ie/shop"],
    ["https://example.com", "https://example.com"],
    ["http://example.com/a?b=1", "http://example.com/a?b=1"],
    ["HTTPS://Example.com", "HTTPS://Example.com"],
    ["", ""],
  ])("accepts %j as %j", (input, expected) => {
    expect(normaliseWebsite(input)).toBe(expected);
  });

  it.each([
    "not a website",
    "example",
    "javascript:alert(1)",
    "ftp://example.com",
    "mailto:someone@example.com",
    "https://",
    "//example.com",
    "exa mple.com",
    "https://.com",
  ])("refuses %j", (input) => {
    expect(normaliseWebsite(input)).toBeNull();
  });
});
