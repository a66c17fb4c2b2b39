// Permanent results, for papers and model cards.
import { z } from "zod";
import { zResultId, zResultRecord } from "../../schemas/results";
import { errorResponses, json, PUBLIC } from "../responses";
import type { ApiOperations } from "./types";

const exportOperation = (format: "csv" | "jsonl") => ({
  operationId: format === "csv" ? "exportResultsCsv" : "exportResultsJsonl",
  summary: `Every public result of every board, as ${format === "csv" ? "CSV" : "JSON Lines"}`,
  description:
    "Open data: one row per succeeded result of a model that is not hidden, with its profile, meter, harness version, precision and ids. " +
    "Streamed. Columns, units and the licence (CC BY 4.0) are explained at /data." +
    (format === "csv" ? " Safe to open in a spreadsheet (cells that would start a formula get a leading apostrophe)." : ""),
  tags: ["results"],
  security: PUBLIC,
  responses: {
    200: {
      description: "The export.",
      content:
        format === "csv"
          ? { "text/csv": { schema: z.string().meta({ description: "A header row, then one row per result (RFC 4180)." }) } }
          : { "application/jsonl": { schema: z.string().meta({ description: "One JSON object per line, keys as the CSV's columns." }) } },
    },
    ...errorResponses(503),
  },
});

export const resultOperations: ApiOperations = {
  "GET /api/v1/results.csv": exportOperation("csv"),
  "GET /api/v1/results.jsonl": exportOperation("jsonl"),
  "GET /api/v1/results/{id}": {
    operationId: "getResult",
    summary: "A permanent result: figures as measured, hashes, versions, hardware, windows",
    description:
      "Written once and never changed. `standing` says whether it is still the model's current result on its board; a withdrawn " +
      "result says so. Its page is /results/{id}; badges and labels pin it with `?result={id}`.",
    tags: ["results"],
    security: PUBLIC,
    requestParams: { path: z.object({ id: zResultId }) },
    responses: {
      200: { description: "The result.", content: json(zResultRecord) },
      ...errorResponses(404, 503),
    },
  },
};
