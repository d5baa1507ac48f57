import { type Actor, allow, definePolicy, refuse } from "~/lib/policy";

/** Who the radar's viewer is beyond the actor: their role and whether they facilitate a network. */
export type RadarViewer = { role: "owner" | "educator"; facilitatesANetwork: boolean };

/**
 * Who may read the needs radar (pure: no database): educators, facilitators (installation-wide
 * or of a network) and admins. Owners say what they need on their own pages; the aggregate view
 * is for those who answer needs.
 */
export const radarPolicy = definePolicy("radar", {
  view: (actor: Actor, viewer: RadarViewer) => {
    if (!actor) return refuse(403, "radar.forbidden");
    if (actor.isAdmin || actor.isFacilitator) return allow;
    if (viewer.role === "educator" || viewer.facilitatesANetwork) return allow;
    return refuse(403, "radar.forbidden");
  },
});
