/**
 * Phone-first pages (issue 13, decision 024) as the server renders them: feeds page through
 * "Older posts" links, a network's sub-pages carry the short header, reactions are folded
 * behind one control, and every page offers the languages from its header.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import en from "../../app/i18n/locales/en.json";
import { startTestApp, type TestApp } from "../setup/app";
import { escapeHtml } from "../setup/html";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const password = "a long enough passphrase";

const mainOf = (html: string) => html.match(/<main[\s\S]*<\/main>/)?.[0] ?? "";
const headerOf = (html: string) => html.match(/<header class="site-header"[\s\S]*?<\/header>/)?.[0];
/** The post ids of a feed page, in the order shown. */
const postIds = (html: string) =>
  [...html.matchAll(/<article id="post-([0-9a-f-]+)"/g)].map((m) => m[1]);
/** The href of the link whose text is `label`. */
function linkTo(html: string, label: string): string | null {
  const match = html.match(new RegExp(`<a href="([^"]+)"[^>]*>${escapeHtml(label)}</a>`));
  return match ? match[1].replace(/&amp;/g, "&") : null;
}

/** A network with `count` posts a minute apart (newest last), and a member signed in. */
async function networkWithPosts(count: number) {
  const { user, client } = await app.signedIn({ password });
  const name = `Paging ${count} ${Date.now()}`;
  const net = await app.server.createNetwork({
    name,
    purpose: "A purpose only the main page shows.",
    members: [user.id],
  });
  const start = Date.now() - count * 60_000;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const post = await app.server.createPostAt({
      networkId: net.id,
      authorId: user.id,
      body: `Post number ${i}`,
      createdAt: new Date(start + i * 60_000),
    });
    ids.push(post.id);
  }
  return { user, client, net, name, newestFirst: ids.reverse() };
}

describe("feeds page through older posts", () => {
  it("pages a network feed: every post once, newest first, then back to the newest", async () => {
    const { client, net, newestFirst } = await networkWithPosts(14);
    const seen: string[] = [];
    let path: string | null = `/networks/${net.id}`;
    let pages = 0;
    let html = "";
    while (path) {
      const response = await client.get(path.startsWith("?") ? `/networks/${net.id}${path}` : path);
      expect(response.status).toBe(200);
      html = mainOf(await response.text());
      const ids = postIds(html);
      expect(ids.length).toBeGreaterThan(0);
      // A page, not the whole feed.
      expect(ids.length).toBeLessThanOrEqual(10);
      seen.push(...ids);
      path = linkTo(html, en["pager.older"]);
      pages++;
      expect(pages).toBeLessThan(10);
    }
    expect(seen).toEqual(newestFirst);
    expect(pages).toBeGreaterThan(1);
    // The last page leads back to the newest posts.
    expect(linkTo(html, en["pager.newest"])).toBe("?");
  });

  it("pages the home feed the same way", async () => {
    const { client, newestFirst } = await networkWithPosts(9);
    const first = mainOf(await (await client.get("/")).text());
    const firstIds = postIds(first);
    expect(firstIds).toEqual(newestFirst.slice(0, firstIds.length));
    const older = linkTo(first, en["pager.older"]);
    expect(older).toMatch(/^\?after=/);
    const second = mainOf(await (await client.get(`/${older}`)).text());
    expect(postIds(second)).toEqual(newestFirst.slice(firstIds.length, firstIds.length * 2));
  });
});

describe("network pages on a phone", () => {
  it("shows purpose and mix on the main page only; sub-pages keep name and tabs", async () => {
    const { client, net, name } = await networkWithPosts(1);
    const main = mainOf(await (await client.get(`/networks/${net.id}`)).text());
    expect(main).toContain("A purpose only the main page shows.");
    expect(main).toContain(escapeHtml(en["networks.mixPeople"]));
    for (const sub of ["topics", "resources", "members", "events"]) {
      const html = mainOf(await (await client.get(`/networks/${net.id}/${sub}`)).text());
      expect(html, sub).toContain(escapeHtml(name));
      expect(html, sub).toContain(`aria-label="${escapeHtml(en["networks.sections"])}"`);
      expect(html, sub).not.toContain("A purpose only the main page shows.");
      expect(html, sub).not.toContain(`<dt>${escapeHtml(en["networks.mixPeople"])}</dt>`);
    }
  });

  it("folds the reactions behind one control and still takes a reaction from a plain form", async () => {
    const { client, net, newestFirst } = await networkWithPosts(1);
    const html = mainOf(await (await client.get(`/networks/${net.id}`)).text());
    expect(html).toContain(
      `<details class="reaction-menu"><summary>${escapeHtml(en["reactions.react"])}</summary>`,
    );
    const reacted = await client.post(`/networks/${net.id}`, {
      intent: "react",
      postId: newestFirst[0],
      kind: "thanks",
    });
    expect(reacted.status).toBe(200);
    const after = mainOf(await (await client.get(`/networks/${net.id}`)).text());
    expect(after).toMatch(/<li data-reaction="thanks">[\s\S]*?<\/li>/);
  });

  it("offers the languages in the header of every page, returning to the same page", async () => {
    const visitor = app.client();
    for (const path of ["/", "/networks", "/people"]) {
      const header = headerOf(await (await visitor.get(path)).text());
      expect(header, path).toBeDefined();
      expect(header).toContain(`name="redirectTo" value="${path}"`);
      for (const code of ["en", "de", "el", "fi", "it", "ro"]) {
        expect(header).toContain(`value="${code}" lang="${code}"`);
      }
    }
    const switched = await visitor.post("/locale", { locale: "fi", redirectTo: "/people" });
    expect(switched.status).toBe(302);
    expect(switched.headers.get("location")).toBe("/people");
  });
});

describe("partnering search on a phone", () => {
  /** The filters fold of a page: whether it is open and what its summary says. */
  const foldOf = (html: string) => {
    const match = html.match(
      /<details class="filters-fold"( open="")?><summary>([^<]*)<\/summary>/,
    );
    return match ? { open: match[1] !== undefined, summary: match[2] } : null;
  };

  it("folds the filters, closed and uncounted when none is in use", async () => {
    const html = mainOf(await (await app.client().get("/partnering")).text());
    expect(foldOf(html)).toEqual({ open: false, summary: "Filters" });
    // Inside the fold the search form is whole: a GET form that works without JavaScript.
    const fold = html.slice(html.indexOf('<details class="filters-fold"'));
    expect(fold).toMatch(
      /^<details[^>]*><summary>[^<]*<\/summary><form class="filters"[^>]*method="get"/,
    );
    expect(fold).toContain('name="noDeadline"');
  });

  it("opens the fold and counts the filters in use", async () => {
    const html = mainOf(
      await (await app.client().get("/partnering?kind=offer&country=DE&q=bread")).text(),
    );
    expect(foldOf(html)).toEqual({ open: true, summary: "Filters (3 in use)" });
  });
});
