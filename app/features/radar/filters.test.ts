import { describe, expect, it } from "vitest";
import { isDomainError } from "~/lib/errors";
import { distanceIndex, isShown, radarQuery, readRadarFilters, shownGroups } from "./filters";

const read = (query: string) => readRadarFilters(new URLSearchParams(query));

describe("readRadarFilters", () => {
  it("defaults to the last 12 months and drops empty fields", () => {
    expect(read("")).toEqual({ period: "12" });
    expect(read("topic=&country=&period=")).toEqual({ period: "12" });
  });

  it("keeps valid filters", () => {
    expect(
      read(
        "topic=topic:cash-flow&country=GR&region=Attica&section=C&division=10&period=all&network=6f1c2c1e-1b1a-4f7a-9d55-2c1f3c1e0a11",
      ),
    ).toEqual({
      topic: "topic:cash-flow",
      country: "GR",
      region: "Attica",
      section: "C",
      division: "10",
      network: "6f1c2c1e-1b1a-4f7a-9d55-2c1f3c1e0a11",
      period: "all",
    });
  });

  it.each([
    "period=5",
    "country=greece",
    "network=nope",
    "section=CC",
    "division=1",
    "topic=cash flow",
  ])("refuses %s with a 400", (query) => {
    try {
      read(query);
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.status).toBe(400);
    }
  });
});

describe("radarQuery", () => {
  it("round-trips and leaves the default period out", () => {
    expect(radarQuery({ period: "12" })).toBe("");
    const filters = read("country=GR&period=3");
    expect(readRadarFilters(new URLSearchParams(radarQuery(filters).slice(1)))).toEqual(filters);
  });
});

describe("distanceIndex and suppression", () => {
  it("is unreached weight over open weight, none for an empty set", () => {
    expect(distanceIndex(40, 12)).toBe(0.3);
    expect(distanceIndex(0, 0)).toBeNull();
  });
  it("hides groups under three needs or three people", () => {
    expect(isShown({ needs: 3, people: 3 })).toBe(true);
    expect(isShown({ needs: 2, people: 5 })).toBe(false);
    expect(isShown({ needs: 9, people: 2 })).toBe(false);
  });
});

describe("shownGroups", () => {
  const g = (key: string, needs: number, people = needs) => ({ key, needs, people });
  it("shows every large group when none or several are small", () => {
    expect(shownGroups([g("a", 5), g("b", 3)]).map((x) => x.key)).toEqual(["a", "b"]);
    expect(shownGroups([g("a", 5), g("b", 1), g("c", 2)]).map((x) => x.key)).toEqual(["a"]);
  });
  it("hides the smallest shown group too when exactly one is small (total minus the rest)", () => {
    expect(shownGroups([g("a", 9), g("b", 4), g("c", 1)]).map((x) => x.key)).toEqual(["a"]);
    // Few people count as small even with many needs.
    expect(shownGroups([g("a", 9), g("b", 4), g("c", 6, 2)]).map((x) => x.key)).toEqual(["a"]);
  });
  it("has nothing to protect when everything is small", () => {
    expect(shownGroups([g("a", 2)])).toEqual([]);
  });
});
