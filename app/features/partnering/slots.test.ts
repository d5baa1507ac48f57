import { describe, expect, it } from "vitest";
import { callUrlFor, commonFreeSlots, daySlots, isSlotOf, smallestFreeTable } from "./slots";

const at = (iso: string) => new Date(iso);

describe("partnering-day slots", () => {
  it("cuts a day into whole slots, leaving out a last one that runs past the end", () => {
    const slots = daySlots(at("2027-03-28T00:30:00Z"), at("2027-03-28T01:50:00Z"), 20);
    expect(slots.map((s) => s.toISOString())).toEqual([
      "2027-03-28T00:30:00.000Z",
      "2027-03-28T00:50:00.000Z",
      "2027-03-28T01:10:00.000Z",
      "2027-03-28T01:30:00.000Z",
    ]);
    // The EU's spring change (01:00 UTC) happens inside: instants are 20 minutes apart all the same.
    expect(daySlots(at("2027-03-28T00:00:00Z"), at("2027-03-28T00:10:00Z"), 20)).toEqual([]);
  });

  it("knows a slot start from any other instant", () => {
    const start = at("2027-06-15T07:00:00Z");
    const end = at("2027-06-15T09:00:00Z");
    const cases: [string, boolean][] = [
      ["2027-06-15T07:00:00Z", true],
      ["2027-06-15T08:40:00Z", true],
      ["2027-06-15T07:10:00Z", false],
      ["2027-06-15T09:00:00Z", false],
      ["2027-06-15T06:40:00Z", false],
    ];
    for (const [slot, expected] of cases)
      expect(isSlotOf(at(slot), start, end, 20), slot).toBe(expected);
  });

  it("gives the smallest free table, or none", () => {
    const cases: [number[], number, number | null][] = [
      [[], 3, 1],
      [[1, 2], 3, 3],
      [[2], 3, 1],
      [[1, 2, 3], 3, null],
      [[], 0, null],
    ];
    for (const [taken, tables, expected] of cases) {
      expect(smallestFreeTable(taken, tables), `${taken} of ${tables}`).toBe(expected);
    }
  });

  it("gives each call its own room on the event's link", () => {
    expect(callUrlFor("https://meet.example.org/day", "a1")).toBe(
      "https://meet.example.org/day?room=a1",
    );
    expect(callUrlFor("https://meet.example.org/day?pwd=x#top", "a 1")).toBe(
      "https://meet.example.org/day?pwd=x&room=a%201#top",
    );
  });

  it("offers the slots both are free for and neither holds", () => {
    const slots = daySlots(at("2027-06-15T07:00:00Z"), at("2027-06-15T08:00:00Z"), 20);
    const [a, b, c] = slots;
    expect(commonFreeSlots(slots, [a, b, c], [b, c], new Set([c.getTime()]))).toEqual([b]);
  });
});
