// Integration tests run against the real PostgreSQL and Redis: a separate database, migrated here, emptied at
// the start of a run; and a queue prefix of their own, emptied too.
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import pg from "pg";
import { migrateDatabase } from "../db/migrate";
import { QUEUE_NAMES } from "../queue/contracts";
import { redisUrl, testDatabaseUrl, testQueuePrefix } from "./test-env";

export default async function globalSetup(): Promise<void> {
  await migrateDatabase(testDatabaseUrl);
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    await client.query(
      `TRUNCATE "Result", "Submission", "Artifact", "Model", "ApiToken", "Session", "AuthAttempt", "User", "Worker", "HardwareProfile" CASCADE`,
    );
  } finally {
    await client.end();
  }
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(QUEUE_NAMES.benchmark, { connection, prefix: testQueuePrefix });
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
}
