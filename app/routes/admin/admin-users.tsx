import { useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { adminPolicy } from "~/features/admin/rules";
import {
  type AdminUserFilter,
  adminUserFilters,
  adminUsersQuerySchema,
  roleChangeSchema,
} from "~/features/admin/schema";
import { listUsersForAdmin, setUserRole } from "~/features/admin/users.server";
import { useI18n } from "~/i18n/context";
import { decodeCursor } from "~/lib/cursor";
import { handleAction, handleLoader, httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { isUuid } from "~/lib/ids";
import { actorOf } from "~/lib/policy";
import { CsrfForm, FormMessage, SelectField, TextField } from "~/ui/form";
import { Pager } from "~/ui/pager";
import type { Route } from "./+types/admin-users";

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = actorOf(await requireUser(context, request));
  return handleLoader(async () => {
    adminPolicy.authorize(actor, "seePeople", undefined);
    const url = new URL(request.url);
    const query = adminUsersQuerySchema.safeParse({
      q: url.searchParams.get("q") ?? undefined,
      role: url.searchParams.get("role") ?? undefined,
    });
    if (!query.success) throw httpError(400);
    const after = decodeCursor(url.searchParams.get("after"));
    const page = await listUsersForAdmin({
      q: query.data.q || undefined,
      role: query.data.role,
      after,
    });
    return { ...page, q: query.data.q, role: query.data.role ?? "", isFirstPage: after === null };
  });
}

const confirmations = {
  "facilitator:grant": "admin.facilitatorGranted",
  "facilitator:remove": "admin.facilitatorRemoved",
  "admin:grant": "admin.adminGranted",
  "admin:remove": "admin.adminRemoved",
} as const;

export async function action({ request, context }: Route.ActionArgs) {
  const actor = actorOf(await requireUser(context, request));
  // Only admins learn anything about the form: everyone else gets the error page.
  await handleLoader(async () => adminPolicy.authorize(actor, "seePeople", undefined));
  const form = readForm(context);
  const userId = String(form.userId ?? "").toLowerCase();
  const change = roleChangeSchema.safeParse({ intent: String(form.intent ?? "") });
  if (!isUuid(userId) || !change.success) throw httpError(400);
  const [role, verb] = change.data.intent;
  return handleAction(async () => {
    // changeRole is authorized inside, on the admin count read under lock.
    const person = await setUserRole({ actor, userId, role, granted: verb === "grant" });
    if (!person) throw httpError(404);
    return {
      ok: true as const,
      message: confirmations[`${role}:${verb}`],
      name: person.displayName,
    };
  });
}

type Row = Awaited<ReturnType<typeof listUsersForAdmin>>["users"][number];

/** One person's actions, folded into a menu that opens without JavaScript. */
function RowActions(props: { user: Row }) {
  const { t } = useI18n();
  const u = props.user;
  const changes = [
    u.isFacilitator
      ? { intent: "facilitator:remove", label: "admin.removeFacilitator" }
      : { intent: "facilitator:grant", label: "admin.grantFacilitator" },
    u.isAdmin
      ? { intent: "admin:remove", label: "admin.removeAdmin" }
      : { intent: "admin:grant", label: "admin.grantAdmin" },
  ];
  return (
    <details className="menu">
      <summary className="button quiet small">
        {t("admin.actions")}
        <span className="sr-only">: {u.displayName}</span>
      </summary>
      <ul className="menu-panel">
        <li>
          <a href={`/people/${u.id}`}>{t("admin.viewProfile")}</a>
        </li>
        {changes.map((c) => (
          <li key={c.intent}>
            <CsrfForm method="post">
              <input type="hidden" name="userId" value={u.id} />
              <button
                type="submit"
                name="intent"
                value={c.intent}
                className={c.intent === "admin:remove" ? "menu-item danger" : "menu-item"}
              >
                {t(c.label)}
              </button>
            </CsrfForm>
          </li>
        ))}
      </ul>
    </details>
  );
}

export default function AdminUsers() {
  const { users, next, q, role, isFirstPage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const roleLabels: Record<AdminUserFilter, string> = {
    owner: t("role.owners"),
    educator: t("role.educators"),
    facilitator: t("admin.facilitators"),
    admin: t("admin.admins"),
  };
  return (
    <main id="main" className="page">
      <title>{`${t("admin.title")} · Synergy`}</title>
      <h1>{t("admin.title")}</h1>
      <nav aria-label={t("admin.sections")} className="inline-actions">
        <a href="/admin/users" aria-current="page">
          {t("admin.title")}
        </a>
        <a href="/admin/settings">{t("adminSettings.title")}</a>
        <a href="/admin/jobs">{t("adminJobs.title")}</a>
      </nav>
      {result ? (
        <FormMessage kind={result.ok ? "success" : "error"}>
          {result.ok ? t(result.message, { name: result.name }) : t(result.message)}
        </FormMessage>
      ) : null}
      <search>
        <form method="get" className="filters admin-filters">
          <TextField name="q" type="search" label={t("admin.search")} defaultValue={q} />
          <SelectField
            name="role"
            label={t("admin.filterRole")}
            emptyLabel={t("admin.everyone")}
            options={adminUserFilters.map((value) => ({ value, label: roleLabels[value] }))}
            defaultValue={role}
          />
          <div className="row">
            <button type="submit" className="button">
              {t("filters.apply")}
            </button>
            {q || role ? <a href="/admin/users">{t("filters.clear")}</a> : null}
          </div>
        </form>
      </search>
      {users.length === 0 ? (
        <p className="section">{t("admin.nobody")}</p>
      ) : (
        <div className="section">
          <table className="reflow">
            <caption className="sr-only">{t("admin.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.name")}</th>
                <th scope="col">{t("auth.email")}</th>
                <th scope="col">{t("admin.roles")}</th>
                <th scope="col">
                  <span className="sr-only">{t("admin.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} data-person-name={u.displayName}>
                  <th scope="row">
                    <a href={`/people/${u.id}`}>{u.displayName}</a>
                  </th>
                  <td data-label={t("auth.email")} className="wrap-anywhere">
                    {u.email}{" "}
                    {u.verified ? null : <span className="badge">{t("settings.unverified")}</span>}
                  </td>
                  <td data-label={t("admin.roles")}>
                    {t(`role.${u.role}`)}
                    {u.isFacilitator ? (
                      <>
                        {" "}
                        <span className="badge">{t("role.coordinator")}</span>
                      </>
                    ) : null}
                    {u.isAdmin ? (
                      <>
                        {" "}
                        <span className="badge strong">{t("role.admin")}</span>
                      </>
                    ) : null}
                  </td>
                  <td className="row-actions">
                    <RowActions user={u} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager next={next} isFirstPage={isFirstPage} />
    </main>
  );
}
