// The files of benchmarks/onnx/testing/exported (as skl2onnx, torch.onnx.export, onnxruntime's quantisers and the
// float16 converter write them) through the upload route, then the worker: each accepted one is benchmarked with
// the generator's accuracy, counts and precision, which the board, its precision filter and its CSV then show.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORTED_CASES, exportedBytes, type ExportedCase } from "@/benchmarks/onnx/testing/exported-cases";
import { getDb } from "@/lib/db/client";
import { closeQueues } from "@/lib/queue/get-queue";
import { newResearcher, submissionRequest, TEST_HARNESS, uniqueSlug } from "@/lib/testing/fixtures";
import { waitFor } from "@/lib/testing/worker-runs";
import { startWorker, type RunningWorker } from "@/worker/start-worker";
import { GET as getLeaderboard } from "../leaderboard/route";
import { GET as getSubmission } from "./[id]/route";
import { POST as postSubmission } from "./route";

const db = getDb();
let worker: RunningWorker;
const slugs: string[] = [];

beforeAll(async () => {
  worker = await startWorker(db, TEST_HARNESS);
});

afterAll(async () => {
  await worker.close();
  await db.model.deleteMany({ where: { slug: { in: slugs } } });
  await closeQueues();
  await db.$disconnect();
});

async function upload(c: ExportedCase) {
  const model = uniqueSlug(c.file.replace(/\.onnx$/, "").slice(0, 20));
  slugs.push(model);
  // A researcher per file: thirteen uploads would pass the daily limit of one.
  const token = await newResearcher(db, "exported");
  const response = await postSubmission(submissionRequest({ token, model, task: c.task, file: exportedBytes(c.file), filename: c.file }));
  return { model, status: response.status, body: await response.json() };
}

function waitForFinal(id: string, timeoutMs = 120_000) {
  return waitFor(
    async () => {
      const view = await (await getSubmission(new Request(`http://localhost/api/v1/submissions/${id}`), { params: Promise.resolve({ id }) })).json();
      return ["succeeded", "failed", "rejected"].includes(view.status) ? view : undefined;
    },
    timeoutMs,
    `submission ${id} to finish`,
  );
}

async function board(query: string) {
  return getLeaderboard(new Request(`http://localhost/api/v1/leaderboard?${query}`));
}

describe("exported files through the upload route and the worker", () => {
  const accepted: { c: Extract<ExportedCase, { accepted: true }>; model: string; id: string }[] = [];

  for (const c of EXPORTED_CASES.filter((x) => !x.accepted)) {
    it(`refuses ${c.file} at upload by rule ${c.rule}, every break listed`, async () => {
      if (c.accepted) throw new Error("unreachable");
      const { model, status, body } = await upload(c);
      expect({ status, code: body.error.code, rule: body.error.rule }).toEqual({ status: 422, code: "invalid_model", rule: c.rule });
      for (const fragment of c.fragments) expect(body.error.message).toContain(fragment);
      expect(await db.model.findUnique({ where: { slug: model } })).toBeNull();
    });
  }

  it("accepts the others at upload", async () => {
    for (const c of EXPORTED_CASES) {
      if (!c.accepted) continue;
      const { model, status, body } = await upload(c);
      expect({ file: c.file, status }).toEqual({ file: c.file, status: 201 });
      accepted.push({ c, model, id: body.id });
    }
    expect(accepted).toHaveLength(11);
  });

  it("benchmarks each with the generator's accuracy, parameter counts and precision", async () => {
    for (const { c, id } of accepted) {
      const view = await waitForFinal(id);
      expect({ file: c.file, status: view.status, error: view.error }).toEqual({ file: c.file, status: "succeeded", error: null });
      const r = view.result;
      expect({ file: c.file, paramCount: r.paramCount, nonZeroParamCount: r.nonZeroParamCount, precision: r.precision, onnxruntimeOperators: r.onnxruntimeOperators }).toEqual({
        file: c.file,
        paramCount: c.paramCount,
        nonZeroParamCount: c.nonZeroParamCount,
        precision: c.precision,
        onnxruntimeOperators: c.onnxruntimeOperators,
      });
      const correct = Math.round(r.accuracy * r.samples);
      expect({ file: c.file, samples: r.samples, correct: c.batchDependent ? Math.abs(correct - c.testCorrect) <= 2 : correct }).toEqual({
        file: c.file,
        samples: c.testSamples,
        correct: c.batchDependent ? true : c.testCorrect,
      });
    }
  }, 600_000);

  it("shows precision on the board, filters by it in one request, and writes it to the CSV", async () => {
    const qdq = accepted.find((a) => a.c.precision === "int8-qdq");
    expect(qdq).toBeDefined();
    const all = await (await board("task=breast-cancer")).json();
    const ours = all.entries.filter((e: { modelSlug: string }) => slugs.includes(e.modelSlug));
    expect(ours.map((e: { precision: string }) => e.precision).sort()).toEqual(accepted.filter((a) => a.c.task === "breast-cancer").map((a) => a.c.precision).sort());
    expect(all.precisions).toEqual(expect.arrayContaining(["fp32", "fp16", "int8-qdq", "int8-qoperator", "int4", "trees"]));
    const int4 = ours.find((e: { precision: string }) => e.precision === "int4");
    expect(int4.onnxruntimeOnly).toBe(true);

    const filtered = await (await board("task=breast-cancer&precision=int8-qdq")).json();
    expect(filtered.precision).toBe("int8-qdq");
    expect(filtered.entries.every((e: { precision: string }) => e.precision === "int8-qdq")).toBe(true);
    const mine = filtered.entries.find((e: { modelSlug: string }) => e.modelSlug === qdq?.model);
    // The rank is the whole board's: a filtered view does not renumber.
    expect(mine.rank).toBe(all.entries.find((e: { modelSlug: string }) => e.modelSlug === qdq?.model).rank);

    const csv = await (await board("task=breast-cancer&precision=int8-qdq&format=csv")).text();
    const [header, ...rows] = csv.trim().split("\r\n");
    expect(header.split(",").slice(-3)).toEqual(["precision", "non_zero_params", "onnxruntime_only"]);
    expect(rows.some((row) => row.includes(qdq?.model ?? "?") && row.endsWith(`,int8-qdq,${qdq?.c.nonZeroParamCount},false`))).toBe(true);
  });

  it("refuses an unknown precision filter, listing the values", async () => {
    const response = await board("task=breast-cancer&precision=int3");
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.message).toContain("must be one of fp32, fp64, fp16, bf16, int8-qdq, int8-qoperator, int4, trees, mixed; got `int3`");
  });
});
