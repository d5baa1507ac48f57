import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { count, type SQL, sql } from "drizzle-orm";
import { type Db, getDb } from "~/db/client.server";
import { escoCollectionMembers, escoConcepts, escoLabels, escoRelations } from "~/db/schema";

/** Reported after every batch, so a caller can draw progress per file. */
export type EscoProgress = {
  file: string;
  bytesRead: number;
  totalBytes: number;
  /** CSV records read so far from this file. */
  rows: number;
};

/** What happened to one file of the folder. */
export type EscoFileResult = {
  file: string;
  /** The part of the name before the language, e.g. "skillGroups"; null for a foreign name. */
  kind: string | null;
  language: string | null;
  /**
   * imported: read to the end; skipped: not read (foreign name, kind not imported, unreadable
   * header); failed: stopped by a CSV error part-way, the batches before it are kept.
   */
  status: "imported" | "skipped" | "failed";
  reason?: string;
  bytes: number;
  rowsRead: number;
  /** Records without a usable URI. */
  rowsIgnored: number;
  /** Database rows inserted or changed; 0 when the folder was imported before. */
  rowsWritten: number;
};

export type EscoImportSummary = {
  folder: string;
  files: EscoFileResult[];
  totals: {
    filesImported: number;
    filesSkipped: number;
    filesFailed: number;
    rowsRead: number;
    rowsWritten: number;
  };
};

/** A CSV file of the folder and what the importer will do with it. */
export type EscoFile = {
  file: string;
  path: string;
  bytes: number;
  kind: string | null;
  language: string | null;
  plan: FilePlan | null;
  /** Why the file is not imported (when plan is null). */
  skipReason?: string;
};

export type FilePlan =
  | { type: "concepts"; conceptType: string; uriColumn: string; order: number }
  | { type: "collection"; collection: string; order: number }
  | { type: "hierarchy"; order: number }
  | { type: "broader"; order: number };

// The pillar files come first: they are the full record of each concept, and the collections
// and the hierarchy only fill in what is missing, so re-runs never flip values back and forth.
const conceptFiles: Record<string, { conceptType: string; uriColumn: string }> = {
  skills: { conceptType: "KnowledgeSkillCompetence", uriColumn: "conceptUri" },
  skillGroups: { conceptType: "SkillGroup", uriColumn: "conceptUri" },
  occupations: { conceptType: "Occupation", uriColumn: "conceptUri" },
  ISCOGroups: { conceptType: "ISCOGroup", uriColumn: "conceptUri" },
  conceptSchemes: { conceptType: "ConceptScheme", uriColumn: "conceptSchemeUri" },
};

// Collection keys are derived from the file name; these read better than the mechanical rule.
const collectionKeys: Record<string, string> = {
  digComp: "digcomp",
  researchOccupations: "research-occupations",
};

const escoFileName = /^([A-Za-z]+)_([A-Za-z]{2,3}(?:-[A-Za-z]{2,4})?)\.csv$/;
const batchSize = 500;

function planFor(kind: string): FilePlan | null {
  const concept = conceptFiles[kind];
  if (concept) return { type: "concepts", ...concept, order: 0 };
  const collection = /^(\w+?)(?:Skills)?Collection$/.exec(kind);
  if (collection) {
    const stem = collection[1];
    const key = collectionKeys[stem] ?? stem.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
    return { type: "collection", collection: key, order: 1 };
  }
  if (kind === "skillsHierarchy") return { type: "hierarchy", order: 2 };
  if (kind === "broaderRelationsSkillPillar" || kind === "broaderRelationsOccPillar") {
    return { type: "broader", order: 2 };
  }
  return null;
}

/**
 * Lists the CSV files of an ESCO download folder with the plan for each (by name:
 * `<kind>_<language>.csv`). Throws a clear Error when the folder is missing or holds no
 * importable ESCO file.
 */
