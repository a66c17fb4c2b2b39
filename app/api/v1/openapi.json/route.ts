import { getOpenApiDocument } from "@/lib/api/openapi/document";
import { getEnv } from "@/lib/env";
import { publicBaseUrl, withErrors } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/openapi.json — the OpenAPI 3.1 document of /api/v1 (lib/api/openapi), with this server's URL. */
export const GET = withErrors(async (request: Request) => {
  const servers = [{ url: publicBaseUrl(request, getEnv().FRUGAL_PUBLIC_URL) }];
  return Response.json(
    { ...getOpenApiDocument(), servers },
    // Public and the same for everyone: API tools in the browser (Swagger UI, editors) may load it from anywhere.
    { headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" } },
  );
});
