// `npm test`: every suite — unit, integration (real PostgreSQL; the queue tests on both backends), Playwright in
// Debian's Chromium — then one closing line `N passed, N failed` that sums them all, since CI reads only that line.
// PostgreSQL: TEST_POSTGRES_URL, else DATABASE_URL's server, else the checkout's embedded one. Redis (the queue
// tests' Redis half): one that answers, else a redis-server started here, else none, which the last line says.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { resolveDatabase, type ResolvedDatabase } from "../lib/db/lifecycle";
import { startTestRedis, type TestRedis } from "./lib/test-redis";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const reports = join(root, ".frugal", "test-reports");

interface Tally {
  suite: string;
  passed: number;
  failed: number;
  exitCode: number;
}

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson(path: string): Record<string, unknown> | null {
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>) : null;
}

function vitestSuite(): Tally {
  const out = join(reports, "vitest.json");
  const exitCode = run(process.execPath, [join(root, "node_modules", "vitest", "vitest.mjs"), "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
  const report = readJson(out);
  return {
    suite: "vitest (unit + integration)",
    passed: Number(report?.numPassedTests ?? 0),
    // A suite that crashed before reporting counts as one failure, never as a pass.
    failed: report ? Number(report.numFailedTests ?? 0) + Number(report.numRuntimeErrorTestSuites ?? 0) : 1,
    exitCode,
  };
}

function playwrightSuite(): Tally {
  const out = join(reports, "playwright.json");
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    console.error(`Playwright needs Debian's Chromium at ${chromium}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
    return { suite: "playwright", passed: 0, failed: 1, exitCode: 1 };
  }
  const exitCode = run(process.execPath, [join(root, "node_modules", "@playwright", "test", "cli.js"), "test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: out,
  });
  const stats = readJson(out)?.stats as Record<string, number> | undefined;
  return {
    suite: "playwright (e2e)",
    passed: Number(stats?.expected ?? 0),
    failed: stats ? Number(stats.unexpected ?? 0) + Number(stats.flaky ?? 0) : 1,
    exitCode,
  };
}

async function main(): Promise<number> {
  rmSync(reports, { recursive: true, force: true });
  mkdirSync(reports, { recursive: true });
  let database: ResolvedDatabase | undefined;
  let redis: TestRedis | undefined;
  try {
    if (!process.env.TEST_POSTGRES_URL) {
      // One server for the whole run; each test file makes its own databases on it (lib/testing/test-env.ts).
      database = await resolveDatabase(root);
      const server = new URL(database.url);
      server.pathname = "";
      process.env.TEST_POSTGRES_URL = server.toString().replace(/\/$/, "");
      console.log(`[test] PostgreSQL: ${database.embeddedDir ? `embedded (answering in ${(database.startMs / 1000).toFixed(1)} s)` : "the server of DATABASE_URL"}`);
    }
    redis = await startTestRedis(process.env.CI === "true");
    if (redis.url) process.env.TEST_REDIS_URL = redis.url;
    console.log(`[test] queue backends: postgres${redis.url ? `, redis (${redis.origin})` : ` only (${redis.missing})`}`);
    const tallies = [vitestSuite(), playwrightSuite()];
    console.log("");
    for (const t of tallies) console.log(`${t.suite}: ${t.passed} passed, ${t.failed} failed (exit ${t.exitCode})`);
    const passed = tallies.reduce((sum, t) => sum + t.passed, 0);
    const failed = tallies.reduce((sum, t) => sum + t.failed + (t.exitCode !== 0 && t.failed === 0 ? 1 : 0), 0);
    console.log(`${passed} passed, ${failed} failed${redis.url ? "" : `; redis backend: not run, ${redis.missing}`}`);
    return failed === 0 ? 0 : 1;
  } finally {
    await redis?.stop();
    await database?.stop();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: Error) => {
    console.error(error.message);
    console.log("0 passed, 1 failed");
    process.exit(1);
  });
