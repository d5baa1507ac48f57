import { z } from "zod";
import { invalid } from "~/lib/errors";

/** The periods the radar looks back over (months; "all": since the first need). */
export const radarPeriods = ["3", "6", "12", "all"] as const;
export type RadarPeriod = (typeof radarPeriods)[number];

/** Groups smaller than this (needs, or people behind them) are shown in no figure or export. */
export const MIN_GROUP = 3;

const optional = (schema: z.ZodString) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()))
    .pipe(schema.optional());

const filterSchema = z.object({
  topic: optional(
    z
      .string()
      .max(500)
      .regex(/^(topic|esco|entrecomp|digcomp):\S+$/),
  ),
  country: optional(z.string().regex(/^[A-Z]{2}$/)),
  region: optional(z.string().max(100)),
  section: optional(z.string().regex(/^[A-U]$/)),
  division: optional(z.string().regex(/^\d{2}$/)),
  network: optional(z.string().uuid()),
  period: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === "" ? "12" : v))
    .pipe(z.enum(radarPeriods)),
});

export type RadarFilters = {
  topic?: string;
  country?: string;
  region?: string;
  section?: string;
  division?: string;
  network?: string;
  period: RadarPeriod;
};

/** The radar's filters from the query string; anything malformed is a 400, not an empty page. */
export function readRadarFilters(params: URLSearchParams): RadarFilters {
  const raw: Record<string, string> = {};
  for (const key of ["topic", "country", "region", "section", "division", "network", "period"]) {
    const value = params.get(key);
    if (value !== null) raw[key] = value;
  }
  const parsed = filterSchema.safeParse(raw);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "");
    throw invalid("radar.badFilter", field);
  }
  return parsed.data;
}

/** The filters as a query string (for the CSV link and the links of the page). */
export function radarQuery(filters: RadarFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && !(key === "period" && value === "12")) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The distance index: unreached weight ÷ open weight, or null for an empty set. */
export function distanceIndex(openWeight: number, unreachedWeight: number): number | null {
  return openWeight > 0 ? unreachedWeight / openWeight : null;
}

/** Whether a group is large enough to show (needs and people both at least MIN_GROUP). */
export function isShown(group: { needs: number; people: number }): boolean {
  return group.needs >= MIN_GROUP && group.people >= MIN_GROUP;
}

/**
 * The groups of one breakdown that may be shown, with complementary suppression: when exactly
 * one group of the breakdown is too small, the shown total minus the shown groups would give it
 * away, so the smallest shown group is hidden with it (the difference is then the sum of two
 * groups, one of them at least MIN_GROUP). `groups` must hold every group of the breakdown,
 * those without a key (no sector, no region) included, as they count in the total too.
 */
export function shownGroups<G extends { needs: number; people: number }>(
  groups: readonly G[],
): G[] {
  const shown = groups.filter(isShown);
  if (groups.length - shown.length !== 1 || shown.length === 0) return shown;
  const smallest = shown.reduce((a, b) => (b.needs < a.needs ? b : a));
  return shown.filter((group) => group !== smallest);
}
