import { NavLink, useRouteLoaderData } from "react-router";
import { useI18n } from "~/i18n/context";
import type { RootData } from "~/root";

/**
 * The one way between the four pages of training needs (issue 10): needs, offers, the radar
 * (for those who may read it: educators, facilitators, admins) and needs audits. The header
 * keeps one entry, "Needs"; this line is under each page's heading.
 */
export function NeedsNav() {
  const { t } = useI18n();
  const root = useRouteLoaderData<RootData>("root");
  const user = root?.user;
  if (!user) return null;
  const readsRadar = user.role === "educator" || user.isFacilitator || user.isAdmin;
  return (
    <nav aria-label={t("needsNav.label")} className="inline-actions">
      <NavLink to="/needs" end>
        {t("needsNav.needs")}
      </NavLink>
      <NavLink to="/offers" end>
        {t("needsNav.offers")}
      </NavLink>
      {readsRadar ? (
        <NavLink to="/radar" end>
          {t("needsNav.radar")}
        </NavLink>
      ) : null}
      <NavLink to="/audits" end>
        {t("needsNav.audits")}
      </NavLink>
    </nav>
  );
}
