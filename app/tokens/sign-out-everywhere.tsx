"use client";

import { useState } from "react";
import { FormAlert } from "@/app/_components/form-alert";

export function SignOutEverywhere() {
  const [error, setError] = useState<string | null>(null);
  async function signOutEverywhere() {
    setError(null);
    const response = await fetch("/api/v1/auth/signout-everywhere", { method: "POST" }).catch(() => null);
    if (!response?.ok) {
      const body = await response?.json().catch(() => null);
      setError(body?.error?.message ?? "The server could not be reached; try again.");
      return;
    }
    window.location.assign("/signin");
  }
  return (
    <div className="space-y-2">
      <button type="button" onClick={signOutEverywhere} className="rounded border border-slate-300 px-4 py-2 text-sm dark:border-slate-700">
        Sign out everywhere
      </button>
      <FormAlert error={error} />
    </div>
  );
}
