/**
 * The create-once contract, through the features that use it: two identical submissions sent at
 * the same time (same author, same submission key) make one row, and both answers name it.
 */
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "~/db/client.server";
import { createNetwork, createPostAt, createUser } from "~/db/seed/builders.server";
import { addReply, createTopic } from "~/features/networks/forum.server";
import { addComment, createPost } from "~/features/networks/posts.server";
import { addFileResource, addLinkResource } from "~/features/networks/resources.server";
import { networkPolicy } from "~/features/networks/rules";
import { openFeatureDatabase } from "../../tests/setup/feature-database";

const testDatabase = openFeatureDatabase("create-once");

async function memberOfNetwork() {
  const user = await createUser({});
  const network = await createNetwork({ members: [user.id] });
  return { userId: user.id, networkId: network.id };
}

async function count(table: string, where: string) {
  const [row] = await queryRows<{ n: number }>(
    sql.raw(`select count(*)::int as n from ${table} where ${where}`),
  );
  return row.n;
}

/** The proof the features ask for, for an active member (as the routes authorize it). */
function memberMay<A extends "post" | "comment">(action: A, userId: string, networkId: string) {
  const actor = { id: userId, isAdmin: false, isFacilitator: false, emailVerified: true };
  return networkPolicy.authorize(actor, action, {
    id: networkId,
    visibility: "open",
    membership: { role: "member", status: "active" },
  });
}

/** Both answers name the same, real row. */
function expectOneAnswer(answers: { id: string; duplicate: boolean }[]) {
  expect(answers[0].id).toMatch(/^[0-9a-f-]{36}$/);
  expect(answers[1].id).toBe(answers[0].id);
  expect(answers.map((a) => a.duplicate).sort()).toEqual([false, true]);
}

describe("create once per submission key", { timeout: 30_000 }, () => {
  it("makes one comment from two racing copies of the same form", async () => {
    const { userId, networkId } = await memberOfNetwork();
    const post = await createPostAt({ networkId, authorId: userId, body: "Hello" });
    const send = () =>
      addComment({
        decision: memberMay("comment", userId, networkId),
        postId: post.id,
        body: "Same comment",
        submissionKey: "comment-race-key-1",
      });
    expectOneAnswer(await Promise.all([send(), send()]));
    expect(await count("comments", `post_id = '${post.id}'`)).toBe(1);
  });

  it("makes one post from two racing copies, keeping one copy of the attached photo", async () => {
    const { userId, networkId } = await memberOfNetwork();
    const { makePng } = await import("../../tests/setup/images");
    const photo = new File([await makePng()], "photo.png", { type: "image/png" });
    const send = () =>
      createPost({
        decision: memberMay("post", userId, networkId),
        body: "Same post",
        files: [photo],
        submissionKey: "post-race-key-1",
      });
    expectOneAnswer(await Promise.all([send(), send()]));
    expect(await count("posts", `network_id = '${networkId}'`)).toBe(1);
    expect(await count("post_attachments", "true")).toBe(1);
    const stored = fs.readdirSync(
      path.join(testDatabase.dataDir, "uploads", "attachments", networkId),
    );
    expect(stored).toHaveLength(1);
  });

  it("makes one topic and one reply from racing copies", async () => {
    const { userId, networkId } = await memberOfNetwork();
    const topic = () =>
      createTopic({
        decision: memberMay("post", userId, networkId),
        title: "Same topic",
        body: "Same body",
        submissionKey: "topic-race-key-1",
      });
    const topics = await Promise.all([topic(), topic()]);
    expectOneAnswer(topics);
    const reply = () =>
      addReply({
        decision: memberMay("post", userId, networkId),
        topicId: topics[0].id,
        body: "Same reply",
        submissionKey: "reply-race-key-1",
      });
    expectOneAnswer(await Promise.all([reply(), reply()]));
    expect(await count("forum_topics", `network_id = '${networkId}'`)).toBe(1);
    expect(await count("forum_replies", `topic_id = '${topics[0].id}'`)).toBe(1);
    const [row] = await queryRows<{ reply_count: number }>(
      sql.raw(`select reply_count from forum_topics where id = '${topics[0].id}'`),
    );
    expect(row.reply_count).toBe(1);
  });

  it("makes one resource from racing copies of a link or a file", async () => {
    const { userId, networkId } = await memberOfNetwork();
    const fields = {
      decision: memberMay("post", userId, networkId),
      title: "Same resource",
      description: "",
      language: "en",
      topics: [],
    };
    const link = () =>
      addLinkResource({
        ...fields,
        url: "https://example.org/guide",
        submissionKey: "link-race-key-1",
      });
    expectOneAnswer(await Promise.all([link(), link()]));
    const file = () =>
      addFileResource({
        ...fields,
        file: new File(["Opening hours: 8 to 18\n"], "hours.txt", { type: "text/plain" }),
        submissionKey: "file-race-key-1",
      });
    expectOneAnswer(await Promise.all([file(), file()]));
    expect(await count("network_resources", `network_id = '${networkId}'`)).toBe(2);
    const stored = fs.readdirSync(
      path.join(testDatabase.dataDir, "uploads", "resources", networkId),
    );
    expect(stored).toHaveLength(1);
  });

  it("writes a new row for a new key, and a row without a key every time", async () => {
    const { userId, networkId } = await memberOfNetwork();
    const post = await createPostAt({ networkId, authorId: userId, body: "Hello" });
    const decision = memberMay("comment", userId, networkId);
    const base = { decision, postId: post.id, body: "Again" };
    const first = await addComment({ ...base, submissionKey: "comment-key-a" });
    const second = await addComment({ ...base, submissionKey: "comment-key-b" });
    const keyless = await Promise.all([addComment(base), addComment(base)]);
    expect(new Set([first.id, second.id, ...keyless.map((k) => k.id)]).size).toBe(4);
    expect(keyless.every((k) => !k.duplicate)).toBe(true);
  });
});
