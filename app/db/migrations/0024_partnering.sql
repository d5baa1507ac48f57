CREATE TABLE "introduction_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"interest_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "introduction_updates_stage_check" CHECK ("introduction_updates"."stage" in ('introduced', 'met', 'agreement', 'active', 'ended'))
);
--> statement-breakpoint
CREATE TABLE "meeting_times" (
	"meeting_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meeting_times_meeting_id_starts_at_pk" PRIMARY KEY("meeting_id","starts_at")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"interest_id" uuid,
	"proposed_by" uuid NOT NULL,
	"invitee" uuid NOT NULL,
	"subject" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"duration_minutes" integer NOT NULL,
	"video_url" text DEFAULT '' NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"starts_at" timestamp with time zone,
	"submission_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_status_check" CHECK ("meetings"."status" in ('proposed', 'accepted', 'declined', 'cancelled')),
	CONSTRAINT "meetings_duration_check" CHECK ("meetings"."duration_minutes" between 10 and 480),
	CONSTRAINT "meetings_people_check" CHECK ("meetings"."proposed_by" <> "meetings"."invitee"),
	CONSTRAINT "meetings_accepted_check" CHECK ("meetings"."status" <> 'accepted' or "meetings"."starts_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"kind" text NOT NULL,
	"area" text NOT NULL,
	"partnerships" text[] NOT NULL,
	"language" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"nace_division" text NOT NULL,
	"target_countries" text[] DEFAULT '{}' NOT NULL,
	"languages" text[] NOT NULL,
	"brings" text DEFAULT '' NOT NULL,
	"seeks" text DEFAULT '' NOT NULL,
	"deadline" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"review_note" text DEFAULT '' NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"renewal_reminded_at" timestamp with time zone,
	"interest_count" integer DEFAULT 0 NOT NULL,
	"submission_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, coalesce(title, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(description, '') || ' ' || coalesce(brings, '') || ' ' || coalesce(seeks, ''))) STORED,
	CONSTRAINT "opportunities_kind_check" CHECK ("opportunities"."kind" in ('offer', 'request')),
	CONSTRAINT "opportunities_area_check" CHECK ("opportunities"."area" in ('business', 'technology', 'service')),
	CONSTRAINT "opportunities_status_check" CHECK ("opportunities"."status" in ('draft', 'submitted', 'published', 'withdrawn')),
	CONSTRAINT "opportunities_partnerships_check" CHECK (cardinality("opportunities"."partnerships") > 0 and "opportunities"."partnerships" <@ array['distribution', 'supplier', 'subcontracting', 'joint_venture', 'franchise', 'licensing', 'public_tender', 'knowledge_exchange', 'learn_together']::text[]),
	CONSTRAINT "opportunities_languages_check" CHECK (cardinality("opportunities"."languages") > 0),
	CONSTRAINT "opportunities_published_check" CHECK ("opportunities"."status" <> 'published' or ("opportunities"."published_at" is not null and "opportunities"."expires_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "opportunity_interests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid,
	"message" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"conversation_id" uuid,
	"stage" text,
	"stage_changed_at" timestamp with time zone,
	"submission_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_interests_status_check" CHECK ("opportunity_interests"."status" in ('pending', 'accepted', 'declined', 'withdrawn')),
	CONSTRAINT "opportunity_interests_stage_check" CHECK ("opportunity_interests"."stage" in ('introduced', 'met', 'agreement', 'active', 'ended')),
	CONSTRAINT "opportunity_interests_stage_accepted_check" CHECK (("opportunity_interests"."status" = 'accepted') = ("opportunity_interests"."stage" is not null))
);
--> statement-breakpoint
CREATE TABLE "opportunity_translations" (
	"opportunity_id" uuid NOT NULL,
	"language" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_translations_opportunity_id_language_pk" PRIMARY KEY("opportunity_id","language")
);
--> statement-breakpoint
CREATE TABLE "partnering_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"day_id" uuid NOT NULL,
	"slot_start" timestamp with time zone NOT NULL,
	"requester" uuid NOT NULL,
	"invitee" uuid NOT NULL,
	"table_number" integer,
	"call_url" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"requester_follow_up" boolean,
	"invitee_follow_up" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partnering_bookings_status_check" CHECK ("partnering_bookings"."status" in ('booked', 'cancelled')),
	CONSTRAINT "partnering_bookings_people_check" CHECK ("partnering_bookings"."requester" <> "partnering_bookings"."invitee")
);
--> statement-breakpoint
CREATE TABLE "partnering_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"slot_minutes" integer DEFAULT 20 NOT NULL,
	"tables" integer DEFAULT 0 NOT NULL,
	"is_open" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partnering_days_times_check" CHECK ("partnering_days"."ends_at" > "partnering_days"."starts_at"),
	CONSTRAINT "partnering_days_slot_check" CHECK ("partnering_days"."slot_minutes" between 10 and 120),
	CONSTRAINT "partnering_days_tables_check" CHECK ("partnering_days"."tables" between 0 and 500)
);
--> statement-breakpoint
CREATE TABLE "partnering_holds" (
	"day_id" uuid NOT NULL,
	"slot_start" timestamp with time zone NOT NULL,
	"user_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	CONSTRAINT "partnering_holds_day_id_slot_start_user_id_pk" PRIMARY KEY("day_id","slot_start","user_id")
);
--> statement-breakpoint
CREATE TABLE "partnering_participants" (
	"day_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid,
	"seeks" text DEFAULT '' NOT NULL,
	"offers" text DEFAULT '' NOT NULL,
	"availability" timestamp with time zone[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partnering_participants_day_id_user_id_pk" PRIMARY KEY("day_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "partnership_stories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"interest_id" uuid NOT NULL,
	"language" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"written_by" uuid,
	"approved_by" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "introduction_updates" ADD CONSTRAINT "introduction_updates_interest_id_opportunity_interests_id_fk" FOREIGN KEY ("interest_id") REFERENCES "public"."opportunity_interests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction_updates" ADD CONSTRAINT "introduction_updates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_times" ADD CONSTRAINT "meeting_times_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_interest_id_opportunity_interests_id_fk" FOREIGN KEY ("interest_id") REFERENCES "public"."opportunity_interests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_invitee_users_id_fk" FOREIGN KEY ("invitee") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_interests" ADD CONSTRAINT "opportunity_interests_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_interests" ADD CONSTRAINT "opportunity_interests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_interests" ADD CONSTRAINT "opportunity_interests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_interests" ADD CONSTRAINT "opportunity_interests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_interests" ADD CONSTRAINT "opportunity_interests_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_translations" ADD CONSTRAINT "opportunity_translations_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_bookings" ADD CONSTRAINT "partnering_bookings_day_id_partnering_days_id_fk" FOREIGN KEY ("day_id") REFERENCES "public"."partnering_days"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_bookings" ADD CONSTRAINT "partnering_bookings_requester_users_id_fk" FOREIGN KEY ("requester") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_bookings" ADD CONSTRAINT "partnering_bookings_invitee_users_id_fk" FOREIGN KEY ("invitee") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_days" ADD CONSTRAINT "partnering_days_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_days" ADD CONSTRAINT "partnering_days_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_holds" ADD CONSTRAINT "partnering_holds_day_id_partnering_days_id_fk" FOREIGN KEY ("day_id") REFERENCES "public"."partnering_days"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_holds" ADD CONSTRAINT "partnering_holds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_holds" ADD CONSTRAINT "partnering_holds_booking_id_partnering_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."partnering_bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_participants" ADD CONSTRAINT "partnering_participants_day_id_partnering_days_id_fk" FOREIGN KEY ("day_id") REFERENCES "public"."partnering_days"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_participants" ADD CONSTRAINT "partnering_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnering_participants" ADD CONSTRAINT "partnering_participants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_stories" ADD CONSTRAINT "partnership_stories_interest_id_opportunity_interests_id_fk" FOREIGN KEY ("interest_id") REFERENCES "public"."opportunity_interests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_stories" ADD CONSTRAINT "partnership_stories_written_by_users_id_fk" FOREIGN KEY ("written_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_stories" ADD CONSTRAINT "partnership_stories_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "introduction_updates_interest_idx" ON "introduction_updates" USING btree ("interest_id","created_at");--> statement-breakpoint
CREATE INDEX "meetings_proposer_idx" ON "meetings" USING btree ("proposed_by","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "meetings_invitee_idx" ON "meetings" USING btree ("invitee","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_submission_key" ON "meetings" USING btree ("proposed_by","submission_key");--> statement-breakpoint
CREATE INDEX "opportunities_published_idx" ON "opportunities" USING btree ("published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "opportunities"."status" = 'published';--> statement-breakpoint
CREATE INDEX "opportunities_expiry_idx" ON "opportunities" USING btree ("expires_at") WHERE "opportunities"."status" = 'published';--> statement-breakpoint
CREATE INDEX "opportunities_organisation_idx" ON "opportunities" USING btree ("organisation_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "opportunities_review_idx" ON "opportunities" USING btree ("submitted_at") WHERE "opportunities"."status" = 'submitted';--> statement-breakpoint
CREATE INDEX "opportunities_division_idx" ON "opportunities" USING btree ("nace_division","published_at" DESC NULLS LAST) WHERE "opportunities"."status" = 'published';--> statement-breakpoint
CREATE INDEX "opportunities_countries_idx" ON "opportunities" USING gin ("target_countries");--> statement-breakpoint
CREATE INDEX "opportunities_languages_idx" ON "opportunities" USING gin ("languages");--> statement-breakpoint
CREATE INDEX "opportunities_partnerships_idx" ON "opportunities" USING gin ("partnerships");--> statement-breakpoint
CREATE INDEX "opportunities_search_idx" ON "opportunities" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "opportunities_submission_key" ON "opportunities" USING btree ("created_by","submission_key");--> statement-breakpoint
CREATE UNIQUE INDEX "opportunity_interests_open_key" ON "opportunity_interests" USING btree ("opportunity_id","organisation_id") WHERE "opportunity_interests"."status" in ('pending', 'accepted');--> statement-breakpoint
CREATE INDEX "opportunity_interests_opportunity_idx" ON "opportunity_interests" USING btree ("opportunity_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "opportunity_interests_organisation_idx" ON "opportunity_interests" USING btree ("organisation_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "opportunity_interests_declined_idx" ON "opportunity_interests" USING btree ("opportunity_id","organisation_id","decided_at") WHERE "opportunity_interests"."status" = 'declined';--> statement-breakpoint
CREATE UNIQUE INDEX "opportunity_interests_submission_key" ON "opportunity_interests" USING btree ("user_id","submission_key");--> statement-breakpoint
CREATE UNIQUE INDEX "partnering_bookings_table_key" ON "partnering_bookings" USING btree ("day_id","slot_start","table_number") WHERE "partnering_bookings"."status" = 'booked' and "partnering_bookings"."table_number" is not null;--> statement-breakpoint
CREATE INDEX "partnering_bookings_day_idx" ON "partnering_bookings" USING btree ("day_id","slot_start");--> statement-breakpoint
CREATE UNIQUE INDEX "partnering_days_event_key" ON "partnering_days" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "partnering_holds_user_idx" ON "partnering_holds" USING btree ("user_id","slot_start");--> statement-breakpoint
CREATE INDEX "partnering_holds_booking_idx" ON "partnering_holds" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "partnering_participants_day_idx" ON "partnering_participants" USING btree ("day_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "partnership_stories_interest_key" ON "partnership_stories" USING btree ("interest_id");--> statement-breakpoint
CREATE INDEX "partnership_stories_published_idx" ON "partnership_stories" USING btree ("published_at" DESC NULLS LAST) WHERE "partnership_stories"."published_at" is not null;