// Integration tests run against the real PostgreSQL (and Redis, for the queue tests' Redis half): a separate
// database, migrated here, emptied at the start of a run; and a queue prefix (a schema on PostgreSQL) of their own,
// emptied too on each backend. The backends the queue tests run on are handed to the test files (queue-backends.ts).
import type { TestProject } from "vitest/node";
import pg from "pg";
import { migrateAll } from "../db/migrate-all";
import { resetEnvForTests } from "../env";
import { QUEUE_BACKENDS, type QueueBackendName } from "../queue/backend";
import { closeQueues, emptyBenchmarkQueue } from "../queue/get-queue";
import { redisProblem } from "../queue/redis";
import { redisUrl, testDatabaseUrl, testQueuePrefix } from "./test-env";

declare module "vitest" {
  export interface ProvidedContext {
    queueBackends: QueueBackendName[];
    redisMissing: string | null;
  }
}

export default async function globalSetup(project: TestProject): Promise<void> {
  Object.assign(process.env, { DATABASE_URL: testDatabaseUrl, REDIS_URL: redisUrl, FRUGAL_QUEUE_PREFIX: testQueuePrefix, FRUGAL_QUEUE: "postgres" });
  resetEnvForTests();
  await migrateAll();
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
}
