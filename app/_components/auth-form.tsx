"use client";

import { useState, type FormEvent } from "react";
import { FormAlert } from "./form-alert";
import { buttonClass, inputClass } from "./form-styles";

/** Sign-in and sign-up: JSON to the auth API, then a full navigation so every part of the page sees the session. */
export function AuthForm({ mode, next }: { mode: "signin" | "signup"; next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = mode === "signin" ? "Sign in" : "Create account";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const form = new FormData(event.currentTarget);
    setBusy(true);
    try {
      const response = await fetch(`/api/v1/auth/${mode}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ username: form.get("username"), password: form.get("password") }),
      });
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        setError(body?.error?.message ?? `The server answered ${response.status}.`);
        return;
      }
      window.location.assign(next);
    } catch {
      setError("The server could not be reached; check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label={label}>
      <label className="block text-sm font-medium">
        Username
        <input className={inputClass} type="text" name="username" autoComplete="username" required minLength={3} maxLength={32} />
      </label>
      {mode === "signup" ? (
        <p className="text-xs text-slate-500">3–32 characters: letters, digits, &apos;_&apos; and &apos;-&apos; (kept lower-case).</p>
      ) : null}
      <label className="block text-sm font-medium">
        Password
        <input
          className={inputClass}
          type="password"
          name="password"
          autoComplete={mode === "signin" ? "current-password" : "new-password"}
          required
          minLength={mode === "signup" ? 10 : 1}
        />
      </label>
      {mode === "signup" ? <p className="text-xs text-slate-500">At least 10 characters; a few words make a good one.</p> : null}
      <FormAlert error={error} />
      <button type="submit" disabled={busy} className={buttonClass}>
        {busy ? "Please wait…" : label}
      </button>
    </form>
  );
}
