ALTER TABLE "learning_resources" ADD COLUMN "published_version" integer;--> statement-breakpoint
ALTER TABLE "learning_resources" ADD COLUMN "need_ids" uuid[] DEFAULT '{}' NOT NULL;