import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "~/db/client.server";
import { learningResourceFiles } from "~/db/schema/learning";
import { getEnv } from "~/lib/env.server";
import { conflict, invalid, notFound } from "~/lib/errors";
import type { Actor, Decision } from "~/lib/policy";
import { removeUploads, storeUpload, filesOf as uploadedFiles } from "~/lib/uploads.server";
import type { ResourceSubject } from "./rules";

/** At most this many pictures and worksheets on one resource. */
export const MAX_RESOURCE_FILES = 20;

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
  const [removed] = await getDb()
    .delete(learningResourceFiles)
    .where(
      and(
        eq(learningResourceFiles.id, fileId.data),
        eq(learningResourceFiles.resourceId, options.resourceId),
      ),
    )
    .returning();
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
