import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse";
import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, getDb, openDatabase, setDatabase } from "~/db/client.server";
import { escoCollectionMembers, escoConcepts, escoLabels, escoRelations } from "~/db/schema";
import { openTestDatabase } from "../../../tests/setup/database";
import { countEscoRows, type EscoImportSummary, importEsco } from "./esco-import.server";

// The full English sample beside the project when it is there; otherwise an excerpt of the same
// real files kept in the repository (a CI clone may sit anywhere).
const sharedSample = path.resolve(process.cwd(), "../shared/data/esco");
const escoFolder = fs.existsSync(sharedSample)
  ? sharedSample
  : path.resolve(process.cwd(), "tests/fixtures/esco");
// Guards against an empty or truncated folder: the full sample has over 600 records per file.
const minimumRecords = escoFolder === sharedSample ? 600 : 100;

async function readCsv(file: string): Promise<Record<string, string>[]> {
  const records: Record<string, string>[] = [];
  const parser = fs
    .createReadStream(path.join(escoFolder, file))
    .pipe(parse({ columns: true, bom: true }));
  for await (const record of parser) records.push(record);
  return records;
}

async function countWhere(
  table: typeof escoConcepts | typeof escoCollectionMembers,
  where: ReturnType<typeof eq>,
) {
  const [row] = await getDb().select({ n: count() }).from(table).where(where);
  return row.n;
}

let database: Database;
let cleanup: () => Promise<void>;
let first: EscoImportSummary;
const progress: { file: string; bytesRead: number; totalBytes: number }[] = [];

beforeAll(async () => {
  ({ database, cleanup } = await openTestDatabase(openDatabase));
  setDatabase(database);
  first = await importEsco({ folder: escoFolder, onProgress: (p) => progress.push(p) });
}, 120_000);

afterAll(async () => {
  await cleanup();
});

