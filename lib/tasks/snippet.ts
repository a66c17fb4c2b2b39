// One export guide of a task page, and the line each ends with.
import type { Precision } from "../../benchmarks/onnx/precision";
import type { TaskDefinition } from "../../benchmarks/types";

export interface ExportSnippet {
  language: "python";
  title: string;
  code: string;
  /** Files of benchmarks/onnx/testing/exported/ with this guide's layout, and the precision each shows. */
  backedBy: { file: string; precision: Precision }[];
}

export function checkLine(task: TaskDefinition, file = "model.onnx"): string {
  return `# then, before submitting: npx frugalboard check ${file} --task ${task.id}`;
}

