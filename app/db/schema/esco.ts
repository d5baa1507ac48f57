import { index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * ESCO concepts (skills, skill groups, occupations, ISCO groups, concept schemes), imported from
 * the official CSV download by `npm run esco:import`. Language-independent facts only; the
 * labels live in esco_labels, one row per language.
 */
export const escoConcepts = pgTable(
  "esco_concepts",
  {
    uri: text("uri").primaryKey(),
    /** ESCO's conceptType: KnowledgeSkillCompetence, SkillGroup, Occupation, ISCOGroup, ConceptScheme. */
    conceptType: text("concept_type").notNull(),
    /** Skills only: "skill/competence" or "knowledge". */
    skillType: text("skill_type"),
    /** Skills only: "transversal", "cross-sector", "sector-specific", "occupation-specific". */
    reuseLevel: text("reuse_level"),
    status: text("status"),
    code: text("code"),
    /** Occupations only: the ISCO-08 unit group code. */
    iscoGroup: text("isco_group"),
    /** ESCO's modifiedDate. */
    modifiedAt: timestamp("modified_at", { withTimezone: true }),
  },
  (t) => [index("esco_concepts_type_idx").on(t.conceptType, t.uri)],
);

export const escoLabels = pgTable(
  "esco_labels",
  {
    uri: text("uri")
      .notNull()
      .references(() => escoConcepts.uri, { onDelete: "cascade" }),
    language: text("language").notNull(),
    preferredLabel: text("preferred_label").notNull(),
    altLabels: text("alt_labels").array().notNull().default([]),
    hiddenLabels: text("hidden_labels").array().notNull().default([]),
    description: text("description"),
  },
  (t) => [primaryKey({ columns: [t.uri, t.language] })],
);

/**
 * Broader → narrower pairs: the skills hierarchy, the broader concepts named by the collections
 * and the broaderRelations files. No foreign keys, because an import of a subset of the files
 * names concepts that were not imported.
 */
export const escoRelations = pgTable(
  "esco_relations",
  {
    parentUri: text("parent_uri").notNull(),
    childUri: text("child_uri").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.parentUri, t.childUri] }),
    index("esco_relations_child_idx").on(t.childUri, t.parentUri),
  ],
);

/** Membership of ESCO's collections, keyed by the file name ("transversal", "language", "digital" …). */
export const escoCollectionMembers = pgTable(
  "esco_collection_members",
  {
    collection: text("collection").notNull(),
    uri: text("uri")
      .notNull()
      .references(() => escoConcepts.uri, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.collection, t.uri] }),
    index("esco_collection_members_uri_idx").on(t.uri, t.collection),
  ],
);
