"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert } from "@/app/_components/form-alert";
import { secondaryButtonClass } from "@/app/_components/form-styles";
import { callApi, modelApiUrl } from "./call-api";

/** Admins: POST /api/v1/models/:slug/hide or /unhide, then the page shows (or drops) the hidden notice. */
export function HideToggle({ slug, hidden }: { slug: string; hidden: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function toggle() {
    setError(null);
    setBusy(true);
    const answer = await callApi(`${modelApiUrl(slug)}/${hidden ? "unhide" : "hide"}`, "POST");
    setBusy(false);
    if (!answer.ok) return setError(answer.message);
    router.refresh();
  }

  return (
    <>
      <button type="button" onClick={toggle} disabled={busy} className={secondaryButtonClass}>
        {hidden ? "Unhide" : "Hide"}
      </button>
      <FormAlert error={error} className="basis-full" />
    </>
  );
}
