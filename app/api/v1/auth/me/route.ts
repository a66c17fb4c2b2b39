import { authenticate } from "@/lib/auth/authenticate";
import { withErrors } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/auth/me — { user: { username, role } } for the session cookie or token sent, else { user: null }. */
export const GET = withErrors(async (request: Request) => {
  const user = await authenticate(request);
  return Response.json(
    { user: user ? { username: user.username, role: user.role.toLowerCase() } : null },
    { headers: { "Cache-Control": "private, no-store" } },
  );
});
