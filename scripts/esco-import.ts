/**
 * npm run esco:import -- <folder>
 * Imports the official ESCO CSV download (any subset of its files, any language) into the
 * taxonomy tables. Safe to re-run: a second import of the same folder writes nothing.
 */
import {
  countEscoRows,
  type EscoProgress,
  findEscoFiles,
  importEsco,
} from "../app/features/taxonomy/esco-import.server";
import { openScriptDatabase, runScript } from "./open-database";

const barWidth = 30;

/** One line on stderr, redrawn in place on a terminal; a line per finished file otherwise. */
function progressBar(): { update(progress: EscoProgress): void; done(): void } {
  const isTerminal = process.stderr.isTTY === true;
  let lastDraw = 0;
  let lastFile = "";
  const draw = (p: EscoProgress) => {
    const share = p.totalBytes > 0 ? Math.min(1, p.bytesRead / p.totalBytes) : 1;
    const filled = Math.round(share * barWidth);
    const bar = `${"█".repeat(filled)}${"░".repeat(barWidth - filled)}`;
    const percent = `${Math.round(share * 100)}`.padStart(3);
    const line = `${bar} ${percent}%  ${p.rows.toLocaleString("en")} rows  ${p.file}`;
    const width = process.stderr.columns ?? 100;
    process.stderr.write(`\r${line.slice(0, width - 1).padEnd(width - 1)}`);
  };
  let last: EscoProgress | undefined;
  return {
    update(p) {
      if (!isTerminal) {
        if (lastFile && p.file !== lastFile && last) {
          process.stderr.write(`${last.file}: ${last.rows.toLocaleString("en")} rows\n`);
        }
        lastFile = p.file;
        last = p;
        return;
      }
      const now = Date.now();
      const isFileEnd = p.bytesRead >= p.totalBytes;
      // Redrawing at every batch would cost more than the import on a slow terminal.
      if (p.file === lastFile && !isFileEnd && now - lastDraw < 80) return;
      lastDraw = now;
      lastFile = p.file;
      draw(p);
    },
    done() {
      if (isTerminal) process.stderr.write("\r\x1b[2K");
      else if (last) process.stderr.write(`${last.file}: ${last.rows.toLocaleString("en")} rows\n`);
    },
  };
}

await runScript(async () => {
  const folder = process.argv[2];
  if (!folder) throw new Error("Give the ESCO folder: npm run esco:import -- <folder>");
  // Checked before opening the database, so a typo fails at once.
  findEscoFiles(folder);
  const database = await openScriptDatabase();
  try {
    const started = performance.now();
    const bar = progressBar();
    const summary = await importEsco({ folder, onProgress: (p) => bar.update(p) }).finally(() =>
      bar.done(),
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const name = Math.max(...summary.files.map((f) => f.file.length));
    console.log(`ESCO import from ${summary.folder}`);
    for (const f of summary.files) {
      const counts =
        f.status === "skipped"
          ? ""
          : `${f.rowsRead.toLocaleString("en").padStart(8)} read ${f.rowsWritten.toLocaleString("en").padStart(8)} written`;
      const note = f.reason ? `  (${f.reason})` : "";
      const ignored = f.rowsIgnored ? `, ${f.rowsIgnored} without a URI` : "";
      console.log(`  ${f.file.padEnd(name)}  ${f.status.padEnd(8)} ${counts}${ignored}${note}`);
    }
    const t = summary.totals;
    console.log(
      `${t.filesImported} files imported, ${t.filesSkipped} skipped, ${t.filesFailed} failed; ` +
        `${t.rowsRead.toLocaleString("en")} records read, ${t.rowsWritten.toLocaleString("en")} rows written in ${seconds} s.`,
    );
    const rows = await countEscoRows();
    console.log(
      `Database: ${rows.concepts.toLocaleString("en")} concepts, ${rows.labels.toLocaleString("en")} labels, ` +
        `${rows.relations.toLocaleString("en")} relations, ${rows.collectionMembers.toLocaleString("en")} collection members.`,
    );
    if (t.filesFailed > 0) process.exitCode = 1;
  } finally {
    await database.close();
  }
});
