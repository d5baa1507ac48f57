import { describe, expect, it } from "vitest";
import type { Person } from "~/lib/policy";
import { type ResourceSubject, resourcePolicy, seesWorkingCopy } from "./rules";

const person: Person = { id: "p", isAdmin: false, isFacilitator: false, emailVerified: true };
const unverified: Person = { ...person, emailVerified: false };

const subject = (over: Partial<ResourceSubject> = {}): ResourceSubject => ({
  status: "draft",
  live: false,
  isAuthor: false,
  isReviewer: false,
  audienceMember: true,
  ...over,
});

type Row = [string, keyof typeof resourcePolicy.rules, Person | null, unknown, true | number];

describe("resourcePolicy", () => {
  const table: Row[] = [
    [
      "educator authors",
      "author",
      person,
      { educatorOrFacilitator: true, inductionCompleted: false },
      true,
    ],
    [
      "owner after induction",
      "author",
      person,
      { educatorOrFacilitator: false, inductionCompleted: true },
      true,
    ],
    [
      "owner before induction",
      "author",
      person,
      { educatorOrFacilitator: false, inductionCompleted: false },
      403,
    ],
    [
      "unverified",
      "author",
      unverified,
      { educatorOrFacilitator: true, inductionCompleted: true },
      403,
    ],
    ["nobody", "author", null, { educatorOrFacilitator: true, inductionCompleted: true }, 403],
    ["draft hidden from readers", "view", person, subject(), 404],
    ["draft hidden from reviewers", "view", person, subject({ isReviewer: true }), 404],
    [
      "submitted seen by reviewers",
      "view",
      person,
      subject({ status: "submitted", isReviewer: true }),
      true,
    ],
    ["live seen by audience", "view", null, subject({ status: "published", live: true }), true],
    [
      "live network resource from outside",
      "view",
      person,
      subject({ live: true, audienceMember: false }),
      404,
    ],
    ["author edits draft", "edit", person, subject({ isAuthor: true }), true],
    [
      "author cannot edit in review",
      "edit",
      person,
      subject({ isAuthor: true, status: "submitted" }),
      409,
    ],
    ["stranger edits live", "edit", person, subject({ live: true, status: "published" }), 403],
    ["author submits draft", "submit", person, subject({ isAuthor: true }), true],
    ["submit twice", "submit", person, subject({ isAuthor: true, status: "submitted" }), 409],
    [
      "self-review",
      "review",
      person,
      subject({ isAuthor: true, isReviewer: true, status: "submitted" }),
      403,
    ],
    ["review", "review", person, subject({ isReviewer: true, status: "submitted" }), true],
    [
      "review an approved one",
      "review",
      person,
      subject({ isReviewer: true, status: "approved" }),
      409,
    ],
    [
      "non-reviewer on a live one",
      "review",
      person,
      subject({ live: true, status: "submitted" }),
      403,
    ],
    [
      "publish without approval",
      "publish",
      person,
      subject({ isAuthor: true, status: "submitted" }),
      409,
    ],
    ["publish approved", "publish", person, subject({ isAuthor: true, status: "approved" }), true],
    [
      "reviewer publishes separately",
      "publish",
      person,
      subject({ isReviewer: true, status: "approved" }),
      403,
    ],
    [
      "withdraw live",
      "withdraw",
      person,
      subject({ isAuthor: true, live: true, status: "published" }),
      true,
    ],
    ["withdraw a draft", "withdraw", person, subject({ isAuthor: true }), 409],
    [
      "withdraw while a new version waits",
      "withdraw",
      person,
      subject({ isAuthor: true, live: true, status: "submitted" }),
      409,
    ],
    ["rate live", "use", person, subject({ live: true, status: "published" }), true],
    ["rate signed out", "use", null, subject({ live: true, status: "published" }), 403],
    ["rate from outside", "use", person, subject({ live: true, audienceMember: false }), 404],
    ["rate a draft", "use", person, subject({ isAuthor: true }), 404],
    ["rate as a reader", "rate", person, subject({ live: true, status: "published" }), true],
    ["rate one's own", "rate", person, subject({ isAuthor: true, live: true }), 403],
    ["rate signed out (rate)", "rate", null, subject({ live: true }), 403],
    [
      "rate from outside (rate)",
      "rate",
      person,
      subject({ live: true, audienceMember: false }),
      404,
    ],
  ];
  it.each(table)("%s", (_name, action, actor, resource, expected) => {
    const verdict = resourcePolicy.verdict(actor, action, resource as never);
    if (expected === true) expect(verdict).toBe(true);
    else expect(verdict).toMatchObject({ status: expected });
  });
});

describe("seesWorkingCopy", () => {
  const table: [string, Partial<ResourceSubject>, boolean][] = [
    ["an author of a live resource", { isAuthor: true, live: true, status: "draft" }, true],
    ["a reviewer of a submitted one", { isReviewer: true, live: true, status: "submitted" }, true],
    [
      "a reviewer of an approved, not published one",
      { isReviewer: true, status: "approved" },
      true,
    ],
    [
      "a reviewer of a new approved version",
      { isReviewer: true, live: true, status: "approved" },
      true,
    ],
    ["a reviewer of a draft edit of a live one", { isReviewer: true, live: true }, false],
    ["a reviewer of a published one", { isReviewer: true, live: true, status: "published" }, false],
    ["a reader of a submitted new version", { live: true, status: "submitted" }, false],
    ["a reader of an approved new version", { live: true, status: "approved" }, false],
  ];
  it.each(table)("%s", (_name, over, expected) => {
    expect(seesWorkingCopy(subject(over))).toBe(expected);
  });
});
