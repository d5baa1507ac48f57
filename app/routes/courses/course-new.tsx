import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { courseActorOf } from "~/features/courses/courses.server";
import { createCourse, memberNetworks } from "~/features/courses/editor.server";
import { coursePolicy } from "~/features/courses/rules";
import { type CourseDetailsValues, readCourseDetails } from "~/features/courses/schema";
import { CourseDetailsForm } from "~/features/courses/ui/details-form";
import { languageOptions } from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { randomToken } from "~/lib/crypto.server";
import { handleAction, handleLoader } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { readSubmissionKey } from "~/lib/submission-key";
import { FormMessage } from "~/ui/form";
import type { Route } from "./+types/course-new";

/** Start a course (educators and facilitators): its details first, then sections and lessons. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  await handleLoader(async () =>
    coursePolicy.authorize(actor, "create", await courseActorOf(actor.id)),
  );
  const locale = resolveLocale(auth, context.requestLocale);
  const networks = await memberNetworks(actor.id);
  const values: CourseDetailsValues = {
    title: "",
    summary: "",
    language: locale,
    network: "",
    completionRule: "all_lessons_and_quizzes",
    passMark: "70",
  };
  return {
    values,
    options: {
      languages: languageOptions(locale).slice(0, 40),
      networks: networks.map((n) => ({ value: n.id, label: n.name })),
    },
    submissionKey: randomToken().slice(0, 24),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const actor = personOf(await requireUser(context, request));
  await handleLoader(async () =>
    coursePolicy.authorize(actor, "create", await courseActorOf(actor.id)),
  );
  const form = readForm(context);
  const read = readCourseDetails(form);
  if (!read.input) {
    return data(
      {
        ok: false as const,
        message: "form.fixErrors" as const,
        errors: read.errors,
        values: read.values,
      },
      { status: 400 },
    );
  }
  const input = read.input;
  return handleAction(
    async () => {
      const { id } = await createCourse(actor, input, readSubmissionKey(form.submissionKey));
      return redirect(`/courses/${id}/edit`);
    },
    { values: read.values },
  );
}

export default function CourseNew() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <main id="main" className="page narrow-column">
      <title>{`${t("courses.newTitle")} · Synergy`}</title>
      <p>
        <a href="/courses">{t("courses.backToList")}</a>
      </p>
      <h1>{t("courses.newTitle")}</h1>
      <p>{t("courses.newIntro")}</p>
      {result?.message ? <FormMessage kind="error">{t(result.message)}</FormMessage> : null}
      <CourseDetailsForm
        values={result?.values ?? d.values}
        errors={result?.errors}
        options={d.options}
        submissionKey={d.submissionKey}
        submitLabel={t("courses.create")}
      />
    </main>
  );
}
