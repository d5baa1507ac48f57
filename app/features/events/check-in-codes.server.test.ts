import { describe, expect, it } from "vitest";
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  checkInCode,
  formatCode,
  isCheckInCode,
  readCode,
} from "./check-in-codes.server";

const secret = "a-test-secret-that-is-long-enough-for-hmac";
const event = "0b7f2a4e-6a1c-4d2b-9d0e-0123456789ab";
const other = "5c1e9f00-2b3a-4c5d-8e6f-abcdefabcdef";
const person = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

describe("check-in codes", () => {
  it("are 8 typeable characters without look-alikes, the same each time", () => {
    const code = checkInCode(secret, event, person);
    expect(code).toHaveLength(CODE_LENGTH);
    expect([...code].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
    expect(CODE_ALPHABET).not.toMatch(/[01ILO]/);
    expect(checkInCode(secret, event, person)).toBe(code);
    expect(formatCode(code)).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  });

  it("are bound to the event, the person and the secret", () => {
    const code = checkInCode(secret, event, person);
    expect(isCheckInCode(secret, event, person, code)).toBe(true);
    // Another event's code for the same person is refused.
    expect(isCheckInCode(secret, other, person, code)).toBe(false);
    expect(checkInCode(secret, other, person)).not.toBe(code);
    // Made with another installation's secret: refused.
    expect(isCheckInCode("another-secret-entirely-different-0000", event, person, code)).toBe(
      false,
    );
  });

  it("refuses a tampered code: every single changed character", () => {
    const code = checkInCode(secret, event, person);
    for (let i = 0; i < code.length; i++) {
      const swapped = CODE_ALPHABET[(CODE_ALPHABET.indexOf(code[i]) + 1) % CODE_ALPHABET.length];
      const tampered = code.slice(0, i) + swapped + code.slice(i + 1);
      expect(isCheckInCode(secret, event, person, tampered)).toBe(false);
    }
    expect(isCheckInCode(secret, event, person, code.slice(0, 7))).toBe(false);
  });

  it("reads typed codes and scanned links, naming the event a link is for", () => {
    const code = checkInCode(secret, event, person);
    const typed = ` ${formatCode(code).toLowerCase()} `;
    expect(readCode(typed)).toEqual({ code, eventId: null });
    const link = `https://synergy.example/networks/x/events/${other}/check-in?code=${code}`;
    expect(readCode(link)).toEqual({ code, eventId: other });
    expect(readCode("ABCD-EFG")).toBeNull();
    expect(readCode("ABCD-EFG0")).toBeNull();
    expect(readCode("")).toBeNull();
    expect(readCode("x".repeat(600))).toBeNull();
  });
});
