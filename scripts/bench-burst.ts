// `npm run bench:burst`: a burst of submissions through the upload route, drained by real workers, on a scratch
// database and a queue prefix of its own. Prints the submit rate, the time to drain, and per-job latency (submit →
// final, and the benchmark run alone). The load test (app/api/v1/submissions/burst.int.test.ts) checks the same burst's
// correctness; this script measures other sizes, on each queue backend in turn (the same burst, a fresh prefix or
// schema each), and prints them side by side with the ratio.
//   --queue postgres,redis (both; or one)  --count N (500)  --workers N (2)  --concurrency N (8)  --users N (25)  --window-s S (0.02)  --task ID (breast-cancer)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Db } from "../lib/db/client";
import type { BurstFigures } from "../lib/testing/burst";
import { benchServerUrl, cleanup, deadline, root, scratchDatabase } from "./lib/bench-kit";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "500" },
    workers: { type: "string", default: "2" },
    concurrency: { type: "string", default: "8" },
    users: { type: "string", default: "25" },
    "window-s": { type: "string", default: "0.02" },
    task: { type: "string", default: "breast-cancer" },
    queue: { type: "string", default: "postgres,redis" },
  },
});
const BACKENDS = ["postgres", "redis"] as const;
type Backend = (typeof BACKENDS)[number];
const BASELINES: Record<string, string> = {
  "breast-cancer": "benchmarks/tasks/breast-cancer/baselines/breast-cancer-logreg.onnx",
  mnist: "benchmarks/tasks/mnist/baselines/mnist-logreg.onnx",
};

async function main(): Promise<number> {
  const backends = values.queue.split(",").map((name) => name.trim());
  const unknown = backends.filter((name) => !(BACKENDS as readonly string[]).includes(name));
  if (unknown.length || backends.length === 0) {
    console.error(`[bench:burst] --queue takes postgres, redis or postgres,redis; not ${unknown.join(", ") || "nothing"}.`);
    return 2;
  }
  deadline(60 * 60);
  const count = Number(values.count);
  const server = benchServerUrl;
  process.env.DATABASE_URL = await scratchDatabase(server, `frugalboard_bench_burst_${process.pid}`);
  process.env.FRUGAL_SUBMISSIONS_PER_DAY = String(count * 10 * backends.length);
  // Idle calibration would take the CPU between bursts (and from the second backend's): not what is measured.
  process.env.FRUGAL_CALIBRATE = "0";
  // Loaded after the environment is set: the database client reads it once.
  const { getDb } = await import("../lib/db/client");
  const { resetEnvForTests } = await import("../lib/env");
  const { describeFigures } = await import("../lib/testing/burst");
  const db = getDb();
  const figures = new Map<Backend, BurstFigures>();
  let failed = 0;
  try {
    for (const backend of backends as Backend[]) {
      process.env.FRUGAL_QUEUE = backend;
      process.env.FRUGAL_QUEUE_PREFIX = `frugal-bench-burst-${process.pid}-${backend}`;
      resetEnvForTests();
      const run = await burstOn(db, backend, count);
      figures.set(backend, run.figures);
      failed += run.failed;
      console.log(`[bench:burst] ${backend}: ${describeFigures(run.figures)}; ${run.failed} not succeeded`);
    }
    printSideBySide(figures);
    return failed === 0 ? 0 : 1;
  } finally {
    await db.$disconnect();
  }
}

function printSideBySide(figures: Map<Backend, BurstFigures>): void {
  const pg = figures.get("postgres");
  const redis = figures.get("redis");
  const rows: [string, (f: BurstFigures) => number, number][] = [
    ["submit rate (/s)", (f) => f.submitPerS, 1],
    ["drain (s)", (f) => f.drainS, 1],
    ["latency p50 (s)", (f) => f.latencyP50S, 1],
    ["latency p95 (s)", (f) => f.latencyP95S, 1],
    ["benchmark run p50 (s)", (f) => f.runP50S, 2],
  ];
  console.log(`\n${"".padEnd(24)}${"postgres".padStart(12)}${"redis".padStart(12)}${"postgres ÷ redis".padStart(20)}`);
  for (const [name, of, digits] of rows) {
    const [a, b] = [pg && of(pg), redis && of(redis)];
    const ratio = a !== undefined && b !== undefined ? (a / b).toFixed(2) : "–";
    console.log(`${name.padEnd(24)}${(a?.toFixed(digits) ?? "–").padStart(12)}${(b?.toFixed(digits) ?? "–").padStart(12)}${ratio.padStart(20)}`);
  }
}

/** One burst on the backend the environment names, drained by fresh workers. */
async function burstOn(db: Db, backend: Backend, count: number) {
  const { closeQueues, emptyBenchmarkQueue } = await import("../lib/queue/get-queue");
  const { burstFigures, submitBurst, waitForFinal } = await import("../lib/testing/burst");
  const { startWorker } = await import("../worker/start-worker");
  const { POST } = await import("../app/api/v1/submissions/route");
  const workers: { close(): Promise<void> }[] = [];
  try {
    const model = new Uint8Array(readFileSync(join(root, BASELINES[values.task] ?? BASELINES["breast-cancer"])));
    console.log(`[bench:burst] ${backend} queue: ${count} submissions of ${values.task}, ${values.concurrency} in flight, then ${values.workers} workers (1 window of ${values["window-s"]} s)`);
    const burst = await submitBurst(db, POST, { count, users: Number(values.users), concurrency: Number(values.concurrency), task: values.task, model, label: backend });
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
    return { figures: burstFigures(burst, rows, workersStartedAt), failed: rows.filter((r) => r.status !== "SUCCEEDED").length };
  } finally {
    for (const worker of workers) await worker.close();
    await emptyBenchmarkQueue().catch(() => undefined);
    await closeQueues();
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
