/**
 * The one account that anonymised content points to once its author is deleted (decision 010).
 * Pure, so that pages and their components can tell it apart: its stored name is English text,
 * but readers see "Former member" in their own language and never a link to a profile
 * (decision 032). The row itself is written by `delete-person.server.ts`.
 */
export const FORMER_MEMBER_ID = "00000000-0000-4000-8000-000000000000";

/** What the row stores as its display name (shown nowhere: pages translate it). */
export const FORMER_MEMBER_STORED_NAME = "Former member";

export function isFormerMember(id: string | null | undefined): boolean {
  return id === FORMER_MEMBER_ID;
}
