/**
 * Partnership stories (issue 12 item 5): once an introduction is an active partnership (or was,
 * then ended), either side writes a short story; it is published when someone from the OTHER
 * side approves it. Before that only the two sides see the draft (on the introduction page).
 * Also the figures for impact reports.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryParsed } from "~/db/client.server";
import { titleFrom } from "~/features/notifications/grouping";
import { notify, TITLE_MAX } from "~/features/notifications/notify.server";
import { notFound } from "~/lib/errors";
import type { Person } from "~/lib/policy";
import { interestPolicy, type StorySubject } from "./interest-rules";
import type { StoryForm } from "./interest-schema";
import { activeMemberSql, activeMembersOf } from "./interests.server";
import { type IntroductionSide, introductionSide, subjectOf } from "./introductions.server";

const storyRow = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  language: z.string(),
  written_by: z.string().nullable(),
  writer_name: z.string().nullable(),
  approved_by: z.string().nullable(),
  published_at: z.coerce.date().nullable(),
  writer_on_publisher_side: z.boolean(),
  writer_on_interested_side: z.boolean(),
});
export type StoryRow = z.output<typeof storyRow>;

/** The story of an introduction (draft or published), or null; the caller checked the side. */
export async function storyOf(interestId: string, db: Db = getDb(), lock = false) {
  const [row] = await queryParsed(
    storyRow,
    sql`select s.id, s.title, s.body, s.language, s.written_by, w.display_name as writer_name,
          s.approved_by, s.published_at,
          coalesce(${activeMemberSql(sql`o.organisation_id`, sql`s.written_by`)}, false)
            as writer_on_publisher_side,
          coalesce(${activeMemberSql(sql`i.organisation_id`, sql`s.written_by`)}, false)
            as writer_on_interested_side
        from partnership_stories s
        join opportunity_interests i on i.id = s.interest_id
        join opportunities o on o.id = i.opportunity_id
        left join users w on w.id = s.written_by
        where s.interest_id = ${interestId}::uuid ${lock ? sql`for update of s` : sql``}`,
    db,
  );
  return row ?? null;
}

/** Whether the viewer is on the same side as the story's writer. */
function isWritersSide(side: IntroductionSide, story: StoryRow | null): boolean {
  if (!story) return false;
  return (
    (side.is_publisher_side && story.writer_on_publisher_side) ||
    (side.is_interested_side && story.writer_on_interested_side)
  );
}

export function storySubject(side: IntroductionSide | null, story: StoryRow | null): StorySubject {
  return {
    ...subjectOf(side),
    reachedActive: side?.stage === "active" || (side?.was_active ?? false),
    exists: story !== null,
    published: story?.published_at != null,
    isWritersSide: side ? isWritersSide(side, story) : false,
  };
}

/**
 * Writes the story, or rewrites the draft (the writer's side, before it is published). The
 * other side is told that a story waits for their approval.
 */
export async function writeStory(options: {
  actor: Person;
  interestId: string;
  form: StoryForm;
}): Promise<void> {
  const { actor, form } = options;
  await getDb().transaction(async (tx) => {
    const side = await introductionSide(options.interestId, actor.id, tx, true);
    const story = side ? await storyOf(side.id, tx, true) : null;
    interestPolicy.authorize(actor, "writeStory", storySubject(side, story));
    if (!side) throw notFound("introductions.notFound");
    await tx.execute(sql`
      insert into partnership_stories (interest_id, language, title, body, written_by)
      values (${side.id}::uuid, ${form.language}, ${form.title}, ${form.body}, ${actor.id}::uuid)
      on conflict (interest_id) do update set language = excluded.language,
        title = excluded.title, body = excluded.body, written_by = excluded.written_by,
        updated_at = now()
      where partnership_stories.published_at is null`);
    const others = [
      ...(side.is_publisher_side ? [] : await activeMembersOf(side.publisher_id, tx)),
      ...(side.is_interested_side ? [] : await activeMembersOf(side.interested_id, tx)),
    ];
    await notify(tx, {
      kind: "story.written",
      recipientIds: others,
      actorId: actor.id,
      groupKey: `story:${side.id}`,
      // One line per story (a rewritten draft does not notify again).
      sourceKey: `story-written:${side.id}`,
      data: { interestId: side.id, title: titleFrom(form.title, TITLE_MAX) },
    });
  });
}

/** Publishes the story: someone from the side that did not write it. The writer is told. */
export async function approveStory(options: { actor: Person; interestId: string }): Promise<void> {
  const { actor } = options;
  await getDb().transaction(async (tx) => {
    const side = await introductionSide(options.interestId, actor.id, tx, true);
    const story = side ? await storyOf(side.id, tx, true) : null;
    interestPolicy.authorize(actor, "approveStory", storySubject(side, story));
    if (!side || !story) throw notFound("stories.notFound");
    await tx.execute(sql`update partnership_stories set approved_by = ${actor.id}::uuid,
      published_at = now(), updated_at = now() where id = ${story.id}::uuid`);
    await notify(tx, {
      kind: "story.published",
      recipientIds: story.written_by ? [story.written_by] : [],
      actorId: actor.id,
      groupKey: `story:${side.id}`,
      sourceKey: `story-published:${story.id}`,
      data: { interestId: side.id, title: titleFrom(story.title, TITLE_MAX) },
    });
  });
}

