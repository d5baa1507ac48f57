import { describe, expect, it } from "vitest";
import { jobIdFor } from "~/lib/jobs.server";
import { maskEmail, maskEmailsIn } from "./jobs.server";

describe("masking addresses on the queue page", () => {
  it.each([
    ["jane.doe@example.org", "j***@e***.org"],
    ["x@y", "x***@y***"],
    ["not an address", "***"],
  ])("shows %s as %s", (address, masked) => {
    expect(maskEmail(address)).toBe(masked);
  });

  it("masks every address inside an error message", () => {
    expect(maskEmailsIn("550 <jane@example.org> and bob@mail.example.com refused")).toBe(
      "550 <j***@e***.org> and b***@m***.com refused",
    );
  });
});

describe("job ids from idempotency keys", () => {
  it("are the same UUID for the same name and key, different otherwise", () => {
    const id = jobIdFor("mail.send", "invitation:1");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(jobIdFor("mail.send", "invitation:1")).toBe(id);
    expect(jobIdFor("mail.send", "invitation:2")).not.toBe(id);
    expect(jobIdFor("maintenance.cleanup", "invitation:1")).not.toBe(id);
  });
});
