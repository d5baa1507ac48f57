import { contentLanguages } from "~/db/enums";
import { contentLang } from "~/features/content/language";
import { useI18n } from "~/i18n/context";
import { localeNames } from "~/i18n/i18n";

/**
 * The composer's "Written in" choice (decision 031): the six languages, each named in itself
 * and marked with its own `lang` so a screen reader says "Ελληνικά" in Greek. Preset to the
 * post's language when editing, else to the page's. A piece whose language was never said
 * (written before the choice existed) offers "Not said" so that saving an edit does not claim
 * a language for it. Small enough to sit on one line beside the submit button on a phone.
 */
export function WrittenIn(props: {
  /** Unique on the page (several comment forms). */
  id: string;
  /** The stored language when editing; undefined for a new piece. */
  value?: string | null;
  error?: string;
}) {
  const { t, locale } = useI18n();
  const editingUnsaid = props.value === null;
  const errorId = `${props.id}-error`;
  return (
    <div className={`written-in${props.error ? " has-error" : ""}`}>
      <label htmlFor={props.id}>{t("content.writtenIn")}</label>
      <select
        id={props.id}
        name="language"
        defaultValue={editingUnsaid ? "" : (props.value ?? locale)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
      >
        {editingUnsaid ? <option value="">{t("content.languageUnset")}</option> : null}
        {contentLanguages.map((code) => (
          <option key={code} value={code} lang={code}>
            {localeNames[code]}
          </option>
        ))}
      </select>
      {props.error ? (
        <p id={errorId} className="error">
          {t(props.error)}
        </p>
      ) : null}
    </div>
  );
}

/** The `lang` attribute of a piece written in `language` on this page (see contentLang). */
export function useContentLang(language: string | null | undefined): string | undefined {
  return contentLang(language, useI18n().locale);
}
