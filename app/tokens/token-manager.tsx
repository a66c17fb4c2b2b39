"use client";

import { useCallback, useEffect, useState, type FormEvent } from "react";
import { CopyButton } from "@/app/_components/copy-button";
import { FormAlert } from "@/app/_components/form-alert";
import { buttonClass, inputClass } from "@/app/_components/form-styles";

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

async function call(url: string, init?: RequestInit): Promise<{ ok: boolean; body: Record<string, unknown> | null; status: number }> {
  const response = await fetch(url, { cache: "no-store", ...init });
  return { ok: response.ok, status: response.status, body: await response.json().catch(() => null) };
}

function when(value: string | null): string {
  return value ? new Date(value).toLocaleString() : "never";
}

/** Lists, creates and revokes the signed-in user's tokens through /api/v1/tokens. */
export function TokenManager() {
  const [tokens, setTokens] = useState<TokenRow[] | null>(null);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const fail = (status: number, body: Record<string, unknown> | null) =>
    setError(((body?.error as { message?: string } | undefined)?.message) ?? `The server answered ${status}.`);

  const load = useCallback(async () => {
    const { ok, status, body } = await call("/api/v1/tokens");
    if (ok) setTokens((body?.tokens as TokenRow[]) ?? []);
    else fail(status, body);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const formElement = event.currentTarget;
    const name = String(new FormData(formElement).get("name") ?? "");
    const { ok, status, body } = await call("/api/v1/tokens", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name }),
    });
    if (!ok) return fail(status, body);
    setCreated({ name: String(body?.name), token: String(body?.token) });
    formElement.reset();
    await load();
  }

  async function revoke(id: string) {
    setError(null);
    const { ok, status, body } = await call(`/api/v1/tokens/${encodeURIComponent(id)}`, { method: "DELETE" });
    if (!ok) return fail(status, body);
    await load();
  }

  return (
    <div className="space-y-4">
      <form onSubmit={create} className="flex items-end gap-3" aria-label="Create a token">
        <label className="block flex-1 text-sm font-medium">
          Token name
          <input className={inputClass} type="text" name="name" placeholder="github-actions" required maxLength={64} />
        </label>
        <button type="submit" className={buttonClass}>
          Create token
        </button>
      </form>
      {created ? (
        <div data-testid="new-token" className="space-y-2 rounded border border-emerald-300 bg-emerald-50 p-3 text-sm dark:border-emerald-800 dark:bg-emerald-950">
          <p>
            Your new token <strong>{created.name}</strong>. Copy it now: it is not shown again.
          </p>
          <p className="flex items-center gap-2">
            <code data-testid="new-token-value" className="break-all">
              {created.token}
            </code>
            <CopyButton text={created.token} />
          </p>
        </div>
      ) : null}
      <FormAlert error={error} />
      {tokens === null ? (
        <p className="text-sm text-slate-500">Loading…</p>
      ) : tokens.length === 0 ? (
        <p className="text-sm text-slate-500">No tokens yet.</p>
      ) : (
        <table className="w-full text-left text-sm" data-testid="tokens">
          <thead>
            <tr>
              <th className="py-1">Name</th>
              <th>Starts with</th>
              <th>Created</th>
              <th>Last used</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id} data-token={token.name} className="border-t border-slate-200 dark:border-slate-800">
                <td className="py-1">{token.name}</td>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>{when(token.createdAt)}</td>
                <td>{when(token.lastUsedAt)}</td>
                <td className="text-right">
                  <button type="button" onClick={() => revoke(token.id)} className="text-red-700 underline dark:text-red-300">
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
