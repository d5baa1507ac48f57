/**
 * npm run bench:digests -- [--people 100000] [--per-person 5] [--keep]
 * Digest generation at scale, on the PostgreSQL server at DATABASE_URL (fill it first with
 * `npm run seed:scale -- --members 100000 --networks 0`; use a database of your own, the script
 * rewrites its notifications and digest schedules):
 * 1. gives the first N scale members `--per-person` unread notifications each (comments,
 *    mentions, new members across five networks, several actors) and a digest due now;
 * 2. runs the digest scan (one job per person) and the digest workers of this process, as
 *    production runs them, until every digest job is done;
 * 3. reports digests per second, the scan's time, the process's peak memory, and checks that
 *    every person got exactly one queued mail and every notification was digested once.
 * Results are written to bench/results/ (Markdown and JSON) and never asserted in tests.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { getDb, queryRows } from "../app/db/client.server";
import { createNetwork } from "../app/db/seed/builders.server";
import { scanDueDigests } from "../app/features/notifications/digest.server";
import { getEnv } from "../app/lib/env.server";
import { countJobs, startJobWorkers, stopJobQueue } from "../app/lib/jobs.server";
import { ensureSecret } from "../app/lib/secret.server";
import { openScriptDatabase, runScript } from "../scripts/open-database";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

await runScript(async () => {
  const { values } = parseArgs({
    options: {
      people: { type: "string", default: "100000" },
      "per-person": { type: "string", default: "5" },
      keep: { type: "boolean", default: false },
    },
  });
  const people = Number(values.people);
  const perPerson = Number(values["per-person"]);
  if (!getEnv().DATABASE_URL) {
    throw new Error(
      "The digest bench runs on a PostgreSQL server. Set DATABASE_URL, e.g.\n" +
        "  DATABASE_URL=postgres://postgres@127.0.0.1:5432/synergy_mail npm run bench:digests",
    );
  }
  const database = await openScriptDatabase();
  await ensureSecret(getEnv());
  const db = getDb();
  const count = async (query: string) =>
    Number(
      (await queryRows<{ n: number }>(sql.raw(`select count(*)::int as n from (${query}) q`)))[0].n,
    );

  const started = performance.now();
  const log = (message: string) =>
    console.log(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${message}`);

  // ── set-up: the notifications and due schedules of a busy morning ──
  log("clearing earlier bench data");
  await db.execute(sql`delete from notifications where source_key like 'bench:%'`);
  await db.execute(sql`delete from digest_schedules`);
  await db.execute(
    sql.raw(
      "delete from pgboss.job where name in ('notifications.digest', 'notifications.digest-scan', 'mail.send')",
    ),
  );
  const available = await count("select 1 from users");
  if (available < people) {
    throw new Error(`Only ${available} people in the database; seed more or pass --people.`);
  }
  const networkIds: string[] = [];
  for (let n = 1; n <= 5; n++) {
    networkIds.push((await createNetwork({ name: `Digest bench network ${n}` })).id);
  }
  log(
    `inserting ${(people * perPerson).toLocaleString("en")} notifications for ${people.toLocaleString("en")} people`,
  );
  const kinds = "array['comment','mention','member.joined','comment','reply']";
  await db.execute(
    sql.raw(`
    with recipients as (
      select id, row_number() over (order by id) as n from users order by id limit ${people}
    ), actors as (
      select array_agg(id) as ids from (select id from users order by id desc limit 50) a
    )
    insert into notifications (recipient_id, kind, group_key, actor_id, network_id, data, source_key, created_at)
    select r.id, (${kinds})[1 + (r.n + i) % 5], 'post:' || ((r.n + i) % 7),
      actors.ids[1 + (r.n * 7 + i) % 50],
      (array[${networkIds.map((id) => `'${id}'::uuid`).join(",")}])[1 + (r.n + i) % 5],
      jsonb_build_object('title', 'Bench post ' || ((r.n + i) % 7), 'path', '/networks', 'networkId', 'x'),
      'bench:' || i, now() - (i || ' minutes')::interval
    from recipients r, actors, generate_series(1, ${perPerson}) i`),
  );
  await db.execute(
    sql.raw(`
    insert into digest_schedules (user_id, frequency, hour, weekday, next_digest_at)
    select id, 'daily', 8, 1, now() - interval '1 minute'
    from (select id from users order by id limit ${people}) r`),
  );
  await db.execute(sql.raw("analyze notifications; analyze digest_schedules"));

  // ── the run ──
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  log("scanning due schedules");
  const runStarted = performance.now();
  const cpuStarted = process.cpuUsage();
  const due = await scanDueDigests();
  const scanSeconds = (performance.now() - runStarted) / 1000;
  log(
    `${due.toLocaleString("en")} digests queued in ${scanSeconds.toFixed(1)} s; running the digest workers`,
  );
  await startJobWorkers(database, { only: ["notifications.digest"] });
  let lastReport = performance.now();
  // Polled with a query on pg-boss's own index, not a count of the whole job table: the run
  // should not pay for its own measuring.
  const pendingDigests = () =>
    count("select 1 from pgboss.job where name = 'notifications.digest' and state < 'completed'");
  for (;;) {
    const pending = await pendingDigests();
    if (performance.now() - lastReport > 15_000) {
      const done = due - pending;
      const seconds = (performance.now() - runStarted) / 1000;
      log(
        `${done.toLocaleString("en")} / ${due.toLocaleString("en")} digests (${(done / seconds).toFixed(0)}/s)`,
      );
      lastReport = performance.now();
    }
    if (pending === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const runSeconds = (performance.now() - runStarted) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  clearInterval(sampler);
  await stopJobQueue({ timeoutMs: 5000 });

  // ── checks ──
  const [digestCounts] = (await countJobs()).filter((c) => c.name === "notifications.digest");
  const mails = await count(
    "select 1 from pgboss.job where name = 'mail.send' and singleton_key like 'digest:%'",
  );
  const notDigested = await count(
    "select 1 from notifications where source_key like 'bench:%' and digested_at is null",
  );
  const stillDue = await count("select 1 from digest_schedules where next_digest_at is not null");
  const figures = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model ?? "",
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      load: os.loadavg().map((l) => Number(l.toFixed(2))),
    },
    people,
    notificationsPerPerson: perPerson,
    digestsQueued: due,
    scanSeconds: Number(scanSeconds.toFixed(2)),
    runSeconds: Number(runSeconds.toFixed(1)),
    digestsPerSecond: Number((due / runSeconds).toFixed(1)),
    peakRssMb: Math.round(peakRss / 2 ** 20),
    // Time this process spent on the CPU (rendering, pg-boss, the driver); the rest is waiting
    // for PostgreSQL or for the machine's other processes.
    processCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
    mailJobsQueued: mails,
    failedDigestJobs: digestCounts.failed,
    notificationsNotDigested: notDigested,
    schedulesStillDue: stillDue,
    target: "100,000 digests in under 10 minutes",
    targetMet: people >= 100_000 && runSeconds < 600 && mails === people,
  };
  log(JSON.stringify(figures, null, 2));
  const stamp = new Date().toISOString().slice(0, 16).replace(/[T:]/g, "-");
  const dir = path.join(root, "bench/results");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, `${stamp}-digests.json`),
    `${JSON.stringify(figures, null, 2)}\n`,
  );
  fs.writeFileSync(
    path.join(dir, `${stamp}-digests.md`),
    [
      `# Digest generation — ${figures.date}`,
      "",
      `Machine: ${figures.machine.cpus} × ${figures.machine.model}, ${figures.machine.memoryGb} GB; load average at the end ${figures.machine.load.join(" / ")}.`,
      "",
      "| figure | value |",
      "|---|---|",
      `| people with a digest due | ${people.toLocaleString("en")} |`,
      `| unread notifications per person | ${perPerson} |`,
      `| scan (queue one job per person) | ${figures.scanSeconds} s |`,
      `| whole run (scan + every digest) | ${figures.runSeconds} s |`,
      `| digests per second | ${figures.digestsPerSecond} |`,
      `| peak memory of the process (RSS) | ${figures.peakRssMb} MB |`,
      `| CPU time of the process | ${figures.processCpuSeconds} s |`,
      `| digest mails queued | ${mails.toLocaleString("en")} |`,
      `| failed digest jobs | ${figures.failedDigestJobs} |`,
      `| notifications left undigested | ${notDigested} |`,
      `| target: ${figures.target} | ${figures.targetMet ? "met" : "not met"} |`,
      "",
      "Command: `DATABASE_URL=… npm run bench:digests -- --people " +
        people +
        " --per-person " +
        perPerson +
        "`",
      "",
    ].join("\n"),
  );
  if (!values.keep) {
    await db.execute(sql`delete from notifications where source_key like 'bench:%'`);
    await db.execute(
      sql.raw("delete from pgboss.job where name in ('notifications.digest', 'mail.send')"),
    );
  }
  await database.close();
});
