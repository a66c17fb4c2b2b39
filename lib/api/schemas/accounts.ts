// Answers of the accounts, tokens and model-management routes. Their request bodies are in inputs.ts (the schemas
// the handlers parse with), so the OpenAPI document describes what the server really accepts.
import { z } from "zod";
import type { TokenView } from "../../auth/tokens";
import type { ModelMetadata } from "../../models/manage-model";
import { zIsoDateTime } from "./common";

export const zSignedInUser = z
  .object({ username: z.string(), role: z.enum(["user", "admin"]) })
  .meta({ id: "SignedInUser" });

export const zSignedIn = z.object({ user: zSignedInUser });
export const zMe = z.object({ user: zSignedInUser.nullable().meta({ description: "null when neither a session nor a token was sent." }) });
export const zSignedOut = z.object({
  signedOut: z.literal(true),
  sessions: z.number().int().nonnegative().optional().meta({ description: "Sign out everywhere: how many sessions ended." }),
});

export const zToken = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().meta({ description: "The first characters of the token, to recognise it." }),
    createdAt: zIsoDateTime,
    lastUsedAt: zIsoDateTime.nullable(),
  })
  .meta({ id: "ApiToken" }) satisfies z.ZodType<TokenView>;

export const zTokenCreated = zToken
  .extend({ token: z.string().meta({ description: "The token itself: shown this once, stored only as its SHA-256." }) })
  .meta({ id: "ApiTokenCreated" });
export const zTokenList = z.object({ tokens: z.array(zToken).meta({ description: "Tokens not revoked, newest first." }) });
export const zTokenRevoked = z.object({ id: z.string(), revokedAt: zIsoDateTime });

export const zModelMetadata = z
  .object({
    slug: z.string(),
    name: z.string(),
    owner: z.string().meta({ description: "Username of the owner." }),
    description: z.string().nullable(),
    paperUrl: z.string().nullable(),
    codeUrl: z.string().nullable(),
    licence: z.string().nullable(),
    hidden: z.boolean(),
  })
  .meta({ id: "ModelMetadata" }) satisfies z.ZodType<ModelMetadata>;

export const zModelDeleted = z.object({
  slug: z.string(),
  deleted: z.literal(true),
  submissions: z.number().int().nonnegative().meta({ description: "Submissions (and their results) removed with it." }),
});
