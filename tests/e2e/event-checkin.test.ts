/**
 * The check-in desk on a phone-sized screen in Chromium: a facilitator types an attendee's short
 * code at 360 px, sees them arrive, and sees a check-in made on another phone appear without
 * reloading. No horizontal scrolling, no accessibility violations, no console errors.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, TestClient } from "../setup/app";
import {
  expectAccessible,
  hasChromium,
  launchBrowser,
  openPage,
  signInWithForm,
  translatorFor,
} from "../setup/browser";
import { qrCameraVideo } from "../setup/camera";
import { eventForm } from "../setup/events";

const en = translatorFor("en");
const password = "a long enough passphrase";
const year = new Date().getUTCFullYear() + 1;

describe.skipIf(!hasChromium)("the check-in desk in Chromium", () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function client(email: string) {
    const c = new TestClient(app.url);
    await c.signIn(email, password);
    return c;
  }

  it("checks in a typed short code at 360 px and shows other phones' check-ins live", async () => {
    const facilitator = await app.createUser({
      password,
      displayName: "Fotini Facilitator",
      timeZone: "Europe/Athens",
    });
    const anna = await app.createUser({ password, displayName: "Anna Attendee" });
    const ben = await app.createUser({ password, displayName: "Ben Bystander" });
    const network = await app.server.createNetwork({
      facilitators: [facilitator.id],
      members: [anna.id, ben.id],
      languages: ["en"],
    });
    const host = await client(facilitator.email);
    const created = await host.post(
      `/networks/${network.id}/events/new`,
      eventForm({ title: "Bakers at the door", description: "" }),
    );
    const eventId = created.headers.get("location")?.split("/").at(-1) ?? "";
    const codes: string[] = [];
    for (const person of [anna, ben]) {
      const c = await client(person.email);
      await c.post(`/networks/${network.id}/events/${eventId}`, {
        intent: "rsvp",
        answer: "going",
      });
      const page = await (await c.get(`/networks/${network.id}/events/${eventId}`)).text();
      codes.push(page.match(/class="check-in-code"[^>]*>([A-Z2-9]{4}-[A-Z2-9]{4})</)?.[1] ?? "");
    }
    expect(codes[0]).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    // The meeting starts in half an hour: the desk is open.
    await app.server.queryRows(
      app.server.rawSql(
        `update events set starts_at = now() + interval '30 minutes', ends_at = now() + interval '150 minutes' where id = '${eventId}'`,
      ),
    );

    const { page, problems } = await openPage(browser, {
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    await signInWithForm(page, app.url, facilitator.email, password);
    await page.goto(`${app.url}/networks/${network.id}/events/${eventId}/check-in`, {
      waitUntil: "networkidle",
    });
    await page.getByText(en("events.checkIn.liveOn")).waitFor();
    await expectAccessible(page, "check-in desk");
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);

    await page
      .getByLabel(en("events.checkIn.codeLabel"), { exact: true })
      .fill(codes[0].toLowerCase());
    await page.getByRole("button", { name: en("events.checkIn.checkIn"), exact: true }).click();
    await page.getByText(en("events.checkIn.done", { name: "Anna Attendee" })).waitFor();
    // The field is empty again for the next person at the door.
    expect(
      await page.getByLabel(en("events.checkIn.codeLabel"), { exact: true }).inputValue(),
    ).toBe("");
    await page.getByText(en("events.checkIn.counts", { arrived: 1, going: 2 })).waitFor();

    // Another facilitator's phone (here: a plain HTTP client) checks Ben in: the list follows.
    const other = await host.post(`/networks/${network.id}/events/${eventId}/check-in`, {
      intent: "code",
      code: codes[1],
    });
    expect(other.status).toBe(200);
    await page.getByText(en("events.checkIn.counts", { arrived: 2, going: 2 })).waitFor();
    await page.locator(".check-in-list").getByText("Ben Bystander").waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectAccessible(page, "check-in desk after two arrivals");
    expect(problems).toEqual([]);

    // Anna's phone shows her QR code and short code on the event page, readable at 360 px.
    const phone = await openPage(browser, {
      viewport: { width: 360, height: 740 },
      isMobile: true,
    });
    await signInWithForm(phone.page, app.url, anna.email, password);
    await phone.page.goto(`${app.url}/networks/${network.id}/events/${eventId}`);
    const qr = phone.page.getByRole("img", { name: en("events.checkIn.qrLabel") });
    await qr.waitFor();
    const box = await qr.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(150);
    await phone.page.getByText(codes[0], { exact: true }).waitFor();
    await expectAccessible(phone.page, "event page with a personal code");
    expect(phone.problems).toEqual([]);
  });

  it("takes an attendee's feedback on a phone and shows the facilitator the results", async () => {
    const facilitator = await app.createUser({ password, displayName: "Faye Facilitator" });
    const anna = await app.createUser({ password, displayName: "Anna Answerer" });
    const network = await app.server.createNetwork({
      facilitators: [facilitator.id],
      members: [anna.id],
      languages: ["en"],
    });
    const host = await client(facilitator.email);
    const created = await host.post(
      `/networks/${network.id}/events/new`,
      eventForm({
        title: "Pricing clinic",
        kind: "online",
        venue: "",
        address: "",
        meetingUrl: "https://meet.example.org/pricing",
        timeZone: "Europe/Dublin",
        startsAt: `${year}-03-10T18:30`,
        endsAt: `${year}-03-10T20:00`,
        description: "",
      }),
    );
    const eventId = created.headers.get("location")?.split("/").at(-1) ?? "";
    const guest = await client(anna.email);
    await guest.post(`/networks/${network.id}/events/${eventId}`, {
      intent: "rsvp",
      answer: "going",
    });
    const sql = (text: string) => app.server.queryRows(app.server.rawSql(text));
    await sql(
      `update events set starts_at = now() - interval '30 minutes', ends_at = now() + interval '60 minutes' where id = '${eventId}'`,
    );
    const ticked = await host.post(`/networks/${network.id}/events/${eventId}/check-in`, {
      intent: "person",
      method: "online",
      userId: anna.id,
    });
    expect(ticked.status).toBe(200);
    await sql(
      `update events set starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' where id = '${eventId}'`,
    );

    const { page, problems } = await openPage(browser, {
      viewport: { width: 360, height: 740 },
      isMobile: true,
    });
    await signInWithForm(page, app.url, anna.email, password);
    await page.goto(`${app.url}/networks/${network.id}/events/${eventId}`);
    await page.getByRole("link", { name: en("events.feedback.give") }).click();
    await page.waitForURL(/\/feedback$/);
    await expectAccessible(page, "feedback form");
    await page.getByRole("radio", { name: en("events.feedback.mark.4") }).check();
    await page.getByRole("radio", { name: en("events.feedback.next.go_deeper") }).check();
    await page.getByLabel(en("events.feedback.comment")).fill("More on wholesale prices, please.");
    await page.getByRole("button", { name: en("events.feedback.send") }).click();
    await page.getByText(en("events.feedback.thanks")).waitFor();
    expect(await page.getByRole("radio", { name: en("events.feedback.mark.4") }).isChecked()).toBe(
      true,
    );
    expect(problems).toEqual([]);

    const desk = await openPage(browser, { viewport: { width: 360, height: 740 }, isMobile: true });
    await signInWithForm(desk.page, app.url, facilitator.email, password);
    await desk.page.goto(`${app.url}/networks/${network.id}/events/${eventId}/feedback/results`);
    await desk.page.getByText("More on wholesale prices, please.").waitFor();
    await desk.page
      .getByText(en("events.feedback.answersCount", { count: 1 }), { exact: false })
      .waitFor();
    await expectAccessible(desk.page, "feedback results");
    expect(desk.problems).toEqual([]);
  });
  it("checks a person in from the phone's camera pointed at their QR code", async () => {
    const facilitator = await app.createUser({
      password,
      displayName: "Cora Camera",
      timeZone: "Europe/Athens",
    });
    const anna = await app.createUser({ password, displayName: "Anna Scanned" });
    const network = await app.server.createNetwork({
      facilitators: [facilitator.id],
      members: [anna.id],
      languages: ["en"],
    });
    const host = await client(facilitator.email);
    const created = await host.post(
      `/networks/${network.id}/events/new`,
      eventForm({ title: "Bakers at the camera", description: "" }),
    );
    const eventId = created.headers.get("location")?.split("/").at(-1) ?? "";
    const guest = await client(anna.email);
    await guest.post(`/networks/${network.id}/events/${eventId}`, {
      intent: "rsvp",
      answer: "going",
    });
    const page = await (await guest.get(`/networks/${network.id}/events/${eventId}`)).text();
    const code = page.match(/class="check-in-code"[^>]*>([A-Z2-9]{4}-[A-Z2-9]{4})</)?.[1] ?? "";
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await app.server.queryRows(
      app.server.rawSql(
        `update events set starts_at = now() + interval '30 minutes', ends_at = now() + interval '150 minutes' where id = '${eventId}'`,
      ),
    );
    // What Anna's QR code holds (the page draws it from this link); Chromium's fake camera
    // plays a video of that QR code, so the page's scanner reads real pixels.
    const link = `${app.url}/networks/${network.id}/events/${eventId}/check-in?code=${code.replace("-", "")}`;
    // The server forbids the camera everywhere but on the desk.
    const desk = await host.get(`/networks/${network.id}/events/${eventId}/check-in`);
    expect(desk.headers.get("permissions-policy")).toContain("camera=(self)");
    const eventPage = await host.get(`/networks/${network.id}/events/${eventId}`);
    expect(eventPage.headers.get("permissions-policy")).toContain("camera=()");
    const video = await qrCameraVideo(link);
    const cameraBrowser = await launchBrowser([
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
      `--use-file-for-fake-video-capture=${video}`,
    ]);
    try {
      const phone = await openPage(cameraBrowser, {
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
        permissions: ["camera"],
      });
      await signInWithForm(phone.page, app.url, facilitator.email, password);
      await phone.page.goto(`${app.url}/networks/${network.id}/events/${eventId}/check-in`, {
        waitUntil: "networkidle",
      });
      await phone.page.getByRole("button", { name: en("events.checkIn.scan") }).click();
      await phone.page
        .getByText(en("events.checkIn.done", { name: "Anna Scanned" }))
        .waitFor({ timeout: 20_000 });
      const [{ method }] = await app.server.queryRows<{ method: string }>(
        app.server.rawSql(
          `select method from event_attendance where event_id = '${eventId}' and user_id = '${anna.id}'`,
        ),
      );
      expect(method).toBe("qr");
      // The scanned link does not stay in the field for the next person.
      expect(
        await phone.page.getByLabel(en("events.checkIn.codeLabel"), { exact: true }).inputValue(),
      ).toBe("");
      expect(phone.problems).toEqual([]);
    } finally {
      await cameraBrowser.close();
    }
  });
});
