import { jsonb, pgTable, text } from "drizzle-orm/pg-core";
import type { Localized } from "~/features/taxonomy/types";

/** The built-in training topics, mirrored from code at start-up so SQL can join on them. */
export const topics = pgTable("topics", {
  slug: text("slug").primaryKey(),
  group: text("group").notNull(),
  escoUri: text("esco_uri"),
  labels: jsonb("labels").$type<Localized>().notNull(),
});
