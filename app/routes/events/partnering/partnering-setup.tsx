import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { localInputValue, partneringDayPolicy } from "~/features/partnering/meeting-rules";
import { daySetupSchema, fieldErrorsOf } from "~/features/partnering/meeting-schema";
import { dayContext, setupDay } from "~/features/partnering/partnering-days.server";
import {
  PartneringDaySetupForm,
  type SetupValues,
} from "~/features/partnering/ui/partnering-day-setup";
import { useI18n } from "~/i18n/context";
import { handleAction, handleLoader } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { FormMessage } from "~/ui/form";
import type { Route } from "./+types/partnering-setup";

/** Set up the event's partnering day (its creator or its network's facilitators). */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const ctx = await handleLoader(async () => {
    const found = await dayContext(params.id, actor);
    partneringDayPolicy.authorize(actor, "setup", found.subject);
    return found;
  });
  const zone = ctx.event.timeZone;
  const values: SetupValues = {
    startsAt: localInputValue(ctx.day?.startsAt ?? ctx.event.startsAt, zone),
    endsAt: localInputValue(ctx.day?.endsAt ?? ctx.event.endsAt, zone),
    slotMinutes: String(ctx.day?.slotMinutes ?? 20),
    tables: String(ctx.day?.tables ?? 10),
    isOpen: ctx.day?.isOpen ?? true,
  };
  return { event: { id: ctx.event.id, title: ctx.event.title, zone }, values };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const form = readForm(context);
  const text = (k: string) => (typeof form[k] === "string" ? (form[k] as string) : "");
  const values: SetupValues = {
    startsAt: text("startsAt"),
    endsAt: text("endsAt"),
    slotMinutes: text("slotMinutes"),
    tables: text("tables"),
    isOpen: form.isOpen === "on",
  };
  // Only organisers learn whether the form was right.
  await handleLoader(async () =>
    partneringDayPolicy.authorize(actor, "setup", (await dayContext(params.id, actor)).subject),
  );
  const parsed = daySetupSchema.safeParse(form);
  if (!parsed.success) {
    return data(
      { ok: false, message: "form.fixErrors", errors: fieldErrorsOf(parsed.error), values },
      { status: 400 },
    );
  }
  return handleAction(
    async () => {
      await setupDay({ actor, eventId: params.id, form: parsed.data });
      return redirect(`/events/${params.id}/partnering`);
    },
    { values },
  );
}

export default function PartneringSetup() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const heading = t("partneringDay.setupHeading", { event: loaded.event.title });
  return (
    <main id="main" className="page narrow-column">
      <title>{`${heading} · Synergy`}</title>
      <h1>{heading}</h1>
      {result?.message ? <FormMessage kind="error">{t(result.message)}</FormMessage> : null}
      <PartneringDaySetupForm
        values={result?.values ?? loaded.values}
        errors={result?.errors}
        zone={loaded.event.zone}
      />
      <p className="section">
        <a href={`/events/${loaded.event.id}/partnering`}>{t("partneringDay.backToDay")}</a>
      </p>
    </main>
  );
}