export function findEscoFiles(folder: string): EscoFile[] {
  const absolute = path.resolve(folder);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(absolute, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new Error(`ESCO folder not found: ${absolute}`);
    if (code === "ENOTDIR") throw new Error(`Not a folder: ${absolute}`);
    throw new Error(`Cannot read the ESCO folder ${absolute}: ${(error as Error).message}`);
  }
  const files: EscoFile[] = entries
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith(".csv"))
    .map((entry) => {
      const filePath = path.join(absolute, entry.name);
      const bytes = fs.statSync(filePath).size;
      const match = escoFileName.exec(entry.name);
      if (!match) {
        return {
          file: entry.name,
          path: filePath,
          bytes,
          kind: null,
          language: null,
          plan: null,
          skipReason: "not an ESCO file name (expected <kind>_<language>.csv)",
        };
      }
      const [, kind, language] = match;
      const plan = planFor(kind);
      return {
        file: entry.name,
        path: filePath,
        bytes,
        kind,
        language: language.toLowerCase(),
        plan,
        skipReason: plan ? undefined : `${kind} files are not part of the taxonomy import`,
      };
    });
  if (!files.some((file) => file.plan)) {
    throw new Error(
      `No ESCO CSV file in ${absolute}: expected files of the ESCO download such as skills_en.csv, skillGroups_en.csv or skillsHierarchy_en.csv.`,
    );
  }
  return files.sort(
    (a, b) =>
      (a.plan?.order ?? 9) - (b.plan?.order ?? 9) ||
      (a.language ?? "").localeCompare(b.language ?? "") ||
      a.file.localeCompare(b.file),
  );
}

type ConceptRow = typeof escoConcepts.$inferInsert;
type LabelRow = typeof escoLabels.$inferInsert;

/** What one batch of records turns into, deduplicated by primary key. */
class Batch {
  concepts = new Map<string, ConceptRow>();
  labels = new Map<string, LabelRow>();
  members = new Map<string, { collection: string; uri: string }>();
  relations = new Map<string, { parentUri: string; childUri: string }>();
  records = 0;

  addConcept(row: ConceptRow) {
    this.concepts.set(row.uri, mergeKnown(this.concepts.get(row.uri), row));
  }
  addLabel(row: LabelRow) {
    const key = `${row.uri} ${row.language}`;
    this.labels.set(key, mergeKnown(this.labels.get(key), row));
  }
  addMember(collection: string, uri: string) {
    this.members.set(`${collection} ${uri}`, { collection, uri });
  }
  addRelation(parentUri: string, childUri: string) {
    if (parentUri !== childUri)
      this.relations.set(`${parentUri} ${childUri}`, { parentUri, childUri });
  }
}

// The same concept can occur several times in one batch (the hierarchy repeats every ancestor);
// a later occurrence without a value must not erase an earlier one's.
function mergeKnown<T extends object>(previous: T | undefined, next: T): T {
  if (!previous) return next;
  const merged = { ...previous } as Record<string, unknown>;
  for (const [key, value] of Object.entries(next)) {
    const isEmpty = value == null || (Array.isArray(value) && value.length === 0);
    if (!isEmpty) merged[key] = value;
  }
  return merged as T;
}

type CsvRecord = { get(column: string): string | null };

/** The file cannot be read as the ESCO file its name promises; nothing was written. */
class UnreadableFileError extends Error {}
/** The file broke part-way (bad quoting, a short record, a read error). */
class DamagedFileError extends Error {}

/**
 * Imports an official ESCO CSV download (any subset of its files, any language) into the
 * esco_* tables. Each file is streamed and written in batches of 500 records, one transaction
 * per batch; every write is an upsert that changes only what differs, so importing the same
 * folder again writes nothing. Foreign, unsupported and unreadable files are reported, not
 * fatal; a missing folder, or one without any ESCO file, throws.
 */
