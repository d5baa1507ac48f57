/**
 * npm run bench [-- --scenarios home,profile|core|networks|embedded] [--duration 10] [--connections 20]
 * Starts the production build on a free port of 127.0.0.1 against DATABASE_URL (fill it first
 * with `npm run seed:scale`), drives each scenario with autocannon, alternating with a bare
 * node:http server that replays the same bytes (the yardstick), then does the same for the main
 * pages on the embedded database (PGlite, demo data), and writes JSON and Markdown results,
 * with the machine's facts and the server's memory, to bench/results/. Results are reported,
 * never asserted.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { EventEmitter } from "node:events";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import {
  type BenchContext,
  type BenchRequest,
  CORE_TARGET,
  DEMO_PASSWORD,
  type Figures,
  type Scenario,
  type Session,
  scenarios,
  signIn,
  signInScaleMembers,
  type Target,
} from "./scenarios";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WARMUP_SECONDS = 2;
const PROBE_SECONDS = 3;
/** Each loaded measurement is split in this many rounds, each followed by a bare-Node round. */
const ROUNDS = 2;
/** Seconds of each bare-Node round (its figures are steady: a short round is enough). */
const BARE_SECONDS = 3;
// The whole run must stay short enough to be run before and after every change: fourteen
// PostgreSQL scenarios of about 24 s each (bare-Node rounds included), the sign-ins of the
// sessions they rotate over, the live streams, then the embedded server's start (demo seed)
// and its six scenarios.
const RUN_LIMIT_MS = 720_000;

const { values: args } = parseArgs({
  options: {
    scenarios: { type: "string" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "20" },
  },
});
const durationSeconds = Number(args.duration);
const connections = Number(args.connections);
// Names and group names ("core", "networks") can be mixed: --scenarios networks,home
const wanted = args.scenarios?.split(",").map((s) => s.trim());
const selected = wanted
  ? scenarios.filter((s) => wanted.includes(s.name) || wanted.includes(s.group))
  : scenarios;
const groups = ["core", "networks", "embedded"] as const;
const scenarioSet =
  selected.length === scenarios.length
    ? "all"
    : (groups.find(
        (g) =>
          selected.length === scenarios.filter((s) => s.group === g).length &&
          selected.every((s) => s.group === g),
      ) ?? "custom");

// A tool, not the app: it reads the one variable it needs straight from the environment.
const databaseUrl = process.env.DATABASE_URL;
const needsPostgres = selected.some((s) => s.group !== "embedded");
if (!databaseUrl && needsPostgres) {
  console.error(
    "npm run bench measures against a PostgreSQL server filled by the scale seed. Set DATABASE_URL, e.g.\n" +
      "  DATABASE_URL=postgres://postgres@127.0.0.1:5432/synergy_bench npm run seed:scale -- --members 100000\n" +
      "  DATABASE_URL=postgres://postgres@127.0.0.1:5432/synergy_bench npm run bench\n" +
      "(npm run bench -- --scenarios embedded measures the embedded database alone.)",
  );
  process.exit(1);
}
if (!selected.length || !(durationSeconds > 0) || !(connections > 0)) {
  console.error(
    `Nothing to run. Scenarios: ${scenarios.map((s) => s.name).join(", ")} (groups: ${groups.join(", ")})`,
  );
  process.exit(1);
}

let server: ChildProcess | undefined;
/** How the server ended, when it ended before the run did. */
let serverExit: string | undefined;
let serverDataDir: string | undefined;
const serverOutput: string[] = [];

const isRunning = (child: ChildProcess | undefined): child is ChildProcess =>
  child !== undefined && child.exitCode === null && child.signalCode === null;

function stopServer(): void {
  if (isRunning(server)) server.kill("SIGKILL");
  if (serverDataDir) fs.rmSync(serverDataDir, { recursive: true, force: true });
  serverDataDir = undefined;
}

