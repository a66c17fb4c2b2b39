import { requireAdmin } from "@/lib/auth/authenticate";
import { getDb } from "@/lib/db/client";
import { withErrors } from "@/lib/http/respond";
import { modelForChange, setModelHidden } from "@/lib/models/manage-model";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/v1/models/:slug/hide — admins only → 200 with the model's metadata (hidden: true). */
export const POST = withErrors(async (request: Request, context: { params: Promise<{ slug: string }> }) => {
  const { slug } = await context.params;
  const db = getDb();
  const admin = await requireAdmin(request, db);
  return Response.json(await setModelHidden(db, await modelForChange(db, slug, admin, { adminOnly: true }), true));
});
