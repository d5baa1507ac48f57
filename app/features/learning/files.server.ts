import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryParsed } from "~/db/client.server";
import { learningResourceFiles, learningResources } from "~/db/schema/learning";
import { getEnv } from "~/lib/env.server";
import { conflict, invalid, notFound } from "~/lib/errors";
import type { Actor, Decision } from "~/lib/policy";
import { removeUploads, storeUpload, filesOf as uploadedFiles } from "~/lib/uploads.server";
import type { ResourceSubject } from "./rules";

/** At most this many pictures and worksheets on one resource. */
const MAX_RESOURCE_FILES = 20;

/**
 * Locks the resource for a change to its files. A file change is a change to the working copy:
 * an approved or live working copy goes back to draft and must be reviewed again.
 */
async function lockForFileChange(tx: Db, resourceId: string): Promise<void> {
  const [locked] = await tx
    .select({ status: learningResources.status })
    .from(learningResources)
    .where(eq(learningResources.id, resourceId))
    .for("update");
  if (!locked) throw notFound();
  if (locked.status === "submitted") throw conflict("learning.inReview");
  if (locked.status === "approved" || locked.status === "published") {
    await tx
      .update(learningResources)
      .set({ status: "draft", updatedAt: new Date() })
      .where(eq(learningResources.id, resourceId));
  }
}

/**
 * Adds a picture (shown in the text with `![](file:<id>)`) or a worksheet to a resource. The
 * bytes decide what a file is: a "picture" that is not an image is refused (400), a file over the
 * upload limit is 413; nothing is kept from a refused upload.
 */
export async function addResourceFile(options: {
  decision: Decision<"edit", ResourceSubject, Actor>;
  resourceId: string;
  kind: unknown;
  file: unknown;
}): Promise<{ id: string }> {
  const actor = options.decision.actor;
  const kind = z.enum(["image", "worksheet"]).safeParse(options.kind);
  if (!kind.success) throw invalid("errors.badRequest", "kind");
  const files = uploadedFiles(options.file);
  if (files.length !== 1) throw invalid("learning.fileRequired", "file");
  const stored = await storeUpload({
    file: files[0],
    prefix: `learning/${options.resourceId}`,
    maxBytes: getEnv().UPLOAD_LIMIT_BYTES,
    field: "file",
  });
  if (kind.data === "image" && stored.kind !== "image") {
    await removeUploads([stored]);
    throw invalid("learning.notAnImage", "file");
  }
  try {
    return await getDb().transaction(async (tx) => {
      await lockForFileChange(tx, options.resourceId);
      const [count] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(learningResourceFiles)
        .where(eq(learningResourceFiles.resourceId, options.resourceId));
      if (Number(count?.n ?? 0) >= MAX_RESOURCE_FILES) throw conflict("learning.tooManyFiles");
      const [row] = await tx
        .insert(learningResourceFiles)
        .values({
          resourceId: options.resourceId,
          kind: kind.data,
          storageKey: stored.storageKey,
          filename: stored.filename,
          contentType: stored.contentType,
          sizeBytes: stored.sizeBytes,
          width: stored.width,
          height: stored.height,
          uploadedBy: actor?.id ?? null,
        })
        .returning({ id: learningResourceFiles.id });
      return { id: row.id };
    });
  } catch (error) {
    await removeUploads([stored]);
    throw error;
  }
}

/** Removes one of a resource's files (its authors, while they may edit it). */
export async function removeResourceFile(options: {
  decision: Decision<"edit", ResourceSubject, Actor>;
  resourceId: string;
  fileId: unknown;
}): Promise<void> {
  const fileId = z.uuid().safeParse(options.fileId);
  if (!fileId.success) throw notFound();
  const removed = await getDb().transaction(async (tx) => {
    await lockForFileChange(tx, options.resourceId);
    // Compared in SQL, at the database's precision.
    const [file] = await queryParsed(
      z.object({ in_published: z.boolean() }),
      sql`select exists (select 1 from learning_resources r join learning_resource_versions v
            on v.resource_id = r.id and v.version = r.published_version
            where r.id = f.resource_id and f.created_at <= v.created_at) as in_published
          from learning_resource_files f
          where f.id = ${fileId.data}::uuid and f.resource_id = ${options.resourceId}::uuid
          for update of f`,
      tx,
    );
    if (!file) throw notFound();
    // Readers of the published version may see this file: it stays while that version is out.
    if (file.in_published) throw conflict("learning.fileInPublished");
    const [row] = await tx
      .delete(learningResourceFiles)
      .where(eq(learningResourceFiles.id, fileId.data))
      .returning();
    return row;
  });
  if (!removed) throw notFound();
  await removeUploads([
    {
      kind: removed.kind === "image" ? "image" : "file",
      storageKey: removed.storageKey,
      filename: removed.filename,
      contentType: removed.contentType,
      sizeBytes: removed.sizeBytes,
      width: removed.width,
      height: removed.height,
    },
  ]);
}

/** One file with the resource it belongs to, or null. */
export async function findResourceFile(fileId: string) {
  if (!z.uuid().safeParse(fileId).success) return null;
  const [row] = await getDb()
    .select()
    .from(learningResourceFiles)
    .where(eq(learningResourceFiles.id, fileId));
  return row ?? null;
}
