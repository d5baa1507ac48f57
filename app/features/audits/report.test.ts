import { describe, expect, it } from "vitest";
import { MIN_GROUP, suppress } from "./report.server";

describe("suppress", () => {
  it("shows groups of at least 3 respondents, biggest first, and only counts the smaller ones", () => {
    expect(MIN_GROUP).toBe(3);
    const table = suppress(
      [
        { key: "G", respondents: 3 },
        { key: "C", respondents: 2 },
        { key: null, respondents: 1 },
        { key: "A", respondents: 9 },
      ],
      (key) => (key ? `Section ${key}` : "Not given"),
    );
    expect(table).toEqual({
      rows: [
        { key: "A", label: "Section A", respondents: 9 },
        { key: "G", label: "Section G", respondents: 3 },
      ],
      hiddenGroups: 2,
    });
    expect(JSON.stringify(table)).not.toContain("Section C");
  });
});
