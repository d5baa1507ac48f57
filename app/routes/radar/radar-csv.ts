import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { toCsv } from "~/features/events/csv";
import { readRadarFilters } from "~/features/radar/filters";
import { facilitatesANetwork, radarCsvRows, radarFigures } from "~/features/radar/radar.server";
import { radarPolicy } from "~/features/radar/rules";
import { translatorFor } from "~/i18n/catalogue.server";
import { isDomainError } from "~/lib/errors";
import { personOf } from "~/lib/policy";
import type { Route } from "./+types/radar-csv";

/**
 * The radar's aggregated figures as CSV (same filters, same suppression of groups under three),
 * headings in the viewer's language, formula injection guarded by toCsv. A refusal (403, 400) is
 * answered as plain text in the viewer's language: a download has no page to show it on.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const locale = resolveLocale(auth, context.requestLocale);
  const params = new URL(request.url).searchParams;
  const t = translatorFor(locale);
  const work = async () => {
    radarPolicy.authorize(personOf(auth), "view", {
      role: auth.user.role,
      facilitatesANetwork: await facilitatesANetwork(auth.user.id),
    });
    const filters = readRadarFilters(params);
    const figures = await radarFigures(auth.user.id, filters, locale);
    return toCsv(
      radarCsvRows(figures, {
        dimension: t("radar.csv.dimension"),
        key: t("radar.csv.key"),
        label: t("radar.csv.label"),
        needs: t("radar.needs"),
        weight: t("radar.weight"),
        unreached: t("radar.unreached"),
        index: t("radar.index"),
        noNetwork: t("radar.noNetwork"),
        dimensions: {
          total: t("radar.csv.total"),
          topic: t("radar.topic"),
          country: t("radar.country"),
          region: t("radar.region"),
          section: t("radar.section"),
          division: t("radar.division"),
          network: t("radar.network"),
          month: t("radar.month"),
        },
      }),
    );
  };
  let body: string;
  try {
    body = await work();
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return new Response(t(error.messageKey), {
      status: error.status,
      headers: {
        "content-type": "text/plain; charset=utf-8",
        "cache-control": "private, no-store",
      },
    });
  }
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="needs-radar.csv"',
      "cache-control": "private, no-store",
    },
  });
}
