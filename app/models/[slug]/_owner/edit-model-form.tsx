"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormAlert } from "@/app/_components/form-alert";
import { buttonClass, inputClass, secondaryButtonClass } from "@/app/_components/form-styles";
import { callApi, modelApiUrl } from "./call-api";

export interface EditableModel {
  slug: string;
  name: string;
  description: string | null;
  paperUrl: string | null;
  codeUrl: string | null;
  licence: string | null;
}

const OPTIONAL = ["description", "paperUrl", "codeUrl", "licence"] as const;

/** Only what changed; an optional field emptied is cleared (null). */
function changes(model: EditableModel, form: FormData): Record<string, string | null> {
  const patch: Record<string, string | null> = {};
  for (const key of ["slug", "name"] as const) {
    const value = String(form.get(key) ?? "").trim();
    if (value !== model[key]) patch[key] = value;
  }
  for (const key of OPTIONAL) {
    const value = String(form.get(key) ?? "").trim();
    if (value !== (model[key] ?? "")) patch[key] = value === "" ? null : value;
  }
  return patch;
}

/** PATCH /api/v1/models/:slug from the model page; a new slug moves the browser to the model's new address. */
export function EditModelForm({ model, onDone }: { model: EditableModel; onDone: () => void }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const patch = changes(model, new FormData(event.currentTarget));
    if (Object.keys(patch).length === 0) return setError("Nothing changed: edit a field first, or cancel.");
    setBusy(true);
    const answer = await callApi(modelApiUrl(model.slug), "PATCH", patch);
    setBusy(false);
    if (!answer.ok) return setError(answer.message);
    const slug = String(answer.body.slug ?? model.slug);
    if (slug !== model.slug) return window.location.assign(`/models/${encodeURIComponent(slug)}`);
    onDone();
    router.refresh();
  }

  const field = (name: keyof EditableModel, label: string, type: "text" | "url" = "text") => (
    <label className="block text-sm font-medium">
      {label}
      <input className={inputClass} type={type} name={name} defaultValue={model[name] ?? ""} />
    </label>
  );

  return (
    <form onSubmit={onSubmit} aria-label="Edit model" className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <div className="grid gap-3 md:grid-cols-2">
        {field("name", "Display name")}
        <div>
          {field("slug", "Model slug")}
          <p className="mt-1 text-xs text-slate-500">Renaming keeps the old address as a redirect; badges keep working.</p>
        </div>
        {field("paperUrl", "Paper URL", "url")}
        {field("codeUrl", "Code URL", "url")}
        {field("licence", "Licence")}
      </div>
      <label className="block text-sm font-medium">
        Description
        <textarea className={inputClass} name="description" rows={3} defaultValue={model.description ?? ""} />
      </label>
      <FormAlert error={error} />
      <div className="flex gap-3">
        <button type="submit" disabled={busy} className={buttonClass}>
          {busy ? "Saving…" : "Save changes"}
        </button>
        <button type="button" onClick={onDone} className={secondaryButtonClass}>
          Cancel
        </button>
      </div>
    </form>
  );
}
