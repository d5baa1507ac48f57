import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { locales } from "~/features/taxonomy/types";
import { legalPageKinds } from "../enums";
import { users } from "./accounts";
import { checkOneOf, checkThat } from "./checks";

/**
 * The privacy notice, terms and imprint as an admin wrote them, one row per saved version and
 * language (issue 13, decision 026). The newest row of a kind and language is the page; older
 * rows are its history. No row: the page shows the text Synergy ships (English).
 */
export const legalPageVersions = pgTable(
  "legal_page_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: legalPageKinds }).notNull(),
    locale: text("locale", { enum: locales }).notNull(),
    bodyMarkdown: text("body_markdown").notNull(),
    editedBy: uuid("edited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("legal_page_versions_current_idx").on(t.kind, t.locale, t.createdAt.desc(), t.id),
    checkOneOf("legal_page_versions_kind_check", t.kind, legalPageKinds),
    checkOneOf("legal_page_versions_locale_check", t.locale, locales),
    checkThat("legal_page_versions_body_length_check", sql`length(${t.bodyMarkdown}) <= 50000`),
  ],
);
