// The session cookie: httpOnly, SameSite=Lax, Path=/, and Secure with the `__Host-` prefix when the site is
// served over https (FRUGAL_PUBLIC_URL says https, or the proxy in front says X-Forwarded-Proto: https). The prefix
// makes browsers refuse the cookie unless it came Secure from this very host, so a sibling subdomain cannot plant one.
import { getEnv } from "../env";

export const PLAIN_NAME = "frugal_session";
const SECURE_NAME = "__Host-frugal_session";

export function isSecureSite(headers: Headers): boolean {
  const publicUrl = getEnv().FRUGAL_PUBLIC_URL;
  if (publicUrl) return publicUrl.startsWith("https:");
  return (headers.get("x-forwarded-proto") ?? "").split(",")[0].trim().toLowerCase() === "https";
}

export function sessionCookieName(headers: Headers): string {
  return isSecureSite(headers) ? SECURE_NAME : PLAIN_NAME;
}

/** The value of one cookie in a Cookie header, or null. */
export function readCookie(cookieHeader: string | null | undefined, name: string): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at !== -1 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim() || null;
  }
  return null;
}

export function readSessionCookie(headers: Headers): string | null {
  return readCookie(headers.get("cookie"), sessionCookieName(headers));
}

export function sessionCookie(headers: Headers, value: string, expiresAt: Date): string {
  const maxAgeS = Math.max(0, Math.round((expiresAt.getTime() - Date.now()) / 1000));
  const secure = isSecureSite(headers) ? "; Secure" : "";
  return `${sessionCookieName(headers)}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeS}; Expires=${expiresAt.toUTCString()}${secure}`;
}

export function clearedSessionCookie(headers: Headers): string {
  const secure = isSecureSite(headers) ? "; Secure" : "";
  return `${sessionCookieName(headers)}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT${secure}`;
}
