"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

const input =
  "mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900";

export function SubmitForm({ tasks }: { tasks: { id: string; title: string }[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const form = new FormData(event.currentTarget);
    const token = String(form.get("token") ?? "").trim();
    form.delete("token");
    setBusy(true);
    try {
      const response = await fetch("/api/v1/submissions", {
        method: "POST",
        headers: token ? { Authorization: `Bearer ${token}` } : {},
        body: form,
      });
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        setError(body?.error?.message ?? `The server answered ${response.status}.`);
        return;
      }
      router.push(`/submissions/${body.id}`);
    } catch {
      setError("The server could not be reached; check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="Submit a model">
      <label className="block text-sm font-medium">
        ONNX file
        <input className={input} type="file" name="file" accept=".onnx" required />
      </label>
      <label className="block text-sm font-medium">
        Model name
        <input className={input} type="text" name="model" placeholder="my-mnist-cnn" pattern="[a-zA-Z0-9][a-zA-Z0-9\-]{1,62}[a-zA-Z0-9]" required />
      </label>
      <label className="block text-sm font-medium">
        Task
        <select className={input} name="task" defaultValue={tasks[0]?.id}>
          {tasks.map((task) => (
            <option key={task.id} value={task.id}>
              {task.title}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm font-medium">
        API token
        <input className={input} type="password" name="token" autoComplete="off" required />
      </label>
      {error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy} className="rounded bg-emerald-600 px-4 py-2 text-sm font-medium text-white hover:bg-emerald-700 disabled:opacity-50">
        {busy ? "Uploading…" : "Submit"}
      </button>
    </form>
  );
}
