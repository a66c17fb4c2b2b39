"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { dangerButtonClass, secondaryButtonClass } from "@/app/_components/form-styles";
import { callApi } from "./call-api";
import { useOwnerScope } from "./owner-scope";

/** POST /api/v1/submissions/:id/withdraw after a confirm step; the page then shows the result as withdrawn. */
export function WithdrawButton({ submissionId }: { submissionId: string }) {
  const { canManage } = useOwnerScope();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!canManage) return null;

  async function withdraw() {
    setError(null);
    setBusy(true);
    const answer = await callApi(`/api/v1/submissions/${encodeURIComponent(submissionId)}/withdraw`, "POST");
    setBusy(false);
    if (!answer.ok) return setError(answer.message);
    setConfirming(false);
    router.refresh();
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2 text-xs" data-testid="withdraw">
      {confirming ? (
        <>
          <span>Take this result off every board?</span>
          <button type="button" onClick={withdraw} disabled={busy} className={dangerButtonClass}>
            {busy ? "Withdrawing…" : "Yes, withdraw"}
          </button>
          <button type="button" onClick={() => setConfirming(false)} className={secondaryButtonClass}>
            Cancel
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} className={secondaryButtonClass}>
          Withdraw
        </button>
      )}
      {error ? (
        <span role="alert" className="text-red-700 dark:text-red-400">
          {error}
        </span>
      ) : null}
    </span>
  );
}
