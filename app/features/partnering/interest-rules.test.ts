import { describe, expect, it } from "vitest";
import type { Person } from "~/lib/policy";
import {
  canMoveStage,
  declinedUntil,
  type IntroductionStage,
  interestPolicy,
  type StorySubject,
} from "./interest-rules";

const person: Person = { id: "p", isAdmin: false, isFacilitator: false, emailVerified: true };
const admin: Person = { ...person, isAdmin: true };

const verdictOf = (v: true | { status: number; messageKey: string }) =>
  v === true ? "allow" : `${v.status} ${v.messageKey}`;

describe("expressing interest", () => {
  const ok = {
    visible: true,
    deadlinePassed: false,
    isMemberOfOrganisation: true,
    isPublisher: false,
  };
  it.each([
    [ok, "allow"],
    [{ ...ok, visible: false }, "404 interests.opportunityNotFound"],
    [{ ...ok, isMemberOfOrganisation: false }, "403 interests.notYourOrganisation"],
    [{ ...ok, isPublisher: true }, "403 interests.ownOpportunity"],
    [{ ...ok, deadlinePassed: true }, "409 interests.deadlinePassed"],
    // Existence first: a hidden opportunity is not found, whatever else is true.
    [{ ...ok, visible: false, isPublisher: true }, "404 interests.opportunityNotFound"],
  ])("%o → %s", (subject, expected) => {
    expect(verdictOf(interestPolicy.verdict(person, "express", subject))).toBe(expected);
  });

  it("refuses nobody signed in", () => {
    expect(verdictOf(interestPolicy.verdict(null, "express", ok))).toBe("403 errors.forbidden");
  });
});

describe("deciding and listing", () => {
  it.each([
    [{ isAuthor: true, status: "pending" }, "allow"],
    [{ isAuthor: false, status: "pending" }, "404 interests.notFound"],
    [{ isAuthor: true, status: "accepted" }, "409 interests.alreadyDecided"],
    [{ isAuthor: true, status: "declined" }, "409 interests.alreadyDecided"],
  ])("%o → %s", (subject, expected) => {
    expect(verdictOf(interestPolicy.verdict(person, "decide", subject))).toBe(expected);
  });

  it("only authors list, admins are no exception", () => {
    expect(interestPolicy.can(person, "list", { isAuthor: true })).toBe(true);
    expect(verdictOf(interestPolicy.verdict(admin, "list", { isAuthor: false }))).toBe(
      "404 interests.opportunityNotFound",
    );
  });
});

describe("introduction stages", () => {
  it.each([
    ["introduced", "met", true],
    ["introduced", "active", true],
    ["met", "agreement", true],
    ["agreement", "active", true],
    ["active", "ended", true],
    ["introduced", "ended", true],
    ["met", "introduced", false],
    ["active", "met", false],
    ["met", "met", false],
    ["ended", "active", false],
    ["ended", "ended", false],
  ] as const)("%s → %s: %s", (from, to, expected) => {
    expect(canMoveStage(from, to)).toBe(expected);
  });

  it("moves only for a side of an accepted introduction, and only as the order allows", () => {
    const side = {
      isSide: true,
      accepted: true,
      from: "met" as IntroductionStage,
      to: "agreement" as IntroductionStage,
    };
    expect(interestPolicy.can(person, "move", side)).toBe(true);
    expect(verdictOf(interestPolicy.verdict(person, "move", { ...side, isSide: false }))).toBe(
      "404 introductions.notFound",
    );
    expect(verdictOf(interestPolicy.verdict(person, "move", { ...side, accepted: false }))).toBe(
      "404 introductions.notFound",
    );
    expect(verdictOf(interestPolicy.verdict(person, "move", { ...side, to: "introduced" }))).toBe(
      "409 introductions.stageInvalid",
    );
  });
});

describe("stories", () => {
  const story: StorySubject = {
    isSide: true,
    accepted: true,
    reachedActive: true,
    exists: true,
    published: false,
    isWritersSide: true,
  };
  it.each([
    ["writeStory", story, "allow"],
    ["writeStory", { ...story, exists: false, isWritersSide: false }, "allow"],
    ["writeStory", { ...story, reachedActive: false }, "409 stories.notActive"],
    ["writeStory", { ...story, published: true }, "409 stories.alreadyPublished"],
    ["writeStory", { ...story, isWritersSide: false }, "403 stories.otherSideWrote"],
    ["writeStory", { ...story, isSide: false }, "404 introductions.notFound"],
    ["approveStory", { ...story, isWritersSide: false }, "allow"],
    ["approveStory", story, "403 stories.otherSideApproves"],
    ["approveStory", { ...story, exists: false, isWritersSide: false }, "404 stories.notFound"],
    [
      "approveStory",
      { ...story, isWritersSide: false, published: true },
      "409 stories.alreadyPublished",
    ],
    [
      "approveStory",
      { ...story, isSide: false, isWritersSide: false },
      "404 introductions.notFound",
    ],
  ] as const)("%s %o → %s", (action, subject, expected) => {
    expect(verdictOf(interestPolicy.verdict(person, action, subject))).toBe(expected);
  });
});

it("a declined interest may come back 30 days after the decision", () => {
  expect(declinedUntil(new Date("2026-12-01T10:00:00Z")).toISOString()).toBe(
    "2026-12-31T10:00:00.000Z",
  );
});
