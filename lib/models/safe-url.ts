// Links a submitter typed (paper, code) are shown only when they are plain http(s) URLs: no javascript:, data:
// or other schemes that a click would run.
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}
