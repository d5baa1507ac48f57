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