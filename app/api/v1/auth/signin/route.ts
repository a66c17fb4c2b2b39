import { signIn } from "@/lib/auth/accounts";
import { signedInRoute } from "@/lib/auth/respond-signed-in";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * POST /api/v1/auth/signin — JSON { username, password } → 200 { user: { username, role } } and a new session
 * cookie (a new session id every time; a cookie the request brought is never reused). 429 with Retry-After past
 * the per-IP limit.
 */
export const POST = signedInRoute(signIn, 200);
