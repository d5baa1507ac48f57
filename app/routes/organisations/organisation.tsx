import { useActionData, useLoaderData, useSearchParams } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import {
  decideJoinRequest,
  getOrganisation,
  leaveOrganisation,
  organisationExists,
  organisationSubject,
  requestToJoin,
} from "~/features/organisations/organisations.server";
import { organisationPolicy } from "~/features/organisations/rules";
import { organisationOpportunities } from "~/features/partnering/opportunities.server";
import { listPublishedStories } from "~/features/partnering/stories.server";
import { StoryList } from "~/features/partnering/ui/story-list";
import {
  countryName,
  sectorName,
  topicEscoUri,
  topicLabel,
} from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { confirmRequest, isConfirmed } from "~/lib/confirm";
import { handleAction, httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { actorOf, type Person, personOf } from "~/lib/policy";
import { ConfirmAction, ConfirmPrompt, confirmIn } from "~/ui/confirm";
import { EscoAcknowledgement } from "~/ui/esco-ack";
import { CsrfForm, FormMessage, SubmitButton } from "~/ui/form";
import { JoinRequests } from "~/ui/join-requests";
import type { Route } from "./+types/organisation";

export async function loader({ params, context }: Route.LoaderArgs) {
  const auth = await context.auth();
  const locale = resolveLocale(auth, context.requestLocale);
  const found = await getOrganisation({ id: params.id, actor: actorOf(auth) });
  if (!found) throw httpError(404, "org.notFound");
  const { organisation: o } = found;
  // Its current published partnering opportunities (issue 12), titles in the reader's language.
  const opportunities = (await organisationOpportunities(o.id, locale)).map((r) => ({
    id: r.id,
    title: r.title,
  }));
  // The partnership stories either side of which it was (published: approved by both).
  const stories = await listPublishedStories({ organisationId: o.id });
  return {
    ...found,
    opportunities,
    stories,
    signedIn: auth !== null,
    organisation: {
      ...o,
      countryName: countryName(o.country, locale),
      sector: sectorName(o.naceDivision, locale),
      topics: o.topics.map((slug) => ({
        slug,
        label: topicLabel(slug, locale),
        esco: Boolean(topicEscoUri(slug)),
      })),
    },
  };
}

type Signed = Awaited<ReturnType<typeof requireUser>>;
type Form = Awaited<ReturnType<typeof readForm>>;

async function askToJoin(actor: Person, organisationId: string) {
  organisationPolicy.authorize(
    actor,
    "requestToJoin",
    await organisationSubject(organisationId, actor),
  );
  await requestToJoin({ organisationId, userId: actor.id });
  return { message: "org.joinRequested" };
}

async function leave(actor: Person, organisationId: string, form: Form) {
  if (!isConfirmed(form)) {
    return confirmRequest("org.leaveQuestion", "org.leaveConfirm", { intent: "leave" });
  }
  // The last-admin rule is authorized inside, on the admins locked there.
  await leaveOrganisation({ actor, organisationId });
  return { message: "org.left" };
}

async function decide(actor: Person, organisationId: string, form: Form) {
  const decision = organisationPolicy.authorize(
    actor,
    "decideJoinRequests",
    await organisationSubject(organisationId, actor),
  );
  const approve = form.intent === "approve";
  const ok = await decideJoinRequest({ decision, userId: String(form.userId ?? ""), approve });
  if (!ok) throw httpError(404);
  return { message: approve ? "org.approved" : "org.declined" };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const signed: Signed = await requireUser(context, request);
  const actor = personOf(signed);
  const form = readForm(context);
  // The page's data (members, topics, requests) is not needed to act; existence is.
  if (!(await organisationExists(params.id))) throw httpError(404, "org.notFound");
  const organisationId = params.id;
  return handleAction(async () => {
    switch (form.intent) {
      case "join":
        return askToJoin(actor, organisationId);
      case "leave":
        return leave(actor, organisationId, form);
      case "approve":
      case "decline":
        return decide(actor, organisationId, form);
      default:
        throw httpError(400);
    }
  });
}

export default function Organisation() {
  const {
    organisation: o,
    members,
    viewerMembership,
    pending,
    signedIn,
    opportunities,
    stories,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  return (
    <main id="main" className="page">
      <title>{`${o.name} · Synergy`}</title>
      {params.get("saved") === "1" ? (
        <FormMessage kind="success">{t("org.saved")}</FormMessage>
      ) : null}
      {params.get("created") === "1" ? (
        <FormMessage kind="success">{t("org.created")}</FormMessage>
      ) : null}
      {result && "message" in result && result.message ? (
        <FormMessage kind={"ok" in result && result.ok === false ? "error" : "success"}>
          {t(result.message)}
        </FormMessage>
      ) : null}
      <ConfirmPrompt confirm={confirmIn(result)} />
      <h1>{o.name}</h1>
      <p>
        <span className="badge">{t(`org.kind.${o.kind}`)}</span>{" "}
        <span className="muted">{[o.region, o.countryName].filter(Boolean).join(", ")}</span>
      </p>
      {o.description ? <p>{o.description}</p> : null}
      {viewerMembership?.role === "admin" && viewerMembership.status === "active" ? (
        <p>
          <a className="button secondary small" href={`/organisations/${o.id}/edit`}>
            {t("org.edit")}
          </a>
        </p>
      ) : null}
      <dl className="facts">
        {o.kind === "enterprise" ? (
          <>
            <dt>{t("org.sector")}</dt>
            <dd>{o.sector}</dd>
            {o.sizeBand ? (
              <>
                <dt>{t("org.size")}</dt>
                <dd>{t(`org.sizeBand.${o.sizeBand}`)}</dd>
              </>
            ) : null}
            {o.yearFounded ? (
              <>
                <dt>{t("org.yearFounded")}</dt>
                <dd>{o.yearFounded}</dd>
              </>
            ) : null}
          </>
        ) : (
          <>
            {o.providerType ? (
              <>
                <dt>{t("org.providerType")}</dt>
                <dd>{t(`org.providerTypes.${o.providerType}`)}</dd>
              </>
            ) : null}
            <dt>{t("org.deliveryModes")}</dt>
            <dd>{o.deliveryModes.map((m) => t(`org.delivery.${m}`)).join(", ")}</dd>
            <dt>{t("org.eqfLevels")}</dt>
            <dd>{o.eqfLevels.join(", ")}</dd>
          </>
        )}
        {o.website ? (
          <>
            <dt>{t("org.website")}</dt>
            <dd>
              <a href={o.website} rel="nofollow noopener">
                {o.website}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {o.topics.length ? (
        <section className="section" aria-labelledby="topics">
          <h2 id="topics">{t("org.topics")}</h2>
          <ul className="tags">
            {o.topics.map((topic) => (
              <li key={topic.slug} className="tag">
                {topic.label}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {opportunities.length ? (
        <section className="section" aria-labelledby="opportunities">
          <h2 id="opportunities">{t("partnering.organisationOpportunities")}</h2>
          <ul>
            {opportunities.map((x) => (
              <li key={x.id}>
                <a href={`/partnering/${x.id}`}>{x.title}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <StoryList stories={stories} showOpportunity />
      <section className="section" aria-labelledby="people">
        <h2 id="people">{t("org.people", { count: members.length })}</h2>
        {members.length ? (
          <ul>
            {members.map((m) => (
              <li key={m.id}>
                <a href={`/people/${m.id}`}>{m.displayName}</a>{" "}
                <span className="muted">
                  ({t(`role.${m.role}`)}
                  {m.isAdmin ? `, ${t("org.adminBadge")}` : ""})
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("org.noPeople")}</p>
        )}
      </section>
      <JoinRequests heading={t("org.pendingHeading")} people={pending} />
      <section className="section">
        {!signedIn ? (
          <p>
            <a href="/signin">{t("org.signInToJoin")}</a>
          </p>
        ) : viewerMembership === null ? (
          <CsrfForm method="post">
            <SubmitButton name="intent" value="join">
              {t("org.askToJoin")}
            </SubmitButton>
          </CsrfForm>
        ) : viewerMembership.status === "pending" ? (
          <p className="badge">{t("org.requestPending")}</p>
        ) : (
          <ConfirmAction
            label={t("org.leave")}
            question="org.leaveQuestion"
            confirmLabel="org.leaveConfirm"
            fields={{ intent: "leave" }}
            className="button secondary"
          />
        )}
      </section>
      {o.topics.some((x) => x.esco) ? <EscoAcknowledgement /> : null}
    </main>
  );
}
