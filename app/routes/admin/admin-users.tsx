import { useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { adminPolicy } from "~/features/admin/rules";
import { listUsersForAdmin, setUserRole } from "~/features/admin/users.server";
import { useI18n } from "~/i18n/context";
import { decodeCursor } from "~/lib/cursor";
import { handleAction, handleLoader, httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { isUuid } from "~/lib/ids";
import { actorOf } from "~/lib/policy";
import { CsrfForm, FormMessage, SubmitButton, TextField } from "~/ui/form";
import { Pager } from "~/ui/pager";
import type { Route } from "./+types/admin-users";

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = actorOf(await requireUser(context, request));
  return handleLoader(async () => {
    adminPolicy.authorize(actor, "seePeople", undefined);
    const url = new URL(request.url);
    const q = (url.searchParams.get("q") ?? "").trim().slice(0, 80);
    const after = decodeCursor(url.searchParams.get("after"));
    const page = await listUsersForAdmin({ q: q || undefined, after });
    return { ...page, q, isFirstPage: after === null };
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = actorOf(await requireUser(context, request));
  // Only admins learn anything about the form: everyone else gets the error page.
  await handleLoader(async () => adminPolicy.authorize(actor, "seePeople", undefined));
  const form = readForm(context);
  const userId = String(form.userId ?? "");
  const [role, change] = String(form.intent ?? "").split(":");
  if (!isUuid(userId)) throw httpError(400);
  if ((role !== "facilitator" && role !== "admin") || (change !== "grant" && change !== "remove")) {
    throw httpError(400);
  }
  return handleAction(async () => {
    // changeRole is authorized inside, on the admin count read under lock.
    const ok = await setUserRole({ actor, userId, role, granted: change === "grant" });
    if (!ok) throw httpError(404);
    return { ok: true as const, message: "admin.saved" };
  });
}

export default function AdminUsers() {
  const { users, next, q, isFirstPage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <main id="main" className="page">
      <title>{`${t("admin.title")} · Synergy`}</title>
      <h1>{t("admin.title")}</h1>
      <p>
        <a href="/admin/settings">{t("adminSettings.title")}</a> ·{" "}
        <a href="/admin/jobs">{t("adminJobs.title")}</a>
      </p>
      {result ? (
        <FormMessage kind={result.ok ? "success" : "error"}>{t(result.message)}</FormMessage>
      ) : null}
      <search>
        <form method="get" className="row">
          <TextField name="q" type="search" label={t("admin.search")} defaultValue={q} />
          <button type="submit" className="button secondary">
            {t("onboarding.search")}
          </button>
        </form>
      </search>
      <div className="table-wrap section">
        <table>
          <caption className="sr-only">{t("admin.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("profile.displayName")}</th>
              <th scope="col">{t("auth.email")}</th>
              <th scope="col">{t("people.role")}</th>
              <th scope="col">{t("role.coordinator")}</th>
              <th scope="col">{t("role.admin")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  <a href={`/people/${u.id}`}>{u.displayName}</a>
                </td>
                <td>
                  {u.email}{" "}
                  {u.verified ? null : <span className="badge">{t("settings.unverified")}</span>}
                </td>
                <td>{t(`role.${u.role}`)}</td>
                {(["facilitator", "admin"] as const).map((role) => {
                  const has = role === "admin" ? u.isAdmin : u.isFacilitator;
                  return (
                    <td key={role}>
                      <CsrfForm method="post">
                        <input type="hidden" name="userId" value={u.id} />
                        <SubmitButton
                          name="intent"
                          value={`${role}:${has ? "remove" : "grant"}`}
                          className={`button small${has ? " secondary" : ""}`}
                        >
                          {t(has ? "admin.remove" : "admin.grant")}
                          <span className="sr-only">
                            {" "}
                            {t(role === "admin" ? "role.admin" : "role.coordinator")}:{" "}
                            {u.displayName}
                          </span>
                        </SubmitButton>
                      </CsrfForm>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager next={next} isFirstPage={isFirstPage} />
    </main>
  );
}
