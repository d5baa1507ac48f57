import { useI18n } from "~/i18n/context";
import type { Translate } from "~/i18n/i18n";

/** An author as the server allowed them to be shown (`authorAsSeen`, decisions 026 and 032). */
type ShownAuthor = { id: string | null; name: string | null; linked: boolean; former?: boolean };

/**
 * The words for an author: their name, "Former member" (a deleted author's kept content) or
 * "A member" (a reader who may not see who it is), in the reader's language. Every place that
 * writes an author's name as text (a photo's alt, a title, "Started by …") uses this.
 */
export function authorLabel(author: ShownAuthor, t: Translate): string {
  if (author.former) return t("people.formerMember");
  return author.name ?? t("people.aMember");
}

/**
 * An author's name as the server allowed it: a link to the profile, the name alone, "Former
 * member", or "A member" when the reader may not see who it is.
 */
export function AuthorName(props: { author: ShownAuthor }) {
  const { t } = useI18n();
  const { id, name, linked } = props.author;
  if (props.author.former || name === null) return <>{authorLabel(props.author, t)}</>;
  if (!linked || id === null) return <>{name}</>;
  return <a href={`/people/${id}`}>{name}</a>;
}
