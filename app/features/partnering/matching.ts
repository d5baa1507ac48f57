/**
 * Explained matches (issue 12 item 2): how well a published opportunity fits an organisation,
 * as a score from 0 to 100 with the reasons in words. Pure: the facts come in, message keys with
 * their facts go out (codes, not names: the page names countries, languages and sectors in the
 * reader's language). No database, no clock (today comes in), so the table tests pin it.
 */
import { areNeighbours, fitsRole } from "./sector-neighbours";

export type OpportunityKind = "offer" | "request";

/** What is known of the organisation the matches are for. */
export type OrganisationFacts = {
  country: string;
  /** NACE division, null for a provider without one. */
  division: string | null;
  /** The working languages: those of its active members' profiles. */
  languages: readonly string[];
  /** Its own published, not expired opportunities. */
  own: readonly { kind: OpportunityKind; partnerships: readonly string[] }[];
  /** Networks an active member of it is an active member of (id → name). */
  networks: ReadonlyMap<string, string>;
};

/** What is known of a candidate opportunity and the organisation that published it. */
export type CandidateFacts = {
  kind: OpportunityKind;
  partnerships: readonly string[];
  division: string;
  targetCountries: readonly string[];
  languages: readonly string[];
  /** The last day interest is taken ("YYYY-MM-DD"), or null. */
  deadline: string | null;
  /** Networks an active member of the publisher is an active member of. */
  networkIds: readonly string[];
};

/** One reason, as a message key and the facts it names (codes, translated by the page). */
export type MatchReason = {
  key: MatchReasonKey;
  facts: {
    country?: string;
    languages?: string[];
    from?: string;
    to?: string;
    division?: string;
    partnership?: string;
    network?: string;
    days?: number;
  };
};

export type MatchReasonKey =
  | "matches.reason.theySeekYourCountry"
  | "matches.reason.anyCountry"
  | "matches.reason.roleFitRequest"
  | "matches.reason.roleFitOffer"
  | "matches.reason.sameSector"
  | "matches.reason.neighbourSectors"
  | "matches.reason.sharedLanguages"
  | "matches.reason.sharedNetwork"
  | "matches.reason.mirrorOffer"
  | "matches.reason.mirrorRequest"
  | "matches.lower.noLanguage"
  | "matches.lower.notYourCountry"
  | "matches.lower.deadlineSoon";

export type MatchExplanation = {
  score: number;
  reasons: MatchReason[];
  lowers: MatchReason[];
};

/** What each reason adds (and each lowering takes away); the sum is held within 0–100. */
export const WEIGHTS = {
  theySeekYourCountry: 20,
  anyCountry: 10,
  roleFit: 25,
  sameSector: 15,
  neighbourSectors: 15,
  sharedLanguages: 15,
  sharedNetwork: 10,
  mirror: 20,
  noLanguage: -25,
  notYourCountry: -30,
  deadlineSoon: -10,
} as const;

/** A deadline this many days away or nearer lowers the score (they will decide soon). */
export const DEADLINE_SOON_DAYS = 7;

/** Whole days from `today` to `day` (both "YYYY-MM-DD"). */
export function daysBetween(today: string, day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

const opposite = (kind: OpportunityKind): OpportunityKind =>
  kind === "offer" ? "request" : "offer";

/**
 * Scores one candidate for one organisation and says why. The order of `reasons` is the order
 * of their weight (strongest first), so a page may show the first few.
 */
export function explain(
  org: OrganisationFacts,
  candidate: CandidateFacts,
  today: string,
): MatchExplanation {
  const reasons: (MatchReason & { weight: number })[] = [];
  const lowers: (MatchReason & { weight: number })[] = [];

  if (candidate.targetCountries.length === 0) {
    reasons.push({ key: "matches.reason.anyCountry", facts: {}, weight: WEIGHTS.anyCountry });
  } else if (candidate.targetCountries.includes(org.country)) {
    reasons.push({
      key: "matches.reason.theySeekYourCountry",
      facts: { country: org.country },
      weight: WEIGHTS.theySeekYourCountry,
    });
  } else {
    lowers.push({
      key: "matches.lower.notYourCountry",
      facts: { country: org.country },
      weight: WEIGHTS.notYourCountry,
    });
  }

  const role = candidate.partnerships.find((p) =>
    fitsRole(p, candidate.kind, org.division, candidate.division),
  );
  if (role && org.division) {
    reasons.push({
      key:
        candidate.kind === "request"
          ? "matches.reason.roleFitRequest"
          : "matches.reason.roleFitOffer",
      facts: { partnership: role, division: org.division },
      weight: WEIGHTS.roleFit,
    });
  }

  if (org.division && org.division === candidate.division) {
    reasons.push({
      key: "matches.reason.sameSector",
      facts: { division: org.division },
      weight: WEIGHTS.sameSector,
    });
  } else if (areNeighbours(candidate.division, org.division)) {
    reasons.push({
      key: "matches.reason.neighbourSectors",
      facts: { from: candidate.division, to: org.division ?? "" },
      weight: WEIGHTS.neighbourSectors,
    });
  }

  const shared = [...new Set(candidate.languages.filter((l) => org.languages.includes(l)))];
  if (shared.length > 0) {
    reasons.push({
      key: "matches.reason.sharedLanguages",
      facts: { languages: shared.sort() },
      weight: WEIGHTS.sharedLanguages,
    });
  } else {
    lowers.push({ key: "matches.lower.noLanguage", facts: {}, weight: WEIGHTS.noLanguage });
  }

  const network = candidate.networkIds.find((id) => org.networks.has(id));
  if (network) {
    reasons.push({
      key: "matches.reason.sharedNetwork",
      facts: { network: org.networks.get(network) ?? "" },
      weight: WEIGHTS.sharedNetwork,
    });
  }

  // The mirror: the organisation published the opposite kind for a partnership they name.
  const mirror = candidate.partnerships.find((p) =>
    org.own.some((o) => o.kind === opposite(candidate.kind) && o.partnerships.includes(p)),
  );
  if (mirror) {
    reasons.push({
      key:
        candidate.kind === "request"
          ? "matches.reason.mirrorOffer"
          : "matches.reason.mirrorRequest",
      facts: { partnership: mirror },
      weight: WEIGHTS.mirror,
    });
  }

  if (candidate.deadline) {
    const days = daysBetween(today, candidate.deadline);
    if (days >= 0 && days <= DEADLINE_SOON_DAYS) {
      lowers.push({
        key: "matches.lower.deadlineSoon",
        facts: { days },
        weight: WEIGHTS.deadlineSoon,
      });
    }
  }

  const total = [...reasons, ...lowers].reduce((sum, r) => sum + r.weight, 0);
  const strip = (list: (MatchReason & { weight: number })[]) =>
    list
      .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
      .map(({ key, facts }) => ({ key, facts }));
  return {
    score: Math.max(0, Math.min(100, total)),
    reasons: strip(reasons),
    lowers: strip(lowers),
  };
}
