import type { auditStatuses } from "~/db/enums";
import { type Actor, allow, definePolicy, every, refuse, type Verdict } from "~/lib/policy";

/**
 * Who may do what with a needs audit (pure: no database). A network audit belongs to the
 * network's active facilitators; a country audit to the installation facilitator who made it
 * (and admins). Invited people may see and answer it once while it is open; for anyone else
 * the audit does not exist (404).
 */

export type AuditStatus = (typeof auditStatuses)[number];

/** An audit as the rules see it, from one actor's point of view. */
export type AuditSubject = {
  status: AuditStatus;
  createdBy: string | null;
  networkId: string | null;
  /** The actor is an active facilitator of the audit's network (network audits). */
  facilitatesNetwork: boolean;
  /** The actor's invitation, when they were invited. */
  invitation: { answered: boolean } | null;
  /**
   * The actor is an active member of the audit's network (network audits; true for country
   * audits). A member removed after being invited loses the audit with the network.
   */
  memberOfNetwork: boolean;
};

/** Where a new audit would go, from the actor's point of view. */
export type AuditScopeSubject =
  | { scope: "network"; facilitatesNetwork: boolean }
  | { scope: "country" };

const signInFirst = refuse(403, "errors.forbidden");

/** Invited, and (network audits) still an active member of the network. */
const isInvited = (a: AuditSubject) =>
  a.invitation !== null && (a.networkId === null || a.memberOfNetwork);

function isFacilitatorOf(actor: Actor, a: AuditSubject): boolean {
  if (!actor?.emailVerified) return false;
  if (a.networkId) return a.facilitatesNetwork;
  return actor.isFacilitator && (a.createdBy === actor.id || actor.isAdmin);
}

/** Facilitators manage; invited people hear "facilitators only"; others, "no such audit". */
function mayManage(actor: Actor, a: AuditSubject): Verdict {
  if (isFacilitatorOf(actor, a)) return allow;
  if (isInvited(a) && a.status !== "draft") return refuse(403, "audits.facilitatorsOnly");
  return refuse(404, "audits.notFound");
}

const isDraft = (a: AuditSubject) =>
  a.status === "draft" ? allow : refuse(409, "audits.questionsFixed");

export const auditPolicy = definePolicy("audits", {
  /** Start an audit: a network's facilitators for the network, installation facilitators for a country. */
  create: (actor: Actor, s: AuditScopeSubject) => {
    if (!actor) return signInFirst;
    if (!actor.emailVerified) return refuse(403, "audits.facilitatorsOnly");
    if (s.scope === "network")
      return s.facilitatesNetwork ? allow : refuse(403, "audits.facilitatorsOnly");
    return actor.isFacilitator ? allow : refuse(403, "audits.facilitatorsOnly");
  },
  /** See the audit page: its facilitators, and the invited once it is open. */
  view: (actor: Actor, a: AuditSubject) =>
    isFacilitatorOf(actor, a) || (isInvited(a) && a.status !== "draft")
      ? allow
      : refuse(404, "audits.notFound"),
  /** Change the title, introduction and questions: facilitators, while it is a draft. */
  edit: (actor: Actor, a: AuditSubject) =>
    every(
      () => mayManage(actor, a),
      () => isDraft(a),
    ),
  /** Open it (the questions are then fixed and the invitations go out). */
  open: (actor: Actor, a: AuditSubject) =>
    every(
      () => mayManage(actor, a),
      () => isDraft(a),
    ),
  close: (actor: Actor, a: AuditSubject) =>
    every(
      () => mayManage(actor, a),
      () => (a.status === "open" ? allow : refuse(409, "audits.notOpen")),
    ),
  /** The report, its PDF and the response rate: the audit's facilitators. */
  report: (actor: Actor, a: AuditSubject) => mayManage(actor, a),
  /** Answer: invited (and still a member of the network), the audit open, not answered yet. */
  answer: (actor: Actor, a: AuditSubject) =>
    every(
      () =>
        actor && isInvited(a) && a.status !== "draft" ? allow : refuse(404, "audits.notFound"),
      () => (a.status === "open" ? allow : refuse(409, "audits.closed")),
      () => (a.invitation?.answered ? refuse(409, "audits.alreadyAnswered") : allow),
    ),
});
