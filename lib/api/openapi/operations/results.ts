// Permanent results, for papers and model cards.
import { z } from "zod";
import { zResultId, zResultRecord } from "../../schemas/results";
import { errorResponses, json, PUBLIC } from "../responses";
import type { ApiOperations } from "./types";

export const resultOperations: ApiOperations = {
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
