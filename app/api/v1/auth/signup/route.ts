import { signUp } from "@/lib/auth/accounts";
import { signedInRoute } from "@/lib/auth/respond-signed-in";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/v1/auth/signup — JSON { username, password } → 201 { user: { username, role } } and a session cookie. */
export const POST = signedInRoute(signUp, 201);
