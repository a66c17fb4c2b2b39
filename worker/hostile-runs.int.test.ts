// Models that pass validation and misbehave when they run, submitted through the real upload path and run by a
// real worker: each ends failed or rejected with a message naming the rule or limit, the worker stays up and then
// benchmarks a normal model correctly, and nothing outside the model's process is read or written.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  buildEndlessLoopModel,
  buildFailingRunModel,
  buildHugeAllocationModel,
  buildNonFiniteScoresModel,
  buildShapeLiarModel,
} from "../benchmarks/harness/testing/hostile-models";
import { distinctCopy } from "../benchmarks/onnx/testing/distinct-copy";
import { mnistModel } from "../benchmarks/onnx/testing/build-model";
import { externalTensor } from "../benchmarks/onnx/testing/hostile-files";
import { POST as postSubmission } from "../app/api/v1/submissions/route";
import { getDb } from "../lib/db/client";
import { closeQueues, enqueueBenchmark } from "../lib/queue/get-queue";
import { newResearcher, submissionRequest, uniqueSlug } from "../lib/testing/fixtures";
import { waitFor } from "../lib/testing/worker-runs";
import { startWorker, type RunningWorker } from "./start-worker";

const db = getDb();
const LIMITS = { timeLimitS: 6, memoryLimitMb: 512 };
// One short window: these tests are about how runs end, not about their figures.
const HARNESS = { windows: 1, maxWindows: 1, windowS: 0.01, idleS: 0.01, meter: "estimate" as const, ...LIMITS };
const CANCER_LOGREG = join(process.cwd(), "benchmarks", "tasks", "breast-cancer", "baselines", "breast-cancer-logreg.onnx");

const jobsDir = mkdtempSync(join(tmpdir(), "frugal-hostile-runs-"));
const sentinel = join(jobsDir, "sentinel.txt");
const SENTINEL_TEXT = "outside the model's process: never to be read or written\n";
const OLD = new Date("2001-01-01T00:00:00Z");
const WRITTEN = new Date("2020-01-01T00:00:00Z");
let worker: RunningWorker;
let token: string;

beforeAll(async () => {
  // Job folders are made in os.tmpdir(); pointing it here puts the sentinel where a relative path from a job
  // folder ("../sentinel.txt") lands.
  vi.stubEnv("TMPDIR", jobsDir);
  writeFileSync(sentinel, SENTINEL_TEXT);
  // An access time older than the modification time: under relatime any read of the file updates it.
  utimesSync(sentinel, OLD, WRITTEN);
  token = await newResearcher(db, "hostile-runner");
  worker = await startWorker(db, HARNESS);
});

afterAll(async () => {
  await worker?.close();
  vi.unstubAllEnvs();
  rmSync(jobsDir, { recursive: true, force: true });
  await closeQueues();
  await db.$disconnect();
});

async function submit(task: string, bytes: Uint8Array): Promise<string> {
  const response = await postSubmission(submissionRequest({ token, model: uniqueSlug("run"), task, file: bytes }));
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body.id;
}

