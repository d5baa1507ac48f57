import { sql } from "drizzle-orm";
import {
  bigint,
  date,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { checkNotNegative, checkOneOf } from "./checks";
import { networks } from "./networks";

export const distanceDimensions = ["all", "country", "topic"] as const;

/**
 * The distance index as it stood each day (issue 10, decision 018 "How it is shown"), written
 * by the daily `needs.daily` job: per network (null: installation-wide needs), the open needs'
 * weight and the weight nothing reaches, for all of them, per country and per topic. The radar
 * draws the index's trend from these rows, summing only the networks the viewer may see.
 */
export const needDistanceSnapshots = pgTable(
  "need_distance_snapshots",
  {
    day: date("day").notNull(),
    networkId: uuid("network_id").references(() => networks.id, { onDelete: "cascade" }),
    dimension: text("dimension", { enum: distanceDimensions }).notNull(),
    /** The country code or topic key; "" for dimension "all". */
    key: text("key").notNull().default(""),
    openCount: integer("open_count").notNull(),
    /** The people behind the open needs (owner, or one anonymous answer); 0 on days before it was kept. */
    openPeople: integer("open_people").notNull().default(0),
    openWeight: integer("open_weight").notNull(),
    unreachedWeight: integer("unreached_weight").notNull(),
  },
  (t) => [
    checkOneOf("need_distance_snapshots_dimension_check", t.dimension, distanceDimensions),
    checkNotNegative("need_distance_snapshots_open_weight_check", t.openWeight),
    checkNotNegative("need_distance_snapshots_unreached_check", t.unreachedWeight),
    uniqueIndex("need_distance_snapshots_key").on(
      t.day,
      t.dimension,
      t.key,
      sql`coalesce(${t.networkId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    // The trend reads one group's days for the viewer's networks only.
    index("need_distance_snapshots_lookup_idx").on(t.dimension, t.key, t.networkId, t.day),
  ],
);

/**
 * One row whose `version` goes up with every statement that writes `needs` (inserted, changed,
 * refreshed by refreshNeeds, or deleted, also by a cascade from a deleted person or network),
 * the snapshots, or offers and their topics (the reasons a need is unreached): a trigger bumps it (migration 0016_radar_figures_trigger), in the writer's
 * transaction. The radar keeps computed figures in memory under the version it read in the same
 * snapshot, so a figure is never older than the data it was computed from.
 */
export const needFiguresVersion = pgTable("need_figures_version", {
  id: integer("id").primaryKey().default(1),
  version: bigint("version", { mode: "number" }).notNull().default(0),
});
