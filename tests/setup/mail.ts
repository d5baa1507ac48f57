import fs from "node:fs";
import path from "node:path";

/** Decodes a quoted-printable body (nodemailer wraps long lines with soft breaks). */
function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const ch = joined[i];
    if (ch === "=" && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(ch, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

export type SentMail = { to: string; subject: string; text: string; file: string };

/** Every .eml written to DATA_DIR/mail, oldest first, decoded. */
export function readMailbox(dataDir: string): SentMail[] {
  const dir = path.join(dataDir, "mail");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".eml"))
    .sort()
    .map((f) => {
      const raw = fs.readFileSync(path.join(dir, f), "utf8");
      const split = raw.indexOf("\n\n");
      // Long headers are folded onto continuation lines; encoded words may be split across them.
      const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, " ");
      const body = raw.slice(split + 2);
      const header = (name: string) =>
        head.match(new RegExp(`^${name}: (.*)$`, "mi"))?.[1]?.trim() ?? "";
      const encoding = header("Content-Transfer-Encoding").toLowerCase();
      const text =
        encoding === "quoted-printable"
          ? decodeQuotedPrintable(body)
          : encoding === "base64"
            ? Buffer.from(body, "base64").toString("utf8")
            : body;
      const rawSubject = header("Subject").replace(/\?=\s+=\?/g, "?==?");
      const subject = rawSubject.replace(/=\?utf-8\?([BQ])\?(.*?)\?=/gi, (_m, kind, data) =>
        kind.toUpperCase() === "B"
          ? Buffer.from(data, "base64").toString("utf8")
          : decodeQuotedPrintable(data.replace(/_/g, " ")),
      );
      return { to: header("To"), subject, text, file: f };
    });
}

/** The newest mail sent to an address, or undefined. */
export function lastMailTo(dataDir: string, address: string): SentMail | undefined {
  return readMailbox(dataDir)
    .filter((m) => m.to.toLowerCase().includes(address.toLowerCase()))
    .at(-1);
}

/** The first link in a mail that starts with the given path (e.g. "/verify-email"). */
export function linkIn(mail: SentMail | undefined, pathPrefix: string): string {
  const match = mail?.text.match(
    new RegExp(`https?://\\S+${pathPrefix.replace(/[/?]/g, "\\$&")}\\S*`),
  );
  if (!match) throw new Error(`No ${pathPrefix} link in mail: ${mail?.text ?? "(no mail)"}`);
  return match[0];
}