export async function importEsco(options: {
  folder: string;
  onProgress?: (progress: EscoProgress) => void;
  db?: Db;
}): Promise<EscoImportSummary> {
  const db = options.db ?? getDb();
  const files = findEscoFiles(options.folder);
  const results: EscoFileResult[] = [];
  for (const file of files) {
    const result: EscoFileResult = {
      file: file.file,
      kind: file.kind,
      language: file.language,
      status: "skipped",
      bytes: file.bytes,
      rowsRead: 0,
      rowsIgnored: 0,
      rowsWritten: 0,
    };
    results.push(result);
    if (!file.plan || !file.language) {
      result.reason = file.skipReason;
      continue;
    }
    try {
      await importFile(db, file, file.plan, file.language, result, options.onProgress);
      result.status = "imported";
    } catch (error) {
      if (error instanceof UnreadableFileError) {
        result.reason = error.message;
      } else if (error instanceof DamagedFileError) {
        result.status = "failed";
        result.reason = error.message;
      } else {
        throw error;
      }
    }
  }
  return {
    folder: path.resolve(options.folder),
    files: results,
    totals: {
      filesImported: results.filter((r) => r.status === "imported").length,
      filesSkipped: results.filter((r) => r.status === "skipped").length,
      filesFailed: results.filter((r) => r.status === "failed").length,
      rowsRead: results.reduce((sum, r) => sum + r.rowsRead, 0),
      rowsWritten: results.reduce((sum, r) => sum + r.rowsWritten, 0),
    },
  };
}

function isFileSystemError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === "string";
}

async function importFile(
  db: Db,
  file: EscoFile,
  plan: FilePlan,
  language: string,
  result: EscoFileResult,
  onProgress: ((progress: EscoProgress) => void) | undefined,
): Promise<void> {
  const input = fs.createReadStream(file.path);
  // pipeline() forwards a read error to the parser, where the loop below sees it.
  const parser = pipeline(
    input,
    parse({ bom: true, skip_empty_lines: true }),
    () => {},
  ) as AsyncIterable<string[]>;
  const report = () =>
    onProgress?.({
      file: file.file,
      bytesRead: input.bytesRead,
      totalBytes: file.bytes,
      rows: result.rowsRead,
    });
  report();
  let columns: Map<string, number> | undefined;
  let handle: ((record: CsvRecord, batch: Batch) => boolean) | undefined;
  let batch = new Batch();
  let committed = 0;
  const flush = async () => {
    if (batch.records === 0) return;
    result.rowsWritten += await writeBatch(db, batch, plan);
    committed += batch.records;
    batch = new Batch();
    report();
  };
  try {
    for await (const fields of parser) {
      if (!columns) {
        columns = new Map(fields.map((name, index) => [name.trim(), index]));
        handle = recordHandler(plan, columns, language, file);
        continue;
      }
      const index = columns;
      const record: CsvRecord = {
        get(column) {
          const at = index.get(column);
          // PostgreSQL text cannot hold NUL, which only a damaged file contains.
          const value = at === undefined ? "" : (fields[at] ?? "").replace(/\0/g, "").trim();
          return value === "" ? null : value;
        },
      };
      result.rowsRead++;
      batch.records++;
      if (!handle!(record, batch)) result.rowsIgnored++;
      if (batch.records >= batchSize) await flush();
    }
  } catch (error) {
    if (error instanceof CsvError || isFileSystemError(error)) {
      throw new DamagedFileError(
        `${(error as Error).message}; the first ${committed} records were imported`,
      );
    }
    throw error;
  } finally {
    input.destroy();
  }
  if (!columns) throw new UnreadableFileError("empty file");
  await flush();
  onProgress?.({
    file: file.file,
    bytesRead: file.bytes,
    totalBytes: file.bytes,
    rows: result.rowsRead,
  });
}

