import os from "node:os";
import { defineConfig } from "vitest/config";

const shared = {
  resolve: { tsconfigPaths: true },
};

export default defineConfig({
  ...shared,
  test: {
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine such as CI,
    // where the suite then ran one file at a time, mostly waiting on one core (the process tests
    // sleep on child processes, the browser tests on Chromium). Two workers at least; the
    // browser tests still run one file at a time (fileParallelism below).
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          include: ["app/**/*.test.ts", "app/**/*.test.tsx", "scripts/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/setup/fail-on-console-error.ts"],
          globalSetup: ["tests/setup/global-database.ts"],
        },
      },
      {
        ...shared,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/setup/fail-on-console-error.ts"],
          globalSetup: ["tests/setup/global-database.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        ...shared,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/global-database.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
