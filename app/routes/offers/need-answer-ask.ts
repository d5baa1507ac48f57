import { redirect } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { askAboutAnswer } from "~/features/offers/answers.server";
import { handleLoader, httpError } from "~/lib/errors";
import { personOf } from "~/lib/policy";
import type { Route } from "./+types/need-answer-ask";

/** Only POST: there is nothing to show here. */
export async function loader() {
  throw httpError(404);
}

/**
 * "Ask about this": the need's owner or a "me too" person opens (or reuses) a conversation
 * with the educator who answered, and lands in it.
 */
export async function action({ params, request, context }: Route.ActionArgs) {
  const auth = await requireUser(context, request);
  const { conversationId } = await handleLoader(() =>
    askAboutAnswer({
      actor: personOf(auth),
      needId: params.id,
      answerId: params.answerId,
      locale: resolveLocale(auth, context.requestLocale),
    }),
  );
  return redirect(`/conversations/${conversationId}`);
}
