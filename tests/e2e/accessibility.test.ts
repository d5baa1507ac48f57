/**
 * Every page, in the states people meet them in (signed out, signed in, admin, with form errors),
 * checked with axe-core against WCAG 2.2 AA in the light and the dark colour scheme and laid out
 * as at 200 % zoom, and for catalogue keys shown instead of text (pageProblems()). The journeys
 * check the pages they pass through; this file covers the rest.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../setup/app";
import {
  hasChromium,
  launchBrowser,
  openPage,
  pageProblems,
  signInWithForm,
  translatorFor,
} from "../setup/browser";

const en = translatorFor("en");
const password = "a long and private passphrase";

/** Visits each path and checks it; one assertion at the end lists every page that failed. */
async function checkPages(page: Page, app: TestApp, paths: string[]): Promise<string[]> {
  const failures: string[] = [];
  for (const path of paths) {
    await page.goto(`${app.url}${path}`, { waitUntil: "networkidle" });
    failures.push(...(await pageProblems(page, path)));
  }
  return failures;
}

async function signIn(page: Page, app: TestApp, email: string) {
  await signInWithForm(page, app.url, email, password);
}

describe.skipIf(!hasChromium)("accessibility of every page", () => {
  let app: TestApp;
  let browser: Browser;
  let owner: { id: string; email: string };
  let trainer: { id: string; email: string };
  let admin: { email: string };
  let newcomer: { id: string; email: string };
  let provider: { id: string };
  let enterprise: { id: string };

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    owner = await app.createUser({
      displayName: "Siobhán Kelly",
      password,
      role: "owner",
      country: "IE",
      region: "Cork",
      headline: "Baker in Cork, 3 people",
      bio: "We bake sourdough and want to sell online.",
      languages: [
        { code: "en", level: "native" },
        { code: "de", level: "B1" },
      ],
      offered: ["customer-service"],
      wanted: ["online-shop", "website-building"],
    });
    trainer = await app.createUser({
      displayName: "Matteo Rossi",
      password,
      role: "educator",
      country: "IT",
      region: "Bologna",
      headline: "Digital skills trainer",
      offered: ["digital-basics", "online-shop"],
    });
    admin = await app.createUser({ displayName: "Ada Admin", password, isAdmin: true });
    newcomer = await app.createUser({
      displayName: "Ana Pop",
      password,
      verified: false,
      onboarded: false,
      country: null,
    });
    provider = await app.createOrganisation({
      kind: "provider",
      name: "Bologna Digital Academy",
      country: "IT",
      region: "Emilia-Romagna",
      website: "https://academy.example.org",
      description: "Evening courses for small businesses.",
      topics: ["digital-basics", "online-shop"],
      deliveryModes: ["online", "blended"],
      eqfLevels: [3, 4, 5],
      members: [
        { userId: trainer.id, role: "admin" },
        { userId: owner.id, status: "pending" },
      ],
    });
    enterprise = await app.createOrganisation({
      kind: "enterprise",
      name: "Kelly's Bakery",
      naceDivision: "10",
      sizeBand: "2-4",
      members: [{ userId: owner.id, role: "admin" }],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("pages for visitors", async () => {
    const { context, page, problems } = await openPage(browser);
    const failures = await checkPages(page, app, [
      "/",
      "/signin",
      "/signup",
      "/signup?sent=1",
      "/signin?verified=1&next=%2Fonboarding%2Fprofile",
      "/forgot-password",
      "/people",
      `/people?country=IT&role=educator`,
      "/people?country=FI",
      `/people/${owner.id}`,
      "/organisations",
      `/organisations/${provider.id}`,
      `/organisations/${enterprise.id}`,
      "/vocabularies",
      "/events",
      "/no-such-page",
      "/reset-password?token=not-a-token",
      "/verify-email?token=not-a-token",
    ]);

    // Forms sent back with errors.
    await page.goto(`${app.url}/signup`, { waitUntil: "networkidle" });
    await page.getByRole("button", { name: en("signup.submit") }).click();
    await page.getByRole("alert").or(page.locator("[aria-invalid=true]").first()).first().waitFor();
    failures.push(...(await pageProblems(page, "/signup with errors")));
    await page.goto(`${app.url}/signin`, { waitUntil: "networkidle" });
    await page.getByLabel(en("auth.email"), { exact: true }).fill(owner.email);
    await page.getByLabel(en("auth.password"), { exact: true }).fill("not the password at all");
    await page.getByRole("button", { name: en("signin.submit") }).click();
    await page.getByRole("alert").waitFor();
    failures.push(...(await pageProblems(page, "/signin with a wrong password")));

    expect(failures.join("\n\n")).toBe("");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("pages for a member who runs an organisation", async () => {
    const { context, page, problems } = await openPage(browser);
    await signIn(page, app, trainer.email);
    const failures = await checkPages(page, app, [
      "/",
      "/settings/account",
      "/settings/profile",
      `/people/${trainer.id}`,
      `/people/${owner.id}`,
      // With a join request waiting for a decision.
      `/organisations/${provider.id}`,
      "/onboarding/organisation?q=Bakery",
      "/agenda",
      "/agenda?view=month",
      "/settings/calendar",
    ]);
    expect(failures.join("\n\n")).toBe("");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("network pages, an organisation's edit form, installation settings and an invitation", async () => {
    // A network with something on every page: a post with a comment, a topic with a reply, a
    // shared link, a pending join request, and an invitation sent by email.
    const member = await app.createUser({ displayName: "Nuala Member", password });
    const network = await app.server.createNetwork({
      name: "Cork Bakers",
      visibility: "request",
      facilitators: [owner.id],
      members: [member.id, trainer.id],
      pending: [newcomer.id],
    });
    const ownerClient = app.client();
    await ownerClient.signIn(owner.email, password);
    const base = `/networks/${network.id}`;
    const post = await app.server.createPostAt({
      networkId: network.id,
      authorId: member.id,
      body: "Who has tried **rye** starters?",
    });
    const location = async (response: Response) => {
      expect(response.status, await response.clone().text()).toBe(302);
      return response.headers.get("location") ?? "";
    };
    await location(
      await ownerClient.post(base, {
        intent: "comment",
        postId: post.id,
        body: "I have, with @nuala.member",
        returnTo: "post",
        submissionKey: "a11y-comment-key",
      }),
    );
    const topicUrl = (
      await location(
        await ownerClient.post(`${base}/topics`, {
          intent: "create-topic",
          title: "Flour suppliers",
          body: "Where do you buy flour?",
          submissionKey: "a11y-topic-key",
        }),
      )
    ).split("?")[0];
    await location(
      await ownerClient.post(topicUrl, {
        intent: "reply",
        body: "The mill in Macroom.",
        submissionKey: "a11y-reply-key",
      }),
    );
    await location(
      await ownerClient.post(`${base}/resources`, {
        intent: "add-link",
        title: "Pricing calculator",
        description: "Works for bakeries.",
        url: "https://example.org/pricing",
        language: "en",
        topics: ["bookkeeping-basics"],
        submissionKey: "a11y-resource-key",
      }),
    );
    const invited = `invited${Date.now()}@example.org`;
    const sent = await ownerClient.post(`${base}/members`, {
      intent: "invite-emails",
      emails: invited,
    });
    expect(sent.status).toBe(200);
    const invitation = new URL(app.linkIn(await app.lastMailTo(invited), "/invitations/"));

    const { context, page, problems } = await openPage(browser);
    await signIn(page, app, owner.email);
    const failures = await checkPages(page, app, [
      base,
      `${base}/posts/${post.id}`,
      `${base}/topics`,
      topicUrl,
      `${base}/resources`,
      `${base}/members`,
      `${base}/settings`,
      `/organisations/${enterprise.id}/edit`,
    ]);
    await context.close();

    const visitor = await openPage(browser);
    failures.push(...(await checkPages(visitor.page, app, [invitation.pathname])));
    await visitor.context.close();

    const adminPage = await openPage(browser);
    await signIn(adminPage.page, app, admin.email);
    failures.push(...(await checkPages(adminPage.page, app, ["/admin/settings"])));
    await adminPage.context.close();

    expect(failures.join("\n\n")).toBe("");
    expect([...problems, ...visitor.problems, ...adminPage.problems]).toEqual([]);
  });

  it("key pages on a 360 px phone, menus open", async () => {
    // pageProblems() looks at each page at 360 px and again laid out as at 200 % zoom, with the
    // header menu closed and open, so its links are checked too (target-size included, WCAG 2.2).
    const member = await app.createUser({ displayName: "Zoe Zoom", password });
    const network = await app.server.createNetwork({
      name: "Phone Bakers",
      facilitators: [owner.id],
      members: [member.id],
    });
    const base = `/networks/${network.id}`;
    const post = await app.server.createPostAt({
      networkId: network.id,
      authorId: member.id,
      body: "Small pages for **small** screens",
    });
    const failures: string[] = [];
    const { context, page, problems } = await openPage(browser, {
      viewport: { width: 360, height: 740 },
    });
    await signIn(page, app, owner.email);
    for (const path of [
      "/",
      "/networks",
      "/people",
      "/vocabularies",
      base,
      `${base}/posts/${post.id}`,
      `${base}/topics`,
      `${base}/members`,
    ]) {
      await page.goto(`${app.url}${path}`, { waitUntil: "networkidle" });
      failures.push(...(await pageProblems(page, `${path} (360 px)`)));
      await page.locator("summary", { hasText: en("nav.menu") }).click();
      failures.push(...(await pageProblems(page, `${path} (360 px, menu open)`)));
    }
    expect(problems).toEqual([]);
    await context.close();
    expect(failures.join("\n\n")).toBe("");
  });

  it("pages for a newcomer and for an admin", async () => {
    const first = await openPage(browser);
    await signIn(first.page, app, newcomer.email);
    const failures = await checkPages(first.page, app, [
      "/",
      "/verify-email",
      "/onboarding/profile",
    ]);
    // The profile form sent back with errors (no country, no language).
    await first.page.getByRole("button", { name: en("onboarding.next") }).click();
    await first.page.getByRole("alert").waitFor();
    failures.push(...(await pageProblems(first.page, "/onboarding/profile with errors")));
    await first.context.close();

    const second = await openPage(browser);
    await signIn(second.page, app, admin.email);
    failures.push(
      ...(await checkPages(second.page, app, [
        "/admin/users",
        "/admin/users?q=Kelly",
        "/admin/jobs",
      ])),
    );
    await second.context.close();

    expect(failures.join("\n\n")).toBe("");
    expect([...first.problems, ...second.problems]).toEqual([]);
  });
});
