/**
 * The weekly "new partnering matches" figure, pure (no database, no clock): how many of the
 * opportunities published in a week are good matches (score ≥ the digest's minimum) for each
 * organisation. Scoring every organisation against every new opportunity with `explain()` would
 * be 30,000 × 3,000 calls at the scale seed; instead each pair's score is summed from
 * look-up tables built once (country, language and network flags, the sector's
 * weights per division, the deadline, the mirror), so each pair costs a few array reads. The
 * sum is `explain()`'s, term by term: weekly-matches.test.ts compares the two over every kind of
 * pair.
 */
import {
  type CandidateFacts,
  DEADLINE_SOON_DAYS,
  daysBetween,
  type OrganisationFacts,
  WEIGHTS,
} from "./matching";
import { areNeighbours, fitsRole } from "./sector-neighbours";

/** An opportunity published in the week: visible, open, with its publisher's networks. */
export type RecentOpportunity = CandidateFacts & { id: string; organisationId: string };

/** An organisation the week's figure is computed for. */
export type OrganisationToScore = OrganisationFacts & { id: string };

/** ISO 8601 week of a moment in UTC, e.g. "2026-W49" (weeks start on Monday; week 1 holds the
 * year's first Thursday). */
export function isoWeek(moment: Date): string {
  const day = new Date(
    Date.UTC(moment.getUTCFullYear(), moment.getUTCMonth(), moment.getUTCDate()),
  );
  const weekday = day.getUTCDay() || 7;
  // The Thursday of this week decides the year.
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/**
 * The week's opportunities indexed once for scoring many organisations: which of them name a
 * country or none, which use a language, and per sector (computed on first use) what role fit
 * and sector add.
 */
export class NewMatchCounter {
  private readonly n: number;
  private readonly anyCountry: Uint8Array;
  private readonly byCountry = new Map<string, number[]>();
  private readonly byLanguage = new Map<string, number[]>();
  private readonly byNetwork = new Map<string, number[]>();
  private readonly deadline: Int8Array;
  private readonly isRequest: Uint8Array;
  /** Each opportunity's partnerships as bits (`bits`), for the mirror. */
  private readonly partnershipMask: Int32Array;
  private readonly bits = new Map<string, number>();
  /** More partnership names than bits: the mirror is checked on the names themselves. */
  private readonly byName: boolean;
  /** Each opportunity's publisher as a number (`publishers`), compared instead of ids. */
  private readonly publisher: Int32Array;
  private readonly publishers = new Map<string, number>();
  private readonly sectors = new Map<string, Int8Array>();
  // Per-organisation scratch flags, cleared after each use.
  private readonly countryFlag: Uint8Array;
  private readonly languageFlag: Uint8Array;
  private readonly networkFlag: Uint8Array;

  constructor(
    private readonly recent: readonly RecentOpportunity[],
    today: string,
    private readonly minScore: number,
  ) {
    this.n = recent.length;
    this.anyCountry = new Uint8Array(this.n);
    this.deadline = new Int8Array(this.n);
    this.countryFlag = new Uint8Array(this.n);
    this.languageFlag = new Uint8Array(this.n);
    this.networkFlag = new Uint8Array(this.n);
    this.isRequest = new Uint8Array(this.n);
    this.partnershipMask = new Int32Array(this.n);
    this.publisher = new Int32Array(this.n);
    for (const o of recent)
      for (const p of o.partnerships) if (!this.bits.has(p)) this.bits.set(p, this.bits.size);
    this.byName = this.bits.size > 31;
    recent.forEach((o, i) => {
      this.isRequest[i] = o.kind === "request" ? 1 : 0;
      this.partnershipMask[i] = this.maskOf(o.partnerships);
      if (!this.publishers.has(o.organisationId)) {
        this.publishers.set(o.organisationId, this.publishers.size);
      }
      this.publisher[i] = this.publishers.get(o.organisationId) ?? -1;
      if (o.targetCountries.length === 0) this.anyCountry[i] = 1;
      for (const country of new Set(o.targetCountries)) push(this.byCountry, country, i);
      for (const language of new Set(o.languages)) push(this.byLanguage, language, i);
      for (const network of new Set(o.networkIds)) push(this.byNetwork, network, i);
      if (o.deadline) {
        const days = daysBetween(today, o.deadline);
        if (days >= 0 && days <= DEADLINE_SOON_DAYS) this.deadline[i] = WEIGHTS.deadlineSoon;
      }
    });
  }

  /** Partnerships as bits; names no opportunity of the week has cannot mirror one, so drop. */
  private maskOf(partnerships: readonly string[]): number {
    if (this.byName) return 0;
    let mask = 0;
    for (const p of partnerships) {
      const bit = this.bits.get(p);
      if (bit !== undefined) mask |= 1 << bit;
    }
    return mask;
  }

  /** What role fit and sector add for an organisation of this division, per opportunity. */
  private sectorScores(division: string | null): Int8Array {
    const key = division ?? "";
    let scores = this.sectors.get(key);
    if (scores) return scores;
    scores = new Int8Array(this.n);
    this.recent.forEach((o, i) => {
      let score = 0;
      if (division && o.partnerships.some((p) => fitsRole(p, o.kind, division, o.division))) {
        score += WEIGHTS.roleFit;
      }
      if (division && division === o.division) score += WEIGHTS.sameSector;
      else if (areNeighbours(o.division, division)) score += WEIGHTS.neighbourSectors;
      scores[i] = score;
    });
    this.sectors.set(key, scores);
    return scores;
  }

  /**
   * How many of the week's opportunities are good matches for the organisation: candidates as
   * the matches page takes them (not its own; their countries hold its country or name none, or
   * a language in common; none it has a pending or accepted interest in, `interested`) whose
   * score is ≥ minScore. The score is `explain()`'s sum, term by term, from the tables (the
   * table test holds the two equal); `explain()` itself would cost 30 s at the scale seed.
   */
  count(org: OrganisationToScore, interested?: ReadonlySet<string>): number {
    const { countryFlag, languageFlag, networkFlag, anyCountry, deadline, recent, minScore } = this;
    const { isRequest, partnershipMask, publisher } = this;
    for (const i of this.byCountry.get(org.country) ?? []) countryFlag[i] = 1;
    for (const language of org.languages) {
      for (const i of this.byLanguage.get(language) ?? []) languageFlag[i] = 1;
    }
    for (const network of org.networks.keys()) {
      for (const i of this.byNetwork.get(network) ?? []) networkFlag[i] = 1;
    }
    const sector = this.sectorScores(org.division);
    // The partnerships of its own offers and requests (a mirror is the opposite kind's).
    const ownOffers = org.own.filter((o) => o.kind === "offer").flatMap((o) => o.partnerships);
    const ownRequests = org.own.filter((o) => o.kind === "request").flatMap((o) => o.partnerships);
    const offersMask = this.maskOf(ownOffers);
    const requestsMask = this.maskOf(ownRequests);
    const offerNames = this.byName ? new Set(ownOffers) : null;
    const requestNames = this.byName ? new Set(ownRequests) : null;
    const hasOwn = ownOffers.length + ownRequests.length > 0;
    const self = this.publishers.get(org.id) ?? -1;
    // The weights as locals: the loop below runs once per organisation and opportunity.
    const anyWeight = WEIGHTS.anyCountry;
    const seekWeight = WEIGHTS.theySeekYourCountry;
    const elsewhereWeight = WEIGHTS.notYourCountry;
    const languageWeight = WEIGHTS.sharedLanguages;
    const noLanguageWeight = WEIGHTS.noLanguage;
    const networkWeight = WEIGHTS.sharedNetwork;
    let found = 0;
    for (let i = 0; i < this.n; i++) {
      const language = languageFlag[i] === 1;
      const country = anyCountry[i] ? anyWeight : countryFlag[i] ? seekWeight : elsewhereWeight;
      // Not a candidate at all: elsewhere and no language in common.
      if (country < 0 && !language) continue;
      let score =
        country +
        sector[i] +
        (language ? languageWeight : noLanguageWeight) +
        deadline[i] +
        (networkFlag[i] ? networkWeight : 0);
      if (hasOwn) {
        const mirror =
          offerNames && requestNames
            ? recent[i].partnerships.some((p) => (isRequest[i] ? offerNames : requestNames).has(p))
            : (partnershipMask[i] & (isRequest[i] ? offersMask : requestsMask)) !== 0;
        if (mirror) score += WEIGHTS.mirror;
      }
      // The score is held within 0–100 by explain(); a minimum within that range compares alike.
      if (score < minScore) continue;
      if (publisher[i] === self || interested?.has(recent[i].id)) continue;
      found += 1;
    }
    countryFlag.fill(0);
    languageFlag.fill(0);
    networkFlag.fill(0);
    return found;
  }
}

function push(map: Map<string, number[]>, key: string, value: number) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
