import { z } from "zod";

/** A keyset position: the sort timestamp and id of the last row shown. */
export type Cursor = { at: string; id: string };

const cursorSchema = z.object({ at: z.iso.datetime({ offset: true }), id: z.uuid() });

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.at}|${cursor.id}`).toString("base64url");
}

/** Reads a cursor from a query string; anything malformed is treated as "first page". */
export function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value || value.length > 200) return null;
  try {
    const [at, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
    const parsed = cursorSchema.safeParse({ at, id });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
