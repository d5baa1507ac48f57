import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import {
  getOrganisation,
  organisationSubject,
  updateOrganisation,
} from "~/features/organisations/organisations.server";
import { parseOrganisationForm } from "~/features/organisations/parse.server";
import { organisationPolicy } from "~/features/organisations/rules";
import { OrganisationForm } from "~/features/organisations/ui/organisation-form";
import { countryOptions, sectorOptions, topicOptions } from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { handleLoader, httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { actorOf } from "~/lib/policy";
import { FormMessage } from "~/ui/form";
import type { Route } from "./+types/organisation-edit";

/** The organisation and the proof that the signed-in person may edit it (else the error page). */
async function authorizeEdit(args: Route.LoaderArgs | Route.ActionArgs) {
  const auth = await requireUser(args.context, args.request);
  const actor = actorOf(auth);
  const found = await getOrganisation({ id: args.params.id, actor });
  if (!found) throw httpError(404, "org.notFound");
  const subject = await organisationSubject(found.organisation.id, actor);
  const decision = await handleLoader(async () =>
    organisationPolicy.authorize(actor, "edit", subject),
  );
  return { user: auth.user, organisation: found.organisation, decision };
}

export async function loader(args: Route.LoaderArgs) {
  const { user, organisation: o } = await authorizeEdit(args);
  const locale = resolveLocale({ user, sessionId: "" }, args.context.requestLocale);
  return {
    organisation: o,
    values: {
      name: o.name,
      country: o.country,
      region: o.region,
      website: o.website,
      description: o.description,
      naceDivision: o.naceDivision ?? "",
      sizeBand: o.sizeBand ?? "",
      yearFounded: o.yearFounded ? String(o.yearFounded) : "",
      providerType: o.providerType ?? "",
      deliveryModes: o.deliveryModes,
      eqfLevels: o.eqfLevels.map(String),
      topics: o.topics,
    } as Record<string, unknown>,
    options: {
      countries: countryOptions(locale),
      divisions: sectorOptions(locale),
      topics: topicOptions(locale),
    },
  };
}

export async function action(args: Route.ActionArgs) {
  const { organisation, decision } = await authorizeEdit(args);
  const form = readForm(args.context);
  if (form.intent !== "update") throw httpError(400);
  const parsed = parseOrganisationForm({ ...form, kind: organisation.kind });
  if (!parsed.ok) {
    return data(
      { errors: parsed.errors, values: form as Record<string, unknown> },
      { status: 400 },
    );
  }
  await updateOrganisation({ decision, input: parsed.input });
  return redirect(`/organisations/${organisation.id}?saved=1`);
}

export default function EditOrganisation() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const o = loaded.organisation;
  return (
    <main id="main" className="page narrow">
      <title>{`${t("org.editTitle", { name: o.name })} · Synergy`}</title>
      <h1>{t("org.editTitle", { name: o.name })}</h1>
      {result?.errors ? <FormMessage kind="error">{t("form.fixErrors")}</FormMessage> : null}
      <OrganisationForm
        kind={o.kind}
        isEdit
        options={loaded.options}
        errors={result?.errors ?? {}}
        values={result?.values ?? loaded.values}
      />
      <p className="section">
        <a href={`/organisations/${o.id}`}>{t("org.backToPage")}</a>
      </p>
    </main>
  );
}
