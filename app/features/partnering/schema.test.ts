import { describe, expect, it } from "vitest";
import {
  checkDeadline,
  isRealDate,
  opportunityColumnsOf,
  opportunityFormSchema,
  reviewFormSchema,
  searchFilterSchema,
  translationFormSchema,
} from "./schema";

const base = {
  organisationId: "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f",
  kind: "offer",
  area: "business",
  partnerships: "distribution",
  language: "el",
  title: "Olive oil for Finnish delis",
  summary: "A family mill in Crete looks for a distributor.",
  naceDivision: "10",
  targetCountries: ["FI", "DE"],
  languages: ["el", "en"],
};

const errorOf = (input: Record<string, unknown>) => {
  const parsed = opportunityFormSchema.safeParse(input);
  return parsed.success
    ? null
    : Object.fromEntries(parsed.error.issues.map((i) => [i.path[0], i.message]));
};

describe("opportunityFormSchema", () => {
  it("reads single and repeated fields, and makes 'anywhere' the empty list", () => {
    const form = opportunityFormSchema.parse(base);
    expect(opportunityColumnsOf(form)).toMatchObject({
      partnerships: ["distribution"],
      targetCountries: ["FI", "DE"],
      languages: ["el", "en"],
      deadline: null,
      description: "",
    });
    const anywhere = opportunityFormSchema.parse({ ...base, targetCountries: ["anywhere", "FI"] });
    expect(opportunityColumnsOf(anywhere).targetCountries).toEqual([]);
  });

  it.each([
    [{ kind: "barter" }, "kind", "partnering.kindRequired"],
    [{ area: "" }, "area", "partnering.areaRequired"],
    [{ partnerships: [] }, "partnerships", "partnering.partnershipsRequired"],
    [{ partnerships: ["smuggling"] }, "partnerships", "partnering.partnershipsRequired"],
    [{ language: "fr" }, "language", "partnering.languageRequired"],
    [{ title: "ab" }, "title", "partnering.titleRequired"],
    [{ title: "x".repeat(121) }, "title", "partnering.titleTooLong"],
    [{ summary: "x".repeat(301) }, "summary", "partnering.summaryTooLong"],
    [{ summary: undefined }, "summary", "partnering.summaryRequired"],
    [{ description: "x".repeat(5001) }, "description", "partnering.descriptionTooLong"],
    [{ brings: "x".repeat(1001) }, "brings", "partnering.bringsTooLong"],
    [{ seeks: "x".repeat(1001) }, "seeks", "partnering.seeksTooLong"],
    [{ naceDivision: "1" }, "naceDivision", "partnering.sectorRequired"],
    [{ targetCountries: ["fi"] }, "targetCountries", "partnering.countryInvalid"],
    [{ languages: [] }, "languages", "partnering.languagesRequired"],
    [{ deadline: "2027-02-30" }, "deadline", "partnering.deadlineInvalid"],
    [{ organisationId: "mine" }, "organisationId", "partnering.organisationRequired"],
  ])("%o → %s %s", (overrides, field, key) => {
    expect(errorOf({ ...base, ...overrides })?.[field]).toBe(key);
  });

  it("takes the limits exactly", () => {
    expect(
      errorOf({
        ...base,
        title: "x".repeat(120),
        summary: "x".repeat(300),
        description: "x".repeat(5000),
        brings: "x".repeat(1000),
        seeks: "x".repeat(1000),
      }),
    ).toBeNull();
  });
});

describe("deadlines", () => {
  it("refuses a deadline before today, takes today and none", () => {
    expect(checkDeadline("2026-11-30", "2026-12-01")).toBe("partnering.deadlinePast");
    expect(checkDeadline("2026-12-01", "2026-12-01")).toBeNull();
    expect(checkDeadline("", "2026-12-01")).toBeNull();
    expect(isRealDate("0000-01-01")).toBe(false);
  });
});

describe("translation and review forms", () => {
  it("needs title and summary unless all is empty", () => {
    expect(translationFormSchema.safeParse({ language: "de" }).success).toBe(true);
    const half = translationFormSchema.safeParse({ language: "de", description: "Text" });
    expect(half.success).toBe(false);
    expect(translationFormSchema.safeParse({ language: "xx", title: "Titel" }).success).toBe(false);
  });

  it("needs a note to send back", () => {
    expect(reviewFormSchema.safeParse({ intent: "approve" }).success).toBe(true);
    const bare = reviewFormSchema.safeParse({ intent: "return", note: " " });
    expect(bare.success ? null : bare.error.issues[0]?.message).toBe("partnering.noteRequired");
  });
});

describe("searchFilterSchema", () => {
  it("takes known shapes and refuses others", () => {
    expect(
      searchFilterSchema.safeParse({ kind: "request", country: "FI", openUntil: "2027-01-01" })
        .success,
    ).toBe(true);
    expect(searchFilterSchema.safeParse({ kind: "gift" }).success).toBe(false);
    expect(searchFilterSchema.safeParse({ openUntil: "soon" }).success).toBe(false);
  });
});
