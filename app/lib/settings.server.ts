import { eq } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { settings } from "~/db/schema";
import type { Decision } from "~/lib/policy";

/**
 * Installation settings: what an admin chooses (under Admin → Installation settings) and what the
 * application records about itself (written by its jobs, never by a person). One table, key → JSON.
 */
const adminSettingDefaults = {
  /** When true, any signed-in member may start a network, not only facilitators. */
  anyMemberCanCreateNetworks: false,
  /** What signed-out visitors may see of people (decision 026): members, names or profiles. */
  visitorPeople: "members" as "members" | "names" | "profiles",
};
const recordedSettingDefaults = {
  /** The Markdown renderer that made the stored HTML (see content/rerender-job.server.ts). */
  markdownRenderer: "" as string,
};
export const settingDefaults = { ...adminSettingDefaults, ...recordedSettingDefaults };
export type SettingKey = keyof typeof settingDefaults;
type AdminSettingKey = keyof typeof adminSettingDefaults;
type RecordedSettingKey = keyof typeof recordedSettingDefaults;

export async function getSetting<K extends SettingKey>(
  key: K,
): Promise<(typeof settingDefaults)[K]> {
  const [row] = await getDb()
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, key));
  return (row?.value as (typeof settingDefaults)[K] | undefined) ?? settingDefaults[key];
}

async function writeSetting(key: SettingKey, value: unknown): Promise<void> {
  await getDb()
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
}

/** Changes a setting an admin chooses; the decision proves the admin may. */
export async function setSetting<K extends AdminSettingKey>(
  _decision: Decision<"manageInstallationSettings", undefined>,
  key: K,
  value: (typeof adminSettingDefaults)[K],
): Promise<void> {
  await writeSetting(key, value);
}

/** Records what the application knows about itself (no person decides these). */
export async function recordSetting<K extends RecordedSettingKey>(
  key: K,
  value: (typeof recordedSettingDefaults)[K],
): Promise<void> {
  await writeSetting(key, value);
}
