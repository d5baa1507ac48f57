import fs from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { z } from "zod";
import { type Db, getDb } from "~/db/client.server";
import { deliveredMails } from "~/db/schema";
import { getEnv } from "./env.server";
import { defineJob, enqueue } from "./jobs.server";
import { getLogger } from "./logger.server";

/**
 * One email. `text` is always sent; `html`, when given, is its alternative part (the same
 * content, for mail programs that show HTML). `headers` adds header lines such as
 * List-Unsubscribe; names are checked so that a caller cannot override From, To or Subject.
 */
export type Mail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  /** Images the HTML part shows as `<img src="cid:…">` (a PNG each, small: a QR code). */
  inlineImages?: InlineImage[];
};

export type InlineImage = { cid: string; filename: string; pngBase64: string };

const inlineImage = z.object({
  cid: z.string().regex(/^[a-z0-9.-]+@[a-z0-9.-]+$/),
  filename: z.string().regex(/^[a-z0-9-]+\.png$/),
  pngBase64: z
    .string()
    .max(100_000)
    .regex(/^[A-Za-z0-9+/]+=*$/),
});

/** Header lines a caller may add (others are set by the mail code itself). */
const extraHeaderName = z
  .string()
  .regex(/^(List-[A-Za-z-]+|X-[A-Za-z0-9-]+|Auto-Submitted|Precedence)$/);

const mailJobPayload = z.object({
  to: z.string().min(3).max(320),
  subject: z.string().max(1000),
  text: z.string().max(100_000),
  html: z.string().max(400_000).optional(),
  // Values must not carry line breaks: they would start header lines of their own.
  headers: z
    .record(
      extraHeaderName,
      z
        .string()
        .max(2000)
        .regex(/^[^\r\n]*$/),
    )
    .optional(),
  inlineImages: z.array(inlineImage).max(3).optional(),
  /** When it was queued (ms and a sub-ms counter): names the .eml file so files sort in order. */
  queuedAt: z.string().regex(/^\d+-\d+$/),
});

let transport: Transporter | undefined;

/**
 * Sends one email as a durable job: it is delivered by a worker, retried with backoff, and
 * delivered once even when a process dies mid-way. With `key` (say "invite:<invitation id>"),
 * sending the same key again does nothing. With `tx`, the mail is queued in that transaction,
 * so it goes out exactly when the write commits. Without `tx`, a failing queue is logged and
 * swallowed: the caller's write has already committed and must not turn into an error.
 */
export async function sendMail(mail: Mail, options: { key?: string; tx?: Db } = {}): Promise<void> {
  const data = { ...mail, queuedAt: `${Date.now()}-${process.hrtime.bigint()}` };
  if (options.tx) {
    await enqueue("mail.send", data, options);
    return;
  }
  try {
    await enqueue("mail.send", data, options);
  } catch (error) {
    getLogger().error(
      { err: { message: (error as Error).message }, subject: mail.subject },
      "mail could not be queued",
    );
  }
}

/**
 * Delivers one queued mail: over SMTP when SMTP_URL is set, otherwise as an .eml file in
 * DATA_DIR/mail/ (and logged) so that a local installation can still be tried end to end.
 * Delivered at most once per job id: the file is created exclusively under a name derived from
 * the id; for SMTP a delivered-keys row is checked before and written after sending (a crash in
 * between those two can still send twice; SMTP offers nothing better).
 */
export const mailJob = defineJob({
  name: "mail.send",
  payload: mailJobPayload,
  retryLimit: 8,
  retryDelaySeconds: 5,
  expireInSeconds: 30,
  batchSize: 20,
  pollingIntervalSeconds: 1,
  async handle(mail, job) {
    const env = getEnv();
    const message = {
      from: env.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.html ? { html: mail.html } : {}),
      ...(mail.headers ? { headers: mail.headers } : {}),
      ...(mail.inlineImages?.length
        ? {
            attachments: mail.inlineImages.map((image) => ({
              filename: image.filename,
              content: Buffer.from(image.pngBase64, "base64"),
              contentType: "image/png",
              cid: image.cid,
              contentDisposition: "inline" as const,
            })),
          }
        : {}),
    };
    if (env.SMTP_URL) {
      const db = getDb();
      const [known] = await db
        .select({ key: deliveredMails.key })
        .from(deliveredMails)
        .where(sql`${deliveredMails.key} = ${job.id}`);
      if (known) return;
      transport ??= nodemailer.createTransport(env.SMTP_URL);
      await transport.sendMail(message);
      await db.insert(deliveredMails).values({ key: job.id }).onConflictDoNothing();
      return;
    }
    const writer = nodemailer.createTransport({
      streamTransport: true,
      buffer: true,
      newline: "unix",
    });
    const info = await writer.sendMail(message);
    const dir = path.join(env.dataDir, "mail");
    await fs.mkdir(dir, { recursive: true });
    const safeTo = mail.to.replace(/[^a-z0-9@._-]/gi, "_").slice(0, 100);
    const file = path.join(dir, `${mail.queuedAt}-${job.id}-${safeTo}.eml`);
    // Written aside, then linked into place: the link fails if an earlier attempt already
    // delivered it, and a reader never sees a half-written file.
    const temporary = path.join(dir, `.${job.id}.${process.pid}.tmp`);
    await fs.writeFile(temporary, info.message as Buffer);
    try {
      await fs.link(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      getLogger().info({ jobId: job.id }, "mail already delivered");
      return;
    } finally {
      await fs.rm(temporary, { force: true });
    }
    getLogger().info({ to: mail.to, subject: mail.subject, file }, "mail written to disk");
  },
});
