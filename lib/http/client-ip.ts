// The client's IP address, for per-IP rate limits. scripts/web-server.ts writes the socket's peer address into
// X-Frugal-Client-Ip (replacing whatever a client sent). Behind a reverse proxy every peer is the proxy, so with
// FRUGAL_TRUST_PROXY=true the last X-Forwarded-For entry (the one that proxy appended) is used instead.
import { getEnv } from "../env";

export const CLIENT_IP_HEADER = "x-frugal-client-ip";

export function clientIp(headers: Headers): string {
  if (getEnv().FRUGAL_TRUST_PROXY === "true") {
    const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((part) => part.trim()).filter(Boolean);
    if (forwarded.length > 0) return forwarded[forwarded.length - 1].slice(0, 64);
  }
  return (headers.get(CLIENT_IP_HEADER) ?? "").trim().slice(0, 64) || "unknown";
}
