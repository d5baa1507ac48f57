import { useI18n } from "~/i18n/context";
import { CsrfForm, SubmitButton } from "./form";

/**
 * People asking to join (an organisation or a network), each with Accept and Decline. The page's
 * action receives `userId` and `intent` = approve | decline.
 */
export function JoinRequests(props: {
  heading: string;
  people: { id: string; displayName: string; role: string }[];
}) {
  const { t } = useI18n();
  if (!props.people.length) return null;
  return (
    <section className="section" aria-labelledby="join-requests">
      <h2 id="join-requests">{props.heading}</h2>
      <ul className="card-list">
        {props.people.map((p) => (
          <li key={p.id} className="card">
            <p>
              <a href={`/people/${p.id}`}>{p.displayName}</a> ({t(`role.${p.role}`)})
            </p>
            <CsrfForm method="post" className="row">
              <input type="hidden" name="userId" value={p.id} />
              <SubmitButton name="intent" value="approve" className="button small">
                {t("org.approve")}
                <span className="sr-only"> {p.displayName}</span>
              </SubmitButton>
              <SubmitButton name="intent" value="decline" className="button secondary small">
                {t("org.decline")}
                <span className="sr-only"> {p.displayName}</span>
              </SubmitButton>
            </CsrfForm>
          </li>
        ))}
      </ul>
    </section>
  );
}
