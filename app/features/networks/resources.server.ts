import { and, eq, sql } from "drizzle-orm";
import { getDb, queryRows } from "~/db/client.server";
import { networkResources, networks } from "~/db/schema";
import { sightOf } from "~/features/profiles/policy.server";
import { authorAsSeen } from "~/features/profiles/visitors";
import { createOnce } from "~/lib/create-once.server";
import type { Cursor } from "~/lib/cursor";
import { getEnv } from "~/lib/env.server";
import { invalid, notFound, tooMany } from "~/lib/errors";
import { isUuid } from "~/lib/ids";
import { afterCursorSql, cursorAtSql, keysetPage } from "~/lib/keyset.server";
import type { Decision, Person } from "~/lib/policy";
import { publish } from "~/lib/pubsub.server";
import { hitRateLimit } from "~/lib/rate-limit.server";
import { filesOf, removeUploads, type StoredFile, storeUpload } from "~/lib/uploads.server";
import type { ResourceFilters } from "./forum-schema";
import { type NetworkSubject, networkPolicy } from "./rules";

export const RESOURCE_PAGE_SIZE = 20;

/** What a sharing form gives, with the proof that its sender may write in the network. */
type SharedFields<T = object> = Omit<ResourceFields, "networkId" | "userId"> & {
  decision: Decision<"post", NetworkSubject, Person>;
} & T;

function fieldsOf<T extends SharedFields>(input: T) {
  const { decision, ...rest } = input;
  return { ...rest, networkId: decision.resource.id, userId: decision.actor.id };
}

type ResourceFields = {
  networkId: string;
  userId: string;
  title: string;
  description: string;
  language: string;
  topics: string[];
  submissionKey?: string;
};

const resourceSubmissions = {
  table: networkResources,
  id: networkResources.id,
  owner: networkResources.addedBy,
  key: networkResources.submissionKey,
};

async function limitSharing(userId: string) {
  const limit = await hitRateLimit(`resource:user:${userId}`, 20, 600);
  if (!limit.allowed) throw tooMany("posts.tooFast");
}

/**
 * Writes the resource once per submission key, with the network's activity bumped in the same
 * transaction, and announces it when it is new. `prepare` runs only for a new submission.
 */
async function insertResource<P>(
  fields: ResourceFields,
  prepare: () => Promise<P>,
  source: (prepared: P) => { kind: "link"; url: string } | { kind: "file"; file: StoredFile },
  discard?: (prepared: P) => Promise<void>,
): Promise<{ id: string; duplicate: boolean }> {
  const result = await createOnce({
    target: resourceSubmissions,
    ownerId: fields.userId,
    submissionKey: fields.submissionKey,
    prepare,
    values: (_tx, prepared) => {
      const from = source(prepared);
      return {
        networkId: fields.networkId,
        addedBy: fields.userId,
        kind: from.kind,
        title: fields.title,
        description: fields.description,
        url: from.kind === "link" ? from.url : null,
        storageKey: from.kind === "file" ? from.file.storageKey : null,
        filename: from.kind === "file" ? from.file.filename : null,
        contentType: from.kind === "file" ? from.file.contentType : null,
        sizeBytes: from.kind === "file" ? from.file.sizeBytes : null,
        language: fields.language,
        topics: fields.topics,
      };
    },
    alsoWrite: async (tx) => {
      await tx
        .update(networks)
        .set({ lastActivityAt: sql`now()` })
        .where(eq(networks.id, fields.networkId));
    },
    discard,
  });
  if (!result.duplicate) {
    await publish({
      topic: `network:${fields.networkId}`,
      type: "resource",
      data: { resourceId: result.id },
    });
  }
  return result;
}

/**
 * Shares a link (members only; checked by the caller). The URL was checked to be http(s) by
 * the form's schema. A form sent twice returns the resource the first one made.
 */
export function addLinkResource(
  input: SharedFields & { url: string },
): Promise<{ id: string; duplicate: boolean }> {
  const options = fieldsOf(input);
  return insertResource(
    options,
    () => limitSharing(options.userId),
    () => ({ kind: "link", url: options.url }),
  );
}

/**
 * Shares a file. Its bytes decide what it is (storeUpload): photos are re-encoded, documents
 * accepted only as PDF, office formats or plain text; anything else is refused. The file is
 * stored before the transaction and removed again if the row is not written (a failure, or a
 * concurrent twin of this submission that won).
 */
export function addFileResource(
  input: SharedFields & { file: unknown },
): Promise<{ id: string; duplicate: boolean }> {
  const options = fieldsOf(input);
  return insertResource(
    options,
    async () => {
      const files = filesOf(options.file);
      if (files.length === 0) throw invalid("resources.fileRequired", "file");
      if (files.length > 1) throw invalid("resources.oneFile", "file");
      await limitSharing(options.userId);
      return storeUpload({
        file: files[0],
        prefix: `resources/${options.networkId}`,
        maxBytes: getEnv().UPLOAD_LIMIT_BYTES,
        field: "file",
      });
    },
    (file) => ({ kind: "file", file }),
    (file) => removeUploads([file]),
  );
}

