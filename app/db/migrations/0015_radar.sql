CREATE TABLE "need_distance_snapshots" (
	"day" date NOT NULL,
	"network_id" uuid,
	"dimension" text NOT NULL,
	"key" text DEFAULT '' NOT NULL,
	"open_count" integer NOT NULL,
	"open_weight" integer NOT NULL,
	"unreached_weight" integer NOT NULL,
	CONSTRAINT "need_distance_snapshots_dimension_check" CHECK ("need_distance_snapshots"."dimension" in ('all', 'country', 'topic')),
	CONSTRAINT "need_distance_snapshots_open_weight_check" CHECK ("need_distance_snapshots"."open_weight" >= 0),
	CONSTRAINT "need_distance_snapshots_unreached_check" CHECK ("need_distance_snapshots"."unreached_weight" >= 0)
);
--> statement-breakpoint
CREATE TABLE "need_figures_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "need_distance_snapshots" ADD CONSTRAINT "need_distance_snapshots_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "need_distance_snapshots_key" ON "need_distance_snapshots" USING btree ("day","dimension","key",coalesce("network_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "need_distance_snapshots_lookup_idx" ON "need_distance_snapshots" USING btree ("dimension","key","network_id","day");--> statement-breakpoint
CREATE INDEX "needs_unreached_weight_idx" ON "needs" USING btree ("weight" DESC NULLS LAST,"created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "needs"."status" = 'open' and not "needs"."is_reached";