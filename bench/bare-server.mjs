// The yardstick of `npm run bench`: a bare node:http server answering each path with the very
// bytes the app sent for it (rotating when one path had several answers, e.g. per session),
// written once with a Content-Length. Usage: node bench/bare-server.mjs <bodies.json> <port>
// where bodies.json is [{ "path": "/x", "body": "<html…" }, …]. Prints "ready" when listening.
import fs from "node:fs";
import http from "node:http";

const [file, port] = process.argv.slice(2);
/** @type {{ path: string; body: string }[]} */
const entries = JSON.parse(fs.readFileSync(file, "utf8"));
/** @type {Map<string, Buffer[]>} */
const byPath = new Map();
for (const { path, body } of entries) {
  const list = byPath.get(path) ?? [];
  list.push(Buffer.from(body));
  byPath.set(path, list);
}
const turn = new Map();
const server = http.createServer((req, res) => {
  const list = byPath.get(req.url ?? "");
  if (!list) {
    res.writeHead(404, { "content-length": 0 });
    res.end();
    return;
  }
  const i = turn.get(req.url) ?? 0;
  turn.set(req.url, (i + 1) % list.length);
  const body = list[i];
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(Number(port), "127.0.0.1", () => process.stdout.write("ready\n"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
