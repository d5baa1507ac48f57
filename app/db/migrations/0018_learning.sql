CREATE TABLE "course_lessons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"resource_id" uuid,
	"title" text DEFAULT '' NOT NULL,
	"quiz" jsonb,
	CONSTRAINT "course_lessons_kind_check" CHECK ("course_lessons"."kind" in ('resource', 'quiz')),
	CONSTRAINT "course_lessons_target_check" CHECK (("course_lessons"."kind" = 'resource' and "course_lessons"."resource_id" is not null) or ("course_lessons"."kind" = 'quiz' and "course_lessons"."quiz" is not null))
);
--> statement-breakpoint
CREATE TABLE "course_sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	CONSTRAINT "course_sections_position_check" CHECK ("course_sections"."position" >= 0)
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text,
	"owner_id" uuid,
	"network_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"language" text NOT NULL,
	"topics" text[] DEFAULT '{}' NOT NULL,
	"eqf" smallint DEFAULT 2 NOT NULL,
	"completion_rule" text DEFAULT 'all_lessons_and_quizzes' NOT NULL,
	"pass_mark" smallint DEFAULT 70 NOT NULL,
	"issues_badge" boolean DEFAULT true NOT NULL,
	"lesson_count" integer DEFAULT 0 NOT NULL,
	"enrolment_count" integer DEFAULT 0 NOT NULL,
	"submission_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "courses_status_check" CHECK ("courses"."status" in ('draft', 'published', 'archived')),
	CONSTRAINT "courses_completion_rule_check" CHECK ("courses"."completion_rule" in ('all_lessons', 'all_lessons_and_quizzes')),
	CONSTRAINT "courses_pass_mark_check" CHECK ("courses"."pass_mark" between 1 and 100),
	CONSTRAINT "courses_eqf_check" CHECK ("courses"."eqf" between 1 and 8),
	CONSTRAINT "courses_lesson_count_check" CHECK ("courses"."lesson_count" >= 0),
	CONSTRAINT "courses_enrolment_count_check" CHECK ("courses"."enrolment_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "credentials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid,
	"user_id" uuid NOT NULL,
	"course_id" uuid,
	"status_index" integer NOT NULL,
	"document" jsonb NOT NULL,
	"recipient_name" text NOT NULL,
	"achievement_name" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoked_reason" text DEFAULT '' NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	CONSTRAINT "credentials_status_index_check" CHECK ("credentials"."status_index" >= 0)
);
--> statement-breakpoint
CREATE TABLE "enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"last_lesson_id" uuid,
	"completed_lessons" integer DEFAULT 0 NOT NULL,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_active_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "enrolments_status_check" CHECK ("enrolments"."status" in ('active', 'completed', 'left')),
	CONSTRAINT "enrolments_completed_lessons_check" CHECK ("enrolments"."completed_lessons" >= 0)
);
--> statement-breakpoint
CREATE TABLE "learning_resource_coauthors" (
	"resource_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_resource_coauthors_resource_id_user_id_pk" PRIMARY KEY("resource_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "learning_resource_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"submission_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "learning_resource_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"storage_key" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"width" integer,
	"height" integer,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_resource_files_kind_check" CHECK ("learning_resource_files"."kind" in ('image', 'worksheet')),
	CONSTRAINT "learning_resource_files_size_check" CHECK ("learning_resource_files"."size_bytes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "learning_resource_ratings" (
	"resource_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"stars" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_resource_ratings_resource_id_user_id_pk" PRIMARY KEY("resource_id","user_id"),
	CONSTRAINT "learning_resource_ratings_stars_check" CHECK ("learning_resource_ratings"."stars" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "learning_resource_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"reviewer_id" uuid,
	"decision" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_resource_reviews_decision_check" CHECK ("learning_resource_reviews"."decision" in ('comment', 'changes_requested', 'approved'))
);
--> statement-breakpoint
CREATE TABLE "learning_resource_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"edited_by" uuid,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text,
	"translation_group" uuid DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid,
	"network_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"language" text NOT NULL,
	"topics" text[] DEFAULT '{}' NOT NULL,
	"eqf" smallint DEFAULT 2 NOT NULL,
	"minutes" smallint DEFAULT 15 NOT NULL,
	"licence" text DEFAULT 'CC-BY-SA-4.0' NOT NULL,
	"introduction" text DEFAULT '' NOT NULL,
	"practice" text DEFAULT '' NOT NULL,
	"reflection" text DEFAULT '' NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"videos" text[] DEFAULT '{}' NOT NULL,
	"rating_sum" integer DEFAULT 0 NOT NULL,
	"rating_count" integer DEFAULT 0 NOT NULL,
	"submission_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	CONSTRAINT "learning_resources_status_check" CHECK ("learning_resources"."status" in ('draft', 'submitted', 'approved', 'published', 'withdrawn')),
	CONSTRAINT "learning_resources_licence_check" CHECK ("learning_resources"."licence" in ('CC-BY-SA-4.0', 'CC-BY-4.0', 'CC0-1.0', 'CC-BY-NC-SA-4.0', 'CC-BY-ND-4.0', 'all-rights-reserved')),
	CONSTRAINT "learning_resources_eqf_check" CHECK ("learning_resources"."eqf" between 1 and 8),
	CONSTRAINT "learning_resources_minutes_check" CHECK ("learning_resources"."minutes" between 1 and 240),
	CONSTRAINT "learning_resources_version_check" CHECK ("learning_resources"."version" >= 1),
	CONSTRAINT "learning_resources_rating_sum_check" CHECK ("learning_resources"."rating_sum" >= 0),
	CONSTRAINT "learning_resources_rating_count_check" CHECK ("learning_resources"."rating_count" >= 0),
	CONSTRAINT "learning_resources_published_check" CHECK ("learning_resources"."status" <> 'published' or "learning_resources"."published_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "lesson_progress" (
	"enrolment_id" uuid NOT NULL,
	"lesson_id" uuid NOT NULL,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lesson_progress_enrolment_id_lesson_id_pk" PRIMARY KEY("enrolment_id","lesson_id")
);
--> statement-breakpoint
CREATE TABLE "quiz_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"lesson_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"score" integer NOT NULL,
	"max_score" integer NOT NULL,
	"passed" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quiz_attempts_score_check" CHECK ("quiz_attempts"."score" >= 0),
	CONSTRAINT "quiz_attempts_max_check" CHECK ("quiz_attempts"."score" <= "quiz_attempts"."max_score")
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"public_key_multibase" text NOT NULL,
	"secret_key_multibase" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "course_lessons" ADD CONSTRAINT "course_lessons_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_lessons" ADD CONSTRAINT "course_lessons_section_id_course_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."course_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_lessons" ADD CONSTRAINT "course_lessons_resource_id_learning_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."learning_resources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_sections" ADD CONSTRAINT "course_sections_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_last_lesson_id_course_lessons_id_fk" FOREIGN KEY ("last_lesson_id") REFERENCES "public"."course_lessons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_resource_coauthors" ADD CONSTRAINT "learning_resource_coauthors_resource_id_learning_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."learning_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_resource_coauthors" ADD CONSTRAINT "learning_resource_coauthors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_resource_comments" ADD CONSTRAINT "learning_resource_comments_resource_id_learning_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."learning_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_resource_comments" ADD CONSTRAINT "learning_resource_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_resource_files" ADD CONSTRAINT "learning_resource_files_resource_id_learning_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."learning_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_resource_files" ADD CONSTRAINT "learning_resource_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_resource_ratings" ADD CONSTRAINT "learning_resource_ratings_resource_id_learning_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."learning_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_resource_ratings" ADD CONSTRAINT "learning_resource_ratings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_resource_reviews" ADD CONSTRAINT "learning_resource_reviews_resource_id_learning_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."learning_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_resource_reviews" ADD CONSTRAINT "learning_resource_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_resource_versions" ADD CONSTRAINT "learning_resource_versions_resource_id_learning_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."learning_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_resource_versions" ADD CONSTRAINT "learning_resource_versions_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_resources" ADD CONSTRAINT "learning_resources_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_resources" ADD CONSTRAINT "learning_resources_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_progress" ADD CONSTRAINT "lesson_progress_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_progress" ADD CONSTRAINT "lesson_progress_lesson_id_course_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."course_lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_lesson_id_course_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."course_lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "course_lessons_position_key" ON "course_lessons" USING btree ("course_id","position");--> statement-breakpoint
CREATE INDEX "course_lessons_section_idx" ON "course_lessons" USING btree ("section_id","position");--> statement-breakpoint
CREATE INDEX "course_lessons_resource_idx" ON "course_lessons" USING btree ("resource_id");--> statement-breakpoint
CREATE UNIQUE INDEX "course_sections_position_key" ON "course_sections" USING btree ("course_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "courses_slug_key" ON "courses" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "courses_owner_submission_key" ON "courses" USING btree ("owner_id","submission_key");--> statement-breakpoint
CREATE INDEX "courses_published_idx" ON "courses" USING btree ("published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "courses"."status" = 'published';--> statement-breakpoint
CREATE INDEX "courses_network_idx" ON "courses" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "courses_owner_idx" ON "courses" USING btree ("owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "credentials_status_index_key" ON "credentials" USING btree ("status_index");--> statement-breakpoint
CREATE UNIQUE INDEX "credentials_enrolment_key" ON "credentials" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "credentials_user_idx" ON "credentials" USING btree ("user_id","issued_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "credentials_revoked_idx" ON "credentials" USING btree ("status_index") WHERE "credentials"."revoked_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_course_user_key" ON "enrolments" USING btree ("course_id","user_id");--> statement-breakpoint
CREATE INDEX "enrolments_user_idx" ON "enrolments" USING btree ("user_id","last_active_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "enrolments_course_active_idx" ON "enrolments" USING btree ("course_id","last_active_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "learning_resource_coauthors_user_idx" ON "learning_resource_coauthors" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "learning_resource_comments_resource_idx" ON "learning_resource_comments" USING btree ("resource_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "learning_resource_comments_submission_key" ON "learning_resource_comments" USING btree ("author_id","submission_key");--> statement-breakpoint
CREATE INDEX "learning_resource_files_resource_idx" ON "learning_resource_files" USING btree ("resource_id","created_at");--> statement-breakpoint
CREATE INDEX "learning_resource_reviews_resource_idx" ON "learning_resource_reviews" USING btree ("resource_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_resource_versions_key" ON "learning_resource_versions" USING btree ("resource_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_resources_slug_key" ON "learning_resources" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_resources_translation_key" ON "learning_resources" USING btree ("translation_group","language");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_resources_author_submission_key" ON "learning_resources" USING btree ("author_id","submission_key");--> statement-breakpoint
CREATE INDEX "learning_resources_author_idx" ON "learning_resources" USING btree ("author_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "learning_resources_library_idx" ON "learning_resources" USING btree ("published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "learning_resources"."status" = 'published';--> statement-breakpoint
CREATE INDEX "learning_resources_library_language_idx" ON "learning_resources" USING btree ("language","published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "learning_resources"."status" = 'published';--> statement-breakpoint
CREATE INDEX "learning_resources_topics_idx" ON "learning_resources" USING gin ("topics") WHERE "learning_resources"."status" = 'published';--> statement-breakpoint
CREATE INDEX "learning_resources_submitted_idx" ON "learning_resources" USING btree ("submitted_at","id") WHERE "learning_resources"."status" = 'submitted';--> statement-breakpoint
CREATE INDEX "learning_resources_network_idx" ON "learning_resources" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "quiz_attempts_enrolment_idx" ON "quiz_attempts" USING btree ("enrolment_id","lesson_id","created_at" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "need_answers" ADD CONSTRAINT "need_answers_resource_id_learning_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."learning_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "need_answers_resource_idx" ON "need_answers" USING btree ("resource_id");