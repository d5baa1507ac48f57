import { pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";

/**
 * A person's private calendar subscription (decision 017): the feed URL carries a random token,
 * of which only the SHA-256 is kept. One per person: making a new one replaces the old, and
 * deleting the row (revoking) makes the old URL answer 404 at once. The row goes with the
 * account.
 */
export const calendarSubscriptions = pgTable(
  "calendar_subscriptions",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("calendar_subscriptions_token_key").on(t.tokenHash)],
);
