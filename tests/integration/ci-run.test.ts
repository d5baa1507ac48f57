/**
 * `.ci/run` stops at once, with one clear line, when the PostgreSQL server its last step needs
 * does not answer, instead of failing after the long steps. `npm` is replaced by a stand-in that
 * records being called, so nothing is installed even if the check let the script through.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const unreachable = "postgres://postgres:a-secret@127.0.0.1:1/test";
const hasPgIsready =
  spawnSync("sh", ["-c", "command -v pg_isready"], { encoding: "utf8" }).status === 0;
const fakeBin = fs.mkdtempSync(path.join(os.tmpdir(), "synergy-ci-"));
fs.writeFileSync(path.join(fakeBin, "npm"), '#!/bin/sh\necho "npm was called: $*"\nexit 7\n', {
  mode: 0o755,
});
afterAll(() => fs.rmSync(fakeBin, { recursive: true, force: true }));

describe(".ci/run without a PostgreSQL server", () => {
  it.skipIf(!hasPgIsready)("stops before installing anything, saying which server", () => {
    const run = spawnSync("bash", [".ci/run"], {
      env: {
        ...process.env,
        PATH: `${fakeBin}:${process.env.PATH}`,
        TEST_DATABASE_URL: unreachable,
      },
      encoding: "utf8",
      timeout: 60_000,
    });
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status).not.toBe(0);
    expect(output).not.toContain("npm was called");
    expect(output).toContain(
      "PostgreSQL at postgres://postgres:***@127.0.0.1:1/test is not reachable",
    );
    expect(output).not.toContain("a-secret");
  });

  it("has a check that connects and queries, for machines without pg_isready", () => {
    const check = spawnSync(process.execPath, [".ci/check-postgres.mjs", unreachable], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(check.status).toBe(1);
    expect(check.stderr.trim().split("\n")).toHaveLength(1);
    expect(check.stderr).toContain(
      "PostgreSQL at 127.0.0.1:1/test is not reachable (connect ECONNREFUSED",
    );
    expect(check.stderr).not.toContain("a-secret");
  });
});
