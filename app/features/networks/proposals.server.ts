/**
 * Networks proposed to someone who just finished onboarding (issue 13): those that match their
 * country, languages, topics and sector (suggestNetworks), topped up with the most recently
 * active open networks they could join, so that nobody ends onboarding with nothing to join.
 */
import { countryName, languageName, topicLabel } from "~/features/taxonomy/vocabulary.server";
import type { Locale } from "~/i18n/i18n";
import {
  forgetSuggestions,
  listNetworks,
  type SuggestionReason,
  suggestNetworks,
} from "./networks.server";

/** A suggestion's reason as a catalogue key with its values in the page language. */
export function suggestionReasonText(
  reason: SuggestionReason,
  locale: Locale,
): { key: string; values: Record<string, string | number> } {
  switch (reason.key) {
    case "networks.reasonCountry":
      return { key: reason.key, values: { country: countryName(reason.country, locale) } };
    case "networks.reasonLanguage":
      return { key: reason.key, values: { language: languageName(reason.language, locale) } };
    case "networks.reasonSector":
      return { key: reason.key, values: { count: reason.count } };
    case "networks.reasonTopic":
      return { key: reason.key, values: { topic: topicLabel(reason.topic, locale) } };
  }
}

/** Up to `limit` networks to join, best matches first, each with why it is proposed. */
export async function proposeNetworks(options: { userId: string; locale: Locale; limit?: number }) {
  const { userId, locale } = options;
  const limit = options.limit ?? 4;
  // The profile and organisation were saved a moment ago: earlier suggestions are stale.
  forgetSuggestions(userId);
  const suggested = await suggestNetworks({ userId, limit });
  const proposals = suggested.map((n) => ({
    ...n,
    reasons: n.reasons.map((r) => suggestionReasonText(r, locale)),
  }));
  if (proposals.length < limit) {
    const active = await listNetworks({
      viewerId: userId,
      filters: {},
      after: null,
      limit: limit * 3,
    });
    for (const n of active.networks) {
      if (proposals.length >= limit) break;
      const joinable =
        (n.visibility === "open" || n.visibility === "request") &&
        n.myStatus === null &&
        n.memberCount < n.memberCap;
      if (joinable && !proposals.some((p) => p.id === n.id)) {
        proposals.push({ ...n, reasons: [], score: 0 });
      }
    }
  }
  return proposals.map((n) => ({
    id: n.id,
    name: n.name,
    purpose: n.purpose,
    visibility: n.visibility,
    memberCount: n.memberCount,
    memberCap: n.memberCap,
    countries: n.countries.map((c) => countryName(c, locale)),
    languages: n.languages.map((l) => languageName(l, locale)),
    reasons: n.reasons,
  }));
}
