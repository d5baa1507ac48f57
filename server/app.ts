/**
 * The HTTP application: static files, health checks, body limits, CSRF, security headers and
 * request logging around the React Router handler. Bundled by `react-router build` into
 * build/server/index.js; server/main.js starts it, tests create it with their own database.
 */
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import * as build from "virtual:react-router/server-build";
import { createRequest, sendResponse } from "@remix-run/node-fetch-server";
import compression from "compression";
import { sql } from "drizzle-orm";
import express from "express";
import { type AppLoadContext, createRequestHandler } from "react-router";
import {
  type Database,
  embeddedDatabaseDir,
  getDatabase,
  migrateDatabase,
  openDatabase,
  setDatabase,
} from "~/db/client.server";
import { acquireDatabaseLock } from "~/db/data-dir-lock.server.js";
import { isDatabaseEmpty, seedDemo, seedDemoIfEmpty } from "~/db/seed/demo.server";
import { findSession } from "~/features/accounts/sessions.server";
import { rerenderIfRendererChanged, rerenderJob } from "~/features/content/rerender-job.server";
import { syncShippedCourseware } from "~/features/courses/shipped.server";
import { issueCredentialJob } from "~/features/credentials/issue.server";
import { eventFeedbackJob } from "~/features/events/feedback.server";
import { eventReminderJob } from "~/features/events/reminders.server";
import { cleanupJob } from "~/features/maintenance/cleanup.server";
import { digestJob, digestScanJob } from "~/features/notifications/digest.server";
import { notificationEmailJob } from "~/features/notifications/email.server";
import { fanoutJob } from "~/features/notifications/fanout.server";
import { opportunityRemindersJob } from "~/features/partnering/expiry.server";
import { weeklyMatchesJob } from "~/features/partnering/weekly-matches.server";
import { accountDeletionsJob } from "~/features/privacy/deletion.server";
import { dataExportJob } from "~/features/privacy/export.server";
import { needsDailyJob } from "~/features/radar/daily.server";
import { syncTaxonomy } from "~/features/taxonomy/sync.server";
import { translatorFor } from "~/i18n/catalogue.server";
import { isLocale, type Locale, negotiateLocale } from "~/i18n/i18n";
import type { Auth } from "~/lib/context";
import { hasControlCharacters } from "~/lib/control-characters";
import { cookieNames, readCookie } from "~/lib/cookies.server";
import { safeEqual } from "~/lib/crypto.server";
import { csrfTokenFor, newCsrfCookie } from "~/lib/csrf.server";
import { type Env, getEnv, setEnv } from "~/lib/env.server";
import { startJobWorkers, stopJobQueue } from "~/lib/jobs.server";
import { getLogger } from "~/lib/logger.server";
import { mailJob } from "~/lib/mail.server";
import { listenerStatus, startListening, stopListening } from "~/lib/pubsub.server";
import { ensureSecret } from "~/lib/secret.server";
import { BodyTooLarge, MalformedBody, parseMultipart, uploadTempRoot } from "./multipart";
import { uploadRouteMatcher } from "./upload-routes";

export { getDatabase, queryRows } from "~/db/client.server";
export {
  createNetwork,
  createOrganisation,
  createPostAt,
  createUser,
} from "~/db/seed/builders.server";
export { buildInterest, buildOpportunity } from "~/db/seed/partnering-builders.server";
export { deletePerson, FORMER_MEMBER_ID } from "~/features/accounts/delete-person.server";
export { rerenderStoredHtml } from "~/features/content/rerender.server";
export {
  MARKDOWN_RENDERER,
  rerenderIfRendererChanged,
} from "~/features/content/rerender-job.server";
export { issueCredentialForEnrolment } from "~/features/credentials/issue.server";
export { planReminders } from "~/features/events/reminders.server";
export { refreshNeeds } from "~/features/needs/weight.server";
export { afterNotified } from "~/features/notifications/delivery.server";
export { scanDueDigests, sendDigest } from "~/features/notifications/digest.server";
export { nextDigestAt } from "~/features/notifications/digest-schedule";
export { runFanout } from "~/features/notifications/fanout.server";
export { unsubscribeToken } from "~/features/notifications/unsubscribe.server";
export { sendRenewalReminders } from "~/features/partnering/expiry.server";
export { explainMatch, newMatchesSince } from "~/features/partnering/matches.server";
// Partnering days: the booking function, for the test of two bookings on two connections.
export { bookSlot } from "~/features/partnering/partnering-days.server";
export { listPublishedStories, partneringFigures } from "~/features/partnering/stories.server";
export { sendWeeklyMatches } from "~/features/partnering/weekly-matches.server";
export { runDueDeletions } from "~/features/privacy/deletion.server";
export { removeExpiredExports } from "~/features/privacy/export.server";
export { runNeedsDaily } from "~/features/radar/daily.server";
export { getEnv, parseEnv } from "~/lib/env.server";
export {
  countJobs,
  enqueue,
  latestFailedJobs,
  startJobWorkers,
  stopJobQueue,
  waitForJobs,
} from "~/lib/jobs.server";
export { setLogDestination } from "~/lib/logger.server";
export { sendMail } from "~/lib/mail.server";
export { removeOrphanedFiles } from "~/lib/orphaned-files.server";
export { stopListening, subscribe } from "~/lib/pubsub.server";

