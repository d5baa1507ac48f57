/**
 * Stored HTML follows the renderer: when the Markdown renderer's output changes, bump
 * MARKDOWN_RENDERER and every installation re-renders its stored bodies once, in the background,
 * at its next start (the `content.rerender` job), instead of in a migration that would hold the
 * start-up for minutes on a large installation.
 */
import { z } from "zod";
import { defineJob, enqueue } from "~/lib/jobs.server";
import { getLogger } from "~/lib/logger.server";
import { getSetting, recordSetting } from "~/lib/settings.server";
import { rerenderStoredHtml } from "./rerender.server";

/** Names the renderer whose output is stored; change it whenever that output changes. */
export const MARKDOWN_RENDERER = "markdown-it-15/1";

export const rerenderJob = defineJob({
  name: "content.rerender",
  payload: z.object({ renderer: z.string().min(1).max(100) }),
  retryLimit: 3,
  retryDelaySeconds: 60,
  // Batches of 500 rows; on a million posts this takes minutes, never an hour.
  expireInSeconds: 60 * 60,
  pollingIntervalSeconds: 30,
  async handle({ renderer }) {
    const result = await rerenderStoredHtml();
    await recordSetting("markdownRenderer", renderer);
    getLogger().info({ renderer, ...result }, "stored HTML rendered again");
  },
});

/**
 * Queues the re-rendering when the stored HTML was made by another renderer. The job key names
 * the renderer, so several processes starting together queue it once.
 */
export async function rerenderIfRendererChanged(): Promise<boolean> {
  if ((await getSetting("markdownRenderer")) === MARKDOWN_RENDERER) return false;
  await enqueue(
    "content.rerender",
    { renderer: MARKDOWN_RENDERER },
    { key: `content.rerender:${MARKDOWN_RENDERER}` },
  );
  return true;
}