/** Checks the header and returns the function that turns one record into rows. */
function recordHandler(
  plan: FilePlan,
  columns: Map<string, number>,
  language: string,
  file: EscoFile,
): (record: CsvRecord, batch: Batch) => boolean {
  const requireColumns = (...names: string[]) => {
    const missing = names.filter((name) => !columns.has(name));
    if (missing.length) {
      throw new UnreadableFileError(
        `not a readable ESCO ${file.kind} file: the header lacks ${missing.join(", ")}`,
      );
    }
  };
  switch (plan.type) {
    case "concepts": {
      requireColumns(plan.uriColumn, "preferredLabel");
      return (record, batch) => {
        const uri = record.get(plan.uriColumn);
        if (!isUri(uri)) return false;
        batch.addConcept(conceptOf(record, uri, plan.conceptType));
        const label = labelOf(record, uri, language, false);
        if (label) batch.addLabel(label);
        return true;
      };
    }
    case "collection": {
      requireColumns("conceptUri", "preferredLabel");
      return (record, batch) => {
        const uri = record.get("conceptUri");
        if (!isUri(uri)) return false;
        batch.addConcept(conceptOf(record, uri, "KnowledgeSkillCompetence"));
        const label = labelOf(record, uri, language, true);
        if (label) batch.addLabel(label);
        batch.addMember(plan.collection, uri);
        for (const parent of splitList(record.get("broaderConceptUri"), true)) {
          if (isUri(parent)) batch.addRelation(parent, uri);
        }
        return true;
      };
    }
    case "hierarchy": {
      const levels = [...columns.keys()]
        .map((name) => /^Level (\d+) URI$/.exec(name))
        .filter((match) => match !== null)
        .map((match) => Number(match[1]))
        .sort((a, b) => a - b);
      requireColumns("Level 0 URI", "Level 1 URI");
      return (record, batch) => {
        let parent: string | undefined;
        let deepest: string | undefined;
        for (const level of levels) {
          const uri = record.get(`Level ${level} URI`);
          if (!isUri(uri)) continue;
          batch.addConcept({ uri, conceptType: "SkillGroup" });
          const term = record.get(`Level ${level} preferred term`);
          if (term) batch.addLabel({ uri, language, preferredLabel: term });
          if (parent) batch.addRelation(parent, uri);
          parent = uri;
          deepest = uri;
        }
        if (!deepest) return false;
        // A row's description belongs to its deepest level.
        const description = record.get("Description");
        const term = batch.labels.get(`${deepest} ${language}`);
        if (description && term) batch.addLabel({ ...term, description });
        return true;
      };
    }
    case "broader": {
      requireColumns("conceptUri", "broaderUri");
      return (record, batch) => {
        const uri = record.get("conceptUri");
        const parent = record.get("broaderUri");
        if (!isUri(uri) || !isUri(parent)) return false;
        batch.addRelation(parent, uri);
        return true;
      };
    }
  }
}

function conceptOf(record: CsvRecord, uri: string, conceptType: string): ConceptRow {
  return {
    uri,
    conceptType: record.get("conceptType") ?? conceptType,
    skillType: record.get("skillType"),
    reuseLevel: record.get("reuseLevel"),
    status: record.get("status"),
    code: record.get("code"),
    iscoGroup: record.get("iscoGroup"),
    modifiedAt: parseDate(record.get("modifiedDate")),
  };
}

function labelOf(
  record: CsvRecord,
  uri: string,
  language: string,
  isCollection: boolean,
): LabelRow | null {
  const preferredLabel = record.get("preferredLabel") ?? record.get("title");
  // ESCO leaves a label empty where a language has no translation yet.
  if (!preferredLabel) return null;
  return {
    uri,
    language,
    preferredLabel,
    altLabels: splitList(record.get("altLabels"), isCollection),
    hiddenLabels: splitList(record.get("hiddenLabels"), isCollection),
    description: record.get("description"),
  };
}

// The pillar files put one label per line; the collection files join them with " | ".
function splitList(value: string | null, isPipeSeparated: boolean): string[] {
  if (!value) return [];
  const parts = value.split(isPipeSeparated ? /\r?\n|\s\|\s/ : /\r?\n/);
  return [...new Set(parts.map((part) => part.trim()).filter(Boolean))];
}

function isUri(value: string | null): value is string {
  return value !== null && /^https?:\/\/\S+$/.test(value);
}

function parseDate(value: string | null): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `(current columns) is distinct from (new values)`, so unchanged rows are not rewritten. */
function changedWhere(table: string, values: Record<string, string>): SQL {
  const columns = Object.keys(values);
  return sql.raw(
    `(${columns.map((c) => `${table}.${c}`).join(", ")}) is distinct from (${Object.values(values).join(", ")})`,
  );
}

