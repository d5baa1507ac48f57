import type { Db } from "~/db/client.server";

/** A notification row just written, as the email side needs it. */
export type NotifiedRow = {
  id: string;
  recipientId: string;
  kind: string;
  networkId: string | null;
};

/**
 * Called by `notify()` in the same transaction, right after new rows were inserted (never for
 * rows that already existed). Email for notifications is wired here: immediate mails are queued
 * as jobs in `tx`, digests read the rows later. It does nothing yet; the "mail" work replaces
 * this function at merge, and this is the only place the notification centre calls into mail.
 */
export async function afterNotified(_tx: Db, _rows: NotifiedRow[]): Promise<void> {}
