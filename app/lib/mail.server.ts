import fs from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "./env.server";
import { getLogger } from "./logger.server";

export type Mail = { to: string; subject: string; text: string };

let transport: Transporter | undefined;

/**
 * Sends one email: over SMTP when SMTP_URL is set, otherwise written as an .eml file to
 * DATA_DIR/mail/ (and logged) so that a local installation can still be tried end to end.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const env = getEnv();
  const message = { from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text };
  if (env.SMTP_URL) {
    transport ??= nodemailer.createTransport(env.SMTP_URL);
    await transport.sendMail(message);
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
  const safeTo = mail.to.replace(/[^a-z0-9@._-]/gi, "_");
  const file = path.join(dir, `${Date.now()}-${process.hrtime.bigint()}-${safeTo}.eml`);
  await fs.writeFile(file, info.message as Buffer);
  getLogger().info({ to: mail.to, subject: mail.subject, file }, "mail written to disk");
}
