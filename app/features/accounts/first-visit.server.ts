import { eq } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { users } from "~/db/schema";
import { isNewcomer } from "./first-visit";

/** Whether the person signed up so recently that "Welcome back" would be wrong. */
export async function isNewcomerAccount(userId: string): Promise<boolean> {
  const [row] = await getDb()
    .select({ createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row ? isNewcomer(row.createdAt) : false;
}
