// `npm run worker`: one benchmark worker, until SIGINT/SIGTERM.
import { getDb } from "../lib/db/client";
import { getEnv } from "../lib/env";
import { closeQueues } from "../lib/queue/get-queue";
import { startWorker } from "./start-worker";

async function main(): Promise<void> {
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
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: Error) => {
  console.error(`[worker] could not start: ${error.message}`);
  process.exit(1);
});
