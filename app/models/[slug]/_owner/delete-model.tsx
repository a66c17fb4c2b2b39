"use client";

import { useState, type FormEvent } from "react";
import { FormAlert } from "@/app/_components/form-alert";
import { dangerButtonClass, inputClass, secondaryButtonClass } from "@/app/_components/form-styles";
import { callApi, modelApiUrl } from "./call-api";

/** DELETE /api/v1/models/:slug once the slug has been typed, then back to the boards. */
export function DeleteModel({ slug, onCancel }: { slug: string; onCancel: () => void }) {
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (typed.trim() !== slug) return;
    setError(null);
    setBusy(true);
    const answer = await callApi(modelApiUrl(slug), "DELETE");
    if (!answer.ok) {
      setBusy(false);
      return setError(answer.message);
    }
    window.location.assign("/");
  }

  return (
    <form onSubmit={onSubmit} aria-label="Delete model" className="space-y-3 rounded-lg border border-red-300 p-4 dark:border-red-800">
      <p className="text-sm">
        This deletes <code>{slug}</code> with all its submissions and results, from every board. It cannot be undone.
      </p>
      <label className="block text-sm font-medium">
        Type <code>{slug}</code> to confirm
        <input className={inputClass} type="text" name="confirm" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
      </label>
      <FormAlert error={error} />
      <div className="flex gap-3">
        <button type="submit" disabled={busy || typed.trim() !== slug} className={dangerButtonClass}>
          {busy ? "Deleting…" : "Delete this model"}
        </button>
        <button type="button" onClick={onCancel} className={secondaryButtonClass}>
          Cancel
        </button>
      </div>
    </form>
  );
}
