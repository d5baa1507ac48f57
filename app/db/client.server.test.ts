import { describe, expect, it } from "vitest";
import { openDatabase } from "./client.server";

describe("openDatabase", () => {
  it("fails with a clear message when the PostgreSQL server does not answer", async () => {
    await expect(openDatabase({ url: "postgres://nobody@127.0.0.1:1/nothing" })).rejects.toThrow(
      /Could not connect to PostgreSQL at 127\.0\.0\.1:1\/nothing: .*Check DATABASE_URL/,
    );
  });
});
