import { data, useActionData, useLoaderData } from "react-router";
import { z } from "zod";
import { requireUser } from "~/features/accounts/guard.server";
import { adminPolicy } from "~/features/admin/rules";
import { visitorPeopleSetting } from "~/features/profiles/policy.server";
import { visitorPeopleChoices } from "~/features/profiles/visitors";
import { useI18n } from "~/i18n/context";
import { handleLoader } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { actorOf } from "~/lib/policy";
import { getSetting, setSetting } from "~/lib/settings.server";
import { CsrfForm, FormMessage, SubmitButton } from "~/ui/form";
import type { Route } from "./+types/admin-settings";

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = actorOf(await requireUser(context, request));
  return handleLoader(async () => {
    adminPolicy.authorize(actor, "manageInstallationSettings", undefined);
    return {
      anyMemberCanCreateNetworks: await getSetting("anyMemberCanCreateNetworks"),
      visitorPeople: await visitorPeopleSetting(),
    };
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = actorOf(await requireUser(context, request));
  const decision = await handleLoader(async () =>
    adminPolicy.authorize(actor, "manageInstallationSettings", undefined),
  );
  const form = readForm(context);
  // A form without the choice (an older page, a script) leaves it as it is.
  const visitorPeople = z.enum(visitorPeopleChoices).optional().safeParse(form.visitorPeople);
  if (!visitorPeople.success) {
    return data({ saved: false, message: "form.fixErrors" }, { status: 400 });
  }
  if (visitorPeople.data) await setSetting(decision, "visitorPeople", visitorPeople.data);
  await setSetting(
    decision,
    "anyMemberCanCreateNetworks",
    form.anyMemberCanCreateNetworks === "on",
  );
  return { saved: true, message: "admin.saved" };
}

export default function AdminSettings() {
  const { anyMemberCanCreateNetworks, visitorPeople } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <main id="main" className="page narrow">
      <title>{`${t("adminSettings.title")} · Synergy`}</title>
      <h1>{t("adminSettings.title")}</h1>
      <p>
        <a href="/admin/users">{t("admin.title")}</a> ·{" "}
        <a href="/admin/jobs">{t("adminJobs.title")}</a> ·{" "}
        <a href="/admin/legal">{t("legal.adminTitle")}</a>
      </p>
      {result?.saved ? <FormMessage kind="success">{t("admin.saved")}</FormMessage> : null}
      {result && !result.saved ? <FormMessage kind="error">{t(result.message)}</FormMessage> : null}
      <CsrfForm method="post" className="stack">
        <label className="choice">
          <input
            type="checkbox"
            name="anyMemberCanCreateNetworks"
            defaultChecked={anyMemberCanCreateNetworks}
          />
          <span>
            {t("adminSettings.anyMemberCanCreate")}
            <span className="hint block">{t("adminSettings.anyMemberCanCreateHint")}</span>
          </span>
        </label>
        <fieldset>
          <legend>{t("adminSettings.visitorPeople")}</legend>
          {visitorPeopleChoices.map((choice) => (
            <label key={choice} className="choice">
              <input
                type="radio"
                name="visitorPeople"
                value={choice}
                defaultChecked={visitorPeople === choice}
              />
              <span>{t(`adminSettings.visitorPeople.${choice}`)}</span>
            </label>
          ))}
        </fieldset>
        <SubmitButton>{t("form.save")}</SubmitButton>
      </CsrfForm>
    </main>
  );
}
