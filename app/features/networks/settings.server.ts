import { eq } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { settings } from "~/db/schema";
import type { Decision } from "~/lib/policy";

/** The installation settings and their defaults. */
export const settingDefaults = {
  /** When true, any signed-in member may start a network, not only facilitators. */
  anyMemberCanCreateNetworks: false,
};
export type SettingKey = keyof typeof settingDefaults;

export async function getSetting<K extends SettingKey>(
  key: K,
): Promise<(typeof settingDefaults)[K]> {
  const [row] = await getDb()
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, key));
  return (row?.value as (typeof settingDefaults)[K] | undefined) ?? settingDefaults[key];
}

export async function setSetting<K extends SettingKey>(
  _decision: Decision<"manageInstallationSettings", undefined>,
  key: K,
  value: (typeof settingDefaults)[K],
): Promise<void> {
  await getDb()
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
}
