-- Indexes for newest-first lists: plain DESC (nulls first) so that ORDER BY x DESC can use them.
DROP INDEX "users_created_idx";--> statement-breakpoint
DROP INDEX "users_country_created_idx";--> statement-breakpoint
DROP INDEX "users_role_created_idx";--> statement-breakpoint
DROP INDEX "forum_topics_network_idx";--> statement-breakpoint
DROP INDEX "network_resources_network_idx";--> statement-breakpoint
DROP INDEX "networks_listed_idx";--> statement-breakpoint
DROP INDEX "posts_network_feed_idx";--> statement-breakpoint
DROP INDEX "organisations_created_idx";--> statement-breakpoint
DROP INDEX "organisations_kind_created_idx";--> statement-breakpoint
DROP INDEX "organisations_country_created_idx";--> statement-breakpoint
DROP INDEX "organisations_section_idx";--> statement-breakpoint
CREATE INDEX "users_created_idx" ON "users" USING btree ("created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "users_country_created_idx" ON "users" USING btree ("country","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "users_role_created_idx" ON "users" USING btree ("role","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "forum_topics_network_idx" ON "forum_topics" USING btree ("network_id","last_activity_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "network_resources_network_idx" ON "network_resources" USING btree ("network_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "networks_listed_idx" ON "networks" USING btree ("last_activity_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE visibility <> 'secret';--> statement-breakpoint
CREATE INDEX "posts_network_feed_idx" ON "posts" USING btree ("network_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "organisations_created_idx" ON "organisations" USING btree ("created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "organisations_kind_created_idx" ON "organisations" USING btree ("kind","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "organisations_country_created_idx" ON "organisations" USING btree ("country","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "organisations_section_idx" ON "organisations" USING btree ("nace_section","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);