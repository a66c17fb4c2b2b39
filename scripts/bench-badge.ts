// `npm run bench:badge`: badge requests per second against nginx (Debian's) serving a static SVG of the same size,
// in one run, with autocannon. Goals: at least 0.5 of nginx's rate, p99 under 20 ms. Measured twice: through the
// production web server (scripts/web-server.ts, badge fast path) and through plain `next start` (the Next.js
// route). Every server gets one process (nginx: worker_processes 1), on free localhost ports; all is removed after.
//   --seconds N per target (10)  --connections N (10)
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "../lib/db/client";
import { insertResult } from "../lib/testing/insert-result";
import { benchServerUrl, cleanup, deadline, ensureBuild, fmtMs, load, onCleanup, scratchDatabase, startNext, startProcess, type LoadResult, warm } from "./lib/bench-kit";
import { freePort } from "../lib/testing/free-port";

const GOAL_RATIO = 0.5;
const GOAL_P99_MS = 20;
const NGINX = process.env.NGINX_BIN ?? "/usr/sbin/nginx";
const { values } = parseArgs({ options: { seconds: { type: "string", default: "10" }, connections: { type: "string", default: "10" } } });
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);

function nginxConfig(dir: string, port: number): string {
  return `
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  types { image/svg+xml svg; }
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/www;
    add_header Cache-Control "public, max-age=300";
  }
}`;
}

async function main(): Promise<number> {
  deadline(12 * 60);
  const server = benchServerUrl;
  const databaseUrl = await scratchDatabase(server, `frugalboard_bench_badge_${process.pid}`);
  const db = createDb(databaseUrl);
  await insertResult(db, { modelSlug: "bench-badge-cnn", modelName: "Bench CNN", taskId: "mnist", accuracy: 0.9791, energyPerInferenceJ: 38.2e-6 });
  await db.$disconnect();

  ensureBuild();
  const env = { DATABASE_URL: databaseUrl };
  const [fast, plain] = [await startNext(await freePort(), env, { fastPath: true }), await startNext(await freePort(), env)];
  const badgePath = "/badge/bench-badge-cnn/mnist.svg";
  const svg = await (await fetch(`${fast}${badgePath}`)).text();
  if (!svg.includes("mnist 97.9%")) throw new Error(`unexpected badge: ${svg.slice(0, 200)}`);
  if ((await (await fetch(`${plain}${badgePath}`)).text()) !== svg) throw new Error("the Next.js route and the fast path drew different badges");

  const dir = mkdtempSync(join(tmpdir(), "frugal-bench-nginx-"));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  chmodSync(dir, 0o755); // nginx's worker reads the file as an unprivileged user
  const nginxPort = await freePort();
  writeFileSync(join(dir, "nginx.conf"), nginxConfig(dir, nginxPort));
  mkdirSync(join(dir, "www"), { mode: 0o755 });
  writeFileSync(join(dir, "www", "badge.svg"), svg, { mode: 0o644 }); // the very same bytes
  const staticUrl = `http://127.0.0.1:${nginxPort}/badge.svg`;
  await startProcess(NGINX, ["-p", dir, "-c", join(dir, "nginx.conf")], staticUrl);
  const fromNginx = await fetch(staticUrl);
  if (fromNginx.status !== 200 || (await fromNginx.text()) !== svg) throw new Error(`nginx did not serve the badge (status ${fromNginx.status})`);

  const targets = [
    { name: "nginx static file", url: staticUrl },
    { name: "web-server.ts (fast path)", url: `${fast}${badgePath}` },
    { name: "next start (route)", url: `${plain}${badgePath}` },
  ];
  const results: (LoadResult & { name: string; url: string })[] = [];
  for (const target of targets) {
    await warm(target.url, 200);
    results.push({ ...target, ...(await load(target.url, CONNECTIONS, SECONDS)) });
  }
  const [nginx, ...ours] = results;
  const row = (r: (typeof results)[number]) =>
    `${r.name.padEnd(27)} ${r.requestsPerS.toFixed(0).padStart(7)} req/s  p50 ${fmtMs(r.p50Ms)}  p95 ${fmtMs(r.p95Ms)}  p99 ${fmtMs(r.p99Ms)}  ${r.errors} errors, ${r.non2xx} non-2xx` +
    (r === nginx ? "" : `  ratio ${(r.requestsPerS / nginx.requestsPerS).toFixed(2)}`);
  console.log(`\n[bench:badge] ${svg.length}-byte SVG, ${CONNECTIONS} connections, ${SECONDS} s each; goal ratio ≥ ${GOAL_RATIO}, p99 < ${GOAL_P99_MS} ms`);
  for (const r of results) console.log(row(r));
  const production = ours[0];
  const ratio = production.requestsPerS / nginx.requestsPerS;
  const pass = ratio >= GOAL_RATIO && production.p99Ms < GOAL_P99_MS && production.errors === 0 && production.non2xx === 0;
  console.log(`production server: ratio ${ratio.toFixed(2)}, p99 ${fmtMs(production.p99Ms)} · ${pass ? "ok" : "BELOW GOAL"}`);
  return pass ? 0 : 1;
}

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (error: Error) => {
    console.error(`[bench:badge] ${error.message}`);
    await cleanup();
    process.exit(1);
  });