type ResourceRow = {
  id: string;
  kind: "link" | "file";
  title: string;
  description: string;
  url: string | null;
  filename: string | null;
  content_type: string | null;
  size_bytes: number | null;
  language: string;
  topics: string[];
  added_by: string;
  added_by_name: string;
  created_at: string;
  cursor_at: string;
};

/**
 * A network's resources, newest first (keyset on created_at, then id), optionally only those
 * in one language and/or with one topic.
 */
export async function listResources(options: {
  networkId: string;
  /** Who reads (null: a signed-out visitor, who sees who added what as the installation allows). */
  viewerId: string | null;
  filters: ResourceFilters;
  after: Cursor | null;
  limit?: number;
}) {
  const limit = options.limit ?? RESOURCE_PAGE_SIZE;
  const { language, topic } = options.filters;
  const after = options.after
    ? sql`and ${afterCursorSql(options.after, "r.created_at", "r.id")}`
    : sql``;
  const byLanguage = language ? sql`and r.language = ${language}` : sql``;
  const byTopic = topic ? sql`and ${topic} = any(r.topics)` : sql``;
  const rows = await queryRows<ResourceRow>(sql`
    select r.id, r.kind, r.title, r.description, r.url, r.filename, r.content_type, r.size_bytes,
      r.language, r.topics, r.added_by, u.display_name as added_by_name, r.created_at,
      ${cursorAtSql("r.created_at")}
    from network_resources r join users u on u.id = r.added_by
    where r.network_id = ${options.networkId} and r.deleted_at is null
      ${byLanguage} ${byTopic} ${after}
    order by r.created_at desc, r.id desc
    limit ${limit + 1}`);
  const { page, next } = keysetPage(rows, limit);
  const sight = await sightOf(options.viewerId);
  return {
    resources: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      description: r.description,
      // Checked when written; checked again here because it becomes an href.
      url: r.kind === "link" && r.url && /^https?:\/\//i.test(r.url) ? r.url : null,
      filename: r.filename,
      contentType: r.content_type,
      sizeBytes: r.size_bytes === null ? null : Number(r.size_bytes),
      language: r.language,
      topics: r.topics,
      addedBy: authorAsSeen(sight, { id: r.added_by, name: r.added_by_name }),
      createdAt: new Date(r.created_at).toISOString(),
    })),
    next,
  };
}

/**
 * The languages and topics a network's resources use, for the list's filters (offering a value
 * that would only ever show an empty list helps nobody).
 */
export async function resourceFacets(networkId: string) {
  const rows = await queryRows<{ kind: "language" | "topic"; value: string }>(sql`
    select distinct 'language' as kind, r.language as value
    from network_resources r where r.network_id = ${networkId} and r.deleted_at is null
    union
    select distinct 'topic' as kind, unnest(r.topics) as value
    from network_resources r where r.network_id = ${networkId} and r.deleted_at is null`);
  return {
    languages: rows.filter((r) => r.kind === "language").map((r) => r.value),
    topics: rows.filter((r) => r.kind === "topic").map((r) => r.value),
  };
}

/** The stored file behind a resource URL, with its network (for the access check). */
export async function findResourceFile(resourceId: string) {
  if (!isUuid(resourceId)) return null;
  const [row] = await getDb()
    .select({
      networkId: networkResources.networkId,
      storageKey: networkResources.storageKey,
      filename: networkResources.filename,
      contentType: networkResources.contentType,
      deletedAt: networkResources.deletedAt,
    })
    .from(networkResources)
    .where(and(eq(networkResources.id, resourceId), eq(networkResources.kind, "file")));
  if (!row || row.deletedAt || !row.storageKey || !row.filename || !row.contentType) return null;
  return {
    networkId: row.networkId,
    storageKey: row.storageKey,
    filename: row.filename,
    contentType: row.contentType,
  };
}

/** Hides a resource (soft delete) — by the person who added it or a facilitator. */
export async function deleteResource(options: {
  networkId: string;
  resourceId: string;
  actor: Person;
  network: NetworkSubject;
}) {
  if (!isUuid(options.resourceId)) throw notFound("resources.notFound");
  const [resource] = await getDb()
    .select({ addedBy: networkResources.addedBy, deletedAt: networkResources.deletedAt })
    .from(networkResources)
    .where(
      and(
        eq(networkResources.id, options.resourceId),
        eq(networkResources.networkId, options.networkId),
      ),
    );
  if (!resource || resource.deletedAt) throw notFound("resources.notFound");
  networkPolicy.authorize(options.actor, "deleteContent", {
    network: options.network,
    authorId: resource.addedBy,
  });
  await getDb()
    .update(networkResources)
    .set({ deletedAt: sql`now()` })
    .where(eq(networkResources.id, options.resourceId));
  await publish({
    topic: `network:${options.networkId}`,
    type: "resource",
    data: { resourceId: options.resourceId },
  });
}
