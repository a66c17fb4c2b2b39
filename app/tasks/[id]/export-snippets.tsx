import type { TaskDefinition } from "@/lib/engine";
import { exportSnippets } from "@/lib/tasks/export-snippets";

/** "Export a model for this task": the contract and code that produces it. */
export function ExportSnippets({ task }: { task: TaskDefinition }) {
  const { input, output } = task.contract;
  return (
    <section className="space-y-3" data-testid="export-snippets">
      <h2 className="text-lg font-semibold">Export a model for this task</h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        One input, {input.elemType} [N, {input.shape.slice(1).join(", ")}]; one output, {output.elemType} [N, {task.classes}] of
        class scores (the prediction is the argmax). Preprocessing is the harness&apos;s and fixed: the model receives
        exactly these tensors. Full contract: <a href="/api/v1/tasks">/api/v1/tasks</a>. skl2onnx&apos;s int64 label output may stay
        beside the scores; float32, float16, int8, int4 and tree models are all welcome, and each result shows its precision.
      </p>
      <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="check-hint">
        Before submitting, run <code>npx frugalboard check model.onnx --task {task.id}</code>: the same validation as an upload,
        with the same messages (every contract break at once), in under a second and without running the model.
      </p>
      {exportSnippets(task).map((snippet) => (
        <details key={snippet.title} className="rounded border border-slate-200 dark:border-slate-800">
          <summary className="cursor-pointer px-3 py-2 text-sm font-medium">{snippet.title}</summary>
          <pre className="overflow-x-auto bg-slate-50 p-3 text-xs dark:bg-slate-900">
            <code>{snippet.code}</code>
          </pre>
        </details>
      ))}
    </section>
  );
}
