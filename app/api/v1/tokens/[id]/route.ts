import { requireSessionUser } from "@/lib/auth/authenticate";
import { revokeToken } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/client";
import { withErrors } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** DELETE /api/v1/tokens/:id — revokes one of the caller's tokens → 200 { id, revokedAt }; it stops working at once. */
export const DELETE = withErrors(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const db = getDb();
  const user = await requireSessionUser(request, db);
  return Response.json(await revokeToken(db, user, id));
});
