import { data, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { saveNetworkCover } from "~/features/networks/cover.server";
import { updateNetwork } from "~/features/networks/networks.server";
import { networkFormOptions } from "~/features/networks/options.server";
import { loadNetworkHeader } from "~/features/networks/page.server";
import { parseNetworkForm } from "~/features/networks/parse.server";
import { requireNetworkAccess } from "~/features/networks/policy.server";
import { networkPolicy, networkSubject } from "~/features/networks/rules";
import { NetworkForm } from "~/features/networks/ui/network-form";
import { NetworkHeader } from "~/features/networks/ui/network-header";
import { useI18n } from "~/i18n/context";
import { handleLoader, httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { actorOf, personOf } from "~/lib/policy";
import { acceptsUploads } from "~/lib/uploads";
import { FormMessage } from "~/ui/form";
import type { Route } from "./+types/network-settings";

/** Its forms carry files (photos, documents): the larger body limit applies. */
export const handle = acceptsUploads;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  await requireUser(context, request);
  const { auth, access, header, locale } = await loadNetworkHeader(params.id, context);
  const net = networkSubject(access);
  await handleLoader(async () => networkPolicy.authorize(actorOf(auth), "manageSettings", net));
  const n = access.network;
  return {
    network: header,
    options: networkFormOptions(locale),
    values: {
      name: n.name,
      purpose: n.purpose,
      description: n.description,
      kind: n.kind,
      place: n.place,
      countries: n.countries,
      languages: n.languages,
      topics: n.topics,
      visibility: n.visibility,
      memberCap: String(n.memberCap),
    },
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const actor = personOf(await requireUser(context, request));
  const access = await requireNetworkAccess(params.id, actor.id);
  const net = networkSubject(access);
  const decision = await handleLoader(async () =>
    networkPolicy.authorize(actor, "manageSettings", net),
  );
  const form = readForm(context);
  if (form.intent !== "save") throw httpError(400);
  const parsed = parseNetworkForm(form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const capTooLow = () =>
    data(
      { errors: { memberCap: "networks.capBelowMembers" }, values: parsed.values },
      { status: 409 },
    );
  // Everything is checked before anything is written, so a refused form changes nothing.
  if (parsed.input.memberCap < access.network.memberCount) return capTooLow();
  const coverProblem = await saveNetworkCover({ networkId: access.network.id, file: form.cover });
  if (coverProblem) {
    return data({ errors: { cover: coverProblem }, values: parsed.values }, { status: 400 });
  }
  // Someone may have joined meanwhile: the update itself checks the cap again.
  if (!(await updateNetwork({ decision, input: parsed.input }))) return capTooLow();
  return redirect(`/networks/${access.network.id}/settings?saved=1`);
}

export default function NetworkSettings() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const cover = params.get("cover");
  return (
    <main id="main" className="page">
      <title>{`${t("networks.settingsTitle")} · ${loaded.network.name} · Synergy`}</title>
      <NetworkHeader network={loaded.network} />
      {params.get("created") === "1" ? (
        <FormMessage kind="success">
          {t("networks.created")}{" "}
          <a href={`/networks/${loaded.network.id}/members#invite`}>{t("networks.inviteNow")}</a>
        </FormMessage>
      ) : null}
      {cover ? <FormMessage kind="error">{t(cover)}</FormMessage> : null}
      {params.get("saved") === "1" ? (
        <FormMessage kind="success">{t("networks.saved")}</FormMessage>
      ) : null}
      {result?.errors ? <FormMessage kind="error">{t("form.fixErrors")}</FormMessage> : null}
      <div className="narrow-column">
        <h2>{t("networks.settingsTitle")}</h2>
        <NetworkForm
          options={loaded.options}
          errors={result?.errors ?? {}}
          values={result?.values ?? loaded.values}
          submitLabel={t("form.save")}
        />
      </div>
    </main>
  );
}
