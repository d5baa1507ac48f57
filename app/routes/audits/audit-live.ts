import { resolveLocale } from "~/features/accounts/locale.server";
import { isSessionLive } from "~/features/accounts/sessions.server";
import { auditSubject, getAudit } from "~/features/audits/audits.server";
import { auditPolicy } from "~/features/audits/rules";
import { LIVE_RECHECK_MS, takeStreamSlot } from "~/features/networks/live-streams.server";
import { translatorFor } from "~/i18n/catalogue.server";
import { handleLoader, httpError } from "~/lib/errors";
import { liveStreamResponse, plainStreamAnswer } from "~/lib/live-stream.server";
import { actorOf } from "~/lib/policy";
import { subscribe } from "~/lib/pubsub.server";
import type { Route } from "./+types/audit-live";

/**
 * An audit's live stream (Server-Sent Events) for its facilitators: "answered" when an answer
 * lands and "status" when it opens or closes, so the response rate on the page stays current.
 * The events carry nothing but the audit's id. Access is checked again as other streams do.
 */
export async function loader({ params, request, context }: Route.LoaderArgs) {
  const auth = await context.auth();
  const actor = actorOf(auth);
  const sessionId = auth?.sessionId ?? null;
  const subjectNow = async () => {
    const audit = await getAudit(params.id);
    return audit ? { audit, subject: await auditSubject(audit, actor) } : null;
  };
  const found = await subjectNow();
  if (!found) throw httpError(404, "audits.notFound");
  await handleLoader(async () => auditPolicy.authorize(actor, "report", found.subject));
  const auditId = found.audit.id;
  const release = takeStreamSlot({ userId: actor?.id ?? null, ip: context.ip });
  if (!release) {
    const t = translatorFor(resolveLocale(auth, context.requestLocale));
    return plainStreamAnswer(429, t("live.tooManyStreams"), { "Retry-After": "60" });
  }
  return liveStreamResponse({
    request,
    release,
    recheckMs: LIVE_RECHECK_MS,
    label: "audit",
    mayContinue: async () => {
      if (sessionId && !(await isSessionLive(sessionId))) return false;
      const now = await subjectNow();
      return now !== null && auditPolicy.can(actor, "report", now.subject);
    },
    subscribe: async (stream) => [
      await subscribe(`audit:${auditId}`, (event) => stream.sendEvent(event.type, event.data)),
    ],
  });
}
