import type { AppLoadContext } from "react-router";
import { resolveLocale } from "~/features/accounts/locale.server";
import { type NextMeeting, nextMeeting } from "~/features/events/agenda.server";
import { viewerOf } from "~/features/profiles/policy.server";
import {
  countryName,
  languageName,
  sectorSectionName,
  topicLabel,
} from "~/features/taxonomy/vocabulary.server";
import type { Locale } from "~/i18n/i18n";
import { getNetworkMix } from "./networks.server";
import { type NetworkAccess, requireNetworkAccess } from "./policy.server";

/**
 * What every page of a network shows at its top: the network in the page language, the
 * viewer's place in it, and its mix of people.
 */
export async function loadNetworkHeader(networkId: string, context: AppLoadContext) {
  const auth = await context.auth();
  const locale = resolveLocale(auth, context.requestLocale);
  const access = await requireNetworkAccess(networkId, auth?.user.id ?? null);
  const [mix, next] = await Promise.all([
    getNetworkMix(access.network.id, await viewerOf(auth)),
    // One probe of the (network, starts_at) index; only for those who may read the events.
    access.canRead ? nextMeeting(access.network.id) : Promise.resolve(null),
  ]);
  return {
    auth,
    locale,
    access,
    header: { ...networkHeader(access, mix, locale, auth !== null), nextMeeting: next },
  };
}

function networkHeader(
  access: NetworkAccess,
  mix: Awaited<ReturnType<typeof getNetworkMix>>,
  locale: Locale,
  signedIn: boolean,
) {
  const n = access.network;
  return {
    id: n.id,
    name: n.name,
    purpose: n.purpose,
    description: n.description,
    kind: n.kind,
    place: n.place,
    visibility: n.visibility,
    hasCover: n.coverKey !== null,
    memberCount: n.memberCount,
    memberCap: n.memberCap,
    countries: n.countries.map((c) => countryName(c, locale)),
    languages: n.languages.map((l) => languageName(l, locale)),
    topics: n.topics.map((slug) => topicLabel(slug, locale)),
    signedIn,
    membership: access.membership,
    isMember: access.isMember,
    isFacilitator: access.isFacilitator,
    canRead: access.canRead,
    mix: {
      owners: mix.owners,
      educators: mix.educators,
      countries: mix.countries.map((c) => ({
        name: countryName(c.country, locale),
        count: c.count,
      })),
      sectors: mix.sectors.map((s) => ({
        name: sectorSectionName(s.section, locale),
        count: s.count,
      })),
    },
  };
}

export type NetworkHeaderData = ReturnType<typeof networkHeader> & {
  /** The next meeting the viewer may see (null: none, or the events are members-only). */
  nextMeeting: NextMeeting | null;
};
