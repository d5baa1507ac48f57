/**
 * Notification mails as the recipient reads them: in their language, plain text and HTML with
 * the same content, every link absolute, and a one-click unsubscribe link for what the mail is
 * about. Rendering only: what is sent and when is decided in email.server.ts and
 * digest.server.ts.
 */

import { inArray } from "drizzle-orm";
import QRCode from "qrcode";
import { type Db, getDb } from "~/db/client.server";
import { networks, users } from "~/db/schema";
import { translatorFor } from "~/i18n/catalogue.server";
import { isLocale, type Locale, type Translate } from "~/i18n/i18n";
import { getEnv } from "~/lib/env.server";
import type { InlineImage, Mail } from "~/lib/mail.server";
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from "~/lib/time-zones";
import { formatDateTime } from "~/ui/format";
import type { DigestTiming } from "./digest-schedule";
import {
  isNotificationKind,
  messageValuesOf,
  type NotificationData,
  type NotificationKind,
  notificationKinds,
} from "./kinds";
import { unsubscribeHeaders, unsubscribeUrl } from "./unsubscribe.server";

/** A notification row as the mail code needs it. */
export type MailedNotification = {
  id: string;
  kind: string;
  groupKey: string;
  actorId: string | null;
  networkId: string | null;
  data: NotificationData;
  createdAt: Date;
  /** The actor's and network's names when the caller's query already read them. */
  actorName?: string | null;
  networkName?: string | null;
};

/** The person a mail goes to. */
export type Recipient = {
  id: string;
  email: string;
  displayName: string;
  locale: string;
  timeZone: string;
};

/** One line of a mail: rows of one kind and group shown together ("Maria and 4 others …"). */
type Line = { kind: NotificationKind; text: string; url: string; newest: Date };

/** The most lines a digest lists; the rest are counted and wait in the app. */
export const DIGEST_MAX_LINES = 40;

function absolute(path: string): string {
  const base = getEnv().PUBLIC_URL;
  // Links come from the registry and always start with one slash; anything else goes home.
  return new URL(path.startsWith("/") && !path.startsWith("//") ? path : "/", base).href;
}

function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/**
 * Names of the actors and networks the rows mention: those the rows carry, the others in one
 * query each.
 */
async function namesFor(rows: MailedNotification[], db: Db) {
  const actor = new Map<string, string>();
  const network = new Map<string, string>();
  for (const row of rows) {
    if (row.actorId && row.actorName) actor.set(row.actorId, row.actorName);
    if (row.networkId && row.networkName) network.set(row.networkId, row.networkName);
  }
  const actorIds = [
    ...new Set(
      rows
        .filter((r) => r.actorName === undefined)
        .map((r) => r.actorId)
        .filter((id): id is string => !!id),
    ),
  ];
  const networkIds = [
    ...new Set(
      rows
        .filter((r) => r.networkName === undefined)
        .map((r) => r.networkId)
        .filter((id): id is string => !!id),
    ),
  ];
  const [actors, nets] = await Promise.all([
    actorIds.length
      ? db
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(inArray(users.id, actorIds))
      : [],
    networkIds.length
      ? db
          .select({ id: networks.id, name: networks.name })
          .from(networks)
          .where(inArray(networks.id, networkIds))
      : [],
  ]);
  for (const a of actors) actor.set(a.id, a.name);
  for (const n of nets) network.set(n.id, n.name);
  return { actor, network };
}

const collators = new Map<Locale, Intl.Collator>();

/** Rows grouped by (kind, group key), newest group first, each as one translated line. */
function linesOf(
  rows: MailedNotification[],
  names: Awaited<ReturnType<typeof namesFor>>,
  t: Translate,
): Line[] {
  const groups = new Map<string, MailedNotification[]>();
  for (const row of rows) {
    if (!isNotificationKind(row.kind)) continue;
    const key = `${row.kind}\u0000${row.groupKey}`;
    const list = groups.get(key) ?? [];
    list.push(row);
    groups.set(key, list);
  }
  const lines: Line[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    const newest = group[0];
    const kind = newest.kind as NotificationKind;
    const definition = notificationKinds[kind];
    const actors = new Set(group.map((r) => r.actorId).filter(Boolean));
    const actorName =
      (newest.actorId && names.actor.get(newest.actorId)) || t("notifications.email.someone");
    const networkName =
      (newest.networkId && names.network.get(newest.networkId)) ||
      String(newest.data.network ?? "");
    lines.push({
      kind,
      text: t(definition.message, {
        ...messageValuesOf(kind, newest.data),
        actor: actorName,
        others: Math.max(0, actors.size - 1),
        title: String(newest.data.title ?? ""),
        network: networkName,
      }),
      url: absolute(definition.link(newest.data)),
      newest: newest.createdAt,
    });
  }
  return lines.sort((a, b) => b.newest.getTime() - a.newest.getTime());
}

