import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { enqueueBenchmark, closeQueues } from "@/lib/queue/get-queue";
import { baselineBytes, newResearcher, submissionRequest, TEST_HARNESS, uniqueSlug } from "@/lib/testing/fixtures";
import { startWorker } from "@/worker/start-worker";
import { GET as getSubmission } from "./[id]/route";
import { POST as postSubmission } from "./route";

const db = getDb();

afterAll(async () => {
  await closeQueues();
  await db.$disconnect();
});

async function refusal(request: Request) {
  const response = await postSubmission(request);
  return { status: response.status, error: (await response.json()).error };
}

describe("POST /api/v1/submissions refuses bad input with a message that says what to do", () => {
  it("401 without a token, and with an unknown one", async () => {
    const file = baselineBytes("mnist-logreg.onnx");
    const missing = await refusal(submissionRequest({ model: uniqueSlug("m"), task: "mnist", file }));
    expect(missing).toMatchObject({ status: 401, error: { code: "unauthorized", message: expect.stringContaining("Bearer") } });
    const unknown = await refusal(submissionRequest({ token: "fb_not-a-real-token", model: uniqueSlug("m"), task: "mnist", file }));
    expect(unknown).toMatchObject({ status: 401, error: { code: "unauthorized" } });
  });

  it("422 for a file that is not an ONNX model, naming the rule, and nothing is stored", async () => {
    const token = await newResearcher(db);
    const slug = uniqueSlug("junk");
    const junk = new TextEncoder().encode("definitely not a protobuf \u0000\u00ff\u00fe");
    const result = await refusal(submissionRequest({ token, model: slug, task: "mnist", file: junk }));
    expect(result.status).toBe(422);
    expect(result.error.code).toBe("invalid_model");
    expect(result.error.rule).toBeTruthy();
    expect(result.error.message).toMatch(/ONNX/i);
    expect(await db.model.findUnique({ where: { slug } })).toBeNull();
  });

  it("400 for a missing file, an unknown task, a bad model name, or a body that is not multipart", async () => {
    const token = await newResearcher(db);
    const file = baselineBytes("mnist-logreg.onnx");
    expect(await refusal(submissionRequest({ token, model: uniqueSlug("m"), task: "mnist" }))).toMatchObject({
      status: 400,
      error: { message: expect.stringContaining("`file`") },
    });
    expect(await refusal(submissionRequest({ token, model: uniqueSlug("m"), task: "imagenet", file }))).toMatchObject({
      status: 400,
      error: { message: expect.stringContaining("Unknown task") },
    });
    expect(await refusal(submissionRequest({ token, model: "../../etc", task: "mnist", file }))).toMatchObject({
      status: 400,
      error: { message: expect.stringContaining("`model`") },
    });
    const json = new Request("http://localhost/api/v1/submissions", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "x", task: "mnist" }),
    });
    expect(await refusal(json)).toMatchObject({ status: 400, error: { message: expect.stringContaining("multipart") } });
  });

  it("403 when the model name belongs to another user", async () => {
    const slug = uniqueSlug("taken");
    const file = baselineBytes("mnist-logreg.onnx");
    const owner = await newResearcher(db);
    expect((await postSubmission(submissionRequest({ token: owner, model: slug, task: "mnist", file }))).status).toBe(201);
    const other = await newResearcher(db);
    expect(await refusal(submissionRequest({ token: other, model: slug, task: "mnist", file }))).toMatchObject({
      status: 403,
      error: { code: "forbidden" },
    });
  });

  it("409 for a former name of a renamed model, naming the current one", async () => {
    const owner = await newResearcher(db);
    const current = uniqueSlug("renamed");
    const former = uniqueSlug("former");
    expect((await postSubmission(submissionRequest({ token: owner, model: current, task: "mnist", file: baselineBytes("mnist-logreg.onnx") }))).status).toBe(201);
    const model = await db.model.findUniqueOrThrow({ where: { slug: current } });
    await db.modelAlias.create({ data: { slug: former, modelId: model.id } });
    const other = await newResearcher(db);
    const result = await refusal(submissionRequest({ token: other, model: former, task: "mnist", file: baselineBytes("mnist-logreg.onnx") }));
    expect(result).toMatchObject({ status: 409, error: { code: "conflict", message: expect.stringContaining(`\`${current}\``) } });
  });

  it("404 with a JSON error for an unknown submission id", async () => {
    const response = await getSubmission(new Request("http://localhost/x"), { params: Promise.resolve({ id: "nope" }) });
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
  });
});

describe("the worker", () => {
  it("ends a submission whose stored model breaks the contract as rejected, with the rule's message", async () => {
    // Rows written around the API (an older upload, a changed contract): the worker validates again.
    const bytes = Buffer.from("not an onnx model at all");
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const user = await db.user.create({ data: { username: uniqueSlug("legacy") } });
    const model = await db.model.create({ data: { slug: uniqueSlug("legacy"), name: "legacy", ownerId: user.id } });
    await db.artifact.upsert({ where: { sha256 }, update: {}, create: { sha256, bytes, sizeBytes: bytes.length } });
    const submission = await db.submission.create({ data: { modelId: model.id, taskId: "mnist", artifactSha256: sha256, submitterId: user.id } });

    const worker = await startWorker(db, TEST_HARNESS);
    try {
      await enqueueBenchmark(submission.id);
      let row = await db.submission.findUniqueOrThrow({ where: { id: submission.id } });
      for (let i = 0; i < 1200 && ["QUEUED", "RUNNING"].includes(row.status); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        row = await db.submission.findUniqueOrThrow({ where: { id: submission.id } });
      }
      expect(row.status).toBe("REJECTED");
      expect(row.errorCode).toBe("invalid_model");
      expect(row.error).toMatch(/ONNX/i);
      expect(await db.result.findUnique({ where: { submissionId: submission.id } })).toBeNull();
    } finally {
      await worker.close();
    }
  });
});
