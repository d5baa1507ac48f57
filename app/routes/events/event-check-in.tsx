import { useEffect, useState } from "react";
import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import {
  addWalkIn,
  attendanceSubject,
  type CheckInOutcome,
  checkInByCode,
  checkInPerson,
  listArrivals,
  listGoingWithAttendance,
  listWalkInCandidates,
  undoCheckIn,
  walkInSchema,
} from "~/features/events/attendance.server";
import { attendancePolicy } from "~/features/events/attendance-rules";
import { getEvent } from "~/features/events/events.server";
import { formValue } from "~/features/events/page.server";
import { AttendanceLive } from "~/features/events/ui/attendance-live";
import { CodeScanner } from "~/features/events/ui/code-scanner";
import { loadNetworkHeader } from "~/features/networks/page.server";
import { requireNetworkAccess } from "~/features/networks/policy.server";
import { networkSubject } from "~/features/networks/rules";
import { NetworkHeader } from "~/features/networks/ui/network-header";
import { useI18n } from "~/i18n/context";
import { handleAction, handleLoader, httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { CsrfForm, FormMessage, SelectField, SubmitButton, TextField } from "~/ui/form";
import { formatTime } from "~/ui/format";
import type { Route } from "./+types/event-check-in";

/**
 * The check-in desk of an event, made for a phone (decision 017): scan a personal QR code or
 * type the short code (a plain form: works without JavaScript), tick people going to an online
 * meeting, add walk-ins, and watch who has arrived (live). The network's facilitators only.
 */
/**
 * The desk's scanner opens the phone's camera, which every other page forbids
 * (`Permissions-Policy: camera=()` from the server): this page alone allows it, for itself.
 */
export const headers: Route.HeadersFunction = () => ({
  "Permissions-Policy": "camera=(self), microphone=(), geolocation=(), payment=()",
});

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = await requireUser(context, request);
  const { access, header } = await loadNetworkHeader(params.id, context);
  const actor = personOf(user);
  const network = networkSubject(access);
  const event = await getEvent(access.network.id, params.eventId);
  // A facilitator's page: others learn nothing about the event from here (403 before 404).
  await handleLoader(async () =>
    attendancePolicy.authorize(actor, "seeResults", {
      network,
      cancelled: false,
      startsAt: new Date(0),
      endsAt: new Date(0),
      now: new Date(),
    }),
  );
  if (!event) throw httpError(404, "events.notFound");
  const subject = attendanceSubject(network, event);
  const verdict = attendancePolicy.verdict(actor, "checkIn", subject);
  const arrivals = await listArrivals(event.id);
  const onlineList = event.kind === "in_person" ? [] : await listGoingWithAttendance(event.id);
  const code = new URL(request.url).searchParams.get("code") ?? "";
  return {
    network: header,
    event: {
      id: event.id,
      title: event.title,
      kind: event.kind,
      startsAt: event.startsAt.toISOString(),
      goingCount: event.goingCount,
    },
    closedMessage: verdict === true ? null : verdict.messageKey,
    code: /^[A-Za-z0-9-]{1,20}$/.test(code) ? code : "",
    arrivals: arrivals.map((a) => ({
      id: a.id,
      name: a.name,
      method: a.method,
      at: a.checked_in_at.toISOString(),
    })),
    onlineList,
    candidates: verdict === true ? await listWalkInCandidates(access.network.id, event.id) : [],
  };
}

type Answer =
  | { ok: true; outcome: "checked_in"; name: string; at: string }
  | { ok: false; outcome: "already"; name: string; at: string }
  | { ok: false; outcome: "not_going"; name: string; userId: string };

