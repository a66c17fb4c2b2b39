// The production web server: Next.js behind a fast path for badges (lib/badges/fast-path.ts) and the admins'
// queue dashboard (lib/admin/queue-dashboard.ts, /admin/queues). Badges are the most
// requested URLs and Next.js's pipeline costs about a millisecond each; the fast path answers a badge this process
// has rendered in a few microseconds. Every other request goes to Next.js unchanged. Same flags as `next start`:
//   node --import tsx scripts/web-server.ts [--port 3000] [--hostname 0.0.0.0]
import { createServer } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import next from "next";
import { createQueueDashboard } from "../lib/admin/queue-dashboard";
import { createBadgeFastPath } from "../lib/badges/fast-path";
import { getDb } from "../lib/db/client";
import { CLIENT_IP_HEADER } from "../lib/http/client-ip";
import { securityHeadersFor } from "../lib/http/security-headers";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? "0.0.0.0";

async function main(): Promise<void> {
  const app = next({ dev: false, dir: root, port, hostname });
  const handle = app.getRequestHandler();
  await app.prepare();
  const badges = createBadgeFastPath(getDb());
  const queues = createQueueDashboard(getDb());
  const server = createServer((req, res) => {
    // Set first, so every answer has them: the fast path's, the dashboard's, and any Next.js writes without its
    // config's headers.
    for (const [name, value] of Object.entries(securityHeadersFor(req.url ?? "/"))) res.setHeader(name, value);
    // The peer's address, for per-IP rate limits; a value a client sent under this name is overwritten.
    req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? "";
    if (!badges(req, res) && !queues(req, res)) void handle(req, res);
  });
  // As `next start`: keep idle connections a little longer than common proxies do.
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => console.log(`[web] serving http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port} (Next.js, badge fast path)`));
  const stop = () => {
    server.close(() => {
      void app.close().finally(() => process.exit(0));
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: Error) => {
  console.error(`[web] ${error.message}`);
  process.exit(1);
});
