// Hostile and malformed uploads through the real upload path (the POST /api/v1/submissions handler): each is
// refused with the rule it broke, and nothing is stored — no model, no artifact, no submission.
// Models that pass validation and misbehave when they run are in worker/hostile-runs.int.test.ts.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { floatTensor } from "@/benchmarks/onnx/testing/build-model";
import { mnistModel } from "@/benchmarks/onnx/testing/build-model";
import { HOSTILE_FILES, type HostileFile } from "@/benchmarks/onnx/testing/hostile-files";
import { hashToken } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { closeQueues } from "@/lib/queue/get-queue";
import { newResearcher, submissionRequest, uniqueSlug } from "@/lib/testing/fixtures";
import { POST as postSubmission } from "./route";

const db = getDb();
const MAX_MODEL_BYTES = 1024 * 1024;
const SUBMISSIONS_URL = "http://localhost/api/v1/submissions";
let token: string;

beforeAll(async () => {
  vi.stubEnv("FRUGAL_MAX_MODEL_BYTES", String(MAX_MODEL_BYTES));
  resetEnvForTests();
  token = await newResearcher(db, "hostile");
});

afterAll(async () => {
  vi.unstubAllEnvs();
  resetEnvForTests();
  await closeQueues();
  await db.$disconnect();
});

async function post(request: Request) {
  const response = await postSubmission(request);
  return { status: response.status, error: (await response.json()).error };
}

async function expectNothingStored(slug: string, bytes?: Uint8Array) {
  expect(await db.model.findUnique({ where: { slug } })).toBeNull();
  if (bytes) expect(await db.artifact.findUnique({ where: { sha256: createHash("sha256").update(bytes).digest("hex") } })).toBeNull();
}

/** A multipart body written by hand, so its headers can lie. */
function rawMultipart(parts: { name: string; filename?: string; type?: string; body: Uint8Array | string }[], boundary = "hostile-boundary"): Uint8Array<ArrayBuffer> {
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ""}`;
    chunks.push(enc.encode(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ""}\r\n`));
    chunks.push(typeof part.body === "string" ? enc.encode(part.body) : part.body);
    chunks.push(enc.encode("\r\n"));
  }
  chunks.push(enc.encode(`--${boundary}--\r\n`));
  return Uint8Array.from(chunks.flatMap((c) => [...c]));
}

function rawRequest(body: BodyInit, contentType: string, extra: Record<string, string> = {}): Request {
  return new Request(SUBMISSIONS_URL, { method: "POST", body, headers: { authorization: `Bearer ${token}`, "content-type": contentType, ...extra } });
}

describe("hostile model files are refused at upload with the rule they break, and nothing is stored", () => {
  it.each(HOSTILE_FILES)("$id: $what", async (hostile: HostileFile) => {
    const bytes = hostile.bytes();
    const slug = uniqueSlug(hostile.id.slice(0, 20));
    const { status, error } = await post(submissionRequest({ token, model: slug, task: "mnist", file: bytes }));
    expect({ status, code: error.code, rule: error.rule }).toEqual({ status: 422, code: "invalid_model", rule: hostile.rule });
    for (const fragment of hostile.fragments) expect(error.message).toContain(fragment);
    await expectNothingStored(slug, bytes);
  });
});

describe("uploads over the size limit are refused before they are read in full", () => {
  it("a model over FRUGAL_MAX_MODEL_BYTES: 413, rule size, both sizes named", async () => {
    const padding = floatTensor("padding", [256_000], new Float32Array(256_000));
    const bytes = mnistModel({ initializers: [floatTensor("w", [784, 10], new Float32Array(7840)), padding] });
    expect(bytes.byteLength).toBeGreaterThan(MAX_MODEL_BYTES); // but within the form cap, so the model check answers
    const slug = uniqueSlug("oversize");
    const { status, error } = await post(submissionRequest({ token, model: slug, task: "mnist", file: bytes }));
    expect({ status, code: error.code, rule: error.rule }).toEqual({ status: 413, code: "payload_too_large", rule: "size" });
    expect(error.message).toContain(`the limit is ${MAX_MODEL_BYTES} bytes`);
    await expectNothingStored(slug, bytes);
  });

  it("a streamed body far past the limit (no Content-Length) is cut off, not buffered", async () => {
    let pulledBytes = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x41);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulledBytes += chunk.byteLength;
        controller.enqueue(chunk);
        if (pulledBytes >= 50 * 1024 * 1024) controller.close();
      },
    });
    const request = new Request(SUBMISSIONS_URL, {
      method: "POST",
      body: endless,
      duplex: "half",
      headers: { authorization: `Bearer ${token}`, "content-type": "multipart/form-data; boundary=x" },
    } as RequestInit);
    const { status, error } = await post(request);
    expect({ status, code: error.code, rule: error.rule }).toEqual({ status: 413, code: "payload_too_large", rule: "size" });
    expect(pulledBytes).toBeLessThan(MAX_MODEL_BYTES + 1024 * 1024);
  });

  it("a Content-Length above the limit is refused without reading the body", async () => {
    const body = rawMultipart([{ name: "model", body: uniqueSlug("declared") }]);
    const request = rawRequest(body, "multipart/form-data; boundary=hostile-boundary", { "content-length": String(10 * 1024 ** 3) });
    const { status, error } = await post(request);
    expect({ status, code: error.code }).toEqual({ status: 413, code: "payload_too_large" });
  });
});

