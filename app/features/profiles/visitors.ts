import { visitorPeopleChoices } from "~/db/enums";

/** The installation's choices for what signed-out visitors see of people (decision 026). */
export { visitorPeopleChoices };

import { isFormerMember } from "~/features/accounts/former-member";
import type { Actor } from "~/lib/policy";

/**
 * What signed-out visitors may see of people: the installation's choice (Admin → Installation
 * settings, decision 026). "members": nothing (no names, towns, businesses or topics; authors
 * read "A member"); "names": names without any profile field; "profiles": each person's own
 * choices for "everyone".
 */
export type VisitorPeople = (typeof visitorPeopleChoices)[number];

/** The choice a new installation starts with. */
export const defaultVisitorPeople: VisitorPeople = "members";

/**
 * How much of other people a viewer sees: "fields" (names, and each field as its owner chose),
 * "names" (names only), "nothing" (not even names).
 */
export type PeopleSight = "fields" | "names" | "nothing";

/**
 * The one rule for what a viewer sees of people. Signed-in people see names and the fields
 * their owners allow them; visitors see what the installation allows. Every page that shows
 * people asks this (through `Viewer.sight`, `personAsSeen`, or the profile rules).
 */
export function peopleSight(actor: Actor | { signedIn: boolean }, visitors: VisitorPeople) {
  const signedIn = actor !== null && ("signedIn" in actor ? actor.signedIn : true);
  if (signedIn) return "fields" satisfies PeopleSight;
  const sight: Record<VisitorPeople, PeopleSight> = {
    members: "nothing",
    names: "names",
    profiles: "fields",
  };
  return sight[visitors];
}

/** A person named on a page (an author, an attendee): who, with their photo. */
export type NamedPerson = { id: string; name: string; photoKey?: string | null };

/** The same person as the sight allows: unnamed ("A member", no link, no photo) under "nothing". */
export type PersonAsSeen<P extends NamedPerson> =
  | (P & { hidden: false })
  | (Omit<P, "id" | "name" | "photoKey"> & {
      hidden: true;
      id: null;
      name: null;
      photoKey: null;
    });

export function personAsSeen<P extends NamedPerson>(
  sight: PeopleSight,
  person: P,
): PersonAsSeen<P> {
  if (sight !== "nothing") {
    // Names only: the photo is a profile field, and "names" shows none.
    return sight === "names" && "photoKey" in person
      ? { ...person, photoKey: null, hidden: false }
      : { ...person, hidden: false };
  }
  return { ...person, id: null, name: null, photoKey: null, hidden: true };
}

/**
 * An author (of a post, comment, topic or reply) as a page shows them: `name` null reads
 * "A member"; `linked` says whether the name may link to the profile (only where the viewer
 * sees profiles: under "names" a visitor gets the name alone).
 */
export type AuthorAsSeen = {
  id: string | null;
  name: string | null;
  photoKey: string | null;
  linked: boolean;
  /**
   * The former member (a deleted author's kept content, decision 010): pages show
   * "Former member" in the reader's language, never the stored English name or a link.
   */
  former: boolean;
};

export function authorAsSeen(sight: PeopleSight, person: NamedPerson): AuthorAsSeen {
  if (isFormerMember(person.id)) {
    return { id: null, name: null, photoKey: null, linked: false, former: true };
  }
  const seen = personAsSeen(sight, person);
  return {
    id: seen.id,
    name: seen.name,
    photoKey: seen.photoKey ?? null,
    linked: sight === "fields" && seen.id !== null,
    former: false,
  };
}

// The link `renderMarkdown` writes for a mention (app/features/content/markdown.ts).
const mentionLink = /<a class="mention" href="\/people\/[^"]*">@([^<]*)<\/a>/g;

/**
 * Stored post HTML as the sight allows: mentions lose their profile link below "fields", and
 * their name under "nothing" (`@…`). Stored HTML keeps names and links; this runs when serving.
 */
export function mentionsAsSeen(html: string, sight: PeopleSight): string {
  if (sight === "fields") return html;
  return html.replace(mentionLink, (_, name: string) =>
    sight === "names" ? `<span class="mention">@${name}</span>` : `<span class="mention">@…</span>`,
  );
}
