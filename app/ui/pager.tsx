import { useLocation } from "react-router";
import { useI18n } from "~/i18n/context";

/**
 * "First page" / "Next page" links for keyset pagination, keeping the current filters. A feed
 * (`posts`) says what the pages hold: "Newest posts" / "Older posts".
 */
export function Pager(props: { next: string | null; isFirstPage: boolean; posts?: boolean }) {
  const location = useLocation();
  const { t } = useI18n();
  const params = new URLSearchParams(location.search);
  params.delete("after");
  const first = params.toString();
  if (props.next) params.set("after", props.next);
  if (!props.next && props.isFirstPage) return null;
  return (
    <nav className="pager" aria-label={t("pager.label")}>
      {props.isFirstPage ? (
        <span />
      ) : (
        <a href={`?${first}`}>{t(props.posts ? "pager.newest" : "pager.first")}</a>
      )}
      {props.next ? (
        <a href={`?${params.toString()}`} rel="next">
          {t(props.posts ? "pager.older" : "pager.next")}
        </a>
      ) : null}
    </nav>
  );
}
