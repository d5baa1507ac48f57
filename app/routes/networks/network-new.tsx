import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { saveNetworkCover } from "~/features/networks/cover.server";
import { createNetwork } from "~/features/networks/networks.server";
import { networkFormOptions } from "~/features/networks/options.server";
import { parseNetworkForm } from "~/features/networks/parse.server";
import { networkPolicy } from "~/features/networks/rules";
import { NetworkForm } from "~/features/networks/ui/network-form";
import { useI18n } from "~/i18n/context";
import { handleLoader } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { type Person, personOf } from "~/lib/policy";
import { getSetting } from "~/lib/settings.server";
import { acceptsUploads } from "~/lib/uploads";
import { FormMessage } from "~/ui/form";
import type { Route } from "./+types/network-new";

/** Its forms carry files (photos, documents): the larger body limit applies. */
export const handle = acceptsUploads;

/** Proof that the person may start a network (the role or setting first, then the email). */
async function authorizeStart(actor: Person) {
  const installation = {
    anyMemberCanCreateNetworks: await getSetting("anyMemberCanCreateNetworks"),
  };
  return handleLoader(async () => networkPolicy.authorize(actor, "start", installation));
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const { user } = auth;
  await authorizeStart(personOf(auth));
  return {
    options: networkFormOptions(resolveLocale({ user, sessionId: "" }, context.requestLocale)),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const decision = await authorizeStart(personOf(await requireUser(context, request)));
  const form = readForm(context);
  const parsed = parseNetworkForm(form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const { id } = await createNetwork({ decision, input: parsed.input });
  const coverProblem = await saveNetworkCover({ networkId: id, file: form.cover });
  return redirect(
    `/networks/${id}/settings?created=1${coverProblem ? `&cover=${coverProblem}` : ""}`,
  );
}

export default function NewNetwork() {
  const { options } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <main id="main" className="page narrow">
      <title>{`${t("networks.newTitle")} · Synergy`}</title>
      <h1>{t("networks.newTitle")}</h1>
      <p>{t("networks.newIntro")}</p>
      {result?.errors ? <FormMessage kind="error">{t("form.fixErrors")}</FormMessage> : null}
      <NetworkForm
        options={options}
        errors={result?.errors ?? {}}
        values={result?.values ?? { memberCap: "40", visibility: "open", kind: "local" }}
        submitLabel={t("networks.create")}
      />
    </main>
  );
}
