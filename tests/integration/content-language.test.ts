/**
 * The language of what people write, and photo descriptions (issue 13, decision 031): the
 * author says what a post, comment, topic or reply is written in; pages mark it with `lang`
 * only where it differs from the page's, never on older rows that said nothing; photos carry
 * their author's description as alt text.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import en from "../../app/i18n/locales/en.json";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { escapeHtml, expectMessage } from "../setup/html";
import { makePng } from "../setup/images";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const password = "a long enough passphrase";

async function rows<T>(text: string) {
  return app.server.queryRows<T>(app.server.rawSql(text));
}

/** A network with an English-speaking author, a Greek-speaking reader and a facilitator. */
async function setting() {
  const author = await app.signedIn({ password, locale: "en" });
  const greek = await app.signedIn({ password, locale: "el" });
  const facilitator = await app.signedIn({ password, locale: "en" });
  const network = await app.server.createNetwork({
    name: `Languages ${Date.now()} ${Math.random()}`,
    facilitators: [facilitator.user.id],
    members: [author.user.id, greek.user.id],
  });
  return { author, greek, facilitator, networkId: network.id };
}

/** One post's card as a page shows it. */
async function cardOf(client: TestClient, pathname: string, postId: string) {
  const html = await (await client.get(pathname)).text();
  const card = html.match(new RegExp(`<article id="post-${postId}"[\\s\\S]*?</article>`))?.[0];
  expect(card, `post ${postId} on ${pathname}`).toBeDefined();
  return card ?? "";
}

async function photo(name: string) {
  return new File([await (await makePng(32, 24)).arrayBuffer()], name, { type: "image/png" });
}

/** The files stored for a network's posts (the folder is made by the first one). */
function storedAttachments(networkId: string) {
  const dir = path.join(app.dataDir, "uploads", "attachments", networkId);
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}

function uploadsInFlight() {
  const dir = path.join(app.dataDir, "tmp", "uploads");
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}

async function postIdOf(response: Response) {
  expect(response.status).toBe(302);
  return response.headers.get("location")?.match(/posted=([0-9a-f-]{36})/)?.[1] ?? "";
}

