-- Repairs existing data so that the new foreign keys, checks and the lower-cased email index hold (decision 010).
update comments set parent_id = null
  where parent_id is not null and parent_id not in (select id from comments);--> statement-breakpoint
update forum_topics set answer_reply_id = null
  where answer_reply_id is not null and answer_reply_id not in (select id from forum_replies);--> statement-breakpoint
update posts set deleted_by = null
  where deleted_by is not null and deleted_by not in (select id from users);--> statement-breakpoint
update users set email = lower(email) where email <> lower(email);--> statement-breakpoint
update auth_tokens set email = lower(email) where email <> lower(email);--> statement-breakpoint
update networks set member_count = (select count(*) from network_members m
  where m.network_id = networks.id and m.status = 'active') where member_count < 0;--> statement-breakpoint
update forum_topics set reply_count = (select count(*) from forum_replies r
  where r.topic_id = forum_topics.id and r.deleted_at is null) where reply_count < 0;--> statement-breakpoint
CREATE TABLE "delivered_mails" (
	"key" text PRIMARY KEY NOT NULL,
	"delivered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_removals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"removed_by" uuid,
	"removed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "comments" DROP CONSTRAINT "comments_author_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "forum_replies" DROP CONSTRAINT "forum_replies_author_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "forum_topics" DROP CONSTRAINT "forum_topics_author_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "network_resources" DROP CONSTRAINT "network_resources_added_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "posts" DROP CONSTRAINT "posts_author_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "time_zone" text DEFAULT 'Europe/Brussels' NOT NULL;--> statement-breakpoint
ALTER TABLE "network_invitations" ADD COLUMN "submission_key" text;--> statement-breakpoint
ALTER TABLE "network_removals" ADD CONSTRAINT "network_removals_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_removals" ADD CONSTRAINT "network_removals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_removals" ADD CONSTRAINT "network_removals_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "network_removals_member_key" ON "network_removals" USING btree ("network_id","user_id");--> statement-breakpoint
CREATE INDEX "network_removals_network_idx" ON "network_removals" USING btree ("network_id","removed_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_parent_id_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_replies" ADD CONSTRAINT "forum_replies_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_topics" ADD CONSTRAINT "forum_topics_answer_reply_id_forum_replies_id_fk" FOREIGN KEY ("answer_reply_id") REFERENCES "public"."forum_replies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_topics" ADD CONSTRAINT "forum_topics_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_resources" ADD CONSTRAINT "network_resources_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "comments_parent_idx" ON "comments" USING btree ("parent_id") WHERE parent_id is not null;--> statement-breakpoint
CREATE INDEX "forum_topics_answer_idx" ON "forum_topics" USING btree ("answer_reply_id") WHERE answer_reply_id is not null;--> statement-breakpoint
CREATE INDEX "network_invitations_pending_email_idx" ON "network_invitations" USING btree ("network_id","email");--> statement-breakpoint
CREATE INDEX "posts_deleted_by_idx" ON "posts" USING btree ("deleted_by") WHERE deleted_by is not null;--> statement-breakpoint
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_purpose_check" CHECK ("auth_tokens"."purpose" in ('verify_email', 'reset_password'));--> statement-breakpoint
ALTER TABLE "rate_limits" ADD CONSTRAINT "rate_limits_hits_check" CHECK ("rate_limits"."hits" >= 0);--> statement-breakpoint
ALTER TABLE "user_skills" ADD CONSTRAINT "user_skills_kind_check" CHECK ("user_skills"."kind" in ('offered', 'wanted'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_email_lower_check" CHECK ("users"."email" = lower("users"."email"));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role_check" CHECK ("users"."role" in ('owner', 'educator'));--> statement-breakpoint
ALTER TABLE "forum_topics" ADD CONSTRAINT "forum_topics_reply_count_check" CHECK ("forum_topics"."reply_count" >= 0);--> statement-breakpoint
ALTER TABLE "network_invitations" ADD CONSTRAINT "network_invitations_kind_check" CHECK ("network_invitations"."kind" in ('email', 'link'));--> statement-breakpoint
ALTER TABLE "network_invitations" ADD CONSTRAINT "network_invitations_used_count_check" CHECK ("network_invitations"."used_count" >= 0);--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_role_check" CHECK ("network_members"."role" in ('facilitator', 'member'));--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_status_check" CHECK ("network_members"."status" in ('pending', 'active', 'removed'));--> statement-breakpoint
ALTER TABLE "network_resources" ADD CONSTRAINT "network_resources_kind_check" CHECK ("network_resources"."kind" in ('link', 'file'));--> statement-breakpoint
ALTER TABLE "network_resources" ADD CONSTRAINT "network_resources_size_check" CHECK ("network_resources"."size_bytes" >= 0);--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_kind_check" CHECK ("networks"."kind" in ('local', 'online', 'cross_border'));--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_visibility_check" CHECK ("networks"."visibility" in ('open', 'request', 'invite', 'secret'));--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_member_count_check" CHECK ("networks"."member_count" >= 0);--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_member_cap_check" CHECK ("networks"."member_cap" > 0);--> statement-breakpoint
ALTER TABLE "post_attachments" ADD CONSTRAINT "post_attachments_kind_check" CHECK ("post_attachments"."kind" in ('image', 'file'));--> statement-breakpoint
ALTER TABLE "post_attachments" ADD CONSTRAINT "post_attachments_size_check" CHECK ("post_attachments"."size_bytes" >= 0);--> statement-breakpoint
ALTER TABLE "post_reactions" ADD CONSTRAINT "post_reactions_kind_check" CHECK ("post_reactions"."kind" in ('like', 'celebrate', 'support', 'insightful', 'thanks'));--> statement-breakpoint
ALTER TABLE "organisation_members" ADD CONSTRAINT "organisation_members_role_check" CHECK ("organisation_members"."role" in ('admin', 'member'));--> statement-breakpoint
ALTER TABLE "organisation_members" ADD CONSTRAINT "organisation_members_status_check" CHECK ("organisation_members"."status" in ('pending', 'active'));--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_kind_check" CHECK ("organisations"."kind" in ('enterprise', 'provider'));
--> statement-breakpoint
-- Removals used to be network_members rows with status 'removed'; they now have their own table (decision 006).
insert into network_removals (network_id, user_id, removed_at)
select network_id, user_id, created_at from network_members where status = 'removed'
on conflict (network_id, user_id) do nothing;--> statement-breakpoint
delete from network_members where status = 'removed';--> statement-breakpoint
-- People from before time zones get their country's main zone (decision 009).
update users u
set time_zone = z.zone
from (values
    ('AD', 'Europe/Andorra'),
    ('AL', 'Europe/Tirane'),
    ('AM', 'Asia/Yerevan'),
    ('AT', 'Europe/Vienna'),
    ('AU', 'Australia/Sydney'),
    ('AZ', 'Asia/Baku'),
    ('BA', 'Europe/Sarajevo'),
    ('BE', 'Europe/Brussels'),
    ('BG', 'Europe/Sofia'),
    ('BR', 'America/Sao_Paulo'),
    ('BY', 'Europe/Minsk'),
    ('CA', 'America/Toronto'),
    ('CH', 'Europe/Zurich'),
    ('CN', 'Asia/Shanghai'),
    ('CY', 'Asia/Nicosia'),
    ('CZ', 'Europe/Prague'),
    ('DE', 'Europe/Berlin'),
    ('DK', 'Europe/Copenhagen'),
    ('DZ', 'Africa/Algiers'),
    ('EE', 'Europe/Tallinn'),
    ('EG', 'Africa/Cairo'),
    ('ES', 'Europe/Madrid'),
    ('FI', 'Europe/Helsinki'),
    ('FR', 'Europe/Paris'),
    ('GB', 'Europe/London'),
    ('GE', 'Asia/Tbilisi'),
    ('GR', 'Europe/Athens'),
    ('HR', 'Europe/Zagreb'),
    ('HU', 'Europe/Budapest'),
    ('IE', 'Europe/Dublin'),
    ('IL', 'Asia/Jerusalem'),
    ('IN', 'Asia/Calcutta'),
    ('IS', 'Atlantic/Reykjavik'),
    ('IT', 'Europe/Rome'),
    ('JP', 'Asia/Tokyo'),
    ('LB', 'Asia/Beirut'),
    ('LI', 'Europe/Vaduz'),
    ('LT', 'Europe/Vilnius'),
    ('LU', 'Europe/Luxembourg'),
    ('LV', 'Europe/Riga'),
    ('MA', 'Africa/Casablanca'),
    ('MC', 'Europe/Monaco'),
    ('MD', 'Europe/Chisinau'),
    ('ME', 'Europe/Podgorica'),
    ('MK', 'Europe/Skopje'),
    ('MT', 'Europe/Malta'),
    ('MX', 'America/Mexico_City'),
    ('NL', 'Europe/Amsterdam'),
    ('NO', 'Europe/Oslo'),
    ('NZ', 'Pacific/Auckland'),
    ('PL', 'Europe/Warsaw'),
    ('PT', 'Europe/Lisbon'),
    ('RO', 'Europe/Bucharest'),
    ('RS', 'Europe/Belgrade'),
    ('RU', 'Europe/Moscow'),
    ('SE', 'Europe/Stockholm'),
    ('SI', 'Europe/Ljubljana'),
    ('SK', 'Europe/Bratislava'),
    ('SM', 'Europe/San_Marino'),
    ('TN', 'Africa/Tunis'),
    ('TR', 'Europe/Istanbul'),
    ('UA', 'Europe/Kiev'),
    ('US', 'America/New_York'),
    ('VA', 'Europe/Vatican'),
    ('XK', 'Europe/Belgrade'),
    ('ZA', 'Africa/Johannesburg')
) as z(country, zone)
where u.country = z.country
  and u.time_zone = 'Europe/Brussels';
