import { useI18n } from "~/i18n/context";
import { Time } from "~/ui/time";

/** The network's next meeting, in the viewer's zone, linked to its page. */
export function NextMeetingLine(props: {
  networkId: string;
  meeting: { id: string; title: string; startsAt: string } | null | undefined;
}) {
  const { t } = useI18n();
  if (!props.meeting) return null;
  const m = props.meeting;
  return (
    <p className="next-meeting" data-testid="next-meeting">
      {t("calendars.nextMeeting")} <Time value={m.startsAt} /> ·{" "}
      <a href={`/networks/${props.networkId}/events/${m.id}`}>{m.title}</a>
    </p>
  );
}
