// The columns of the open-data export (GET /api/v1/results.csv and .jsonl), each with its unit and meaning: the
// CSV header, the JSONL keys and the data dictionary at /data all come from this one list.
import type { ExportRow } from "./export-rows";

export const DATA_LICENCE = {
  name: "Creative Commons Attribution 4.0 International (CC BY 4.0)",
  url: "https://creativecommons.org/licenses/by/4.0/",
  attribution: "Cite the result's page (/results/<result_id>) or this export, with the date you downloaded it.",
} as const;

export const EXPORT_COLUMNS = [
  { name: "result_id", description: "The result's permanent id; its page is /results/<result_id>." },
  { name: "submission_id", description: "The submission that produced it." },
  { name: "model_slug", description: "The model's URL name now (a rename changes it; the result_id never changes)." },
  { name: "model_name", description: "The model's display name now." },
  { name: "task", description: "Task id (GET /api/v1/tasks)." },
  { name: "hardware_profile", description: "Hardware profile id: a hash of CPU, cores, threads, RAM, OS, Node and onnxruntime versions, threads used and meter." },
  { name: "cpu_model", description: "CPU of the hardware profile." },
  { name: "threads_used", description: "Intra-op threads given to onnxruntime." },
  { name: "threads_total", description: "Hardware threads of the machine." },
  { name: "meter", description: "rapl (measured with the CPU's energy counters) or estimate (CPU time × watts per thread)." },
  { name: "estimated", description: "true when the energy is an estimate, not a measurement." },
  { name: "harness_version", description: "Version of the measurement protocol; compare results of the same version only." },
  { name: "onnxruntime_version", description: "onnxruntime-node version that ran the model." },
  { name: "precision", description: "Numeric format of the model's weights when the harness recorded it (e.g. float32, int8); empty otherwise." },
  { name: "accuracy", description: "Top-1 accuracy on the task's test set, 0–1." },
  { name: "macro_f1", description: "Macro-averaged F1 on the test set, 0–1." },
  { name: "energy_per_inference_j", description: "Energy per inference, joules (offline scenario, idle power subtracted)." },
  { name: "energy_ci95_low_j", description: "Lower bound of the 95 % confidence interval of energy per inference, joules." },
  { name: "energy_ci95_high_j", description: "Upper bound of that interval, joules." },
  { name: "accuracy_per_joule", description: "accuracy ÷ energy_per_inference_j: correct predictions per joule (the boards' ranking figure)." },
  { name: "energy_class", description: "A–G from the task's fixed, dated bounds in µJ per inference." },
  { name: "unstable", description: "true when the windows' coefficient of variation stayed above 5 %." },
  { name: "latency_p50_ms", description: "Median latency at batch 1, milliseconds." },
  { name: "model_memory_bytes", description: "Resident memory the loaded model added, bytes." },
  { name: "file_bytes", description: "Size of the ONNX file, bytes." },
  { name: "params", description: "Parameter count." },
  { name: "model_sha256", description: "SHA-256 of the ONNX file measured." },
  { name: "dataset_manifest_sha256", description: "SHA-256 of the test set's manifest (file names and hashes); empty for older results." },
  { name: "measured_at", description: "When the result was written, ISO 8601 UTC." },
] as const satisfies readonly { name: keyof ExportRow; description: string }[];

export type ExportColumn = (typeof EXPORT_COLUMNS)[number]["name"];
