// Integration tests run against the real PostgreSQL and Redis: a separate database, migrated here, emptied at
// the start of a run; and a queue prefix of their own, emptied too.
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import pg from "pg";
import { migrateDatabase } from "../db/migrate";
import { QUEUE_NAMES } from "../queue/contracts";

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/frugalboard_test";
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

export default async function globalSetup(): Promise<void> {
  await migrateDatabase(TEST_DATABASE_URL);
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `TRUNCATE "Result", "Submission", "Artifact", "Model", "ApiToken", "User", "Worker", "HardwareProfile" CASCADE`,
    );
  } finally {
    await client.end();
  }
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue(QUEUE_NAMES.benchmark, { connection, prefix: "frugal-test" });
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
}