function answerOf(result: CheckInOutcome) {
  if (result.outcome === "not_going") {
    return data<Answer>(
      { ok: false, outcome: "not_going", name: result.name, userId: result.userId },
      { status: 409 },
    );
  }
  if (result.outcome === "already") {
    return data<Answer>(
      { ok: false, outcome: "already", name: result.name, at: result.at.toISOString() },
      { status: 409 },
    );
  }
  return data<Answer>({
    ok: true,
    outcome: "checked_in",
    name: result.name,
    at: result.at.toISOString(),
  });
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const actor = personOf(await requireUser(context, request));
  const access = await requireNetworkAccess(params.id, actor.id);
  const network = networkSubject(access);
  const form = readForm(context);
  const eventId = params.eventId;
  const here = `/networks/${access.network.id}/events/${eventId}/check-in`;
  return handleAction(async () => {
    switch (form.intent) {
      case "code": {
        const input = formValue(form.code);
        return answerOf(await checkInByCode({ actor, network, eventId, input }));
      }
      case "person": {
        const method = form.method === "online" ? "online" : "manual";
        const userId = formValue(form.userId);
        return answerOf(await checkInPerson({ actor, network, eventId, userId, method }));
      }
      case "walk-in": {
        const userId = formValue(form.userId);
        if (userId) {
          const result = await checkInPerson({
            actor,
            network,
            eventId,
            userId,
            method: "walk_in",
          });
          return answerOf(result);
        }
        const parsed = walkInSchema.safeParse({
          name: formValue(form.name),
          email: formValue(form.email),
        });
        if (!parsed.success) {
          const message = parsed.error.issues[0]?.message ?? "errors.badRequest";
          return data(
            { ok: false as const, message, errors: { walkIn: message } },
            { status: 400 },
          );
        }
        await addWalkIn({ actor, network, eventId, ...parsed.data });
        // A walk-in has no key: a reload must not add them twice.
        return redirect(`${here}?added=1`);
      }
      case "undo": {
        await undoCheckIn({ actor, network, eventId, attendanceId: formValue(form.attendanceId) });
        return redirect(here);
      }
      default:
        throw httpError(400);
    }
  });
}

