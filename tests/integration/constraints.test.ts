import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../setup/app";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

function query<T = Record<string, unknown>>(text: string) {
  return app.server.queryRows<T>(app.server.rawSql(text));
}

/** The database's refusal: the promise rejects naming the constraint that refused. */
async function expectRefused(text: string, constraint: string | RegExp) {
  const error = await query(text).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, text).not.toBeNull();
  const detail = error as { message?: string; cause?: { message?: string; constraint?: string } };
  const said = `${detail.message ?? ""} ${detail.cause?.message ?? ""} ${detail.cause?.constraint ?? ""}`;
  expect(said).toMatch(constraint);
}

async function setUp() {
  const author = await app.createUser({ displayName: "Constraint Author" });
  const other = await app.createUser({ displayName: "Constraint Other" });
  const { id: networkId } = await app.server.createNetwork({
    facilitators: [author.id],
    members: [other.id],
  });
  const { id } = await app.server.createPostAt({ networkId, authorId: author.id, body: "Hello" });
  return { author, other, networkId, post: { id, networkId } };
}

describe("the database refuses what the code never writes", () => {
  it("refuses a value outside an enumerated column", async () => {
    const { author, other, networkId, post } = await setUp();
    await expectRefused(
      `update users set role = 'wizard' where id = '${author.id}'`,
      /users_role_check/,
    );
    await expectRefused(
      `update networks set visibility = 'hidden' where id = '${networkId}'`,
      /networks_visibility_check/,
    );
    await expectRefused(
      `update network_members set status = 'banned' where network_id = '${networkId}'`,
      /network_members_status_check/,
    );
    await expectRefused(
      `insert into post_reactions (post_id, user_id, kind) values ('${post.id}', '${other.id}', 'angry')`,
      /post_reactions_kind_check/,
    );
    await expectRefused(
      `insert into user_skills (user_id, kind, topic) values ('${author.id}', 'sold', 'x')`,
      /user_skills_kind_check/,
    );
    await expectRefused(
      `insert into organisations (kind, name, country) values ('charity', 'X', 'IE')`,
      /organisations_kind_check/,
    );
  });

  it("refuses a negative counter", async () => {
    const { networkId } = await setUp();
    await expectRefused(
      `update networks set member_count = -1 where id = '${networkId}'`,
      /networks_member_count_check/,
    );
    await expectRefused(
      `insert into rate_limits (key, window_start, hits) values ('k', now(), -1)`,
      /rate_limits_hits_check/,
    );
    const [topic] = await query<{ id: string }>(
      `insert into forum_topics (network_id, author_id, title, body, body_html)
       select '${networkId}', created_by, 't', 'b', '<p>b</p>' from networks where id = '${networkId}'
       returning id`,
    );
    await expectRefused(
      `update forum_topics set reply_count = reply_count - 1 where id = '${topic.id}'`,
      /forum_topics_reply_count_check/,
    );
  });

  it("refuses an address that differs from an existing one only in case", async () => {
    const { author } = await setUp();
    await expectRefused(
      `insert into users (email, password_hash, role, display_name)
       values ('${author.email.toUpperCase()}', 'x', 'owner', 'Copy')`,
      /users_email_lower_check/,
    );
    await expectRefused(
      `update users set email = upper(email) where id = '${author.id}'`,
      /users_email_lower_check/,
    );
  });

  it("refuses a dangling parent comment, answer or deleting moderator", async () => {
    const { author, post } = await setUp();
    const missing = "00000000-0000-4000-8000-0000000000ff";
    await expectRefused(
      `insert into comments (post_id, parent_id, author_id, body, body_html)
       values ('${post.id}', '${missing}', '${author.id}', 'x', '<p>x</p>')`,
      /comments_parent_id_comments_id_fk/,
    );
    await expectRefused(
      `update posts set deleted_by = '${missing}' where id = '${post.id}'`,
      /posts_deleted_by_users_id_fk/,
    );
    await expectRefused(
      `insert into forum_topics (network_id, author_id, title, body, body_html, answer_reply_id)
       values ('${post.networkId}', '${author.id}', 't', 'b', '<p>b</p>', '${missing}')`,
      /forum_topics_answer_reply_id_forum_replies_id_fk/,
    );
  });

  it("refuses to delete a person who still authors content", async () => {
    const { author } = await setUp();
    await expectRefused(
      `delete from users where id = '${author.id}'`,
      /posts_author_id_users_id_fk/,
    );
  });
});

