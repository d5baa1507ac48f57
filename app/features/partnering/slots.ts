/**
 * Partnering-day slots (pure: no database). A day runs from `startsAt` to `endsAt` in slots of
 * `slotMinutes`; a slot is named by its start instant. Instants only: a daylight-saving change
 * inside a day moves nothing, because no local time is ever added to.
 */

/** At most this many slots in one day (a 24-hour day of 10-minute slots is 144). */
export const MAX_SLOTS = 200;

/** The start instants of a day's slots; a last slot that would run past the end is left out. */
export function daySlots(startsAt: Date, endsAt: Date, slotMinutes: number): Date[] {
  const step = slotMinutes * 60_000;
  const slots: Date[] = [];
  if (step <= 0) return slots;
  for (let t = startsAt.getTime(); t + step <= endsAt.getTime(); t += step) {
    slots.push(new Date(t));
    if (slots.length >= MAX_SLOTS) break;
  }
  return slots;
}

/** Whether an instant is the start of one of the day's slots. */
export function isSlotOf(slot: Date, startsAt: Date, endsAt: Date, slotMinutes: number): boolean {
  const step = slotMinutes * 60_000;
  const offset = slot.getTime() - startsAt.getTime();
  return (
    step > 0 && offset >= 0 && offset % step === 0 && slot.getTime() + step <= endsAt.getTime()
  );
}

/**
 * The smallest table number from 1 to `tables` not in `taken`; null when every table is taken
 * (or the day has no tables: its meetings are calls).
 */
export function smallestFreeTable(taken: readonly number[], tables: number): number | null {
  const used = new Set(taken);
  for (let n = 1; n <= tables; n++) if (!used.has(n)) return n;
  return null;
}

/**
 * The call link of a booking on an online day: the event's meeting link with a room of its own
 * (`?room=` or `&room=`, kept apart from any fragment), so two meetings in one slot never share a
 * room.
 */
export function callUrlFor(base: string, room: string): string {
  const hash = base.indexOf("#");
  const head = hash === -1 ? base : base.slice(0, hash);
  const tail = hash === -1 ? "" : base.slice(hash);
  const joiner = head.includes("?") ? "&" : "?";
  return `${head}${joiner}room=${encodeURIComponent(room)}${tail}`;
}

/** The slots both people are free for and neither holds (in the day's order). */
export function commonFreeSlots(
  slots: readonly Date[],
  mine: readonly Date[],
  theirs: readonly Date[],
  held: ReadonlySet<number>,
): Date[] {
  const a = new Set(mine.map((d) => d.getTime()));
  const b = new Set(theirs.map((d) => d.getTime()));
  return slots.filter((s) => a.has(s.getTime()) && b.has(s.getTime()) && !held.has(s.getTime()));
}