describe("multipart requests whose content types lie are refused", () => {
  it("claims multipart/form-data but the body is JSON: 400", async () => {
    const slug = uniqueSlug("lie-json");
    const { status, error } = await post(rawRequest(JSON.stringify({ model: slug, task: "mnist" }), "multipart/form-data; boundary=nothing-here"));
    expect({ status, code: error.code }).toEqual({ status: 400, code: "invalid_request" });
    expect(error.message).toContain("multipart body could not be read");
    await expectNothingStored(slug);
  });

  it("multipart/form-data without a boundary: 400", async () => {
    const slug = uniqueSlug("lie-boundary");
    const body = rawMultipart([{ name: "model", body: slug }, { name: "task", body: "mnist" }]);
    const { status, error } = await post(rawRequest(body, "multipart/form-data"));
    expect({ status, code: error.code }).toEqual({ status: 400, code: "invalid_request" });
    await expectNothingStored(slug);
  });

  it("a boundary in the header that the body does not use: 400", async () => {
    const slug = uniqueSlug("lie-other-boundary");
    const body = rawMultipart([{ name: "model", body: slug }, { name: "task", body: "mnist" }], "the-real-one");
    const { status, error } = await post(rawRequest(body, "multipart/form-data; boundary=a-different-one"));
    expect({ status, code: error.code }).toEqual({ status: 400, code: "invalid_request" });
    await expectNothingStored(slug);
  });

  it("a multipart body sent as application/json: 400 asking for multipart", async () => {
    const slug = uniqueSlug("lie-type");
    const body = rawMultipart([{ name: "model", body: slug }, { name: "task", body: "mnist" }]);
    const { status, error } = await post(rawRequest(body, "application/json"));
    expect({ status, code: error.code }).toEqual({ status: 400, code: "invalid_request" });
    expect(error.message).toContain("multipart/form-data");
    await expectNothingStored(slug);
  });

  it("a file part that claims application/onnx and model.onnx but holds a ZIP: judged by its bytes, 422", async () => {
    const slug = uniqueSlug("lie-part");
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new Uint8Array(120)]);
    const body = rawMultipart([
      { name: "model", body: slug },
      { name: "task", body: "mnist" },
      { name: "file", filename: "model.onnx", type: "application/onnx", body: zip },
    ]);
    const { status, error } = await post(rawRequest(body, "multipart/form-data; boundary=hostile-boundary"));
    expect({ status, code: error.code, rule: error.rule }).toEqual({ status: 422, code: "invalid_model", rule: "protobuf" });
    expect(error.message).toContain("ZIP");
    await expectNothingStored(slug, zip);
  });

  it("the model sent as a text field instead of a file: 400 asking for the file", async () => {
    const slug = uniqueSlug("lie-text");
    const body = rawMultipart([{ name: "model", body: slug }, { name: "task", body: "mnist" }, { name: "file", body: "pretend this is a model" }]);
    const { status, error } = await post(rawRequest(body, "multipart/form-data; boundary=hostile-boundary"));
    expect({ status, code: error.code }).toEqual({ status: 400, code: "invalid_request" });
    expect(error.message).toContain("`file`");
    await expectNothingStored(slug);
  });
});

describe("after every refusal above", () => {
  it("the hostile researcher owns no model and no submission", async () => {
    const { user } = await db.apiToken.findUniqueOrThrow({
      where: { tokenHash: hashToken(token) },
      include: { user: { include: { models: true, submissions: true } } },
    });
    expect(user.models).toEqual([]);
    expect(user.submissions).toEqual([]);
  });
});
