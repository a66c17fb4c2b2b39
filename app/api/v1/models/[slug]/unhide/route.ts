import { hideModelRoute } from "@/lib/models/hide-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/v1/models/:slug/unhide — admins only → 200 with the model's metadata (hidden: false). */
export const POST = hideModelRoute(false);