describe("the language of a post", () => {
  it("is stored, and marked only where it differs from the page's language", async () => {
    const { author, greek, networkId } = await setting();
    const feed = `/networks/${networkId}`;
    const greekPost = await postIdOf(
      await author.client.post(feed, {
        intent: "post",
        body: "Καλημέρα σε όλους από τη Θεσσαλονίκη",
        language: "el",
      }),
    );
    const englishPost = await postIdOf(
      await author.client.post(feed, {
        intent: "post",
        body: "Good morning from Cork",
        language: "en",
      }),
    );
    const [stored] = await rows<{ language: string }>(
      `select language from posts where id = '${greekPost}'`,
    );
    expect(stored.language).toBe("el");

    // On an English page the Greek post says so; the English one needs nothing.
    const greekOnEnglish = await cardOf(author.client, feed, greekPost);
    expect(greekOnEnglish).toContain('<div class="post-body" lang="el">');
    expect(await cardOf(author.client, feed, englishPost)).not.toMatch(/class="post-body" lang=/);
    // On a Greek page it is the other way round.
    expect(await cardOf(greek.client, feed, greekPost)).not.toMatch(/class="post-body" lang=/);
    expect(await cardOf(greek.client, feed, englishPost)).toContain(
      '<div class="post-body" lang="en">',
    );
    // The post's own page and the home feed use the same card.
    expect(await cardOf(author.client, `${feed}/posts/${greekPost}`, greekPost)).toContain(
      'lang="el"',
    );
    expect(await cardOf(author.client, "/", greekPost)).toContain('lang="el"');
  });

  it("is never guessed for posts that did not say it", async () => {
    const { author, greek, networkId } = await setting();
    // As every post written before the choice existed, and a form without the field.
    const older = await app.server.createPostAt({
      networkId,
      authorId: author.user.id,
      body: "Γράφτηκε πριν από την επιλογή γλώσσας",
    });
    const withoutField = await postIdOf(
      await author.client.post(`/networks/${networkId}`, { intent: "post", body: "No field" }),
    );
    const stored = await rows<{ language: string | null }>(
      `select language from posts where id in ('${older.id}', '${withoutField}')`,
    );
    expect(stored).toEqual([{ language: null }, { language: null }]);
    for (const client of [author.client, greek.client]) {
      for (const id of [older.id, withoutField]) {
        const card = await cardOf(client, `/networks/${networkId}`, id);
        expect(card).not.toMatch(/class="post-body" lang=/);
      }
    }
  });

  it("refuses a language outside the six with a translated 400, and writes nothing", async () => {
    const { author, networkId } = await setting();
    for (const language of ["xx", "EL", "el-GR", "english"]) {
      const response = await author.client.post(`/networks/${networkId}`, {
        intent: "post",
        body: `Refused language ${language}`,
        language,
      });
      expect(response.status, language).toBe(400);
      expectMessage(await response.text(), "content.languageInvalid");
    }
    // Twice in one form is no language either.
    const twice = await author.client.post(`/networks/${networkId}`, {
      intent: "post",
      body: "Refused language twice",
      language: ["el", "de"],
    });
    expect(twice.status).toBe(400);
    const [count] = await rows<{ n: number }>(
      `select count(*)::int as n from posts where body like 'Refused language%'`,
    );
    expect(count.n).toBe(0);
  });

  it("is offered in the composer, preset to the page's language, each named in itself", async () => {
    const { author, greek, networkId } = await setting();
    const english = await (await author.client.get(`/networks/${networkId}`)).text();
    expect(english).toContain(
      `<label for="new-post-language">${escapeHtml(en["content.writtenIn"])}`,
    );
    expect(english).toContain('<option value="en" lang="en" selected="">English</option>');
    expect(english).toContain('<option value="el" lang="el">Ελληνικά</option>');
    const greekPage = await (await greek.client.get(`/networks/${networkId}`)).text();
    expect(greekPage).toContain('<option value="el" lang="el" selected="">Ελληνικά</option>');
  });

  it("is kept or changed by its author when editing, and by nobody else", async () => {
    const { author, greek, facilitator, networkId } = await setting();
    const postId = await postIdOf(
      await author.client.post(`/networks/${networkId}`, {
        intent: "post",
        body: "Guten Morgen",
        language: "en",
      }),
    );
    const postUrl = `/networks/${networkId}/posts/${postId}`;
    const languageOf = async () =>
      (await rows<{ language: string }>(`select language from posts where id = '${postId}'`))[0]
        .language;
    const edit = await author.client.post(postUrl, {
      intent: "edit",
      body: "Guten Morgen aus Köln",
      language: "de",
    });
    expect(edit.status).toBe(302);
    expect(await languageOf()).toBe("de");
    // The edit form shows what it is now.
    const page = await (await author.client.get(postUrl)).text();
    expect(page).toContain('<option value="de" lang="de" selected="">Deutsch</option>');
    // A form without the field (an older page) keeps it.
    expect((await author.client.post(postUrl, { intent: "edit", body: "Guten Tag" })).status).toBe(
      302,
    );
    expect(await languageOf()).toBe("de");
    // An unknown language changes nothing, not even the text.
    const refused = await author.client.post(postUrl, {
      intent: "edit",
      body: "Changed?",
      language: "klingon",
    });
    expect(refused.status).toBe(400);
    expectMessage(await refused.text(), "content.languageInvalid");
    // Another member, or a facilitator, may not change someone's words or their language.
    for (const other of [greek.client, facilitator.client]) {
      const response = await other.post(postUrl, {
        intent: "edit",
        body: "Hijacked",
        language: "it",
      });
      expect(response.status).toBe(403);
    }
    const [post] = await rows<{ body: string; language: string }>(
      `select body, language from posts where id = '${postId}'`,
    );
    expect(post).toEqual({ body: "Guten Tag", language: "de" });
  });

  it("offers 'not said' when editing an older post, and keeps it unsaid", async () => {
    const { author, networkId } = await setting();
    const older = await app.server.createPostAt({
      networkId,
      authorId: author.user.id,
      body: "An older post",
    });
    const postUrl = `/networks/${networkId}/posts/${older.id}`;
    const page = await (await author.client.get(postUrl)).text();
    expect(page).toContain(
      `<option value="" selected="">${escapeHtml(en["content.languageUnset"])}</option>`,
    );
    const saved = await author.client.post(postUrl, {
      intent: "edit",
      body: "An older post, edited",
      language: "",
    });
    expect(saved.status).toBe(302);
    const [post] = await rows<{ language: string | null }>(
      `select language from posts where id = '${older.id}'`,
    );
    expect(post.language).toBeNull();
  });
});

