// The site's public base URL for links people copy (badge snippets): FRUGAL_PUBLIC_URL when set, else the
// request's own host and scheme.
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";

export async function siteBaseUrl(): Promise<string> {
  const configured = getEnv().FRUGAL_PUBLIC_URL;
  if (configured) return configured.replace(/\/$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (/^(localhost|127\.0\.0\.1)(:|$)/.test(host) ? "http" : "https");
  return `${proto.split(",")[0]}://${host.split(",")[0]}`;
}
