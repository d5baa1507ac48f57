import { type Actor, allow, definePolicy, refuse, type Verdict } from "~/lib/policy";

/** Nobody signed in: routes send such people to sign-in first; the rules refuse them anyway. */
export const signInFirst = refuse(403, "errors.forbidden");

/**
 * Writing in networks (joining, posting, commenting, reacting, sharing, moderating) needs a
 * confirmed email address, so throwaway accounts with made-up addresses cannot write.
 * Leaving a network and accepting an invitation do not need it.
 */
export function mayWriteInNetworks(actor: Actor): Verdict {
  if (!actor) return signInFirst;
  if (!actor.emailVerified) return refuse(403, "auth.verifyFirst");
  return allow;
}

/** Whose account something belongs to (a session, an email change). */
export type AccountSubject = { ownerId: string };

/**
 * What a person may do with accounts. Someone else's session or account answers 404, so ids
 * cannot be probed.
 */
export const accountPolicy = definePolicy("accounts", {
  writeInNetworks: (actor: Actor, _resource: undefined): Verdict => mayWriteInNetworks(actor),
  manageOwnAccount: (actor: Actor, account: AccountSubject): Verdict => {
    if (!actor) return signInFirst;
    return actor.id === account.ownerId ? allow : refuse(404, "errors.notFound");
  },
});
