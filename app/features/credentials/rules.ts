import { type Actor, allow, definePolicy, every, refuse } from "~/lib/policy";

/** A credential from one person's point of view (the caller reads the facts). */
export type CredentialSubject = {
  /** The person the credential was issued to. */
  isHolder: boolean;
  /** The owner of the course it certifies. */
  isCourseOwner: boolean;
  revoked: boolean;
};

/**
 * Who may do what with certificates (pure: no database). The public page, the JSON and the PDF
 * are for anyone with the link, as a paper certificate is: they carry nothing the holder did not
 * get to hand out themselves.
 */
export const credentialPolicy = definePolicy("credentials", {
  /** Show on or hide from the profile: the holder. */
  setVisibility: (actor: Actor, c: CredentialSubject) =>
    actor && c.isHolder ? allow : refuse(403, "credentials.notYours"),
  /**
   * Revoke: an installation admin or the owner of the course, once (revoked stays revoked).
   * Not the holder: a person cannot take back a certificate from themselves on a whim.
   */
  revoke: (actor: Actor, c: CredentialSubject) =>
    every(
      () =>
        actor && (actor.isAdmin || c.isCourseOwner)
          ? allow
          : refuse(403, "credentials.revokeNotAllowed"),
      () => (c.revoked ? refuse(409, "credentials.alreadyRevoked") : allow),
    ),
});