/** Lets the server close its database pool, then makes sure it is gone. */
async function shutdownServer(): Promise<void> {
  const child = server;
  if (isRunning(child)) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  }
  stopServer();
}
// Whatever happens, the server started here does not outlive the run.
process.on("exit", stopServer);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the server.`);
    stopServer();
    process.exit(130);
  });
}
setTimeout(() => {
  console.error(`The run took longer than ${RUN_LIMIT_MS / 1000} s: stopping.`);
  stopServer();
  process.exit(1);
}, RUN_LIMIT_MS).unref();

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** The bare-Node yardstick of the scenario being measured, if one is running. */
let bare: ChildProcess | undefined;
let bareDir: string | undefined;

function stopBare(): void {
  if (isRunning(bare)) bare.kill("SIGKILL");
  bare = undefined;
  if (bareDir) fs.rmSync(bareDir, { recursive: true, force: true });
  bareDir = undefined;
}
process.on("exit", stopBare);

/**
 * Starts a bare node:http server (bench/bare-server.mjs) answering each path with the bytes
 * the app sent for it, in a process of its own like the app, and returns its base URL.
 */
async function startBare(bodies: { path: string; body: string }[]): Promise<string> {
  stopBare();
  const port = await freePort();
  bareDir = fs.mkdtempSync(path.join(os.tmpdir(), "synergy-bare-"));
  const file = path.join(bareDir, "bodies.json");
  fs.writeFileSync(file, JSON.stringify(bodies));
  const child = spawn(process.execPath, ["bench/bare-server.mjs", file, String(port)], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  bare = child;
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the bare server exited with ${code}`)));
    child.stdout?.once("data", () => resolve());
  });
  return `http://127.0.0.1:${port}`;
}

/** Resident memory of a process in MB (Linux /proc), or null elsewhere. */
function rssMb(pid: number | undefined): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(status.match(/^VmRSS:\s+(\d+) kB/m)?.[1]);
    return Number.isFinite(kb) ? round(kb / 1024) : null;
  } catch {
    return null;
  }
}

/**
 * Starts the production server: against DATABASE_URL, or with `embedded` on the embedded
 * database (PGlite) in a throw-away DATA_DIR, which the server fills with the demo data.
 */
