import { type KeyboardEvent, type ReactNode, useEffect, useRef } from "react";
import { NavLink, useLocation } from "react-router";
import { badgeText, useUnreadCounts } from "~/features/notifications/ui/live-counts";
import { useI18n } from "~/i18n/context";
import { type Locale, localeNames, locales } from "~/i18n/i18n";
import type { RootData } from "~/root";
import { CsrfForm } from "./form";
import { Logo } from "./logo";

/** Header with navigation and language switcher, the page, and the footer. */
export function AppShell(props: { data: RootData; children: ReactNode }) {
  const { data, children } = props;
  const { t } = useI18n();
  const user = data.user;
  const unread = useUnreadCounts(user ? user.unread : null);
  const unreadNotifications = unread?.notifications ?? 0;
  const unreadMessages = unread?.messages ?? 0;
  const menuRef = useRef<HTMLDetailsElement>(null);
  const { key: locationKey, pathname } = useLocation();
  const inAccount =
    user !== null &&
    isUnder(pathname, [
      ...(user.isAdmin ? ["/admin"] : []),
      "/agenda",
      `/people/${user.id}`,
      "/settings",
    ]);
  const inMore = isUnder(pathname, [
    ...(user ? ["/needs"] : []),
    "/partnering",
    "/people",
    "/organisations",
  ]);
  // With JavaScript a page changes without a new document: close the menus it was chosen from.
  const lastKeyRef = useRef(locationKey);
  useEffect(() => {
    const menu = menuRef.current;
    // Not on hydration: a menu opened before the scripts arrived stays open.
    if (!menu || lastKeyRef.current === locationKey) return;
    lastKeyRef.current = locationKey;
    for (const details of [menu, ...menu.querySelectorAll("details")]) details.open = false;
  }, [locationKey]);
  // With JavaScript a dropdown (a link group, the languages) also closes on a click elsewhere.
  useEffect(() => {
    const closeOthers = (event: MouseEvent) => {
      const menu = menuRef.current;
      if (!menu) return;
      for (const details of menu.querySelectorAll<HTMLDetailsElement>(
        "details.nav-group[open], details.language-menu[open]",
      )) {
        if (!details.contains(event.target as Node)) details.open = false;
      }
    };
    document.addEventListener("click", closeOthers);
    return () => document.removeEventListener("click", closeOthers);
  }, []);
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="site-header">
        <div className="bar">
          <a className="brand" href="/">
            <Logo />
          </a>
          {/*
            On phones the links fold into a menu; on wide screens the same <details> shows its
            content inline and hides its summary (CSS, ::details-content). A disclosure needs no
            JavaScript, and the links exist once in the page.
          */}
          <details className="site-menu" ref={menuRef} onKeyDown={closeOnEscape}>
            <summary className="site-menu-toggle">
              <span aria-hidden="true" className="site-menu-icon" />
              {t("nav.menu")}
              {unreadNotifications + unreadMessages > 0 ? (
                <>
                  {" "}
                  <span className="count-badge" aria-hidden="true">
                    {badgeText(unreadNotifications + unreadMessages)}
                  </span>
                </>
              ) : null}
            </summary>
            <div className="site-menu-panel">
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
                  <li>
                    <NavLink to="/learn">{t("nav.learn")}</NavLink>
                  </li>
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
                    </>
                  ) : null}
                  {/*
                    The less-used places: a menu of their own on wide screens, so that the header
                    stays one row in every language (German and Greek words are long); on phones
                    simply more lines of the menu.
                  */}
                  <NavGroup label={t("nav.more")} isHere={inMore && !inAccount}>
                    {user ? (
                      <li>
                        <NavLink to="/needs">{t("nav.needs")}</NavLink>
                      </li>
                    ) : null}
                    <li>
                      <NavLink to="/partnering">{t("partnering.nav")}</NavLink>
                    </li>
                    <li>
                      <NavLink to="/people">{t("nav.people")}</NavLink>
                    </li>
                    <li>
                      <NavLink to="/organisations">{t("nav.organisations")}</NavLink>
                    </li>
                  </NavGroup>
                  {user ? (
                    // The person's own pages, grouped the same way.
                    <NavGroup label={t("nav.account")} isHere={inAccount}>
                      {user.isAdmin ? (
                        <li>
                          <NavLink to="/admin/users">{t("nav.admin")}</NavLink>
                        </li>
                      ) : null}
                      <li>
                        <NavLink to="/agenda">{t("calendars.navAgenda")}</NavLink>
                      </li>
                      <li>
                        <NavLink to={`/people/${user.id}`}>{t("nav.myProfile")}</NavLink>
                      </li>
                      <li>
                        <NavLink to="/settings/account">{t("nav.settings")}</NavLink>
                      </li>
                      {/*
                        A signed-in person's language is kept with their account: switching it is
                        rare, so on wide screens it waits here, one click further, and the header
                        has room for the places they use (decision 024, addendum).
                      */}
                      <li>
                        <LanguageMenu path={data.path} locale={data.locale} />
                      </li>
                      <li>
                        <CsrfForm method="post" action="/signout" className="inline-form">
                          <button type="submit" className="link-button">
                            {t("nav.signOut")}
                          </button>
                        </CsrfForm>
                      </li>
                    </NavGroup>
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
              {user ? null : <LanguageMenu path={data.path} locale={data.locale} />}
            </div>
          </details>
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

/** Whether the page at `pathname` is one of `paths` or below one. */
const isUnder = (pathname: string, paths: string[]) =>
  paths.some((path) => pathname === path || pathname.startsWith(`${path}/`));

/**
 * A group of header links behind one disclosure: a dropdown from 64rem, plain lines of the menu
 * below (CSS). The groups share a `name`, so opening one closes the other, without JavaScript.
 * Its summary is marked like an active link when the page is one of the group's.
 */
function NavGroup(props: { label: string; isHere: boolean; children: ReactNode }) {
  return (
    <li className="nav-group-item">
      <details className="nav-group" name="site-nav-group">
        <summary className={props.isHere ? "active" : undefined}>{props.label}</summary>
        <ul className="nav-group-list">{props.children}</ul>
      </details>
    </li>
  );
}

/** Escape closes the innermost open menu and returns focus to its summary. */
function closeOnEscape(event: KeyboardEvent<HTMLDetailsElement>) {
  if (event.key !== "Escape") return;
  const open = (event.target as HTMLElement).closest("details[open]");
  if (!(open instanceof HTMLDetailsElement)) return;
  open.open = false;
  open.querySelector("summary")?.focus();
  event.stopPropagation();
}

/**
 * The languages as one button each in a small form: one tap switches, without JavaScript, and
 * the person stays on the page they were reading.
 */
function LanguageMenu(props: { path: string; locale: Locale }) {
  const { t } = useI18n();
  return (
    <details className="language-menu">
      <summary>
        <span className="language-label">{t("nav.language")}: </span>
        <span lang={props.locale}>{localeNames[props.locale]}</span>
      </summary>
      <CsrfForm method="post" action="/locale" className="language-choices">
        <input type="hidden" name="redirectTo" value={props.path} />
        {locales.map((code) => (
          <button
            key={code}
            type="submit"
            name="locale"
            value={code}
            lang={code}
            className="link-button"
            aria-current={code === props.locale ? "true" : undefined}
          >
            {localeNames[code]}
          </button>
        ))}
      </CsrfForm>
    </details>
  );
}
