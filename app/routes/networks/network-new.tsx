import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser, requireVerifiedUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { saveNetworkCover } from "~/features/networks/cover.server";
import { createNetwork } from "~/features/networks/networks.server";
import { networkFormOptions } from "~/features/networks/options.server";
import { parseNetworkForm } from "~/features/networks/parse.server";
import { canCreateNetwork } from "~/features/networks/policy.server";
import { NetworkForm } from "~/features/networks/ui/network-form";
import { useI18n } from "~/i18n/context";
import { httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { acceptsUploads } from "~/lib/uploads";
import { FormMessage } from "~/ui/form";
import type { Route } from "./+types/network-new";

/** Its forms carry files (photos, documents): the larger body limit applies. */
export const handle = acceptsUploads;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { user } = await requireUser(context, request);
  if (!(await canCreateNetwork(user))) throw httpError(403, "networks.createForbidden");
  return {
    options: networkFormOptions(resolveLocale({ user, sessionId: "" }, context.requestLocale)),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { user } = await requireVerifiedUser(context, request);
  if (!(await canCreateNetwork(user))) throw httpError(403, "networks.createForbidden");
  const form = await readForm(request);
  const parsed = parseNetworkForm(form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const { id } = await createNetwork({ input: parsed.input, createdBy: user.id });
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
