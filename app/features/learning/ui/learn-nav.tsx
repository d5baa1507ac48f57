import { NavLink, useRouteLoaderData } from "react-router";
import { useI18n } from "~/i18n/context";
import type { RootData } from "~/root";

/**
 * The one way between the learning pages (issue 11): the library, my resources, courses, my
 * badges (signed in), the Train-the-Trainer programme, and checking a certificate. The header
 * keeps one entry, "Learn"; this line is under each page's heading.
 */
export function LearnNav() {
  const { t } = useI18n();
  const root = useRouteLoaderData<RootData>("root");
  const user = root?.user;
  return (
    <nav aria-label={t("learnNav.label")} className="inline-actions">
      <NavLink to="/learn" end>
        {t("learnNav.library")}
      </NavLink>
      {user ? (
        <NavLink to="/learn/mine" end>
          {t("learnNav.mine")}
        </NavLink>
      ) : null}
      {user ? (
        <NavLink to="/courses" end>
          {t("learnNav.courses")}
        </NavLink>
      ) : null}
      {user ? (
        <NavLink to="/badges" end>
          {t("learnNav.badges")}
        </NavLink>
      ) : null}
      <NavLink to="/learn/train-the-trainer" end>
        {t("learnNav.ttt")}
      </NavLink>
      <NavLink to="/verify" end>
        {t("learnNav.verify")}
      </NavLink>
    </nav>
  );
}
