import type { Metadata } from "next";
import { listTasks } from "@/benchmarks/tasks/catalog";
import { SubmitForm } from "./submit-form";

export const metadata: Metadata = { title: "Submit a model" };

export default function SubmitPage() {
  const tasks = listTasks().map((task) => ({ id: task.id, title: task.title }));
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">Submit a model</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Upload an ONNX file written against the task&apos;s contract (see <a href="/api/v1/tasks">/api/v1/tasks</a>). It is
        checked at once, then benchmarked by a worker; you can follow it live. An API token comes from{" "}
        <code>npm run token:create -- --user NAME</code> on the server.
      </p>
      <SubmitForm tasks={tasks} />
    </div>
  );
}
