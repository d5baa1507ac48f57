import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Mail jobs delivered over SMTP, by job id: a retried or re-run job whose mail already went out
 * does not send it again. (Mail written to disk needs no record: its file name is the key.)
 */
export const deliveredMails = pgTable("delivered_mails", {
  key: text("key").primaryKey(),
  deliveredAt: timestamp("delivered_at", { withTimezone: true }).notNull().defaultNow(),
});
