import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { authorizeCourse, courseOutline } from "~/features/courses/courses.server";
import {
  addQuizLesson,
  addResourceLesson,
  addSection,
  courseForEditing,
  memberNetworks,
  moveLesson,
  moveSection,
  publishCourse,
  removeLesson,
  removeSection,
  renameSection,
  searchResources,
  unpublishCourse,
  updateDetails,
} from "~/features/courses/editor.server";
import {
  type CourseDetailsValues,
  directionSchema,
  readCourseDetails,
  sectionTitleSchema,
} from "~/features/courses/schema";
import { CourseDetailsForm } from "~/features/courses/ui/details-form";
import { languageOptions } from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { DomainError, handleAction, handleLoader, invalid, messageValuesOf } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { CsrfForm, FormMessage, TextArea, TextField } from "~/ui/form";
import type { Route } from "./+types/course-edit";

/**
 * The course editor (its owner): details, sections (add, rename, move, remove), lessons (a
 * published resource found by search, or a quiz written in the self-assessment format; move,
 * remove), publish. Every change is its own small form, so it all works without JavaScript.
 */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const locale = resolveLocale(auth, context.requestLocale);
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").slice(0, 100);
  const searchSection = url.searchParams.get("section") ?? "";
  return handleLoader(async () => {
    const { facts } = await authorizeCourse(actor, "edit", params.id);
    const [course, outline, networks, found] = await Promise.all([
      courseForEditing(facts.id),
      courseOutline(facts.id, null),
      memberNetworks(actor.id),
      searchResources(actor.id, facts.network_id, query),
    ]);
    const values: CourseDetailsValues = {
      title: course.title,
      summary: course.summary,
      language: course.language,
      network: course.network_id ?? "",
      completionRule: course.completion_rule,
      passMark: String(course.pass_mark),
    };
    return {
      course,
      values,
      outline,
      query,
      searchSection,
      found,
      options: {
        languages: languageOptions(locale).slice(0, 40),
        networks: networks.map((n) => ({ value: n.id, label: n.name })),
      },
    };
  });
}

const str = (value: unknown) => (typeof value === "string" ? value : "");

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = personOf(await requireUser(context, request));
  const form = readForm(context);
  const intent = str(form.intent);
  const id = params.id;
  if (intent === "details") {
    const read = readCourseDetails(form);
    if (!read.input) {
      return data(
        { ok: false as const, message: "form.fixErrors", errors: read.errors, values: read.values },
        { status: 400 },
      );
    }
    const input = read.input;
    return handleAction(
      async () => {
        await updateDetails(actor, id, input);
        return { ok: true as const, done: "courses.saved" as const };
      },
      { values: read.values },
    );
  }
  return handleAction(async () => {
    const title = (field: string) => {
      const parsed = sectionTitleSchema.safeParse(form[field]);
      if (!parsed.success) throw invalid(parsed.error.issues[0]!.message as never, field);
      return parsed.data;
    };
    const direction = () => {
      const parsed = directionSchema.safeParse(form.direction);
      if (!parsed.success) throw invalid();
      return parsed.data;
    };
    switch (intent) {
      case "addSection":
        await addSection(actor, id, title("title"));
        break;
      case "renameSection":
        await renameSection(actor, id, str(form.sectionId), title("title"));
        break;
      case "moveSection":
        await moveSection(actor, id, str(form.sectionId), direction());
        break;
      case "removeSection":
        await removeSection(actor, id, str(form.sectionId));
        break;
      case "addResource":
        await addResourceLesson(actor, id, str(form.sectionId), str(form.resourceId));
        break;
      case "addQuiz":
        await addQuizLesson(actor, id, str(form.sectionId), title("title"), str(form.quiz));
        break;
      case "moveLesson":
        await moveLesson(actor, id, str(form.lessonId), direction());
        break;
      case "removeLesson":
        await removeLesson(actor, id, str(form.lessonId));
        break;
      case "publish":
        await publishCourse(actor, id);
        break;
      case "unpublish":
        await unpublishCourse(actor, id);
        break;
      default:
        throw new DomainError(400, "errors.badRequest");
    }
    return redirect(`/courses/${id}/edit`);
  });
}

