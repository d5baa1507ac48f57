import { NavLink } from "react-router";
import { useI18n } from "~/i18n/context";
import { CsrfForm, SubmitButton } from "~/ui/form";
import type { NetworkHeaderData } from "../page.server";
import { NextMeetingLine } from "./next-meeting";

/**
 * The network's name, join button and section tabs; with `full` (the network's main page only)
 * also its cover, purpose, facts and mix of people. On the other tabs the short form keeps the
 * page's own content near the top on a phone (the full header filled the first 740 px).
 */
export function NetworkHeader(props: { network: NetworkHeaderData; full?: boolean }) {
  const n = props.network;
  const full = props.full === true;
  const { t } = useI18n();
  const base = `/networks/${n.id}`;
  const isFull = n.memberCount >= n.memberCap;
  return (
    <header className={`network-header${full ? "" : " short"}`}>
      {full && n.hasCover ? (
        <img className="cover" src={`${base}/cover`} alt="" width={1200} height={300} />
      ) : null}
      <h1>{full ? n.name : <a href={base}>{n.name}</a>}</h1>
      {full ? <FullHeaderFacts network={n} /> : null}
      <div className="row">
        {!n.signedIn ? (
          // A newcomer signs up and, once onboarded, is brought back here; a member signs in.
          <>
            <a className="button" href={`/signup?next=${encodeURIComponent(base)}`}>
              {t("networks.join")}
            </a>
            <a href={`/signin?next=${encodeURIComponent(base)}`}>{t("networks.signInToJoin")}</a>
          </>
        ) : n.membership?.status === "pending" ? (
          <span className="badge">{t("networks.requestPending")}</span>
        ) : !n.membership && (n.visibility === "open" || n.visibility === "request") ? (
          isFull ? (
            <span className="badge">{t("networks.full")}</span>
          ) : (
            <CsrfForm method="post" action={base}>
              <SubmitButton name="intent" value="join">
                {t(n.visibility === "open" ? "networks.join" : "networks.askToJoin")}
              </SubmitButton>
            </CsrfForm>
          )
        ) : !n.membership ? (
          <span className="badge">{t("networks.inviteOnly")}</span>
        ) : null}
      </div>
      <nav aria-label={t("networks.sections")} className="tabs">
        <ul>
          <li>
            <NavLink to={base} end>
              {t("networks.tabFeed")}
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/topics`}>{t("networks.tabTopics")}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/resources`}>{t("networks.tabResources")}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/events`}>{t("events.heading")}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/members`}>
              {t("networks.tabMembers", { count: n.memberCount })}
            </NavLink>
          </li>
          {n.isFacilitator ? (
            <>
              <li>
                <a href={`/audits/new?network=${n.id}`}>{t("audits.new.heading")}</a>
              </li>
              <li>
                <NavLink to={`${base}/settings`}>{t("networks.tabSettings")}</NavLink>
              </li>
            </>
          ) : null}
        </ul>
      </nav>
    </header>
  );
}

/** What only the network's main page shows: purpose, kind, places, next meeting, the mix. */
function FullHeaderFacts(props: { network: NetworkHeaderData }) {
  const n = props.network;
  const { t } = useI18n();
  const base = `/networks/${n.id}`;
  const missingSide = n.isFacilitator && (n.mix.owners === 0 || n.mix.educators === 0);
  return (
    <>
      <p className="lead">{n.purpose}</p>
      <p>
        <span className="badge">{t(`networks.kinds.${n.kind}`)}</span>{" "}
        <span className="badge">{t(`networks.visibilities.${n.visibility}`)}</span>{" "}
        <span className="muted">
          {[n.place, n.countries.join(", "), n.languages.join(", ")].filter(Boolean).join(" · ")}
        </span>
      </p>
      <NextMeetingLine networkId={n.id} meeting={n.nextMeeting} />
      <dl className="facts mix" aria-label={t("networks.mixHeading")}>
        <dt>{t("networks.mixPeople")}</dt>
        <dd>
          {t("networks.mixLine", {
            owners: n.mix.owners,
            educators: n.mix.educators,
            cap: n.memberCap,
          })}
        </dd>
        {n.mix.countries.length ? (
          <>
            <dt>{t("networks.countries")}</dt>
            <dd>{n.mix.countries.map((c) => `${c.name} (${c.count})`).join(" · ")}</dd>
          </>
        ) : null}
        {n.mix.sectors.length ? (
          <>
            <dt>{t("networks.mixSectors")}</dt>
            <dd>{n.mix.sectors.map((s) => `${s.name} (${s.count})`).join(" · ")}</dd>
          </>
        ) : null}
      </dl>
      {missingSide ? (
        <p className="notice" role="status">
          {t(n.mix.owners === 0 ? "networks.nudgeOwners" : "networks.nudgeEducators")}{" "}
          <a href={`${base}/members#invite`}>{t("networks.nudgeInvite")}</a>
        </p>
      ) : null}
    </>
  );
}
