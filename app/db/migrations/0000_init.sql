CREATE TABLE "auth_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"user_agent" text DEFAULT '' NOT NULL,
	"ip" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_languages" (
	"user_id" uuid NOT NULL,
	"language" text NOT NULL,
	"level" text NOT NULL,
	CONSTRAINT "user_languages_user_id_language_pk" PRIMARY KEY("user_id","language")
);
--> statement-breakpoint
CREATE TABLE "user_skills" (
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"topic" text NOT NULL,
	CONSTRAINT "user_skills_user_id_kind_topic_pk" PRIMARY KEY("user_id","kind","topic")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"email_verified_at" timestamp with time zone,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"is_facilitator" boolean DEFAULT false NOT NULL,
	"is_admin" boolean DEFAULT false NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"display_name" text NOT NULL,
	"headline" text DEFAULT '' NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"photo_key" text,
	"country" text,
	"region" text DEFAULT '' NOT NULL,
	"visibility" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"onboarded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation_members" (
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_members_organisation_id_user_id_pk" PRIMARY KEY("organisation_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "organisation_topics" (
	"organisation_id" uuid NOT NULL,
	"topic" text NOT NULL,
	CONSTRAINT "organisation_topics_organisation_id_topic_pk" PRIMARY KEY("organisation_id","topic")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"country" text NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"website" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"nace_division" text,
	"nace_section" text,
	"size_band" text,
	"year_founded" integer,
	"provider_type" text,
	"delivery_modes" text[] DEFAULT '{}' NOT NULL,
	"eqf_levels" integer[] DEFAULT '{}' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "topics" (
	"slug" text PRIMARY KEY NOT NULL,
	"group" text NOT NULL,
	"esco_uri" text,
	"labels" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "esco_collection_members" (
	"collection" text NOT NULL,
	"uri" text NOT NULL,
	CONSTRAINT "esco_collection_members_collection_uri_pk" PRIMARY KEY("collection","uri")
);
--> statement-breakpoint
CREATE TABLE "esco_concepts" (
	"uri" text PRIMARY KEY NOT NULL,
	"concept_type" text NOT NULL,
	"skill_type" text,
	"reuse_level" text,
	"status" text,
	"code" text,
	"isco_group" text,
	"modified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "esco_labels" (
	"uri" text NOT NULL,
	"language" text NOT NULL,
	"preferred_label" text NOT NULL,
	"alt_labels" text[] DEFAULT '{}' NOT NULL,
	"hidden_labels" text[] DEFAULT '{}' NOT NULL,
	"description" text,
	CONSTRAINT "esco_labels_uri_language_pk" PRIMARY KEY("uri","language")
);
--> statement-breakpoint
CREATE TABLE "esco_relations" (
	"parent_uri" text NOT NULL,
	"child_uri" text NOT NULL,
	CONSTRAINT "esco_relations_parent_uri_child_uri_pk" PRIMARY KEY("parent_uri","child_uri")
);
--> statement-breakpoint
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_languages" ADD CONSTRAINT "user_languages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_skills" ADD CONSTRAINT "user_skills_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_members" ADD CONSTRAINT "organisation_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_members" ADD CONSTRAINT "organisation_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_topics" ADD CONSTRAINT "organisation_topics_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "esco_collection_members" ADD CONSTRAINT "esco_collection_members_uri_esco_concepts_uri_fk" FOREIGN KEY ("uri") REFERENCES "public"."esco_concepts"("uri") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "esco_labels" ADD CONSTRAINT "esco_labels_uri_esco_concepts_uri_fk" FOREIGN KEY ("uri") REFERENCES "public"."esco_concepts"("uri") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auth_tokens_user_idx" ON "auth_tokens" USING btree ("user_id","purpose");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_languages_language_idx" ON "user_languages" USING btree ("language","user_id");--> statement-breakpoint
CREATE INDEX "user_skills_topic_idx" ON "user_skills" USING btree ("kind","topic","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_created_idx" ON "users" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "users_country_created_idx" ON "users" USING btree ("country","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "users_role_created_idx" ON "users" USING btree ("role","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "users_photo_idx" ON "users" USING btree ("photo_key");--> statement-breakpoint
CREATE INDEX "organisation_members_user_idx" ON "organisation_members" USING btree ("user_id","status");--> statement-breakpoint
CREATE INDEX "organisation_topics_topic_idx" ON "organisation_topics" USING btree ("topic","organisation_id");--> statement-breakpoint
CREATE INDEX "organisations_created_idx" ON "organisations" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "organisations_kind_created_idx" ON "organisations" USING btree ("kind","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "organisations_country_created_idx" ON "organisations" USING btree ("country","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "organisations_section_idx" ON "organisations" USING btree ("nace_section","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "esco_collection_members_uri_idx" ON "esco_collection_members" USING btree ("uri","collection");--> statement-breakpoint
CREATE INDEX "esco_concepts_type_idx" ON "esco_concepts" USING btree ("concept_type","uri");--> statement-breakpoint
CREATE INDEX "esco_relations_child_idx" ON "esco_relations" USING btree ("child_uri","parent_uri");