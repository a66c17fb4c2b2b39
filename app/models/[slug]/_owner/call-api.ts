// A same-origin call to the v1 API with the session cookie (the server's CSRF check accepts it): the JSON answer,
// or the server's own message to show beside the control.
export type ApiAnswer = { ok: true; body: Record<string, unknown> } | { ok: false; message: string };

export async function callApi(url: string, method: "POST" | "PATCH" | "DELETE", json?: unknown): Promise<ApiAnswer> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      cache: "no-store",
      headers: json === undefined ? undefined : { "Content-Type": "application/json" },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
  } catch {
    return { ok: false, message: "The server could not be reached; check your connection and try again." };
  }
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (response.ok) return { ok: true, body: body ?? {} };
  const message = (body?.error as { message?: string } | undefined)?.message;
  return { ok: false, message: message ?? `The server answered ${response.status}; try again later.` };
}

export function modelApiUrl(slug: string): string {
  return `/api/v1/models/${encodeURIComponent(slug)}`;
}
