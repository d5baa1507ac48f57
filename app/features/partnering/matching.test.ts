import { describe, expect, it } from "vitest";
import {
  type CandidateFacts,
  daysBetween,
  explain,
  type OrganisationFacts,
  WEIGHTS,
} from "./matching";
import { areNeighbours, fitsRole, neighboursOf } from "./sector-neighbours";

const TODAY = "2026-12-01";

/** A wholesaler in Tampere speaking Finnish and English. */
const tampere: OrganisationFacts = {
  country: "FI",
  division: "46",
  languages: ["fi", "en"],
  own: [],
  networks: new Map([["net-1", "Nordic Food Owners"]]),
};

/** An Irish cheesemaker seeking a distributor in Finland, in English. */
const cork: CandidateFacts = {
  kind: "request",
  partnerships: ["distribution"],
  division: "10",
  targetCountries: ["FI"],
  languages: ["en"],
  deadline: null,
  networkIds: [],
};

const keys = (list: { key: string }[]) => list.map((r) => r.key);

describe("explain", () => {
  it("explains the Cork cheese for a Tampere wholesaler: country, role, neighbours, language", () => {
    const result = explain(tampere, cork, TODAY);
    expect(keys(result.reasons)).toEqual([
      "matches.reason.roleFitRequest",
      "matches.reason.theySeekYourCountry",
      "matches.reason.neighbourSectors",
      "matches.reason.sharedLanguages",
    ]);
    expect(result.reasons[0].facts).toEqual({ partnership: "distribution", division: "46" });
    expect(result.reasons[1].facts).toEqual({ country: "FI" });
    expect(result.reasons[2].facts).toEqual({ from: "10", to: "46" });
    expect(result.reasons[3].facts).toEqual({ languages: ["en"] });
    expect(result.lowers).toEqual([]);
    expect(result.score).toBe(
      WEIGHTS.roleFit +
        WEIGHTS.theySeekYourCountry +
        WEIGHTS.neighbourSectors +
        WEIGHTS.sharedLanguages,
    );
  });

  it("says what lowers it: no language in common, not their country, a deadline in 3 days", () => {
    const result = explain(
      { ...tampere, languages: ["fi"] },
      { ...cork, targetCountries: ["SE"], deadline: "2026-12-04" },
      TODAY,
    );
    expect(keys(result.lowers)).toEqual([
      "matches.lower.notYourCountry",
      "matches.lower.noLanguage",
      "matches.lower.deadlineSoon",
    ]);
    expect(result.lowers[2].facts).toEqual({ days: 3 });
    expect(keys(result.reasons)).not.toContain("matches.reason.theySeekYourCountry");
  });

  it("never goes below 0 nor above 100", () => {
    const worst = explain(
      { ...tampere, division: "85", languages: ["ro"] },
      { ...cork, targetCountries: ["SE"], deadline: TODAY },
      TODAY,
    );
    expect(worst.score).toBe(0);
    const best = explain(
      {
        ...tampere,
        own: [{ kind: "offer", partnerships: ["distribution"] }],
      },
      { ...cork, division: "46", networkIds: ["net-1"], partnerships: ["distribution"] },
      TODAY,
    );
    expect(best.score).toBe(100);
  });

  it("names a shared network by its name, only when the publisher is in one of ours", () => {
    expect(explain(tampere, { ...cork, networkIds: ["net-2"] }, TODAY).reasons).not.toContainEqual(
      expect.objectContaining({ key: "matches.reason.sharedNetwork" }),
    );
    expect(
      explain(tampere, { ...cork, networkIds: ["net-2", "net-1"] }, TODAY).reasons,
    ).toContainEqual({
      key: "matches.reason.sharedNetwork",
      facts: { network: "Nordic Food Owners" },
    });
  });

  it("finds the mirror: we offer what they request, or request what they offer", () => {
    const offering = {
      ...tampere,
      own: [{ kind: "offer" as const, partnerships: ["distribution"] }],
    };
    expect(explain(offering, cork, TODAY).reasons).toContainEqual({
      key: "matches.reason.mirrorOffer",
      facts: { partnership: "distribution" },
    });
    const requesting = {
      ...tampere,
      own: [{ kind: "request" as const, partnerships: ["supplier", "licensing"] }],
    };
    expect(
      explain(requesting, { ...cork, kind: "offer", partnerships: ["licensing"] }, TODAY).reasons,
    ).toContainEqual({ key: "matches.reason.mirrorRequest", facts: { partnership: "licensing" } });
    // The same kind is no mirror: two requests for distribution do not fit each other.
    const sameKind = {
      ...tampere,
      own: [{ kind: "request" as const, partnerships: ["distribution"] }],
    };
    expect(keys(explain(sameKind, cork, TODAY).reasons)).not.toContain(
      "matches.reason.mirrorOffer",
    );
  });

  it("welcomes any country when they name none, and says the same sector", () => {
    const result = explain(tampere, { ...cork, targetCountries: [], division: "46" }, TODAY);
    expect(keys(result.reasons)).toContain("matches.reason.anyCountry");
    // They offer distribution to a producer: the offer's wording.
    const producer = explain(
      { ...tampere, division: "10" },
      { ...cork, kind: "offer", division: "46" },
      TODAY,
    );
    expect(producer.reasons[0]).toEqual({
      key: "matches.reason.roleFitOffer",
      facts: { partnership: "distribution", division: "10" },
    });
    expect(result.reasons).toContainEqual({
      key: "matches.reason.sameSector",
      facts: { division: "46" },
    });
    expect(keys(result.reasons)).not.toContain("matches.reason.neighbourSectors");
  });

  it("ignores deadlines passed or further than a week", () => {
    for (const deadline of ["2026-11-30", "2026-12-09", "2027-03-01"]) {
      expect(keys(explain(tampere, { ...cork, deadline }, TODAY).lowers)).toEqual([]);
    }
    expect(explain(tampere, { ...cork, deadline: "2026-12-08" }, TODAY).lowers[0].facts).toEqual({
      days: 7,
    });
  });

  it("an organisation without a division gets no sector or role reason", () => {
    const result = explain({ ...tampere, division: null }, cork, TODAY);
    expect(keys(result.reasons)).toEqual([
      "matches.reason.theySeekYourCountry",
      "matches.reason.sharedLanguages",
    ]);
  });
});

