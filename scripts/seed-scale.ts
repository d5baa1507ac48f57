/**
 * npm run seed:scale -- [--members 100000] [--networks 5000] [--posts 1000000]
 *   [--conversations 300000] [--messages 2000000] [--notifications 5000000]
 *   [--events 200000] [--reset]
 * npm run seed:scale -- --only conversations|notifications|events
 * Fills the PostgreSQL server at DATABASE_URL with a large, deterministic installation for the
 * benchmarks (`npm run bench`). Refuses the embedded database: PGlite is not what we measure.
 * Networks and posts default to 1 network per 20 members and 200 posts per network (5,000 and
 * 1,000,000 at 100,000 members); `--networks 0` seeds people and organisations only.
 * Conversations default to 3 per member with 20 messages per member (300,000 and 2,000,000);
 * `--only conversations` keeps an existing installation and replaces just its conversations.
 * Notifications (default 5,000,000) are derived from the content; `--only notifications`
 * replaces just them in a database the seed already filled. Events (default 200,000, with their
 * answers) go over the networks; `--only events` replaces just them. Needs (default 300,000,
 * with 1,000,000 "me too"s and offers so that some are reached; `--needs N --me-toos N`) come
 * after everything else; `--only needs` replaces just them (and their offers and snapshots).
 * Learning (issue 11: default 20,000 resources and 200,000 enrolments, with 500 courses, progress
 * and quiz attempts; `--resources N --enrolments N`) comes last; `--only learning` replaces every
 * learning row but the shipped courseware. Partnering (issue 12: default 50,000 opportunities and
 * 200,000 expressions of interest, and a partnering day with 300 participants;
 * `--opportunities N --interests N`) comes after learning; `--only partnering` replaces it.
 */
import { parseArgs } from "node:util";
import {
  defaultNetworkCounts,
  SCALE_EMAIL_DOMAIN,
  SCALE_PASSWORD,
  seedScale,
  seedScaleNotifications,
} from "../app/db/seed/scale.server";
import { DEFAULT_SCALE_EVENTS, seedScaleEvents } from "../app/db/seed/scale-events.server";
import {
  DEFAULT_SCALE_ENROLMENTS,
  DEFAULT_SCALE_RESOURCES,
  seedScaleLearning,
} from "../app/db/seed/scale-learning.server";
import {
  DEFAULT_SCALE_ME_TOOS,
  DEFAULT_SCALE_NEEDS,
  seedScaleNeeds,
} from "../app/db/seed/scale-needs.server";
import { DEFAULT_SCALE_NOTIFICATIONS } from "../app/db/seed/scale-notifications.server";
import {
  DEFAULT_SCALE_INTERESTS,
  DEFAULT_SCALE_OPPORTUNITIES,
  seedScalePartnering,
} from "../app/db/seed/scale-partnering.server";
import { getEnv } from "../app/lib/env.server";
import { openScriptDatabase, runScript } from "./open-database";

