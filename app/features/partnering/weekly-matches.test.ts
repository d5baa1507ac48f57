import { describe, expect, it } from "vitest";
import { partnershipTypes } from "~/db/enums";
import { explain } from "./matching";
import {
  isoWeek,
  NewMatchCounter,
  type OrganisationToScore,
  type RecentOpportunity,
} from "./weekly-matches";

const TODAY = "2026-12-01";
const MIN = 40;

describe("isoWeek", () => {
  it.each([
    ["2026-12-01T04:00:00Z", "2026-W49"],
    ["2026-11-30T00:00:00Z", "2026-W49"],
    ["2026-12-06T23:59:59Z", "2026-W49"],
    ["2026-12-07T00:00:00Z", "2026-W50"],
    // The first days of a year can belong to the last week of the year before, and the
    // reverse.
    ["2021-01-01T12:00:00Z", "2020-W53"],
    ["2024-12-30T12:00:00Z", "2025-W01"],
    ["2027-01-03T12:00:00Z", "2026-W53"],
  ])("%s is %s", (moment, week) => {
    expect(isoWeek(new Date(moment))).toBe(week);
  });
});

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, items: readonly T[]): T =>
  items[Math.floor(next() * items.length)];
const some = <T>(next: () => number, items: readonly T[], max: number): T[] => {
  const count = Math.floor(next() * (max + 1));
  return [...new Set(Array.from({ length: count }, () => pick(next, items)))];
};

// Divisions with neighbours and role fits among them (food, trade, farming, IT, education).
const DIVISIONS = ["01", "10", "11", "46", "47", "56", "62", "85"];
const COUNTRIES = ["FI", "IE", "IT", "RO"];
const LANGUAGES = ["en", "fi", "it", "ro"];
const NETWORKS = ["n1", "n2", "n3"];
const DEADLINES = [null, null, "2026-12-01", "2026-12-04", "2026-12-08", "2026-12-09"];

function organisation(next: () => number, id: string): OrganisationToScore {
  return {
    id,
    country: pick(next, COUNTRIES),
    division: next() < 0.1 ? null : pick(next, DIVISIONS),
    languages: some(next, LANGUAGES, 2),
    own: Array.from({ length: next() < 0.7 ? 0 : 2 }, () => ({
      kind: pick(next, ["offer", "request"] as const),
      partnerships: some(next, partnershipTypes, 2),
    })),
    networks: new Map(some(next, NETWORKS, 2).map((n) => [n, n])),
  };
}

function opportunity(next: () => number, id: string, orgIds: string[]): RecentOpportunity {
  return {
    id,
    organisationId: pick(next, orgIds),
    kind: pick(next, ["offer", "request"] as const),
    partnerships: [pick(next, partnershipTypes), ...some(next, partnershipTypes, 1)],
    division: pick(next, DIVISIONS),
    targetCountries: some(next, COUNTRIES, 2),
    languages: [pick(next, LANGUAGES), ...some(next, LANGUAGES, 1)],
    deadline: pick(next, DEADLINES),
    networkIds: some(next, NETWORKS, 2),
  };
}

/** What the matches page would count: its candidate filter, then explain() itself. */
function bruteForce(
  org: OrganisationToScore,
  recent: RecentOpportunity[],
  interested: ReadonlySet<string>,
): number {
  return recent.filter(
    (o) =>
      o.organisationId !== org.id &&
      !interested.has(o.id) &&
      (o.targetCountries.length === 0 ||
        o.targetCountries.includes(org.country) ||
        o.languages.some((l) => org.languages.includes(l))) &&
      explain(org, o, TODAY).score >= MIN,
  ).length;
}

describe("NewMatchCounter", () => {
  it("counts exactly what explain() scores ≥ the minimum, over 200 organisations × 400 opportunities", () => {
    const next = random(12);
    const orgs = Array.from({ length: 200 }, (_, i) => organisation(next, `org-${i}`));
    const recent = Array.from({ length: 400 }, (_, i) =>
      opportunity(
        next,
        `opp-${i}`,
        orgs.map((o) => o.id),
      ),
    );
    const counter = new NewMatchCounter(recent, TODAY, MIN);
    let total = 0;
    for (const org of orgs) {
      const interested = new Set(some(next, recent, 3).map((o) => o.id));
      const expected = bruteForce(org, recent, interested);
      expect(counter.count(org, interested), org.id).toBe(expected);
      total += expected;
    }
    // The data reach both sides of the minimum.
    expect(total).toBeGreaterThan(200);
    expect(total).toBeLessThan(200 * 400 * 0.8);
  });

  it("leaves out the organisation's own opportunities, those it showed interest in, and non-candidates", () => {
    const fi: OrganisationToScore = {
      id: "tampere",
      country: "FI",
      division: "46",
      languages: ["fi", "en"],
      own: [],
      networks: new Map(),
    };
    const base: RecentOpportunity = {
      id: "good",
      organisationId: "cork",
      kind: "request",
      partnerships: ["distribution"],
      division: "10",
      targetCountries: ["FI"],
      languages: ["en"],
      deadline: null,
      networkIds: [],
    };
    const recent: RecentOpportunity[] = [
      base,
      { ...base, id: "own", organisationId: "tampere" },
      { ...base, id: "interested" },
      // Sweden only, in Swedish: not a candidate however well the sectors fit.
      { ...base, id: "elsewhere", targetCountries: ["SE"], languages: ["sv"] },
    ];
    const counter = new NewMatchCounter(recent, TODAY, MIN);
    expect(counter.count(fi, new Set(["interested"]))).toBe(1);
    expect(counter.count(fi)).toBe(2);
    // Scratch flags are cleared between organisations: another one starts from nothing.
    expect(counter.count({ ...fi, id: "other", country: "RO", languages: ["ro"] })).toBe(0);
  });

  it("checks the mirror on the names when the week has more partnership names than bits", () => {
    const names = Array.from({ length: 40 }, (_, i) => `p${i}`);
    const next = random(7);
    const orgs = Array.from({ length: 60 }, (_, i) => ({
      ...organisation(next, `org-${i}`),
      own: [
        { kind: pick(next, ["offer", "request"] as const), partnerships: some(next, names, 3) },
      ],
    }));
    const recent = Array.from({ length: 200 }, (_, i) => ({
      ...opportunity(
        next,
        `opp-${i}`,
        orgs.map((o) => o.id),
      ),
      partnerships: [pick(next, names), pick(next, partnershipTypes)],
    }));
    const counter = new NewMatchCounter(recent, TODAY, MIN);
    for (const org of orgs) {
      expect(counter.count(org), org.id).toBe(bruteForce(org, recent, new Set()));
    }
  });
});