describe("deletePerson", () => {
  it("keeps what others answered as the former member's, deletes the rest, and keeps other people's replies", async () => {
    const leaving = await app.createUser({ displayName: "Leaving Person" });
    const staying = await app.createUser({ displayName: "Staying Person" });
    const { id: networkId } = await app.server.createNetwork({
      facilitators: [staying.id],
      members: [leaving.id],
    });
    const answered = await app.server.createPostAt({
      networkId,
      authorId: leaving.id,
      body: "Answered",
    });
    const unanswered = await app.server.createPostAt({
      networkId,
      authorId: leaving.id,
      body: "Nobody answered",
    });
    const othersPost = await app.server.createPostAt({
      networkId,
      authorId: staying.id,
      body: "Someone else's",
    });
    const [reply] = await query<{ id: string }>(
      `insert into comments (post_id, author_id, body, body_html)
       values ('${answered.id}', '${staying.id}', 'A reply', '<p>A reply</p>') returning id`,
    );
    const [lonely] = await query<{ id: string }>(
      `insert into comments (post_id, author_id, body, body_html)
       values ('${othersPost.id}', '${leaving.id}', 'Mine', '<p>Mine</p>') returning id`,
    );
    const [discussed] = await query<{ id: string }>(
      `insert into comments (post_id, author_id, body, body_html)
       values ('${othersPost.id}', '${leaving.id}', 'Discussed', '<p>Discussed</p>') returning id`,
    );
    await query(
      `insert into comments (post_id, parent_id, author_id, body, body_html)
       values ('${othersPost.id}', '${discussed.id}', '${staying.id}', 'Reply', '<p>Reply</p>')`,
    );
    await query(
      `insert into post_reactions (post_id, user_id, kind) values ('${othersPost.id}', '${leaving.id}', 'like')`,
    );
    await query(
      `update posts set deleted_by = '${leaving.id}', deleted_at = now() where id = '${othersPost.id}'`,
    );
    const [before] = await query<{ member_count: number }>(
      `select member_count from networks where id = '${networkId}'`,
    );

    const result = await app.server.deletePerson({ userId: leaving.id });
    expect(result.deleted).toEqual({ posts: 1, comments: 1, topics: 0 });

    const formerMember = app.server.FORMER_MEMBER_ID;
    const posts = await query<{ id: string; author_id: string; deleted_by: string | null }>(
      `select id, author_id, deleted_by from posts where network_id = '${networkId}' order by body`,
    );
    expect(posts.map((post) => post.id).sort()).toEqual([answered.id, othersPost.id].sort());
    expect(posts.find((post) => post.id === answered.id)?.author_id).toBe(formerMember);
    expect(posts.find((post) => post.id === othersPost.id)).toMatchObject({
      author_id: staying.id,
      deleted_by: null,
    });
    expect(posts.some((post) => post.id === unanswered.id)).toBe(false);

    const comments = await query<{ id: string; author_id: string }>(
      `select c.id, c.author_id from comments c join posts p on p.id = c.post_id
       where p.network_id = '${networkId}'`,
    );
    expect(comments.find((comment) => comment.id === reply.id)?.author_id).toBe(staying.id);
    expect(comments.find((comment) => comment.id === discussed.id)?.author_id).toBe(formerMember);
    expect(comments.some((comment) => comment.id === lonely.id)).toBe(false);
    expect(comments.filter((comment) => comment.author_id === staying.id)).toHaveLength(2);

    const [after] = await query<{ member_count: number }>(
      `select member_count from networks where id = '${networkId}'`,
    );
    expect(after.member_count).toBe(before.member_count - 1);
    expect(await query(`select 1 from users where id = '${leaving.id}'`)).toEqual([]);
    expect(await query(`select 1 from post_reactions where user_id = '${leaving.id}'`)).toEqual([]);

    // The former member is nobody's to see.
    const { client } = await app.signedIn();
    const profile = await client.get(`/people/${formerMember}`);
    expect(profile.status).toBe(404);
  });
});
