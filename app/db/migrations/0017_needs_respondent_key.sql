ALTER TABLE "needs" ADD COLUMN "respondent_key" uuid;--> statement-breakpoint
ALTER TABLE "need_distance_snapshots" ADD COLUMN "open_people" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Needs of audit answers given before the key: one fresh random key per answer.
UPDATE "needs" n SET "respondent_key" = r."key"
FROM (SELECT "response_id", gen_random_uuid() AS "key" FROM "audit_response_needs" GROUP BY "response_id") r
JOIN "audit_response_needs" rn ON rn."response_id" = r."response_id"
WHERE rn."need_id" = n."id";
