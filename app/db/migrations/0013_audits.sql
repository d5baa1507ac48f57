CREATE TABLE "audit_invitations" (
	"audit_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"answered" boolean DEFAULT false NOT NULL,
	CONSTRAINT "audit_invitations_audit_id_user_id_pk" PRIMARY KEY("audit_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "audit_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"audit_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"prompt" text NOT NULL,
	"topics" text[] DEFAULT '{}' NOT NULL,
	CONSTRAINT "audit_questions_kind_check" CHECK ("audit_questions"."kind" in ('topics', 'open')),
	CONSTRAINT "audit_questions_topics_check" CHECK (("audit_questions"."kind" = 'topics') = (cardinality("audit_questions"."topics") > 0))
);
--> statement-breakpoint
CREATE TABLE "audit_quotes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"audit_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_response_needs" (
	"response_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	CONSTRAINT "audit_response_needs_response_id_need_id_pk" PRIMARY KEY("response_id","need_id")
);
--> statement-breakpoint
CREATE TABLE "audit_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"audit_id" uuid NOT NULL,
	"respondent_id" uuid,
	"country" text,
	"region" text DEFAULT '' NOT NULL,
	"nace_section" text,
	"size_band" text,
	"languages" text[] NOT NULL,
	"answered_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid,
	"country" text,
	"created_by" uuid,
	"title" text NOT NULL,
	"introduction" text DEFAULT '' NOT NULL,
	"is_anonymous" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"invited_count" integer DEFAULT 0 NOT NULL,
	"submission_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "audits_status_check" CHECK ("audits"."status" in ('draft', 'open', 'closed')),
	CONSTRAINT "audits_invited_count_check" CHECK ("audits"."invited_count" >= 0),
	CONSTRAINT "audits_scope_check" CHECK (("audits"."network_id" is null) <> ("audits"."country" is null))
);
--> statement-breakpoint
ALTER TABLE "audit_invitations" ADD CONSTRAINT "audit_invitations_audit_id_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_invitations" ADD CONSTRAINT "audit_invitations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_questions" ADD CONSTRAINT "audit_questions_audit_id_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_quotes" ADD CONSTRAINT "audit_quotes_audit_id_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_quotes" ADD CONSTRAINT "audit_quotes_question_id_audit_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."audit_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_response_needs" ADD CONSTRAINT "audit_response_needs_response_id_audit_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."audit_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_response_needs" ADD CONSTRAINT "audit_response_needs_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_responses" ADD CONSTRAINT "audit_responses_audit_id_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_responses" ADD CONSTRAINT "audit_responses_respondent_id_users_id_fk" FOREIGN KEY ("respondent_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audits" ADD CONSTRAINT "audits_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audits" ADD CONSTRAINT "audits_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_invitations_user_idx" ON "audit_invitations" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_questions_position_key" ON "audit_questions" USING btree ("audit_id","position");--> statement-breakpoint
CREATE INDEX "audit_quotes_audit_idx" ON "audit_quotes" USING btree ("audit_id","question_id","id");--> statement-breakpoint
CREATE INDEX "audit_response_needs_need_id_index" ON "audit_response_needs" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "audit_responses_audit_idx" ON "audit_responses" USING btree ("audit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_responses_respondent_key" ON "audit_responses" USING btree ("audit_id","respondent_id");--> statement-breakpoint
CREATE INDEX "audits_network_idx" ON "audits" USING btree ("network_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audits_country_idx" ON "audits" USING btree ("country","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audits_creator_idx" ON "audits" USING btree ("created_by","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "audits_creator_submission_key" ON "audits" USING btree ("created_by","submission_key");--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_audit_id_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audits"("id") ON DELETE cascade ON UPDATE no action;