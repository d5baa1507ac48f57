/**
 * Events on a person's topic (`user:<id>`) that their own live stream passes to the page. Other
 * types on that topic (sessions-changed) stay on the server. Conversations publish
 * `conversations.unread` here; the page's hook switches on the type.
 */
export function isPersonEventType(type: string): boolean {
  return type.startsWith("notifications.") || type.startsWith("conversations.");
}

/** An event as the person stream sends it: `data: {"type": …, "data": …}`. */
export type PersonEvent = { type: string; data: Record<string, unknown> };