function Hidden(props: Record<string, string>) {
  return (
    <>
      {Object.entries(props).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

function SmallButton(props: { fields: Record<string, string>; label: string }) {
  return (
    <CsrfForm method="post" className="inline-form">
      <Hidden {...props.fields} />
      <button type="submit" className="button secondary small">
        {props.label}
      </button>
    </CsrfForm>
  );
}

export default function CourseEdit() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const failure = result && "message" in result && result.message ? result.message : null;
  const errors = result && "errors" in result ? (result.errors as Record<string, string>) : {};
  const values = result && "values" in result && result.values ? result.values : d.values;
  return (
    <main id="main" className="page narrow-column">
      <title>{`${t("courses.editTitle")} · ${d.course.title} · Synergy`}</title>
      <p>
        <a href={`/courses/${d.course.id}`}>
          {t("courses.backToCourse", { title: d.course.title })}
        </a>
      </p>
      <h1>{t("courses.editTitle")}</h1>
      {failure ? (
        <FormMessage kind="error">{t(failure as never, messageValuesOf(result))}</FormMessage>
      ) : null}
      {result && "done" in result ? (
        <FormMessage kind="success">{t(result.done)}</FormMessage>
      ) : null}
      <p>
        {t(d.course.status === "published" ? "courses.published" : "courses.draft")} ·{" "}
        {t("courses.lessonCount", { count: d.course.lesson_count })}
      </p>
      {d.course.status === "published" ? (
        <SmallButton fields={{ intent: "unpublish" }} label={t("courses.unpublish")} />
      ) : (
        <SmallButton fields={{ intent: "publish" }} label={t("courses.publish")} />
      )}

      <section className="section" aria-labelledby="details-heading">
        <h2 id="details-heading">{t("courses.details")}</h2>
        <CourseDetailsForm
          values={values}
          errors={errors}
          options={d.options}
          intent="details"
          submitLabel={t("courses.save")}
        />
      </section>

      <section className="section" aria-labelledby="sections-heading">
        <h2 id="sections-heading">{t("courses.sections")}</h2>
        {d.outline.map((section, sectionIndex) => (
          <section key={section.id} className="card stack" aria-labelledby={`s-${section.id}`}>
            <h3 id={`s-${section.id}`}>{section.title}</h3>
            <CsrfForm method="post" className="stack">
              <Hidden intent="renameSection" sectionId={section.id} />
              <TextField
                id={`rename-${section.id}`}
                name="title"
                label={t("courses.sectionTitle")}
                defaultValue={section.title}
                maxLength={160}
              />
              <button type="submit" className="button secondary">
                {t("courses.rename")}
              </button>
            </CsrfForm>
            <p>
              {sectionIndex > 0 ? (
                <SmallButton
                  fields={{ intent: "moveSection", sectionId: section.id, direction: "up" }}
                  label={t("courses.moveUp")}
                />
              ) : null}
              {sectionIndex < d.outline.length - 1 ? (
                <SmallButton
                  fields={{ intent: "moveSection", sectionId: section.id, direction: "down" }}
                  label={t("courses.moveDown")}
                />
              ) : null}
              <SmallButton
                fields={{ intent: "removeSection", sectionId: section.id }}
                label={t("courses.removeSection")}
              />
            </p>
            <ol>
              {section.lessons.map((lesson) => (
                <li key={lesson.id}>
                  {lesson.kind === "quiz" ? `${lesson.title} (${t("courses.quiz")})` : lesson.title}{" "}
                  <SmallButton
                    fields={{ intent: "moveLesson", lessonId: lesson.id, direction: "up" }}
                    label={t("courses.moveUp")}
                  />
                  <SmallButton
                    fields={{ intent: "moveLesson", lessonId: lesson.id, direction: "down" }}
                    label={t("courses.moveDown")}
                  />
                  <SmallButton
                    fields={{ intent: "removeLesson", lessonId: lesson.id }}
                    label={t("courses.removeLesson")}
                  />
                </li>
              ))}
            </ol>
            <form method="get" className="stack" action={`/courses/${d.course.id}/edit`}>
              <input type="hidden" name="section" value={section.id} />
              <TextField
                id={`q-${section.id}`}
                name="q"
                type="search"
                label={t("courses.findResource")}
                defaultValue={d.searchSection === section.id ? d.query : ""}
              />
              <button type="submit" className="button secondary">
                {t("courses.search")}
              </button>
            </form>
            {d.searchSection === section.id && d.query ? (
              d.found.length === 0 ? (
                <p className="muted">{t("courses.noResourceFound")}</p>
              ) : (
                <ul>
                  {d.found.map((resource) => (
                    <li key={resource.id}>
                      <span lang={resource.language}>{resource.title}</span>{" "}
                      <SmallButton
                        fields={{
                          intent: "addResource",
                          sectionId: section.id,
                          resourceId: resource.id,
                        }}
                        label={t("courses.addLesson")}
                      />
                    </li>
                  ))}
                </ul>
              )
            ) : null}
            <details>
              <summary>{t("courses.addQuiz")}</summary>
              <CsrfForm method="post" className="stack">
                <Hidden intent="addQuiz" sectionId={section.id} />
                <TextField
                  id={`quiz-title-${section.id}`}
                  name="title"
                  label={t("courses.quizTitle")}
                  maxLength={160}
                  required
                />
                <TextArea
                  id={`quiz-${section.id}`}
                  name="quiz"
                  label={t("courses.quizQuestions")}
                  hint={t("courses.quizFormatHint")}
                  rows={10}
                  defaultValue={"### \n\n- [ ] \n- [x] \n> \n"}
                />
                <button type="submit" className="button">
                  {t("courses.addQuiz")}
                </button>
              </CsrfForm>
            </details>
          </section>
        ))}
        <CsrfForm method="post" className="stack">
          <Hidden intent="addSection" />
          <TextField
            id="new-section"
            name="title"
            label={t("courses.newSection")}
            maxLength={160}
          />
          <button type="submit" className="button">
            {t("courses.addSection")}
          </button>
        </CsrfForm>
      </section>
    </main>
  );
}
