import { signInFirst } from "~/features/accounts/rules";
import { type Actor, allow, definePolicy, every, refuse, type Verdict } from "~/lib/policy";

/** Installation administration, as named rules (pure: no database). Admins only. */

/** A role change on one person, with the figure (read under lock) that protects the last admin. */
export type RoleChangeSubject = {
  userId: string;
  role: "facilitator" | "admin";
  granted: boolean;
  /** Admins other than `userId`. */
  otherAdminCount: number;
};

function mayAdminister(actor: Actor): Verdict {
  if (!actor) return signInFirst;
  return actor.isAdmin ? allow : refuse(403, "errors.forbidden");
}

export const adminPolicy = definePolicy("admin", {
  /** See the list of people with their roles. */
  seePeople: (actor: Actor, _resource: undefined) => mayAdminister(actor),
  /**
   * Grant or take away the facilitator or admin role. The last admin cannot lose the role, so
   * an installation always has someone who can manage it.
   */
  changeRole: (actor: Actor, change: RoleChangeSubject) =>
    every(
      () => mayAdminister(actor),
      () =>
        change.role === "admin" && !change.granted && change.otherAdminCount === 0
          ? refuse(409, "admin.lastAdmin")
          : allow,
    ),
  /** See the job queue (waiting, failed, retried). */
  seeJobQueue: (actor: Actor, _resource: undefined) => mayAdminister(actor),
  /** Change the installation settings (who may start networks). */
  manageInstallationSettings: (actor: Actor, _resource: undefined) => mayAdminister(actor),
  /** Write the privacy notice, terms and imprint in each language. */
  editLegalPages: (actor: Actor, _resource: undefined) => mayAdminister(actor),
});

export type AdminAction = keyof typeof adminPolicy.rules;
