// `npm run bench:burst`: a burst of submissions through the upload route, drained by real workers, on a scratch
// database and a queue prefix of its own. Prints the submit rate, the time to drain, and per-job latency (submit →
// final, and the benchmark run alone). The load test (app/api/v1/submissions/burst.int.test.ts) checks the same burst's
// correctness; this script measures other sizes.
//   --count N (500)  --workers N (2)  --concurrency N (8)  --users N (25)  --window-s S (0.02)  --task ID (breast-cancer)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { cleanup, deadline, root, scratchDatabase } from "./lib/bench-kit";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "500" },
    workers: { type: "string", default: "2" },
    concurrency: { type: "string", default: "8" },
    users: { type: "string", default: "25" },
    "window-s": { type: "string", default: "0.02" },
    task: { type: "string", default: "breast-cancer" },
  },
});
const BASELINES: Record<string, string> = {
  "breast-cancer": "benchmarks/tasks/breast-cancer/baselines/breast-cancer-logreg.onnx",
  mnist: "benchmarks/tasks/mnist/baselines/mnist-logreg.onnx",
};

async function main(): Promise<number> {
  deadline(30 * 60);
  const count = Number(values.count);
  const server = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432";
  process.env.DATABASE_URL = await scratchDatabase(server, `frugalboard_bench_burst_${process.pid}`);
  process.env.FRUGAL_QUEUE_PREFIX = `frugal-bench-burst-${process.pid}`;
  process.env.FRUGAL_SUBMISSIONS_PER_DAY = String(count * 10);
  // Loaded after the environment is set: the database client and the queue read it once.
  const { getDb } = await import("../lib/db/client");
  const { closeQueues, getQueue } = await import("../lib/queue/get-queue");
  const { QUEUE_NAMES } = await import("../lib/queue/contracts");
  const { burstFigures, describeFigures, submitBurst, waitForFinal } = await import("../lib/testing/burst");
  const { startWorker } = await import("../worker/start-worker");
  const { POST } = await import("../app/api/v1/submissions/route");
  const db = getDb();
  const workers: { close(): Promise<void> }[] = [];
  try {
    const model = new Uint8Array(readFileSync(join(root, BASELINES[values.task] ?? BASELINES["breast-cancer"])));
    console.log(`[bench:burst] ${count} submissions of ${values.task}, ${values.concurrency} in flight, then ${values.workers} workers (1 window of ${values["window-s"]} s)`);
    const burst = await submitBurst(db, POST, { count, users: Number(values.users), concurrency: Number(values.concurrency), task: values.task, model });
    const workersStartedAt = new Date();
    const windowS = Number(values["window-s"]);
    for (let w = 0; w < Number(values.workers); w++) {
      workers.push(await startWorker(db, { windows: 1, maxWindows: 1, windowS, idleS: Math.max(windowS, 0.05), meter: "estimate" }));
    }
    let lastReport = 0;
    const rows = await waitForFinal(db, burst.ids, 25 * 60_000, (open) => {
      if (Date.now() - lastReport < 10_000) return;
      lastReport = Date.now();
      console.log(`[bench:burst] ${open} still open`);
    });
    const failed = rows.filter((r) => r.status !== "SUCCEEDED").length;
    console.log(`[bench:burst] ${describeFigures(burstFigures(burst, rows, workersStartedAt))}; ${failed} not succeeded`);
    return failed === 0 ? 0 : 1;
  } finally {
    for (const worker of workers) await worker.close();
    await (await getQueue(QUEUE_NAMES.benchmark)).obliterate({ force: true }).catch(() => undefined);
    await closeQueues();
    await db.$disconnect();
  }
}

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (error: Error) => {
    console.error(`[bench:burst] ${error.stack ?? error.message}`);
    await cleanup();
    process.exit(1);
  });
