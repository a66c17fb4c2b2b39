import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { closeQueues } from "@/lib/queue/get-queue";
import { baselineBytes, newResearcher, submissionRequest, TEST_HARNESS, uniqueSlug } from "@/lib/testing/fixtures";
import { waitFor } from "@/lib/testing/worker-runs";
import { startWorker, type RunningWorker } from "@/worker/start-worker";
import { GET as getLeaderboard } from "../leaderboard/route";
import { GET as getSubmission } from "./[id]/route";
import { POST as postSubmission } from "./route";

const db = getDb();
let worker: RunningWorker;

async function statusOf(id: string) {
  const response = await getSubmission(new Request(`http://localhost/api/v1/submissions/${id}`), { params: Promise.resolve({ id }) });
  return response.json();
}

/** Polls the public status until it is final, recording every progress value seen on the way. */
async function waitForFinal(id: string, timeoutMs = 150_000) {
  const progressSeen: number[] = [];
  const view = await waitFor(
    async () => {
      const seen = await statusOf(id);
      progressSeen.push(seen.progress);
      return ["succeeded", "failed", "rejected"].includes(seen.status) ? seen : undefined;
    },
    timeoutMs,
    `submission ${id} to finish`,
  );
  return { view, progressSeen };
}

beforeAll(async () => {
  worker = await startWorker(db, TEST_HARNESS);
});

afterAll(async () => {
  await worker.close();
  await closeQueues();
  await db.$disconnect();
});

describe("submit → worker → result → board", () => {
  it("benchmarks two models on mnist and ranks them by accuracy per joule", async () => {
    const token = await newResearcher(db);
    const slugs = [uniqueSlug("logreg"), uniqueSlug("cnn")];
    const files = ["mnist-logreg.onnx", "mnist-cnn.onnx"];
    const ids: string[] = [];
    for (const [i, slug] of slugs.entries()) {
      const response = await postSubmission(submissionRequest({ token, model: slug, task: "mnist", file: baselineBytes(files[i]) }));
      expect(response.status).toBe(201);
      const body = await response.json();
      expect(body).toMatchObject({ status: "queued", statusUrl: expect.stringContaining(`/api/v1/submissions/${body.id}`) });
      ids.push(body.id);
    }

    const outcomes = [];
    for (const id of ids) outcomes.push(await waitForFinal(id));
    for (const { view, progressSeen } of outcomes) {
      expect(view.status, JSON.stringify(view.error)).toBe("succeeded");
      expect(view.progress).toBe(100);
      expect(progressSeen.some((p: number) => p > 0 && p < 100)).toBe(true);
      const r = view.result;
      expect(r.accuracy).toBeGreaterThan(0.9);
      expect(r.energyPerInferenceJ).toBeGreaterThan(0);
      expect(r.accuracyPerJoule).toBeCloseTo(r.accuracy / r.energyPerInferenceJ, 3);
      expect(r.meter).toBe("estimate");
      expect(r.estimated).toBe(true);
      expect(r.modelMemoryBytes).toBeGreaterThanOrEqual(0);
      expect(r.fileBytes).toBeGreaterThan(0);
      expect(r.paramCount).toBeGreaterThan(7_000);
      expect(r.latencyP50Ms).toBeGreaterThan(0);
      expect(r.windows.length).toBeGreaterThanOrEqual(6);
      expect(r.harnessVersion).toMatch(/^\d+\.\d+\.\d+$/);
      expect(r.hardware.id).toMatch(/^[0-9a-f]{16}$/);
    }

    const board = await (await getLeaderboard(new Request("http://localhost/api/v1/leaderboard?task=mnist"))).json();
    const ours = board.entries.filter((e: { modelSlug: string }) => slugs.includes(e.modelSlug));
    expect(ours).toHaveLength(2);
    const [first, second] = ours;
    expect(first.rank).toBeLessThan(second.rank);
    expect(first.accuracyPerJoule).toBeGreaterThanOrEqual(second.accuracyPerJoule);
    expect(board.meter).toBe("estimate");
  });
});
