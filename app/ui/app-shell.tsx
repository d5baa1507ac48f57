import type { ReactNode } from "react";
import { NavLink } from "react-router";
import { badgeText, useUnreadCounts } from "~/features/notifications/ui/live-counts";
import { useI18n } from "~/i18n/context";
import { localeNames, locales } from "~/i18n/i18n";
import type { RootData } from "~/root";
import { CsrfForm } from "./form";

/** Header with navigation and language switcher, the page, and the footer. */
export function AppShell(props: { data: RootData; children: ReactNode }) {
  const { data, children } = props;
  const { t } = useI18n();
  const user = data.user;
  const unread = useUnreadCounts(user ? user.unread : null);
  const unreadNotifications = unread?.notifications ?? 0;
  const unreadMessages = unread?.messages ?? 0;
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="site-header">
        <div className="bar">
          <a className="brand" href="/">
            <span aria-hidden="true" className="brand-mark">
              ◎
            </span>{" "}
            Synergy
          </a>
          <nav aria-label={t("nav.label")}>
            <ul className="nav-list">
              <li>
                <NavLink to="/networks">{t("nav.networks")}</NavLink>
              </li>
              <li>
                <NavLink to="/events" end>
                  {t("calendars.navEvents")}
                </NavLink>
              </li>
              {user ? (
                <li>
                  <NavLink to="/needs">{t("nav.needs")}</NavLink>
                </li>
              ) : null}
              <li>
                <NavLink to="/learn">{t("nav.learn")}</NavLink>
              </li>
              <li>
                <NavLink to="/people">{t("nav.people")}</NavLink>
              </li>
              <li>
                <NavLink to="/organisations">{t("nav.organisations")}</NavLink>
              </li>
              <li>
                <NavLink to="/partnering">{t("partnering.nav")}</NavLink>
              </li>
              {user?.isAdmin ? (
                <li>
                  <NavLink to="/admin/users">{t("nav.admin")}</NavLink>
                </li>
              ) : null}
              {user ? (
                <>
                  <li>
                    <NavLink
                      to="/conversations"
                      aria-label={t("nav.messagesUnread", { count: unreadMessages })}
                    >
                      {t("nav.messages")}
                      {unreadMessages > 0 ? (
                        <>
                          {" "}
                          <span
                            className="count-badge"
                            data-testid="messages-badge"
                            data-unread-messages={unreadMessages}
                          >
                            {badgeText(unreadMessages)}
                          </span>
                        </>
                      ) : null}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink
                      to="/notifications"
                      aria-label={t("nav.notificationsUnread", { count: unreadNotifications })}
                    >
                      {t("nav.notifications")}
                      {unreadNotifications > 0 ? (
                        <>
                          {" "}
                          <span className="count-badge" data-testid="notifications-badge">
                            {badgeText(unreadNotifications)}
                          </span>
                        </>
                      ) : null}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/agenda">{t("calendars.navAgenda")}</NavLink>
                  </li>
                  <li>
                    <NavLink to={`/people/${user.id}`}>{t("nav.myProfile")}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/settings/account">{t("nav.settings")}</NavLink>
                  </li>
                  <li>
                    <CsrfForm method="post" action="/signout" className="inline-form">
                      <button type="submit" className="link-button">
                        {t("nav.signOut")}
                      </button>
                    </CsrfForm>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <NavLink to="/signin">{t("nav.signIn")}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/signup" className="button small">
                      {t("nav.signUp")}
                    </NavLink>
                  </li>
                </>
              )}
            </ul>
          </nav>
        </div>
      </header>
      {user && !user.emailVerified ? (
        <div className="notice" role="status">
          {t("verify.banner")} <a href="/verify-email">{t("verify.bannerLink")}</a>
        </div>
      ) : null}
      {children}
      <footer className="site-footer">
        <CsrfForm method="post" action="/locale" className="locale-form">
          <input type="hidden" name="redirectTo" value={data.path} />
          <label htmlFor="locale-select">{t("nav.language")}</label>
          <select id="locale-select" name="locale" defaultValue={data.locale}>
            {locales.map((code) => (
              <option key={code} value={code} lang={code}>
                {localeNames[code]}
              </option>
            ))}
          </select>
          <button type="submit" className="button secondary small">
            {t("nav.changeLanguage")}
          </button>
        </CsrfForm>
        <p className="muted" id="time-zone-note">
          {data.timeZoneKnown
            ? t("timeZone.shownIn", { zone: data.timeZone })
            : t("timeZone.shownInUtc")}
          {user ? (
            <>
              {" "}
              <a href="/settings/account#time-zone-heading">{t("timeZone.change")}</a>
            </>
          ) : null}
        </p>
        <p className="muted">
          {t("footer.tagline")} <a href="/vocabularies">{t("footer.vocabularies")}</a>
        </p>
        <nav aria-label={t("footer.legal")} className="footer-legal">
          <a href="/privacy">{t("legal.privacyTitle")}</a>
          <a href="/terms">{t("legal.termsTitle")}</a>
          <a href="/imprint">{t("legal.imprintTitle")}</a>
        </nav>
      </footer>
    </>
  );
}
