import { type SQL, sql } from "drizzle-orm";
import { type Cursor, encodeCursor } from "./cursor";

/**
 * The sort timestamp of a row as the cursor carries it: ISO 8601 in UTC with microseconds, so a
 * page boundary never falls between two rows written in the same millisecond.
 * `column` is a fixed column reference written in code (never user input).
 */
export function cursorAtSql(column: string): SQL {
  return sql.raw(
    `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at`,
  );
}

/** The condition for rows after a cursor in a newest-first list on (`column`, `idColumn`). */
export function afterCursorSql(after: Cursor, column: string, idColumn: string): SQL {
  return sql`(${sql.raw(column)}, ${sql.raw(idColumn)}) < (${after.at}::timestamptz, ${after.id}::uuid)`;
}

/**
 * One page of a keyset list: queries fetch `limit + 1` rows; the extra one only says that there
 * is a next page, whose cursor is the last row shown.
 */
export function keysetPage<T extends { id: string; cursor_at: string }>(rows: T[], limit: number) {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    page,
    next: rows.length > limit && last ? encodeCursor({ at: last.cursor_at, id: last.id }) : null,
  };
}