/** Raw SQL for tests and scripts that check what the application wrote. */
export const rawSql = (text: string) => sql.raw(text);
export {
  migrateDatabase,
  openDatabase,
  seedDemo,
  seedDemoIfEmpty,
  setDatabase,
  setEnv,
  syncShippedCourseware,
  syncTaxonomy,
};

/** Every job type the workers run (imported here so that each registers itself). */
export const jobTypes = [
  mailJob.name,
  fanoutJob.name,
  cleanupJob.name,
  rerenderJob.name,
  notificationEmailJob.name,
  eventReminderJob.name,
  eventFeedbackJob.name,
  digestScanJob.name,
  digestJob.name,
  needsDailyJob.name,
  issueCredentialJob.name,
  opportunityRemindersJob.name,
  weeklyMatchesJob.name,
  dataExportJob.name,
  accountDeletionsJob.name,
];

// Routes whose modules say they take files get the larger body limit, however the form posts.
const isUploadRequest = uploadRouteMatcher(build.routes);
const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/**
 * POSTs exempt from the CSRF check, deliberately: the one-click unsubscribe of RFC 8058 is
 * posted by the mail program, which has no cookie and no page token. The signed link is the
 * authentication there, and all it can do is turn one kind of email off (decision 016).
 */
const CSRF_EXEMPT = /^\/unsubscribe\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
// TRACE (it echoes the request, cookies included) and anything unknown get 405 at the door.
const ALLOWED_METHODS = ["GET", "HEAD", "OPTIONS", ...STATE_CHANGING];

/** Reads a small (non-multipart) body into memory, refusing it past `limit` bytes. */
async function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function securityHeaders(nonce: string, isDev: boolean, https: boolean): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

function localeOf(req: http.IncomingMessage): Locale {
  const langCookie = readCookie(req.headers.cookie, cookieNames.locale);
  return isLocale(langCookie) ? langCookie : negotiateLocale(req.headers["accept-language"]);
}

/**
 * Whether a request carries a control character (NUL and the like, which PostgreSQL refuses) in
 * its path, query string or submitted text fields and file names: refused at the edge with 400.
 */
function hasControlInput(url: URL, form: FormData | undefined): boolean {
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Malformed escapes are left to the router, which answers 404.
  }
  if (hasControlCharacters(path, false)) return true;
  const fields = [...url.searchParams, ...(form ?? [])];
  return fields.some(
    ([name, value]) =>
      hasControlCharacters(name) ||
      hasControlCharacters(typeof value === "string" ? value : value.name),
  );
}

