// The embedded, Redis-free mode makes no Redis connection at all: with DATABASE_URL, REDIS_URL and FRUGAL_QUEUE
// unset, a start (embedded PostgreSQL, migrations), a submission benchmarked by a worker, and a stop open TCP
// connections to the embedded PostgreSQL only. Every socket this process connects is recorded on the way through.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../lib/db/client";
import { resolveDatabase } from "../lib/db/lifecycle";
import { migrateDatabase } from "../lib/db/migrate";
import { resetEnvForTests } from "../lib/env";
import { closeQueues } from "../lib/queue/get-queue";
import { createSubmission } from "../lib/submissions/create-submission";
import { baselineBytes, TEST_HARNESS, uniqueSlug } from "../lib/testing/fixtures";
import { finished, waitFor } from "../lib/testing/worker-runs";
import { startWorker } from "./start-worker";

const saved = { ...process.env };
const root = mkdtempSync(join(tmpdir(), "frugal-redis-free-"));
chmodSync(root, 0o755); // reachable by the user the embedded PostgreSQL runs as

afterAll(async () => {
  await closeQueues();
  process.env = { ...saved };
  resetEnvForTests();
  rmSync(root, { recursive: true, force: true });
});

/** Records the port of every TCP connection this process opens while `body` runs; the sockets work as usual. */
async function recordingConnections(body: () => Promise<void>): Promise<number[]> {
  const ports: number[] = [];
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    const [first] = args;
    const options = (Array.isArray(first) ? first[0] : first) as { port?: number | string; path?: string } | number | string;
    if (typeof options === "object" && options && options.port !== undefined) ports.push(Number(options.port));
    else if (typeof options === "number" || (typeof options === "string" && /^\d+$/.test(options))) ports.push(Number(options));
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof connect;
  try {
    await body();
  } finally {
    net.Socket.prototype.connect = connect;
  }
  return ports;
}

describe("no configuration at all", () => {
  it("runs start, a submission and stop on the embedded PostgreSQL and its queue, connecting to nothing else", async () => {
    for (const name of ["DATABASE_URL", "REDIS_URL", "FRUGAL_QUEUE", "TEST_REDIS_URL"]) delete process.env[name];
    process.env.FRUGAL_QUEUE_PREFIX = "redis-free";
    resetEnvForTests();
    let postgresPort = 0;
    let status = "";
    const ports = await recordingConnections(async () => {
      const database = await resolveDatabase(root);
      postgresPort = Number(new URL(database.url).port);
      process.env.DATABASE_URL = database.url;
      resetEnvForTests();
      await migrateDatabase(database.url);
      const db = createDb(database.url);
      try {
        const user = await db.user.create({ data: { username: uniqueSlug("redis-free") } });
        const { id } = await createSubmission(db, user, { model: uniqueSlug("redis-free"), task: "mnist" }, baselineBytes("mnist-logreg.onnx"));
        const worker = await startWorker(db, TEST_HARNESS);
        try {
          status = (await waitFor(finished(db, id), 120_000, "the submission to be benchmarked")).status;
        } finally {
          await worker.close();
        }
      } finally {
        await closeQueues();
        await db.$disconnect();
        await database.stop();
      }
    });
    expect(status).toBe("SUCCEEDED");
    expect(postgresPort).toBeGreaterThan(0);
    expect(ports.length).toBeGreaterThan(0); // the recording sees connections: the check below can fail
    expect(new Set(ports)).toEqual(new Set([postgresPort]));
  });
});
