// The public, read-only routes: health, tasks, boards, models, badges, and this document.
import { z } from "zod";
import { zShieldsEndpoint } from "../../schemas/badges";
import { zHealth } from "../../schemas/health";
import { listInWords, METER_KINDS } from "../../../../benchmarks/meters/meter-kinds";
import { PRECISIONS } from "../../../../benchmarks/onnx/precision";
import { zBoard } from "../../schemas/leaderboard";
import { zModelResponse, zModelSlug } from "../../schemas/models";
import { zTasksResponse } from "../../schemas/tasks";
import { errorResponses, ifNoneMatch, json, notModified, PUBLIC } from "../responses";
import type { ApiOperations } from "./types";

const zTaskId = z.string().meta({ description: "A task id from GET /api/v1/tasks.", examples: ["mnist"] });

export const readingOperations: ApiOperations = {
  "GET /api/v1/health": {
    operationId: "getHealth",
    summary: "Whether PostgreSQL and Redis answer",
    tags: ["meta"],
    security: PUBLIC,
    responses: {
      200: { description: "Both services answer.", content: json(zHealth) },
      503: { description: "At least one service is down; the body says which.", content: json(zHealth) },
    },
  },

  "GET /api/v1/openapi.json": {
    operationId: "getOpenApiDocument",
    summary: "This document (OpenAPI 3.1)",
    tags: ["meta"],
    security: PUBLIC,
    responses: { 200: { description: "The OpenAPI 3.1 document of /api/v1.", content: json(z.record(z.string(), z.unknown())) } },
  },

  "GET /api/v1/tasks": {
    operationId: "listTasks",
    summary: "Every task and its input/output contract",
    description: "What a model must look like to be benchmarked on each task: the one input and output, the test set, the quality floor.",
    tags: ["tasks"],
    security: PUBLIC,
    responses: { 200: { description: "The tasks.", content: json(zTasksResponse) } },
  },

  "GET /api/v1/leaderboard": {
    operationId: "getLeaderboard",
    summary: "One board, ranked by accuracy per joule",
    description:
      "A board is a task on one hardware profile and meter (offline scenario); without `hardware` and `meter`, the task's default board. " +
      "Entries below the quality floor are listed unranked. Entries are listed by accuracy per joule; an entry's rank is 1 + the ranked entries better beyond the uncertainty, " +
      'so entries the figures cannot tell apart share a rank (`tied`, shown as "=3"). Cached for about a second; answers carry an ETag.',
    tags: ["boards"],
    security: PUBLIC,
    requestParams: {
      query: z.object({
        task: zTaskId,
        hardware: z.string().optional().meta({ description: "Hardware profile id (see `profiles` in an answer)." }),
        meter: z.string().optional().meta({ description: `Meter kind: ${listInWords(METER_KINDS)}.` }),
        precision: z.enum(PRECISIONS).optional().meta({ description: "Only the entries of this numeric format (ranks stay the whole board's)." }),
        format: z.enum(["json", "csv"]).default("json").meta({ description: "csv: one row per entry, safe to open in a spreadsheet (a tied rank is written '=3)." }),
      }),
      header: ifNoneMatch,
    },
    responses: {
      200: {
        description: "The board.",
        content: { ...json(zBoard), "text/csv": { schema: z.string().meta({ description: "The entries as CSV with a header row." }) } },
      },
      304: notModified,
      ...errorResponses(400, 404, 503),
    },
  },

  "GET /api/v1/models/{slug}": {
    operationId: "getModel",
    summary: "A model: metadata, every result per task and board, versions",
    tags: ["models"],
    security: PUBLIC,
    requestParams: { path: z.object({ slug: zModelSlug }) },
    responses: {
      200: { description: "The model.", content: json(zModelResponse) },
      308: {
        description: "A former name of a renamed model: the Location header names the current one.",
        headers: z.object({ Location: z.string().meta({ description: "/api/v1/models/{current slug}" }) }),
      },
      ...errorResponses(404, 503),
    },
  },

  "GET /api/v1/badges/{slug}/{task}": {
    operationId: "getBadgeEndpoint",
    summary: "The model's badge as shields.io endpoint JSON",
    description:
      "For https://img.shields.io/endpoint?url=…; the SVG itself is at /badge/{slug}/{task}.svg. Every answer, found or not, has the " +
      "shields schema, so shields shows it.",
    tags: ["badges"],
    security: PUBLIC,
    requestParams: {
      path: z.object({ slug: zModelSlug, task: zTaskId }),
      query: z.object({
        result: z.string().optional().meta({ description: "Pin one result (its id): the badge then never changes, except to say “withdrawn”." }),
      }),
      header: ifNoneMatch,
    },
    responses: {
      200: { description: "The badge: accuracy, µJ per inference and energy class (or pending / withdrawn).", content: json(zShieldsEndpoint) },
      304: notModified,
      404: { description: "No such model or task (or pinned result of it), or no result yet: a grey “not found” badge.", content: json(zShieldsEndpoint) },
      503: { description: "A failure of ours: a grey “unavailable” badge.", content: json(zShieldsEndpoint) },
    },
  },
};
