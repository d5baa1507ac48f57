import { describe, expect, it } from "vitest";
import type { Person } from "~/lib/policy";
import { type CourseSubject, coursePolicy } from "./rules";

const person = (over: Partial<Person> = {}): Person => ({
  id: "u1",
  isAdmin: false,
  isFacilitator: false,
  emailVerified: true,
  ...over,
});
const course = (over: Partial<CourseSubject> = {}): CourseSubject => ({
  ownerId: "owner",
  networkId: null,
  status: "published",
  visible: true,
  networkFacilitator: false,
  enrolment: null,
  ...over,
});
const verdict = (v: ReturnType<typeof coursePolicy.verdict>) => (v === true ? "allow" : v.status);

describe("coursePolicy", () => {
  it.each([
    ["an owner", { isEducator: false, facilitates: false }, person(), 403],
    ["an educator", { isEducator: true, facilitates: false }, person(), "allow"],
    ["a facilitator", { isEducator: false, facilitates: true }, person(), "allow"],
    [
      "an unverified educator",
      { isEducator: true, facilitates: false },
      person({ emailVerified: false }),
      403,
    ],
  ] as const)("create: %s → %s", (_, a, actor, expected) => {
    expect(verdict(coursePolicy.verdict(actor, "create", a))).toBe(expected);
  });

  it.each([
    ["enrol", course(), "allow"],
    ["enrol", course({ visible: false }), 404],
    ["enrol", course({ enrolment: "active" }), 409],
    ["enrol", course({ enrolment: "left" }), "allow"],
    ["enrol", course({ status: "draft", ownerId: "u1" }), 409],
    ["leave", course({ enrolment: "active" }), "allow"],
    ["leave", course({ enrolment: "active", visible: false }), "allow"],
    ["leave", course({ enrolment: null }), 409],
    ["leave", course({ enrolment: "completed" }), 409],
    ["learn", course({ enrolment: "active" }), "allow"],
    ["learn", course({ enrolment: "completed" }), "allow"],
    ["learn", course({ enrolment: "left" }), 403],
    ["learn", course({ enrolment: "active", visible: false }), 404],
    ["edit", course(), 403],
    ["edit", course({ ownerId: "u1" }), "allow"],
    ["edit", course({ ownerId: "u1", visible: false }), 404],
    ["learners", course(), 403],
    ["learners", course({ ownerId: "u1" }), "allow"],
    ["learners", course({ networkId: "n", networkFacilitator: true }), "allow"],
    ["learners", course({ ownerId: null }), 403],
    ["learners", course({ networkId: "n", visible: false, networkFacilitator: true }), 404],
  ] as const)("%s on %o → %s", (action, subject, expected) => {
    expect(verdict(coursePolicy.verdict(person(), action, subject))).toBe(expected);
  });

  it("shipped courses' learners: installation admins and facilitators only", () => {
    const shipped = course({ ownerId: null });
    expect(coursePolicy.can(person({ isAdmin: true }), "learners", shipped)).toBe(true);
    expect(coursePolicy.can(person({ isFacilitator: true }), "learners", shipped)).toBe(true);
    expect(coursePolicy.can(person(), "learners", shipped)).toBe(false);
    expect(coursePolicy.can(person({ isAdmin: true }), "learners", course())).toBe(false);
    expect(coursePolicy.can(null, "view", course())).toBe(false);
  });
});
