import { readJsonObject } from "@/lib/api/parse-input";
import { signIn } from "@/lib/auth/accounts";
import { takeAuthAttempt } from "@/lib/auth/attempt-limit";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { signedInResponse } from "@/lib/auth/respond-signed-in";
import { getDb } from "@/lib/db/client";
import { clientIp } from "@/lib/http/client-ip";
import { withErrors } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * POST /api/v1/auth/signin — JSON { username, password } → 200 { user: { username, role } } and a new session
 * cookie (a new session id every time; a cookie the request brought is never reused). 429 with Retry-After past
 * the per-IP limit.
 */
export const POST = withErrors(async (request: Request) => {
  assertSameOrigin(request.headers);
  const db = getDb();
  await takeAuthAttempt(db, clientIp(request.headers));
  return signedInResponse(request, await signIn(db, await readJsonObject(request)), 200);
});
