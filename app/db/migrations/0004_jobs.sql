CREATE TABLE "delivered_mails" (
	"key" text PRIMARY KEY NOT NULL,
	"delivered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "network_invitations" ADD COLUMN "submission_key" text;--> statement-breakpoint
CREATE INDEX "network_invitations_pending_email_idx" ON "network_invitations" USING btree ("network_id","email");