function localeOf(recipient: Recipient): Locale {
  return isLocale(recipient.locale) ? recipient.locale : "en";
}

function htmlPage(locale: Locale, title: string, body: string): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:40em;margin:0 auto;padding:1em;color:#1a1a1a">${body}</body></html>`;
}

/** The footer both parts end with: why this mail, where to change it, how to stop it. */
function footer(t: Translate, reason: string, stops: Array<{ label: string; url: string }>) {
  const settings = absolute("/settings/notifications");
  const text = [
    "",
    "--",
    reason,
    t("notifications.email.settings", { link: settings }),
    ...stops.map((s) => `${s.label}: ${s.url}`),
  ].join("\n");
  const html = `<hr><p style="font-size:0.9em;color:#555">${escapeHtml(reason)}<br><a href="${escapeHtml(settings)}">${escapeHtml(t("notifications.email.settingsLink"))}</a>${stops
    .map((s) => `<br><a href="${escapeHtml(s.url)}">${escapeHtml(s.label)}</a>`)
    .join("")}</p>`;
  return { text, html };
}

/**
 * For an event's notification (its data carries `startsAt` and the organiser's `timeZone`): when
 * it starts in the reader's own zone and language, the zone named, and the organiser's time too
 * when their zone is another (decision 017). Nothing for other kinds.
 */
function eventTimes(row: MailedNotification, recipient: Recipient, locale: Locale, t: Translate) {
  const { startsAt, timeZone } = row.data;
  if (typeof startsAt !== "string" || typeof timeZone !== "string") return [];
  const instant = new Date(startsAt);
  if (Number.isNaN(instant.getTime())) return [];
  const zone = canonicalTimeZone(recipient.timeZone) ?? DEFAULT_TIME_ZONE;
  const lines = [
    t("notifications.email.eventStarts", {
      time: formatDateTime(instant, locale, zone, "id"),
    }),
  ];
  const organiser = canonicalTimeZone(timeZone);
  if (organiser && organiser !== zone) {
    lines.push(
      t("events.organiserTime", { time: formatDateTime(instant, locale, organiser, "id") }),
    );
  }
  return lines;
}

/**
 * The QR code of a person's check-in link (a reminder for a face-to-face meeting), as a PNG the
 * HTML part shows inline: scanned at the door from the phone's mail app. Only a link of this
 * installation is drawn.
 */
async function checkInQr(url: unknown): Promise<InlineImage | null> {
  if (typeof url !== "string" || !url.startsWith(`${getEnv().PUBLIC_URL}/`)) return null;
  const png = await QRCode.toBuffer(url, {
    type: "png",
    errorCorrectionLevel: "M",
    margin: 2,
    width: 200,
  });
  return {
    cid: "check-in-qr@synergy",
    filename: "check-in.png",
    pngBase64: png.toString("base64"),
  };
}

/** The mail for one notification the person wants at once. */
export async function renderImmediateMail(
  recipient: Recipient,
  row: MailedNotification,
  db: Db = getDb(),
): Promise<Mail | null> {
  if (!isNotificationKind(row.kind)) return null;
  const locale = localeOf(recipient);
  const t = translatorFor(locale);
  const [line] = linesOf([row], await namesFor([row], db), t);
  const kind = row.kind;
  const stop = {
    label: t("notifications.email.stopKind", { kind: t(`notifications.kindName.${kind}`) }),
    url: unsubscribeUrl(recipient.id, kind),
  };
  const end = footer(t, t("notifications.email.whyImmediately"), [stop]);
  const greeting = t("notifications.email.greeting", { name: recipient.displayName });
  const open = t("notifications.email.open");
  const times = eventTimes(row, recipient, locale, t);
  // An event reminder carries the person's check-in code for the door (decision 017).
  const code = typeof row.data.checkInCode === "string" ? row.data.checkInCode : "";
  const note = code ? t("notifications.email.checkInCode", { code }) : "";
  const qr = code ? await checkInQr(row.data.checkInUrl) : null;
  const text = [
    greeting,
    "",
    line.text,
    ...times,
    ...(note ? ["", note] : []),
    "",
    `${open}: ${line.url}`,
    end.text,
  ].join("\n");
  const html = htmlPage(
    locale,
    line.text,
    `<p>${escapeHtml(greeting)}</p><p><strong>${escapeHtml(line.text)}</strong>${times
      .map((l) => `<br>${escapeHtml(l)}`)
      .join("")}</p>${note ? `<p>${escapeHtml(note)}</p>` : ""}${
      qr
        ? `<p><img src="cid:${qr.cid}" width="200" height="200" alt="${escapeHtml(t("events.checkIn.qrLabel"))}"></p>`
        : ""
    }<p><a href="${escapeHtml(line.url)}">${escapeHtml(open)}</a></p>${end.html}`,
  );
  return {
    to: recipient.email,
    subject: line.text.length > 150 ? `${line.text.slice(0, 149)}…` : line.text,
    text,
    html,
    headers: { ...unsubscribeHeaders(recipient.id, kind), "Auto-Submitted": "auto-generated" },
    ...(qr ? { inlineImages: [qr] } : {}),
  };
}

