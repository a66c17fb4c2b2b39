import { parseInput, readJsonObject } from "@/lib/api/parse-input";
import { zModelPatch } from "@/lib/api/schemas/inputs";
import { authenticate, isAdmin, requireUser } from "@/lib/auth/authenticate";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { withErrors } from "@/lib/http/respond";
import { ASSUMPTION_SOURCES } from "@/lib/models/environment";
import { getModel } from "@/lib/models/get-model";
import { deleteModel, modelForChange, updateModel } from "@/lib/models/manage-model";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/**
 * GET /api/v1/models/:slug — metadata, every result per task and board (with its windows and the raw result),
 * the version history, and the assumptions of the environmental conversions. A former slug redirects (308). A
 * hidden model is 404 except to admins.
 */
export const GET = withErrors(async (request: Request, context: Context) => {
  const { slug } = await context.params;
  const db = getDb();
  // Only a request that could be an admin's pays for the lookup (the public's are cached by clients).
  const admin = request.headers.has("authorization") || request.headers.has("cookie") ? isAdmin(await authenticate(request, db)) : false;
  const found = await getModel(db, slug, { includeHidden: admin });
  if (found.kind === "moved") {
    const url = new URL(request.url);
    url.pathname = `/api/v1/models/${encodeURIComponent(found.slug)}`;
    return Response.redirect(url, 308);
  }
  const env = getEnv();
  return Response.json(
    {
      ...found.model,
      environment: {
        gridGPerKwh: env.FRUGAL_GRID_G_PER_KWH,
        wueLPerKwh: env.FRUGAL_WUE_L_PER_KWH,
        sources: ASSUMPTION_SOURCES,
      },
    },
    { headers: { "Cache-Control": found.model.hidden ? "private, no-store" : "public, max-age=10" } },
  );
});

/**
 * PATCH /api/v1/models/:slug — owner or admin; JSON with any of { slug, name, description, paperUrl, codeUrl,
 * licence } (null clears an optional field; URLs http(s) only; a new slug keeps the old one as a redirect)
 * → 200 { slug, name, owner, description, paperUrl, codeUrl, licence, hidden }.
 */
export const PATCH = withErrors(async (request: Request, context: Context) => {
  const { slug } = await context.params;
  const db = getDb();
  const user = await requireUser(request, db);
  const model = await modelForChange(db, slug, user);
  const patch = parseInput(zModelPatch, await readJsonObject(request));
  return Response.json(await updateModel(db, model, patch));
});

/** DELETE /api/v1/models/:slug — owner or admin; removes the model, its submissions and results → 200 { slug, deleted, submissions }. */
export const DELETE = withErrors(async (request: Request, context: Context) => {
  const { slug } = await context.params;
  const db = getDb();
  const user = await requireUser(request, db);
  return Response.json(await deleteModel(db, await modelForChange(db, slug, user)));
});
