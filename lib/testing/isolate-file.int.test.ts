// Each integration test file runs in a database and under a queue prefix of its own (isolate-file.ts): a copy of
// the migrated template, empty, that the app's own client reaches.
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "../db/client";
import { getEnv } from "../env";
import { isolationOf, testDatabaseUrl, testQueuePrefix } from "./test-env";

const db = getDb();
const mine = isolationOf("lib/testing/isolate-file.int.test.ts");

afterAll(() => db.$disconnect());

describe("a test file's own database and queue prefix", () => {
  it("are what the app's client and configuration use, not the template's", async () => {
    const [{ name }] = await db.$queryRaw<{ name: string }[]>`SELECT current_database()::text AS name`;
    expect(`${new URL(testDatabaseUrl).pathname.slice(1)}_`).toBe(name.slice(0, -8));
    expect(getEnv().DATABASE_URL).toBe(mine.databaseUrl);
    expect(name).toBe(new URL(mine.databaseUrl).pathname.slice(1));
    expect(getEnv().FRUGAL_QUEUE_PREFIX).toBe(mine.queuePrefix);
    expect(mine.queuePrefix).not.toBe(testQueuePrefix);
    expect(isolationOf("worker/faults.int.test.ts").databaseUrl).not.toBe(mine.databaseUrl);
  });

  it("starts migrated and empty", async () => {
    expect(await db.submission.count()).toBe(0);
    expect(await db.user.count()).toBe(0);
  });
});
