/**
 * Runs Synergy as real child processes (`node server/main.js`, `node scripts/start.mjs`, a
 * script through tsx) on an embedded database in a temp DATA_DIR, for tests about start-up,
 * ownership of the data folder and kill -9.
 */
import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export type RunningProcess = {
  child: ChildProcess;
  pid: number;
  url: string;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
  /** Resolves with the first output line matching `pattern`; rejects if the process ends first. */
  waitForLine(pattern: RegExp): Promise<string>;
  /** Resolves once /readyz answers 200; rejects with the output if the process ends first. */
  ready(): Promise<void>;
};

const running = new Set<ChildProcess>();

/** Kills (SIGKILL) every process these helpers started and that still runs. */
export function killAll(): void {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
}

/**
 * Starts `command args` (the server by default) with an embedded database in `dataDir`, on a
 * free port, in production mode, whatever the test run's own database settings are.
 */
export async function runProcess(options: {
  dataDir: string;
  args?: string[];
  command?: string;
  env?: Record<string, string>;
}): Promise<RunningProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(options.command ?? process.execPath, options.args ?? ["server/main.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: "",
      DATA_DIR: options.dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: url,
      LOG_LEVEL: "info",
      SEED_DEMO: "false",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let output = "";
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<number | string>((resolve) => {
    child.on("exit", (code, signal) => {
      running.delete(child);
      resolve(code ?? signal ?? "unknown");
      for (const listener of listeners) listener();
    });
  });
  const hasEnded = () => child.exitCode !== null || child.signalCode !== null;

  const waitForLine = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const line = output.split("\n").find((l) => pattern.test(l));
        if (line !== undefined) {
          listeners.delete(check);
          resolve(line);
        } else if (hasEnded()) {
          listeners.delete(check);
          reject(new Error(`process ended before printing ${pattern}:\n${output}`));
        }
      };
      listeners.add(check);
      check();
    });

  const ready = async () => {
    for (;;) {
      if (hasEnded()) throw new Error(`process ended before it was ready:\n${output}`);
      try {
        if ((await fetch(`${url}/readyz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  return { child, pid: child.pid!, url, output: () => output, exited, waitForLine, ready };
}
