// Integration tests run against the real PostgreSQL (and Redis, for the queue tests' Redis half). Here, once a run:
// the template database is migrated (Prisma's schema and BullMQ's) and emptied, since each test file gets a copy of
// it (lib/testing/isolate-file.ts); the template's queue is emptied on each backend; and the backends the queue
// tests run on are handed to the test files (queue-backends.ts). At the start and at the end of the run, the
// per-file databases (whose PostgreSQL queues they hold) and this checkout's Redis test queues go.
import type { TestProject } from "vitest/node";
import pg from "pg";
import { migrateAll } from "../db/migrate-all";
import { resetEnvForTests } from "../env";
import { QUEUE_BACKENDS, type QueueBackendName } from "../queue/backend";
import { closeQueues, emptyBenchmarkQueue } from "../queue/get-queue";
import { deleteRedisKeys, redisProblem } from "../queue/redis";
import { onServer } from "./maintenance-db";
import { redisUrl, testDatabaseUrl, testQueuePrefix } from "./test-env";

declare module "vitest" {
  export interface ProvidedContext {
    queueBackends: QueueBackendName[];
    redisMissing: string | null;
  }
}

/** Drops every per-file copy of the template (named template_<file id>, lib/testing/test-env.ts isolationOf). */
async function dropFileDatabases(): Promise<void> {
  const template = decodeURIComponent(new URL(testDatabaseUrl).pathname.slice(1));
  const rows = await onServer(testDatabaseUrl, "SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [`${template}_`]);
  for (const { datname } of rows) await onServer(testDatabaseUrl, `DROP DATABASE IF EXISTS "${String(datname)}" WITH (FORCE)`);
}

export default async function globalSetup(project: TestProject): Promise<() => Promise<void>> {
  Object.assign(process.env, { DATABASE_URL: testDatabaseUrl, REDIS_URL: redisUrl, FRUGAL_QUEUE_PREFIX: testQueuePrefix, FRUGAL_QUEUE: "postgres" });
  resetEnvForTests();
  await migrateAll();
  // Before each file had its own copy, tests wrote into this database: a template must start empty.
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    await client.query(
      `TRUNCATE "Result", "Submission", "Artifact", "Model", "ApiToken", "Session", "AuthAttempt", "User", "Worker", "HardwareProfile" CASCADE`,
    );
  } finally {
    await client.end();
  }
  const missing = await redisProblem(redisUrl);
  if (missing && process.env.CI === "true") {
    throw new Error(`CI needs Redis for the queue tests' Redis half, and none answers at ${redisUrl} (${missing}). Start redis-server or set TEST_REDIS_URL.`);
  }
  const backends = QUEUE_BACKENDS.filter((backend) => backend === "postgres" || !missing);
  for (const backend of backends) {
    process.env.FRUGAL_QUEUE = backend;
    resetEnvForTests();
    await emptyBenchmarkQueue();
    await closeQueues();
  }
  project.provide("queueBackends", backends);
  project.provide("redisMissing", missing && `none answers at ${redisUrl}`);

  const clear = async () => {
    await dropFileDatabases();
    // Every file's Redis queue: the template's prefix and each file's (prefix-<file id>).
    if (!missing) await deleteRedisKeys(redisUrl, `${testQueuePrefix}*`);
  };
  await clear();
  return clear;
}