/** A small translated HTML page for failures caught before React Router runs (413, 403). */
function plainErrorPage(locale: Locale, status: number, messageKey: string): Response {
  const t = translatorFor(locale);
  const title = t(messageKey);
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1><p><a href="/">${t("errors.backHome")}</a></p></main></body></html>`;
  return new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8" },
  });
}

export type App = {
  listener: http.RequestListener;
  database: Database;
  close(): Promise<void>;
};

/** Builds the request listener around an open, migrated database. */
export function createApp(options: { env: Env; database: Database }): App {
  const { env, database } = options;
  setEnv(env);
  setDatabase(database);
  const isDev = env.NODE_ENV === "development";
  const handle = createRequestHandler(build, isDev ? "development" : "production");
  const logger = getLogger();
  const clientDir = path.resolve(process.cwd(), "build/client");

  const app = express();
  app.disable("x-powered-by");
  // The signing secret for CSRF tokens; start() has loaded it, tests get one in their DATA_DIR.
  const secretReady = ensureSecret(env);
  secretReady.catch(() => {});
  // Unknown methods and request targets that are not a path ("GET http://evil/ HTTP/1.1")
  // never reach the router, which could only answer them with 500.
  app.use((req, res, next) => {
    const status = !ALLOWED_METHODS.includes(req.method) ? 405 : req.url.startsWith("/") ? 0 : 400;
    if (!status) return next();
    const page = plainErrorPage(
      localeOf(req),
      status,
      status === 405 ? "errors.methodNotAllowed" : "errors.badRequest",
    );
    if (status === 405) page.headers.set("Allow", ALLOWED_METHODS.join(", "));
    res.setHeader("X-Content-Type-Options", "nosniff");
    void sendResponse(res, page);
  });
  // Pages and assets go out compressed (owners are often on slow phone connections); the live
  // stream is left alone, because compressing it would hold events back.
  app.use(
    compression({
      // Level 1 keeps most of the saving at a fraction of the CPU time per page.
      level: 1,
      filter: (req, res) =>
        !String(res.getHeader("Content-Type") ?? "").startsWith("text/event-stream") &&
        compression.filter(req, res),
    }),
  );
  // One reverse proxy in front: its X-Forwarded-For entry is trusted, nothing a client adds.
  if (env.TRUST_PROXY) app.set("trust proxy", 1);
  if (fs.existsSync(clientDir)) {
    app.use(
      "/assets",
      express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y" }),
    );
    // Other public files (favicon) have an extension; pages never do, so they skip the disk.
    const publicFiles = express.static(clientDir, { maxAge: "1h", index: false });
    app.use((req, res, next) => {
      if (/\.[a-z0-9]+$/i.test(req.path)) publicFiles(req, res, next);
      else next();
    });
  }
  app.get("/healthz", (_req, res) => {
    res.type("text/plain").send("ok");
  });
  // Ready means "can serve pages and take writes": the database answers. Live events are a
  // line of their own, not a 503: taking every instance out of the load balancer because live
  // delivery paused would turn a degraded feature into an outage (decision 006).
  app.get("/readyz", async (_req, res) => {
    try {
      await database.ping();
    } catch {
      res.status(503).type("text/plain").send("database unavailable");
      return;
    }
    void startListening();
    const live = listenerStatus();
    const line =
      live.state === "listening"
        ? "live events: listening"
        : live.downSince
          ? `live events: down since ${live.downSince.toISOString()}, reconnecting (${live.failures} failed attempts)`
          : "live events: connecting";
    res.type("text/plain").send(`ready\n${line}`);
  });

  app.use(async (req, res) => {
    const started = performance.now();
    const requestId =
      typeof req.headers["x-request-id"] === "string" && req.headers["x-request-id"].length < 100
        ? req.headers["x-request-id"]
        : randomUUID();
    const log = logger.child({ requestId });
    const nonce = randomBytes(16).toString("base64");
    const cookieHeader = req.headers.cookie;
    const requestLocale = localeOf(req);
    const setCookies: string[] = [];

    let response: Response;
    try {
      const ip = req.ip ?? req.socket.remoteAddress ?? "";
      const url = new URL(req.originalUrl, env.PUBLIC_URL);
      const csrf = csrfTokenFor(cookieHeader, await secretReady);
      if (csrf.setCookie) setCookies.push(csrf.setCookie);
      let request: Request;
      let form: FormData | undefined;
      if (STATE_CHANGING.has(req.method)) {
        const limit = isUploadRequest(url) ? env.UPLOAD_LIMIT_BYTES : env.BODY_LIMIT_BYTES;
        const declared = Number(req.headers["content-length"] ?? 0);
        if (declared > limit) throw new BodyTooLarge();
        const controller = new AbortController();
        res.on("close", () => controller.abort());
        const type = req.headers["content-type"] ?? "";
        // The body is read here, once, and the route gets the parsed form through the load
        // context (readForm): the Request handed on carries no body.
        let body: Uint8Array<ArrayBuffer> | undefined;
        if (type.startsWith("multipart/form-data")) {
          const streamed = await parseMultipart(req, {
            tempRoot: uploadTempRoot(env.dataDir),
            limits: { totalBytes: limit, fieldBytes: env.BODY_LIMIT_BYTES },
          });
          res.on("close", () => {
            streamed.cleanup().catch((error) => log.warn({ err: error }, "upload not removed"));
          });
          form = streamed.form;
        } else {
          const bytes = await readBody(req, limit);
          body = new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
          if (type.startsWith("application/x-www-form-urlencoded")) {
            form = formDataOf(new URLSearchParams(Buffer.from(body).toString("utf8")));
          }
        }
        // Made once the body is read: its own body stream would otherwise take the bytes too.
        const base = createRequest(req, res);
        request = new Request(base.url, {
          method: req.method,
          headers: base.headers,
          body: form ? undefined : body,
          signal: controller.signal,
        });
        const sent = request.headers.get("x-csrf-token") ?? form?.get("_csrf");
        const exempt = req.method === "POST" && CSRF_EXEMPT.test(url.pathname);
        if (!exempt && (typeof sent !== "string" || !safeEqual(sent, csrf.token))) {
          log.warn({ path: url.pathname }, "csrf token missing or wrong");
          response = plainErrorPage(requestLocale, 403, "errors.csrf");
          return finish(response);
        }
      } else {
        request = createRequest(req, res);
      }
      if (hasControlInput(url, form)) {
        return finish(plainErrorPage(requestLocale, 400, "errors.controlCharacters"));
      }
      let authPromise: Promise<Auth> | undefined;
      const context: AppLoadContext = {
        requestId,
        nonce,
        csrfToken: csrf.token,
        submittedForm: form,
        ip,
        log,
        requestLocale,
        documentRequest: !url.pathname.endsWith(".data"),
        auth: () => {
          authPromise ??= findSession(readCookie(cookieHeader, cookieNames.session));
          return authPromise;
        },
      };
      response = await handle(request, context);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        response = plainErrorPage(requestLocale, 413, "errors.tooLarge");
        res.setHeader("Connection", "close");
      } else if (error instanceof MalformedBody) {
        response = plainErrorPage(requestLocale, 400, "errors.badRequest");
        res.setHeader("Connection", "close");
      } else {
        log.error({ err: error }, "request failed");
        response = plainErrorPage(requestLocale, 500, "errors.unexpected");
      }
    }
    return finish(response);

    async function finish(result: Response) {
      const headers = new Headers(result.headers);
      // Signing in or out starts a new anonymous pre-session too (the token follows the session).
      const session = `${cookieNames.session}=`;
      if (headers.getSetCookie().some((cookie) => cookie.startsWith(session))) {
        setCookies.splice(0, setCookies.length, newCsrfCookie());
      }
      for (const [name, value] of Object.entries(
        securityHeaders(nonce, isDev, env.secureCookies),
      )) {
        if (!headers.has(name)) headers.set(name, value);
      }
      for (const cookie of setCookies) headers.append("Set-Cookie", cookie);
      headers.set("X-Request-Id", requestId);
      if (headers.has("Content-Length") && result.body && req.method !== "HEAD") {
        // A whole document (entry.server.tsx): headers and body leave in one write.
        const body = Buffer.from(await result.arrayBuffer());
        res.writeHead(result.status, nodeHeaders(headers));
        res.end(body);
      } else {
        const final = new Response(result.body, {
          status: result.status,
          statusText: result.statusText,
          headers,
        });
        await sendResponse(res, final);
      }
      log.info(
        {
          method: req.method,
          path: req.path,
          status: result.status,
          ms: Math.round(performance.now() - started),
        },
        "request",
      );
    }
  });

  return {
    listener: app,
    database,
    close: () => database.close(),
  };
}

/** Fetch headers as Node's, each Set-Cookie kept apart. */
function nodeHeaders(headers: Headers): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {};
  for (const [name, value] of headers) {
    if (name === "set-cookie") continue;
    out[name] = value;
  }
  const cookies = headers.getSetCookie();
  if (cookies.length) out["set-cookie"] = cookies;
  return out;
}

/** A urlencoded body as FormData, the one shape routes read a submission in. */
function formDataOf(params: URLSearchParams): FormData {
  const form = new FormData();
  for (const [name, value] of params) form.append(name, value);
  return form;
}

async function openConfiguredDatabase(env: Env): Promise<Database> {
  return env.DATABASE_URL
    ? openDatabase({ url: env.DATABASE_URL })
    : openDatabase({ dataDir: embeddedDatabaseDir(env.dataDir) });
}

/**
 * Gets the database ready once per start-up: migrations, the built-in vocabularies, and the
 * demo network in an empty database. With several worker processes the primary does this
 * before it forks them.
 */
export async function prepare(): Promise<void> {
  const env = getEnv();
  const database = await openConfiguredDatabase(env);
  try {
    await migrateDatabase(database);
    setDatabase(database);
    await syncTaxonomy();
    // The shipped courseware as published resources and courses (issue 11).
    await syncShippedCourseware();
    if (env.SEED_DEMO && (await isDatabaseEmpty())) {
      // Tests wait for this line to kill a process in the middle of the seed.
      getLogger().info("empty database: adding the demo network");
      const seeded = await seedDemoIfEmpty();
      if (seeded) getLogger().info(seeded, "demo network added");
    }
  } finally {
    if (env.DATABASE_URL) await database.close();
    else setDatabase(database);
  }
}

/**
 * Starts serving: parses config, opens the database (prepared by `prepare()` unless told
 * otherwise) and listens. Worker processes of a cluster share the port.
 */
export async function start(options: { prepared?: boolean } = {}): Promise<http.Server> {
  const env = getEnv();
  // One process owns an embedded database: refuse before touching DATA_DIR (decision 008).
  if (!env.DATABASE_URL) acquireDatabaseLock(embeddedDatabaseDir(env.dataDir));
  const logger = getLogger();
  await ensureSecret(env);
  let database: Database;
  if (options.prepared) {
    database = await openConfiguredDatabase(env);
    setDatabase(database);
  } else {
    await prepare();
    database = env.DATABASE_URL ? await openConfiguredDatabase(env) : getDatabase();
    setDatabase(database);
  }
  const app = createApp({ env, database });
  const server = http.createServer(app.listener);
  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  const shown = env.HOST === "0.0.0.0" ? "localhost" : env.HOST;
  logger.info(
    { database: database.kind, pid: process.pid },
    `Synergy is running at http://${shown}:${env.PORT} (${database.kind === "pglite" ? "embedded PostgreSQL" : "PostgreSQL server"})`,
  );
  if (env.JOB_WORKERS) await startJobWorkers(database);
  // Stored HTML made by an older Markdown renderer is rendered again in the background.
  await rerenderIfRendererChanged().catch((error) =>
    logger.error({ err: error }, "could not queue the re-rendering of stored HTML"),
  );
  const shutdown = () => {
    void stopListening();
    server.close();
    // Jobs in hand get a few seconds to finish; the rest are handed back to the queue.
    stopJobQueue({ timeoutMs: 3000 })
      .catch((error) => logger.error({ err: error }, "job queue did not stop cleanly"))
      .finally(() => database.close().finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  return server;
}

/**
 * Runs only the background-job workers (`npm run worker`), for installations whose app
 * processes run with JOB_WORKERS=false. Stops on SIGTERM/SIGINT after the jobs in hand.
 */
export async function runWorker(): Promise<void> {
  const env = getEnv();
  const logger = getLogger();
  // Digest and notification mails carry signed unsubscribe links.
  await ensureSecret(env);
  const database = await openConfiguredDatabase(env);
  await migrateDatabase(database);
  setDatabase(database);
  await startJobWorkers(database);
  logger.info(
    { database: database.kind, pid: process.pid, jobs: jobTypes },
    "Synergy job worker is running",
  );
  const shutdown = () => {
    stopJobQueue({ timeoutMs: 10_000 })
      .catch((error) => logger.error({ err: error }, "job queue did not stop cleanly"))
      .finally(() => database.close().finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 12_000).unref();
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}
