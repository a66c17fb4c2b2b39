import { parseInput, readJsonObject } from "@/lib/api/parse-input";
import { zTokenCreateInput } from "@/lib/api/schemas/inputs";
import { requireSessionUser, requireUser } from "@/lib/auth/authenticate";
import { createTokenForUser, listTokens } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/client";
import { withErrors } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/tokens — the caller's working tokens: { tokens: [{ id, name, prefix, createdAt, lastUsedAt }] }. */
export const GET = withErrors(async (request: Request) => {
  const db = getDb();
  const user = await requireUser(request, db);
  return Response.json({ tokens: await listTokens(db, user.id) }, { headers: { "Cache-Control": "private, no-store" } });
});

/**
 * POST /api/v1/tokens — JSON { name } → 201 { id, name, prefix, createdAt, lastUsedAt, token }. The token is in
 * this answer only. Needs a browser session (not a token), so a leaked token cannot mint more.
 */
export const POST = withErrors(async (request: Request) => {
  const db = getDb();
  const user = await requireSessionUser(request, db);
  const input = parseInput(zTokenCreateInput, await readJsonObject(request));
  return Response.json(await createTokenForUser(db, user.id, input.name), { status: 201, headers: { "Cache-Control": "no-store" } });
});
