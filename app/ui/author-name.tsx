import { useI18n } from "~/i18n/context";

/**
 * An author's name as the server allowed it (`authorAsSeen`, decision 026): a link to the
 * profile, the name alone, or "A member" when the reader may not see who it is.
 */
export function AuthorName(props: {
  author: { id: string | null; name: string | null; linked: boolean };
}) {
  const { t } = useI18n();
  const { id, name, linked } = props.author;
  if (name === null) return <>{t("people.aMember")}</>;
  if (!linked || id === null) return <>{name}</>;
  return <a href={`/people/${id}`}>{name}</a>;
}
