/**
 * A network's main journey in Chromium: a facilitator starts a network, a member finds it,
 * joins and posts, and the facilitator sees the post arrive without reloading.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../setup/app";
import {
  expectAccessible,
  hasChromium,
  launchBrowser,
  openPage,
  signInWithForm,
  translatorFor,
} from "../setup/browser";

const en = translatorFor("en");
const password = "a long enough passphrase";

async function signIn(page: Page, app: TestApp, email: string) {
  await signInWithForm(page, app.url, email, password);
}

describe.skipIf(!hasChromium)("networks in Chromium", () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("starts a network, lets a member join and post, and shows the post live", async () => {
    const facilitator = await app.createUser({
      password,
      displayName: "Fiona Facilitator",
      isFacilitator: true,
    });
    const member = await app.createUser({ password, displayName: "Marco Member", role: "owner" });

    const a = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await signIn(a.page, app, facilitator.email);
    await a.page.goto(`${app.url}/networks`);
    await expectAccessible(a.page, "networks (facilitator)");
    await a.page.getByRole("link", { name: en("networks.start") }).click();
    await a.page.waitForURL(/\/networks\/new$/);
    await expectAccessible(a.page, "new network form");
    await a.page.getByLabel(en("networks.name"), { exact: true }).fill("Galway Makers Live");
    await a.page
      .getByLabel(en("networks.purpose"), { exact: true })
      .fill("Makers in Galway sharing what works.");
    // Radio and checkbox labels carry hints, and topic names contain the same words: pick by value.
    await a.page.locator('input[name="kind"][value="online"]').check();
    await a.page.locator('input[name="languages"][value="en"]').check();
    await a.page.locator('input[name="visibility"][value="open"]').check();
    await Promise.all([
      a.page.waitForURL(/\/networks\/[0-9a-f-]{36}\/settings\?created=1/),
      a.page.getByRole("button", { name: en("networks.create") }).click(),
    ]);
    const networkUrl = a.page.url().replace(/\/settings.*$/, "");
    await a.page.goto(networkUrl);
    await a.page.getByText(en("live.on")).waitFor();
    await expectAccessible(a.page, "network page (facilitator)");

    const b = await openPage(browser, { viewport: { width: 360, height: 740 } });
    await signIn(b.page, app, member.email);
    await b.page.goto(`${app.url}/networks?q=Galway+Makers`);
    await b.page.getByRole("link", { name: "Galway Makers Live" }).first().click();
    await b.page.getByRole("button", { name: en("networks.join") }).click();
    await b.page.getByText(en("networks.joined")).waitFor();
    await b.page.getByLabel(en("posts.bodyLabel")).fill("Hello **everyone**, glad to be here!");
    await b.page.getByRole("button", { name: en("posts.publish"), exact: true }).click();
    await b.page.getByText("glad to be here!").waitFor();
    await expectAccessible(b.page, "network page (member, 360 px)");

    // The facilitator's page was loaded before the post existed: it is announced rather than
    // pushed into the feed being read, and shown on request.
    await a.page
      .getByRole("button", { name: en("live.newPosts", { count: 1 }) })
      .click({ timeout: 10_000 });
    await a.page.getByText("glad to be here!").waitFor({ timeout: 10_000 });
    expect(await a.page.locator(".post-body strong", { hasText: "everyone" }).count()).toBe(1);

    // A reaction from the facilitator (folded behind "React") reaches the member too.
    await a.page
      .locator("summary", { hasText: en("reactions.react") })
      .first()
      .click();
    await a.page
      .getByRole("button", { name: new RegExp(en("reactions.celebrate")) })
      .first()
      .click();
    await b.page
      .locator('.reaction-counts [data-reaction="celebrate"]', { hasText: "1" })
      .waitFor({ timeout: 10_000 });

    expect(a.problems).toEqual([]);
    expect(b.problems).toEqual([]);
    await a.context.close();
    await b.context.close();
  });
  it("keeps post and comment text through hydration and the re-renders after a reaction", async () => {
    // Bodies leave the hydration data of a document (decision 022): the browser must keep the
    // server's HTML when React takes the page over, and after it renders the post again.
    const member = await app.createUser({ password, displayName: "Hana Hydrated" });
    const net = await app.server.createNetwork({ name: "Hydration Club", members: [member.id] });
    const post = await app.server.createPostAt({
      networkId: net.id,
      authorId: member.id,
      body: "Text kept **through** hydration",
    });
    const a = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await signIn(a.page, app, member.email);
    await a.page.goto(`${app.url}/networks/${net.id}/posts/${post.id}`);
    await a.page.getByLabel(en("posts.commentLabel")).first().fill("A comment that *stays*");
    await a.page
      .getByRole("button", { name: en("posts.sendComment"), exact: true })
      .first()
      .click();
    await a.page.locator(".post-body em", { hasText: "stays" }).waitFor();
    for (const path of [`/networks/${net.id}`, `/networks/${net.id}/posts/${post.id}`, "/"]) {
      await a.page.goto(`${app.url}${path}`);
      // React marks the elements it has hydrated with its own properties.
      await a.page.waitForFunction(() => {
        const body = document.querySelector(".post-body");
        return body !== null && Object.keys(body).some((key) => key.startsWith("__react"));
      });
      const bodies = a.page.locator(".post-body");
      await expect
        .poll(() => bodies.allTextContents(), { timeout: 5000 })
        .toEqual(["Text kept through hydration", "A comment that stays"]);
      await a.page
        .locator("summary", { hasText: en("reactions.react") })
        .first()
        .click();
      await a.page
        .getByRole("button", { name: new RegExp(en("reactions.celebrate")) })
        .first()
        .click();
      await a.page.waitForLoadState("networkidle");
      expect(await bodies.allTextContents(), path).toEqual([
        "Text kept through hydration",
        "A comment that stays",
      ]);
      expect(await a.page.locator(".post-body strong").textContent()).toBe("through");
    }
    expect(a.problems).toEqual([]);
    await a.context.close();
  });
});
