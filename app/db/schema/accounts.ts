import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { type FieldVisibility, skillKinds, tokenPurposes, userRoles } from "../enums";
import { checkNotNegative, checkOneOf, checkThat } from "./checks";

export {
  type FieldVisibility,
  type ProfileField,
  profileFields,
  type Visibility,
} from "../enums";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Always stored lower-cased and trimmed. */
    email: text("email").notNull(),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: userRoles }).notNull(),
    isFacilitator: boolean("is_facilitator").notNull().default(false),
    isAdmin: boolean("is_admin").notNull().default(false),
    locale: text("locale").notNull().default("en"),
    /**
     * IANA zone every time is shown in (canonical spelling, checked against Intl's list by the
     * app). Accounts from before time zones get Central European Time (docs/decisions/009).
     */
    timeZone: text("time_zone").notNull().default("Europe/Brussels"),
    displayName: text("display_name").notNull(),
    headline: text("headline").notNull().default(""),
    bio: text("bio").notNull().default(""),
    photoKey: text("photo_key"),
    country: text("country"),
    region: text("region").notNull().default(""),
    visibility: jsonb("visibility").$type<Partial<FieldVisibility>>().notNull().default({}),
    onboardedAt: timestamp("onboarded_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    // The code stores addresses lower-cased; these make a differently cased duplicate impossible.
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    checkThat("users_email_lower_check", sql`${t.email} = lower(${t.email})`),
    checkOneOf("users_role_check", t.role, userRoles),
    index("users_created_idx").on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("users_country_created_idx").on(
      t.country,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index("users_role_created_idx").on(
      t.role,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index("users_photo_idx").on(t.photoKey),
  ],
);

export const userLanguages = pgTable(
  "user_languages",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    language: text("language").notNull(),
    level: text("level").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.language] }),
    index("user_languages_language_idx").on(t.language, t.userId),
  ],
);

export const userSkills = pgTable(
  "user_skills",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: skillKinds }).notNull(),
    topic: text("topic").notNull(),
  },
  (t) => [
    checkOneOf("user_skills_kind_check", t.kind, skillKinds),
    primaryKey({ columns: [t.userId, t.kind, t.topic] }),
    index("user_skills_topic_idx").on(t.kind, t.topic, t.userId),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie token; the token itself is never stored. */
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    userAgent: text("user_agent").notNull().default(""),
    ip: text("ip").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const authTokens = pgTable(
  "auth_tokens",
  {
    /** SHA-256 of the emailed token. */
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: tokenPurposes }).notNull(),
    /** For verify_email: the address being verified (a changed email takes effect on use). */
    email: text("email").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [
    index("auth_tokens_user_idx").on(t.userId, t.purpose),
    checkOneOf("auth_tokens_purpose_check", t.purpose, tokenPurposes),
  ],
);

/** Fixed-window counters shared by every app process (sign-in, sign-up, reset throttling). */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    hits: integer("hits").notNull(),
  },
  (t) => [checkNotNegative("rate_limits_hits_check", t.hits)],
);
