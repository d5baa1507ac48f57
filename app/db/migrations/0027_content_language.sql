ALTER TABLE "comments" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "forum_replies" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "forum_topics" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "post_attachments" ADD COLUMN "alt_text" text;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_language_check" CHECK ("comments"."language" in ('en', 'de', 'el', 'fi', 'it', 'ro'));--> statement-breakpoint
ALTER TABLE "forum_replies" ADD CONSTRAINT "forum_replies_language_check" CHECK ("forum_replies"."language" in ('en', 'de', 'el', 'fi', 'it', 'ro'));--> statement-breakpoint
ALTER TABLE "forum_topics" ADD CONSTRAINT "forum_topics_language_check" CHECK ("forum_topics"."language" in ('en', 'de', 'el', 'fi', 'it', 'ro'));--> statement-breakpoint
ALTER TABLE "post_attachments" ADD CONSTRAINT "post_attachments_alt_text_check" CHECK (char_length("post_attachments"."alt_text") <= 300);--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_language_check" CHECK ("posts"."language" in ('en', 'de', 'el', 'fi', 'it', 'ro'));