// `npm run db:seed`: registers the committed baselines and queues them for the worker to benchmark.
import { getDb } from "../lib/db/client";
import { closeQueues } from "../lib/queue/get-queue";
import { seedBaselines } from "../lib/seed/seed-baselines";

async function main(): Promise<void> {
  const db = getDb();
  try {
    const { submitted, kept, skipped } = await seedBaselines(db);
    console.log(`Baselines queued for benchmarking: ${submitted.join(", ") || "none"}; already measured or queued: ${kept.join(", ") || "none"}.`);
    for (const { task, reason } of skipped) console.warn(`Baselines of ${task} not queued: ${reason}`);
  } finally {
    await closeQueues();
    await db.$disconnect();
  }
}

main().catch((error: Error) => {
  console.error(`Seeding failed: ${error.message}`);
  process.exit(1);
});
