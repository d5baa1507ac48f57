import {
  findMessageAttachment,
  requireConversationAccess,
} from "~/features/conversations/conversations.server";
import { conversationPolicy } from "~/features/conversations/rules";
import { handleLoader, httpError, notFound } from "~/lib/errors";
import { actorOf } from "~/lib/policy";
import { serveStoredFile } from "~/lib/serve-file.server";
import type { Route } from "./+types/conversation-attachment";

/** A message's attachment, for the conversation's active participants only (404 for anyone else). */
export async function loader({ params, context }: Route.LoaderArgs) {
  const auth = await context.auth();
  const access = await handleLoader(async () => {
    if (!auth) throw notFound("conversations.notFound");
    return requireConversationAccess(params.id, auth.user.id);
  });
  await handleLoader(async () =>
    conversationPolicy.authorize(actorOf(auth), "read", access.subject),
  );
  const attachment = await findMessageAttachment(access.conversation.id, params.attachmentId);
  if (!attachment) throw httpError(404);
  return serveStoredFile(attachment);
}
