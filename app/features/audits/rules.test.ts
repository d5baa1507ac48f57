import { describe, expect, it } from "vitest";
import type { Actor, Person } from "~/lib/policy";
import { type AuditSubject, auditPolicy } from "./rules";

const person: Person = { id: "p", isAdmin: false, isFacilitator: false, emailVerified: true };
const countryFacilitator: Person = { ...person, isFacilitator: true };

function audit(overrides: Partial<AuditSubject> = {}): AuditSubject {
  return {
    status: "open",
    createdBy: "someone",
    networkId: "n",
    facilitatesNetwork: false,
    invitation: null,
    memberOfNetwork: true,
    ...overrides,
  };
}

type Row = [string, Actor, keyof typeof auditPolicy.rules, AuditSubject, true | number, string?];

const facilitator = audit({ facilitatesNetwork: true });
const invited = audit({ invitation: { answered: false } });
const countryAudit = audit({ networkId: null, createdBy: "p" });

const table: Row[] = [
  ["network facilitator sees the report", person, "report", facilitator, true],
  [
    "invited member may not see the report",
    person,
    "report",
    invited,
    403,
    "audits.facilitatorsOnly",
  ],
  ["outsider: no such audit", person, "report", audit(), 404, "audits.notFound"],
  ["signed out: no such audit", null, "view", audit(), 404],
  ["country audit: its facilitator", countryFacilitator, "report", countryAudit, true],
  ["country audit: creator lost the role", person, "report", countryAudit, 404],
  [
    "country audit: another facilitator",
    countryFacilitator,
    "report",
    audit({ networkId: null }),
    404,
  ],
  [
    "country audit: an admin facilitator",
    { ...countryFacilitator, id: "x", isAdmin: true },
    "report",
    countryAudit,
    true,
  ],
  [
    "unconfirmed email manages nothing",
    { ...person, emailVerified: false },
    "report",
    facilitator,
    404,
  ],
  ["edit a draft", person, "edit", audit({ facilitatesNetwork: true, status: "draft" }), true],
  ["questions fixed once open", person, "edit", facilitator, 409, "audits.questionsFixed"],
  ["open a draft", person, "open", audit({ facilitatesNetwork: true, status: "draft" }), true],
  ["open twice", person, "open", facilitator, 409],
  ["close an open audit", person, "close", facilitator, true],
  [
    "close a closed audit",
    person,
    "close",
    audit({ facilitatesNetwork: true, status: "closed" }),
    409,
    "audits.notOpen",
  ],
  ["invited answers", person, "answer", invited, true],
  [
    "answer twice",
    person,
    "answer",
    audit({ invitation: { answered: true } }),
    409,
    "audits.alreadyAnswered",
  ],
  [
    "answer a closed audit",
    person,
    "answer",
    audit({ status: "closed", invitation: { answered: false } }),
    409,
    "audits.closed",
  ],
  ["not invited", person, "answer", facilitator, 404, "audits.notFound"],
  [
    "invited, then removed from the network: no such audit",
    person,
    "answer",
    audit({ invitation: { answered: false }, memberOfNetwork: false }),
    404,
    "audits.notFound",
  ],
  [
    "invited, then removed: cannot see it either",
    person,
    "view",
    audit({ invitation: { answered: false }, memberOfNetwork: false }),
    404,
  ],
  [
    "country audit: the invited answer without a network",
    person,
    "answer",
    audit({ networkId: null, invitation: { answered: false }, memberOfNetwork: false }),
    true,
  ],
  [
    "a draft has no invitees yet",
    person,
    "view",
    audit({ status: "draft", invitation: { answered: false } }),
    404,
  ],
  ["invited sees the open audit", person, "view", invited, true],
];

describe("auditPolicy", () => {
  it.each(table)("%s", (_name, actor, action, subject, expected, key) => {
    const verdict = auditPolicy.verdict(actor, action, subject as never);
    if (expected === true) expect(verdict).toBe(true);
    else expect(verdict).toMatchObject({ status: expected, ...(key ? { messageKey: key } : {}) });
  });

  it("lets network facilitators and installation facilitators create, nobody else", () => {
    expect(auditPolicy.can(person, "create", { scope: "network", facilitatesNetwork: true })).toBe(
      true,
    );
    expect(auditPolicy.can(person, "create", { scope: "network", facilitatesNetwork: false })).toBe(
      false,
    );
    expect(auditPolicy.can(person, "create", { scope: "country" })).toBe(false);
    expect(auditPolicy.can(countryFacilitator, "create", { scope: "country" })).toBe(true);
    expect(auditPolicy.can(null, "create", { scope: "country" })).toBe(false);
  });
});