function setFrom(values: Record<string, string>, keys: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(keys).map(([key, column]) => [key, sql.raw(values[column])]),
  );
}

const conceptColumns = {
  conceptType: "concept_type",
  skillType: "skill_type",
  reuseLevel: "reuse_level",
  status: "status",
  code: "code",
  iscoGroup: "isco_group",
  modifiedAt: "modified_at",
};
// A file that does not know a fact (a collection has no status) leaves it as it is.
const conceptMerge = Object.fromEntries(
  Object.values(conceptColumns).map((c) => [
    c,
    c === "concept_type" ? `excluded.${c}` : `coalesce(excluded.${c}, esco_concepts.${c})`,
  ]),
);

const labelColumns = {
  preferredLabel: "preferred_label",
  altLabels: "alt_labels",
  hiddenLabels: "hidden_labels",
  description: "description",
};
const labelReplace = Object.fromEntries(
  Object.values(labelColumns).map((c) => [c, `excluded.${c}`]),
);
// Collections and the hierarchy repeat labels of the pillar files, sometimes shortened, so they
// only fill what is still empty.
const labelFill = {
  preferred_label: "esco_labels.preferred_label",
  alt_labels:
    "case when cardinality(esco_labels.alt_labels) = 0 then excluded.alt_labels else esco_labels.alt_labels end",
  hidden_labels:
    "case when cardinality(esco_labels.hidden_labels) = 0 then excluded.hidden_labels else esco_labels.hidden_labels end",
  description: "coalesce(esco_labels.description, excluded.description)",
};

/** Writes one batch in one transaction; returns the number of rows inserted or changed. */
async function writeBatch(db: Db, batch: Batch, plan: FilePlan): Promise<number> {
  const isFullRecord = plan.type === "concepts";
  return db.transaction(async (tx) => {
    let written = 0;
    const concepts = [...batch.concepts.values()];
    if (concepts.length) {
      const insert = tx.insert(escoConcepts).values(concepts);
      const rows =
        plan.type === "hierarchy"
          ? await insert.onConflictDoNothing().returning({ uri: escoConcepts.uri })
          : await insert
              .onConflictDoUpdate({
                target: escoConcepts.uri,
                set: setFrom(conceptMerge, conceptColumns),
                setWhere: changedWhere("esco_concepts", conceptMerge),
              })
              .returning({ uri: escoConcepts.uri });
      written += rows.length;
    }
    const labels = [...batch.labels.values()];
    if (labels.length) {
      const values = isFullRecord ? labelReplace : labelFill;
      const rows = await tx
        .insert(escoLabels)
        .values(labels)
        .onConflictDoUpdate({
          target: [escoLabels.uri, escoLabels.language],
          set: setFrom(values, labelColumns),
          setWhere: changedWhere("esco_labels", values),
        })
        .returning({ uri: escoLabels.uri });
      written += rows.length;
    }
    const members = [...batch.members.values()];
    if (members.length) {
      const rows = await tx
        .insert(escoCollectionMembers)
        .values(members)
        .onConflictDoNothing()
        .returning({ uri: escoCollectionMembers.uri });
      written += rows.length;
    }
    const relations = [...batch.relations.values()];
    if (relations.length) {
      const rows = await tx
        .insert(escoRelations)
        .values(relations)
        .onConflictDoNothing()
        .returning({ childUri: escoRelations.childUri });
      written += rows.length;
    }
    return written;
  });
}

/** Row counts of the ESCO tables (for the import summary and health checks). */
export async function countEscoRows(db: Db = getDb()): Promise<{
  concepts: number;
  labels: number;
  relations: number;
  collectionMembers: number;
}> {
  const [[concepts], [labels], [relations], [collectionMembers]] = await Promise.all([
    db.select({ n: count() }).from(escoConcepts),
    db.select({ n: count() }).from(escoLabels),
    db.select({ n: count() }).from(escoRelations),
    db.select({ n: count() }).from(escoCollectionMembers),
  ]);
  return {
    concepts: concepts.n,
    labels: labels.n,
    relations: relations.n,
    collectionMembers: collectionMembers.n,
  };
}
