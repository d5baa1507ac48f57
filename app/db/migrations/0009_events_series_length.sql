CREATE TABLE "event_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"created_by" uuid,
	"rule" text NOT NULL,
	"time_zone" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"cancelled_at" timestamp with time zone,
	"submission_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_series_duration_check" CHECK ("event_series"."duration_minutes" > 0),
	CONSTRAINT "event_series_sequence_check" CHECK ("event_series"."sequence" >= 0)
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "series_id" uuid;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "recurrence_id" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "detached" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "series_master" jsonb;--> statement-breakpoint
ALTER TABLE "event_series" ADD CONSTRAINT "event_series_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_series" ADD CONSTRAINT "event_series_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_series_network_idx" ON "event_series" USING btree ("network_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_series_submission_key" ON "event_series" USING btree ("created_by","submission_key");--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_series_id_event_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."event_series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "events_series_recurrence" ON "events" USING btree ("series_id","recurrence_id");--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_series_check" CHECK (("events"."series_id" is null) = ("events"."recurrence_id" is null) and ("events"."series_id" is null) = ("events"."series_master" is null));--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_length_check" CHECK ("events"."ends_at" <= "events"."starts_at" + interval '14 days');