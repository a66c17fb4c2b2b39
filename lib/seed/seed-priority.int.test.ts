// A user's first upload does not wait behind the seed: the baselines `npm start` queues run after users'
// submissions, and the queue position each one shows is the order in which the worker really takes them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distinctCopy } from "../../benchmarks/onnx/testing/distinct-copy";
import { startWorker } from "../../worker/start-worker";
import { getDb } from "../db/client";
import { resetEnvForTests } from "../env";
import { closeQueues } from "../queue/get-queue";
import { createSubmission } from "../submissions/create-submission";
import { getSubmission } from "../submissions/get-submission";
import { TEST_HARNESS, uniqueSlug } from "../testing/fixtures";
import { waitFor } from "../testing/worker-runs";
import { seedBaselines, SYSTEM_USERNAME } from "./seed-baselines";

const db = getDb();
const CANCER_LOGREG = new Uint8Array(readFileSync(join(process.cwd(), "benchmarks", "tasks", "breast-cancer", "baselines", "breast-cancer-logreg.onnx")));
const savedTasks = process.env.FRUGAL_SEED_TASKS;

beforeAll(async () => {
  // The template is empty, but say so: baselines already measured would be kept, not queued.
  await db.model.deleteMany({ where: { owner: { username: SYSTEM_USERNAME } } });
  process.env.FRUGAL_SEED_TASKS = "breast-cancer";
  resetEnvForTests(); // the configuration is parsed once: read it again with this
});

afterAll(async () => {
  if (savedTasks === undefined) delete process.env.FRUGAL_SEED_TASKS;
  else process.env.FRUGAL_SEED_TASKS = savedTasks;
  resetEnvForTests();
  await closeQueues();
  await db.$disconnect();
});

const positionOf = async (id: string) => (await getSubmission(db, id, { baseUrl: "http://localhost" })).queuePosition;

describe("baselines queued by the seed", () => {
  it("wait behind users' submissions made after them, in the order their positions show", async () => {
    const { submitted } = await seedBaselines(db);
    expect(submitted.length).toBe(3);
    const baselineIds = (await db.submission.findMany({ where: { status: "QUEUED", background: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((row) => row.id);
    expect(baselineIds).toHaveLength(3);

    const user = await db.user.create({ data: { username: uniqueSlug("first-user") } });
    const users: string[] = [];
    for (const n of [1, 2]) {
      const slug = uniqueSlug(`first-upload-${n}`);
      users.push((await createSubmission(db, user, { model: slug, task: "breast-cancer" }, distinctCopy(CANCER_LOGREG, slug))).id);
    }
    const order = [...users, ...baselineIds];
    expect(await Promise.all(order.map(positionOf))).toEqual([1, 2, 3, 4, 5]);

    // The job of a fresh submission is due a second after its row (BENCHMARK_ORDER_DELAY_MS): the worker starts then.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const worker = await startWorker(db, TEST_HARNESS);
    try {
      const rows = await waitFor(async () => {
        const found = await db.submission.findMany({ where: { id: { in: order } } });
        return found.every((row) => row.status === "SUCCEEDED") ? found : undefined;
      }, 170_000, "the five benchmarks");
      const started = [...rows].sort((a, b) => (a.startedAt?.getTime() ?? 0) - (b.startedAt?.getTime() ?? 0)).map((row) => row.id);
      expect(started).toEqual(order);
    } finally {
      await worker.close();
    }
  });
});
