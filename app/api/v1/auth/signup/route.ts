import { readJsonObject } from "@/lib/api/parse-input";
import { signUp } from "@/lib/auth/accounts";
import { takeAuthAttempt } from "@/lib/auth/attempt-limit";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { signedInResponse } from "@/lib/auth/respond-signed-in";
import { getDb } from "@/lib/db/client";
import { clientIp } from "@/lib/http/client-ip";
import { withErrors } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/v1/auth/signup — JSON { username, password } → 201 { user: { username, role } } and a session cookie. */
export const POST = withErrors(async (request: Request) => {
  assertSameOrigin(request.headers);
  const db = getDb();
  await takeAuthAttempt(db, clientIp(request.headers));
  return signedInResponse(request, await signUp(db, await readJsonObject(request)), 201);
});