async function startServer(port: number, options: { embedded?: boolean } = {}): Promise<string> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "synergy-bench-"));
  serverDataDir = dataDir;
  serverExit = undefined;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: baseUrl,
    DATABASE_URL: options.embedded ? "" : databaseUrl,
    // A throw-away data dir and secret keep the run away from the project's ./data.
    DATA_DIR: dataDir,
    SESSION_SECRET: randomBytes(32).toString("base64url"),
    SEED_DEMO: options.embedded ? "true" : "false",
    LOG_LEVEL: "warn",
    RATE_LIMITS: "false",
    // The live scenario opens hundreds of streams from a few test accounts on one address.
    LIVE_STREAMS_PER_PERSON: "1000",
    LIVE_STREAMS_PER_ADDRESS: "1000",
  };
  // One process: the embedded database belongs to one, and the figures are per process.
  delete env.WEB_CONCURRENCY;
  server = spawn(process.execPath, ["server/main.js"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env,
  });
  const keep = (chunk: Buffer) => {
    serverOutput.push(chunk.toString());
    if (serverOutput.length > 50) serverOutput.shift();
  };
  server.stdout?.on("data", keep);
  server.stderr?.on("data", keep);
  server.once("exit", (code, signal) => {
    serverExit = `exited with ${signal ? `signal ${signal}` : `code ${code}`}`;
  });
  // The embedded database seeds the demo on its first start.
  const deadline = Date.now() + (options.embedded ? 180_000 : 60_000);
  while (Date.now() < deadline) {
    if (server.exitCode !== null) break;
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.ok) return baseUrl;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server did not become ready:\n${serverOutput.join("")}`);
}

/** CPU seconds a process has used so far (Linux /proc), or null elsewhere. */
function cpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** CPU seconds used by every PostgreSQL process on the machine (all databases), or null. */
function postgresCpuSeconds(): number | null {
  try {
    let total = 0;
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
        if (!stat.includes("(postgres)")) continue;
        total += cpuSeconds(Number(entry)) ?? 0;
      } catch {
        // the process ended meanwhile
      }
    }
    return total;
  } catch {
    return null;
  }
}

/** Busy and total CPU time of the whole machine so far (Linux /proc/stat), or null. */
function machineCpu(): { busy: number; total: number } | null {
  try {
    const line = fs.readFileSync("/proc/stat", "utf8").split("\n")[0];
    const [user, nice, system, idle, iowait, irq, softirq, steal] = line
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const busy = user + nice + system + irq + softirq + steal;
    return { busy, total: busy + idle + iowait };
  } catch {
    return null;
  }
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

const round = (n: number) => Math.round(n * 10) / 10;

type Measurement = {
  requests: number;
  requestsPerSecond: number;
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
};

/** Stops the run when the server is gone, so a dead server is never "measured". */
function assertServerRunning(during: string): void {
  if (!isRunning(server)) {
    throw new Error(
      `The server ${serverExit ?? "stopped"} during ${during}. Its last output:\n${serverOutput.join("").slice(-4000)}`,
    );
  }
}

type Raw = {
  latencies: number[];
  seconds: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
};

/** Drives the requests for a while and keeps every latency, so percentiles are exact. */
async function measureRaw(options: {
  baseUrl: string;
  requests: BenchRequest[];
  connections: number;
  seconds: number;
}): Promise<Raw> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const instance = autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: options.seconds,
    headers: { "accept-language": "en" },
    requests: options.requests.map((r) => ({ method: "GET", path: r.path, headers: r.headers })),
  });
  // The typings omit the client argument autocannon passes first.
  (instance as unknown as EventEmitter).on(
    "response",
    (_client: unknown, status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
      statusCodes[status] = (statusCodes[status] ?? 0) + 1;
    },
  );
  const result = await instance;
  return {
    latencies,
    seconds: result.duration,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
}

/** The figures of one or more measurements of the same requests taken as one. */
function summarize(raws: Raw[]): Measurement {
  const latencies = raws.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const seconds = raws.reduce((sum, r) => sum + r.seconds, 0);
  const statusCodes: Record<string, number> = {};
  for (const raw of raws) {
    for (const [code, n] of Object.entries(raw.statusCodes))
      statusCodes[code] = (statusCodes[code] ?? 0) + n;
  }
  const sum = (key: "non2xx" | "errors" | "timeouts") => raws.reduce((t, r) => t + r[key], 0);
  return {
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / seconds),
    medianMs: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies[latencies.length - 1] ?? Number.NaN),
    non2xx: sum("non2xx"),
    errors: sum("errors"),
    timeouts: sum("timeouts"),
    statusCodes,
  };
}

async function measure(options: Parameters<typeof measureRaw>[0]): Promise<Measurement> {
  return summarize([await measureRaw(options)]);
}

type ScenarioResult = {
  name: string;
  group: Scenario["group"];
  description: string;
  paths: string[];
  note?: string;
  target: Target;
  loaded: Measurement;
  /** The same bytes from a bare node:http server, measured in rounds alternating with the app's. */
  bareNode: Measurement;
  /** The app's requests per second as a percentage of the bare server's (issue 7: ≥ 5 %). */
  bareNodePercent: number | null;
  /** Size of the HTML answered, in bytes (uncompressed: the runner sends no Accept-Encoding). */
  htmlBytes: { min: number; median: number; max: number };
  /** How many different paths and sessions the requests rotate over. */
  distinctPaths: number;
  sessions: number;
  /** The server's resident memory right after the scenario. */
  serverRssMbAfter: number | null;
  /** One connection for a few seconds: the time a request takes when nothing queues. */
  alone: Pick<Measurement, "medianMs" | "p95Ms" | "p99Ms" | "requestsPerSecond">;
  serverCpuMsPerRequest: number | null;
  postgresCpuMsPerRequest: number | null;
  /** Share of all CPUs of the machine busy during the loaded measurement (any process). */
  machineCpuBusyPercent: number | null;
  /** 1-minute load average right after the loaded measurement. */
  loadAverageAfter: number;
  /** Figures of the work beside the requests (the live streams), when the scenario has any. */
  sideLoad?: { opened: Figures; alone: Figures; loaded: Figures };
  pass: boolean;
  failures: string[];
};

async function runScenario(
  scenario: Scenario,
  baseUrl: string,
  context: BenchContext,
): Promise<ScenarioResult> {
  const { requests, note, sideLoad } = await scenario.prepare(context);
  const target = scenario.target ?? CORE_TARGET;
  try {
    const bodies: { path: string; body: string }[] = [];
    for (const request of requests) {
      const response = await fetch(baseUrl + request.path, {
        headers: { "accept-language": "en", ...request.headers },
      });
      const body = await response.text();
      if (!response.ok)
        throw new Error(`${scenario.name}: GET ${request.path} → ${response.status}`);
      const problem = scenario.expect?.(body);
      if (problem) throw new Error(`${scenario.name}: GET ${request.path}: ${problem}`);
      bodies.push({ path: request.path, body });
    }
    const sizes = bodies.map((b) => Buffer.byteLength(b.body)).sort((a, b) => a - b);
    const bareUrl = await startBare(bodies);
    const opened: Figures = sideLoad ? await sideLoad.start() : {};
    await measure({ baseUrl, requests, connections, seconds: WARMUP_SECONDS });
    const [alone, besideAlone] = await Promise.all([
      measure({ baseUrl, requests, connections: 1, seconds: PROBE_SECONDS }),
      sideLoad ? sideLoad.duringLoad(PROBE_SECONDS) : Promise.resolve(undefined),
    ]);
    await measure({ baseUrl: bareUrl, requests, connections, seconds: 1 });
    const pid = server?.pid ?? 0;
    // Server and PostgreSQL CPU and the machine's load count during the app's rounds only.
    let cpu = 0;
    let pgCpu = 0;
    let machineBusy = 0;
    let machineTotal = 0;
    let counted = true;
    const appRaws: Raw[] = [];
    const bareRaws: Raw[] = [];
    let beside: Figures | undefined;
    // Alternating rounds, so that whatever else the machine does weighs on both alike; the
    // live scenario measures in one piece (its side load reports per measurement).
    const rounds = sideLoad ? 1 : ROUNDS;
    for (let i = 0; i < rounds; i++) {
      const cpuBefore = cpuSeconds(pid);
      const pgBefore = postgresCpuSeconds();
      const machineBefore = machineCpu();
      const [raw, besideRound] = await Promise.all([
        measureRaw({ baseUrl, requests, connections, seconds: durationSeconds / rounds }),
        sideLoad ? sideLoad.duringLoad(durationSeconds) : Promise.resolve(undefined),
      ]);
      appRaws.push(raw);
      beside = besideRound;
      const cpuAfter = cpuSeconds(pid);
      const pgAfter = postgresCpuSeconds();
      const machineAfter = machineCpu();
      if (cpuBefore === null || cpuAfter === null || pgBefore === null || pgAfter === null)
        counted = false;
      else {
        cpu += cpuAfter - cpuBefore;
        pgCpu += pgAfter - pgBefore;
      }
      if (machineBefore && machineAfter) {
        machineBusy += machineAfter.busy - machineBefore.busy;
        machineTotal += machineAfter.total - machineBefore.total;
      }
      assertServerRunning(scenario.name);
      bareRaws.push(
        await measureRaw({ baseUrl: bareUrl, requests, connections, seconds: BARE_SECONDS }),
      );
    }
    stopBare();
    const loaded = summarize(appRaws);
    const bareNode = summarize(bareRaws);
    const perRequest = (seconds: number) =>
      counted && loaded.requests ? round((seconds * 1000) / loaded.requests) : null;
    const failures: string[] = [];
    if (loaded.non2xx || loaded.errors || loaded.timeouts) {
      failures.push(
        `${loaded.non2xx} non-2xx, ${loaded.errors} errors, ${loaded.timeouts} timeouts`,
      );
    }
    if (target.medianMs !== undefined && !(loaded.medianMs < target.medianMs)) {
      failures.push(`median ${loaded.medianMs} ms ≥ ${target.medianMs} ms`);
    }
    if (!(loaded.p95Ms < target.p95Ms))
      failures.push(`p95 ${loaded.p95Ms} ms ≥ ${target.p95Ms} ms`);
    const missed =
      Number(beside?.missedDeliveries ?? 0) + Number(besideAlone?.missedDeliveries ?? 0);
    if (missed > 0) failures.push(`${missed} live events not delivered within 5 s`);
    return {
      name: scenario.name,
      group: scenario.group,
      description: scenario.description,
      paths: requests.map((r) => r.path),
      note,
      target,
      loaded,
      alone: {
        medianMs: alone.medianMs,
        p95Ms: alone.p95Ms,
        p99Ms: alone.p99Ms,
        requestsPerSecond: alone.requestsPerSecond,
      },
      bareNode,
      bareNodePercent: bareNode.requestsPerSecond
        ? Math.round((loaded.requestsPerSecond * 1000) / bareNode.requestsPerSecond) / 10
        : null,
      htmlBytes: {
        min: sizes[0] ?? 0,
        median: percentile(sizes, 50),
        max: sizes[sizes.length - 1] ?? 0,
      },
      distinctPaths: new Set(requests.map((r) => r.path)).size,
      sessions: new Set(requests.map((r) => r.headers?.cookie ?? "")).size,
      serverRssMbAfter: rssMb(server?.pid),
      serverCpuMsPerRequest: perRequest(cpu),
      postgresCpuMsPerRequest: scenario.group === "embedded" ? null : perRequest(pgCpu),
      machineCpuBusyPercent: machineTotal > 0 ? round((machineBusy * 100) / machineTotal) : null,
      loadAverageAfter: round(os.loadavg()[0]),
      sideLoad:
        sideLoad && beside && besideAlone
          ? { opened, alone: besideAlone, loaded: beside }
          : undefined,
      pass: failures.length === 0,
      failures,
    };
  } finally {
    stopBare();
    await sideLoad?.stop();
  }
}

const targetText = (t: Target) =>
  t.medianMs !== undefined
    ? `median < ${t.medianMs} ms, p95 < ${t.p95Ms} ms`
    : `p95 < ${t.p95Ms} ms`;

function git(...command: string[]): string {
  try {
    return execFileSync("git", command, { cwd: root, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

async function machineFacts(db: pg.Client | null) {
  const cpus = os.cpus();
  const one = async (query: string) =>
    (db ? (await db.query(query)).rows[0] : {}) as Record<string, string>;
  const counts = await one(`select
      (select count(*) from users)::int as members,
      (select count(*) from organisations)::int as organisations,
      (select count(*) from networks)::int as networks,
      (select reltuples::bigint from pg_class where relname = 'posts') as posts,
      (select reltuples::bigint from pg_class where relname = 'comments') as comments,
      (select reltuples::bigint from pg_class where relname = 'post_reactions') as reactions`);
  const dirty = git("status", "--porcelain", "--untracked-files=no");
  return {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpuModel: cpus[0]?.model ?? "unknown",
    cpuCount: cpus.length,
    totalMemoryGb: round(os.totalmem() / 1024 ** 3),
    loadAverageBefore: os.loadavg().map(round),
    loadAverageAfter: [] as number[],
    node: process.version,
    postgres: db ? (await one("select version()")).version : "not used",
    postgresSettings: {
      shared_buffers: (await one("show shared_buffers")).shared_buffers,
      work_mem: (await one("show work_mem")).work_mem,
    },
    members: Number(counts.members),
    organisations: Number(counts.organisations),
    networks: Number(counts.networks),
    // Estimates from the planner's statistics (exact counts would take seconds).
    posts: Number(counts.posts),
    comments: Number(counts.comments),
    reactions: Number(counts.reactions),
    commit: `${git("rev-parse", "--short", "HEAD")}${dirty && dirty !== "unknown" ? " (with uncommitted changes)" : ""}`,
    /** Resident memory of the server process (one process), in MB, per database. */
    serverRssMb: {} as Partial<
      Record<
        "postgres" | "embedded",
        { idle: number | null; afterLoad: number | null; loadSeconds: number }
      >
    >,
  };
}

function markdown(report: {
  startedAt: string;
  machine: Awaited<ReturnType<typeof machineFacts>>;
  settings: Record<string, number>;
  results: ScenarioResult[];
}): string {
  const m = report.machine;
  // Only the load before counts: during the run the benchmark itself keeps every CPU busy.
  const busy = m.loadAverageBefore[0] > m.cpuCount * 0.5;
  const lines = [
    `# Benchmark ${report.startedAt} (${scenarioSet})`,
    "",
    `Targets at ${report.settings.connections} connections, no errors: core pages ${targetText(CORE_TARGET)}; network pages as listed per scenario.`,
    `Latencies are measured by autocannon on the same machine (127.0.0.1), ${report.settings.durationSeconds} s per scenario after a ${WARMUP_SECONDS} s warm-up, in ${ROUNDS} rounds each followed by ${BARE_SECONDS} s of a bare node:http server answering the same paths with the very bytes the app sent ("bare Node"; "% of bare" is the app's req/s as a share of it, target ≥ 5 %); "alone" is ${PROBE_SECONDS} s at 1 connection. "Machine CPU" is the share of both CPUs busy (any process, the load generator included) during the app's rounds. "HTML KB" is the median page size without compression; "paths / sessions" what the requests rotate over.`,
    "",
    "| scenario | target | req/s | median ms | p95 ms | p99 ms | bare Node req/s | % of bare | alone median / p95 ms | server CPU ms/req | PostgreSQL CPU ms/req | machine CPU % | HTML KB | paths / sessions | errors | result |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ...report.results.map((r) =>
      [
        "",
        r.name,
        targetText(r.target),
        r.loaded.requestsPerSecond,
        r.loaded.medianMs,
        r.loaded.p95Ms,
        r.loaded.p99Ms,
        r.bareNode.requestsPerSecond,
        r.bareNodePercent ?? "–",
        `${r.alone.medianMs} / ${r.alone.p95Ms}`,
        r.serverCpuMsPerRequest ?? "–",
        r.postgresCpuMsPerRequest ?? "–",
        r.machineCpuBusyPercent ?? "–",
        round(r.htmlBytes.median / 1024),
        `${r.distinctPaths} / ${r.sessions}`,
        r.loaded.non2xx + r.loaded.errors + r.loaded.timeouts,
        r.pass ? "pass" : `**fail**: ${r.failures.join("; ")}`,
        "",
      ]
        .join(" | ")
        .trim(),
    ),
    "",
    ...report.results
      .filter((r) => r.sideLoad)
      .flatMap((r) => {
        const { opened, alone, loaded } = r.sideLoad ?? { opened: {}, alone: {}, loaded: {} };
        if (opened.streams === undefined) {
          // Not a live-stream side load (the notification fan-out): its own figures, as named.
          const names = [
            ...new Set([...Object.keys(opened), ...Object.keys(alone), ...Object.keys(loaded)]),
          ];
          return [
            `## Side load (${r.name})`,
            "",
            "| figure | opening | alone | loaded |",
            "|---|---:|---:|---:|",
            ...names.map(
              (n) => `| ${n} | ${opened[n] ?? "–"} | ${alone[n] ?? "–"} | ${loaded[n] ?? "–"} |`,
            ),
            "",
          ];
        }
        const row = (label: string, f: Figures) => [
          `| ${label}: each delivery (${f.deliveries}, ${f.missedDeliveries} missed) | ${f.deliveryMedianMs} | ${f.deliveryP95Ms} | ${f.deliveryMaxMs} |`,
          `| ${label}: until all ${opened.streams} streams had it (${f.posts} posts) | ${f.allStreamsMedianMs} | ${f.allStreamsP95Ms} | ${f.allStreamsMaxMs} |`,
          `| ${label}: first to last stream (fan-out spread) | ${f.fanOutSpreadMedianMs} | – | ${f.fanOutSpreadMaxMs} |`,
          `| ${label}: the POST's own response | ${f.postResponseMedianMs} | – | ${f.postResponseMaxMs} |`,
        ];
        return [
          `## Live stream (${r.name})`,
          "",
          `${opened.streams} streams opened in ${opened.openAllMs} ms. A member posted through the real form, one post at a time (waiting for every stream to get it, then 200 ms), during the one-connection probe ("alone") and during the ${report.settings.connections}-connection measurement ("loaded"). Time from sending the POST:`,
          "",
          "| | median ms | p95 ms | max ms |",
          "|---|---:|---:|---:|",
          ...row("alone", alone),
          ...row("loaded", loaded),
          "",
        ];
      }),
    ...(busy
      ? [
          `> **The machine was busy with other work** (1-minute load average ${m.loadAverageBefore[0]} before the run, on ${m.cpuCount} CPUs): latencies under load are inflated; the "alone" and CPU-per-request columns are the steadier figures.`,
          "",
        ]
      : []),
    ...Object.entries(m.serverRssMb).flatMap(([database, rss]) => [
      `Server memory (${database === "embedded" ? "embedded database, demo data" : "PostgreSQL server"}, one process): ${rss?.idle ?? "–"} MB RSS idle after start, ${rss?.afterLoad ?? "–"} MB after ${rss?.loadSeconds ?? "–"} s of load.`,
      "",
    ]),
    "## Scenarios",
    "",
    ...report.results.map(
      (r) =>
        `- **${r.name}**: ${r.description}. ${r.paths.length === 1 ? `\`${r.paths[0]}\`` : `${r.paths.length} paths, e.g. \`${r.paths[0]}\``}${r.note ? ` (${r.note})` : ""}`,
    ),
    "",
    "## Machine",
    "",
    `- ${m.os}; ${m.cpuCount} × ${m.cpuModel}; ${m.totalMemoryGb} GB memory; load average ${m.loadAverageBefore.join(", ")} before the run, ${m.loadAverageAfter.join(", ")} after`,
    `- Node.js ${m.node}; ${m.postgres} (shared_buffers ${m.postgresSettings.shared_buffers}, work_mem ${m.postgresSettings.work_mem})`,
    `- Database: ${m.members.toLocaleString("en")} members, ${m.organisations.toLocaleString("en")} organisations, ${m.networks.toLocaleString("en")} networks, ≈ ${m.posts.toLocaleString("en")} posts, ≈ ${m.comments.toLocaleString("en")} comments, ≈ ${m.reactions.toLocaleString("en")} reactions`,
    `- 1-minute load average after each scenario: ${report.results.map((r) => `${r.name} ${r.loadAverageAfter}`).join(", ")}`,
    `- Commit ${m.commit}`,
    "",
  ];
  return lines.join("\n");
}

function printResult(result: ScenarioResult): void {
  const l = result.loaded;
  console.log(
    `${String(l.requestsPerSecond).padStart(7)} req/s  median ${l.medianMs} ms  p95 ${l.p95Ms} ms  p99 ${l.p99Ms} ms  bare Node ${result.bareNode.requestsPerSecond} req/s (${result.bareNodePercent} %)  (alone ${result.alone.medianMs} ms)  ${Math.round(result.htmlBytes.median / 1024)} KB  ${result.pass ? "pass" : `FAIL: ${result.failures.join("; ")}`}`,
  );
  if (result.sideLoad) {
    const { opened, alone, loaded } = result.sideLoad;
    for (const [label, live] of [
      ["alone", alone],
      ["loaded", loaded],
    ] as const) {
      if (opened.streams === undefined) {
        const figures = Object.entries(live).map(([k, v]) => `${k} ${v}`);
        console.log(`${"".padEnd(26)}${label}: ${figures.join(", ")}`);
        continue;
      }
      console.log(
        `${"".padEnd(26)}${opened.streams} streams, ${label}: ${live.posts} posts, delivery median ${live.deliveryMedianMs} ms  p95 ${live.deliveryP95Ms} ms  max ${live.deliveryMaxMs} ms; all streams median ${live.allStreamsMedianMs} ms  max ${live.allStreamsMaxMs} ms; ${live.missedDeliveries} missed`,
      );
    }
  }
}

/** Signs in through the real form once per address and run, for the scenarios to share. */
function sessionsFor(baseUrl: string, password?: string) {
  const sessions = new Map<string, Promise<Session>>();
  return (email: string) => {
    let session = sessions.get(email);
    if (!session) {
      session = signIn(baseUrl, email, password);
      sessions.set(email, session);
    }
    return session;
  };
}

/** Runs scenarios one after the other on the running server; the server's memory before and after. */
async function runAll(
  list: Scenario[],
  baseUrl: string,
  context: BenchContext,
): Promise<{
  results: ScenarioResult[];
  idle: number | null;
  afterLoad: number | null;
  loadSeconds: number;
}> {
  const idle = rssMb(server?.pid);
  const results: ScenarioResult[] = [];
  const loadStarted = performance.now();
  for (const scenario of list) {
    process.stdout.write(`${scenario.name.padEnd(26)}`);
    const result = await runScenario(scenario, baseUrl, context);
    results.push(result);
    printResult(result);
  }
  return {
    results,
    idle,
    afterLoad: rssMb(server?.pid),
    loadSeconds: Math.round((performance.now() - loadStarted) / 1000),
  };
}

async function main() {
  const started = new Date();
  const db = needsPostgres ? new pg.Client({ connectionString: databaseUrl }) : null;
  await db?.connect();
  try {
    const machine = await machineFacts(db);
    if (db && machine.members < 1000) {
      throw new Error(
        `The database has ${machine.members} members: fill it first with npm run seed:scale -- --members 100000`,
      );
    }
    const results: ScenarioResult[] = [];
    const onPostgres = selected.filter((s) => s.group !== "embedded");
    if (db && onPostgres.length) {
      // The anonymous directory and profile scenarios measure an installation that shows
      // signed-out visitors public profiles (decision 026; the default shows them no people),
      // so that their figures stay comparable with the results before that setting existed.
      await db.query(
        `insert into settings (key, value) values ('visitorPeople', '"profiles"')
         on conflict (key) do update set value = excluded.value, updated_at = now()`,
      );
      const port = await freePort();
      console.log(`Starting the production server on 127.0.0.1:${port} (PostgreSQL server)…`);
      const baseUrl = await startServer(port);
      const cookies = new Map<number, Promise<string[]>>();
      const context: BenchContext = {
        baseUrl,
        db,
        signedInCookies: (count) => {
          let found = cookies.get(count);
          if (!found) {
            found = signInScaleMembers(baseUrl, db, count, context.signInAs);
            cookies.set(count, found);
          }
          return found;
        },
        signInAs: sessionsFor(baseUrl),
      };
      const run = await runAll(onPostgres, baseUrl, context);
      results.push(...run.results);
      machine.serverRssMb.postgres = {
        idle: run.idle,
        afterLoad: run.afterLoad,
        loadSeconds: run.loadSeconds,
      };
      await shutdownServer();
    }
    const embedded = selected.filter((s) => s.group === "embedded");
    if (embedded.length) {
      const port = await freePort();
      console.log(
        `Starting the production server on 127.0.0.1:${port} (embedded database, demo data)…`,
      );
      const baseUrl = await startServer(port, { embedded: true });
      const context: BenchContext = {
        baseUrl,
        get db(): pg.Client {
          throw new Error("embedded scenarios find their pages through the app, not SQL");
        },
        signedInCookies: () =>
          Promise.reject(new Error("no scale members on the embedded database")),
        signInAs: sessionsFor(baseUrl, DEMO_PASSWORD),
      };
      const run = await runAll(embedded, baseUrl, context);
      results.push(...run.results);
      machine.serverRssMb.embedded = {
        idle: run.idle,
        afterLoad: run.afterLoad,
        loadSeconds: run.loadSeconds,
      };
      await shutdownServer();
    }
    machine.loadAverageAfter = os.loadavg().map(round);
    const report = {
      scenarioSet,
      startedAt: started.toISOString(),
      targets: { core: CORE_TARGET, perScenario: "see results[].target" },
      settings: {
        connections,
        durationSeconds,
        warmupSeconds: WARMUP_SECONDS,
        probeSeconds: PROBE_SECONDS,
      },
      machine,
      results,
    };
    const stamp = started.toISOString().slice(0, 16).replace("T", "-").replace(":", "");
    const base = path.join(root, "bench/results", `${stamp}-${scenarioSet}`);
    fs.mkdirSync(path.dirname(base), { recursive: true });
    fs.writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
    fs.writeFileSync(`${base}.md`, markdown(report));
    console.log(`Results: ${path.relative(root, base)}.{json,md}`);
    const failed = results.filter((r) => !r.pass).length;
    console.log(
      failed
        ? `${failed} of ${results.length} scenarios missed their target.`
        : `All ${results.length} scenarios met their target.`,
    );
  } finally {
    await db?.end().catch(() => {});
  }
}

try {
  await main();
  await shutdownServer();
  process.exit(0);
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  await shutdownServer();
  process.exit(1);
}
