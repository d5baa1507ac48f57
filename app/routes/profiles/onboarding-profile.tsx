import { data, redirect, useActionData, useLoaderData, useMatches } from "react-router";
import { requireUser, safeRedirect } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { fieldErrors } from "~/features/accounts/schema";
import { discardProfilePhoto, storeProfilePhoto } from "~/features/profiles/photo.server";
import {
  checkProfileVocabulary,
  getOwnProfile,
  updateProfile,
} from "~/features/profiles/profiles.server";
import { profilePolicy } from "~/features/profiles/rules";
import { LANGUAGE_ROWS, profileFields, profileSchema } from "~/features/profiles/schema";
import { starterTopics } from "~/features/profiles/starter-topics";
import { languageLevels } from "~/features/taxonomy/types";
import {
  countryOptions,
  isLanguage,
  languageOptions,
  topicGroupsFor,
} from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { handleAction } from "~/lib/errors";
import { asList, readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { acceptsUploads } from "~/lib/uploads";
import { Avatar } from "~/ui/avatar";
import { ErrorSummary } from "~/ui/error-summary";
import {
  ChoiceGroup,
  CsrfForm,
  FormMessage,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from "~/ui/form";
import { useUploadLimitMb } from "~/ui/limits";
import { OnboardingSteps } from "~/ui/onboarding-steps";
import type { Route } from "./+types/onboarding-profile";

/** Its forms carry files (photos, documents): the larger body limit applies. */
export const handle = acceptsUploads;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { user } = await requireUser(context, request);
  const locale = resolveLocale({ user, sessionId: "" }, context.requestLocale);
  const profile = await getOwnProfile(user.id);
  const url = new URL(request.url);
  const topicGroups = topicGroupsFor(locale);
  const allTopics = topicGroups.flatMap((g) => g.topics);
  return {
    profile,
    role: user.role,
    next: safeRedirect(url.searchParams.get("next"), ""),
    // Someone signing up in Greek most likely speaks Greek: the first row proposes it.
    proposedLanguage: isLanguage(locale) ? locale : "",
    verified: url.searchParams.get("verified") === "1",
    starterTopics: starterTopics.flatMap((slug) => allTopics.filter((x) => x.value === slug)),
    options: {
      countries: countryOptions(locale),
      languages: languageOptions(locale),
      topicGroups,
    },
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const auth = await requireUser(context, request);
  const { user } = auth;
  // Everyone edits only their own profile.
  const decision = profilePolicy.authorize(personOf(auth), "edit", {
    ownerId: user.id,
    ownerVerified: user.emailVerified,
  });
  const form = readForm(context);
  const languages = Array.from({ length: LANGUAGE_ROWS }, (_, i) => ({
    code: String(form[`lang_${i}`] ?? ""),
    level: String(form[`level_${i}`] ?? ""),
  })).filter((row) => row.code !== "");
  // The short onboarding step sends only the essentials; everything else is kept as it is.
  const isEssentials = form.step === "essentials";
  const stored = isEssentials ? await getOwnProfile(user.id) : null;
  const shownSide = user.role === "owner" ? "wanted" : "offered";
  const oneVisibility = form.visibility === "public" ? "public" : "members";
  const candidate = stored
    ? {
        displayName: form.displayName,
        headline: stored.headline ?? "",
        bio: stored.bio ?? "",
        country: form.country,
        region: form.region,
        languages,
        offered: shownSide === "offered" ? asList(form.offered) : stored.offered,
        wanted: shownSide === "wanted" ? asList(form.wanted) : stored.wanted,
        visibility: Object.fromEntries(profileFields.map((f) => [f, oneVisibility])),
        removePhoto: false,
      }
    : {
        displayName: form.displayName,
        headline: form.headline,
        bio: form.bio,
        country: form.country,
        region: form.region,
        languages,
        offered: asList(form.offered),
        wanted: asList(form.wanted),
        visibility: Object.fromEntries(profileFields.map((f) => [f, form[`vis_${f}`]])),
        removePhoto: form.removePhoto === "on",
      };
  const parsed = profileSchema.safeParse(candidate);
  const errors = parsed.success ? checkProfileVocabulary(parsed.data) : fieldErrors(parsed.error);
  // A language without a level is asked about, never given one silently.
  if (languages.some((row) => row.level === "")) errors.languages = "profile.levelRequired";
  // Sent back so that a form posted without JavaScript keeps what was typed.
  const values = {
    displayName: String(form.displayName ?? ""),
    headline: String(form.headline ?? ""),
    bio: String(form.bio ?? ""),
    country: String(form.country ?? ""),
    region: String(form.region ?? ""),
    languages,
    offered: candidate.offered,
    wanted: candidate.wanted,
    visibilityChoice: oneVisibility,
  };
  if (!parsed.success || Object.keys(errors).length) {
    return data({ errors, values }, { status: 400 });
  }
  const input = parsed.data;
  const photo = form.photo;
  return handleAction(
    async () => {
      const newPhotoKey =
        photo instanceof File && photo.size > 0
          ? await storeProfilePhoto({ decision, file: photo })
          : undefined;
      try {
        await updateProfile({ decision, input, newPhotoKey });
      } catch (error) {
        // The profile did not commit: the new photo belongs to nobody.
        if (newPhotoKey) await discardProfilePhoto(newPhotoKey);
        throw error;
      }
      const url = new URL(request.url);
      if (!url.pathname.startsWith("/onboarding")) return redirect(`/people/${user.id}`);
      // The page the person set out for (a network) travels on to the end of onboarding.
      const next = safeRedirect(url.searchParams.get("next") ?? form.next, "");
      return redirect(
        next
          ? `/onboarding/organisation?next=${encodeURIComponent(next)}`
          : "/onboarding/organisation",
      );
    },
    { values },
  );
}

export default function ProfileForm() {
  const loaded = useLoaderData<typeof loader>();
  const { options, verified } = loaded;
  const result = useActionData<typeof action>();
  const profile = result?.values ? { ...loaded.profile, ...result.values } : loaded.profile;
  const matches = useMatches();
  const { t } = useI18n();
  const uploadLimitMb = useUploadLimitMb();
  const isOnboarding = matches.some((m) => m.id === "onboarding-profile");
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  if (isOnboarding) {
    return (
      <EssentialsForm
        {...loaded}
        profile={profile}
        errors={errors}
        visibilityChoice={result?.values?.visibilityChoice ?? "members"}
      />
    );
  }
  const languageRows = Array.from({ length: LANGUAGE_ROWS }, (_, i) => profile.languages[i]);
  const levelOptions = languageLevels.map((l) => ({
    value: l,
    label: l === "native" ? t("level.native") : l,
  }));
  const visibilityOptions = ["public", "members", "private"].map((v) => ({
    value: v,
    label: t(`visibility.${v}`),
  }));
  return (
    <main id="main" className="page narrow">
      <title>{`${t(isOnboarding ? "onboarding.profileTitle" : "settings.profileTitle")} · Synergy`}</title>
      {isOnboarding ? <OnboardingSteps current={1} /> : null}
      <h1>{t(isOnboarding ? "onboarding.profileTitle" : "settings.profileTitle")}</h1>
      {verified ? <FormMessage kind="success">{t("verify.done")}</FormMessage> : null}
      <p>{t("onboarding.profileIntro")}</p>
      {Object.keys(errors).length ? (
        <FormMessage kind="error">{t("form.fixErrors")}</FormMessage>
      ) : null}
      <CsrfForm method="post" encType="multipart/form-data" className="stack" noValidate>
        <TextField
          name="displayName"
          label={t("profile.displayName")}
          defaultValue={profile.displayName}
          error={errors.displayName}
          autoComplete="name"
          required
        />
        <TextField
          name="headline"
          label={t("profile.headline")}
          hint={t("profile.headlineHint")}
          defaultValue={profile.headline}
          error={errors.headline}
          maxLength={120}
        />
        <TextArea
          name="bio"
          label={t("profile.bio")}
          hint={t("profile.bioHint")}
          defaultValue={profile.bio}
          error={errors.bio}
          maxLength={2000}
        />
        <div className="field">
          <span className="row">
            <Avatar name={profile.displayName} photoKey={profile.photoKey} />
            <span className="hint">{t("profile.photoHint", { mb: uploadLimitMb })}</span>
          </span>
        </div>
        <TextField
          name="photo"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          label={t("profile.photo")}
          error={errors.photo}
        />
        {profile.photoKey ? (
          <label className="choice">
            <input type="checkbox" name="removePhoto" /> <span>{t("profile.removePhoto")}</span>
          </label>
        ) : null}
        <SelectField
          name="country"
          label={t("profile.country")}
          defaultValue={profile.country ?? ""}
          emptyLabel={t("form.choose")}
          options={options.countries}
          error={errors.country}
          required
        />
        <TextField
          name="region"
          label={t("profile.region")}
          hint={t("profile.regionHint")}
          defaultValue={profile.region}
          error={errors.region}
        />
        <fieldset className={`field${errors.languages ? " has-error" : ""}`}>
          <legend>{t("profile.languages")}</legend>
          <p className="hint">{t("profile.languagesHint")}</p>
          {errors.languages ? <p className="error">{t(errors.languages)}</p> : null}
          {languageRows.map((row, i) => (
            <div key={i} className="row">
              <SelectField
                name={`lang_${i}`}
                label={t("profile.languageN", { n: i + 1 })}
                defaultValue={row?.code ?? ""}
                emptyLabel={t("form.none")}
                options={options.languages}
              />
              <SelectField
                name={`level_${i}`}
                label={t("profile.level")}
                defaultValue={row?.level ?? ""}
                emptyLabel={t("form.choose")}
                options={levelOptions}
              />
            </div>
          ))}
        </fieldset>
        {/* An owner comes for what they want to learn: that comes first for them. */}
        {loaded.role === "owner" ? (
          <>
            <details className="field" open={profile.wanted.length === 0}>
              <summary>{t("profile.wantsPick")}</summary>
              {errors.wanted ? <p className="error">{t(errors.wanted)}</p> : null}
              {options.topicGroups.map((g) => (
                <TopicGroupPicker key={g.group} name="wanted" group={g} selected={profile.wanted} />
              ))}
            </details>
            <details className="field" open={profile.offered.length === 0}>
              <summary>{t("profile.offersPick")}</summary>
              {errors.offered ? <p className="error">{t(errors.offered)}</p> : null}
              {options.topicGroups.map((g) => (
                <TopicGroupPicker
                  key={g.group}
                  name="offered"
                  group={g}
                  selected={profile.offered}
                />
              ))}
            </details>
          </>
        ) : (
          <>
            <details className="field" open={profile.offered.length === 0}>
              <summary>{t("profile.offersPick")}</summary>
              {errors.offered ? <p className="error">{t(errors.offered)}</p> : null}
              {options.topicGroups.map((g) => (
                <TopicGroupPicker
                  key={g.group}
                  name="offered"
                  group={g}
                  selected={profile.offered}
                />
              ))}
            </details>
            <details className="field" open={profile.wanted.length === 0}>
              <summary>{t("profile.wantsPick")}</summary>
              {errors.wanted ? <p className="error">{t(errors.wanted)}</p> : null}
              {options.topicGroups.map((g) => (
                <TopicGroupPicker key={g.group} name="wanted" group={g} selected={profile.wanted} />
              ))}
            </details>
          </>
        )}
        <fieldset className="field">
          <legend>{t("profile.visibilityHeading")}</legend>
          <p className="hint">{t("profile.visibilityHint")}</p>
          {profileFields.map((f) => (
            <SelectField
              key={f}
              name={`vis_${f}`}
              label={t(`profile.field.${f}`)}
              defaultValue={profile.visibility[f]}
              options={visibilityOptions}
            />
          ))}
        </fieldset>
        <SubmitButton>{t(isOnboarding ? "onboarding.next" : "form.save")}</SubmitButton>
      </CsrfForm>
    </main>
  );
}

/**
 * One group of topics, folded unless something in it is chosen: 105 topics twice would make the
 * form very long on a phone.
 */
function TopicGroupPicker(props: {
  name: string;
  group: { group: string; topics: { value: string; label: string }[] };
  selected: string[];
}) {
  const { t } = useI18n();
  const chosen = props.group.topics.filter((x) => props.selected.includes(x.value)).length;
  const label = t(`topicGroup.${props.group.group}`);
  return (
    <details className="topic-group" open={chosen > 0 || undefined}>
      <summary>{chosen ? `${label} (${chosen})` : label}</summary>
      <ChoiceGroup
        name={props.name}
        type="checkbox"
        legend={label}
        options={props.group.topics}
        selected={props.selected}
        columns
      />
    </details>
  );
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

/** The fields the short step shows; errors about any other are listed without a link. */
const essentialFields = ["displayName", "country", "region", "languages", "offered", "wanted"];

/**
 * The short first step of onboarding (issue 13): name, country and town, the languages the
 * person adds (none preset), for an owner what they want to learn and for a trainer what they
 * can help with (chips for the common ones, the rest one fold away), and one visibility choice.
 * Headline, biography, photo and field-by-field visibility wait in the full editor.
 */
function EssentialsForm(
  props: Loaded & {
    profile: Loaded["profile"];
    errors: Record<string, string | undefined>;
    visibilityChoice: string;
  },
) {
  const { profile, errors, options, role, next, verified } = props;
  const { t } = useI18n();
  const side = role === "owner" ? "wanted" : "offered";
  const chosen = profile[side];
  const levelOptions = languageLevels.map((l) => ({
    value: l,
    label: l === "native" ? t("level.native") : l,
  }));
  // Rows for the languages already given (or the page's language proposed), then two more in a
  // fold: nothing is preset for a language nobody chose.
  const given = profile.languages.length
    ? profile.languages
    : [{ code: props.proposedLanguage, level: props.proposedLanguage ? "native" : "" }];
  const extra = Math.min(2, LANGUAGE_ROWS - given.length);
  const starterValues = new Set(props.starterTopics.map((x) => x.value));
  const chosenElsewhere = chosen.filter((slug) => !starterValues.has(slug));
  const languageRow = (i: number, row?: { code: string; level: string }) => (
    <div key={i} className="row">
      <SelectField
        name={`lang_${i}`}
        label={t("profile.languageN", { n: i + 1 })}
        defaultValue={row?.code ?? ""}
        emptyLabel={t("form.none")}
        options={options.languages}
      />
      <SelectField
        name={`level_${i}`}
        label={t("profile.level")}
        defaultValue={row?.level ?? ""}
        emptyLabel={t("form.choose")}
        options={levelOptions}
      />
    </div>
  );
  return (
    <main id="main" className="page narrow">
      <title>{`${t("onboarding.profileTitle")} · Synergy`}</title>
      <OnboardingSteps current={1} />
      <h1>{t("onboarding.profileTitle")}</h1>
      {verified ? <FormMessage kind="success">{t("verify.done")}</FormMessage> : null}
      <p>{t("onboarding.essentialsIntro")}</p>
      <ErrorSummary
        errors={[
          { field: "displayName", message: errors.displayName ?? "" },
          { field: "country", message: errors.country ?? "" },
          { field: "region", message: errors.region ?? "" },
          { field: "lang_0", message: errors.languages ?? "" },
          { field: "topics", message: errors.offered ?? errors.wanted ?? "" },
          // Anything else (a form sent with more than this step has) is said, without a link.
          ...Object.entries(errors)
            .filter(([field]) => !essentialFields.includes(field))
            .map(([field, message]) => ({ field: `form-${field}`, message: message ?? "" })),
        ]}
        fieldId={(field) => (field.startsWith("form-") ? "" : `f-${field}`)}
      />
      <CsrfForm method="post" className="stack" noValidate>
        <input type="hidden" name="step" value="essentials" />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <TextField
          name="displayName"
          label={t("profile.displayName")}
          defaultValue={profile.displayName}
          error={errors.displayName}
          autoComplete="name"
          required
        />
        <SelectField
          name="country"
          label={t("profile.country")}
          defaultValue={profile.country ?? ""}
          emptyLabel={t("form.choose")}
          options={options.countries}
          error={errors.country}
          required
        />
        <TextField
          name="region"
          label={t("onboarding.town")}
          defaultValue={profile.region}
          error={errors.region}
          autoComplete="address-level2"
        />
        <fieldset className={`field${errors.languages ? " has-error" : ""}`}>
          <legend>{t("profile.languages")}</legend>
          {errors.languages ? <p className="error">{t(errors.languages)}</p> : null}
          {given.map((row, i) => languageRow(i, row))}
          {extra > 0 ? (
            <details className="fold">
              <summary>{t("onboarding.addLanguage")}</summary>
              {Array.from({ length: extra }, (_, k) => languageRow(given.length + k))}
            </details>
          ) : null}
        </fieldset>
        <fieldset
          id="f-topics"
          className={`field${errors.offered || errors.wanted ? " has-error" : ""}`}
        >
          <legend>
            {t(side === "wanted" ? "onboarding.wantsLegend" : "onboarding.offersLegend")}
          </legend>
          <p className="hint">{t("onboarding.topicsHint")}</p>
          {errors.offered || errors.wanted ? (
            <p className="error">{t(errors.offered ?? errors.wanted ?? "")}</p>
          ) : null}
          <div className="chips">
            {props.starterTopics.map((topic) => (
              <label key={topic.value} className="chip">
                <input
                  type="checkbox"
                  name={side}
                  value={topic.value}
                  defaultChecked={chosen.includes(topic.value)}
                />
                <span>{topic.label}</span>
              </label>
            ))}
          </div>
          <details className="fold" open={chosenElsewhere.length > 0 || undefined}>
            <summary>{t("onboarding.moreTopics")}</summary>
            {options.topicGroups.map((g) => (
              <ChoiceGroup
                key={g.group}
                name={side}
                type="checkbox"
                legend={t(`topicGroup.${g.group}`)}
                options={g.topics.filter((x) => !starterValues.has(x.value))}
                selected={chosen}
                columns
              />
            ))}
          </details>
        </fieldset>
        <ChoiceGroup
          name="visibility"
          type="radio"
          legend={t("onboarding.visibilityLegend")}
          selected={[props.visibilityChoice]}
          options={[
            { value: "members", label: t("onboarding.visibilityMembers") },
            { value: "public", label: t("onboarding.visibilityPublic") },
          ]}
        />
        <p className="hint">{t("onboarding.laterInSettings")}</p>
        <SubmitButton>{t("onboarding.next")}</SubmitButton>
      </CsrfForm>
    </main>
  );
}
