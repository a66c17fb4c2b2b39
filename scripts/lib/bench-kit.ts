// What the bench scripts share: a scratch database, the production build, a Next.js server on a port of its own,
// and an autocannon run that keeps every latency so it can give p95. Everything started here is stopped by
// cleanup(), which the scripts call on every way out.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { migrateDatabase } from "../../lib/db/migrate";
import { buildIsCurrent, recordBuild } from "./build-stamp";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(import.meta.url);
const cleanups: (() => Promise<void> | void)[] = [];

export function onCleanup(step: () => Promise<void> | void): void {
  cleanups.unshift(step);
}

export async function cleanup(): Promise<void> {
  for (const step of cleanups.splice(0)) {
    try {
      await step();
    } catch (error) {
      console.error(`[bench] cleanup: ${(error as Error).message}`);
    }
  }
}

/** Ends the script after `seconds` whatever it is doing, cleaning up first. */
export function deadline(seconds: number): void {
  const timer = setTimeout(() => {
    console.error(`[bench] gave up after ${seconds} s`);
    void cleanup().finally(() => process.exit(2));
  }, seconds * 1000);
  timer.unref();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => void cleanup().finally(() => process.exit(130)));
  }
}

/** A fresh, migrated database on the server of `serverUrl`; dropped at cleanup. */
/** The PostgreSQL server the benches make their scratch databases on: BENCH_POSTGRES_URL, else the local one. */
export const benchServerUrl = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432";

export async function scratchDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new URL(serverUrl);
  admin.pathname = "/postgres";
  const drop = async () => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  };
  await drop();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  onCleanup(drop);
  return url.toString();
}

/** Builds the site when the sources changed since the last build (as `npm start` does). */
export function ensureBuild(): void {
  if (buildIsCurrent(root)) return;
  console.log("[bench] building the site (the sources changed since the last build) …");
  const build = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) throw new Error("next build failed; see above.");
  recordBuild(root);
}

async function waitForUrl(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child && child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before answering ${url}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/**
 * The site on `port` with the given environment, stopped at cleanup: `next start`, or with `fastPath` the
 * production web server (scripts/web-server.ts: Next.js behind the badge fast path).
 */
export async function startNext(port: number, env: Record<string, string>, { fastPath = false } = {}): Promise<string> {
  const args = fastPath
    ? ["--import", "tsx", join(root, "scripts", "web-server.ts"), "--port", String(port), "--hostname", "127.0.0.1"]
    : [require.resolve("next/dist/bin/next"), "start", "--port", String(port)];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  onCleanup(() => stopChild(child));
  const base = `http://127.0.0.1:${port}`;
  await waitForUrl(`${base}/api/v1/tasks`, 60_000, child);
  return base;
}

/** Starts a command (nginx) that stays in the foreground; stopped at cleanup. */
export async function startProcess(command: string, args: string[], readyUrl: string): Promise<void> {
  const child = spawn(command, args, { stdio: ["ignore", "ignore", "inherit"] });
  onCleanup(() => stopChild(child));
  await waitForUrl(readyUrl, 15_000, child);
}

export interface LoadResult {
  requestsPerS: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  total: number;
  errors: number;
  non2xx: number;
}

function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

/** `connections` clients in a closed loop for `durationS` seconds; every response time kept (ms). */
export function load(url: string, connections: number, durationS: number): Promise<LoadResult> {
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: durationS, timeout: 10 }, (error, result) => {
      if (error) return reject(error);
      const sorted = Float64Array.from(times).sort();
      resolve({
        requestsPerS: result.requests.total / durationS,
        p50Ms: quantile(sorted, 0.5),
        p95Ms: quantile(sorted, 0.95),
        p99Ms: quantile(sorted, 0.99),
        total: result.requests.total,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
      });
    });
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTimeMs: number) => times.push(responseTimeMs));
  });
}

/** A few sequential requests first, so neither side is measured cold (JIT, caches, connection pools). */
export async function warm(url: string, requests: number): Promise<void> {
  for (let i = 0; i < requests; i++) await (await fetch(url)).arrayBuffer();
}

export const fmtMs = (ms: number) => `${ms.toFixed(1)} ms`;
