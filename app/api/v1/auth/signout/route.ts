import { clearedSessionCookie, readSessionCookie } from "@/lib/auth/cookie";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { deleteSession } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db/client";
import { withErrors } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/v1/auth/signout — ends this browser's session → 200 { signedOut: true } and a cleared cookie. */
export const POST = withErrors(async (request: Request) => {
  assertSameOrigin(request.headers);
  const sessionId = readSessionCookie(request.headers);
  if (sessionId) await deleteSession(getDb(), sessionId);
  return Response.json({ signedOut: true }, { headers: { "Set-Cookie": clearedSessionCookie(request.headers), "Cache-Control": "no-store" } });
});
