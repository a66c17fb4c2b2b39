// POST /api/v1/models/:slug/hide and /unhide: the one route both are, for admins only, answering the model's metadata.
import { requireAdmin } from "../auth/authenticate";
import { getDb } from "../db/client";
import { withErrors } from "../http/respond";
import { modelForChange, setModelHidden } from "./manage-model";

export function hideModelRoute(hidden: boolean) {
  return withErrors(async (request: Request, context: { params: Promise<{ slug: string }> }) => {
    const { slug } = await context.params;
    const db = getDb();
    const admin = await requireAdmin(request, db);
    return Response.json(await setModelHidden(db, await modelForChange(db, slug, admin, { adminOnly: true }), hidden));
  });
}