/**
 * The digest: the rows grouped by network (networks by name, then what belongs to none), each
 * network's lines newest first, at most DIGEST_MAX_LINES lines in all. Null when no row is of a
 * known kind.
 */
export async function renderDigestMail(
  recipient: Recipient,
  rows: MailedNotification[],
  timing: DigestTiming,
  db: Db = getDb(),
): Promise<Mail | null> {
  const locale = localeOf(recipient);
  const t = translatorFor(locale);
  const names = await namesFor(rows, db);
  const byNetwork = new Map<string, MailedNotification[]>();
  for (const row of rows) {
    const key = row.networkId ?? "";
    const list = byNetwork.get(key) ?? [];
    list.push(row);
    byNetwork.set(key, list);
  }
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale);
    collators.set(locale, collator);
  }
  const sections = [...byNetwork]
    .map(([networkId, list]) => ({
      title: networkId
        ? (names.network.get(networkId) ?? t("notifications.digest.elsewhere"))
        : t("notifications.digest.elsewhere"),
      isElsewhere: networkId === "",
      lines: linesOf(list, names, t),
    }))
    .filter((s) => s.lines.length > 0)
    .sort((a, b) =>
      a.isElsewhere !== b.isElsewhere
        ? a.isElsewhere
          ? 1
          : -1
        : collator.compare(a.title, b.title),
    );
  const total = sections.reduce((sum, s) => sum + s.lines.length, 0);
  if (total === 0) return null;

  let budget = DIGEST_MAX_LINES;
  const shown = sections
    .map((s) => {
      const lines = s.lines.slice(0, Math.max(0, budget));
      budget -= lines.length;
      return { ...s, lines };
    })
    .filter((s) => s.lines.length > 0);
  const hidden = total - (DIGEST_MAX_LINES - Math.max(0, budget));
  const kinds = [...new Set(sections.flatMap((s) => s.lines.map((l) => l.kind)))];

  const zone = canonicalTimeZone(recipient.timeZone) ?? DEFAULT_TIME_ZONE;
  const subject = t("notifications.digest.subject", { count: total });
  const greeting = t("notifications.email.greeting", { name: recipient.displayName });
  const intro = t(
    timing.frequency === "weekly"
      ? "notifications.digest.introWeekly"
      : "notifications.digest.introDaily",
  );
  const more = hidden > 0 ? t("notifications.digest.more", { count: hidden }) : "";
  const inbox = absolute("/notifications");
  const stops = [
    ...kinds.map((kind) => ({
      label: t("notifications.email.stopKind", { kind: t(`notifications.kindName.${kind}`) }),
      url: unsubscribeUrl(recipient.id, kind),
    })),
    { label: t("notifications.digest.stopAll"), url: unsubscribeUrl(recipient.id, "digest") },
  ];
  const end = footer(t, t("notifications.digest.why"), stops);
  const time = (line: Line) => formatDateTime(line.newest, locale, zone);

  const textSections = shown.map((s) =>
    [`## ${s.title}`, ...s.lines.map((l) => `- ${l.text} (${time(l)})\n  ${l.url}`)].join("\n"),
  );
  const text = [
    greeting,
    "",
    intro,
    "",
    textSections.join("\n\n"),
    ...(more ? ["", `${more} ${inbox}`] : []),
    end.text,
  ].join("\n");
  const htmlSections = shown
    .map(
      (s) =>
        `<h2 style="font-size:1.1em;margin-top:1.5em">${escapeHtml(s.title)}</h2><ul>${s.lines
          .map(
            (l) =>
              `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.text)}</a> <span style="color:#555">(${escapeHtml(time(l))})</span></li>`,
          )
          .join("")}</ul>`,
    )
    .join("");
  const html = htmlPage(
    locale,
    subject,
    `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(intro)}</p>${htmlSections}${
      more ? `<p><a href="${escapeHtml(inbox)}">${escapeHtml(more)}</a></p>` : ""
    }${end.html}`,
  );
  return {
    to: recipient.email,
    subject,
    text,
    html,
    headers: { ...unsubscribeHeaders(recipient.id, "digest"), "Auto-Submitted": "auto-generated" },
  };
}
