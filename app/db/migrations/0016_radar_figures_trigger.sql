-- The radar's figures version (app/db/schema/radar.ts): one row, bumped once per transaction
-- that writes needs (cascaded deletes included), the distance snapshots, or offers and their
-- topics (which decide the reasons a need is unreached: no offer, or no fitting offer). The bump is deferred
-- to the commit, so the row's lock is always the last one a writer takes (no deadlock with the
-- needs' own row locks), and a transaction-local setting makes it once per transaction.
INSERT INTO "need_figures_version" ("id", "version") VALUES (1, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "bump_need_figures_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('synergy.need_figures_bumped', true), '') <> 'yes' THEN
    PERFORM set_config('synergy.need_figures_bumped', 'yes', true);
    UPDATE "need_figures_version" SET "version" = "version" + 1 WHERE "id" = 1;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "needs_figures_version" AFTER INSERT OR UPDATE OR DELETE ON "needs"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_need_figures_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "need_distance_snapshots_figures_version" AFTER INSERT OR UPDATE OR DELETE
  ON "need_distance_snapshots" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION "bump_need_figures_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "offers_figures_version" AFTER INSERT OR UPDATE OR DELETE ON "offers"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_need_figures_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "offer_topics_figures_version" AFTER INSERT OR UPDATE OR DELETE
  ON "offer_topics" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION "bump_need_figures_version"();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "bump_need_figures_version_now"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "need_figures_version" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "needs_figures_version_truncate" AFTER TRUNCATE ON "needs"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_need_figures_version_now"();
--> statement-breakpoint
CREATE TRIGGER "need_distance_snapshots_figures_version_truncate" AFTER TRUNCATE
  ON "need_distance_snapshots" FOR EACH STATEMENT EXECUTE FUNCTION "bump_need_figures_version_now"();
--> statement-breakpoint
CREATE TRIGGER "offers_figures_version_truncate" AFTER TRUNCATE ON "offers"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_need_figures_version_now"();
--> statement-breakpoint
CREATE TRIGGER "offer_topics_figures_version_truncate" AFTER TRUNCATE ON "offer_topics"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_need_figures_version_now"();
