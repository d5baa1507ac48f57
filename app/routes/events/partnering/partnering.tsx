import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { bookingSchema, fieldErrorsOf, joinDaySchema } from "~/features/partnering/meeting-schema";
import {
  bookSlot,
  dayContext,
  joinDay,
  listParticipants,
} from "~/features/partnering/partnering-days.server";
import { commonFreeSlots } from "~/features/partnering/slots";
import {
  PartneringDayJoinForm,
  PartneringDayParticipants,
} from "~/features/partnering/ui/partnering-day-page";
import { useI18n } from "~/i18n/context";
import { decodeCursor } from "~/lib/cursor";
import { handleAction, handleLoader, httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from "~/lib/time-zones";
import { FormMessage } from "~/ui/form";
import { formatDate, formatTime } from "~/ui/format";
import type { Route } from "./+types/partnering";

/**
 * The partnering day's booking page: who takes part (filtered by words, 50 a page), my own
 * entry (seeks, offers, organisation, free slots) and, for each participant, the slots both of
 * us are free for. People going to the event and its organisers only.
 */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const locale = resolveLocale(auth, context.requestLocale);
  const zone = canonicalTimeZone(auth.user.timeZone) ?? DEFAULT_TIME_ZONE;
  const ctx = await handleLoader(() => dayContext(params.id, actor));
  if (!ctx.subject.organises && !ctx.subject.isGoing) {
    throw httpError(403, "partneringDay.goingOnly");
  }
  const event = {
    id: ctx.event.id,
    title: ctx.event.title,
    href: `/networks/${ctx.event.networkId}/events/${ctx.event.id}`,
  };
  if (!ctx.day) return { event, organises: ctx.subject.organises, day: null };
  const day = ctx.day;
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const { participants, next } = await listParticipants(day.id, {
    q,
    after: decodeCursor(url.searchParams.get("after")),
  });
  const label = (d: Date) => formatTime(d, locale, zone);
  const me = ctx.me;
  const myHeld = new Set((me?.held ?? []).map((d) => d.getTime()));
  return {
    event,
    organises: ctx.subject.organises,
    day: {
      date: formatDate(day.startsAt, locale, zone),
      from: label(day.startsAt),
      to: label(day.endsAt),
      isOpen: ctx.subject.isOpen,
      zone,
      slots: day.slots.map((s) => ({ value: s.toISOString(), label: label(s) })),
    },
    canJoin: ctx.subject.isGoing,
    me: me
      ? {
          seeks: me.seeks,
          offers: me.offers,
          organisationId: me.organisationId ?? "",
          availability: me.availability.map((d) => d.toISOString()),
        }
      : null,
    organisations: ctx.organisations,
    q,
    next: next ? `?${new URLSearchParams({ ...(q ? { q } : {}), after: next })}` : null,
    participants: participants.map((p) => {
      const held = new Set([...myHeld, ...p.held.map((d) => d.getTime())]);
      const free =
        me && p.id !== actor.id
          ? commonFreeSlots(day.slots, me.availability, p.availability, held)
          : [];
      return {
        id: p.id,
        name: p.name,
        organisation: p.organisation,
        seeks: p.seeks,
        offers: p.offers,
        isMe: p.id === actor.id,
        free: free.map((s) => ({ value: s.toISOString(), label: label(s) })),
      };
    }),
  };
}

/** Join (or change my entry), or book a slot with someone. */
export async function action({ params, request, context }: Route.ActionArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const form = readForm(context);
  if (form.intent === "join") {
    const parsed = joinDaySchema.safeParse(form);
    if (!parsed.success) {
      return data(
        { ok: false, message: "form.fixErrors", errors: fieldErrorsOf(parsed.error) },
        { status: 400 },
      );
    }
    return handleAction(async () => {
      await joinDay({ actor, eventId: params.id, form: parsed.data });
      return redirect(`/events/${params.id}/partnering`);
    });
  }
  if (form.intent === "book") {
    const parsed = bookingSchema.safeParse(form);
    if (!parsed.success) {
      return data(
        { ok: false, message: "form.fixErrors", errors: fieldErrorsOf(parsed.error) },
        { status: 400 },
      );
    }
    return handleAction(async () => {
      await bookSlot({
        actor,
        eventId: params.id,
        withId: parsed.data.with,
        slot: new Date(parsed.data.slot),
      });
      return redirect(`/events/${params.id}/partnering/agenda`);
    });
  }
  throw httpError(400);
}

export default function PartneringDayPage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const heading = t("partneringDay.title", { event: loaded.event.title });
  return (
    <main id="main" className="page">
      <title>{`${heading} · Synergy`}</title>
      <h1>{heading}</h1>
      <p>
        <a href={loaded.event.href}>{t("partneringDay.backToEvent")}</a>
        {loaded.organises ? (
          <>
            {" · "}
            <a href={`/events/${loaded.event.id}/partnering/setup`}>{t("partneringDay.setup")}</a>
          </>
        ) : null}
      </p>
      {result && "message" in result ? (
        <FormMessage kind="error">{t(result.message)}</FormMessage>
      ) : null}
      {loaded.day === null ? (
        <p>{t("partneringDay.none")}</p>
      ) : (
        <>
          <p>
            {t("partneringDay.when", {
              date: loaded.day.date,
              from: loaded.day.from,
              to: loaded.day.to,
            })}{" "}
            · {t("partneringDay.timesIn", { zone: loaded.day.zone })}
            {loaded.day.isOpen ? null : ` · ${t("partneringDay.closed")}`}
          </p>
          {loaded.me ? (
            <p>
              <a href={`/events/${loaded.event.id}/partnering/agenda`}>
                {t("partneringDay.myAgenda")}
              </a>
            </p>
          ) : null}
          {loaded.canJoin ? (
            <PartneringDayJoinForm
              me={loaded.me}
              slots={loaded.day.slots}
              organisations={loaded.organisations}
              errors={result && "errors" in result ? result.errors : undefined}
            />
          ) : null}
          <PartneringDayParticipants
            q={loaded.q}
            participants={loaded.participants}
            next={loaded.next}
            canBook={loaded.me !== null && loaded.day.isOpen}
          />
        </>
      )}
    </main>
  );
}