await runScript(async () => {
  const { values } = parseArgs({
    options: {
      members: { type: "string", default: "100000" },
      networks: { type: "string" },
      posts: { type: "string" },
      notifications: { type: "string", default: String(DEFAULT_SCALE_NOTIFICATIONS) },
      reset: { type: "boolean", default: false },
      conversations: { type: "string" },
      messages: { type: "string" },
      only: { type: "string" },
      events: { type: "string", default: String(DEFAULT_SCALE_EVENTS) },
      needs: { type: "string", default: String(DEFAULT_SCALE_NEEDS) },
      "me-toos": { type: "string", default: String(DEFAULT_SCALE_ME_TOOS) },
      resources: { type: "string", default: String(DEFAULT_SCALE_RESOURCES) },
      enrolments: { type: "string", default: String(DEFAULT_SCALE_ENROLMENTS) },
      opportunities: { type: "string", default: String(DEFAULT_SCALE_OPPORTUNITIES) },
      interests: { type: "string", default: String(DEFAULT_SCALE_INTERESTS) },
    },
  });
  const notifications = Number(values.notifications);
  if (!Number.isInteger(notifications) || notifications < 0 || notifications > 100_000_000) {
    throw new Error(
      "--notifications takes a whole number between 0 and 100000000, e.g. --notifications 50000",
    );
  }
  const members = Number(values.members);
  if (!Number.isInteger(members) || members < 1 || members > 5_000_000) {
    throw new Error("--members takes a whole number between 1 and 5000000, e.g. --members 2000");
  }
  const defaults = defaultNetworkCounts(members);
  const networks = values.networks === undefined ? defaults.networks : Number(values.networks);
  if (!Number.isInteger(networks) || networks < 0 || networks > 1_000_000) {
    throw new Error("--networks takes a whole number between 0 and 1000000, e.g. --networks 100");
  }
  // Without --posts, the posts follow the networks: 200 per network on average.
  const posts =
    values.posts === undefined
      ? values.networks === undefined
        ? defaults.posts
        : networks * 200
      : Number(values.posts);
  if (!Number.isInteger(posts) || posts < 0 || posts > 50_000_000) {
    throw new Error("--posts takes a whole number between 0 and 50000000, e.g. --posts 20000");
  }
  const events = Number(values.events);
  if (!Number.isInteger(events) || events < 0 || events > 10_000_000) {
    throw new Error("--events takes a whole number between 0 and 10000000, e.g. --events 40000");
  }
  const needs = Number(values.needs);
  const meToos = Number(values["me-toos"]);
  if (!Number.isInteger(needs) || needs < 0 || needs > 10_000_000) {
    throw new Error("--needs takes a whole number between 0 and 10000000, e.g. --needs 20000");
  }
  if (!Number.isInteger(meToos) || meToos < 0 || meToos > 50_000_000) {
    throw new Error("--me-toos takes a whole number between 0 and 50000000, e.g. --me-toos 60000");
  }
  const resources = Number(values.resources);
  const enrolments = Number(values.enrolments);
  if (!Number.isInteger(resources) || resources < 0 || resources > 2_000_000) {
    throw new Error(
      "--resources takes a whole number between 0 and 2000000, e.g. --resources 2000",
    );
  }
  if (!Number.isInteger(enrolments) || enrolments < 0 || enrolments > 20_000_000) {
    throw new Error(
      "--enrolments takes a whole number between 0 and 20000000, e.g. --enrolments 20000",
    );
  }
  const opportunities = Number(values.opportunities);
  const interests = Number(values.interests);
  if (!Number.isInteger(opportunities) || opportunities < 0 || opportunities > 5_000_000) {
    throw new Error(
      "--opportunities takes a whole number between 0 and 5000000, e.g. --opportunities 5000",
    );
  }
  if (!Number.isInteger(interests) || interests < 0 || interests > 50_000_000) {
    throw new Error(
      "--interests takes a whole number between 0 and 50000000, e.g. --interests 20000",
    );
  }
  if (
    values.only !== undefined &&
    values.only !== "conversations" &&
    values.only !== "notifications" &&
    values.only !== "events" &&
    values.only !== "needs" &&
    values.only !== "learning" &&
    values.only !== "partnering"
  ) {
    throw new Error(
      '--only takes "conversations", "notifications", "events", "needs", "learning" or "partnering" (the parts that can be added on their own)',
    );
  }
  const only = values.only === "conversations" ? ("conversations" as const) : undefined;
  const conversations =
    values.conversations === undefined ? undefined : Number(values.conversations);
  if (conversations !== undefined && (!Number.isInteger(conversations) || conversations < 0)) {
    throw new Error("--conversations takes a whole number, e.g. --conversations 300000");
  }
  const messages = values.messages === undefined ? undefined : Number(values.messages);
  if (messages !== undefined && (!Number.isInteger(messages) || messages < 0)) {
    throw new Error("--messages takes a whole number, e.g. --messages 2000000");
  }
  if (!getEnv().DATABASE_URL) {
    throw new Error(
      "The scale seed fills a PostgreSQL server, not the embedded database. Set DATABASE_URL, e.g.\n" +
        "  DATABASE_URL=postgres://postgres@127.0.0.1:5432/synergy_bench npm run seed:scale -- --members 100000",
    );
  }
  const started = performance.now();
  const database = await openScriptDatabase();
  if (values.only === "events") {
    try {
      console.log(`Replacing the events with ${events.toLocaleString("en")}…`);
      const counts = await seedScaleEvents({
        database,
        events,
        onProgress: (message) => console.log(message),
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `Done in ${seconds} s: ${counts.events.toLocaleString("en")} events, ${counts.eventRsvps.toLocaleString("en")} answers.`,
      );
    } finally {
      await database.close();
    }
    return;
  }
  if (values.only === "needs") {
    try {
      await seedNeeds(database, needs, meToos, started);
    } finally {
      await database.close();
    }
    return;
  }
  if (values.only === "learning") {
    try {
      await seedLearning(database, resources, enrolments, started);
    } finally {
      await database.close();
    }
    return;
  }
  if (values.only === "partnering") {
    try {
      await seedPartnering(database, opportunities, interests, started);
    } finally {
      await database.close();
    }
    return;
  }
  if (values.only === "notifications") {
    try {
      console.log(`Replacing the notifications with about ${notifications.toLocaleString("en")}…`);
      const count = await seedScaleNotifications({
        database,
        notifications,
        onProgress: (message) => console.log(message),
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`Done in ${seconds} s: ${count.toLocaleString("en")} notifications.`);
    } finally {
      await database.close();
    }
    return;
  }
  try {
    console.log(
      only
        ? "Seeding the conversations only (people and networks stay)…"
        : `Seeding ${members.toLocaleString("en")} members, ${networks.toLocaleString("en")} networks and about ${posts.toLocaleString("en")} posts${values.reset ? " (reset)" : ""}…`,
    );
    const counts = await seedScale({
      database,
      members,
      networks,
      posts,
      notifications,
      reset: values.reset,
      conversations,
      messages,
      events,
      only,
      onProgress: (message) => console.log(message),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Done in ${seconds} s:`);
    for (const [table, count] of Object.entries(counts)) {
      console.log(`  ${table.padEnd(20)} ${(count ?? 0).toLocaleString("en").padStart(10)}`);
    }
    if (!only && needs > 0) await seedNeeds(database, needs, meToos, performance.now());
    if (!only && resources > 0) {
      await seedLearning(database, resources, enrolments, performance.now());
    }
    if (!only && opportunities > 0) {
      await seedPartnering(database, opportunities, interests, performance.now());
    }
    console.log(
      `Every account signs in with the password "${SCALE_PASSWORD}" (addresses end in @${SCALE_EMAIL_DOMAIN}).`,
    );
  } finally {
    await database.close();
  }
});

async function seedNeeds(
  database: Awaited<ReturnType<typeof openScriptDatabase>>,
  needs: number,
  meToos: number,
  started: number,
) {
  console.log(
    `Replacing the needs with ${needs.toLocaleString("en")} and ${meToos.toLocaleString("en")} "me too"s…`,
  );
  const counts = await seedScaleNeeds({
    database,
    needs,
    meToos,
    onProgress: (message) => console.log(message),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Done in ${seconds} s: ${counts.needs.toLocaleString("en")} needs, ${counts.meToos.toLocaleString("en")} "me too"s, ${counts.offers.toLocaleString("en")} offers, ${counts.snapshots.toLocaleString("en")} snapshot rows.`,
  );
}

async function seedLearning(
  database: Awaited<ReturnType<typeof openScriptDatabase>>,
  resources: number,
  enrolments: number,
  started: number,
) {
  console.log(
    `Replacing the learning data with ${resources.toLocaleString("en")} resources and ${enrolments.toLocaleString("en")} enrolments…`,
  );
  const counts = await seedScaleLearning({
    database,
    resources,
    enrolments,
    onProgress: (message) => console.log(message),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Done in ${seconds} s:`);
  for (const [table, count] of Object.entries(counts)) {
    console.log(`  ${table.padEnd(20)} ${count.toLocaleString("en").padStart(10)}`);
  }
}

async function seedPartnering(
  database: Awaited<ReturnType<typeof openScriptDatabase>>,
  opportunities: number,
  interests: number,
  started: number,
) {
  console.log(
    `Replacing the partnering data with ${opportunities.toLocaleString("en")} opportunities and ${interests.toLocaleString("en")} expressions of interest…`,
  );
  const counts = await seedScalePartnering({
    database,
    opportunities,
    interests,
    onProgress: (message) => console.log(message),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Done in ${seconds} s:`);
  for (const [table, count] of Object.entries(counts)) {
    console.log(`  ${table.padEnd(24)} ${count.toLocaleString("en").padStart(10)}`);
  }
}
