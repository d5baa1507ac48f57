import { and, eq, getTableColumns } from "drizzle-orm";
import type { PgColumn, PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import { type Db, getDb } from "~/db/client.server";
import { httpError } from "./errors";

/**
 * A table whose rows carry the submission key of the form that made them, unique per owner
 * (a unique index on owner and key; rows without a key never collide).
 */
export type SubmissionKeyed<T extends PgTable> = {
  table: T;
  id: PgColumn;
  owner: PgColumn;
  key: PgColumn;
};

/** The id of the row this owner already made with this submission key, if any. */
export async function findSubmitted<T extends PgTable>(
  target: SubmissionKeyed<T>,
  ownerId: string,
  submissionKey: string | undefined,
  db: Db = getDb(),
): Promise<string | undefined> {
  if (!submissionKey) return undefined;
  const [row] = await db
    .select({ id: target.id })
    .from(target.table as PgTable)
    .where(and(eq(target.owner, ownerId), eq(target.key, submissionKey)));
  return row ? String(row.id) : undefined;
}

/**
 * Inserts a row at most once per (owner, submission key): a form sent twice, or two copies of it
 * racing each other, make one row, and every answer names that row's id.
 *
 * Steps: a resent key returns the existing id before anything else runs (no rate-limit hit, no
 * file stored); `prepare` does what only a new submission needs; the row is inserted with
 * `on conflict (owner, key) do nothing returning id` inside a transaction together with `alsoWrite`.
 * When the insert returns nothing, a concurrent twin committed first (PostgreSQL made this insert
 * wait for it): `discard` undoes `prepare` and the twin's id is read and returned. When the
 * transaction fails, `discard` runs and the error goes on. The caller publishes live events or
 * sends mail only when `duplicate` is false.
 */
export async function createOnce<T extends PgTable, P = undefined>(options: {
  target: SubmissionKeyed<T>;
  ownerId: string;
  submissionKey: string | undefined;
  prepare?: () => Promise<P>;
  values: (tx: Db, prepared: P) => PgInsertValue<T> | Promise<PgInsertValue<T>>;
  alsoWrite?: (tx: Db, id: string, prepared: P) => Promise<void>;
  discard?: (prepared: P) => Promise<void>;
}): Promise<{ id: string; duplicate: boolean }> {
  const { target, ownerId, submissionKey } = options;
  const existing = await findSubmitted(target, ownerId, submissionKey);
  if (existing) return { id: existing, duplicate: true };
  const prepared = (options.prepare ? await options.prepare() : undefined) as P;
  let created: string | null;
  try {
    created = await getDb().transaction(async (tx) => {
      const values = await options.values(tx, prepared);
      const [row] = await tx
        .insert(target.table as PgTable)
        .values({ ...values, [keyProperty(target)]: submissionKey ?? null } as never)
        .onConflictDoNothing({ target: [target.owner, target.key] })
        .returning({ id: target.id });
      if (!row) return null;
      const id = String(row.id);
      if (options.alsoWrite) await options.alsoWrite(tx, id, prepared);
      return id;
    });
  } catch (error) {
    await options.discard?.(prepared);
    throw error;
  }
  if (created) return { id: created, duplicate: false };
  await options.discard?.(prepared);
  const twin = await findSubmitted(target, ownerId, submissionKey);
  // Only a key can collide, and its row was committed before this insert gave way; it can be
  // gone only if it was hard-deleted in between (its author's account removed).
  if (!twin) throw httpError(409, "errors.conflict");
  return { id: twin, duplicate: true };
}

/** The property name (in the table's TypeScript shape) of the submission-key column. */
function keyProperty<T extends PgTable>(target: SubmissionKeyed<T>): string {
  for (const [property, column] of Object.entries(getTableColumns(target.table))) {
    if (column === target.key) return property;
  }
  throw new Error(`submission key column ${target.key.name} is not in its table`);
}
