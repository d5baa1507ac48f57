import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisationKinds, organisationMemberStatuses, organisationRoles } from "../enums";
import { users } from "./accounts";
import { checkOneOf } from "./checks";

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: organisationKinds }).notNull(),
    name: text("name").notNull(),
    country: text("country").notNull(),
    region: text("region").notNull().default(""),
    website: text("website").notNull().default(""),
    description: text("description").notNull().default(""),
    /** Enterprise: NACE Rev. 2 division ("47") and its section ("G"). */
    naceDivision: text("nace_division"),
    naceSection: text("nace_section"),
    sizeBand: text("size_band"),
    yearFounded: integer("year_founded"),
    /** Provider fields. */
    providerType: text("provider_type"),
    deliveryModes: text("delivery_modes").array().notNull().default([]),
    eqfLevels: integer("eqf_levels").array().notNull().default([]),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    checkOneOf("organisations_kind_check", t.kind, organisationKinds),
    index("organisations_created_idx").on(
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index("organisations_kind_created_idx").on(
      t.kind,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index("organisations_country_created_idx").on(
      t.country,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index("organisations_section_idx").on(
      t.naceSection,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
  ],
);

export const organisationTopics = pgTable(
  "organisation_topics",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    topic: text("topic").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.topic] }),
    index("organisation_topics_topic_idx").on(t.topic, t.organisationId),
  ],
);

export const organisationMembers = pgTable(
  "organisation_members",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: organisationRoles }).notNull().default("member"),
    status: text("status", { enum: organisationMemberStatuses }).notNull().default("pending"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.userId] }),
    index("organisation_members_user_idx").on(t.userId, t.status),
    checkOneOf("organisation_members_role_check", t.role, organisationRoles),
    checkOneOf("organisation_members_status_check", t.status, organisationMemberStatuses),
  ],
);
