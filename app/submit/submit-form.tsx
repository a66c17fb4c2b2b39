"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormAlert } from "@/app/_components/form-alert";
import { buttonClass, inputClass } from "@/app/_components/form-styles";
import { precheckModelFile } from "@/lib/submissions/precheck-file";
import { TRAINING_FIELDS, TRAINING_TYPES } from "@/lib/training/training-emissions";
import { uploadWithProgress } from "./upload";

const OPTIONAL_FIELDS = ["name", "description", "paperUrl", "codeUrl", "licence", ...TRAINING_FIELDS];

export function SubmitForm({ tasks, maxBytes }: { tasks: { id: string; title: string }[]; maxBytes: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setError("Choose the .onnx file of your model.");
      return;
    }
    const problem = precheckModelFile(new Uint8Array(await file.slice(0, 16).arrayBuffer()), file.size, maxBytes);
    if (problem) {
      setError(problem);
      return;
    }
    // Empty optional fields are left out rather than sent as "" (which would clear nothing and fail URL checks).
    for (const key of OPTIONAL_FIELDS) if (String(form.get(key) ?? "").trim() === "") form.delete(key);
    const emissions = form.get("trainingEmissions");
    if (emissions instanceof File && emissions.size === 0) form.delete("trainingEmissions");
    setProgress(0);
    try {
      const { status, body } = await uploadWithProgress("/api/v1/submissions", form, setProgress);
      if (status !== 200 && status !== 201) {
        setError(body?.error?.message ?? `The server answered ${status}.`);
        setProgress(null);
        return;
      }
      router.push(`/submissions/${body?.id}`);
    } catch {
      setError("The server could not be reached; check your connection and try again.");
      setProgress(null);
    }
  }

  const busy = progress !== null;
  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="Submit a model">
      <label className="block text-sm font-medium">
        ONNX file
        <input className={inputClass} type="file" name="file" accept=".onnx" required />
      </label>
      <label className="block text-sm font-medium">
        Model slug
        <input className={inputClass} type="text" name="model" placeholder="my-mnist-cnn" pattern="[a-zA-Z0-9][a-zA-Z0-9\-]{1,62}[a-zA-Z0-9]" required />
        <span className="text-xs font-normal text-slate-500">In the model&apos;s address and badge: 3–64 letters, digits and &apos;-&apos;.</span>
      </label>
      <label className="block text-sm font-medium">
        Task
        <select className={inputClass} name="task" defaultValue={tasks[0]?.id}>
          {tasks.map((task) => (
            <option key={task.id} value={task.id}>
              {task.title}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="space-y-3 rounded border border-slate-200 p-3 dark:border-slate-800">
        <legend className="px-1 text-sm font-medium">About the model (optional; shown on its page)</legend>
        <label className="block text-sm">
          Display name
          <input className={inputClass} type="text" name="name" maxLength={120} placeholder="Tiny CNN" />
        </label>
        <label className="block text-sm">
          Description
          <textarea className={inputClass} name="description" maxLength={2000} rows={3} />
        </label>
        <label className="block text-sm">
          Paper URL
          <input className={inputClass} type="url" name="paperUrl" placeholder="https://arxiv.org/abs/…" />
        </label>
        <label className="block text-sm">
          Code URL
          <input className={inputClass} type="url" name="codeUrl" placeholder="https://github.com/…" />
        </label>
        <label className="block text-sm">
          Licence
          <input className={inputClass} type="text" name="licence" maxLength={100} placeholder="MIT" />
        </label>
      </fieldset>
      <fieldset className="space-y-3 rounded border border-slate-200 p-3 dark:border-slate-800">
        <legend className="px-1 text-sm font-medium">Training energy (optional; shown as reported by you, never ranked)</legend>
        <label className="block text-sm">
          CodeCarbon emissions.csv (its runs are summed)
          <input className={inputClass} type="file" name="trainingEmissions" accept=".csv,text/csv" />
        </label>
        <div className="grid gap-3 sm:grid-cols-2">
          <label className="block text-sm">
            Energy, kWh
            <input className={inputClass} type="number" name="trainingEnergyKwh" min={0} step="any" />
          </label>
          <label className="block text-sm">
            Emissions, kg CO₂e
            <input className={inputClass} type="number" name="trainingEmissionsKg" min={0} step="any" />
          </label>
          <label className="block text-sm">
            Hardware
            <input className={inputClass} type="text" name="trainingHardware" maxLength={200} placeholder="1 x NVIDIA T4" />
          </label>
          <label className="block text-sm">
            Duration, s
            <input className={inputClass} type="number" name="trainingDurationS" min={0} step="any" />
          </label>
          <label className="block text-sm">
            Location
            <input className={inputClass} type="text" name="trainingLocation" maxLength={100} placeholder="France" />
          </label>
          <label className="block text-sm">
            Training type
            <select className={inputClass} name="trainingType" defaultValue="">
              <option value="">not stated</option>
              {TRAINING_TYPES.map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="block text-sm">
          Source of the figures
          <input className={inputClass} type="text" name="trainingSource" maxLength={200} placeholder="CodeCarbon (default when a file is given)" />
        </label>
      </fieldset>
      {busy ? (
        <div className="space-y-1 text-sm">
          <div
            role="progressbar"
            aria-label="Upload"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progress}
            className="h-2 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-800"
          >
            <div className="h-full bg-emerald-600 transition-all" style={{ width: `${progress}%` }} />
          </div>
          <p>{progress < 100 ? `Uploading… ${progress}%` : "Uploaded; the server is checking the model…"}</p>
        </div>
      ) : null}
      <FormAlert error={error} />
      <button type="submit" disabled={busy} className={buttonClass}>
        {busy ? "Uploading…" : "Submit"}
      </button>
    </form>
  );
}
