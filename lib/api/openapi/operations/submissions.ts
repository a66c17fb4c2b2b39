// Submitting a model and following its benchmark.
import { z } from "zod";
import { zSubmissionCreated, zSubmissionForm, zSubmissionView } from "../../schemas/submissions";
import { BEARER_OR_SESSION, errorResponses, json, PUBLIC } from "../responses";
import type { ApiOperations } from "./types";

export const submissionOperations: ApiOperations = {
  "POST /api/v1/submissions": {
    operationId: "createSubmission",
    summary: "Submit an ONNX model for a task",
    description:
      "The file is validated against the task's contract before anything is stored; then the submission is queued for a worker. " +
      "Follow it at `statusUrl`. `npx frugalboard submit` does this and waits for the result. The same file for the same model and " +
      "task, queued, running or succeeded under the current harness version, answers 200 with that submission instead of running " +
      "again. At most FRUGAL_SUBMISSIONS_PER_DAY new submissions per user in 24 hours (429 past it).",
    tags: ["submissions"],
    security: BEARER_OR_SESSION,
    requestBody: { required: true, content: { "multipart/form-data": { schema: zSubmissionForm } } },
    responses: {
      201: {
        description: "Stored and queued.",
        headers: z.object({ Location: z.string().meta({ description: "The statusUrl." }) }),
        content: json(zSubmissionCreated),
      },
      200: {
        description: "Already submitted: the existing submission (nothing new is run).",
        headers: z.object({ Location: z.string().meta({ description: "The statusUrl." }) }),
        content: json(zSubmissionCreated),
      },
      ...errorResponses(400, 401, 403, 409, 413, 422, 429, 503),
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

  "POST /api/v1/submissions/{id}/withdraw": {
    operationId: "withdrawSubmission",
    summary: "Take a result back (owner or admin)",
    description:
      "The result leaves every board; the model's previous result, if any, stands again, and a badge with no result left says " +
      "“withdrawn”. 409 while the submission is queued or running, or when it has no result.",
    tags: ["submissions"],
    security: BEARER_OR_SESSION,
    requestParams: { path: z.object({ id: z.string() }) },
    responses: {
      200: { description: "The submission, now withdrawn.", content: json(zSubmissionView) },
      ...errorResponses(401, 403, 404, 409, 503),
    },
  },
};
