/**
 * How long after signing up a person is still greeted as new ("Welcome", not "Welcome back"):
 * the first day, whatever they open and however often they sign in that day.
 */
export const NEWCOMER_HOURS = 12;

/** Whether an account made at `createdAt` is still new at `now`. */
export function isNewcomer(createdAt: Date, now: Date = new Date()): boolean {
  return now.getTime() - createdAt.getTime() < NEWCOMER_HOURS * 60 * 60 * 1000;
}
