import type { Db } from "../db/client";
import { EXPORT_CONTENT_TYPES, streamExport, type ExportFormat } from "./stream-export";

export async function exportResponse(db: Db, format: ExportFormat): Promise<Response> {
  return new Response(await streamExport(db, format), {
    headers: {
      "Content-Type": EXPORT_CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="frugalboard-results.${format}"`,
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
