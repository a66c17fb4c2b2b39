import { getDb } from "@/lib/db/client";
import { withErrors } from "@/lib/http/respond";
import { exportResponse } from "@/lib/open-data/export-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/results.jsonl — every public result of every board, streamed; columns and licence: /data. */
export const GET = withErrors(async () => exportResponse(getDb(), "jsonl"));
