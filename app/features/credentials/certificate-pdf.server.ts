import { translatorFor } from "~/i18n/catalogue.server";
import { isLocale, type Locale } from "~/i18n/i18n";
import { renderPdf } from "~/lib/pdf.server";
import { formatDate } from "~/ui/format";
import type { CredentialView } from "./credentials.server";
import { issuerName, publicUrl } from "./keys.server";

/**
 * The printable certificate, in the learner's language (their interface language), with the
 * address where anyone checks it. Made on the server with pdfkit and the Noto Sans it embeds,
 * whose glyphs cover Greek and Cyrillic names too.
 */
export async function certificatePdf(view: CredentialView): Promise<Buffer> {
  const locale: Locale = isLocale(view.locale) ? view.locale : "en";
  const t = translatorFor(locale);
  const pageUrl = publicUrl(`/credentials/${view.id}`);
  const issued = formatDate(view.issuedAt, locale, view.timeZone);
  return renderPdf({
    title: t("credentials.pdf.title", { course: view.achievementName }),
    language: locale,
    author: issuerName(),
    blocks: [
      { type: "heading", text: t("credentials.pdf.heading") },
      { type: "paragraph", text: t("credentials.pdf.certifies") },
      { type: "heading", level: 2, text: view.recipientName },
      {
        type: "paragraph",
        text: t("credentials.pdf.completed", { course: view.achievementName }),
      },
      { type: "paragraph", text: t("credentials.pdf.issued", { date: issued }) },
      ...(view.validUntil
        ? [
            {
              type: "paragraph" as const,
              text: t("credentials.pdf.validUntil", {
                date: formatDate(view.validUntil, locale, view.timeZone),
              }),
            },
          ]
        : []),
      { type: "paragraph", text: t("credentials.pdf.issuer", { issuer: issuerName() }) },
      ...(view.revokedAt
        ? [
            {
              type: "paragraph" as const,
              text: t("credentials.pdf.revoked", {
                date: formatDate(view.revokedAt, locale, view.timeZone),
              }),
            },
          ]
        : []),
      { type: "heading", level: 2, text: t("credentials.pdf.checkHeading") },
      { type: "paragraph", text: t("credentials.pdf.check", { url: pageUrl }) },
      {
        type: "paragraph",
        muted: true,
        text: t("credentials.pdf.openBadge", { verify: publicUrl("/verify") }),
      },
    ],
  });
}
