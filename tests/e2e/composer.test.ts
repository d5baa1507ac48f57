/**
 * Writing in a network as people do: posting twice from the same page (no duplicate, an empty
 * box after each, the new post announced and focused), on a phone, in German, without
 * JavaScript; replying in a topic; and uploads over 1 MB with JavaScript on (resource file,
 * profile photo, network cover), which used to be refused by the body limit.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../setup/app";
import {
  hasChromium,
  horizontalOverflow,
  launchBrowser,
  makePng,
  openPage,
  pageProblems,
  saveScreenshot,
  signInWithForm,
  translatorFor,
} from "../setup/browser";

const en = translatorFor("en");
const de = translatorFor("de");
const password = "a long enough passphrase";

/** A PNG of random pixels (it cannot be compressed), about `bytes` long. */
async function noisyPng(bytes: number): Promise<string> {
  const side = Math.ceil(Math.sqrt(bytes / 3));
  const pixels = Buffer.alloc(side * side * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.floor(Math.random() * 256);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "synergy-noisy-")), "big.png");
  await sharp(pixels, { raw: { width: side, height: side, channels: 3 } })
    .png()
    .toFile(file);
  return file;
}

describe.skipIf(!hasChromium)("the composer in Chromium", () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  function query<T>(text: string) {
    return app.server.queryRows<T>(app.server.rawSql(text));
  }

  async function memberOfNetwork(spec: { locale?: "en" | "de"; facilitator?: boolean } = {}) {
    const user = await app.createUser({
      password,
      displayName: "Maeve Member",
      locale: spec.locale,
    });
    const network = await app.server.createNetwork({
      name: "Composer Network",
      members: spec.facilitator ? [] : [user.id],
      facilitators: spec.facilitator ? [user.id] : [],
    });
    return { user, networkId: network.id };
  }

  async function postIds(networkId: string) {
    const rows = await query<{ id: string; body: string }>(
      `select id, body from posts where network_id = '${networkId}' order by created_at`,
    );
    return rows;
  }

  /** Posts from the composer and waits until the page is back at rest with the new post. */
  async function postWithJs(page: Page, t: typeof en, text: string, file?: string) {
    await page.getByLabel(t("posts.bodyLabel")).fill(text);
    if (file) await page.getByLabel(t("posts.files")).setInputFiles(file);
    const before = page.url();
    await Promise.all([
      page.waitForURL((url) => url.href !== before && url.hash.startsWith("#post-")),
      page.getByRole("button", { name: t("posts.publish"), exact: true }).click(),
    ]);
    const id = new URL(page.url()).hash.slice("#post-".length);
    // Focus moves to the new post once the page has its data.
    await page.waitForFunction((postId) => document.activeElement?.id === `post-${postId}`, id);
    return id;
  }

  async function expectEmptyComposer(page: Page, t: typeof en) {
    expect(await page.getByLabel(t("posts.bodyLabel")).inputValue()).toBe("");
    expect(
      await page
        .getByLabel(t("posts.files"))
        .evaluate((input) => (input as HTMLInputElement).files?.length),
    ).toBe(0);
  }

  it("posts twice from the same page: two posts, an empty box after each, announced and focused", async () => {
    const { user, networkId } = await memberOfNetwork();
    const { context, page, problems } = await openPage(browser, {
      viewport: { width: 1280, height: 900 },
    });
    await signInWithForm(page, app.url, user.email, password);
    await page.goto(`${app.url}/networks/${networkId}`, { waitUntil: "networkidle" });
    const photo = await makePng({ size: 400, colour: "#c0602a" });

    const first = await postWithJs(page, en, "Our first market day went well!", photo);
    await expectEmptyComposer(page, en);
    await expect
      .poll(() =>
        page
          .getByRole("status")
          .filter({ hasText: en("composer.posted") })
          .count(),
      )
      .toBe(1);

    const second = await postWithJs(page, en, "And a second note from the same page.");
    await expectEmptyComposer(page, en);
    expect(second).not.toBe(first);
    const rows = await postIds(networkId);
    expect(rows.map((r) => r.id)).toEqual([first, second]);

    // A comment from the feed: the box empties and focus moves to the new comment.
    const firstPost = page.locator(`#post-${first}`);
    await firstPost.getByText(en("posts.writeComment")).click();
    await firstPost.getByLabel(en("posts.commentLabel")).fill("Congratulations!");
    await Promise.all([
      page.waitForURL((url) => url.hash.startsWith("#comment-")),
      firstPost.getByRole("button", { name: en("posts.sendComment") }).click(),
    ]);
    const commentId = new URL(page.url()).hash.slice("#comment-".length);
    await page.waitForFunction((id) => document.activeElement?.id === `comment-${id}`, commentId);
    expect(await firstPost.getByLabel(en("posts.commentLabel")).inputValue()).toBe("");

    expect(await pageProblems(page, "network page after posting")).toEqual([]);
    await saveScreenshot(page, "composer-after-posting-desktop");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("posts on a phone in German, with a photo alone, and refuses an empty post with the right message", async () => {
    const { user, networkId } = await memberOfNetwork({ locale: "de" });
    const { context, page, problems } = await openPage(browser, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await signInWithForm(page, app.url, user.email, password);
    await page.goto(`${app.url}/networks/${networkId}`, { waitUntil: "networkidle" });
    expect(await page.locator("html").getAttribute("lang")).toBe("de");

    await page.getByRole("button", { name: de("posts.publish"), exact: true }).click();
    await page.getByText(de("posts.emptyPost")).waitFor();
    expect(await page.getByText(de("posts.emptyMember")).count()).toBe(1); // the empty feed, once
    expect(await postIds(networkId)).toEqual([]);

    await page.getByLabel(de("posts.files")).setInputFiles(await makePng({ size: 300 }));
    await Promise.all([
      page.waitForURL((url) => url.hash.startsWith("#post-")),
      page.getByRole("button", { name: de("posts.publish"), exact: true }).click(),
    ]);
    await page
      .getByRole("status")
      .filter({ hasText: de("composer.posted") })
      .waitFor();
    await expectEmptyComposer(page, de);
    const second = await postWithJs(page, de, "Hallo aus Köln!");
    await expectEmptyComposer(page, de);
    const rows = await postIds(networkId);
    expect(rows).toHaveLength(2);
    expect(rows[1].id).toBe(second);
    expect(rows[0].body).toBe("");

    expect(await pageProblems(page, "network page after posting (phone, German)")).toEqual([]);
    await saveScreenshot(page, "composer-after-posting-phone-de");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("describes each chosen photo and says the language, on one line at 360 px", async () => {
    const { user, networkId } = await memberOfNetwork();
    const { context, page, problems } = await openPage(browser, {
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    await signInWithForm(page, app.url, user.email, password);
    await page.goto(`${app.url}/networks/${networkId}`, { waitUntil: "networkidle" });
    // With JavaScript, no description field until photos are chosen; then one per photo.
    expect(await page.getByLabel(en("posts.altTextLabel")).count()).toBe(0);
    const language = page.getByLabel(en("content.writtenIn"), { exact: true });
    const publish = page.getByRole("button", { name: en("posts.publish"), exact: true });
    const [select, button] = [await language.boundingBox(), await publish.boundingBox()];
    // "Written in" and "Post" share one line: their boxes overlap vertically.
    expect(
      select &&
        button &&
        select.y < button.y + button.height &&
        button.y < select.y + select.height,
    ).toBe(true);
    // The page does not scroll sideways (the network's tab row scrolls within itself).
    const overflow = await horizontalOverflow(page);
    expect(overflow.scrollWidth, JSON.stringify(overflow.widest)).toBeLessThanOrEqual(360);

    await page.getByLabel(en("posts.bodyLabel")).fill("Καινούργιο ψωμί στον πάγκο");
    await page
      .getByLabel(en("posts.files"))
      .setInputFiles([await makePng({ colour: "#a05020" }), await makePng({ colour: "#f0d090" })]);
    const first = page.getByLabel(en("posts.altTextLabelNumbered", { number: 1 }));
    await first.fill("Ένα καρβέλι σίκαλης");
    await page.getByLabel(en("posts.altTextLabelNumbered", { number: 2 })).fill("Η ψίχα από κοντά");
    await language.selectOption("el");
    await Promise.all([page.waitForURL((url) => url.hash.startsWith("#post-")), publish.click()]);
    const id = new URL(page.url()).hash.slice("#post-".length);
    const [post] = await query<{ language: string; alts: string[] }>(
      `select p.language, array_agg(a.alt_text order by a.filename, a.id) as alts
       from posts p join post_attachments a on a.post_id = p.id where p.id = '${id}'
       group by p.language`,
    );
    expect(post.language).toBe("el");
    expect([...post.alts].sort()).toEqual(["Ένα καρβέλι σίκαλης", "Η ψίχα από κοντά"].sort());
    const card = page.locator(`#post-${id}`);
    expect(await card.locator(".post-body").getAttribute("lang")).toBe("el");
    expect(await card.getByRole("img", { name: "Ένα καρβέλι σίκαλης" }).count()).toBe(1);
    // The composer is empty again, with no description fields left over.
    await expectEmptyComposer(page, en);
    expect(await page.getByLabel(en("posts.altTextLabelNumbered", { number: 1 })).count()).toBe(0);
    expect(await pageProblems(page, "photo descriptions and language (360 px)")).toEqual([]);
    await saveScreenshot(page, "composer-photo-descriptions-phone");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("posts without JavaScript: lands on the new post with an empty form, twice", async () => {
    const { user, networkId } = await memberOfNetwork();
    const { context, page, problems } = await openPage(browser, { javaScriptEnabled: false });
    await signInWithForm(page, app.url, user.email, password);
    await page.goto(`${app.url}/networks/${networkId}`);
    const ids: string[] = [];
    for (const text of ["Without scripts, one.", "Without scripts, two."]) {
      await page.getByLabel(en("posts.bodyLabel")).fill(text);
      await Promise.all([
        page.waitForURL((url) => url.hash.startsWith("#post-") && !ids.includes(url.hash.slice(6))),
        page.getByRole("button", { name: en("posts.publish"), exact: true }).click(),
      ]);
      ids.push(new URL(page.url()).hash.slice("#post-".length));
      expect(await page.getByLabel(en("posts.bodyLabel")).inputValue()).toBe("");
      await page
        .getByRole("status")
        .filter({ hasText: en("composer.posted") })
        .waitFor();
      expect(await page.locator(`#post-${ids.at(-1)}`).textContent()).toContain(text);
    }
    expect((await postIds(networkId)).map((r) => r.id)).toEqual(ids);
    expect(await pageProblems(page, "network page after posting (no JavaScript)")).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("replies in a topic twice with an empty box after each", async () => {
    const { user, networkId } = await memberOfNetwork();
    const { context, page, problems } = await openPage(browser);
    await signInWithForm(page, app.url, user.email, password);
    await page.goto(`${app.url}/networks/${networkId}/topics`, { waitUntil: "networkidle" });
    await page.getByText(en("forum.newHeading")).click();
    await page.getByLabel(en("forum.titleLabel")).fill("Where do you buy flour?");
    await page.getByLabel(en("forum.bodyLabel")).fill("Looking for a miller near Cork.");
    await Promise.all([
      page.waitForURL(/\/topics\/[0-9a-f-]{36}\?posted=/),
      page.getByRole("button", { name: en("forum.publish") }).click(),
    ]);
    await page
      .getByRole("status")
      .filter({ hasText: en("composer.posted") })
      .waitFor();
    for (const text of ["Try the mill in Macroom.", "Or ask at the market."]) {
      await page.getByLabel(en("forum.replyLabel")).fill(text);
      const before = page.url();
      await Promise.all([
        page.waitForURL((url) => url.href !== before && url.hash.startsWith("#reply-")),
        page.getByRole("button", { name: en("forum.sendReply") }).click(),
      ]);
      const id = new URL(page.url()).hash.slice("#reply-".length);
      await page.waitForFunction(
        (replyId) => document.activeElement?.id === `reply-${replyId}`,
        id,
      );
      expect(await page.getByLabel(en("forum.replyLabel")).inputValue()).toBe("");
    }
    const rows = await query<{ n: number }>(
      `select count(*)::int as n from forum_replies r join forum_topics t on t.id = r.topic_id
       where t.network_id = '${networkId}'`,
    );
    expect(rows[0].n).toBe(2);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("uploads a 3 MB resource, a 2 MB profile photo and a 2 MB cover with JavaScript on", async () => {
    const { user, networkId } = await memberOfNetwork({ facilitator: true });
    const { context, page, problems } = await openPage(browser);
    await signInWithForm(page, app.url, user.email, password);
    const bigPhoto = await noisyPng(2_000_000);
    expect(fs.statSync(bigPhoto).size).toBeGreaterThan(1_900_000);

    // A 3 MB text document shared as a resource.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "synergy-doc-"));
    const document = path.join(dir, "price-list.txt");
    fs.writeFileSync(document, "Bread, 4 euro; cakes, 20 euro.\n".repeat(100_000));
    await page.goto(`${app.url}/networks/${networkId}/resources`, { waitUntil: "networkidle" });
    const fileForm = page.locator("details", { hasText: en("resources.addFileHeading") });
    await fileForm.getByText(en("resources.addFileHeading")).click();
    await fileForm.getByLabel(en("resources.titleLabel")).fill("Price list");
    await fileForm.getByLabel(en("resources.fileLabel")).setInputFiles(document);
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get("added") === "1"),
      fileForm.getByRole("button", { name: en("resources.addFile") }).click(),
    ]);
    const [resource] = await query<{ size_bytes: number }>(
      `select size_bytes from network_resources where network_id = '${networkId}'`,
    );
    expect(resource.size_bytes).toBeGreaterThan(3_000_000);

    // A 2 MB profile photo.
    await page.goto(`${app.url}/settings/profile`, { waitUntil: "networkidle" });
    await page.locator('input[name="photo"]').setInputFiles(bigPhoto);
    await Promise.all([
      page.waitForURL(`**/people/${user.id}`),
      page.getByRole("button", { name: en("form.save") }).click(),
    ]);
    const [person] = await query<{ photo_key: string | null }>(
      `select photo_key from users where id = '${user.id}'`,
    );
    expect(person.photo_key).toBeTruthy();

    // A 2 MB network cover.
    await page.goto(`${app.url}/networks/${networkId}/settings`, { waitUntil: "networkidle" });
    await page.getByLabel(en("networks.cover")).setInputFiles(bigPhoto);
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get("saved") === "1"),
      page.getByRole("button", { name: en("form.save") }).click(),
    ]);
    const [network] = await query<{ cover_key: string | null }>(
      `select cover_key from networks where id = '${networkId}'`,
    );
    expect(network.cover_key).toBeTruthy();
    expect(problems).toEqual([]);
    await context.close();
  });
});
