import { requireUser } from "@/lib/auth/authenticate";
import { clearedSessionCookie } from "@/lib/auth/cookie";
import { deleteAllSessions } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db/client";
import { withErrors } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/v1/auth/signout-everywhere — ends every session of the user → 200 { signedOut: true, sessions: N }. */
export const POST = withErrors(async (request: Request) => {
  const db = getDb();
  const user = await requireUser(request, db);
  const sessions = await deleteAllSessions(db, user.id);
  return Response.json({ signedOut: true, sessions }, { headers: { "Set-Cookie": clearedSessionCookie(request.headers), "Cache-Control": "no-store" } });
});