const publishedRow = z
  .object({
    id: z.string(),
    title: z.string(),
    body: z.string(),
    language: z.string(),
    published_at: z.coerce.date(),
    opportunity_id: z.string(),
    opportunity_title: z.string().nullable(),
    publisher_name: z.string(),
    interested_name: z.string(),
  })
  // As the pages show it (ui/story-list.tsx's StoryItem).
  .transform((r) => ({
    id: r.id,
    title: r.title,
    body: r.body,
    language: r.language,
    publishedAt: r.published_at,
    opportunityId: r.opportunity_id,
    opportunityTitle: r.opportunity_title,
    publisherName: r.publisher_name,
    interestedName: r.interested_name,
  }));
export type PublishedStory = z.output<typeof publishedRow>;

/**
 * Published stories of an opportunity, or of an organisation (either side), newest first; for
 * the opportunity and organisation pages (anyone signed in may read them). Stories of an
 * opportunity no longer visible are still shown on the organisations' pages: the story is
 * theirs, approved by both sides.
 */
export async function listPublishedStories(
  where: { opportunityId: string } | { organisationId: string },
  limit = 20,
): Promise<PublishedStory[]> {
  const filter =
    "opportunityId" in where
      ? sql`o.id = ${where.opportunityId}::uuid`
      : sql`(o.organisation_id = ${where.organisationId}::uuid or i.organisation_id = ${where.organisationId}::uuid)`;
  return queryParsed(
    publishedRow,
    sql`select s.id, s.title, s.body, s.language, s.published_at, o.id as opportunity_id,
          -- The opportunity is named only while it is current: an edited one waiting for review,
          -- or a withdrawn or expired one, must not show its title on a public page.
          case when o.status = 'published' and o.expires_at > now() then o.title end
            as opportunity_title, pub.name as publisher_name, intr.name as interested_name
        from partnership_stories s
        join opportunity_interests i on i.id = s.interest_id
        join opportunities o on o.id = i.opportunity_id
        join organisations pub on pub.id = o.organisation_id
        join organisations intr on intr.id = i.organisation_id
        where s.published_at is not null and ${filter}
        order by s.published_at desc, s.id desc limit ${Math.min(Math.max(limit, 1), 100)}`,
  );
}

/**
 * Figures for impact reports: opportunities published (and visible now), interests expressed,
 * introductions by stage, active partnerships, published stories.
 */
export async function partneringFigures(db: Db = getDb()) {
  const [row] = await queryParsed(
    z.object({
      published: z.coerce.number(),
      visible: z.coerce.number(),
      interests: z.coerce.number(),
      introduced: z.coerce.number(),
      met: z.coerce.number(),
      agreement: z.coerce.number(),
      active: z.coerce.number(),
      ended: z.coerce.number(),
      stories: z.coerce.number(),
    }),
    sql`select
          (select count(*) from opportunities where published_at is not null) as published,
          (select count(*) from opportunities where status = 'published' and expires_at > now()) as visible,
          (select count(*) from opportunity_interests where status <> 'withdrawn') as interests,
          count(*) filter (where i.stage = 'introduced') as introduced,
          count(*) filter (where i.stage = 'met') as met,
          count(*) filter (where i.stage = 'agreement') as agreement,
          count(*) filter (where i.stage = 'active') as active,
          count(*) filter (where i.stage = 'ended') as ended,
          (select count(*) from partnership_stories where published_at is not null) as stories
        from opportunity_interests i where i.status = 'accepted'`,
    db,
  );
  const figures = row ?? {
    published: 0,
    visible: 0,
    interests: 0,
    introduced: 0,
    met: 0,
    agreement: 0,
    active: 0,
    ended: 0,
    stories: 0,
  };
  return {
    opportunitiesPublished: figures.published,
    opportunitiesVisible: figures.visible,
    interests: figures.interests,
    introductionsByStage: {
      introduced: figures.introduced,
      met: figures.met,
      agreement: figures.agreement,
      active: figures.active,
      ended: figures.ended,
    },
    activePartnerships: figures.active,
    stories: figures.stories,
  };
}

/**
 * The story as the introduction page shows it to one of the sides (draft or published), and
 * whether the viewer may write it or approve it. The caller checked the viewer's side.
 */
export async function introductionStory(options: { actor: Person; interestId: string }) {
  const side = await introductionSide(options.interestId, options.actor.id);
  const story = side ? await storyOf(side.id) : null;
  const subject = storySubject(side, story);
  return {
    story: story
      ? {
          title: story.title,
          body: story.body,
          language: story.language,
          writerName: story.writer_name,
          publishedAt: story.published_at?.toISOString() ?? null,
        }
      : null,
    canWrite: interestPolicy.can(options.actor, "writeStory", subject),
    canApprove: interestPolicy.can(options.actor, "approveStory", subject),
  };
}
