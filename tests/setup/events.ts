/** Next year: always in the future, never tied to today's date or clock. */
export const nextYear = new Date().getUTCFullYear() + 1;

/**
 * The new-event form as a facilitator fills it: a face-to-face evening in Athens next June.
 * Athens is UTC+3 in June: 18:30 there is 15:30 UTC, 16:30 in Dublin, 18:30 in Helsinki.
 */
export function eventForm(overrides: Record<string, string> = {}) {
  return {
    intent: "save",
    title: "Bakers' evening",
    description: "Pricing, suppliers and a tasting.",
    kind: "in_person",
    venue: "Adult-learning centre",
    address: "Ermou 12, Athens",
    mapUrl: "",
    meetingUrl: "",
    timeZone: "Europe/Athens",
    startsAt: `${nextYear}-06-15T18:30`,
    endsAt: `${nextYear}-06-15T20:30`,
    language: "en",
    capacity: "",
    rsvpDeadline: "",
    ...overrides,
  };
}
