import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { fieldErrors } from "~/features/accounts/schema";
import {
  fileResourceSchema,
  linkResourceSchema,
  MAX_RESOURCE_DESCRIPTION_LENGTH,
  MAX_RESOURCE_TITLE_LENGTH,
  MAX_RESOURCE_URL_LENGTH,
  resourceFilterSchema,
} from "~/features/networks/forum-schema";
import { loadNetworkHeader } from "~/features/networks/page.server";
import { requireNetworkAccess } from "~/features/networks/policy.server";
import {
  addFileResource,
  addLinkResource,
  deleteResource,
  listResources,
  resourceFacets,
} from "~/features/networks/resources.server";
import { networkPolicy, networkSubject } from "~/features/networks/rules";
import { NetworkHeader } from "~/features/networks/ui/network-header";
import {
  languageName,
  languageOptions,
  topicLabel,
  topicOptions,
} from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { type ConfirmRequest, confirmRequest, isConfirmed } from "~/lib/confirm";
import { randomToken } from "~/lib/crypto.server";
import { decodeCursor } from "~/lib/cursor";
import { getEnv } from "~/lib/env.server";
import { handleAction, handleLoader, httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { actorOf, personOf } from "~/lib/policy";
import { acceptsUploads } from "~/lib/uploads";
import { authorLabel } from "~/ui/author-name";
import { useComposerKey } from "~/ui/composer";
import { ConfirmAction, ConfirmPrompt, confirmIn } from "~/ui/confirm";
import {
  ChoiceGroup,
  CsrfForm,
  FilterActions,
  FormMessage,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from "~/ui/form";
import { Pager } from "~/ui/pager";
import { Time } from "~/ui/time";
import type { Route } from "./+types/network-resources";

/** Its forms carry files (photos, documents): the larger body limit applies. */
export const handle = acceptsUploads;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { access, header, locale, auth } = await loadNetworkHeader(params.id, context);
  const url = new URL(request.url);
  const after = decodeCursor(url.searchParams.get("after"));
  const filters = resourceFilterSchema.parse(Object.fromEntries(url.searchParams));
  const page = {
    network: header,
    viewerId: auth?.user.id ?? null,
    filters,
    isFirstPage: after === null,
    added: url.searchParams.get("added") === "1",
    submissionKey: randomToken().slice(0, 24),
    uploadLimitMb: Math.floor(getEnv().UPLOAD_LIMIT_BYTES / 1_000_000),
    // Sent with the page so the forms' limits come from the schema without bundling it.
    limits: {
      title: MAX_RESOURCE_TITLE_LENGTH,
      description: MAX_RESOURCE_DESCRIPTION_LENGTH,
      url: MAX_RESOURCE_URL_LENGTH,
    },
    options: {
      languages: languageOptions(locale),
      topics: topicOptions(locale),
    },
    // Preselected in the forms: resources are most often in the network's own language.
    defaultLanguage: access.network.languages[0] ?? locale,
  };
  // Non-members of a request or invite network see the header (to ask to join), with a 403.
  if (!networkPolicy.can(actorOf(auth), "read", networkSubject(access))) {
    return data(
      {
        ...page,
        list: null,
        options: { languages: [], topics: [] },
        filterOptions: { languages: [], topics: [] },
      },
      { status: 403 },
    );
  }
  const [list, facets] = await Promise.all([
    listResources({ networkId: access.network.id, viewerId: page.viewerId, filters, after }),
    resourceFacets(access.network.id),
  ]);
  const used = (values: string[], selected: string | undefined) =>
    new Set([...values, ...(selected ? [selected] : [])]);
  const usedLanguages = used(facets.languages, filters.language);
  const usedTopics = used(facets.topics, filters.topic);
  return {
    ...page,
    filterOptions: {
      languages: page.options.languages.filter((o) => usedLanguages.has(o.value)),
      topics: page.options.topics.filter((o) => usedTopics.has(o.value)),
    },
    list: {
      next: list.next,
      resources: list.resources.map((r) => ({
        ...r,
        languageName: languageName(r.language, locale),
        topicLabels: r.topics.map((slug) => topicLabel(slug, locale)),
      })),
    },
  };
}

type FormValues = {
  title: string;
  description: string;
  url: string;
  language: string;
  topics: string[];
};

type ActionResult = {
  ok: boolean;
  form?: "link" | "file";
  message?: string;
  errors?: Record<string, string>;
  values?: FormValues;
  confirm?: ConfirmRequest;
};

const asStrings = (value: unknown) =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");

/** Lands on the new resource, with empty forms (see useComposerKey). */
const posted = (id: string) => `&posted=${id}#resource-${id}`;

export async function action({ params, request, context }: Route.ActionArgs) {
  const actor = personOf(await requireUser(context, request));
  const access = await requireNetworkAccess(params.id, actor.id);
  const net = networkSubject(access);
  // Not allowed to write here: the error page, as for any page one may not use.
  const decision = await handleLoader(async () => networkPolicy.authorize(actor, "post", net));
  const networkId = access.network.id;
  const form = readForm(context);
  const which: "link" | "file" = form.intent === "add-file" ? "file" : "link";
  const values: FormValues = {
    title: String(form.title ?? ""),
    description: String(form.description ?? ""),
    url: typeof form.url === "string" ? form.url : "",
    language: String(form.language ?? ""),
    topics: asStrings(form.topics),
  };
  const fail = (status: number, result: Omit<ActionResult, "ok" | "form" | "values">) =>
    data<ActionResult>({ ok: false, form: which, values, ...result }, { status });
  return handleAction(
    async () => {
      switch (form.intent) {
        case "add-link": {
          const parsed = linkResourceSchema.safeParse(form);
          if (!parsed.success) {
            return fail(400, { message: "form.fixErrors", errors: fieldErrors(parsed.error) });
          }
          const added = await addLinkResource({ decision, ...parsed.data });
          return redirect(`/networks/${networkId}/resources?added=1${posted(added.id)}`);
        }
        case "add-file": {
          const parsed = fileResourceSchema.safeParse(form);
          if (!parsed.success) {
            return fail(400, { message: "form.fixErrors", errors: fieldErrors(parsed.error) });
          }
          const added = await addFileResource({
            decision,
            ...parsed.data,
            file: form.file,
          });
          return redirect(`/networks/${networkId}/resources?added=1${posted(added.id)}`);
        }
        case "delete":
          if (!isConfirmed(form)) {
            const fields = { intent: "delete", resourceId: String(form.resourceId ?? "") };
            return data<ActionResult>(
              confirmRequest("resources.deleteQuestion", "resources.deleteConfirm", fields),
            );
          }
          await deleteResource({
            networkId,
            resourceId: String(form.resourceId ?? ""),
            // deleteContent is authorized inside, once the resource's author is known.
            actor,
            network: net,
          });
          return data<ActionResult>({ ok: true, message: "resources.deleted" });
        default:
          throw httpError(400);
      }
      // The refusal names its field itself (file errors belong next to the file input).
    },
    { form: which, values },
  );
}

export default function NetworkResources() {
  const {
    network,
    list,
    filterOptions,
    filters,
    isFirstPage,
    added,
    submissionKey,
    options,
    defaultLanguage,
    viewerId,
    uploadLimitMb,
    limits,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const base = `/networks/${network.id}`;
  return (
    <main id="main" className="page">
      <title>{`${t("resources.title")} · ${network.name} · Synergy`}</title>
      <NetworkHeader network={network} />
      {added ? <FormMessage kind="success">{t("resources.added")}</FormMessage> : null}
      {result?.message ? (
        <FormMessage kind={result.ok ? "success" : "error"}>{t(result.message)}</FormMessage>
      ) : null}
      <ConfirmPrompt confirm={confirmIn(result)} action={`${base}/resources`} />
      {!list ? (
        <div className="card">
          <h2>{t("networks.membersOnlyTitle")}</h2>
          <p>{t("resources.membersOnly")}</p>
        </div>
      ) : (
        <>
          <h2>{t("resources.title")}</h2>
          <p>{t("resources.intro")}</p>
          {network.isMember ? (
            <div className="section stack">
              <ResourceForm
                kind="link"
                result={result?.form === "link" ? result : undefined}
                submissionKey={`${submissionKey}-l`}
                defaultLanguage={defaultLanguage}
                options={options}
                uploadLimitMb={uploadLimitMb}
                limits={limits}
              />
              <ResourceForm
                kind="file"
                result={result?.form === "file" ? result : undefined}
                submissionKey={`${submissionKey}-f`}
                defaultLanguage={defaultLanguage}
                options={options}
                uploadLimitMb={uploadLimitMb}
                limits={limits}
              />
            </div>
          ) : network.signedIn ? (
            <p className="muted">{t("resources.joinToShare")}</p>
          ) : null}
          {filterOptions.languages.length + filterOptions.topics.length > 0 ? (
            <form method="get" className="filters section" aria-label={t("resources.filters")}>
              <SelectField
                name="language"
                id="filter-language"
                label={t("resources.languageLabel")}
                defaultValue={filters.language ?? ""}
                emptyLabel={t("filters.any")}
                options={filterOptions.languages}
              />
              <SelectField
                name="topic"
                id="filter-topic"
                label={t("resources.topicLabel")}
                defaultValue={filters.topic ?? ""}
                emptyLabel={t("filters.any")}
                options={filterOptions.topics}
              />
              <FilterActions clearHref={`${base}/resources`} />
            </form>
          ) : null}
          <section aria-label={t("resources.listHeading")} className="section">
            {list.resources.length === 0 ? (
              <p>
                {t(
                  filters.language || filters.topic
                    ? "resources.emptyFiltered"
                    : network.isMember
                      ? "resources.emptyMember"
                      : "resources.empty",
                )}
              </p>
            ) : (
              <ul className="card-list">
                {list.resources.map((r) => {
                  const href =
                    r.kind === "link"
                      ? r.url
                      : `${base}/resources/${r.id}/${encodeURIComponent(r.filename ?? "file")}`;
                  const canDelete =
                    network.isMember &&
                    ((viewerId !== null && viewerId === r.addedBy.id) || network.isFacilitator);
                  return (
                    <li key={r.id} className="card resource" id={`resource-${r.id}`} tabIndex={-1}>
                      <h3 className="no-margin">
                        {!href ? (
                          r.title
                        ) : r.kind === "link" ? (
                          <a href={href} rel="nofollow noopener noreferrer ugc">
                            {r.title}
                          </a>
                        ) : (
                          <a href={href} download>
                            {r.title}
                          </a>
                        )}
                      </h3>
                      <p className="muted no-margin">
                        <span className="badge">
                          {t(r.kind === "link" ? "resources.kindLink" : "resources.kindFile")}
                        </span>{" "}
                        {r.kind === "file"
                          ? `${r.filename} (${Math.max(1, Math.round((r.sizeBytes ?? 0) / 1024))} KB) · `
                          : ""}
                        {r.languageName} ·{" "}
                        {t("resources.addedBy", { name: authorLabel(r.addedBy, t) })} ·{" "}
                        <Time value={r.createdAt} style="date" />
                      </p>
                      {r.description ? <Description text={r.description} /> : null}
                      {r.topicLabels.length ? (
                        <ul className="tags" aria-label={t("resources.topicsLabel")}>
                          {r.topicLabels.map((label) => (
                            <li key={label} className="tag">
                              {label}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                      {canDelete ? (
                        <ConfirmAction
                          label={t("resources.delete")}
                          labelDetail={r.title}
                          question="resources.deleteQuestion"
                          confirmLabel="resources.deleteConfirm"
                          fields={{ intent: "delete", resourceId: r.id }}
                          action={`${base}/resources`}
                        />
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
            <Pager next={list.next} isFirstPage={isFirstPage} />
          </section>
        </>
      )}
    </main>
  );
}

function ResourceForm(props: {
  kind: "link" | "file";
  result: ActionResult | undefined;
  submissionKey: string;
  defaultLanguage: string;
  options: {
    languages: { value: string; label: string }[];
    topics: { value: string; label: string }[];
  };
  uploadLimitMb: number;
  limits: { title: number; description: number; url: number };
}) {
  const { kind, result, options } = props;
  const { t } = useI18n();
  const errors = result?.errors ?? {};
  const values = result?.values;
  const id = (name: string) => `${kind}-${name}`;
  const composerKey = useComposerKey(props.submissionKey);
  return (
    <details className="card" open={Boolean(result) || undefined}>
      <summary>
        <strong>
          {t(kind === "link" ? "resources.addLinkHeading" : "resources.addFileHeading")}
        </strong>
      </summary>
      <CsrfForm
        key={composerKey}
        method="post"
        className="stack"
        encType={kind === "file" ? "multipart/form-data" : undefined}
        noValidate
      >
        <input type="hidden" name="submissionKey" value={composerKey} />
        {kind === "link" ? (
          <TextField
            id={id("url")}
            name="url"
            type="url"
            inputMode="url"
            label={t("resources.urlLabel")}
            hint={t("resources.urlHint")}
            defaultValue={values?.url}
            error={errors.url}
            maxLength={props.limits.url}
            required
          />
        ) : (
          <TextField
            id={id("file")}
            name="file"
            type="file"
            label={t("resources.fileLabel")}
            hint={t("resources.fileHint", { mb: props.uploadLimitMb })}
            error={errors.file}
            required
          />
        )}
        <TextField
          id={id("title")}
          name="title"
          label={t("resources.titleLabel")}
          defaultValue={values?.title}
          error={errors.title}
          maxLength={props.limits.title}
          required
        />
        <TextArea
          id={id("description")}
          name="description"
          label={t("resources.descriptionLabel")}
          hint={t("resources.descriptionHint")}
          defaultValue={values?.description}
          error={errors.description}
          maxLength={props.limits.description}
          rows={3}
        />
        <SelectField
          id={id("language")}
          name="language"
          label={t("resources.languageLabel")}
          defaultValue={values?.language || props.defaultLanguage}
          error={errors.language}
          options={options.languages}
        />
        <details className="field" open={Boolean(errors.topics) || undefined}>
          <summary>{t("resources.topicsLabel")}</summary>
          <ChoiceGroup
            name="topics"
            type="checkbox"
            legend={t("resources.topicsLegend")}
            selected={values?.topics ?? []}
            error={errors.topics}
            columns
            options={options.topics}
          />
        </details>
        <SubmitButton name="intent" value={kind === "link" ? "add-link" : "add-file"}>
          {t(kind === "link" ? "resources.addLink" : "resources.addFile")}
        </SubmitButton>
      </CsrfForm>
    </details>
  );
}

/** Plain text as typed: blank lines start paragraphs, single line breaks stay. */
function Description(props: { text: string }) {
  return (
    <>
      {props.text.split(/\n\s*\n/).map((paragraph, i) => (
        <p key={i}>
          {paragraph.split("\n").map((line, j) => (
            <span key={j}>
              {j > 0 ? <br /> : null}
              {line}
            </span>
          ))}
        </p>
      ))}
    </>
  );
}
