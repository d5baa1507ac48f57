import type { ReactNode } from "react";
import { useI18n } from "~/i18n/context";

/**
 * A list page's filters folded behind one "Filters" control on a phone (five filters pushed the
 * list below the first screen); on wide screens they show as before (CSS). The fold is open
 * when a filter is in use, and its label counts the ones that are, so nothing chosen is hidden.
 */
export function FilterFold(props: { activeCount: number; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <details className="filters-fold" open={props.activeCount > 0}>
      <summary>{t("filters.fold", { count: props.activeCount })}</summary>
      {props.children}
    </details>
  );
}

/** How many of a page's filter values are set (empty strings and nulls are not). */
export function countActive(values: Record<string, unknown>): number {
  return Object.values(values).filter((v) => v !== undefined && v !== null && v !== "").length;
}
