import { useLoaderData } from "react-router";
import { resolveLocale } from "~/features/accounts/locale.server";
import { getLegalPage } from "~/features/legal/legal.server";
import type { LegalPageKind } from "~/features/legal/schema";
import { useI18n } from "~/i18n/context";
import { formatDate } from "~/ui/format";
import type { Route } from "./+types/legal-page";

/** The page's kind from its address: /privacy, /terms or /imprint (one module, three routes). */
function kindOf(url: string): LegalPageKind {
  const path = new URL(url).pathname.replace(/\/$/, "");
  if (path.endsWith("/terms")) return "terms";
  if (path.endsWith("/imprint")) return "imprint";
  return "privacy";
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const auth = await context.auth();
  const locale = resolveLocale(auth, context.requestLocale);
  const page = await getLegalPage({ kind: kindOf(request.url), locale });
  return {
    ...page,
    updatedAt: page.updatedAt?.toISOString() ?? null,
    isAdmin: auth?.user.isAdmin ?? false,
  };
}

const titles = {
  privacy: "legal.privacyTitle",
  terms: "legal.termsTitle",
  imprint: "legal.imprintTitle",
} as const;

export default function LegalPage() {
  const page = useLoaderData<typeof loader>();
  const { t, locale, timeZone } = useI18n();
  return (
    <main id="main" className="page narrow">
      <title>{`${t(titles[page.kind])} · Synergy`}</title>
      <h1>{t(titles[page.kind])}</h1>
      <p className="muted">
        {page.updatedAt
          ? t("legal.lastUpdated", { date: formatDate(page.updatedAt, locale, timeZone) })
          : t("legal.shippedText")}
      </p>
      {page.isFallback ? (
        <p className="notice" role="note">
          {t("legal.notTranslated")}
        </p>
      ) : null}
      <div
        className="post-body"
        lang={page.locale}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: safe by construction (see markdown.ts)
        dangerouslySetInnerHTML={{ __html: page.html }}
      />
      {page.isAdmin ? (
        <p>
          <a href={`/admin/legal?page=${page.kind}&lang=${locale}`}>{t("legal.edit")}</a>
        </p>
      ) : null}
    </main>
  );
}
