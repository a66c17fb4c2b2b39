// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas (zod-openapi renders them with zod 4's own
// JSON Schema conversion) and the operations list. Built once per process; served at GET /api/v1/openapi.json.
import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";
import { zBenchmarkResult } from "../../../benchmarks/harness/result-schema";
import { API_OPERATIONS, type ApiOperations } from "./operations";
import { SECURITY_SCHEMES } from "./responses";

type OpenApiDocument = ReturnType<typeof createDocument>;

export function operationsToPaths(operations: ApiOperations): ZodOpenApiPathsObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const [key, operation] of Object.entries(operations)) {
    const [method, path] = key.split(" ");
    paths[path] = { ...paths[path], [method.toLowerCase()]: operation };
  }
  return paths;
}

export function buildOpenApiDocument(operations: ApiOperations = API_OPERATIONS): OpenApiDocument {
  // Schemas with an id (.meta({ id }) or named under components) are referenced; the rest are written in place.
  return createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "frugalboard API",
        version: "1",
        description:
          "Rank small ONNX models by accuracy per joule. Read boards, models, tasks and badges without an account; submit models with an " +
          "API token. Every error is `{ error: { code, message } }` with a fitting HTTP status; the message says what to do.",
        license: { name: "MIT", identifier: "MIT" },
      },
      tags: [
        { name: "submissions", description: "Submit a model and follow its benchmark." },
        { name: "boards", description: "Ranked boards per task, hardware profile and meter." },
        { name: "models", description: "A model's results and history." },
        { name: "badges", description: "Badges for papers and READMEs." },
        { name: "results", description: "Permanent, citable results and the open data export." },
        { name: "tasks", description: "The tasks and their input/output contracts." },
        { name: "meta", description: "Health and this document." },
      ],
      paths: operationsToPaths(operations),
      components: {
        securitySchemes: SECURITY_SCHEMES,
        // Schemas of benchmarks/ have no OpenAPI id of their own; named here, they are referenced, not repeated.
        schemas: { BenchmarkResult: zBenchmarkResult },
      },
    },
    {
      // zod writes exact but unreadable extras: a 400-character regex beside format date-time, and a maximum of
      // 2^53 - 1 on every integer. The format and the type say enough.
      override: ({ jsonSchema }) => {
        if (jsonSchema.format === "date-time") delete jsonSchema.pattern;
        if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
        if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
      },
    },
  );
}

let cached: OpenApiDocument | undefined;

export function getOpenApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument();
  return cached;
}