async function finalRow(id: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await db.submission.findUniqueOrThrow({ where: { id } });
    if (!["QUEUED", "RUNNING"].includes(row.status)) return row;
    if (Date.now() > deadline) throw new Error(`submission ${id} still ${row.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const RUN_CASES = [
  { id: "endless-loop", what: "a Loop that never ends", task: "mnist", bytes: () => buildEndlessLoopModel(), status: "FAILED", code: "time_limit", fragment: "time limit of 6 s" },
  { id: "huge-allocation", what: "a graph allocating 12 GB", task: "mnist", bytes: () => buildHugeAllocationModel(), status: "FAILED", code: "memory_limit", fragment: "above the limit of 512 MB" },
  { id: "nan-scores", what: "outputs full of NaN", task: "breast-cancer", bytes: () => buildNonFiniteScoresModel(Number.NaN), status: "REJECTED", code: "invalid_output", fragment: "NaN or infinite (batch of 114 from sample 0). Scores must be finite numbers; check the model for a division by zero, a log of 0 or an overflow. (rule: output-values)" },
  { id: "infinite-scores", what: "outputs full of Infinity", task: "breast-cancer", bytes: () => buildNonFiniteScoresModel(Number.POSITIVE_INFINITY), status: "REJECTED", code: "invalid_output", fragment: "(rule: output-values)" },
  { id: "shape-liar", what: "declares [N,2] and gives [N,3]", task: "breast-cancer", bytes: () => buildShapeLiarModel(), status: "REJECTED", code: "invalid_output", fragment: "was float32 [114,3] for a batch of 114; the task expects float32 [114,2]" },
  { id: "fails-at-run", what: "a Reshape that fails when run", task: "breast-cancer", bytes: () => buildFailingRunModel(), status: "FAILED", code: "runtime_error", fragment: "onnxruntime: Non-zero status code returned while running Reshape node" },
];

describe("models that pass validation and misbehave when run", () => {
  it.each(RUN_CASES)("$id: $what → $status ($code)", async (hostile) => {
    const id = await submit(hostile.task, hostile.bytes());
    const row = await finalRow(id);
    expect({ status: row.status, code: row.errorCode }).toEqual({ status: hostile.status, code: hostile.code });
    expect(row.error).toContain(hostile.fragment);
    expect(await db.result.count({ where: { submissionId: id } })).toBe(0);
  });
});

describe("external data written around the API (an older upload) is refused by the worker before onnxruntime sees it", () => {
  async function insertRow(bytes: Uint8Array): Promise<string> {
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const user = await db.user.create({ data: { username: uniqueSlug("legacy") } });
    const model = await db.model.create({ data: { slug: uniqueSlug("legacy"), name: "legacy", ownerId: user.id } });
    await db.artifact.create({ data: { sha256, bytes: Buffer.from(bytes), sizeBytes: bytes.byteLength } });
    const { id } = await db.submission.create({ data: { modelId: model.id, taskId: "mnist", artifactSha256: sha256, submitterId: user.id } });
    await enqueueBenchmark(id);
    return id;
  }

  it.each([
    ["a relative path from the job folder", "../sentinel.txt"],
    ["an absolute path", sentinel],
  ])("%s", async (_what, location) => {
    const id = await insertRow(mnistModel({ initializers: [externalTensor("w", location)] }));
    const row = await finalRow(id);
    expect({ status: row.status, code: row.errorCode }).toEqual({ status: "REJECTED", code: "invalid_model" });
    expect(row.error).toContain(location);
    expect(row.error).toContain("(rule: external-data)");
  });
});

describe("after the hostile runs", () => {
  it("the same worker benchmarks a normal model correctly", async () => {
    const id = await submit("breast-cancer", distinctCopy(new Uint8Array(readFileSync(CANCER_LOGREG)), "after-hostile-runs"));
    const row = await finalRow(id);
    expect(row.status, row.error ?? "").toBe("SUCCEEDED");
    const result = await db.result.findUniqueOrThrow({ where: { submissionId: id } });
    expect(result.accuracy).toBeCloseTo(0.9561, 3); // 109 of the 114 test rows, as bench:harness measures it
    expect(result.energyPerInferenceJ).toBeGreaterThan(0);
  });

  it("nothing outside the model's process was read or written, and every job folder is gone", async () => {
    const after = statSync(sentinel); // before reading it here, which sets its access time
    expect({ readAt: after.atimeMs, writtenAt: after.mtimeMs }).toEqual({ readAt: OLD.getTime(), writtenAt: WRITTEN.getTime() });
    expect(readFileSync(sentinel, "utf8")).toBe(SENTINEL_TEXT);
    expect(statSync(sentinel).atimeMs).toBeGreaterThan(OLD.getTime()); // and reads do show: the check above can fail
    // The worker removes a job's folder after it has written the final row, so the last one may still be going.
    const left = () => readdirSync(jobsDir).filter((name) => name.startsWith("frugal-job-"));
    await waitFor(() => (left().length === 0 ? true : undefined), 10_000, () => `job folders to be removed: ${left().join(", ")}`).catch(() => undefined);
    expect(left()).toEqual([]);
  });
});
