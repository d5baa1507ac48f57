import { describe, expect, it } from "vitest";
import { DomainError } from "./errors";
import {
  type Actor,
  actorOf,
  allow,
  type Decision,
  definePolicy,
  every,
  personOf,
  refuse,
  type Verdict,
} from "./policy";

type Note = { ownerId: string; locked: boolean };

const notes = definePolicy("notes", {
  read: (_actor: Actor, _note: Note): Verdict => allow,
  edit: (actor: Actor, note: Note) =>
    every(
      () => (actor ? allow : refuse(403, "errors.forbidden")),
      () => (note.locked ? refuse(409, "errors.conflict") : allow),
      () => (actor?.id === note.ownerId ? allow : refuse(404, "errors.notFound")),
    ),
});

const ana: Actor = { id: "ana", isAdmin: false, isFacilitator: false, emailVerified: true };

/** A feature function that may only run after the decision was taken. */
function editNote(decision: Decision<"edit", Note>) {
  return `edited ${decision.resource.ownerId}'s note`;
}

describe("definePolicy", () => {
  it("can() says yes or no", () => {
    expect(notes.can(ana, "edit", { ownerId: "ana", locked: false })).toBe(true);
    expect(notes.can(ana, "edit", { ownerId: "bo", locked: false })).toBe(false);
    expect(notes.can(null, "read", { ownerId: "bo", locked: false })).toBe(true);
  });

  it("every() answers with the first refusal, in the order written", () => {
    expect(notes.verdict(null, "edit", { ownerId: "bo", locked: true })).toEqual(
      refuse(403, "errors.forbidden"),
    );
    expect(notes.verdict(ana, "edit", { ownerId: "bo", locked: true })).toEqual(
      refuse(409, "errors.conflict"),
    );
    expect(notes.verdict(ana, "edit", { ownerId: "bo", locked: false })).toEqual(
      refuse(404, "errors.notFound"),
    );
  });

  it("authorize() hands over a frozen decision that feature functions require", () => {
    const note = { ownerId: "ana", locked: false };
    const decision = notes.authorize(ana, "edit", note);
    expect(decision).toEqual({ action: "edit", actor: ana, resource: note });
    expect(Object.isFrozen(decision)).toBe(true);
    expect(editNote(decision)).toBe("edited ana's note");
  });

  it("authorize() throws the refusal as a DomainError with its status and key", () => {
    expect(() => notes.authorize(ana, "edit", { ownerId: "ana", locked: true })).toThrow(
      DomainError,
    );
    try {
      notes.authorize(ana, "edit", { ownerId: "bo", locked: false });
    } catch (error) {
      expect(error).toMatchObject({ status: 404, messageKey: "errors.notFound" });
    }
    expect.assertions(2);
  });

  it("an unknown action (from untyped input) is refused, never allowed", () => {
    const action = "delete" as "read";
    expect(notes.can(ana, action, { ownerId: "ana", locked: false })).toBe(false);
  });

  it("a decision cannot be written by hand", () => {
    // @ts-expect-error: only authorize() makes a Decision (the brand is a private symbol).
    const forged: Decision<"edit", Note> = {
      action: "edit",
      actor: ana,
      resource: { ownerId: "x", locked: false },
    };
    expect(forged.action).toBe("edit");
  });
});

describe("actorOf", () => {
  it("is null for nobody signed in, and only what rules need otherwise", () => {
    expect(actorOf(null)).toBeNull();
    const actor = actorOf({
      sessionId: "s",
      user: {
        id: "ana",
        email: "ana@example.org",
        emailVerified: true,
        displayName: "Ana",
        role: "owner",
        isFacilitator: true,
        isAdmin: false,
        locale: "en",
        timeZone: "Europe/Brussels",
        onboarded: true,
        photoKey: null,
      },
    });
    expect(actor).toEqual({ id: "ana", isAdmin: false, isFacilitator: true, emailVerified: true });
  });
});

describe("personOf", () => {
  it("is the signed-in person with only what rules need (never null)", () => {
    const person = personOf({
      sessionId: "s",
      user: {
        id: "bo",
        email: "bo@example.org",
        emailVerified: false,
        displayName: "Bo",
        role: "educator",
        isFacilitator: false,
        isAdmin: true,
        locale: "en",
        timeZone: "Europe/Brussels",
        onboarded: true,
        photoKey: null,
      },
    });
    expect(person).toEqual({ id: "bo", isAdmin: true, isFacilitator: false, emailVerified: false });
  });
});
