DROP INDEX "learning_resources_topics_idx";--> statement-breakpoint
ALTER TABLE "learning_resources" ADD COLUMN "published_topics" text[];--> statement-breakpoint
ALTER TABLE "learning_resources" ADD COLUMN "published_eqf" smallint;--> statement-breakpoint
ALTER TABLE "learning_resources" ADD COLUMN "published_minutes" smallint;--> statement-breakpoint
-- Backfill: the published version's facts, from its stored content (the working copy if none).
UPDATE "learning_resources" r SET
  "published_topics" = coalesce(
    (SELECT array(SELECT jsonb_array_elements_text(v.content->'topics'))
     FROM "learning_resource_versions" v
     WHERE v.resource_id = r.id AND v.version = r.published_version
       AND jsonb_typeof(v.content->'topics') = 'array'),
    r.topics),
  "published_eqf" = coalesce(
    (SELECT (v.content->>'eqf')::smallint FROM "learning_resource_versions" v
     WHERE v.resource_id = r.id AND v.version = r.published_version),
    r.eqf),
  "published_minutes" = coalesce(
    (SELECT (v.content->>'minutes')::smallint FROM "learning_resource_versions" v
     WHERE v.resource_id = r.id AND v.version = r.published_version),
    r.minutes)
WHERE r.published_version IS NOT NULL;--> statement-breakpoint
CREATE INDEX "learning_resources_published_topics_idx" ON "learning_resources" USING gin ("published_topics") WHERE "learning_resources"."published_version" is not null;--> statement-breakpoint
ALTER TABLE "learning_resources" ADD CONSTRAINT "learning_resources_published_facts_check" CHECK ("learning_resources"."published_version" is null or ("learning_resources"."published_topics" is not null
        and "learning_resources"."published_eqf" is not null and "learning_resources"."published_minutes" is not null));