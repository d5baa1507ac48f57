import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { authorizeAudit } from "~/features/audits/audits.server";
import { reportFor, reportPdf } from "~/features/audits/page.server";
import { handleLoader } from "~/lib/errors";
import { personOf } from "~/lib/policy";
import type { Route } from "./+types/audit-report-pdf";

/** The audit report as a printable PDF in the reader's language (facilitators of the audit). */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const locale = resolveLocale(auth, context.requestLocale);
  const { audit } = await handleLoader(() => authorizeAudit(params.id, personOf(auth), "report"));
  const pdf = await reportPdf(await reportFor(audit, locale), locale);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="audit-report-${locale}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
