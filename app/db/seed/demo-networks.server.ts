import { eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { comments, forumReplies, forumTopics, networkResources, postReactions } from "~/db/schema";
import { renderMarkdown } from "~/features/content/markdown";
import { mentionableMembers, mentionHandle } from "~/features/content/mentions.server";
import { getLogger } from "~/lib/logger.server";
import { createNetwork, createPostAt } from "./builders.server";
import { demoPeople } from "./demo-data";
import { demoLanguageOf } from "./demo-language";
import { demoNetworks } from "./demo-networks";

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * The demo texts mention people by the local part of their demo email; the app's handles come
 * from display names. Rewrite the first into the second.
 */
function rewriteMentions(body: string): string {
  const handles = new Map(
    demoPeople.map((p) => [p.email.split("@")[0].toLowerCase(), mentionHandle(p.displayName)]),
  );
  return body.replace(/@([a-z0-9._-]+)/gi, (whole, handle: string) => {
    const mapped = handles.get(handle.toLowerCase());
    return mapped ? `@${mapped}` : whole;
  });
}

/**
 * Adds the demo networks with their posts, comments, reactions, discussions and resources,
 * through `db` (the demo seed's transaction).
 */
export async function seedDemoNetworks(
  personIds: Map<string, string>,
  db: Db,
): Promise<{ networks: number; posts: number }> {
  const now = Date.now();
  const id = (key: string) => {
    const found = personIds.get(key);
    if (!found) throw new Error(`Demo network refers to unknown person ${key}`);
    return found;
  };
  let postCount = 0;
  for (const demo of demoNetworks) {
    const { id: networkId } = await createNetwork(
      {
        name: demo.name,
        purpose: demo.purpose,
        description: demo.description,
        kind: demo.kind,
        place: demo.place ?? "",
        countries: demo.countries,
        languages: demo.languages,
        topics: demo.topics,
        visibility: demo.visibility,
        memberCap: demo.memberCap ?? 40,
        createdAt: new Date(now - demo.createdDaysAgo * DAY),
        facilitators: demo.facilitators.map(id),
        members: demo.members.map(id),
      },
      db,
    );
    const mentions = await mentionableMembers(db, networkId);
    const render = (body: string) => renderMarkdown(rewriteMentions(body), { mentions });
    // Each text says the language it is written in, as its author would have (decision 031).
    const language = (text: string) => demoLanguageOf(text, demo.languages);
    for (const post of demo.posts) {
      const createdAt = now - post.daysAgo * DAY;
      const { id: postId } = await createPostAt(
        {
          networkId,
          authorId: id(post.author),
          body: rewriteMentions(post.body),
          language: language(post.body),
          createdAt: new Date(createdAt),
          pinned: post.pinned,
        },
        db,
      );
      postCount += 1;
      if (post.reactions?.length) {
        await db
          .insert(postReactions)
          .values(post.reactions.map((r) => ({ postId, userId: id(r.person), kind: r.kind })))
          .onConflictDoNothing();
      }
      for (const comment of post.comments ?? []) {
        const [parent] = await db
          .insert(comments)
          .values({
            postId,
            authorId: id(comment.author),
            body: rewriteMentions(comment.body),
            bodyHtml: render(comment.body),
            language: language(comment.body),
            createdAt: new Date(Math.min(now, createdAt + comment.hoursAfter * HOUR)),
          })
          .returning({ id: comments.id });
        for (const reply of comment.replies ?? []) {
          await db.insert(comments).values({
            postId,
            parentId: parent.id,
            authorId: id(reply.author),
            body: rewriteMentions(reply.body),
            bodyHtml: render(reply.body),
            language: language(reply.body),
            createdAt: new Date(Math.min(now, createdAt + reply.hoursAfter * HOUR)),
          });
        }
      }
    }
    for (const topic of demo.forumTopics) {
      const createdAt = now - topic.daysAgo * DAY;
      const last = topic.replies.reduce((max, r) => Math.max(max, r.hoursAfter), 0);
      const [created] = await db
        .insert(forumTopics)
        .values({
          networkId,
          authorId: id(topic.author),
          title: topic.title,
          body: rewriteMentions(topic.body),
          bodyHtml: render(topic.body),
          language: language(`${topic.title}\n${topic.body}`),
          replyCount: topic.replies.length,
          createdAt: new Date(createdAt),
          lastActivityAt: new Date(Math.min(now, createdAt + last * HOUR)),
        })
        .returning({ id: forumTopics.id });
      for (const reply of topic.replies) {
        const [row] = await db
          .insert(forumReplies)
          .values({
            topicId: created.id,
            authorId: id(reply.author),
            body: rewriteMentions(reply.body),
            bodyHtml: render(reply.body),
            language: language(reply.body),
            createdAt: new Date(Math.min(now, createdAt + reply.hoursAfter * HOUR)),
          })
          .returning({ id: forumReplies.id });
        if (reply.isAnswer) {
          await db
            .update(forumTopics)
            .set({ answerReplyId: row.id })
            .where(eq(forumTopics.id, created.id));
        }
      }
    }
    for (const resource of demo.resources) {
      await db.insert(networkResources).values({
        networkId,
        addedBy: id(resource.addedBy),
        kind: "link",
        title: resource.title,
        description: resource.description,
        url: resource.url,
        language: resource.language,
        topics: resource.topics,
        createdAt: new Date(now - resource.daysAgo * DAY),
      });
    }
    // The network was last active when its newest post, comment or reply was written.
    await db.execute(sql`
      update networks set last_activity_at = greatest(last_activity_at,
        coalesce((select max(c.created_at) from comments c join posts p on p.id = c.post_id where p.network_id = ${networkId}), last_activity_at),
        coalesce((select max(last_activity_at) from forum_topics where network_id = ${networkId}), last_activity_at))
      where id = ${networkId}`);
    // Lets a test stop the process at a known point in the seed.
    getLogger().debug({ network: demo.name }, "demo network written");
  }
  return { networks: demoNetworks.length, posts: postCount };
}
