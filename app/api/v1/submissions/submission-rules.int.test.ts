// Duplicate uploads and the per-user daily limit of POST /api/v1/submissions (no worker runs here: rows stay queued).
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { HARNESS_VERSION } from "@/benchmarks/version";
import { createApiToken } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { closeQueues } from "@/lib/queue/get-queue";
import { setUserRole } from "@/lib/auth/set-role";
import { uniqueUsername } from "@/lib/testing/accounts";
import { baselineBytes, submissionRequest, uniqueSlug } from "@/lib/testing/fixtures";
import { insertResult } from "@/lib/testing/insert-result";
import { POST as postSubmission } from "./route";

const db = getDb();
const saved = { ...process.env };
const slugs: string[] = [];
const LOGREG = baselineBytes("mnist-logreg.onnx");

afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

afterAll(async () => {
  await db.model.deleteMany({ where: { slug: { in: slugs } } });
  await closeQueues();
  await db.$disconnect();
});

async function researcher(prefix: string) {
  return createApiToken(db, uniqueUsername(prefix));
}

function slug(prefix: string): string {
  const value = uniqueSlug(prefix);
  slugs.push(value);
  return value;
}

async function submit(token: string, model: string, file = LOGREG) {
  const response = await postSubmission(submissionRequest({ token, model, task: "mnist", file }));
  return { status: response.status, location: response.headers.get("location"), retryAfter: response.headers.get("retry-after"), body: await response.json() };
}

describe("duplicate uploads", () => {
  it("answers 200 with the existing submission for the same file, model, task and harness, with its link", async () => {
    const { token } = await researcher("dup");
    const model = slug("dup");
    const first = await submit(token, model);
    expect(first.status).toBe(201);
    const again = await submit(token, model);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ id: first.body.id, status: "queued", statusUrl: `http://localhost/api/v1/submissions/${first.body.id}` });
    expect(again.location).toBe(again.body.statusUrl);
    expect(await db.submission.count({ where: { model: { slug: model } } })).toBe(1);
    // Another file for the model is a new submission.
    expect((await submit(token, model, baselineBytes("mnist-mlp.onnx"))).status).toBe(201);
  });

  it("reuses a success under the current harness, but runs again after an older harness, a failure or a withdrawal", async () => {
    const { token, username } = await researcher("prior");
    const base = { owner: username, taskId: "mnist", accuracy: 0.92, energyPerInferenceJ: 2e-6, artifactBytes: LOGREG };

    const current = slug("current");
    const { submissionId } = await insertResult(db, { ...base, modelSlug: current, harnessVersion: HARNESS_VERSION });
    expect(await submit(token, current)).toMatchObject({ status: 200, body: { id: submissionId, status: "succeeded" } });

    const older = slug("older");
    await insertResult(db, { ...base, modelSlug: older, harnessVersion: "0.9.0" });
    expect((await submit(token, older)).status).toBe(201);

    const withdrawn = slug("withdrawn");
    await insertResult(db, { ...base, modelSlug: withdrawn, harnessVersion: HARNESS_VERSION, status: "WITHDRAWN" });
    expect((await submit(token, withdrawn)).status).toBe(201);

    const failed = slug("failed");
    const { submissionId: failedId } = await insertResult(db, { ...base, modelSlug: failed, harnessVersion: HARNESS_VERSION });
    await db.submission.update({ where: { id: failedId }, data: { status: "FAILED", error: "time limit" } });
    expect((await submit(token, failed)).status).toBe(201);
  });

  it("is per model: the same file under another model name of the owner is benchmarked as that model", async () => {
    const { token } = await researcher("twomodels");
    expect((await submit(token, slug("first"))).status).toBe(201);
    expect((await submit(token, slug("second"))).status).toBe(201);
  });
});

describe("submissions per day", () => {
  it("refuses past the limit with 429, Retry-After and when to try again; duplicates do not count; admins are not limited", async () => {
    process.env.FRUGAL_SUBMISSIONS_PER_DAY = "2";
    resetEnvForTests();
    const { token, username } = await researcher("busy");
    const model = slug("busy");
    expect((await submit(token, model)).status).toBe(201);
    expect((await submit(token, model, baselineBytes("mnist-mlp.onnx"))).status).toBe(201);
    const refused = await submit(token, model, baselineBytes("mnist-cnn.onnx"));
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(86_300);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(86_400);
    expect(refused.body.error).toMatchObject({
      code: "rate_limited",
      retryAfterS: Number(refused.retryAfter),
      message: expect.stringMatching(/^You have made 2 submissions in the last 24 hours, the most allowed; try again in 2[34] h( \d+ min)? \(after \d{4}-\d\d-\d\dT/),
    });
    expect(await db.submission.count({ where: { model: { slug: model } } })).toBe(2);
    // Asking for what is already there is answered, limit or not.
    expect((await submit(token, model)).status).toBe(200);
    // Another user has a budget of their own; an admin has none.
    expect((await submit((await researcher("calm")).token, slug("calm"))).status).toBe(201);
    await setUserRole(db, username, "ADMIN");
    expect((await submit(token, model, baselineBytes("mnist-cnn.onnx"))).status).toBe(201);
  });
});
