// Every public result (succeeded, model not hidden), read in pages by id so memory stays flat however many there
// are: the stream holds one page at a time.
import type { Db } from "../db/client";
import { findTask } from "../../benchmarks/tasks/catalog";
import { energyClassOf } from "../leaderboard/grades";

export const EXPORT_PAGE_SIZE = 500;

export interface ExportRow {
  result_id: string;
  submission_id: string;
  model_slug: string;
  model_name: string;
  task: string;
  hardware_profile: string;
  cpu_model: string;
  threads_used: number;
  threads_total: number;
  meter: string;
  estimated: boolean;
  harness_version: string;
  onnxruntime_version: string;
  precision: string | null;
  accuracy: number;
  macro_f1: number;
  energy_per_inference_j: number;
  energy_ci95_low_j: number | null;
  energy_ci95_high_j: number | null;
  accuracy_per_joule: number;
  energy_class: string | null;
  unstable: boolean;
  latency_p50_ms: number;
  model_memory_bytes: number;
  file_bytes: number;
  params: number;
  model_sha256: string;
  dataset_manifest_sha256: string | null;
  measured_at: string;
}

type Payload = { energyCi95J?: unknown; onnxruntimeVersion?: unknown; intraOpThreads?: unknown };

/** Pages of export rows, oldest id first; `afterId` resumes after a page. */
export async function* exportRows(db: Db, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<ExportRow[]> {
  let afterId: string | undefined;
  for (;;) {
    const rows = await db.result.findMany({
      where: { submission: { status: "SUCCEEDED", model: { hiddenAt: null } }, ...(afterId ? { id: { gt: afterId } } : {}) },
      include: { submission: { select: { artifactSha256: true, model: { select: { slug: true, name: true } } } }, hardwareProfile: true },
      orderBy: { id: "asc" },
      take: pageSize,
    });
    if (rows.length === 0) return;
    afterId = rows[rows.length - 1].id;
    yield rows.map((row) => {
      const raw = row.payload as Payload;
      const ci = Array.isArray(raw.energyCi95J) && raw.energyCi95J.length === 2 ? (raw.energyCi95J as [number, number]) : null;
      const task = findTask(row.taskId);
      return {
        result_id: row.id,
        submission_id: row.submissionId,
        model_slug: row.submission.model.slug,
        model_name: row.submission.model.name,
        task: row.taskId,
        hardware_profile: row.hardwareProfileId,
        cpu_model: row.hardwareProfile.cpuModel,
        threads_used: typeof raw.intraOpThreads === "number" ? raw.intraOpThreads : row.hardwareProfile.intraOpThreads,
        threads_total: row.hardwareProfile.threads,
        meter: row.meter,
        estimated: row.estimated,
        harness_version: row.harnessVersion,
        onnxruntime_version: typeof raw.onnxruntimeVersion === "string" ? raw.onnxruntimeVersion : row.hardwareProfile.onnxruntimeVersion,
        precision: row.precision,
        accuracy: row.accuracy,
        macro_f1: row.macroF1,
        energy_per_inference_j: row.energyPerInferenceJ,
        energy_ci95_low_j: ci ? ci[0] : null,
        energy_ci95_high_j: ci ? ci[1] : null,
        accuracy_per_joule: row.accuracyPerJoule,
        energy_class: task ? energyClassOf(row.energyPerInferenceJ, task.energyClasses) : null,
        unstable: row.unstable,
        latency_p50_ms: row.latencyP50Ms,
        model_memory_bytes: row.modelMemoryBytes,
        file_bytes: row.fileBytes,
        params: row.paramCount,
        model_sha256: row.submission.artifactSha256,
        dataset_manifest_sha256: row.datasetManifestSha256,
        measured_at: row.createdAt.toISOString(),
      };
    });
  }
}
