import { NavLink, useRouteLoaderData } from "react-router";
import { useI18n } from "~/i18n/context";
import type { RootData } from "~/root";

/**
 * The one way between the partnering pages (issue 12): opportunities, matches, introductions,
 * my organisations' opportunities, meetings and, for reviewers, the review queue. The header
 * keeps one entry, "Partnering"; this line is under each page's heading. Signed-out visitors
 * see only the opportunities, so it is not shown to them.
 */
export function PartneringNav() {
  const { t } = useI18n();
  const root = useRouteLoaderData<RootData>("root");
  const user = root?.user;
  if (!user) return null;
  const reviews = user.isFacilitator || user.isAdmin;
  return (
    <nav aria-label={t("partneringNav.label")} className="inline-actions partnering-nav">
      <NavLink to="/partnering" end>
        {t("partneringNav.opportunities")}
      </NavLink>
      <NavLink to="/partnering/matches" end>
        {t("partneringNav.matches")}
      </NavLink>
      <NavLink to="/partnering/introductions">{t("partneringNav.introductions")}</NavLink>
      <NavLink to="/partnering/mine" end>
        {t("partneringNav.mine")}
      </NavLink>
      <NavLink to="/meetings">{t("partneringNav.meetings")}</NavLink>
      {reviews ? (
        <NavLink to="/partnering/review" end>
          {t("partneringNav.review")}
        </NavLink>
      ) : null}
    </nav>
  );
}
