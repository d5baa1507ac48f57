import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderMarkdown } from "~/features/content/markdown";
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

/** A string as a SQL literal (test data only). */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

describe("rerenderStoredHtml", () => {
  it("re-renders posts, comments, topics and replies in batches, keeping who was mentioned", async () => {
    const ana = await app.createUser({ displayName: "Ana Rerender" });
    const bob = await app.createUser({ displayName: "Bob Rerender" });
    const leaver = await app.createUser({ displayName: "Lea Leaver" });
    const { id: networkId } = await app.server.createNetwork({
      facilitators: [ana.id],
      members: [bob.id, leaver.id],
    });
    const body = "Hi @bob.rerender and @lea.leaver, see **this**:\n- one\n* two";
    const posts: { id: string }[] = [];
    for (let i = 0; i < 5; i++) {
      posts.push(await app.server.createPostAt({ networkId, authorId: ana.id, body }));
    }
    const [comment] = await query<{ id: string }>(
      `insert into comments (post_id, author_id, body, body_html)
       values ('${posts[0].id}', '${bob.id}', ${literal("*thanks* @ana.rerender")}, 'stale')
       returning id`,
    );
    const [topic] = await query<{ id: string }>(
      `insert into forum_topics (network_id, author_id, title, body, body_html)
       values ('${networkId}', '${bob.id}', 'A topic', ${literal("`code` https://x.org")}, 'stale')
       returning id`,
    );
    const [reply] = await query<{ id: string }>(
      `insert into forum_replies (topic_id, author_id, body, body_html)
       values ('${topic.id}', '${ana.id}', ${literal("> quoted\n\nreply")}, 'stale')
       returning id`,
    );
    // What an older renderer left behind, and a member who has left since the post was written.
    await query(`update posts set body_html = 'old html' where network_id = '${networkId}'`);
    const linkedHtml = renderMarkdown(body, {
      mentions: new Map([
        ["bob.rerender", { id: bob.id, name: "Bob Rerender" }],
        ["lea.leaver", { id: leaver.id, name: "Lea Leaver" }],
      ]),
    });
    await query(`update posts set body_html = ${literal(linkedHtml)} where id = '${posts[4].id}'`);
    await query(
      `delete from network_members where network_id = '${networkId}' and user_id = '${leaver.id}'`,
    );

    const result = await app.server.rerenderStoredHtml({ batchSize: 2 });
    expect(result.updated.posts).toBeGreaterThanOrEqual(4);
    expect(result.updated.comments).toBeGreaterThanOrEqual(1);
    expect(result.updated.forum_topics).toBeGreaterThanOrEqual(1);
    expect(result.updated.forum_replies).toBeGreaterThanOrEqual(1);
    expect(result.checked.posts).toBeGreaterThanOrEqual(5);

    const rows = await query<{ id: string; body_html: string }>(
      `select id, body_html from posts where network_id = '${networkId}'`,
    );
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      // Bob is still a member and linked; the list with mixed bullets is one list.
      expect(row.body_html).toContain(
        `<a class="mention" href="/people/${bob.id}">@Bob Rerender</a>`,
      );
      expect(row.body_html).toContain(
        "<strong>this</strong>:</p>\n<ul><li>one</li><li>two</li></ul>",
      );
    }
    // Lea left: posts that linked her keep the link, the others do not gain one.
    const kept = rows.find((row) => row.id === posts[4].id)!;
    expect(kept.body_html).toBe(linkedHtml);
    const unlinked = rows.find((row) => row.id === posts[0].id)!;
    expect(unlinked.body_html).toContain("@lea.leaver");
    expect(unlinked.body_html).not.toContain(leaver.id);

    const [commentRow] = await query<{ body_html: string }>(
      `select body_html from comments where id = '${comment.id}'`,
    );
    expect(commentRow.body_html).toBe(
      `<p><em>thanks</em> <a class="mention" href="/people/${ana.id}">@Ana Rerender</a></p>`,
    );
    const [topicRow] = await query<{ body_html: string }>(
      `select body_html from forum_topics where id = '${topic.id}'`,
    );
    expect(topicRow.body_html).toBe(
      '<p><code>code</code> <a href="https://x.org" rel="nofollow noopener noreferrer ugc">https://x.org</a></p>',
    );
    const [replyRow] = await query<{ body_html: string }>(
      `select body_html from forum_replies where id = '${reply.id}'`,
    );
    expect(replyRow.body_html).toBe("<blockquote><p>quoted</p></blockquote>\n<p>reply</p>");

    // A second run finds nothing left to change.
    const again = await app.server.rerenderStoredHtml({ batchSize: 2 });
    expect(again.updated).toEqual({ posts: 0, comments: 0, forum_topics: 0, forum_replies: 0 });
  });
});

describe("the content.rerender job", () => {
  it("renders stored HTML again once when the renderer changed, and not again after", async () => {
    const ana = await app.createUser({ displayName: "Ana Job" });
    const { id: networkId } = await app.server.createNetwork({ facilitators: [ana.id] });
    const post = await app.server.createPostAt({ networkId, authorId: ana.id, body: "**bold**" });
    // As an older renderer left it.
    await query(`update posts set body_html = '<p>old</p>' where id = '${post.id}'`);
    await query(
      `insert into settings (key, value) values ('markdownRenderer', '"older"')
       on conflict (key) do update set value = excluded.value`,
    );
    expect(await app.server.rerenderIfRendererChanged()).toBe(true);
    await app.server.waitForJobs({ names: ["content.rerender"], timeoutMs: 30_000 });
    const [row] = await query<{ body_html: string }>(
      `select body_html from posts where id = '${post.id}'`,
    );
    expect(row.body_html).toBe("<p><strong>bold</strong></p>");
    const [setting] = await query<{ value: string }>(
      "select value from settings where key = 'markdownRenderer'",
    );
    expect(setting.value).toBe(app.server.MARKDOWN_RENDERER);
    // The stored HTML is the current renderer's now: nothing is queued again.
    expect(await app.server.rerenderIfRendererChanged()).toBe(false);
  });
});
