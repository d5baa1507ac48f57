import { type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, check } from "drizzle-orm/pg-core";

/**
 * A CHECK that the column holds one of `values` (the lists in ../enums.ts). Text columns with a
 * CHECK rather than PostgreSQL enums: adding a value is then one generated migration that swaps
 * the constraint, without enum type changes that cannot run inside a transaction.
 */
export function checkOneOf(name: string, column: AnyPgColumn, values: readonly string[]) {
  const list = sql.join(
    values.map((value) => sql.raw(`'${value.replaceAll("'", "''")}'`)),
    sql`, `,
  );
  return check(name, sql`${column} in (${list})`);
}

/** A CHECK that a counter or size is never negative. */
export function checkNotNegative(name: string, column: AnyPgColumn) {
  return check(name, sql`${column} >= 0`);
}

/** A CHECK over an arbitrary condition (kept here so all checks are written the same way). */
export function checkThat(name: string, condition: SQL) {
  return check(name, condition);
}
