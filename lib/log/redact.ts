// Secrets never reach a log: connection URLs lose their passwords, API tokens and Bearer credentials are masked.
// Every log line that can carry a URL or an error from a driver goes through redactSecrets.
import { stripControlChars } from "../../benchmarks/onnx/rules";

const MASK = "***";
const SECRET_PARAMS = /^(password|passwd|pass|pwd|sslpassword|sslkey|token|access_token|api_key|apikey|secret)$/i;
// scheme://user:password@ — the password ends at the last '@' before the host (passwords may contain '@' or ':').
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s:/@]*):([^\s/]*)@(?=[^\s@]*(?:[\s/?#]|$))/gi;
const QUERY_SECRET = /([?&](?:password|passwd|pass|pwd|sslpassword|sslkey|token|access_token|api_key|apikey|secret)=)[^&\s#]*/gi;
const API_TOKEN = /\bfb_[A-Za-z0-9_-]{8,}/g;
const BEARER = /\b(Bearer\s+)[^\s"',;]+/gi;

/** A connection URL as it may be shown: the password (in the authority or the query) replaced by ***. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = MASK;
    for (const key of [...parsed.searchParams.keys()]) if (SECRET_PARAMS.test(key)) parsed.searchParams.set(key, MASK);
    return parsed.toString().replaceAll(encodeURIComponent(MASK), MASK);
  } catch {
    return redactSecrets(url);
  }
}

/** Passwords of the configured service URLs, which a driver's message could quote in other forms. */
function configuredPasswords(): string[] {
  const passwords: string[] = [];
  for (const name of ["DATABASE_URL", "REDIS_URL", "TEST_DATABASE_URL"]) {
    const value = process.env[name];
    if (!value) continue;
    try {
      const raw = new URL(value).password;
      for (const password of new Set([raw, decodeURIComponent(raw)])) if (password.length >= 4) passwords.push(password);
    } catch {
      // not a URL: nothing to learn from it
    }
  }
  return passwords;
}

/** Any text (an error message, a stack) with credentials masked. */
export function redactSecrets(text: string): string {
  let out = text
    .replace(URL_CREDENTIALS, (_m, scheme: string, user: string) => `${scheme}${user}:${MASK}@`)
    .replace(QUERY_SECRET, `$1${MASK}`)
    .replace(BEARER, `$1${MASK}`)
    .replace(API_TOKEN, `fb_${MASK}`);
  for (const password of configuredPasswords()) {
    out = out.replaceAll(password, MASK);
  }
  return out;
}

/**
 * Text from a request (a URL, a name) made safe for a log line: control characters shown as "?", so a %0A in a
 * URL cannot forge a second line, credentials masked, and cut to `maxChars`.
 */
export function forLog(text: string, maxChars = 200): string {
  const oneLine = stripControlChars(text, "?");
  return redactSecrets(oneLine.length > maxChars ? `${oneLine.slice(0, maxChars)}…` : oneLine);
}
