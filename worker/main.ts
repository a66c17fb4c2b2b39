// `npm run worker`: one benchmark worker, until SIGINT/SIGTERM.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { getDb } from "../lib/db/client";
import { databaseEnv, resolveDatabase, type ResolvedDatabase } from "../lib/db/lifecycle";
import { getEnv } from "../lib/env";
import { closeQueues } from "../lib/queue/get-queue";
import { startWorker } from "./start-worker";

async function main(): Promise<void> {
  // Without DATABASE_URL the worker uses this checkout's embedded PostgreSQL: the one `npm start` runs, or its own.
  // A configured server is not checked here: a worker started while it is down waits for it (start-worker.ts).
  let database: ResolvedDatabase | undefined;
  if (!process.env.DATABASE_URL) {
    database = await resolveDatabase(join(dirname(fileURLToPath(import.meta.url)), ".."));
    Object.assign(process.env, databaseEnv(database));
  }
  getEnv();
  const db = getDb();
  const worker = await startWorker(db);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[worker] ${signal}: stopping (a benchmark in flight is handed back to the queue)`);
    await worker.close();
    await closeQueues();
    await db.$disconnect();
    await database?.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: Error) => {
  console.error(`[worker] could not start: ${error.message}`);
  process.exit(1);
});
