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

export type SentMail = {
  to: string;
  subject: string;
  /** The plain-text part (the whole body of a single-part mail). */
  text: string;
  /** The HTML part of a multipart/alternative mail, or "" when there is none. */
  html: string;
  /** Every header line (names lower-cased, folded lines joined, values as written). */
  headers: Record<string, string>;
  file: string;
};

/** The header block of a message or MIME part, folded lines joined. */
function parseHeaders(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function decodeBody(body: string, encoding: string | undefined): string {
  const kind = (encoding ?? "").toLowerCase();
  if (kind === "quoted-printable") return decodeQuotedPrintable(body);
  if (kind === "base64") return Buffer.from(body, "base64").toString("utf8");
  return body;
}

function splitMessage(raw: string): { headers: Record<string, string>; body: string } {
  const split = raw.search(/\r?\n\r?\n/);
  const newline = raw.slice(split).startsWith("\r\n") ? 4 : 2;
  return { headers: parseHeaders(raw.slice(0, split)), body: raw.slice(split + newline) };
}

/** The decoded text/plain and text/html parts of a (possibly multipart) message. */
function bodyParts(headers: Record<string, string>, body: string): { text: string; html: string } {
  const type = headers["content-type"] ?? "text/plain";
  const boundary = type.match(/boundary="?([^";]+)"?/i)?.[1];
  if (!type.toLowerCase().startsWith("multipart/") || !boundary) {
    const decoded = decodeBody(body, headers["content-transfer-encoding"]);
    return type.toLowerCase().startsWith("text/html")
      ? { text: "", html: decoded }
      : { text: decoded, html: "" };
  }
  const result = { text: "", html: "" };
  for (const chunk of body.split(`--${boundary}`).slice(1)) {
    if (chunk.startsWith("--")) break;
    const part = splitMessage(chunk.replace(/^\r?\n/, ""));
    const inner = bodyParts(part.headers, part.body.replace(/\r?\n$/, ""));
    result.text ||= inner.text;
    result.html ||= inner.html;
  }
  return result;
}

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
      const { headers, body } = splitMessage(raw);
      const { text, html } = bodyParts(headers, body);
      const rawSubject = (headers.subject ?? "").replace(/\?=\s+=\?/g, "?==?");
      const subject = rawSubject.replace(/=\?utf-8\?([BQ])\?(.*?)\?=/gi, (_m, kind, data) =>
        kind.toUpperCase() === "B"
          ? Buffer.from(data, "base64").toString("utf8")
          : decodeQuotedPrintable(data.replace(/_/g, " ")),
      );
      return { to: headers.to ?? "", subject, text, html, headers, file: f };
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
