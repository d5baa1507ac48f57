CREATE TABLE "legal_page_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"locale" text NOT NULL,
	"body_markdown" text NOT NULL,
	"edited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "legal_page_versions_kind_check" CHECK ("legal_page_versions"."kind" in ('privacy', 'terms', 'imprint')),
	CONSTRAINT "legal_page_versions_locale_check" CHECK ("legal_page_versions"."locale" in ('en', 'de', 'el', 'fi', 'it', 'ro')),
	CONSTRAINT "legal_page_versions_body_length_check" CHECK (length("legal_page_versions"."body_markdown") <= 50000)
);
--> statement-breakpoint
ALTER TABLE "legal_page_versions" ADD CONSTRAINT "legal_page_versions_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "legal_page_versions_current_idx" ON "legal_page_versions" USING btree ("kind","locale","created_at" DESC NULLS LAST,"id");