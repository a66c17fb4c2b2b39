// The export as a byte stream: a page of rows is read only when the client has taken the previous one (pull), so a
// slow download never makes the server hold the whole table.
import type { Db } from "../db/client";
import { csvRow } from "../leaderboard/board-csv";
import { EXPORT_COLUMNS } from "./columns";
import { exportRows, type ExportRow } from "./export-rows";

export const EXPORT_FORMATS = ["csv", "jsonl"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8; header=present",
  jsonl: "application/jsonl; charset=utf-8",
};

const names = EXPORT_COLUMNS.map((c) => c.name);

function encode(rows: ExportRow[], format: ExportFormat): string {
  if (format === "csv") return rows.map((row) => `${csvRow(names.map((name) => row[name]))}\r\n`).join("");
  // Keys in the dictionary's order, so a JSONL line reads like a CSV row.
  return rows.map((row) => `${JSON.stringify(Object.fromEntries(names.map((name) => [name, row[name]])))}\n`).join("");
}

/**
 * The first page is read before the stream is handed back, so a database that is down is answered 503 by the
 * route, not with a truncated download.
 */
export async function streamExport(db: Db, format: ExportFormat, pageSize?: number): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const pages = exportRows(db, pageSize);
  let next: IteratorResult<ExportRow[]> | null = await pages.next();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (format === "csv") controller.enqueue(encoder.encode(`${csvRow(names)}\r\n`));
      },
      async pull(controller) {
        const page = next ?? (await pages.next());
        next = null;
        if (page.done) controller.close();
        else controller.enqueue(encoder.encode(encode(page.value, format)));
      },
      async cancel() {
        await pages.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