export default function EventCheckIn() {
  const loaded = useLoaderData<typeof loader>();
  // The desk's answer ("Anna is checked in") stays until the next one: a live reload of the
  // list (another phone checked someone in) would otherwise clear it, as React Router drops
  // action data on every revalidation after the submission has landed.
  const actionData = useActionData<typeof action>();
  const [result, setResult] = useState(actionData);
  useEffect(() => {
    if (actionData) setResult(actionData);
  }, [actionData]);
  const checkedInAt =
    result && "outcome" in result && result.outcome === "checked_in" ? result.at : null;
  const { t, locale, timeZone } = useI18n();
  const { network, event, arrivals } = loaded;
  const base = `/networks/${network.id}/events/${event.id}`;
  const time = (at: string) => formatTime(at, locale, timeZone, "none");
  const open = loaded.closedMessage === null;
  return (
    <main id="main" className="page check-in">
      <title>{`${t("events.checkIn.heading")} · ${event.title} · Synergy`}</title>
      <NetworkHeader network={network} />
      <section className="section narrow-column stack" aria-labelledby="check-in">
        <h2 id="check-in">{t("events.checkIn.heading")}</h2>
        <p>
          <a href={base}>{event.title}</a>
        </p>
        <p className="status" aria-live="polite">
          {t("events.checkIn.counts", { arrived: arrivals.length, going: event.goingCount })}
        </p>
        <AttendanceLive networkId={network.id} eventId={event.id} />
        {loaded.closedMessage ? (
          <FormMessage kind="error">{t(loaded.closedMessage)}</FormMessage>
        ) : null}
        {result && "outcome" in result ? (
          result.outcome === "checked_in" ? (
            <FormMessage kind="success">
              {t("events.checkIn.done", { name: result.name })}
            </FormMessage>
          ) : result.outcome === "already" ? (
            <FormMessage kind="error">
              {t("events.checkIn.already", { name: result.name, time: time(result.at) })}
            </FormMessage>
          ) : (
            <FormMessage kind="error">
              {t("events.checkIn.notGoing", { name: result.name })}
              <CsrfForm method="post" className="inline-actions">
                <input type="hidden" name="intent" value="walk-in" />
                <input type="hidden" name="userId" value={result.userId} />
                <SubmitButton className="button secondary">
                  {t("events.checkIn.takeAsWalkIn", { name: result.name })}
                </SubmitButton>
              </CsrfForm>
            </FormMessage>
          )
        ) : result && "message" in result && result.message ? (
          <FormMessage kind="error">{t(result.message)}</FormMessage>
        ) : null}
        {open && event.kind !== "online" ? (
          <>
            <CsrfForm
              method="post"
              className="stack"
              id="code-form"
              // After a check-in the field starts empty for the next person at the door (it
              // kept the last code, typed or scanned, which then had to be deleted by hand).
              key={checkedInAt ?? "first"}
            >
              <input type="hidden" name="intent" value="code" />
              <TextField
                name="code"
                label={t("events.checkIn.codeLabel")}
                hint={t("events.checkIn.codeHint")}
                defaultValue={checkedInAt ? "" : loaded.code}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                inputMode="text"
                required
              />
              <SubmitButton>{t("events.checkIn.checkIn")}</SubmitButton>
            </CsrfForm>
            <CodeScanner formId="code-form" />
          </>
        ) : null}
      </section>
      {open && loaded.onlineList.length > 0 ? (
        <section className="section narrow-column" aria-labelledby="online-list">
          <h2 id="online-list">{t("events.checkIn.onlineHeading")}</h2>
          <p className="hint">{t("events.checkIn.onlineHint")}</p>
          <ul className="check-in-list">
            {loaded.onlineList.map((p) => (
              <li key={p.id}>
                {p.attendance_id ? (
                  <span>
                    {p.name} · <strong>{t("events.checkIn.present")}</strong>
                  </span>
                ) : (
                  <CsrfForm method="post" className="inline-actions">
                    <input type="hidden" name="intent" value="person" />
                    <input type="hidden" name="method" value="online" />
                    <input type="hidden" name="userId" value={p.id} />
                    <span>{p.name}</span>
                    <SubmitButton className="button secondary">
                      {t("events.checkIn.markPresent")}
                    </SubmitButton>
                  </CsrfForm>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {open ? (
        <section className="section narrow-column stack" aria-labelledby="walk-in">
          <h2 id="walk-in">{t("events.checkIn.walkInHeading")}</h2>
          {loaded.candidates.length > 0 ? (
            <CsrfForm method="post" className="stack">
              <input type="hidden" name="intent" value="walk-in" />
              <SelectField
                name="userId"
                label={t("events.checkIn.walkInMember")}
                options={loaded.candidates.map((c) => ({ value: c.id, label: c.name }))}
                required
              />
              <SubmitButton className="button secondary">
                {t("events.checkIn.addWalkIn")}
              </SubmitButton>
            </CsrfForm>
          ) : null}
          <CsrfForm method="post" className="stack">
            <input type="hidden" name="intent" value="walk-in" />
            <TextField
              name="name"
              label={t("events.checkIn.walkInName")}
              error={result && "errors" in result ? result.errors?.walkIn : undefined}
              maxLength={140}
              required
            />
            <TextField
              name="email"
              type="email"
              label={t("events.checkIn.walkInEmail")}
              maxLength={254}
            />
            <SubmitButton className="button secondary">
              {t("events.checkIn.addWalkIn")}
            </SubmitButton>
          </CsrfForm>
        </section>
      ) : null}
      <section className="section narrow-column" aria-labelledby="arrived">
        <h2 id="arrived">{t("events.checkIn.arrivedHeading")}</h2>
        {arrivals.length === 0 ? <p className="muted">{t("events.checkIn.nobodyYet")}</p> : null}
        <ul className="check-in-list">
          {arrivals.map((a) => (
            <li key={a.id}>
              <span>
                <strong>{a.name}</strong> · {time(a.at)} · {t(`events.checkIn.method.${a.method}`)}
              </span>
              {open ? (
                <CsrfForm method="post" className="inline-form">
                  <input type="hidden" name="intent" value="undo" />
                  <input type="hidden" name="attendanceId" value={a.id} />
                  <SubmitButton className="button secondary small">
                    {t("events.checkIn.undo")}
                  </SubmitButton>
                </CsrfForm>
              ) : null}
            </li>
          ))}
        </ul>
        <p className="inline-actions">
          <a href={`${base}/export/attendance.csv`} download>
            {t("events.export.attendance")}
          </a>
          <a href={`${base}/feedback/results`}>{t("events.feedback.resultsLink")}</a>
        </p>
      </section>
    </main>
  );
}
