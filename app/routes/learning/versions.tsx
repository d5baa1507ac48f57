import { useLoaderData } from "react-router";
import { resolveLocale } from "~/features/accounts/locale.server";
import { presentResource } from "~/features/learning/present.server";
import {
  filesOf,
  listVersions,
  publishedContent,
  publishedFilesOf,
  readResourceSubject,
  versionContent,
} from "~/features/learning/resources.server";
import { resourcePolicy, seesWorkingCopy } from "~/features/learning/rules";
import { ResourceBody } from "~/features/learning/ui/resource-body";
import { topicKeyLabels } from "~/features/needs/topics.server";
import { useI18n } from "~/i18n/context";
import { handleLoader, notFound } from "~/lib/errors";
import { actorOf } from "~/lib/policy";
import { Time } from "~/ui/time";
import type { Route } from "./+types/versions";

/**
 * Every version sent for review; `?v=<n>` shows one. Readers of the resource may list them;
 * versions never published only for those who see the working copy (`seesWorkingCopy`).
 */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const auth = await context.auth();
  const actor = actorOf(auth);
  const locale = resolveLocale(auth, context.requestLocale);
  const wanted = new URL(request.url).searchParams.get("v");
  return handleLoader(async () => {
    const found = await readResourceSubject(params.id, actor);
    if (!found) throw notFound();
    const { row, subject } = found;
    resourcePolicy.authorize(actor, "view", subject);
    const insider = seesWorkingCopy(subject);
    const all = await listVersions(row.id, actor?.id ?? null);
    const versions = insider
      ? all
      : all.filter((v) => row.publishedVersion !== null && v.version <= row.publishedVersion);
    let shown = null;
    if (wanted !== null) {
      const number = Number(wanted);
      if (!Number.isInteger(number) || !versions.some((v) => v.version === number)) {
        throw notFound();
      }
      const content = await versionContent(row.id, number);
      if (!content) throw notFound();
      const [files, labels] = await Promise.all([
        // Readers get the published version's files only, as on the resource page.
        insider ? filesOf(row.id) : publishedFilesOf(row.id),
        topicKeyLabels(content.topics, locale),
      ]);
      shown = {
        version: number,
        resource: presentResource({ ...content, id: row.id }, files, labels),
      };
    }
    // Readers know the resource by its published title, not the one being reworked.
    const title = insider ? row.title : ((await publishedContent(row))?.title ?? row.title);
    return {
      id: row.id,
      title,
      publishedVersion: row.publishedVersion,
      versions,
      shown,
    };
  });
}

export default function Versions() {
  const { id, title, publishedVersion, versions, shown } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <main id="main" className="page narrow-column">
      <title>{`${t("learning.versions.title", { title })} · Synergy`}</title>
      <p>
        <a href={`/learn/${id}`}>{t("learning.versions.back")}</a>
      </p>
      <h1>{t("learning.versions.title", { title })}</h1>
      {versions.length === 0 ? <p>{t("learning.versions.empty")}</p> : null}
      <ol reversed>
        {versions.map((v) => (
          <li key={v.version}>
            <a href={`/learn/${id}/versions?v=${v.version}`}>
              {t("learning.versions.line", { version: v.version, title: v.title })}
            </a>{" "}
            <span className="muted">
              <Time value={v.created_at} />
              {v.edited_by ? ` · ${v.edited_by}` : ""}
              {v.version === publishedVersion ? ` · ${t("learning.versions.published")}` : ""}
            </span>
            {v.note ? <p className="muted">{v.note}</p> : null}
          </li>
        ))}
      </ol>
      {shown ? (
        <section aria-labelledby="shown-version">
          <h2 id="shown-version">
            {t("learning.versions.line", { version: shown.version, title: shown.resource.title })}
          </h2>
          <ResourceBody resource={shown.resource} />
        </section>
      ) : null}
    </main>
  );
}
