// Submitting a model and following its benchmark.
import { z } from "zod";
import { zSubmissionCreated, zSubmissionForm, zSubmissionView } from "../../schemas/submissions";
import { BEARER, errorResponses, json, PUBLIC } from "../responses";
import type { ApiOperations } from "./types";

export const submissionOperations: ApiOperations = {
  "POST /api/v1/submissions": {
    operationId: "createSubmission",
    summary: "Submit an ONNX model for a task",
    description:
      "The file is validated against the task's contract before anything is stored; then the submission is queued for a worker. " +
      "Follow it at `statusUrl`. `npx frugalboard submit` does this and waits for the result.",
    tags: ["submissions"],
    security: BEARER,
    requestBody: { required: true, content: { "multipart/form-data": { schema: zSubmissionForm } } },
    responses: {
      201: {
        description: "Stored and queued.",
        headers: z.object({ Location: z.string().meta({ description: "The statusUrl." }) }),
        content: json(zSubmissionCreated),
      },
      ...errorResponses(400, 401, 403, 409, 413, 422, 503),
    },
  },

  "GET /api/v1/submissions/{id}": {
    operationId: "getSubmission",
    summary: "A submission's status, progress, result, rank and badge",
    description: "Poll it (about once a second) until `status` is final: succeeded, failed, rejected or withdrawn.",
    tags: ["submissions"],
    security: PUBLIC,
    requestParams: { path: z.object({ id: z.string().meta({ description: "The id returned at submission." }) }) },
    responses: {
      200: { description: "The submission.", content: json(zSubmissionView) },
      ...errorResponses(404, 503),
    },
  },
};