describe("importEsco with the real ESCO files", () => {
  it("imports every taxonomy file of the folder and reports the rest", () => {
    const byFile = Object.fromEntries(first.files.map((f) => [f.file, f]));
    for (const file of [
      "skillGroups_en.csv",
      "skillsHierarchy_en.csv",
      "ictSkillsCollection_en.csv",
      "languageSkillsCollection_en.csv",
      "transversalSkillsCollection_en.csv",
      "occupations_en.csv",
      "ISCOGroups_en.csv",
      "conceptSchemes_en.csv",
    ]) {
      expect(byFile[file], file).toMatchObject({ status: "imported", language: "en" });
      expect(byFile[file].rowsRead, file).toBeGreaterThan(0);
      expect(byFile[file].rowsWritten, file).toBeGreaterThan(0);
    }
    expect(first.totals.filesFailed).toBe(0);
    expect(first.files.some((f) => f.file === "README.md")).toBe(false);
  });

  it("imports one skill group per record of skillGroups_en.csv, with its English label", async () => {
    const records = await readCsv("skillGroups_en.csv");
    expect(records.length).toBeGreaterThan(minimumRecords);
    // Every record is a skill group concept (other files may add groups they point to).
    const imported = await getDb()
      .select({ n: count() })
      .from(escoConcepts)
      .where(
        and(
          eq(escoConcepts.conceptType, "SkillGroup"),
          inArray(
            escoConcepts.uri,
            records.map((r) => r.conceptUri),
          ),
        ),
      );
    expect(imported[0].n).toBe(records.length);
    if (escoFolder === sharedSample) {
      expect(await countWhere(escoConcepts, eq(escoConcepts.conceptType, "SkillGroup"))).toBe(
        records.length,
      );
    }
    const known =
      records.find((r) => r.altLabels.includes("\n")) ??
      records.find((r) => r.altLabels.trim() !== "")!;
    const [label] = await getDb()
      .select()
      .from(escoLabels)
      .where(and(eq(escoLabels.uri, known.conceptUri), eq(escoLabels.language, "en")));
    expect(label.preferredLabel).toBe(known.preferredLabel);
    expect(label.altLabels).toEqual(
      known.altLabels
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean),
    );
    expect(label.description).toBe(known.description.trim() || null);
  });

  it("imports the parent → child pairs of skillsHierarchy_en.csv", async () => {
    const records = await readCsv("skillsHierarchy_en.csv");
    const pairs = new Set<string>();
    for (const r of records) {
      const uris = [0, 1, 2, 3].map((level) => r[`Level ${level} URI`]).filter(Boolean);
      for (let i = 1; i < uris.length; i++) pairs.add(`${uris[i - 1]} ${uris[i]}`);
    }
    const deep = records.find((r) => r["Level 3 URI"])!;
    const stored = await getDb()
      .select({ parentUri: escoRelations.parentUri })
      .from(escoRelations)
      .where(eq(escoRelations.childUri, deep["Level 3 URI"]));
    expect(stored.map((r) => r.parentUri)).toContain(deep["Level 2 URI"]);

    const all = await getDb().select().from(escoRelations);
    const storedPairs = new Set(all.map((r) => `${r.parentUri} ${r.childUri}`));
    const missing = [...pairs].filter((pair) => !storedPairs.has(pair));
    expect(pairs.size).toBeGreaterThan(minimumRecords);
    expect(missing).toEqual([]);
  });

  it("records every member of each collection file", async () => {
    for (const [file, collection] of [
      ["ictSkillsCollection_en.csv", "ict"],
      ["languageSkillsCollection_en.csv", "language"],
      ["transversalSkillsCollection_en.csv", "transversal"],
    ] as const) {
      const records = await readCsv(file);
      expect(
        await countWhere(escoCollectionMembers, eq(escoCollectionMembers.collection, collection)),
        file,
      ).toBe(records.length);
      // A member is a concept with its label, placed under its broader concepts.
      const member = records[0];
      const [concept] = await getDb()
        .select()
        .from(escoConcepts)
        .where(eq(escoConcepts.uri, member.conceptUri));
      expect(concept).toMatchObject({
        conceptType: "KnowledgeSkillCompetence",
        skillType: member.skillType,
        reuseLevel: member.reuseLevel,
      });
      const [label] = await getDb()
        .select({ preferredLabel: escoLabels.preferredLabel })
        .from(escoLabels)
        .where(eq(escoLabels.uri, member.conceptUri));
      expect(label.preferredLabel).toBe(member.preferredLabel);
      const parents = await getDb()
        .select({ parentUri: escoRelations.parentUri })
        .from(escoRelations)
        .where(eq(escoRelations.childUri, member.conceptUri));
      expect(parents.map((p) => p.parentUri).sort()).toEqual(
        member.broaderConceptUri.split(" | ").sort(),
      );
    }
  });

  it("imports occupations and ISCO groups as concepts", async () => {
    const occupations = await readCsv("occupations_en.csv");
    const isco = await readCsv("ISCOGroups_en.csv");
    expect(await countWhere(escoConcepts, eq(escoConcepts.conceptType, "Occupation"))).toBe(
      occupations.length,
    );
    expect(await countWhere(escoConcepts, eq(escoConcepts.conceptType, "ISCOGroup"))).toBe(
      isco.length,
    );
    const [occupation] = await getDb()
      .select()
      .from(escoConcepts)
      .where(eq(escoConcepts.uri, occupations[0].conceptUri));
    expect(occupation.iscoGroup).toBe(occupations[0].iscoGroup);
    expect(occupation.modifiedAt?.toISOString().replace(".000", "")).toBe(
      occupations[0].modifiedDate,
    );
  });

  it("reports progress up to every file's full size", () => {
    for (const file of first.files.filter((f) => f.status === "imported")) {
      const last = progress.filter((p) => p.file === file.file).at(-1);
      expect(last, file.file).toMatchObject({ bytesRead: file.bytes, totalBytes: file.bytes });
    }
  });

  it("changes nothing when the same folder is imported again", async () => {
    const before = await countEscoRows();
    const second = await importEsco({ folder: escoFolder });
    expect(await countEscoRows()).toEqual(before);
    expect(second.totals.rowsRead).toBe(first.totals.rowsRead);
    expect(second.totals.rowsWritten).toBe(0);
  }, 120_000);
});

