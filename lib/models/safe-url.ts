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

/** Why a URL typed by a submitter is refused, or null when it is a plain http(s) URL. */
export function unsafeUrlReason(value: string): string | null {
  if (value.length > 500) return "must be at most 500 characters";
  return safeHttpUrl(value) ? null : "must be an http(s) URL such as https://arxiv.org/abs/1234.5678 (javascript:, data: and other schemes are refused)";
}
