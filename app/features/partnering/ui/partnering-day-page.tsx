import { useI18n } from "~/i18n/context";
import { ChoiceGroup, CsrfForm, SubmitButton, TextArea } from "~/ui/form";
import { MAX_PARTNERING_TEXT } from "../meeting-schema";

type Option = { value: string; label: string };

/** Joining the day, or changing what I published: seeks, offers, organisation, free slots. */
export function PartneringDayJoinForm(props: {
  me: { seeks: string; offers: string; organisationId: string; availability: string[] } | null;
  slots: Option[];
  organisations: { id: string; name: string }[];
  errors?: Record<string, string>;
}) {
  const { t } = useI18n();
  const errors = props.errors ?? {};
  const me = props.me;
  return (
    <section className="section">
      <h2>{t(me ? "partneringDay.myEntry" : "partneringDay.join")}</h2>
      <CsrfForm method="post" noValidate>
        <input type="hidden" name="intent" value="join" />
        <TextArea
          name="seeks"
          label={t("partneringDay.seeks")}
          defaultValue={me?.seeks ?? ""}
          error={errors.seeks}
          maxLength={MAX_PARTNERING_TEXT}
          rows={3}
        />
        <TextArea
          name="offers"
          label={t("partneringDay.offers")}
          defaultValue={me?.offers ?? ""}
          error={errors.offers}
          maxLength={MAX_PARTNERING_TEXT}
          rows={3}
        />
        {props.organisations.length > 0 ? (
          <div className={`field${errors.organisationId ? " has-error" : ""}`}>
            <label htmlFor="f-organisationId">{t("partneringDay.organisation")}</label>
            {errors.organisationId ? <p className="error">{t(errors.organisationId)}</p> : null}
            <select
              id="f-organisationId"
              name="organisationId"
              defaultValue={me?.organisationId ?? ""}
            >
              <option value="">{t("partneringDay.noOrganisation")}</option>
              {props.organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <ChoiceGroup
          name="slots"
          type="checkbox"
          legend={t("partneringDay.availability")}
          options={props.slots}
          selected={me?.availability ?? []}
          error={errors.slots}
          columns
        />
        <SubmitButton>{t(me ? "partneringDay.save" : "partneringDay.join")}</SubmitButton>
      </CsrfForm>
    </section>
  );
}

/** The participants, filtered by words, each with "book" over the slots both are free for. */
export function PartneringDayParticipants(props: {
  q: string;
  participants: {
    id: string;
    name: string;
    organisation: string | null;
    seeks: string;
    offers: string;
    isMe: boolean;
    free: Option[];
  }[];
  next: string | null;
  canBook: boolean;
}) {
  const { t } = useI18n();
  return (
    <section className="section">
      <h2>{t("partneringDay.participants")}</h2>
      <form method="get" className="inline-form">
        <label htmlFor="f-q">{t("partneringDay.filter")}</label>
        <input id="f-q" name="q" type="search" defaultValue={props.q} maxLength={100} />
        <button type="submit" className="button secondary">
          {t("partneringDay.filterButton")}
        </button>
      </form>
      {props.participants.length === 0 ? (
        <p className="hint">{t("partneringDay.noParticipants")}</p>
      ) : null}
      <ul className="plain-list">
        {props.participants.map((p) => (
          <li key={p.id} className="card">
            <h3>
              {p.name}
              {p.organisation ? ` · ${p.organisation}` : ""}
            </h3>
            {p.seeks ? (
              <p>
                <strong>{t("partneringDay.seeks")}</strong> {p.seeks}
              </p>
            ) : null}
            {p.offers ? (
              <p>
                <strong>{t("partneringDay.offers")}</strong> {p.offers}
              </p>
            ) : null}
            {props.canBook && !p.isMe ? (
              p.free.length > 0 ? (
                <CsrfForm method="post" className="inline-form">
                  <input type="hidden" name="intent" value="book" />
                  <input type="hidden" name="with" value={p.id} />
                  <label htmlFor={`slot-${p.id}`}>{t("partneringDay.slot")}</label>
                  <select id={`slot-${p.id}`} name="slot">
                    {p.free.map((s) => (
                      <option key={s.value} value={s.value}>
                        {s.label}
                      </option>
                    ))}
                  </select>
                  <SubmitButton className="button small">{t("partneringDay.book")}</SubmitButton>
                </CsrfForm>
              ) : (
                <p className="hint">{t("partneringDay.noCommonSlot")}</p>
              )
            ) : null}
          </li>
        ))}
      </ul>
      {props.next ? (
        <p>
          <a href={props.next}>{t("partneringDay.more")}</a>
        </p>
      ) : null}
    </section>
  );
}
