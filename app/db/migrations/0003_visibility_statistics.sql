-- The planner guesses that 0.5% of people show a field; in practice almost all do. Without
-- statistics on these expressions it sorts thousands of rows for a filtered directory page
-- instead of walking the newest-first index (20 ms → 0.45 ms on the 100,000-member seed).
CREATE STATISTICS IF NOT EXISTS "users_visibility_location_stats" ON (coalesce("visibility"->>'location', 'public')) FROM "users";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "users_visibility_languages_stats" ON (coalesce("visibility"->>'languages', 'public')) FROM "users";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "users_visibility_skills_stats" ON (coalesce("visibility"->>'skills', 'public')) FROM "users";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "users_visibility_organisations_stats" ON (coalesce("visibility"->>'organisations', 'public')) FROM "users";--> statement-breakpoint
ANALYZE "users";
