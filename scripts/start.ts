// `npm start`: the whole thing on one machine. The database (the embedded PostgreSQL unless DATABASE_URL is set),
// migrations, seed, a production build when the sources changed, then web and one worker until Ctrl-C, which stops
// both cleanly and then the embedded PostgreSQL.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describeDatabase } from "../lib/db/describe-database";
import { databaseEnv, resolveDatabase, type ResolvedDatabase } from "../lib/db/lifecycle";
import { migrateAll } from "../lib/db/migrate-all";
import { getEnv } from "../lib/env";
import { describeQueueBackend, queueBackendOf, redisUrlOf } from "../lib/queue/backend";
import { ensureRedis } from "./lib/services";
import { buildIsCurrent, recordBuild } from "./lib/build-stamp";
import { createSupervisor } from "./lib/processes";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

function step(message: string): void {
  console.log(`[start] ${message}`);
}

async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

let database: ResolvedDatabase | undefined;

async function main(): Promise<number> {
  if (existsSync(join(root, ".env"))) process.loadEnvFile(join(root, ".env"));
  // Datasets that are not bundled (SMS Spam, FSDD) come from a mirror folder; a copy beside the project is used
  // when none is configured.
  const besideProject = join(root, "..", "shared", "datasets");
  if (!process.env.FRUGAL_DATASET_MIRROR && existsSync(besideProject)) {
    process.env.FRUGAL_DATASET_MIRROR = besideProject;
    step(`datasets not bundled are read from ${besideProject} (set FRUGAL_DATASET_MIRROR to change)`);
  }
  const started = Date.now();
  step(process.env.DATABASE_URL ? "checking PostgreSQL at DATABASE_URL" : "starting the embedded PostgreSQL (.frugalboard/postgres)");
  database = await resolveDatabase(root);
  // Web, worker and seed inherit these: every process uses the database resolved here.
  Object.assign(process.env, databaseEnv(database));
  const env = getEnv();
  if (database.embeddedDir) step(`embedded PostgreSQL answering in ${(database.startMs / 1000).toFixed(1)} s`);
  if (queueBackendOf(env) === "redis") await ensureRedis(redisUrlOf(env));
  step(`database: ${describeDatabase(env)}; queue: ${describeQueueBackend(env)}`);
  step("applying database migrations (Prisma's, and BullMQ's when the queue runs in PostgreSQL)");
  await migrateAll();

  const nextBin = require.resolve("next/dist/bin/next");
  if (!buildIsCurrent(root)) {
    step("building the site (first start, or the sources changed)");
    const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: process.env });
    if (build.status !== 0) throw new Error("The site did not build; see the output above.");
    recordBuild(root);
  }

  step("queueing the baseline models for benchmarking");
  const seed = spawnSync(process.execPath, ["--import", "tsx", join(root, "prisma", "seed.ts")], { cwd: root, stdio: "inherit" });
  if (seed.status !== 0) throw new Error("Seeding failed; see the output above.");

  const supervisor = createSupervisor();
  supervisor.start("worker", process.execPath, ["--import", "tsx", join(root, "worker", "main.ts")]);
  // Next.js behind a fast path for badges (scripts/web-server.ts): same pages and API as `next start`.
  supervisor.start("web", process.execPath, ["--import", "tsx", join(root, "scripts", "web-server.ts"), "--port", String(env.PORT)]);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    step(`${signal}: stopping web and worker${database?.embeddedDir ? ", then PostgreSQL" : ""}`);
    void supervisor.stopAll("SIGTERM");
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));

  const url = `http://localhost:${env.PORT}`;
  if (await waitForHealth(`${url}/api/v1/health`, 60_000)) {
    step(`frugalboard is serving ${url} (web + 1 worker), ready in ${((Date.now() - started) / 1000).toFixed(1)} s. Ctrl-C stops both.`);
  } else if (!stopping) {
    step(`the site did not answer ${url}/api/v1/health within 60 s; see the output above.`);
  }
  return supervisor.done;
}

/** The embedded PostgreSQL stops last, once web and worker have written what they had to. */
async function stopDatabase(): Promise<void> {
  if (!database?.embeddedDir) return;
  await database.stop().catch((error: Error) => console.error(`[start] stopping PostgreSQL: ${error.message}`));
  step("embedded PostgreSQL stopped; its data stays in .frugalboard/postgres");
}

main()
  .then(async (code) => {
    await stopDatabase();
    process.exit(code);
  })
  .catch(async (error: Error) => {
    console.error(`[start] ${error.message}`);
    await stopDatabase();
    process.exit(1);
  });
