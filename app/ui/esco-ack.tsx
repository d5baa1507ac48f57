import { useI18n } from "~/i18n/context";

/** ESCO's required acknowledgement, on every page that shows ESCO-linked labels. */
export function EscoAcknowledgement() {
  const { t } = useI18n();
  return (
    <p className="ack">
      {t("esco.ack")} <a href="https://esco.ec.europa.eu">esco.ec.europa.eu</a>
    </p>
  );
}
