import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// `npm test` builds before Vitest starts; this reads what the browser would download.
const clientDir = path.resolve("build/client");

function clientScripts(): { file: string; text: string }[] {
  const files: { file: string; text: string }[] = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.(m?js|map)$/.test(entry.name)) {
        files.push({ file: path.relative(clientDir, full), text: fs.readFileSync(full, "utf8") });
      }
    }
  };
  visit(clientDir);
  return files;
}

describe("the browser bundle", () => {
  it("carries no database table definitions and no server-only names", () => {
    const scripts = clientScripts().filter(({ file }) => !file.endsWith(".map"));
    expect(scripts.length).toBeGreaterThan(0);
    const markers = [
      "password_hash",
      "drizzle:",
      "pgTable",
      "session_token",
      "token_hash",
      "@node-rs/argon2",
      "node:fs",
    ];
    const found = scripts.flatMap(({ file, text }) =>
      markers.filter((marker) => text.includes(marker)).map((marker) => `${file}: ${marker}`),
    );
    expect(found).toEqual([]);
  });
});
