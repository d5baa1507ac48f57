DROP INDEX "courses_published_idx";--> statement-breakpoint
DROP INDEX "credentials_user_idx";--> statement-breakpoint
DROP INDEX "enrolments_user_idx";--> statement-breakpoint
DROP INDEX "enrolments_course_active_idx";--> statement-breakpoint
DROP INDEX "learning_resource_comments_resource_idx";--> statement-breakpoint
DROP INDEX "learning_resources_author_idx";--> statement-breakpoint
DROP INDEX "learning_resources_library_idx";--> statement-breakpoint
DROP INDEX "learning_resources_library_language_idx";--> statement-breakpoint
DROP INDEX "quiz_attempts_enrolment_idx";--> statement-breakpoint
CREATE INDEX "enrolments_last_lesson_idx" ON "enrolments" USING btree ("last_lesson_id");--> statement-breakpoint
CREATE INDEX "lesson_progress_lesson_idx" ON "lesson_progress" USING btree ("lesson_id");--> statement-breakpoint
CREATE INDEX "quiz_attempts_lesson_idx" ON "quiz_attempts" USING btree ("lesson_id");--> statement-breakpoint
CREATE INDEX "courses_published_idx" ON "courses" USING btree ("published_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "courses"."status" = 'published';--> statement-breakpoint
CREATE INDEX "credentials_user_idx" ON "credentials" USING btree ("user_id","issued_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "enrolments_user_idx" ON "enrolments" USING btree ("user_id","last_active_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "enrolments_course_active_idx" ON "enrolments" USING btree ("course_id","last_active_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "learning_resource_comments_resource_idx" ON "learning_resource_comments" USING btree ("resource_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "learning_resources_author_idx" ON "learning_resources" USING btree ("author_id","updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "learning_resources_library_idx" ON "learning_resources" USING btree ("published_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "learning_resources"."status" = 'published';--> statement-breakpoint
CREATE INDEX "learning_resources_library_language_idx" ON "learning_resources" USING btree ("language","published_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "learning_resources"."status" = 'published';--> statement-breakpoint
CREATE INDEX "quiz_attempts_enrolment_idx" ON "quiz_attempts" USING btree ("enrolment_id","lesson_id","created_at" DESC NULLS FIRST);