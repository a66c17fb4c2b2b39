// Accounts and API tokens: signing up, in and out, and the tokens the CLI and CI use.
import { z } from "zod";
import { zMe, zSignedIn, zSignedOut, zTokenCreated, zTokenList, zTokenRevoked } from "../../schemas/accounts";
import { zSignInInput, zSignUpInput, zTokenCreateInput } from "../../schemas/inputs";
import { BEARER_OR_SESSION, errorResponses, json, PUBLIC, SESSION } from "../responses";
import type { ApiOperations } from "./types";

const setCookie = z.object({ "Set-Cookie": z.string().meta({ description: "The new session: httpOnly, SameSite=Lax (Secure on https)." }) });
const sameSite = "Must come from this site (Sec-Fetch-Site: same-origin, or a matching Origin), else 403.";

export const accountOperations: ApiOperations = {
  "POST /api/v1/auth/signup": {
    operationId: "signUp",
    summary: "Create an account and sign in",
    description: `Usernames: 3–32 of a–z, 0–9, '_' and '-', case-insensitive. Passwords: 10–200 characters, not a common one. ${sameSite} Limited per IP (429).`,
    tags: ["accounts"],
    security: PUBLIC,
    requestBody: { required: true, content: json(zSignUpInput) },
    responses: {
      201: { description: "Signed up and in.", headers: setCookie, content: json(zSignedIn) },
      ...errorResponses(400, 403, 409, 429, 503),
    },
  },

  "POST /api/v1/auth/signin": {
    operationId: "signIn",
    summary: "Sign in (a new session every time)",
    description: `A session id the request brought is never reused. ${sameSite} Limited per IP (429).`,
    tags: ["accounts"],
    security: PUBLIC,
    requestBody: { required: true, content: json(zSignInInput) },
    responses: {
      200: { description: "Signed in.", headers: setCookie, content: json(zSignedIn) },
      ...errorResponses(400, 401, 403, 429, 503),
    },
  },

  "POST /api/v1/auth/signout": {
    operationId: "signOut",
    summary: "End this session",
    description: sameSite,
    tags: ["accounts"],
    security: PUBLIC,
    responses: { 200: { description: "Signed out (also when no session was sent).", content: json(zSignedOut) }, ...errorResponses(403, 503) },
  },

  "POST /api/v1/auth/signout-everywhere": {
    operationId: "signOutEverywhere",
    summary: "End every session of this user",
    tags: ["accounts"],
    security: BEARER_OR_SESSION,
    responses: { 200: { description: "Every session ended.", content: json(zSignedOut) }, ...errorResponses(401, 403, 503) },
  },

  "GET /api/v1/auth/me": {
    operationId: "getMe",
    summary: "Who the session or token belongs to",
    description: "Reads the session cookie or Bearer token when one is sent; never refuses (an anonymous caller gets null).",
    tags: ["accounts"],
    security: PUBLIC,
    responses: { 200: { description: "The user, or null.", content: json(zMe) }, ...errorResponses(503) },
  },

  "GET /api/v1/tokens": {
    operationId: "listTokens",
    summary: "Your API tokens (not revoked), with their last use",
    tags: ["tokens"],
    security: BEARER_OR_SESSION,
    responses: { 200: { description: "The tokens.", content: json(zTokenList) }, ...errorResponses(401, 503) },
  },

  "POST /api/v1/tokens": {
    operationId: "createToken",
    summary: "Create a named API token (shown once)",
    description: "Needs a browser session, so a leaked token cannot mint more.",
    tags: ["tokens"],
    security: SESSION,
    requestBody: { required: true, content: json(zTokenCreateInput) },
    responses: { 201: { description: "The token, in clear this once.", content: json(zTokenCreated) }, ...errorResponses(400, 401, 403, 503) },
  },

  "DELETE /api/v1/tokens/{id}": {
    operationId: "revokeToken",
    summary: "Revoke one of your tokens",
    description: "Needs a browser session. A revoked token is refused (401) from then on.",
    tags: ["tokens"],
    security: SESSION,
    requestParams: { path: z.object({ id: z.string() }) },
    responses: { 200: { description: "Revoked.", content: json(zTokenRevoked) }, ...errorResponses(401, 403, 404, 503) },
  },
};
