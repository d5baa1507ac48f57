/**
 * Starts the real application (the production build, as `npm start` runs it) on a random port
 * with its own fresh database, data folder and mailbox, for one test file.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { openTestDatabase } from "./database";
import { lastMailTo, linkIn, readMailbox } from "./mail";

// The build is made by `npm test` before Vitest starts (see package.json).
type Server = typeof import("../../server/app");
const buildEntry = path.resolve("build/server/index.js");

export async function loadServer(): Promise<Server> {
  if (!fs.existsSync(buildEntry)) {
    throw new Error("No build: run `npm run build` (npm test does it for you).");
  }
  return (await import(buildEntry)) as Server;
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

// The server module keeps one configuration and database; a second app in a test file takes them
// over, and closing it hands them back to the app started before it.
const running: Array<() => Promise<void>> = [];

export async function startTestApp(
  envOverrides: Record<string, string> = {},
  options: { captureLogs?: boolean } = {},
) {
  const server = await loadServer();
  // Log lines this app writes, parsed (only with captureLogs; set LOG_LEVEL too).
  const logLines: Record<string, unknown>[] = [];
  server.setLogDestination(
    options.captureLogs
      ? { write: (line: string) => void logLines.push(JSON.parse(line)) }
      : undefined,
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "synergy-app-"));
  const { database, cleanup } = await openTestDatabase(server.openDatabase);
  let listener: http.RequestListener = (_req, res) => res.end();
  const httpServer = http.createServer((req, res) => listener(req, res));
  // The server shares this process's event loop with the tests: after a long synchronous
  // stretch (an embedded-database seed) the client could reuse an idle connection in the same
  // tick the server's 5 s keep-alive timer closed it (ECONNRESET on a loaded machine). The
  // tests close every connection themselves, so idle ones may stay open.
  httpServer.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const env = server.parseEnv({
    NODE_ENV: "test",
    DATA_DIR: dataDir,
    PUBLIC_URL: url,
    LOG_LEVEL: "silent",
    SEED_DEMO: "false",
    // Figures right after every write; one radar test sets it to see the background refresh.
    RADAR_STALE_SECONDS: "0",
    ...envOverrides,
  });
  const app = server.createApp({ env, database });
  await server.syncTaxonomy();
  // The job queue is one per process too: it follows the app that is active.
  const runJobs = async () => {
    if (!env.JOB_WORKERS) return;
    await server.stopJobQueue();
    await server.startJobWorkers(database);
  };
  await runJobs();
  listener = app.listener;
  /** Mail is sent by jobs: wait until none is waiting or running, then read what was written. */
  async function settledMailbox() {
    await server.waitForJobs({ names: ["mail.send"], timeoutMs: 15_000 });
    return readMailbox(dataDir);
  }
  const activate = async () => {
    server.setEnv(env);
    server.setDatabase(database);
    server.setLogDestination(undefined);
    await runJobs();
  };
  running.push(activate);
  return {
    url,
    dataDir,
    server,
    createUser: server.createUser,
    createOrganisation: server.createOrganisation,
    client: () => new TestClient(url),
    /** A new person (verified and onboarded unless told otherwise), signed in on a new client. */
    async signedIn(spec: Parameters<Server["createUser"]>[0] = {}) {
      const user = await server.createUser(spec);
      const client = new TestClient(url);
      await client.signIn(user.email, user.password);
      return { user, client };
    },
    logLines,
    /** Every mail sent so far, once the mail queue is empty (bounded wait). */
    mailbox: () => settledMailbox(),
    /** The newest mail to an address, once the mail queue is empty (bounded wait). */
    lastMailTo: async (address: string) => {
      await settledMailbox();
      return lastMailTo(dataDir, address);
    },
    linkIn,
    async close() {
      const wasActive = running.at(-1) === activate;
      running.splice(running.indexOf(activate), 1);
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await server.stopListening();
      if (wasActive) {
        // Jobs the tests queued for now (mail, fan-out) finish first: a worker failing or
        // completing a job after the database closed rejected unhandled ("PGlite is closed").
        await server
          .waitForJobs({
            names: ["mail.send", "notifications.email", "notifications.fanout"],
            timeoutMs: 15_000,
          })
          .catch(() => {});
        await server.stopJobQueue();
        await running.at(-1)?.();
      }
      await cleanup();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A browser-like HTTP client: keeps cookies, sends the CSRF token with every form. */
export class TestClient {
  private cookies = new Map<string, string>();
  /** The CSRF token as the last page showed it, and the cookies it was issued for. */
  private token: { value: string; cookies: string } | undefined;
  constructor(readonly baseUrl: string) {}

  /** The CSRF token the client's forms carry (read from a page's `_csrf` field). */
  get csrf(): string | undefined {
    return this.token?.value;
  }

  /** The cookies a CSRF token is bound to: the session and the anonymous pre-session id. */
  private csrfBinding(): string {
    return ["sid", "csrf", "__Host-csrf"].map((name) => this.cookies.get(name) ?? "").join("|");
  }

  private store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = decodeURIComponent(pair.slice(eq + 1).trim());
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim()));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** Sets a cookie as the page's own script would (the browser's time zone), or as another site could plant it (CSRF tests). */
  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  /** The Cookie header this client sends (for raw fetches such as event streams). */
  cookieHeaderForTests(): string {
    return this.cookieHeader();
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("; ");
  }

  async get(pathOrUrl: string, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(new URL(pathOrUrl, this.baseUrl), {
      headers: { cookie: this.cookieHeader(), ...headers },
      redirect: "manual",
    });
    this.store(response);
    return response;
  }

  /**
   * Makes sure the client holds the CSRF token of its current cookies, as a browser holds the
   * one in the page it shows; after signing in or out, that is a new page's token.
   */
  async ensureCsrf(): Promise<string> {
    if (!this.token || this.token.cookies !== this.csrfBinding()) {
      const page = await this.get("/healthz-csrf-probe");
      const value = (await page.text()).match(/name="_csrf" value="([^"]+)"/)?.[1];
      if (!value) throw new Error("no _csrf field on the page");
      this.token = { value, cookies: this.csrfBinding() };
    }
    return this.token.value;
  }

  /** Posts a form as a browser without JavaScript does (urlencoded, or multipart with files). */
  async post(
    pathOrUrl: string,
    fields: Record<string, string | string[] | Blob> | FormData,
    options: { csrf?: string | null; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const token = options.csrf === undefined ? await this.ensureCsrf() : options.csrf;
    let body: URLSearchParams | FormData;
    if (fields instanceof FormData) {
      body = fields;
      if (token) body.set("_csrf", token);
    } else if (Object.values(fields).some((v) => v instanceof Blob)) {
      body = new FormData();
      for (const [k, v] of Object.entries(fields)) {
        if (Array.isArray(v)) for (const item of v) body.append(k, item);
        else body.append(k, v);
      }
      if (token) body.set("_csrf", token);
    } else {
      body = new URLSearchParams();
      for (const [k, v] of Object.entries(fields)) {
        if (Array.isArray(v)) for (const item of v) body.append(k, item);
        else body.append(k, v as string);
      }
      if (token) body.set("_csrf", token);
    }
    const response = await fetch(new URL(pathOrUrl, this.baseUrl), {
      method: "POST",
      body,
      headers: { cookie: this.cookieHeader(), ...(options.headers ?? {}) },
      redirect: "manual",
    });
    this.store(response);
    return response;
  }

  /** Signs in with email and password; throws unless the server redirects. */
  async signIn(email: string, password: string): Promise<void> {
    const response = await this.post("/signin", { email, password });
    if (response.status !== 302) {
      const main = (await response.text()).match(/<main[\s\S]*?<\/main>/)?.[0] ?? "";
      throw new Error(
        `sign-in failed with ${response.status}: ${main.replace(/<[^>]+>/g, " ").slice(0, 300)}`,
      );
    }
  }
}
