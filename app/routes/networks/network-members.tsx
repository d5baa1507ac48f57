import { data, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { fieldErrors } from "~/features/accounts/schema";
import { mentionHandle } from "~/features/content/mentions.server";
import {
  createInvitationLink,
  inviteByEmail,
  listInvitations,
  revokeInvitationLink,
} from "~/features/networks/invitations.server";
import {
  decideJoinRequest,
  liftRemoval,
  listNetworkMembers,
  listRemovals,
  removeMember,
  setNetworkRole,
} from "~/features/networks/membership.server";
import { loadNetworkHeader } from "~/features/networks/page.server";
import { requireNetworkAccess } from "~/features/networks/policy.server";
import { type NetworkSubject, networkPolicy, networkSubject } from "~/features/networks/rules";
import { inviteEmailsSchema, inviteLinkSchema } from "~/features/networks/schema";
import { NetworkHeader } from "~/features/networks/ui/network-header";
import { viewerOf } from "~/features/profiles/policy.server";
import { parseFilters, peopleFilterSchema } from "~/features/profiles/schema-filters";
import { RoleSelect } from "~/features/profiles/ui/role-select";
import { countryName, countryOptions } from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { type ConfirmRequest, confirmRequest, isConfirmed } from "~/lib/confirm";
import { randomToken } from "~/lib/crypto.server";
import { decodeCursor } from "~/lib/cursor";
import { handleAction, handleLoader, httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { actorOf, type Person, personOf } from "~/lib/policy";
import { AuthorName } from "~/ui/author-name";
import { Avatar } from "~/ui/avatar";
import { ConfirmAction, ConfirmPrompt } from "~/ui/confirm";
import {
  CsrfForm,
  FilterActions,
  FormMessage,
  SelectField,
  SubmitButton,
  TextArea,
} from "~/ui/form";
import { formatDate, formatDateTime } from "~/ui/format";
import { JoinRequests } from "~/ui/join-requests";
import { Pager } from "~/ui/pager";
import type { Route } from "./+types/network-members";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { auth, access, header, locale } = await loadNetworkHeader(params.id, context);
  const actor = actorOf(auth);
  const net = networkSubject(access);
  await handleLoader(async () => networkPolicy.authorize(actor, "read", net));
  const url = new URL(request.url);
  const filters = parseFilters(peopleFilterSchema, url);
  const facilitators = url.searchParams.get("facilitators") === "1";
  const after = decodeCursor(url.searchParams.get("after"));
  const viewer = await viewerOf(auth);
  const page = await listNetworkMembers({
    networkId: access.network.id,
    viewer,
    status: "active",
    filters: { role: filters.role, country: filters.country, facilitators },
    after,
  });
  const pending = networkPolicy.can(actor, "seePending", net)
    ? (
        await listNetworkMembers({
          networkId: access.network.id,
          viewer,
          status: "pending",
          limit: 100,
        })
      ).members
    : [];
  const invitations = networkPolicy.can(actor, "seePending", net)
    ? await listInvitations(access.network.id)
    : [];
  // Who was removed is for this network's facilitators only.
  const removals = networkPolicy.can(actor, "seeRemovals", net)
    ? await listRemovals(access.network.id)
    : [];
  return {
    network: header,
    viewerId: viewer.userId,
    membersOnly: viewer.sight === "nothing",
    // A visitor who sees names only cannot find anyone by country (a profile field).
    seesFields: viewer.sight === "fields",
    filters: { ...filters, facilitators },
    isFirstPage: after === null,
    next: page.next,
    members: page.members.map((m) => ({
      ...m,
      handle: mentionHandle(m.displayName),
      countryName: countryName(m.country, locale),
    })),
    pending,
    invitations: invitations.map((i) => ({
      id: i.id,
      kind: i.kind,
      email: i.email,
      expiresAt: i.expiresAt.toISOString(),
      usedCount: i.usedCount,
    })),
    removals: removals.map((r) => ({
      id: r.id,
      userId: r.userId,
      displayName: r.displayName,
      removedAt: r.removedAt.toISOString(),
      removedByName: r.removedByName,
    })),
    countries: countryOptions(locale).slice(0, 60),
    /** A new one each time the page renders: it marks one filling-in of the invitation form. */
    inviteKey: randomToken().slice(0, 24),
  };
}

type Result = {
  ok: boolean;
  message?: string;
  confirm?: ConfirmRequest;
  link?: string;
  errors?: Record<string, string>;
  alreadyInvited?: string[];
};

type Form = Awaited<ReturnType<typeof readForm>>;
/** What every intent works on: who acts, the network as the rules see it, the form. */
type Act = { actor: Person; net: NetworkSubject; form: Form };
type Answer = ReturnType<typeof answer>;

const answer = async (result: Result, status = 200) => data<Result>(result, { status });
const done = (message: string, extra: Partial<Result> = {}) =>
  answer({ ok: true, message, ...extra });
const userIdOf = (form: Form) => String(form.userId ?? "");

async function decide({ actor, net, form }: Act): Answer {
  const decision = networkPolicy.authorize(actor, "manageMembers", net);
  const approve = form.intent === "approve";
  await decideJoinRequest({ decision, userId: userIdOf(form), approve });
  return done(approve ? "networks.approved" : "networks.declined");
}

async function remove({ actor, net, form }: Act): Answer {
  if (!isConfirmed(form)) {
    const fields = { intent: "remove", userId: userIdOf(form) };
    return answer(confirmRequest("networks.removeQuestion", "networks.removeConfirm", fields));
  }
  const target = { network: net, userId: userIdOf(form) };
  await removeMember({ decision: networkPolicy.authorize(actor, "removeMember", target) });
  return done("networks.removed");
}

async function lift({ actor, net, form }: Act): Answer {
  const decision = networkPolicy.authorize(actor, "liftRemoval", net);
  await liftRemoval({ decision, removalId: String(form.removalId ?? "") });
  return done("networks.removalLifted");
}

async function changeRole({ actor, net, form }: Act): Answer {
  const decision = networkPolicy.authorize(actor, "manageMembers", net);
  const role = form.intent === "promote" ? "facilitator" : "member";
  await setNetworkRole({ decision, userId: userIdOf(form), role });
  return done("networks.roleChanged");
}

async function inviteEmails({ actor, net, form }: Act): Answer {
  const decision = networkPolicy.authorize(actor, "invite", net);
  const parsed = inviteEmailsSchema.safeParse(form);
  if (!parsed.success) {
    return answer({ ok: false, message: "form.fixErrors", errors: fieldErrors(parsed.error) }, 400);
  }
  const { sent, alreadyInvited } = await inviteByEmail({
    decision,
    emails: parsed.data.emails,
    submissionKey: parsed.data.submissionKey,
  });
  return done("invites.sent", { link: String(sent), alreadyInvited });
}

async function inviteLink({ actor, net, form }: Act): Answer {
  const decision = networkPolicy.authorize(actor, "invite", net);
  const parsed = inviteLinkSchema.safeParse(form);
  if (!parsed.success) throw httpError(400);
  const { url } = await createInvitationLink({ decision, days: parsed.data.days });
  return done("invites.linkCreated", { link: url });
}

async function revokeLink({ actor, net, form }: Act): Answer {
  const decision = networkPolicy.authorize(actor, "invite", net);
  const invitationId = String(form.invitationId ?? "");
  if (!isConfirmed(form)) {
    const fields = { intent: "revoke-link", invitationId };
    return answer(confirmRequest("invites.revokeQuestion", "invites.revokeConfirm", fields));
  }
  if (!(await revokeInvitationLink({ decision, invitationId }))) throw httpError(404);
  return done("invites.revoked");
}

const intents: Record<string, (act: Act) => Answer> = {
  approve: decide,
  decline: decide,
  remove,
  "lift-removal": lift,
  promote: changeRole,
  demote: changeRole,
  "invite-emails": inviteEmails,
  "invite-link": inviteLink,
  "revoke-link": revokeLink,
};

export async function action({ params, request, context }: Route.ActionArgs) {
  const actor = personOf(await requireUser(context, request));
  const access = await requireNetworkAccess(params.id, actor.id);
  const net = networkSubject(access);
  // Anyone but this network's facilitators gets the error page, as before any intent is read.
  await handleLoader(async () => networkPolicy.authorize(actor, "manageMembers", net));
  const form = readForm(context);
  const intent = String(form.intent ?? "");
  if (!Object.hasOwn(intents, intent)) throw httpError(400);
  return handleAction(() => intents[intent]({ actor, net, form }));
}

export default function NetworkMembers() {
  const loaded = useLoaderData<typeof loader>();
  // A refusal (ActionFailure) reads as a Result without link or invitations.
  const result: Result | undefined = useActionData<typeof action>();
  const { t, locale, timeZone } = useI18n();
  const { network, members, pending, invitations, removals, filters } = loaded;
  return (
    <main id="main" className="page">
      <title>{`${t("networks.membersTitle")} · ${network.name} · Synergy`}</title>
      <NetworkHeader network={network} />
      <ConfirmPrompt confirm={result?.confirm} />
      {result?.message ? (
        <FormMessage kind={result.ok ? "success" : "error"}>
          {t(result.message, { count: Number(result.link) || 0 })}
          {result.message === "invites.linkCreated" && result.link ? (
            <>
              {" "}
              <code className="copyable">{result.link}</code>
            </>
          ) : null}
        </FormMessage>
      ) : null}
      {result?.alreadyInvited?.length ? (
        <FormMessage kind="success">
          {t("invites.alreadyPending", { count: result.alreadyInvited.length })}{" "}
          {result.alreadyInvited.join(", ")}
        </FormMessage>
      ) : null}
      <h2>{t("networks.membersTitle")}</h2>
      {loaded.membersOnly ? (
        <p className="notice">
          {t("people.membersOnly")}{" "}
          <a href={`/signin?next=${encodeURIComponent(`/networks/${network.id}/members`)}`}>
            {t("people.membersOnlySignIn")}
          </a>
        </p>
      ) : null}
      {loaded.membersOnly ? null : (
        <form method="get" className="filters" aria-label={t("people.filters")}>
          <RoleSelect value={filters.role} />
          {loaded.seesFields ? (
            <SelectField
              name="country"
              label={t("profile.country")}
              defaultValue={filters.country ?? ""}
              emptyLabel={t("filters.any")}
              options={loaded.countries}
            />
          ) : null}
          <label className="choice">
            <input
              type="checkbox"
              name="facilitators"
              value="1"
              defaultChecked={filters.facilitators}
            />{" "}
            <span>{t("networks.onlyFacilitators")}</span>
          </label>
          <FilterActions clearHref={`/networks/${network.id}/members`} />
        </form>
      )}
      <ul className="card-list three">
        {members.map((m) => (
          <li key={m.id} className="card person-card">
            <Avatar name={m.displayName} photoKey={m.photoKey} />
            <div>
              <h3>
                <AuthorName author={{ id: m.id, name: m.displayName, linked: m.linked }} />
              </h3>
              <p className="muted no-margin">
                {t(`role.${m.role}`)}
                {m.isFacilitator ? ` · ${t("role.facilitator")}` : ""}
                {m.countryName ? ` · ${m.countryName}` : ""}
              </p>
              {network.isMember && m.handle ? <p className="muted no-margin">@{m.handle}</p> : null}
              {m.headline ? <p>{m.headline}</p> : null}
              {network.isMember && loaded.viewerId && m.id !== loaded.viewerId ? (
                <p className="row no-margin">
                  <a href={`/conversations/new?to=${m.id}`}>
                    {t("conversations.sendMessage")}
                    <span className="sr-only"> {m.displayName}</span>
                  </a>
                  <label className="choice">
                    <input type="checkbox" name="to" value={m.id} form="group-message" />{" "}
                    <span>{t("conversations.selectForGroup", { name: m.displayName })}</span>
                  </label>
                </p>
              ) : null}
              {network.isFacilitator && m.id !== loaded.viewerId ? (
                <div className="row">
                  <CsrfForm method="post" className="inline-form">
                    <input type="hidden" name="userId" value={m.id} />
                    <SubmitButton
                      name="intent"
                      value={m.isFacilitator ? "demote" : "promote"}
                      className="link-button"
                    >
                      {t(m.isFacilitator ? "networks.demote" : "networks.promote")}
                      <span className="sr-only"> {m.displayName}</span>
                    </SubmitButton>
                  </CsrfForm>
                  <ConfirmAction
                    label={t("networks.remove")}
                    labelDetail={m.displayName}
                    question="networks.removeQuestion"
                    confirmLabel="networks.removeConfirm"
                    fields={{ intent: "remove", userId: m.id }}
                  />
                </div>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {network.isMember && loaded.viewerId ? (
        <form id="group-message" method="get" action="/conversations/new" className="section">
          <button type="submit" className="button secondary small">
            {t("conversations.messageSelected")}
          </button>
        </form>
      ) : null}
      <Pager next={loaded.next} isFirstPage={loaded.isFirstPage} />

      {network.isFacilitator ? (
        <>
          <JoinRequests heading={t("networks.requestsHeading")} people={pending} />
          {removals.length ? (
            <section className="section narrow-column" aria-labelledby="removals">
              <h2 id="removals">{t("networks.removalsHeading")}</h2>
              <p className="muted">{t("networks.removalsHint")}</p>
              <ul>
                {removals.map((r) => (
                  <li key={r.id}>
                    <a href={`/people/${r.userId}`}>{r.displayName}</a>{" "}
                    <span className="muted">
                      {t("networks.removedOn", {
                        date: formatDate(r.removedAt, locale, timeZone),
                        by: r.removedByName ?? "—",
                      })}
                    </span>{" "}
                    <CsrfForm method="post" className="inline-form">
                      <input type="hidden" name="removalId" value={r.id} />
                      <SubmitButton name="intent" value="lift-removal" className="link-button">
                        {t("networks.liftRemoval")}
                        <span className="sr-only"> {r.displayName}</span>
                      </SubmitButton>
                    </CsrfForm>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section className="section narrow-column" aria-labelledby="invite">
            <h2 id="invite">{t("invites.heading2")}</h2>
            <CsrfForm method="post" className="stack">
              <input type="hidden" name="intent" value="invite-emails" />
              {/* Sending this form twice (say after an error) must not invite anyone twice. */}
              <input type="hidden" name="submissionKey" value={loaded.inviteKey} />
              <TextArea
                name="emails"
                label={t("invites.emails")}
                hint={t("invites.emailsHint")}
                error={result?.errors?.emails}
                rows={3}
              />
              <SubmitButton>{t("invites.send")}</SubmitButton>
            </CsrfForm>
            <CsrfForm method="post" className="stack section">
              <input type="hidden" name="intent" value="invite-link" />
              <SelectField
                name="days"
                label={t("invites.linkDays")}
                defaultValue="7"
                options={[1, 7, 30].map((d) => ({
                  value: String(d),
                  label: t("invites.days", { count: d }),
                }))}
              />
              <SubmitButton className="button secondary">{t("invites.createLink")}</SubmitButton>
            </CsrfForm>
            {invitations.length ? (
              <ul className="section">
                {invitations.map((i) => (
                  <li key={i.id}>
                    {i.kind === "email" ? i.email : t("invites.linkUsed", { count: i.usedCount })}{" "}
                    <span className="muted">
                      {t("invites.until", { date: formatDateTime(i.expiresAt, locale, timeZone) })}
                    </span>
                    {i.kind === "link" ? (
                      <ConfirmAction
                        label={t("invites.revoke")}
                        question="invites.revokeQuestion"
                        confirmLabel="invites.revokeConfirm"
                        fields={{ intent: "revoke-link", invitationId: i.id }}
                      />
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        </>
      ) : null}
    </main>
  );
}
