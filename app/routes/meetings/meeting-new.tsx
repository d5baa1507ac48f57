import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { meetingPolicy, zoneCity } from "~/features/partnering/meeting-rules";
import { fieldErrorsOf, meetingFormSchema } from "~/features/partnering/meeting-schema";
import {
  areConnected,
  meetingPerson,
  newSubmissionKey,
  proposeMeeting,
} from "~/features/partnering/meetings.server";
import { MeetingForm, type MeetingFormValues } from "~/features/partnering/ui/meeting-form";
import { PartneringNav } from "~/features/partnering/ui/partnering-nav";
import { useI18n } from "~/i18n/context";
import { handleAction, handleLoader, httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { type Person, personOf } from "~/lib/policy";
import { readSubmissionKey } from "~/lib/submission-key";
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from "~/lib/time-zones";
import { FormMessage } from "~/ui/form";
import { formatTimeZoneOption } from "~/ui/format";
import type { Route } from "./+types/meeting-new";

async function otherPerson(actor: Person, withId: string) {
  const other = await meetingPerson(withId);
  if (!other) throw httpError(404, "meetings.personNotFound");
  await handleLoader(async () =>
    meetingPolicy.authorize(actor, "propose", {
      isSelf: other.id === actor.id,
      connected: await areConnected(actor.id, other.id),
    }),
  );
  return other;
}

function zonesOf(myZone: string, otherZone: string) {
  const now = Date.now();
  return {
    mine: formatTimeZoneOption(myZone, now),
    theirs: formatTimeZoneOption(otherZone, now),
    theirCity: zoneCity(otherZone),
  };
}

/** Propose a meeting to someone you share an accepted introduction or a network with. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const url = new URL(request.url);
  const other = await otherPerson(personOf(auth), url.searchParams.get("with") ?? "");
  const myZone = canonicalTimeZone(auth.user.timeZone) ?? DEFAULT_TIME_ZONE;
  const values: MeetingFormValues = {
    with: other.id,
    interest: url.searchParams.get("interest") ?? "",
    time1: "",
    time2: "",
    time3: "",
    duration: "30",
    subject: "",
    note: "",
    videoUrl: "",
    place: "",
  };
  return {
    other: { name: other.name },
    zones: zonesOf(myZone, other.timeZone),
    values,
    submissionKey: newSubmissionKey(),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const form = readForm(context);
  const values = Object.fromEntries(
    [
      "with",
      "interest",
      "time1",
      "time2",
      "time3",
      "duration",
      "subject",
      "note",
      "videoUrl",
      "place",
    ].map((k) => [k, typeof form[k] === "string" ? (form[k] as string) : ""]),
  ) as MeetingFormValues;
  const parsed = meetingFormSchema.safeParse(form);
  if (!parsed.success) {
    return data(
      { ok: false, message: "form.fixErrors", errors: fieldErrorsOf(parsed.error), values },
      { status: 400 },
    );
  }
  const timeZone = canonicalTimeZone(auth.user.timeZone) ?? DEFAULT_TIME_ZONE;
  return handleAction(
    async () => {
      const { id } = await proposeMeeting({
        actor,
        form: parsed.data,
        timeZone,
        submissionKey: readSubmissionKey(form.submissionKey),
      });
      return redirect(`/meetings/${id}`);
    },
    { values },
  );
}

export default function MeetingNew() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const heading = t("meetings.newHeading", { name: loaded.other.name });
  return (
    <main id="main" className="page narrow-column">
      <title>{`${heading} · Synergy`}</title>
      <h1>{heading}</h1>
      <PartneringNav />
      {result?.message ? <FormMessage kind="error">{t(result.message)}</FormMessage> : null}
      <p className="hint">
        {t("meetings.zonesHint", {
          mine: loaded.zones.mine,
          name: loaded.other.name,
          theirs: loaded.zones.theirs,
        })}
      </p>
      <MeetingForm
        values={result?.values ?? loaded.values}
        errors={result?.errors}
        submissionKey={loaded.submissionKey}
      />
      <p className="section">
        <a href="/meetings">{t("meetings.backToList")}</a>
      </p>
    </main>
  );
}
