import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { listTasks } from "@/lib/engine";
import { currentUser } from "@/app/_components/current-user";
import { getEnv } from "@/lib/env";
import { SubmitForm } from "./submit-form";

export const metadata: Metadata = { title: "Submit a model" };
export const dynamic = "force-dynamic";

export default async function SubmitPage() {
  const user = await currentUser();
  if (!user) redirect("/signin?next=/submit");
  const tasks = listTasks().map((task) => ({ id: task.id, title: task.title }));
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">Submit a model</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Upload an ONNX file written against the task&apos;s contract (see <a href="/api/v1/tasks">/api/v1/tasks</a>). It is
        checked at once, then benchmarked by a worker; you can follow it live. You submit as <strong>{user.username}</strong>;
        to submit from scripts or CI, make an API token on the <Link href="/tokens">tokens page</Link>.
      </p>
      <SubmitForm tasks={tasks} maxBytes={getEnv().FRUGAL_MAX_MODEL_BYTES} />
    </div>
  );
}
