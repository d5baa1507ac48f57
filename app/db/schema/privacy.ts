import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { dataExportStatuses } from "../enums";
import { users } from "./accounts";
import { checkNotNegative, checkOneOf, checkThat } from "./checks";

/**
 * "Download my data": one row per archive a person asked for (docs/decisions/027). The ZIP lives
 * in file storage under `data-exports/`; the row goes (and its file with it) when it expires.
 */
export const dataExports = pgTable(
  "data_exports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: dataExportStatuses }).notNull().default("queued"),
    /** 0–100, written by the job as it goes. */
    progress: integer("progress").notNull().default(0),
    storageKey: text("storage_key"),
    sizeBytes: integer("size_bytes"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** Set when the archive is ready; the clean-up removes it (and its file) after. */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
  },
  (t) => [
    checkOneOf("data_exports_status_check", t.status, dataExportStatuses),
    checkThat("data_exports_progress_check", sql`${t.progress} between 0 and 100`),
    checkNotNegative("data_exports_size_check", t.sizeBytes),
    // One archive in the making per person: a second request while one runs is refused (409).
    uniqueIndex("data_exports_one_active_key")
      .on(t.userId)
      .where(sql`${t.status} in ('queued', 'running')`),
    index("data_exports_user_created_idx").on(t.userId, t.createdAt.desc()),
    index("data_exports_expires_idx").on(t.expiresAt),
  ],
);

/**
 * "Delete my account": a person who asked for deletion, until the daily job anonymises them at
 * `due_at` (docs/decisions/027). Cancelling deletes the row.
 */
export const accountDeletions = pgTable(
  "account_deletions",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("account_deletions_due_idx").on(t.dueAt)],
);
