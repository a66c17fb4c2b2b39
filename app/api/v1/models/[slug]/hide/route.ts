import { hideModelRoute } from "@/lib/models/hide-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/v1/models/:slug/hide — admins only → 200 with the model's metadata (hidden: true). */
export const POST = hideModelRoute(true);
