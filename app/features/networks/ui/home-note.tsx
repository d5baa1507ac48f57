import { useI18n } from "~/i18n/context";

/** Tells the reader how to see what is new (the home feed does not update itself). */
export function LiveStatusNote() {
  const { t } = useI18n();
  return <p className="muted">{t("home.feedNote")}</p>;
}
