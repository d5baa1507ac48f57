import { redirect, useLoaderData, useSearchParams } from "react-router";
import { requireUser, safeRedirect } from "~/features/accounts/guard.server";
import {
  blockPerson,
  listBlocked,
  unblockPerson,
} from "~/features/conversations/conversations.server";
import { conversationPolicy } from "~/features/conversations/rules";
import { useI18n } from "~/i18n/context";
import { handleAction, httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { CsrfForm, FormMessage, SubmitButton } from "~/ui/form";
import type { Route } from "./+types/blocked";

/** `/settings/blocked`: the people I blocked, each with "Unblock"; blocking posts here too. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const people = await listBlocked(auth.user.id);
  return { people: people.map((p) => ({ id: p.id, name: p.display_name })) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = personOf(await requireUser(context, request));
  const form = readForm(context);
  const personId = String(form.person ?? "");
  return handleAction(async () => {
    if (form.intent === "block") {
      const decision = conversationPolicy.authorize(actor, "block", { userId: personId });
      await blockPerson({ decision });
      return redirect(safeRedirect(form.redirectTo, "/settings/blocked?blocked=1"));
    }
    if (form.intent === "unblock") {
      await unblockPerson(actor.id, personId);
      return redirect("/settings/blocked?unblocked=1");
    }
    throw httpError(400);
  });
}

export default function Blocked() {
  const { people } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  return (
    <main id="main" className="page narrow-column">
      <title>{`${t("blocked.title")} · Synergy`}</title>
      <h1>{t("blocked.title")}</h1>
      {params.get("unblocked") === "1" ? (
        <FormMessage kind="success">{t("blocked.unblockedDone")}</FormMessage>
      ) : null}
      {params.get("blocked") === "1" ? (
        <FormMessage kind="success">{t("conversations.blockedDone")}</FormMessage>
      ) : null}
      <p>{t("blocked.explained")}</p>
      {people.length === 0 ? (
        <p>{t("blocked.none")}</p>
      ) : (
        <ul className="card-list">
          {people.map((p) => (
            <li key={p.id} className="card">
              <a href={`/people/${p.id}`}>{p.name}</a>{" "}
              <CsrfForm method="post" className="inline-form">
                <input type="hidden" name="person" value={p.id} />
                <SubmitButton name="intent" value="unblock" className="button secondary small">
                  {t("blocked.unblock", { name: p.name })}
                </SubmitButton>
              </CsrfForm>
            </li>
          ))}
        </ul>
      )}
      <p className="section">
        <a href="/conversations">{t("conversations.backToList")}</a>
      </p>
    </main>
  );
}
