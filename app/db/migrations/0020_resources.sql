DROP INDEX "learning_resources_library_idx";--> statement-breakpoint
DROP INDEX "learning_resources_library_language_idx";--> statement-breakpoint
DROP INDEX "learning_resources_topics_idx";--> statement-breakpoint
ALTER TABLE "learning_resources" ADD COLUMN "published_version" integer;--> statement-breakpoint
ALTER TABLE "learning_resources" ADD COLUMN "need_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
CREATE INDEX "learning_resources_library_idx" ON "learning_resources" USING btree ("published_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "learning_resources"."published_version" is not null;--> statement-breakpoint
CREATE INDEX "learning_resources_library_language_idx" ON "learning_resources" USING btree ("language","published_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "learning_resources"."published_version" is not null;--> statement-breakpoint
CREATE INDEX "learning_resources_topics_idx" ON "learning_resources" USING gin ("topics") WHERE "learning_resources"."published_version" is not null;