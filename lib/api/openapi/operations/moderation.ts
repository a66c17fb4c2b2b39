// Changing a model: its owner or an administrator edits or deletes it; administrators hide and unhide it.
import { z } from "zod";
import { zModelDeleted, zModelMetadata } from "../../schemas/accounts";
import { zModelPatch } from "../../schemas/inputs";
import { zModelSlug } from "../../schemas/models";
import { BEARER_OR_SESSION, errorResponses, json } from "../responses";
import type { ApiOperations } from "./types";

const slugParam = { path: z.object({ slug: zModelSlug }) };

export const moderationOperations: ApiOperations = {
  "PATCH /api/v1/models/{slug}": {
    operationId: "updateModel",
    summary: "Edit a model's metadata (owner or admin)",
    description: "Each field is optional; null clears an optional one; `slug` renames the model (the old name redirects). Links must be http(s).",
    tags: ["models"],
    security: BEARER_OR_SESSION,
    requestParams: slugParam,
    requestBody: { required: true, content: json(zModelPatch) },
    responses: { 200: { description: "The model's metadata now.", content: json(zModelMetadata) }, ...errorResponses(400, 401, 403, 404, 409, 503) },
  },

  "DELETE /api/v1/models/{slug}": {
    operationId: "deleteModel",
    summary: "Delete a model with its submissions and results (owner or admin)",
    tags: ["models"],
    security: BEARER_OR_SESSION,
    requestParams: slugParam,
    responses: { 200: { description: "Deleted.", content: json(zModelDeleted) }, ...errorResponses(401, 403, 404, 503) },
  },

  "POST /api/v1/models/{slug}/hide": {
    operationId: "hideModel",
    summary: "Hide a model from boards, lists and its page (admin)",
    tags: ["models"],
    security: BEARER_OR_SESSION,
    requestParams: slugParam,
    responses: { 200: { description: "Hidden.", content: json(zModelMetadata) }, ...errorResponses(401, 403, 404, 503) },
  },

  "POST /api/v1/models/{slug}/unhide": {
    operationId: "unhideModel",
    summary: "Show a hidden model again (admin)",
    tags: ["models"],
    security: BEARER_OR_SESSION,
    requestParams: slugParam,
    responses: { 200: { description: "Shown again.", content: json(zModelMetadata) }, ...errorResponses(401, 403, 404, 503) },
  },
};
