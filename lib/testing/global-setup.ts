// Integration tests run against the real PostgreSQL and Redis. Here, once a run: the template database is migrated
// and emptied (each test file gets a copy of it, lib/testing/isolate-file.ts), and this checkout's test queues are
// cleared. When the run ends, the per-file databases and queues go.
import { Redis } from "ioredis";
import { migrateDatabase } from "../db/migrate";
import pg from "pg";
import { onServer } from "./maintenance-db";
import { redisUrl, testDatabaseUrl, testQueuePrefix } from "./test-env";

/** Drops every per-file copy of the template (named template_<file id>, lib/testing/test-env.ts isolationOf). */
async function dropFileDatabases(): Promise<void> {
  const template = decodeURIComponent(new URL(testDatabaseUrl).pathname.slice(1));
  const rows = await onServer(testDatabaseUrl, "SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [`${template}_`]);
  for (const { datname } of rows) await onServer(testDatabaseUrl, `DROP DATABASE IF EXISTS "${String(datname)}" WITH (FORCE)`);
}

/** Deletes the keys of this checkout's test queues: the template's prefix and every file's (prefix-<file id>). */
async function clearTestQueues(): Promise<void> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  try {
    for await (const keys of connection.scanStream({ match: `${testQueuePrefix}*`, count: 500 }) as AsyncIterable<string[]>) {
      if (keys.length > 0) await connection.del(...keys);
    }
  } finally {
    connection.disconnect();
  }
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  await migrateDatabase(testDatabaseUrl);
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
  await dropFileDatabases();
  await clearTestQueues();
  return async () => {
    await dropFileDatabases();
    await clearTestQueues();
  };
}
