import path from "node:path";
import { z } from "zod";

const booleanish = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  // Defaults to the port served (see parseEnv), so links in mail work when only PORT is set.
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Synergy <no-reply@synergy.localhost>"),
  /** Where people write about their data (privacy notice, terms, imprint); unset: the first admin. */
  CONTACT_EMAIL: z.email().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_000_000),
  UPLOAD_LIMIT_BYTES: z.coerce.number().int().positive().default(5_000_000),
  SEED_DEMO: booleanish.default(true),
  TRUST_PROXY: booleanish.default(false),
  RATE_LIMITS: booleanish.default(true),
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  /** Run the background-job workers inside each app process (false: `npm run worker` does). */
  JOB_WORKERS: booleanish.default(true),
  /** Open live streams per process: per signed-in person, and per address for visitors. */
  LIVE_STREAMS_PER_PERSON: z.coerce.number().int().min(1).max(100_000).default(10),
  LIVE_STREAMS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(20),
  /**
   * How old the needs radar's kept figures may be while fresh ones are computed in the
   * background after a write (decision 018); 0: every reader after a write waits for them.
   */
  RADAR_STALE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
});

export type Env = z.infer<typeof envSchema> & {
  PUBLIC_URL: string;
  dataDir: string;
  secureCookies: boolean;
};

/** The host name links use when PUBLIC_URL is not set: the listening host, or localhost. */
function localHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "localhost";
  return host.includes(":") ? `[${host}]` : host;
}

/**
 * Parses configuration from the given variables (process.env by default).
 * Throws an Error listing every invalid variable, so start-up fails with a clear message.
 */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}\nSee .env.example.`);
  }
  const env = result.data;
  const publicUrl = env.PUBLIC_URL ?? `http://${localHost(env.HOST)}:${env.PORT}`;
  return {
    ...env,
    PUBLIC_URL: publicUrl,
    dataDir: path.resolve(env.DATA_DIR),
    secureCookies: publicUrl.startsWith("https://"),
  };
}

let current: Env | undefined;

/** The configuration in force; parsed once from process.env on first use. */
export function getEnv(): Env {
  current ??= parseEnv();
  return current;
}

/** Replaces the configuration (tests and scripts that build their own). */
export function setEnv(env: Env): void {
  current = env;
}
