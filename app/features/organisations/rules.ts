import { signInFirst } from "~/features/accounts/rules";
import { type Actor, allow, definePolicy, every, refuse, type Verdict } from "~/lib/policy";

/**
 * Who may do what with an organisation's page, as named rules (pure: no database). Its active
 * admins manage it; anyone may see it and ask to join.
 */

/** The actor's own membership of the organisation (null: none, or nobody signed in). */
export type OrganisationMembershipView = {
  role: "admin" | "member";
  status: "pending" | "active";
};

/**
 * An organisation as ONE actor sees it: `membership` must be that actor's own row (what
 * `getMembership(organisationId, actor.id)` returns).
 */
export type OrganisationSubject = { id: string; membership: OrganisationMembershipView | null };

/** Leaving, with the figures (read under lock) that decide whether the last admin may go. */
export type LeaveOrganisationSubject = {
  organisation: OrganisationSubject;
  /** Active members, the actor included. */
  memberCount: number;
  /** Active admins, the actor included if they are one. */
  adminCount: number;
};

const isActiveAdmin = (o: OrganisationSubject) =>
  o.membership?.role === "admin" && o.membership.status === "active";

function mayManage(actor: Actor, o: OrganisationSubject): Verdict {
  return every(
    () => (actor ? allow : signInFirst),
    () => (isActiveAdmin(o) ? allow : refuse(403, "errors.forbidden")),
  );
}

export const organisationPolicy = definePolicy("organisations", {
  /** See the page (details, people who show it, topics): public. */
  view: (_actor: Actor, _o: OrganisationSubject): Verdict => allow,
  /** Ask to join; asking twice, or as a member, changes nothing. */
  requestToJoin: (actor: Actor, _o: OrganisationSubject): Verdict => (actor ? allow : signInFirst),
  /** Edit the details. */
  edit: (actor: Actor, o: OrganisationSubject) => mayManage(actor, o),
  /** See the requests to join. */
  seeJoinRequests: (actor: Actor, o: OrganisationSubject) => mayManage(actor, o),
  /** Accept or decline a request to join. */
  decideJoinRequests: (actor: Actor, o: OrganisationSubject) => mayManage(actor, o),
  /**
   * Leave. The last admin stays while other members remain, so the page always has someone who
   * manages it. Leaving without being a member changes nothing and is not refused.
   */
  leave: (actor: Actor, l: LeaveOrganisationSubject): Verdict => {
    if (!actor) return signInFirst;
    const lastAdmin = isActiveAdmin(l.organisation) && l.adminCount <= 1 && l.memberCount > 1;
    return lastAdmin ? refuse(409, "org.lastAdmin") : allow;
  },
});

export type OrganisationAction = keyof typeof organisationPolicy.rules;
