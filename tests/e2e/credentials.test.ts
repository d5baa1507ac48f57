/**
 * Certificates in a browser on a 360 px phone without JavaScript, checked with axe-core in both
 * colour schemes: a learner reading Greek sees their badge, hides and shows it, downloads it
 * and checks it on /verify by uploading the file; the course owner revokes it with a reason
 * and /verify then says so.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
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

const password = "a long and private passphrase";

describe.skipIf(!hasChromium)("certificates and badges", () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("a learner checks their badge; after the owner revokes it, /verify says so", async () => {
    const el = translatorFor("el");
    const en = translatorFor("en");
    const owner = await app.createUser({
      displayName: "Eleni Georgiou",
      role: "educator",
      password,
    });
    const learner = await app.createUser({ displayName: "Νίκος Ανδρέου", locale: "el", password });
    const [course] = await app.server.queryRows<{ id: string }>(
      app.server.rawSql(`insert into courses (owner_id, status, title, language, published_at)
        values ('${owner.id}', 'published', 'Εισαγωγή για ιδιοκτήτες', 'el', now()) returning id`),
    );
    const [enrolment] = await app.server.queryRows<{ id: string }>(
      app.server.rawSql(`insert into enrolments (course_id, user_id, status, completed_at)
        values ('${course.id}', '${learner.id}', 'completed', now()) returning id`),
    );
    await app.server.enqueue(
      "credentials.issue",
      { enrolmentId: enrolment.id },
      {
        key: enrolment.id,
      },
    );
    await app.server.waitForJobs({ names: ["credentials.issue"], timeoutMs: 20_000 });
    const [credential] = await app.server.queryRows<{ id: string }>(
      app.server.rawSql(`select id from credentials where enrolment_id = '${enrolment.id}'`),
    );
    expect(credential?.id).toBeTruthy();

    const failures: string[] = [];
    const { context, page, problems } = await openPage(browser, {
      viewport: { width: 360, height: 740 },
      javaScriptEnabled: false,
    });
    await signInWithForm(page, app.url, learner.email, password);
    await page.goto(`${app.url}/badges`);
    failures.push(...(await pageProblems(page, "/badges")));
    await page.getByRole("button", { name: el("credentials.badges.hide") }).click();
    await page.waitForLoadState("load");
    expect(await page.content()).toContain(el("credentials.badges.hidden"));
    await page.getByRole("button", { name: el("credentials.badges.show") }).click();
    await page.waitForLoadState("load");

    await page.goto(`${app.url}/people/${learner.id}`);
    expect(await page.content()).toContain(`/credentials/${credential.id}`);
    failures.push(...(await pageProblems(page, "/people/:id (own badges)")));

    await page.goto(`${app.url}/credentials/${credential.id}`);
    failures.push(...(await pageProblems(page, "/credentials/:id")));
    expect(await page.content()).toContain(el("credentials.status.valid"));

    const download = await fetch(`${app.url}/credentials/${credential.id}/credential.json`);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "badge-")), "badge.json");
    fs.writeFileSync(file, await download.text());

    await page.goto(`${app.url}/verify`);
    failures.push(...(await pageProblems(page, "/verify")));
    await page.getByLabel(el("credentials.verify.upload")).setInputFiles(file);
    await page.getByRole("button", { name: el("credentials.verify.submit") }).click();
    await page.waitForLoadState("load");
    expect(await page.content()).toContain(el("credentials.verify.valid"));
    await context.close();

    // The course owner revokes it, in English.
    const second = await openPage(browser, {
      viewport: { width: 360, height: 740 },
      javaScriptEnabled: false,
    });
    await signInWithForm(second.page, app.url, owner.email, password);
    await second.page.goto(`${app.url}/credentials/${credential.id}/revoke`);
    failures.push(...(await pageProblems(second.page, "/credentials/:id/revoke")));
    await second.page.getByLabel(en("credentials.revoke.reason")).fill("Enrolled by mistake.");
    await second.page.getByRole("button", { name: en("credentials.revoke.submit") }).click();
    await second.page.waitForURL(`${app.url}/credentials/${credential.id}`);
    expect(await second.page.content()).toContain("Enrolled by mistake.");

    await second.page.goto(`${app.url}/verify`);
    await second.page
      .getByLabel(en("credentials.verify.paste"))
      .fill(fs.readFileSync(file, "utf8"));
    await second.page.getByRole("button", { name: en("credentials.verify.submit") }).click();
    await second.page.waitForLoadState("load");
    expect(await second.page.content()).toContain(en("credentials.verify.revoked"));
    failures.push(...(await pageProblems(second.page, "/verify (revoked)")));

    expect(failures).toEqual([]);
    expect(problems).toEqual([]);
    expect(second.problems).toEqual([]);
    await second.context.close();
  }, 300_000);
});
