import { redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { topicKeyLabels } from "~/features/needs/topics.server";
import {
  getOffer,
  offerActorOf,
  offerPeople,
  withdrawOffer,
} from "~/features/offers/offers.server";
import { formatPrice } from "~/features/offers/page.server";
import { offerPolicy } from "~/features/offers/rules";
import { countryName, languageName } from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { confirmRequest, isConfirmed } from "~/lib/confirm";
import { handleAction, httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { ConfirmAction, ConfirmPrompt, confirmIn } from "~/ui/confirm";
import { FormMessage } from "~/ui/form";
import type { Route } from "./+types/offer";

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const locale = resolveLocale(auth, context.requestLocale);
  const offer = await getOffer(params.id);
  if (!offer) throw httpError(404, "offers.notFound");
  const labels = await topicKeyLabels(offer.topics, locale);
  const offerActor = await offerActorOf(auth.user.id);
  const people = await offerPeople(offer);
  return {
    people,
    offer: {
      id: offer.id,
      title: offer.title,
      description: offer.description,
      topics: offer.topics.map((k) => labels.get(k) ?? k),
      formats: offer.formats,
      languages: offer.languages.map((c) => languageName(c, locale)),
      countries: offer.countries.map((c) => countryName(c, locale)),
      onDemand: offer.onDemand,
      startsOn: offer.startsOn,
      endsOn: offer.endsOn,
      price: offer.priceCents === null ? null : formatPrice(offer.priceCents, locale),
      withdrawn: offer.status === "withdrawn",
      createdBy: offer.createdBy,
    },
    canManage: offerPolicy.can(personOf(auth), "manage", {
      ...offerActor,
      isCreator: offer.createdBy === auth.user.id,
      isAdmin: auth.user.isAdmin,
      withdrawn: offer.status === "withdrawn",
    }),
  };
}

/** Withdraw (the creator, while open): the needs it reached are recomputed. */
export async function action({ params, request, context }: Route.ActionArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const form = readForm(context);
  if (form.intent !== "withdraw") throw httpError(400);
  const offerActor = await offerActorOf(actor.id);
  if (!isConfirmed(form)) {
    return confirmRequest("offers.withdrawQuestion", "offers.withdrawConfirm", {
      intent: "withdraw",
    });
  }
  return handleAction(async () => {
    await withdrawOffer({ actor, offerActor, offerId: params.id });
    return redirect(`/offers/${params.id}`);
  });
}

export default function OfferPage() {
  const { offer, canManage, people } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <main id="main" className="page narrow-column">
      <title>{`${offer.title} · Synergy`}</title>
      <h1>{offer.title}</h1>
      {result && "message" in result ? (
        <FormMessage kind="error">{t(result.message)}</FormMessage>
      ) : null}
      <ConfirmPrompt confirm={confirmIn(result)} />
      {offer.withdrawn ? <p className="form-message error">{t("offers.withdrawnNotice")}</p> : null}
      {offer.description ? <p className="offer-description">{offer.description}</p> : null}
      <dl>
        <dt>{t("offers.topics")}</dt>
        <dd>{offer.topics.join(" · ")}</dd>
        <dt>{t("offers.formats")}</dt>
        <dd>{offer.formats.map((f) => t(`offers.format.${f}`)).join(", ")}</dd>
        <dt>{t("offers.languages")}</dt>
        <dd>{offer.languages.join(", ")}</dd>
        {offer.countries.length > 0 ? (
          <>
            <dt>{t("offers.countries")}</dt>
            <dd>{offer.countries.join(", ")}</dd>
          </>
        ) : null}
        <dt>{t("offers.when")}</dt>
        <dd>
          {offer.onDemand ? t("offers.onDemand") : null}
          {offer.startsOn
            ? `${offer.onDemand ? " · " : ""}${offer.startsOn}${offer.endsOn ? ` – ${offer.endsOn}` : ""}`
            : null}
        </dd>
        <dt>{t("offers.price")}</dt>
        <dd>{offer.price ?? t("offers.free")}</dd>
      </dl>
      {offer.createdBy && people.creatorName ? (
        <p>
          {t("offers.byEducator")}: <a href={`/people/${offer.createdBy}`}>{people.creatorName}</a>
          {people.organisationName ? ` · ${people.organisationName}` : ""}
        </p>
      ) : null}
      {canManage ? (
        <div className="inline-actions">
          <a className="button" href={`/offers/${offer.id}/edit`}>
            {t("offers.edit")}
          </a>
          <ConfirmAction
            label={t("offers.withdraw")}
            question="offers.withdrawQuestion"
            confirmLabel="offers.withdrawConfirm"
            fields={{ intent: "withdraw" }}
            className="button secondary"
          />
        </div>
      ) : null}
      <p className="section">
        <a href="/offers">{t("offers.backToList")}</a>
      </p>
    </main>
  );
}