describe("the language of comments, topics and replies", () => {
  it("marks a comment in another language than the page's, and refuses an unknown one", async () => {
    const { author, greek, networkId } = await setting();
    const postId = await postIdOf(
      await author.client.post(`/networks/${networkId}`, {
        intent: "post",
        body: "Question for all",
        language: "en",
      }),
    );
    const postUrl = `/networks/${networkId}/posts/${postId}`;
    const commented = await greek.client.post(`/networks/${networkId}`, {
      intent: "comment",
      postId,
      body: "Ευχαριστώ πολύ",
      language: "el",
      returnTo: "post",
    });
    expect(commented.status).toBe(302);
    const commentId = commented.headers.get("location")?.match(/#comment-([0-9a-f-]{36})/)?.[1];
    const [stored] = await rows<{ language: string }>(
      `select language from comments where id = '${commentId}'`,
    );
    expect(stored.language).toBe("el");
    const english = await (await author.client.get(postUrl)).text();
    const comment = english.match(
      new RegExp(`<div id="comment-${commentId}"[\\s\\S]*?class="post-body"[^>]*>`),
    )?.[0];
    expect(comment).toContain('class="post-body" lang="el"');
    const greekPage = await (await greek.client.get(postUrl)).text();
    expect(
      greekPage.match(
        new RegExp(`<div id="comment-${commentId}"[\\s\\S]*?class="post-body"[^>]*>`),
      )?.[0],
    ).not.toContain("lang=");
    // The post page's comment form offers the choice too.
    expect(english).toContain(`id="new-comment-${postId}-language"`);

    const refused = await greek.client.post(`/networks/${networkId}`, {
      intent: "comment",
      postId,
      body: "Refused comment",
      language: "gr",
    });
    expect(refused.status).toBe(400);
    expectMessage(await refused.text(), "content.languageInvalid", "el");
    const [count] = await rows<{ n: number }>(
      `select count(*)::int as n from comments where body = 'Refused comment'`,
    );
    expect(count.n).toBe(0);
  });

  it("marks a topic's title and text, and each reply, by what their authors said", async () => {
    const { author, greek, networkId } = await setting();
    const created = await greek.client.post(`/networks/${networkId}/topics`, {
      intent: "create-topic",
      title: "Συσκευασία για κεραμικά",
      body: "Από πού αγοράζετε κουτιά;",
      language: "el",
    });
    expect(created.status).toBe(302);
    const topicId = created.headers.get("location")?.match(/topics\/([0-9a-f-]{36})/)?.[1];
    const topicUrl = `/networks/${networkId}/topics/${topicId}`;
    const replied = await author.client.post(topicUrl, {
      intent: "reply",
      body: "We buy double-walled boxes online.",
      language: "en",
    });
    expect(replied.status).toBe(302);
    const stored = await rows<{ topic: string; reply: string }>(
      `select t.language as topic, r.language as reply
       from forum_topics t join forum_replies r on r.topic_id = t.id where t.id = '${topicId}'`,
    );
    expect(stored).toEqual([{ topic: "el", reply: "en" }]);

    const english = await (await author.client.get(topicUrl)).text();
    expect(english).toContain('<h2 id="topic-title" lang="el">');
    expect(english).toContain('<div class="post-body" lang="el">');
    expect(english).not.toContain('lang="en"><p>We buy');
    const list = await (await author.client.get(`/networks/${networkId}/topics`)).text();
    expect(list).toContain(`<a href="${topicUrl}" lang="el">`);

    const greekPage = await (await greek.client.get(topicUrl)).text();
    expect(greekPage).toContain('<h2 id="topic-title">');
    expect(greekPage).toContain('<div class="post-body" lang="en"><p>We buy');
    expect(greekPage).toContain('id="reply-language"');

    for (const [url, fields] of [
      [
        `/networks/${networkId}/topics`,
        { intent: "create-topic", title: "Refused topic", body: "Refused body", language: "xx" },
      ],
      [topicUrl, { intent: "reply", body: "Refused reply", language: "xx" }],
    ] as const) {
      const response = await author.client.post(url, fields);
      expect(response.status, url).toBe(400);
      expectMessage(await response.text(), "content.languageInvalid");
    }
    const [count] = await rows<{ n: number }>(
      `select (select count(*) from forum_topics where title = 'Refused topic')
        + (select count(*) from forum_replies where body = 'Refused reply') as n`,
    );
    expect(Number(count.n)).toBe(0);
  });
});

describe("photo descriptions", () => {
  it("are stored and become the photo's alt text; a photo without one keeps the generic text", async () => {
    const { author, greek, networkId } = await setting();
    const pdf = new File(["%PDF-1.4\n%%EOF\n"], "menu.pdf", { type: "application/pdf" });
    const form = new FormData();
    form.append("intent", "post");
    form.append("body", "Το νέο μας ψωμί");
    form.append("language", "el");
    form.append("files", await photo("loaf.png"));
    form.append("files", pdf);
    form.append("files", await photo("crumb.png"));
    form.append("files", await photo("shop.png"));
    // The i-th description is the i-th photo's; the third photo gets none.
    form.append("altText", "Ένα καρβέλι σίκαλης σε ξύλινη σανίδα");
    form.append("altText", "  Close-up of the crumb  ");
    const postId = await postIdOf(await author.client.post(`/networks/${networkId}`, form));
    const stored = await rows<{ filename: string; kind: string; alt_text: string | null }>(
      `select filename, kind, alt_text from post_attachments where post_id = '${postId}'
       order by filename`,
    );
    expect(stored).toEqual([
      { filename: "crumb.webp", kind: "image", alt_text: "Close-up of the crumb" },
      { filename: "loaf.webp", kind: "image", alt_text: "Ένα καρβέλι σίκαλης σε ξύλινη σανίδα" },
      { filename: "menu.pdf", kind: "file", alt_text: null },
      { filename: "shop.webp", kind: "image", alt_text: null },
    ]);
    const card = await cardOf(author.client, `/networks/${networkId}`, postId);
    // The description is part of the Greek post: on an English page it carries the post's lang.
    expect(card).toContain('alt="Ένα καρβέλι σίκαλης σε ξύλινη σανίδα" lang="el"');
    expect(card).toContain('alt="Close-up of the crumb" lang="el"');
    const generic = escapeHtml(
      en["posts.photoAlt"].replace("{name}", (await userName(author.user.id)) ?? ""),
    );
    expect(card).toContain(`alt="${generic}"`);
    expect(card).not.toContain('alt="shop.webp"');
    // On a Greek page the description needs no lang of its own.
    const greekCard = await cardOf(greek.client, `/networks/${networkId}`, postId);
    expect(greekCard).toContain('alt="Ένα καρβέλι σίκαλης σε ξύλινη σανίδα" width=');
  });

  it("without JavaScript: the composer's one field describes the photo", async () => {
    const { author, networkId } = await setting();
    const page = await (await author.client.get(`/networks/${networkId}`)).text();
    expect(page).toContain(
      `<label for="f-altText">${escapeHtml(en["posts.altTextLabel"])}</label>`,
    );
    const field = page.match(/<input type="text" id="f-altText"[^>]*>/)?.[0];
    expect(field).toContain('name="altText"');
    expect(field).toContain('maxLength="300"');
    const postId = await postIdOf(
      await author.client.post(`/networks/${networkId}`, {
        intent: "post",
        body: "",
        files: await photo("stall.png"),
        altText: "Our market stall on a Saturday morning",
      }),
    );
    const [stored] = await rows<{ alt_text: string }>(
      `select alt_text from post_attachments where post_id = '${postId}'`,
    );
    expect(stored.alt_text).toBe("Our market stall on a Saturday morning");
    // An empty description is none.
    const second = await postIdOf(
      await author.client.post(`/networks/${networkId}`, {
        intent: "post",
        body: "",
        files: await photo("stall2.png"),
        altText: "   ",
      }),
    );
    const [none] = await rows<{ alt_text: string | null }>(
      `select alt_text from post_attachments where post_id = '${second}'`,
    );
    expect(none.alt_text).toBeNull();
  });

  it("too long: a translated 400, and no post and no file left behind", async () => {
    const { author, networkId } = await setting();
    const exactly = "d".repeat(300);
    const accepted = await author.client.post(`/networks/${networkId}`, {
      intent: "post",
      body: "Longest description",
      files: await photo("ok.png"),
      altText: exactly,
    });
    await postIdOf(accepted);
    const before = storedAttachments(networkId);
    expect(before).toHaveLength(1);

    const refused = await author.client.post(`/networks/${networkId}`, {
      intent: "post",
      body: "Too long a description",
      files: await photo("too-long.png"),
      altText: "d".repeat(301),
    });
    expect(refused.status).toBe(400);
    expectMessage(await refused.text(), "posts.altTextTooLong");
    const [count] = await rows<{ n: number }>(
      `select count(*)::int as n from posts where body = 'Too long a description'`,
    );
    expect(count.n).toBe(0);
    expect(storedAttachments(networkId)).toEqual(before);
    // The streamed upload's temporary copy goes once the answer is sent.
    await expect.poll(uploadsInFlight).toEqual([]);
    // The database refuses one too, whatever writes it.
    const error = await rows(`update post_attachments set alt_text = repeat('x', 301)
        where post_id in (select id from posts where body = 'Longest description')`).then(
      () => null,
      (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
    );
    expect(error).toMatch(/post_attachments_alt_text_check/);
  });

  it("with a NUL byte or a language with one: a translated 400, and no post and no file left behind", async () => {
    const { author, networkId } = await setting();
    const before = storedAttachments(networkId);
    for (const [field, value] of [
      ["altText", "A loaf\u0000of rye"],
      ["language", "e\u0000l"],
    ] as const) {
      const refused = await author.client.post(`/networks/${networkId}`, {
        intent: "post",
        body: `Control character in ${field}`,
        files: await photo(`nul-${field}.png`),
        [field]: value,
      });
      expect(refused.status, field).toBe(400);
      const html = await refused.text();
      expect(html, field).not.toContain("\u0000");
      expectMessage(html, "errors.controlCharacters");
      const [count] = await rows<{ n: number }>(
        `select count(*)::int as n from posts where body = 'Control character in ${field}'`,
      );
      expect(count.n, field).toBe(0);
    }
    expect(storedAttachments(networkId)).toEqual(before);
    await expect.poll(uploadsInFlight).toEqual([]);
  });

  it("are changed by the post's author when editing, and by nobody else", async () => {
    const { author, greek, facilitator, networkId } = await setting();
    const form = new FormData();
    form.append("intent", "post");
    form.append("body", "Two photos");
    form.append("language", "en");
    form.append("files", await photo("one.png"));
    form.append("files", await photo("two.png"));
    form.append("altText", "First photo");
    const postId = await postIdOf(await author.client.post(`/networks/${networkId}`, form));
    const photos = await rows<{ id: string; filename: string; alt_text: string | null }>(
      `select id, filename, alt_text from post_attachments where post_id = '${postId}'
       order by filename`,
    );
    expect(photos.map((p) => p.alt_text)).toEqual(["First photo", null]);
    const postUrl = `/networks/${networkId}/posts/${postId}`;
    const page = await (await author.client.get(postUrl)).text();
    expect(page).toContain(`name="photoId" value="${photos[0].id}"`);
    expect(page).toContain('value="First photo"');

    const edited = await author.client.post(postUrl, {
      intent: "edit",
      body: "Two photos",
      language: "en",
      photoId: [photos[0].id, photos[1].id],
      altText: ["The first, described again", "The second, now described"],
    });
    expect(edited.status).toBe(302);
    const altOf = async () =>
      (
        await rows<{ alt_text: string | null }>(
          `select alt_text from post_attachments where post_id = '${postId}' order by filename`,
        )
      ).map((r) => r.alt_text);
    expect(await altOf()).toEqual(["The first, described again", "The second, now described"]);
    const card = await cardOf(greek.client, `/networks/${networkId}`, postId);
    expect(card).toContain('alt="The second, now described" lang="en"');

    // Too long when editing: 400, nothing changes.
    const tooLong = await author.client.post(postUrl, {
      intent: "edit",
      body: "Two photos",
      photoId: [photos[0].id, photos[1].id],
      altText: ["Fine", "x".repeat(301)],
    });
    expect(tooLong.status).toBe(400);
    // The error stands beside the description it is about, the second.
    const refusedPage = await tooLong.text();
    expect(refusedPage).toContain(`id="f-altText-${photos[1].id}-error"`);
    expect(refusedPage).not.toContain(`id="f-altText-${photos[0].id}-error"`);
    expectMessage(refusedPage, "posts.altTextTooLong");
    expect(await altOf()).toEqual(["The first, described again", "The second, now described"]);

    // Another member or a facilitator, through the author's post: forbidden.
    for (const other of [greek.client, facilitator.client]) {
      const response = await other.post(postUrl, {
        intent: "edit",
        body: "Two photos",
        photoId: photos[0].id,
        altText: "Someone else's words",
      });
      expect(response.status).toBe(403);
    }
    // Another member, through their own post, naming the author's photo: not found.
    const theirs = await postIdOf(
      await greek.client.post(`/networks/${networkId}`, { intent: "post", body: "Mine" }),
    );
    const sneaky = await greek.client.post(`/networks/${networkId}/posts/${theirs}`, {
      intent: "edit",
      body: "Mine, edited",
      photoId: photos[1].id,
      altText: "Someone else's words",
    });
    expect(sneaky.status).toBe(404);
    expect(await altOf()).toEqual(["The first, described again", "The second, now described"]);
    const [their] = await rows<{ body: string }>(`select body from posts where id = '${theirs}'`);
    expect(their.body).toBe("Mine");
  });
});

async function userName(id: string) {
  const [row] = await rows<{ display_name: string }>(
    `select display_name from users where id = '${id}'`,
  );
  return row?.display_name;
}
