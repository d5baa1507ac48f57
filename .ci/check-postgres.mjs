// .ci/run calls this before the long steps: does the PostgreSQL server the tests need answer
// (connect, sign in, query)? One clear line and exit code 1 if not.
import pg from "pg";

const url = process.argv[2] ?? "";
let shown = "(unparsable URL)";
try {
  const parsed = new URL(url);
  shown = `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
} catch {
  // shown as unparsable
}
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
client.on("error", () => {});
try {
  await client.connect();
  await client.query("select 1");
  console.log(`PostgreSQL at ${shown} answers.`);
} catch (error) {
  console.error(
    `PostgreSQL at ${shown} is not reachable (${error instanceof Error ? error.message : error}). Start it, or set TEST_DATABASE_URL to a server that answers; stopping before the long steps.`,
  );
  process.exitCode = 1;
} finally {
  await client.end().catch(() => {});
}
