CREATE TABLE "need_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"responder_id" uuid,
	"kind" text NOT NULL,
	"offer_id" uuid,
	"event_id" uuid,
	"resource_id" uuid,
	"message" text DEFAULT '' NOT NULL,
	"language" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_answers_kind_check" CHECK ("need_answers"."kind" in ('offer', 'event', 'resource')),
	CONSTRAINT "need_answers_target_check" CHECK (("need_answers"."kind" = 'offer' and "need_answers"."offer_id" is not null) or ("need_answers"."kind" = 'event' and "need_answers"."event_id" is not null) or ("need_answers"."kind" = 'resource' and "need_answers"."resource_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "need_me_toos" (
	"need_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"urgency" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_me_toos_need_id_user_id_pk" PRIMARY KEY("need_id","user_id"),
	CONSTRAINT "need_me_toos_urgency_check" CHECK ("need_me_toos"."urgency" in ('month', 'quarter', 'year'))
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid,
	"network_id" uuid,
	"audit_id" uuid,
	"topic" text,
	"topic_text" text DEFAULT '' NOT NULL,
	"situation" text DEFAULT '' NOT NULL,
	"urgency" text NOT NULL,
	"formats" text[] NOT NULL,
	"times" text[] DEFAULT '{}' NOT NULL,
	"longest_sitting" text,
	"languages" text[] NOT NULL,
	"country" text,
	"region" text DEFAULT '' NOT NULL,
	"nace_division" text,
	"nace_section" text,
	"size_band" text,
	"status" text DEFAULT 'open' NOT NULL,
	"satisfied_note" text DEFAULT '' NOT NULL,
	"satisfied_answer_id" uuid,
	"weight" integer DEFAULT 0 NOT NULL,
	"me_too_count" integer DEFAULT 0 NOT NULL,
	"is_reached" boolean DEFAULT false NOT NULL,
	"submission_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "needs_urgency_check" CHECK ("needs"."urgency" in ('month', 'quarter', 'year')),
	CONSTRAINT "needs_status_check" CHECK ("needs"."status" in ('open', 'satisfied', 'closed')),
	CONSTRAINT "needs_sitting_check" CHECK ("needs"."longest_sitting" in ('10_minutes', 'hour', 'half_day', 'day')),
	CONSTRAINT "needs_weight_check" CHECK ("needs"."weight" >= 0),
	CONSTRAINT "needs_me_too_count_check" CHECK ("needs"."me_too_count" >= 0),
	CONSTRAINT "needs_topic_or_text_check" CHECK ("needs"."topic" is not null or length("needs"."topic_text") > 0),
	CONSTRAINT "needs_owner_or_audit_check" CHECK ("needs"."owner_id" is not null or "needs"."audit_id" is not null),
	CONSTRAINT "needs_formats_check" CHECK (cardinality("needs"."formats") > 0),
	CONSTRAINT "needs_languages_check" CHECK (cardinality("needs"."languages") > 0)
);
--> statement-breakpoint
CREATE TABLE "offer_topics" (
	"offer_id" uuid NOT NULL,
	"topic" text NOT NULL,
	CONSTRAINT "offer_topics_offer_id_topic_pk" PRIMARY KEY("offer_id","topic")
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_by" uuid,
	"organisation_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"formats" text[] NOT NULL,
	"languages" text[] NOT NULL,
	"countries" text[] DEFAULT '{}' NOT NULL,
	"on_demand" boolean DEFAULT false NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"price_cents" integer,
	"status" text DEFAULT 'open' NOT NULL,
	"submission_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offers_status_check" CHECK ("offers"."status" in ('open', 'withdrawn')),
	CONSTRAINT "offers_price_check" CHECK ("offers"."price_cents" >= 0),
	CONSTRAINT "offers_formats_check" CHECK (cardinality("offers"."formats") > 0),
	CONSTRAINT "offers_languages_check" CHECK (cardinality("offers"."languages") > 0),
	CONSTRAINT "offers_when_check" CHECK ("offers"."on_demand" or "offers"."starts_on" is not null),
	CONSTRAINT "offers_dates_check" CHECK ("offers"."ends_on" is null or "offers"."ends_on" >= "offers"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "need_answers" ADD CONSTRAINT "need_answers_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_answers" ADD CONSTRAINT "need_answers_responder_id_users_id_fk" FOREIGN KEY ("responder_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_answers" ADD CONSTRAINT "need_answers_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_answers" ADD CONSTRAINT "need_answers_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_me_toos" ADD CONSTRAINT "need_me_toos_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_me_toos" ADD CONSTRAINT "need_me_toos_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_topics" ADD CONSTRAINT "offer_topics_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "need_answers_need_idx" ON "need_answers" USING btree ("need_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "need_answers_offer_idx" ON "need_answers" USING btree ("offer_id");--> statement-breakpoint
CREATE INDEX "need_answers_event_idx" ON "need_answers" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "need_answers_offer_key" ON "need_answers" USING btree ("need_id","offer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "need_answers_event_key" ON "need_answers" USING btree ("need_id","event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "need_answers_resource_key" ON "need_answers" USING btree ("need_id","resource_id");--> statement-breakpoint
CREATE INDEX "need_me_toos_user_idx" ON "need_me_toos" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "needs_owner_idx" ON "needs" USING btree ("owner_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "needs_network_idx" ON "needs" USING btree ("network_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "needs_audit_idx" ON "needs" USING btree ("audit_id");--> statement-breakpoint
CREATE INDEX "needs_open_topic_idx" ON "needs" USING btree ("topic","country") WHERE "needs"."status" = 'open';--> statement-breakpoint
CREATE INDEX "needs_open_created_idx" ON "needs" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "needs"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "needs_owner_submission_key" ON "needs" USING btree ("owner_id","submission_key");--> statement-breakpoint
CREATE INDEX "offer_topics_topic_idx" ON "offer_topics" USING btree ("topic","offer_id");--> statement-breakpoint
CREATE INDEX "offers_created_idx" ON "offers" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "offers_creator_idx" ON "offers" USING btree ("created_by","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "offers_creator_submission_key" ON "offers" USING btree ("created_by","submission_key");