/**
 * npm run admin:create -- --email someone@example.org [--name "Full Name"] [--password ...]
 * Makes an existing account an admin, or creates a verified admin account. Without --password
 * for a new account, a random one is printed once.
 */
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { getDb } from "../app/db/client.server";
import { users } from "../app/db/schema";
import { createUser } from "../app/db/seed/builders.server";
import { emailSchema, newPasswordSchema } from "../app/features/accounts/schema";
import { randomToken } from "../app/lib/crypto.server";
import { openScriptDatabase, runScript } from "./open-database";

await runScript(async () => {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      password: { type: "string" },
      role: { type: "string", default: "educator" },
    },
  });
  const email = emailSchema.safeParse(values.email ?? "");
  if (!email.success)
    throw new Error("Give a valid address: npm run admin:create -- --email you@example.org");
  const database = await openScriptDatabase();
  try {
    const [existing] = await getDb()
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, email.data));
    if (existing) {
      await getDb()
        .update(users)
        .set({ isAdmin: true, isFacilitator: true })
        .where(eq(users.id, existing.id));
      console.log(`${email.data} is now an admin.`);
      return;
    }
    const password = values.password ?? randomToken().slice(0, 20);
    const checked = newPasswordSchema.safeParse(password);
    if (!checked.success)
      throw new Error("The password must have at least 10 characters and not be a common one.");
    await createUser({
      email: email.data,
      displayName: values.name ?? email.data.split("@")[0],
      role: values.role === "owner" ? "owner" : "educator",
      password,
      isAdmin: true,
      isFacilitator: true,
      onboarded: false,
      languages: [],
    });
    console.log(`Created admin ${email.data}.`);
    if (!values.password) console.log(`Password (shown once): ${password}`);
  } finally {
    await database.close();
  }
});
