import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { getOffer, offerActorOf, updateOffer } from "~/features/offers/offers.server";
import { offerFormOptions, offerValuesOf, readOfferForm } from "~/features/offers/page.server";
import { offerPolicy } from "~/features/offers/rules";
import { OfferForm } from "~/features/offers/ui/offer-form";
import { useI18n } from "~/i18n/context";
import { handleAction, handleLoader, httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { FormMessage } from "~/ui/form";
import type { Route } from "./+types/offer-edit";

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const locale = resolveLocale(auth, context.requestLocale);
  const offer = await getOffer(params.id);
  if (!offer) throw httpError(404, "offers.notFound");
  const offerActor = await offerActorOf(auth.user.id);
  await handleLoader(async () =>
    offerPolicy.authorize(personOf(auth), "manage", {
      ...offerActor,
      isCreator: offer.createdBy === auth.user.id,
      isAdmin: auth.user.isAdmin,
      withdrawn: offer.status === "withdrawn",
    }),
  );
  const values = offerValuesOf(offer);
  return {
    offerId: offer.id,
    values,
    options: await offerFormOptions(locale, auth.user.id, values),
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const locale = resolveLocale(auth, context.requestLocale);
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
  const offerActor = await offerActorOf(actor.id);
  return handleAction(
    async () => {
      // manage (the creator, while open) is authorized on the locked row.
      await updateOffer({ actor, offerActor, offerId: params.id, form: input });
      return redirect(`/offers/${params.id}`);
    },
    { values: read.values },
  );
}

export default function OfferEdit() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <main id="main" className="page narrow-column">
      <title>{`${t("offers.editHeading")} · Synergy`}</title>
      <h1>{t("offers.editHeading")}</h1>
      {result?.message ? <FormMessage kind="error">{t(result.message)}</FormMessage> : null}
      <OfferForm
        values={result?.values ?? loaded.values}
        errors={result?.errors}
        options={result && "options" in result && result.options ? result.options : loaded.options}
        submitLabel={t("form.save")}
      />
      <p className="section">
        <a href={`/offers/${loaded.offerId}`}>{t("offers.backToOffer")}</a>
      </p>
    </main>
  );
}