describe("importEsco with a bad folder", () => {
  it("rejects a missing folder with a clear message", async () => {
    const missing = path.join(os.tmpdir(), "no-such-esco-folder");
    await expect(importEsco({ folder: missing })).rejects.toThrow(
      `ESCO folder not found: ${missing}`,
    );
  });

  it("rejects a folder without any ESCO file", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "esco-empty-"));
    try {
      fs.writeFileSync(path.join(folder, "notes.csv"), "a,b\n1,2\n");
      await expect(importEsco({ folder })).rejects.toThrow(/No ESCO CSV file in/);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it("imports skills and broaderRelationsSkillPillar files, which the sample folder lacks", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "esco-skills-"));
    try {
      // The header of the official skills_<lang>.csv; labels are one per line there.
      fs.writeFileSync(
        path.join(folder, "skills_de.csv"),
        "\uFEFFconceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description\n" +
          'KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/test-1,knowledge,sector-specific,Bienenzucht,"Imkerei\nImkern",Bienenhaltung,released,2023-11-02T09:30:00Z,,,"http://data.europa.eu/esco/concept-scheme/skills",Die Haltung von Bienen.\n' +
          "KnowledgeSkillCompetence,not-a-uri,knowledge,,ohne URI,,,released,,,,,\n",
      );
      fs.writeFileSync(
        path.join(folder, "broaderRelationsSkillPillar_de.csv"),
        "conceptType,conceptUri,broaderType,broaderUri\n" +
          "KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/test-1,SkillGroup,http://data.europa.eu/esco/isced-f/0811\n",
      );
      const summary = await importEsco({ folder });
      expect(summary.files.map((f) => [f.file, f.status, f.rowsIgnored])).toEqual([
        ["skills_de.csv", "imported", 1],
        ["broaderRelationsSkillPillar_de.csv", "imported", 0],
      ]);
      const [concept] = await getDb()
        .select()
        .from(escoConcepts)
        .where(eq(escoConcepts.uri, "http://data.europa.eu/esco/skill/test-1"));
      expect(concept).toMatchObject({
        conceptType: "KnowledgeSkillCompetence",
        skillType: "knowledge",
        reuseLevel: "sector-specific",
        status: "released",
        modifiedAt: new Date("2023-11-02T09:30:00Z"),
      });
      const [label] = await getDb()
        .select()
        .from(escoLabels)
        .where(eq(escoLabels.uri, "http://data.europa.eu/esco/skill/test-1"));
      expect(label).toMatchObject({
        language: "de",
        preferredLabel: "Bienenzucht",
        altLabels: ["Imkerei", "Imkern"],
        hiddenLabels: ["Bienenhaltung"],
        description: "Die Haltung von Bienen.",
      });
      const parents = await getDb()
        .select({ parentUri: escoRelations.parentUri })
        .from(escoRelations)
        .where(eq(escoRelations.childUri, "http://data.europa.eu/esco/skill/test-1"));
      expect(parents).toEqual([{ parentUri: "http://data.europa.eu/esco/isced-f/0811" }]);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it("skips garbled files and still imports the good one, in the language of its name", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "esco-garbled-"));
    try {
      fs.writeFileSync(
        path.join(folder, "skillGroups_de.csv"),
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x2c, 0x41]),
      );
      fs.writeFileSync(
        path.join(folder, "ISCOGroups_fi.csv"),
        'conceptType,conceptUri,code,preferredLabel\nISCOGroup,http://example.org/x,1,"unclosed\n',
      );
      fs.writeFileSync(path.join(folder, "notes.csv"), "a,b\n1,2\n");
      fs.writeFileSync(path.join(folder, "occupationSkillRelations_en.csv"), "x\n");
      const collection = fs
        .readFileSync(path.join(escoFolder, "transversalSkillsCollection_en.csv"), "utf8")
        .split("\n")
        .slice(0, 4)
        .join("\n");
      fs.writeFileSync(path.join(folder, "transversalSkillsCollection_el.csv"), `${collection}\n`);

      const summary = await importEsco({ folder });
      const byFile = Object.fromEntries(summary.files.map((f) => [f.file, f]));
      expect(byFile["skillGroups_de.csv"].status).toBe("skipped");
      expect(byFile["skillGroups_de.csv"].reason).toMatch(/header lacks conceptUri/);
      expect(byFile["ISCOGroups_fi.csv"].status).toBe("failed");
      expect(byFile["ISCOGroups_fi.csv"].reason).toMatch(/Quote Not Closed/);
      expect(byFile["notes.csv"]).toMatchObject({ status: "skipped", kind: null });
      expect(byFile["occupationSkillRelations_en.csv"].status).toBe("skipped");
      expect(byFile["transversalSkillsCollection_el.csv"]).toMatchObject({
        status: "imported",
        language: "el",
        rowsRead: 3,
      });
      const [greek] = await getDb()
        .select({ n: count() })
        .from(escoLabels)
        .where(eq(escoLabels.language, "el"));
      expect(greek.n).toBe(3);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
