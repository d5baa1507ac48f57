/**
 * npm run content:rerender
 * Renders every stored Markdown body (posts, comments, discussion topics and replies) again with
 * the current renderer and writes the HTML that changed. Safe to run again; run it after the
 * Markdown renderer changes.
 */
import { rerenderStoredHtml } from "../app/features/content/rerender.server";
import { openScriptDatabase, runScript } from "./open-database";

await runScript(async () => {
  const database = await openScriptDatabase();
  try {
    const { checked, updated } = await rerenderStoredHtml({ db: database.db });
    for (const table of Object.keys(checked) as (keyof typeof checked)[]) {
      console.log(`${table}: ${updated[table]} of ${checked[table]} re-rendered`);
    }
  } finally {
    await database.close();
  }
});
