import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { createOffer, myLanguages, offerActorOf } from "~/features/offers/offers.server";
import { blankOfferForm, offerFormOptions, readOfferForm } from "~/features/offers/page.server";
import { offerPolicy } from "~/features/offers/rules";
import { OfferForm } from "~/features/offers/ui/offer-form";
import { useI18n } from "~/i18n/context";
import { randomToken } from "~/lib/crypto.server";
import { handleAction, handleLoader } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { readSubmissionKey } from "~/lib/submission-key";
import { FormMessage } from "~/ui/form";
import type { Route } from "./+types/offer-new";

export async function loader({ context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const locale = resolveLocale(auth, context.requestLocale);
  await handleLoader(async () =>
    offerPolicy.authorize(personOf(auth), "create", await offerActorOf(auth.user.id)),
  );
  // The profile's languages, or the page's when the profile names none.
  const spoken = await myLanguages(auth.user.id);
  const values = blankOfferForm(spoken.length > 0 ? spoken : [locale]);
  return {
    values,
    options: await offerFormOptions(locale, auth.user.id, values),
    submissionKey: randomToken().slice(0, 24),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const locale = resolveLocale(auth, context.requestLocale);
  const offerActor = await offerActorOf(actor.id);
  await handleLoader(async () => offerPolicy.authorize(actor, "create", offerActor));
  const form = readForm(context);
  const read = await readOfferForm(form, actor.id);
  if (!read.input) {
    return data(
      {
        ok: false,
        errors: read.errors,
        values: read.values,
        options: await offerFormOptions(locale, actor.id, read.values),
        message: "form.fixErrors",
      },
      { status: 400 },
    );
  }
  const input = read.input;
  const submissionKey = readSubmissionKey(form.submissionKey);
  return handleAction(
    async () => {
      const { id } = await createOffer({ actor, offerActor, form: input, submissionKey });
      return redirect(`/offers/${id}`);
    },
    { values: read.values },
  );
}

export default function OfferNew() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <main id="main" className="page narrow-column">
      <title>{`${t("offers.newHeading")} · Synergy`}</title>
      <h1>{t("offers.newHeading")}</h1>
      {result?.message ? <FormMessage kind="error">{t(result.message)}</FormMessage> : null}
      <OfferForm
        values={result?.values ?? loaded.values}
        errors={result?.errors}
        options={result && "options" in result && result.options ? result.options : loaded.options}
        submissionKey={loaded.submissionKey}
        submitLabel={t("offers.create")}
      />
      <p className="section">
        <a href="/offers">{t("offers.backToList")}</a>
      </p>
    </main>
  );
}
