import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";

describe("parseEnv", () => {
  it("gives working defaults for a local demo", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.secureCookies).toBe(false);
    expect(env.SEED_DEMO).toBe(true);
  });

  it("names every invalid variable in one clear error", () => {
    let message = "";
    try {
      parseEnv({ DATABASE_URL: "mysql://x", PORT: "http", SESSION_SECRET: "short" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid configuration:/);
    expect(message).toContain("DATABASE_URL: DATABASE_URL must start with postgres://");
    expect(message).toContain("PORT:");
    expect(message).toContain("SESSION_SECRET: SESSION_SECRET must be at least 32 characters");
  });

  it("runs job workers in the app process unless told not to", () => {
    expect(parseEnv({}).JOB_WORKERS).toBe(true);
    expect(parseEnv({ JOB_WORKERS: "false" }).JOB_WORKERS).toBe(false);
    expect(() => parseEnv({ JOB_WORKERS: "sometimes" })).toThrow(/JOB_WORKERS/);
  });

  it("points links at the port actually served when PUBLIC_URL is not set", () => {
    expect(parseEnv({}).PUBLIC_URL).toBe("http://localhost:3000");
    expect(parseEnv({ PORT: "4123" }).PUBLIC_URL).toBe("http://localhost:4123");
    expect(parseEnv({ PORT: "4123", HOST: "127.0.0.1" }).PUBLIC_URL).toBe("http://127.0.0.1:4123");
    expect(parseEnv({ PORT: "4123", PUBLIC_URL: "https://synergy.example.org" }).PUBLIC_URL).toBe(
      "https://synergy.example.org",
    );
  });

  it("turns on secure cookies behind https", () => {
    expect(parseEnv({ PUBLIC_URL: "https://synergy.example.org" }).secureCookies).toBe(true);
  });
});