describe("sector neighbours and roles", () => {
  it.each([
    ["01", "46", true],
    ["46", "01", true],
    ["10", "56", true],
    ["13", "47", true],
    ["16", "43", true],
    ["62", "73", true],
    ["73", "62", true],
    ["10", "10", false],
    ["10", "62", false],
    [null, "46", false],
  ] as const)("%s and %s are neighbours: %s", (a, b, expected) => {
    expect(areNeighbours(a, b)).toBe(expected);
  });

  it("lists a division's neighbours sorted", () => {
    expect(neighboursOf("11")).toEqual(["01", "10", "46", "47", "56"]);
    expect(neighboursOf(null)).toEqual([]);
  });

  it.each([
    // They request distribution: a trader fits, a cheesemaker does not.
    ["distribution", "request", "46", "10", true],
    ["distribution", "request", "10", "10", false],
    // They offer distribution: a producer fits.
    ["distribution", "offer", "10", "46", true],
    ["distribution", "offer", "47", "46", false],
    // They seek a supplier: a manufacturer or farm fits.
    ["supplier", "request", "01", "56", true],
    ["supplier", "request", "62", "56", false],
    // Subcontracting: the same or a neighbouring division.
    ["subcontracting", "request", "43", "43", true],
    ["subcontracting", "request", "71", "43", true],
    ["subcontracting", "request", "10", "43", false],
    // No sector part for learning together.
    ["learn_together", "request", "46", "10", false],
    ["distribution", "request", null, "10", false],
  ] as const)("%s %s, we are %s, they %s: %s", (partnership, kind, ours, theirs, expected) => {
    expect(fitsRole(partnership, kind, ours, theirs)).toBe(expected);
  });

  it("counts whole days between dates", () => {
    expect(daysBetween("2026-12-01", "2026-12-04")).toBe(3);
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-12-01", "2026-11-30")).toBe(-1);
  });
});
