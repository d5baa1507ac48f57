import { useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { type Meeting, myMeetings } from "~/features/partnering/meetings.server";
import { MeetingList } from "~/features/partnering/ui/meeting-list";
import { PartneringNav } from "~/features/partnering/ui/partnering-nav";
import { useI18n } from "~/i18n/context";
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from "~/lib/time-zones";
import { formatDateTime } from "~/ui/format";
import type { Route } from "./+types/meetings";

/** My meetings: proposed to me, proposed by me, upcoming and past, in my zone. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const locale = resolveLocale(auth, context.requestLocale);
  const zone = canonicalTimeZone(auth.user.timeZone) ?? DEFAULT_TIME_ZONE;
  const lists = await myMeetings(auth.user.id);
  const line = (m: Meeting) => {
    const other = m.proposer.id === auth.user.id ? m.invitee : m.proposer;
    const when = m.startsAt ? [m.startsAt] : m.times;
    return {
      id: m.id,
      subject: m.subject,
      otherName: other.name,
      status: m.status,
      when: when.map((t) => formatDateTime(t, locale, zone)),
    };
  };
  return {
    proposedToMe: lists.proposedToMe.map(line),
    proposedByMe: lists.proposedByMe.map(line),
    upcoming: lists.upcoming.map(line),
    past: lists.past.map(line),
  };
}

export default function Meetings() {
  const lists = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <main id="main" className="page narrow-column">
      <title>{`${t("meetings.title")} · Synergy`}</title>
      <h1>{t("meetings.title")}</h1>
      <PartneringNav />
      <MeetingList heading={t("meetings.proposedToMe")} items={lists.proposedToMe} />
      <MeetingList heading={t("meetings.proposedByMe")} items={lists.proposedByMe} />
      <MeetingList heading={t("meetings.upcoming")} items={lists.upcoming} />
      <MeetingList heading={t("meetings.past")} items={lists.past} />
    </main>
  );
}
